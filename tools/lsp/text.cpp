// UTF-16 positions against UTF-8 offsets (text.h).

#include "lsp/text.h"

#include <algorithm>

namespace listlint::lsp {

namespace {

// Length in bytes of the UTF-8 sequence starting with `b` (1 for a stray byte).
std::size_t seq_length(unsigned char b) {
  if (b < 0x80) return 1;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  if (b >= 0xE0) return 3;
  if (b >= 0xC2) return 2;
  return 1;
}

}  // namespace

std::size_t utf16_length(std::string_view s) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = std::min(seq_length(static_cast<unsigned char>(s[i])), s.size() - i);
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return units;
}

LineMap::LineMap(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

std::pair<std::size_t, std::size_t> LineMap::line_bytes(int line) const {
  if (line < 0) line = 0;
  if (line >= line_count()) return {text_.size(), text_.size()};
  const std::size_t b = starts_[static_cast<std::size_t>(line)];
  std::size_t e = line + 1 < line_count() ? starts_[static_cast<std::size_t>(line) + 1] : text_.size();
  if (e > b && text_[e - 1] == '\n') --e;
  if (e > b && text_[e - 1] == '\r') --e;
  return {b, e};
}

Position LineMap::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const int line = static_cast<int>(it - starts_.begin()) - 1;
  const auto [b, e] = line_bytes(line);
  const std::size_t upto = std::min(offset, e);  // an offset in the line break is its end
  return {line, static_cast<int>(utf16_length(text_.substr(b, upto - b)))};
}

std::size_t LineMap::offset(Position p) const {
  if (p.line < 0) return 0;
  if (p.line >= line_count()) return text_.size();
  const auto [b, e] = line_bytes(p.line);
  std::size_t i = b;
  int units = 0;
  while (i < e) {
    const std::size_t n = std::min(seq_length(static_cast<unsigned char>(text_[i])), e - i);
    const int u = n == 4 ? 2 : 1;
    if (units + u > p.character) break;
    units += u;
    i += n;
  }
  return i;
}

nlohmann::json to_json(Position p) { return {{"line", p.line}, {"character", p.character}}; }

nlohmann::json range_json(const LineMap& map, std::size_t begin, std::size_t end) {
  return {{"start", to_json(map.position(begin))}, {"end", to_json(map.position(end))}};
}

Position position_from(const nlohmann::json& j) {
  return {j.at("line").get<int>(), j.at("character").get<int>()};
}

}  // namespace listlint::lsp
