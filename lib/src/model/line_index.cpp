#include "listlint/model/source.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

namespace listlint {

namespace {
bool all_ascii(const char* p, std::size_t n) {
  std::uint64_t acc = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    acc |= w;
  }
  for (; i < n; ++i) acc |= static_cast<unsigned char>(p[i]);
  return (acc & 0x8080808080808080ULL) == 0;
}

// The bytes of p[0, n) that are not UTF-8 continuation bytes (10xxxxxx; an invalid byte counts as
// one): the characters, eight bytes at a time. (In each byte, bit 7 set and bit 6 clear: x & ~(x
// << 1) moves each byte's bit 6 under its bit 7, and the bit 7 shifted into the next byte is
// masked away.)
std::size_t characters(const char* p, std::size_t n) {
  std::size_t count = n, i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    count -= static_cast<std::size_t>(std::popcount(w & ~(w << 1) & 0x8080808080808080ULL));
  }
  for (; i < n; ++i) count -= (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
  return count;
}
}  // namespace

LineIndex::LineIndex(std::string_view text, std::size_t first_line_offset) : text_(text) {
  const char* d = text.data();
  const std::size_t n = text.size();
  std::size_t i = std::min(first_line_offset, n);
  const std::size_t reserve = n / 40 + 1;
  starts_.reserve(reserve);
  ends_.reserve(reserve);
  ascii_.reserve(reserve);
  if (std::memchr(d + i, '\r', n - i) == nullptr) {
    // LF only: let memchr find the line breaks.
    while (i < n) {
      const void* nl = std::memchr(d + i, '\n', n - i);
      const std::size_t e = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - d) : n;
      starts_.push_back(i);
      ends_.push_back(e);
      ascii_.push_back(all_ascii(d + i, e - i) ? 1 : 0);
      if (!nl) break;
      ++lf_;
      i = e + 1;
    }
    if (starts_.empty()) {
      starts_.push_back(i);
      ends_.push_back(n);
      ascii_.push_back(1);
    }
    return;
  }
  std::size_t start = i;
  bool ascii = true;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || c == '\r') {
      starts_.push_back(start);
      ends_.push_back(i);
      ascii_.push_back(ascii ? 1 : 0);
      if (c == '\r' && i + 1 < n && text[i + 1] == '\n') {
        ++crlf_;
        i += 2;
      } else {
        ++(c == '\r' ? cr_ : lf_);
        ++i;
      }
      start = i;
      ascii = true;
      continue;
    }
    if (c >= 0x80) ascii = false;
    ++i;
  }
  if (start < n || starts_.empty()) {
    starts_.push_back(start);
    ends_.push_back(n);
    ascii_.push_back(ascii ? 1 : 0);
  }
}

std::size_t LineIndex::line_begin(int line) const {
  if (starts_.empty()) return 0;
  line = std::clamp(line, 1, line_count());
  return starts_[static_cast<std::size_t>(line - 1)];
}

std::size_t LineIndex::line_end(int line) const {
  if (ends_.empty()) return 0;
  line = std::clamp(line, 1, line_count());
  return ends_[static_cast<std::size_t>(line - 1)];
}

std::string_view LineIndex::line_text(int line) const {
  const std::size_t b = line_begin(line);
  return text_.substr(b, line_end(line) - b);
}

int LineIndex::line_of(std::size_t offset) const {
  if (starts_.empty()) return 1;
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  if (it == starts_.begin()) return 1;
  return static_cast<int>(it - starts_.begin());
}

SourcePos LineIndex::pos(std::size_t offset) const {
  const int line = line_of(offset);
  const std::size_t b = line_begin(line);
  if (offset <= b) return {line, 1};
  const std::size_t idx = static_cast<std::size_t>(line - 1);
  if (ascii_[idx]) return {line, static_cast<int>(offset - b) + 1};
  // Every byte that is not a UTF-8 continuation byte counts (invalid bytes count as one).
  const std::size_t stop = std::min(offset, text_.size());
  return {line, 1 + static_cast<int>(stop > b ? characters(text_.data() + b, stop - b) : 0)};
}

std::size_t LineIndex::offset(int line, int byte_column) const {
  const std::size_t b = line_begin(line);
  const std::size_t e = line_end(line);
  if (byte_column < 1) return b;
  return std::min(b + static_cast<std::size_t>(byte_column - 1), e);
}

Span LineIndex::span(std::size_t begin, std::size_t end) const {
  const SourcePos b = pos(begin);
  if (end < begin || starts_.empty() || end > line_end(b.line)) return Span{ByteRange{begin, end}, b, pos(end)};
  // Same line: count on from the start instead of searching again.
  int column = b.column;
  if (ascii_[static_cast<std::size_t>(b.line - 1)]) {
    column += static_cast<int>(end - begin);
  } else {
    column += static_cast<int>(characters(text_.data() + begin, end - begin));
  }
  return Span{ByteRange{begin, end}, b, SourcePos{b.line, column}};
}

}  // namespace listlint
