#include "listlint/model/document.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <system_error>

namespace listlint {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid.
std::size_t utf8_seq_len(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const std::size_t n = s.size();
  auto cont = [&](std::size_t k) {
    return k < n && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80;
  };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogates
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}

// Where YAML front matter ends (see Document::front_matter_end), 0 when there is none.
std::size_t find_front_matter(std::string_view b, std::size_t from) {
  auto line_at = [&](std::size_t p, std::size_t& next) {
    std::size_t e = b.find('\n', p);
    next = e == std::string_view::npos ? b.size() : e + 1;
    if (e == std::string_view::npos) e = b.size();
    std::string_view l = b.substr(p, e - p);
    while (!l.empty() && (l.back() == '\r' || l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
    return l;
  };
  std::size_t next = 0;
  if (line_at(from, next) != "---" || next >= b.size()) return 0;
  for (std::size_t p = next; p < b.size(); p = next) {
    const std::string_view l = line_at(p, next);
    if (l == "---" || l == "...") return next;
  }
  return 0;  // never closed: GitHub renders it as Markdown (a rule, then text)
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
    const std::size_t len = utf8_seq_len(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

bool repair_utf8(std::string& s) {
  if (is_valid_utf8(s)) return false;
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = utf8_seq_len(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      while (i < s.size() && utf8_seq_len(s, i) == 0) ++i;  // one U+FFFD per bad run
      continue;
    }
    out.append(s, i, len);
    i += len;
  }
  s = std::move(out);
  return true;
}

Document::Document(std::string path, std::string bytes)
    : path_(std::move(path)), bytes_(std::move(bytes)) {
  if (bytes_.size() >= 3 && bytes_.compare(0, 3, "\xEF\xBB\xBF") == 0) content_offset_ = 3;
  const std::string_view b = bytes_;
  for (const char* p = b.data() + content_offset_; ;) {
    const std::size_t left = static_cast<std::size_t>(b.data() + b.size() - p);
    const void* z = std::memchr(p, 0, left);
    if (z == nullptr) break;
    nuls_.push_back(static_cast<std::size_t>(static_cast<const char*>(z) - b.data()));
    p = static_cast<const char*>(z) + 1;
  }
  lines_ = LineIndex(bytes_, content_offset_);
  endings_.lf = lines_.lf_count();
  endings_.crlf = lines_.crlf_count();
  endings_.cr = lines_.cr_count();
  endings_.final_newline = b.size() > content_offset_ && (b.back() == '\n' || b.back() == '\r');
  // Only lines with bytes >= 0x80 can hold invalid UTF-8.
  const int nlines = lines_.line_count();
  for (int ln = 1; ln <= nlines; ++ln) {
    if (lines_.ascii(ln)) continue;
    const std::size_t end = lines_.line_end(ln);
    for (std::size_t i = lines_.line_begin(ln); i < end;) {
      if (static_cast<unsigned char>(b[i]) < 0x80) { ++i; continue; }
      if (const std::size_t len = utf8_seq_len(b.substr(0, end), i); len != 0) { i += len; continue; }
      std::size_t j = i + 1;
      while (j < end && static_cast<unsigned char>(b[j]) >= 0x80 && utf8_seq_len(b.substr(0, end), j) == 0) ++j;
      invalid_.push_back(InvalidUtf8{i, j - i, lines_.pos(i)});
      i = j;
    }
  }
  front_matter_end_ = find_front_matter(bytes_, content_offset_);
  if (!nuls_.empty() || front_matter_end_ > 0) {
    // cmark-gfm turns NUL into a 3-byte U+FFFD, which would shift every later column on the
    // line; a 1-byte stand-in keeps positions exact.
    parse_copy_.assign(bytes_, content_offset_);
    for (std::size_t off : nuls_) parse_copy_[off - content_offset_] = '\x1A';
    for (std::size_t off = content_offset_; off < front_matter_end_; ++off)
      if (parse_copy_[off - content_offset_] != '\n' && parse_copy_[off - content_offset_] != '\r')
        parse_copy_[off - content_offset_] = ' ';
  }
}

std::string_view Document::parse_text() const {
  if (!parse_copy_.empty()) return parse_copy_;
  return std::string_view(bytes_).substr(content_offset_);
}

std::string_view Document::raw(std::size_t begin, std::size_t end) const {
  begin = std::min(begin, bytes_.size());
  end = std::min(std::max(begin, end), bytes_.size());
  return std::string_view(bytes_).substr(begin, end - begin);
}

std::string Document::slice(std::size_t begin, std::size_t end) const {
  std::string s(raw(begin, end));
  if (!invalid_.empty()) repair_utf8(s);
  return s;
}

namespace {

struct WideRow {
  std::size_t pipes = 0;
  std::size_t line = 0;
};

// The line with the most '|' characters. Jumps from '|' to '|' with memchr: lists have few.
WideRow widest_row(std::string_view s) {
  WideRow best;
  const char* const begin = s.data();
  const char* const end = begin + s.size();
  const char* p = begin;
  const char* line_end = begin;  // end of the line holding the pipes being counted
  std::size_t count = 0;
  const char* best_at = nullptr;
  while ((p = static_cast<const char*>(std::memchr(p, '|', static_cast<std::size_t>(end - p)))) != nullptr) {
    if (p >= line_end) {
      count = 0;
      line_end = p;
      while (line_end < end && *line_end != '\n' && *line_end != '\r') ++line_end;
    }
    if (++count > best.pipes) {
      best.pipes = count;
      best_at = p;
    }
    ++p;
  }
  if (best_at != nullptr) {
    best.line = 1;
    for (const char* q = begin; q < best_at; ++q)
      best.line += *q == '\n' || (*q == '\r' && (q + 1 == end || q[1] != '\n'));
  }
  return best;
}

}  // namespace

LoadResult make_document(std::string path, std::string bytes) {
  auto fail = [&](std::string reason) {
    return LoadResult{std::nullopt, LoadError{path, std::move(reason)}};
  };
  if (bytes.size() > kMaxFileBytes) return fail("file too large (over 512 MiB)");
  auto starts = [&](std::string_view p) { return bytes.compare(0, p.size(), p) == 0 && bytes.size() >= p.size(); };
  if (starts(std::string_view("\xFF\xFE\0\0", 4)) || starts(std::string_view("\0\0\xFE\xFF", 4)))
    return fail("UTF-32 encoded; listlint reads UTF-8 (convert with iconv)");
  if (starts("\xFF\xFE") || starts("\xFE\xFF"))
    return fail("UTF-16 encoded; listlint reads UTF-8 (convert with iconv)");
  const std::size_t head = std::min<std::size_t>(bytes.size(), 8000);
  if (std::memchr(bytes.data(), 0, head) != nullptr)
    return fail("binary file (NUL byte in the first 8000 bytes), not Markdown");
  if (const auto wide = widest_row(bytes); wide.pipes > kMaxRowCells)
    return fail("line " + std::to_string(wide.line) + " has " + std::to_string(wide.pipes) +
                " '|' characters; listlint refuses table rows of over " + std::to_string(kMaxRowCells) +
                " cells (cmark-gfm's time grows with the square of a row's cells)");
  LoadResult r;
  r.document.emplace(std::move(path), std::move(bytes));
  return r;
}

LoadResult load_document(const std::string& path) {
  if (path == "-") {
    // Read in pieces, stopping past the size limit: `yes | listlint check -` must end.
    std::string bytes;
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
      bytes.append(buf, n);
      if (bytes.size() > kMaxFileBytes) break;
    }
    if (std::ferror(stdin)) return LoadResult{std::nullopt, LoadError{path, "cannot read standard input"}};
    return make_document(path, std::move(bytes));
  }
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    const int code = ec ? ec.value() : ENOENT;
    return LoadResult{std::nullopt, LoadError{path, std::strerror(code)}};
  }
  if (std::filesystem::is_directory(status))
    return LoadResult{std::nullopt, LoadError{path, "is a directory, not a file"}};
  if (!std::filesystem::is_regular_file(status) && !std::filesystem::is_fifo(status) &&
      !std::filesystem::is_character_file(status))
    return LoadResult{std::nullopt, LoadError{path, "not a regular file"}};
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return LoadResult{std::nullopt, LoadError{path, std::strerror(errno)}};
  std::string bytes;
  if (std::filesystem::is_regular_file(status)) {
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxFileBytes) {
      std::fclose(f);
      return LoadResult{std::nullopt, LoadError{path, "file too large (over 512 MiB)"}};
    }
    if (!ec) bytes.reserve(static_cast<std::size_t>(size));
  }
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    bytes.append(buf, n);
    if (bytes.size() > kMaxFileBytes) break;
  }
  const bool failed = std::ferror(f) != 0;
  const int err = errno;
  std::fclose(f);
  if (failed) return LoadResult{std::nullopt, LoadError{path, std::strerror(err)}};
  return make_document(path, std::move(bytes));
}

}  // namespace listlint
