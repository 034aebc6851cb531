#include "listlint/source.h"

#include <algorithm>

namespace listlint {

LineIndex::LineIndex(std::string_view text, std::size_t first_line_offset) : text_(text) {
  std::size_t i = std::min(first_line_offset, text.size());
  std::size_t start = i;
  bool ascii = true;
  const std::size_t n = text.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || c == '\r') {
      starts_.push_back(start);
      ends_.push_back(i);
      ascii_.push_back(ascii ? 1 : 0);
      i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
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
  int column = 1;
  const std::size_t stop = std::min(offset, text_.size());
  for (std::size_t i = b; i < stop; ++i) {
    // Count every byte that is not a UTF-8 continuation byte (invalid bytes count as one).
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

std::size_t LineIndex::offset(int line, int byte_column) const {
  const std::size_t b = line_begin(line);
  const std::size_t e = line_end(line);
  if (byte_column < 1) return b;
  return std::min(b + static_cast<std::size_t>(byte_column - 1), e);
}

Span LineIndex::span(std::size_t begin, std::size_t end) const {
  return Span{ByteRange{begin, end}, pos(begin), pos(end)};
}

}  // namespace listlint
