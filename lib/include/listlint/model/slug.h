#pragma once
// GitHub-compatible heading anchors (github-slugger 2.0.0, with U+FE0F dropped as GitHub does).

#include <string>
#include <string_view>
#include <unordered_map>

namespace listlint {

/// The slug of one heading's plain text, without the duplicate suffix: lowercase, drop
/// punctuation, symbols, No, controls, format, unassigned and non-space separators unless
/// Alphabetic, turn each space into '-'. U+FE0F is removed first, as GitHub does.
std::string github_slug(std::string_view text);

/// Hands out unique anchors in document order: `echo`, `echo-1`, `echo-2` (github-slugger's
/// BananaSlug occurrence rules).
class Slugger {
 public:
  /// The anchor for the next heading with this plain text.
  std::string next(std::string_view text);
  /// Forgets every anchor handed out.
  void reset();

 private:
  std::unordered_map<std::string, int> occurrences_;  // every slug handed out -> its counter
};

}  // namespace listlint
