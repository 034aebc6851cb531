#pragma once
// Positions in a source file: byte offsets and 1-based line/column pairs.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace listlint {

/// A 1-based line and column; the column counts Unicode code points (a tab is one).
struct SourcePos {
  int line = 0;
  int column = 0;
  friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

/// A half-open byte range [begin, end) into the file's bytes (a BOM included).
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool contains(std::size_t offset) const { return offset >= begin && offset < end; }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

/// Where an element sits: its bytes, its first position and the position just past it.
struct Span {
  ByteRange bytes;
  SourcePos begin;
  SourcePos end;  ///< exclusive: the column after the last character
};

/// Maps byte offsets to lines and code-point columns and back. Line breaks are LF, CRLF or
/// a lone CR, as in CommonMark. Line 1 starts after a UTF-8 BOM.
class LineIndex {
 public:
  LineIndex() = default;
  /// Indexes `text`; line 1 begins at `first_line_offset`.
  LineIndex(std::string_view text, std::size_t first_line_offset);

  /// Number of lines (a final line break does not open an empty last line).
  int line_count() const { return static_cast<int>(starts_.size()); }
  /// Byte offset of the first byte of `line` (1-based); clamps out-of-range lines.
  std::size_t line_begin(int line) const;
  /// Byte offset just past the content of `line`, before its line break.
  std::size_t line_end(int line) const;
  /// The content of `line` without its line break.
  std::string_view line_text(int line) const;
  /// The line holding `offset` (1-based).
  int line_of(std::size_t offset) const;
  /// The position of the byte at `offset` (column in code points).
  SourcePos pos(std::size_t offset) const;
  /// Byte offset of a 1-based byte column on a line, as cmark-gfm reports it, clamped to the
  /// line's end.
  std::size_t offset(int line, int byte_column) const;
  /// A Span for a byte range.
  Span span(std::size_t begin, std::size_t end) const;
  /// True when `line` holds only ASCII bytes.
  bool ascii(int line) const { return ascii_[static_cast<std::size_t>(line - 1)] != 0; }
  /// Line breaks seen: "\n", "\r\n" and lone "\r".
  std::size_t lf_count() const { return lf_; }
  std::size_t crlf_count() const { return crlf_; }
  std::size_t cr_count() const { return cr_; }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  std::vector<std::size_t> ends_;
  std::vector<std::uint8_t> ascii_;  // 1 when the line is pure ASCII (column = byte column)
  std::size_t lf_ = 0, crlf_ = 0, cr_ = 0;
};

}  // namespace listlint
