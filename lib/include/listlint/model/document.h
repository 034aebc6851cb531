#pragma once
// Document: the bytes of one Markdown file, decoded just enough to be parsed and indexed.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "listlint/model/source.h"

namespace listlint {

/// A byte sequence that is not valid UTF-8.
struct InvalidUtf8 {
  std::size_t offset = 0;  ///< byte offset of the first bad byte
  std::size_t length = 0;  ///< number of bad bytes in a row
  SourcePos pos;
};

/// How the file ends its lines.
struct LineEndings {
  std::size_t lf = 0;    ///< "\n" alone
  std::size_t crlf = 0;  ///< "\r\n"
  std::size_t cr = 0;    ///< "\r" alone
  bool final_newline = false;
};

/// One file's bytes with a line index. Never fails: bad bytes are recorded, not fatal.
class Document {
 public:
  /// Wraps bytes read from `path` ("-" for standard input is only a name here).
  Document(std::string path, std::string bytes);
  Document(Document&&) noexcept = default;
  Document& operator=(Document&&) noexcept = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  /// The path the document was read from, as given.
  const std::string& path() const { return path_; }
  /// The file's bytes exactly as read.
  std::string_view bytes() const { return bytes_; }
  /// The bytes handed to the Markdown parser: after the BOM, NUL bytes replaced by U+001A.
  std::string_view parse_text() const;
  /// YAML front matter ("---" on the first line, to a line "---" or "..."): GitHub shows it as
  /// a table, not as Markdown, so the parser sees it blanked (spaces, line breaks kept). The
  /// offset just past it, 0 when there is none.
  std::size_t front_matter_end() const { return front_matter_end_; }
  /// Offset of the first byte after a UTF-8 BOM (0 or 3).
  std::size_t content_offset() const { return content_offset_; }
  /// True when the file starts with a UTF-8 byte order mark.
  bool has_bom() const { return content_offset_ == 3; }
  /// Line and column lookups.
  const LineIndex& lines() const { return lines_; }
  /// Every run of bytes that is not valid UTF-8, in file order.
  const std::vector<InvalidUtf8>& invalid_utf8() const { return invalid_; }
  /// Offsets of NUL bytes (the parser sees U+001A there).
  const std::vector<std::size_t>& nul_bytes() const { return nuls_; }
  /// Line-ending counts.
  const LineEndings& line_endings() const { return endings_; }
  /// Bytes [begin, end) as valid UTF-8 (bad bytes become U+FFFD).
  std::string slice(std::size_t begin, std::size_t end) const;
  /// Bytes [begin, end) without repair.
  std::string_view raw(std::size_t begin, std::size_t end) const;
  /// Offset in the file of a 1-based line and cmark-gfm byte column.
  std::size_t offset(int line, int byte_column) const { return lines_.offset(line, byte_column); }

 private:
  std::string path_;
  std::string bytes_;
  std::string parse_copy_;  // only when NUL bytes had to be replaced
  std::size_t content_offset_ = 0;
  std::size_t front_matter_end_ = 0;
  LineIndex lines_;
  std::vector<InvalidUtf8> invalid_;
  std::vector<std::size_t> nuls_;
  LineEndings endings_;
};

/// Why a file could not be read.
struct LoadError {
  std::string path;
  std::string reason;  ///< one line, e.g. "No such file or directory"
};

/// Either a Document or the reason there is none.
struct LoadResult {
  std::optional<Document> document;
  std::optional<LoadError> error;
};

/// Largest file `load_document` accepts.
inline constexpr std::size_t kMaxFileBytes = std::size_t{512} << 20;

/// Most '|' characters one line may hold: cmark-gfm's table parser takes time that grows with the
/// square of a row's cells (100,000 cells cost 13 s), so wider rows are refused.
inline constexpr std::size_t kMaxRowCells = 1000;

/// Reads a file ("-" reads standard input). Fails on missing, unreadable, directory,
/// too large or binary input (UTF-16/32, or NUL bytes near the start), and lines of more than
/// kMaxRowCells '|' characters.
LoadResult load_document(const std::string& path);

/// Same checks as load_document for bytes already in memory.
LoadResult make_document(std::string path, std::string bytes);

/// Replaces invalid UTF-8 in `s` with U+FFFD; returns true when something changed.
bool repair_utf8(std::string& s);

/// True when `s` is valid UTF-8.
bool is_valid_utf8(std::string_view s);

}  // namespace listlint
