// Tables, rows and cells. cmark-gfm forces every row to the header's width (extra cells are
// dropped, missing ones padded with empty cells at column 0), reports a header that directly
// follows a paragraph line at the paragraph's line, gives rows inside a quote or list a column in
// the container prefix, and shifts inline columns after an escaped pipe. So each row is split
// into cells from its source line (CellSeg), as cmark-gfm splits it, and inline positions in a
// cell are mapped through that layout (inline_off, source_position.cpp).

#include <algorithm>
#include <cstdint>
#include <string_view>

extern "C" {
#include <cmark-gfm-core-extensions.h>
}

#include "model/builder/builder.h"

namespace listlint::model_builder {

namespace {

// A GFM table delimiter row: |:--|--:|, ---|---, with optional container prefix.
bool is_delimiter_row(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '>')) ++i;
  bool dash = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '-') dash = true;
    else if (c != '|' && c != ':' && c != ' ' && c != '\t') return false;
  }
  return dash;
}

}  // namespace

void Builder::on_row_enter(cmark_node* n) {
  Table& tb = m_.tables[static_cast<std::size_t>(table_)];
  const bool header = cmark_gfm_extensions_get_table_row_is_header(n) != 0;
  row_ = header ? -1 : static_cast<int>(tb.rows.size());
  Row& r = header ? tb.header : tb.rows.emplace_back();
  r.cells.reserve(tb.columns.size());
  cell_ = -1;
  row_line_ = start_line(n);  // the line cmark-gfm reports for the row's inlines
  int line = row_line_;
  if (header) {
    // A header right under a paragraph line is reported at the paragraph's first line, with
    // columns counted from there: the real header is the line above the delimiter row.
    for (int l = line; l < std::min(lines_.line_count(), line + 64); ++l) {
      if (is_delimiter_row(line_src(l + 1))) { line = l; break; }
    }
    if (line != row_line_) tb.span = span(lines_.line_begin(line), tb.span.bytes.end);
  }
  r.line = line;
  row_real_line_ = line;
  // Split the source line into cells as cmark-gfm does: optional leading and trailing pipe,
  // unescaped pipes separate cells (also inside code spans).
  segs_.clear();
  const std::size_t lb = lines_.line_begin(line), le = lines_.line_end(line);
  std::size_t p = line == row_line_ ? std::min(std::max(off(line, cmark_node_get_start_column(n)), lb), le) : lb;
  // A row inside a block quote or list: its reported column may lie in the container prefix.
  {
    std::size_t q = lb;
    while (q < le && (src_[q] == ' ' || src_[q] == '\t' || src_[q] == '>')) ++q;
    if (p < q && std::string_view(src_.substr(p, q - p)).find('>') != std::string_view::npos) p = q;
  }
  while (p < le && (src_[p] == ' ' || src_[p] == '\t')) ++p;
  std::size_t end = le;
  while (end > p && (src_[end - 1] == ' ' || src_[end - 1] == '\t')) --end;
  r.leading_pipe = p < end && src_[p] == '|';
  std::size_t q = r.leading_pipe ? p + 1 : p;
  std::size_t cell_begin = q;
  bool esc = false;
  while (q < end) {
    const char c = src_[q];
    if (c == '\\' && q + 1 < end) {
      if (src_[q + 1] == '|') esc = true;
      q += 2;
      continue;
    }
    if (c == '|') {
      segs_.push_back(CellSeg{cell_begin, q, 0, esc});
      esc = false;
      cell_begin = q + 1;
    }
    ++q;
  }
  r.trailing_pipe = end > p && src_[end - 1] == '|' && !(end >= 2 && src_[end - 2] == '\\') &&
                    (end - 1 > p || !r.leading_pipe);
  if (!r.trailing_pipe && cell_begin <= end && (cell_begin < end || segs_.empty() || !r.leading_pipe))
    segs_.push_back(CellSeg{cell_begin, end, 0, esc});
  r.source_cells = static_cast<int>(segs_.size());
  for (std::size_t k = tb.columns.size(); k < segs_.size(); ++k) r.dropped.push_back(span(segs_[k].begin, segs_[k].end));
  r.span = span(p, end);
  // Reported cell columns are read as the cells are entered.
  int k = 0;
  for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c), ++k) {
    if (k < static_cast<int>(segs_.size())) segs_[static_cast<std::size_t>(k)].reported_col = cmark_node_get_start_column(c);
  }
  if (line != row_line_) {
    // A header moved from under a paragraph: its inlines' columns count from the paragraph's
    // start, and so does the row's end column (the header line's last byte, trailing blanks
    // included), but the first cell without a leading pipe reports the paragraph's start. Every
    // cell's column is derived from the row's end instead.
    const int shift = cmark_node_get_end_column(n) - static_cast<int>(le - lb) + 1;
    for (CellSeg& s : segs_) s.reported_col = static_cast<int>(s.begin - lb) + shift;
  }
  if (header) {
    // The delimiter row follows the header line.
    const int dl = line + 1;
    if (dl <= lines_.line_count()) {
      tb.delimiter_line = dl;
      std::string_view d = text::trim(line_src(dl));
      while (!d.empty() && d.front() == '>') d = text::trim(d.substr(1));
      if (!d.empty() && d.front() == '|') d.remove_prefix(1);
      if (!d.empty() && d.back() == '|') d.remove_suffix(1);
      tb.delimiter_cells = static_cast<int>(std::count(d.begin(), d.end(), '|')) + 1;
    }
  }
  mark_lines(n);
}

void Builder::on_cell_exit(cmark_node* n) {
  if (table_ < 0) return;
  Table& tb = m_.tables[static_cast<std::size_t>(table_)];
  Row& r = row_ == -1 ? tb.header : tb.rows[static_cast<std::size_t>(row_)];
  Cell& c = r.cells.emplace_back();
  c.text = collapsed_text(n, TextMode::Plain);
  c.padded = cmark_node_get_start_column(n) == 0;  // padded cells report column 0
  if (c.padded) {
    c.span = span(r.span.bytes.end, r.span.bytes.end);
  } else if (static_cast<std::size_t>(cell_) < segs_.size()) {
    const CellSeg& s = segs_[static_cast<std::size_t>(cell_)];
    c.span = span(s.begin, s.end);
  } else {
    c.span = block_span(n);
  }
  c.links = cell_links_;
  if (cell_has_li_) {
    // <li> items: the text and links after each <li>, up to the next <li> or </li>.
    Cell::Item* item = nullptr;
    md::IterPtr it(cmark_iter_new(n));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
      if (ev != CMARK_EVENT_ENTER) continue;
      cmark_node* x = cmark_iter_get_node(it.get());
      const auto t = cmark_node_get_type(x);
      if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
        if (item) {
          if (const int li = link_of(x); li >= 0) item->links.push_back(li);
          item->text += plain_text(x, TextMode::Plain);
        }
        cmark_iter_reset(it.get(), x, CMARK_EVENT_EXIT);
        continue;
      }
      if (t == CMARK_NODE_HTML_INLINE) {
        const std::string_view lit = literal_of(x);
        if (starts_with_ci(lit, "<li")) {
          item = &c.items.emplace_back();
        } else if (starts_with_ci(lit, "</li")) {
          item = nullptr;
        } else if (item && is_break_tag(lit)) {
          item->text += ' ';
        }
      } else if (item && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)) {
        item->text += literal_of(x);
      } else if (item && (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)) {
        item->text += ' ';
      }
    }
  }
  for (auto& i : c.items) {
    repair(i.text);
    i.text = text::collapse(i.text);
  }
  if (row_ == -1 && static_cast<std::size_t>(cell_) < tb.columns.size())
    tb.columns[static_cast<std::size_t>(cell_)].text = c.text;
}

void Builder::on_table_exit() {
  Table& tb = m_.tables[static_cast<std::size_t>(table_)];
  for (std::size_t col = 0; col < tb.columns.size(); ++col) {
    int parsed = 0, nonempty = 0;
    for (const Row& r : tb.rows) {
      if (col >= r.cells.size() || r.cells[col].text.empty()) continue;
      ++nonempty;
      if (text::parse_quantity(r.cells[col].text)) ++parsed;
    }
    // Numeric when nearly every filled cell is a number (placeholders may spoil a few).
    tb.columns[col].numeric = parsed > 0 && parsed * 5 >= nonempty * 4;
    if (!tb.columns[col].numeric) continue;
    for (Row& r : tb.rows)
      if (col < r.cells.size()) r.cells[col].number = text::parse_quantity(r.cells[col].text);
  }
  table_ = -1;
  row_ = -2;
  cell_ = -1;
}

}  // namespace listlint::model_builder
