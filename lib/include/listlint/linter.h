#pragma once
// Running rules over a model, inline directives, and applying fixes.

#include <string>
#include <vector>

#include "listlint/config.h"
#include "listlint/diagnostic.h"
#include "listlint/model.h"
#include "listlint/rule.h"

namespace listlint {

/// Inline directives read from HTML comments:
/// <!-- listlint-disable id ... -->, <!-- listlint-enable id ... -->,
/// <!-- listlint-disable-next-line id ... -->, <!-- listlint-disable-file id ... -->
/// (no ids: every rule).
class Directives {
 public:
  /// Reads the directives of a model's comments.
  explicit Directives(const ListModel& model);
  /// True when `rule` is disabled on `line`.
  bool suppressed(const std::string& rule, int line) const;
  /// Rule ids named by directives, with the line naming them (to check against known rules).
  const std::vector<std::pair<std::string, int>>& named() const { return named_; }

 private:
  struct Item {
    enum Kind { Disable, Enable, NextLine, File } kind;
    int line;  // the line it applies from (NextLine: the line it applies to)
    std::vector<std::string> ids;  // empty: all
  };
  std::vector<Item> items_;
  std::vector<std::pair<std::string, int>> named_;
};

/// Lints one document with the enabled rules, directives applied, sorted by position.
std::vector<Diagnostic> lint(const Document& doc, const ListModel& model, const Config& config,
                             const std::vector<const Rule*>& rules, const Resources& resources = {});

/// Applies the fixes of `diagnostics` that do not overlap one another and whose edits find the
/// bytes they expect (TextEdit::expected); returns the new bytes.
/// `applied` receives how many fixes went in.
std::string apply_fixes(std::string_view bytes, const std::vector<Diagnostic>& diagnostics, int* applied);

/// The result of fixing a file.
struct FixResult {
  std::string bytes;                   ///< the fixed file
  std::vector<Diagnostic> remaining;   ///< findings left after fixing
  int applied = 0;                     ///< fixes applied over all passes
  int passes = 0;
  /// Set when the fixes did not reach a fixed point within the passes (a rule keeps editing what
  /// it edited): the reason, naming the rules. The file must not be written.
  std::optional<std::string> not_converged;
};

/// Fixes, lints again and repeats until nothing fixable is left (at most `max_passes`).
FixResult fix_document(const std::string& path, std::string bytes, const Config& config,
                       const std::vector<const Rule*>& rules, const Resources& resources = {},
                       int max_passes = 10);

/// Writes a file atomically: a temporary file in the same folder, flushed, given the old file's
/// permissions, then renamed over it. Refuses read-only files, and missing ones unless `create`
/// (a new file gets the permissions the umask allows). Returns the reason on failure.
std::optional<std::string> write_file_atomic(const std::string& path, std::string_view bytes, bool create = false);

}  // namespace listlint
