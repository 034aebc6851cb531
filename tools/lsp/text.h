#pragma once
// Positions as LSP counts them: 0-based lines, and characters in UTF-16 code units (an emoji
// outside the Basic Multilingual Plane is two), against byte offsets into the UTF-8 text.
// listlint's own columns count code points; these convert between the two.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace listlint::lsp {

struct Position {
  int line = 0;
  int character = 0;  ///< UTF-16 code units from the line's start
};

/// Line starts of a text (a line ends at "\n", "\r\n" or a lone "\r", as LSP says).
class LineMap {
 public:
  explicit LineMap(std::string_view text);
  /// The LSP position of byte `offset` (clamped to the text).
  Position position(std::size_t offset) const;
  /// The byte offset of an LSP position (a line past the end is the text's end; a character past
  /// the line's end is the line's end; inside a surrogate pair, the character's start).
  std::size_t offset(Position p) const;
  /// Bytes [begin, end) of line `line` (0-based) without its line break.
  std::pair<std::size_t, std::size_t> line_bytes(int line) const;
  int line_count() const { return static_cast<int>(starts_.size()); }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

/// UTF-16 code units of the UTF-8 bytes `s` (an invalid byte counts as one unit, as U+FFFD).
std::size_t utf16_length(std::string_view s);

nlohmann::json to_json(Position p);
nlohmann::json range_json(const LineMap& map, std::size_t begin, std::size_t end);
/// Reads {"line": N, "character": N}; throws nlohmann::json exceptions when malformed.
Position position_from(const nlohmann::json& j);

}  // namespace listlint::lsp
