// Placing nodes and text at their source position. cmark-gfm reports 1-based byte columns that
// are right for blocks and most inlines and wrong in known places; the workarounds live here:
// - inline_off: in a table cell, inline columns are mapped through the cell's source layout
//   (inlines after an escaped pipe "\|" report a column one less per escape; rows whose
//   reported column is not their source column, see tables.cpp);
// - block_span: a list or item followed by a blank line ends at (next line, column 0);
// - map_literal: an HTML literal keeps its indentation (and its lines their container prefix)
//   while the node reports the column after it;
// - on_text: text after a hard break, a multi-line HTML tag or a multi-line code span is
//   reported off; the autolink extension leaves some text without a position. A text is placed
//   where the source spells its literal (spells, find_spelled), or left out.
// (The inlines of a paragraph cut short by a table header have no place at all: see unplaced()
// in builder.h.)

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "model/html.h"
#include "model/builder/builder.h"

namespace listlint::model_builder {

// ------------------------------------------------------------------------------------------------
// positions

std::size_t Builder::inline_off(int line, int col) const {
  if (cell_ >= 0 && line == row_line_ && static_cast<std::size_t>(cell_) < segs_.size()) {
    const CellSeg& seg = segs_[static_cast<std::size_t>(cell_)];
    int u = col - seg.reported_col;
    if (u < 0) u = 0;
    std::size_t p = seg.begin;
    if (!seg.escapes) return std::min(p + static_cast<std::size_t>(u), lines_.line_end(row_real_line_));
    while (u > 0 && p < seg.end) {
      if (src_[p] == '\\' && p + 1 < seg.end && src_[p + 1] == '|') p += 2;
      else p += 1;
      --u;
    }
    return p;
  }
  return off(line, col);
}

Span Builder::block_span(cmark_node* n) const {
  const int sl = start_line(n), sc = cmark_node_get_start_column(n);
  int el = end_line(n), ec = cmark_node_get_end_column(n);
  const std::size_t b = off(std::max(sl, 1), sc);
  std::size_t e;
  if (el <= 0) {
    e = lines_.line_end(std::max(sl, 1));
  } else if (ec <= 0) {
    e = lines_.line_end(std::max(el - 1, sl));
  } else {
    e = std::min(off(el, ec) + 1, lines_.line_end(el));
  }
  return span(b, std::max(b, e));
}

Builder::LiteralMap Builder::map_literal(std::string_view lit, std::size_t first_src) const {
  LiteralMap m;
  int line = lines_.line_of(first_src);
  {
    // HTML blocks keep their indentation in the literal but report the column after it.
    std::size_t e0 = lit.find('\n');
    std::string_view want = lit.substr(0, e0 == std::string_view::npos ? lit.size() : e0);
    while (!want.empty() && want.back() == '\r') want.remove_suffix(1);
    const std::size_t lb = lines_.line_begin(line);
    const std::string_view src_line = line_src(line);
    std::size_t pos = std::string_view::npos;
    if (first_src >= lb && src_.compare(first_src, want.size(), want) == 0) pos = first_src - lb;
    if (pos == std::string_view::npos && !want.empty()) pos = src_line.find(want);
    m.lit_line_starts.push_back(0);
    m.src_line_starts.push_back(pos == std::string_view::npos ? first_src : lb + pos);
  }
  std::size_t k = 0;
  while (true) {
    const std::size_t nl = lit.find('\n', k);
    if (nl == std::string_view::npos || nl + 1 >= lit.size()) break;
    k = nl + 1;
    ++line;
    if (line > lines_.line_count()) break;
    // The literal line is the source line minus its container prefix: find it in the line.
    std::size_t lit_end = lit.find('\n', k);
    if (lit_end == std::string_view::npos) lit_end = lit.size();
    std::string_view want = lit.substr(k, lit_end - k);
    while (!want.empty() && want.back() == '\r') want.remove_suffix(1);
    const std::string_view src_line = line_src(line);
    std::size_t pos = want.empty() ? std::string_view::npos : src_line.find(want);
    if (pos == std::string_view::npos) {
      pos = src_line.size() >= want.size() ? src_line.size() - want.size() : 0;
    }
    m.lit_line_starts.push_back(k);
    m.src_line_starts.push_back(lines_.line_begin(line) + pos);
  }
  return m;
}

std::size_t Builder::map_lit_off(const LiteralMap& m, std::size_t k) {
  auto it = std::upper_bound(m.lit_line_starts.begin(), m.lit_line_starts.end(), k);
  const std::size_t idx = static_cast<std::size_t>(it - m.lit_line_starts.begin()) - 1;
  return m.src_line_starts[idx] + (k - m.lit_line_starts[idx]);
}

std::size_t Builder::spells(std::size_t at, std::string_view lit) const {
  constexpr std::size_t npos = std::string_view::npos;
  std::size_t p = at, i = 0;
  while (i < lit.size()) {
    // (A run of bytes written as they are spelled first: most text has no escape or entity.)
    const std::size_t run = std::min(lit.size() - i, src_.size() - std::min(p, src_.size()));
    std::size_t k = 0;
    // (Eight bytes at a time while they are equal and hold no '\\' or '&': a byte of x is zero
    // where (x - 0x01..) & ~x & 0x80.. has its high bit.)
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    auto has_zero_byte = [](std::uint64_t x) { return ((x - ones) & ~x & highs) != 0; };
    for (std::uint64_t a, b; k + 8 <= run; k += 8) {
      std::memcpy(&a, src_.data() + p + k, 8);
      std::memcpy(&b, lit.data() + i + k, 8);
      if (a != b || has_zero_byte(a ^ (ones * '\\')) || has_zero_byte(a ^ (ones * '&'))) break;
    }
    while (k < run && src_[p + k] == lit[i + k] && src_[p + k] != '\\' && src_[p + k] != '&') ++k;
    p += k, i += k;
    if (i == lit.size()) break;
    if (p >= src_.size()) return npos;
    const char c = src_[p];
    if (c == '\\' && p + 1 < src_.size() && src_[p + 1] == lit[i] && std::ispunct(static_cast<unsigned char>(lit[i]))) {
      p += 2, ++i;
      continue;
    }
    if (c == '&') {
      const std::size_t semi = src_.substr(p, 42).find(';');  // entities are short: look no further
      if (semi != npos) {
        const std::size_t semi_at = p + semi;
        const std::string_view entity = src_.substr(p, semi_at + 1 - p);
        const std::string decoded = html::decode_entities(entity);
        if (decoded != entity && lit.compare(i, decoded.size(), decoded) == 0) {
          p = semi_at + 1, i += decoded.size();
          continue;
        }
      }
    }
    if (c != lit[i]) return npos;
    ++p, ++i;
  }
  return p;
}

void Builder::on_text(cmark_node* n) {
  const int sl = start_line(n), sc = cmark_node_get_start_column(n);
  const int el = end_line(n), ec = cmark_node_get_end_column(n);
  if (sl <= 0) {
    // The autolink extension leaves the text of its links, and the text after an e-mail link,
    // without a position: it is the next thing in the source after the inline before it.
    const std::string_view lit = literal_of(n);
    if (inline_floor_ == 0 || lit.empty() || lit.find('\n') != std::string_view::npos) return;
    std::size_t limit = 0;
    block_begin(n, &limit);
    std::size_t end = spells(inline_floor_, lit);
    std::size_t at = inline_floor_;
    if (end == std::string_view::npos || end > limit) at = find_spelled(lit, inline_floor_, limit, end);
    if (at != std::string_view::npos) record_text(at, end);
    return;
  }
  if (sl <= static_cast<int>(content_line_.size())) content_line_[static_cast<std::size_t>(sl - 1)] = 1;
  std::size_t b = inline_off(sl, sc);
  std::size_t e = el > 0 ? std::min(inline_off(el, ec) + 1, src_.size()) : b;
  if (e <= b) return;
  // Text after a hard line break (or a multi-line HTML tag) is reported a few columns off, and
  // text after a code span over several lines a line too early. So a text is placed where the
  // source spells its literal (backslash escapes and entities decoded: `\*`, `&amp;`), at the
  // occurrence on its line nearest to where cmark-gfm says it is, past the inlines before it
  // (an occurrence in a code span before it was once taken, and --fix edited code), else further
  // down its block. A run's bytes are therefore the source of its literal by construction. Text
  // that cannot be placed is left out of the runs: rules must never read, or fix, other bytes.
  const std::string_view lit = literal_of(n);
  const bool multiline = lit.find('\n') != std::string_view::npos;
  std::size_t placed = multiline ? std::string_view::npos : spells(b, lit);
  // (cmark-gfm writes U+FFFD for invalid UTF-8, which the source does not spell: such text keeps
  // its reported place.)
  const bool replaced = lit.find("\xEF\xBF\xBD") != std::string_view::npos;
  if (!multiline && !replaced && (placed == std::string_view::npos || b < inline_floor_)) {
    placed = std::string_view::npos;
    const std::size_t reported = b;
    const std::size_t special = text::find_any(lit, "\\&");
    const std::string_view head = lit.substr(0, special == std::string_view::npos ? lit.size() : special);
    const std::size_t lb = lines_.line_begin(sl), le = lines_.line_end(sl);
    // Candidates: where the literal's part before its first escape or entity starts (or, when
    // it starts with one, every '\\' and '&').
    auto next_candidate = [&](std::size_t from, std::size_t limit) {
      const std::string_view hay = src_.substr(from, limit - from);
      const std::size_t f = head.empty() ? text::find_any(hay, "\\&") : hay.find(head);
      return f == std::string_view::npos ? std::string_view::npos : from + f;
    };
    std::size_t best = std::string_view::npos;
    const std::size_t first = std::max(lb, std::min(inline_floor_, le));
    for (std::size_t at = next_candidate(first, le); at != std::string_view::npos && at < le;
         at = next_candidate(at + 1, le)) {
      const std::size_t end = spells(at, lit);
      if (end == std::string_view::npos || end > le) continue;
      const std::size_t distance = at > reported ? at - reported : reported - at;
      if (distance < best) best = distance, b = at, placed = end;
      if (at >= reported) break;  // later ones are farther
    }
    if (placed == std::string_view::npos) {
      cmark_node* blk = cmark_node_parent(n);
      while (blk != nullptr && (cmark_node_get_type(blk) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE)
        blk = cmark_node_parent(blk);
      const int bl = blk != nullptr ? end_line(blk) : 0;
      const std::size_t limit = bl >= sl ? lines_.line_end(bl) : le;
      const std::size_t from = std::max(lb, inline_floor_);
      for (std::size_t at = from < limit ? next_candidate(from, limit) : std::string_view::npos;
           at != std::string_view::npos && at < limit; at = next_candidate(at + 1, limit)) {
        if (const std::size_t end = spells(at, lit); end != std::string_view::npos && end <= limit) {
          b = at, placed = end;
          break;
        }
      }
    }
    if (placed == std::string_view::npos) return;
  }
  if (replaced && !multiline) placed = e;
  if (placed != std::string_view::npos) e = placed;
  record_text(b, e);
}

void Builder::record_text(std::size_t b, std::size_t e) {
  if (e <= b) return;
  inline_floor_ = std::max(inline_floor_, e);
  if (html_code_depth_ > 0) return;
  if (image_depth_ == 0) {
    TextRun& run = m_.text_runs.emplace_back();
    run.bytes = {b, e};
    run.in_link = link_depth_ > 0 || html_a_depth_ > 0;
    run.in_heading = heading_depth_ > 0;
    run.in_table = table_ >= 0;
    run.in_table_header = table_ >= 0 && row_ == -1;
    run.section = section_;
  }
  if (link_depth_ > 0 || html_a_depth_ > 0) return;
  text_ranges_.emplace_back(b, e);
  text_sections_.push_back(section_);
}

// The block (paragraph, heading, table cell) an inline is in: where its source begins, and in
// `limit` where its last line ends.
std::size_t Builder::block_begin(cmark_node* n, std::size_t* limit) const {
  cmark_node* blk = cmark_node_parent(n);
  while (blk != nullptr && (cmark_node_get_type(blk) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE)
    blk = cmark_node_parent(blk);
  if (blk != nullptr && cmark_node_get_type(blk) == md::table_cell_type() && cell_ >= 0 &&
      static_cast<std::size_t>(cell_) < segs_.size()) {
    const CellSeg& seg = segs_[static_cast<std::size_t>(cell_)];
    if (limit) *limit = seg.end;
    return seg.begin;
  }
  const int sl = blk != nullptr ? start_line(blk) : 0;
  if (sl <= 0) {
    if (limit) *limit = src_.size();
    return 0;
  }
  const int el = std::max(end_line(blk), sl);
  if (limit) *limit = lines_.line_end(el);
  return std::min(off(sl, cmark_node_get_start_column(blk)), lines_.line_end(sl));
}

// Where in [from, limit) the source spells `lit` (escapes and entities decoded), and its end.
std::size_t Builder::find_spelled(std::string_view lit, std::size_t from, std::size_t limit, std::size_t& end) const {
  constexpr std::size_t npos = std::string_view::npos;
  if (lit.empty() || from >= limit) return npos;
  const std::size_t special = text::find_any(lit, "\\&");
  const std::string_view head = lit.substr(0, special == npos ? lit.size() : special);
  for (std::size_t at = from; at < limit;) {
    const std::string_view hay = src_.substr(at, limit - at);
    const std::size_t f = head.empty() ? text::find_any(hay, "\\&") : hay.find(head);
    if (f == npos) return npos;
    at += f;
    if (const std::size_t e = spells(at, lit); e != npos && e <= limit) {
      end = e;
      return at;
    }
    ++at;
  }
  return npos;
}

}  // namespace listlint::model_builder
