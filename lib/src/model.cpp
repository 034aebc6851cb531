// Builds the ListModel from cmark-gfm's tree in one walk, then stitches what the tree cannot
// hold (details cards, the table of contents, reference definitions) from the source.
//
// Positions: cmark-gfm reports 1-based byte columns. They are right for block nodes and most
// inlines, and wrong in known places (see docs/model.md and shared notes): inlines after an
// escaped pipe in a table cell, rows with leading indentation, angle autolinks in containers,
// text after a multi-line inline HTML tag. Every link position is therefore checked against
// the source and re-found when it does not point at the link.

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "html.h"
#include "listlint/model.h"
#include "listlint/slug.h"
#include "markdown.h"
#include "listlint/text.h"

extern "C" {
#include <cmark-gfm-core-extensions.h>
}

namespace listlint {
namespace {

enum class TokenKind { DetailsOpen, DetailsClose, SummaryOpen, SummaryClose };
struct Token {
  TokenKind kind;
  std::size_t begin, end;
  bool open_attr = false;
};

// Source layout of one table cell, as written between pipes.
struct CellSeg {
  std::size_t begin = 0, end = 0;  // source bytes between the pipes
  int reported_col = 0;            // cmark-gfm's start column for this cell
  bool escapes = false;            // holds "\|" (inline columns shift after each)
};

bool is_leaf(cmark_node_type t) {
  switch (t) {
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
      return true;
    default:
      return false;
  }
}

bool html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

const char* literal_of(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? s : "";
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + 32);
    if (a != prefix[i]) return false;
  }
  return true;
}

bool is_break_tag(std::string_view lit) {
  return starts_with_ci(lit, "<br") || starts_with_ci(lit, "<li") || starts_with_ci(lit, "</li") ||
         starts_with_ci(lit, "<p") || starts_with_ci(lit, "</p");
}

// Index of the ']' that closes the '[' at `open`, honouring escapes, nesting and code spans.
std::size_t match_bracket(std::string_view s, std::size_t open, std::size_t limit) {
  int depth = 0;
  limit = std::min(limit, s.size());
  for (std::size_t i = open; i < limit; ++i) {
    const char c = s[i];
    if (c == '\\') { ++i; continue; }
    if (c == '`') {
      std::size_t run = 1;
      while (i + run < limit && s[i + run] == '`') ++run;
      const std::size_t close = s.find(std::string(run, '`'), i + run);
      if (close != std::string_view::npos && close < limit) { i = close + run - 1; continue; }
      i += run - 1;
      continue;
    }
    if (c == '[') ++depth;
    else if (c == ']' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

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

class Builder {
 public:
  Builder(const Document& doc, const ModelOptions& options)
      : doc_(doc), src_(doc.bytes()), lines_(doc.lines()), options_(options) {
    if (!doc.nul_bytes().empty() || doc.front_matter_end() > 0) {
      // cmark-gfm parsed a copy with a stand-in for each NUL and front matter blanked
      // (Document::parse_text): literals are matched against the same bytes, or a literal after
      // a NUL would be found elsewhere.
      src_copy_.assign(doc.bytes().substr(0, doc.content_offset()));
      src_copy_ += doc.parse_text();
      src_ = src_copy_;
    }
  }

  ListModel build();

 private:
  // The document is parsed in pieces (parse_pieces); cmark-gfm numbers each piece's lines from 1.
  std::string_view line_src(int line) const {
    const std::size_t b = lines_.line_begin(line);
    return src_.substr(b, lines_.line_end(line) - b);
  }
  // The inlines of a paragraph cut short by a table header under it have no place: cmark-gfm
  // gives the paragraph 0:0 and its inlines positions counted from line 1 of the parse, wherever
  // the paragraph is. Their line is 0 (so is any inline's at column 0).
  bool unplaced(cmark_node* n) const {
    return (cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE &&
           (unplaced_blocks_ > 0 || cmark_node_get_start_column(n) <= 0);
  }
  int start_line(cmark_node* n) const {
    const int l = cmark_node_get_start_line(n);
    return l > 0 && !unplaced(n) ? l + line_base_ : 0;
  }
  int end_line(cmark_node* n) const {
    const int l = cmark_node_get_end_line(n);
    return l > 0 && !unplaced(n) ? l + line_base_ : 0;
  }
  // ---- positions ------------------------------------------------------------------------
  std::size_t off(int line, int col) const { return doc_.offset(line, col); }
  Span span(std::size_t b, std::size_t e) const {
    if (e < b) e = b;
    return lines_.span(b, e);
  }
  // Source offset of an inline node's reported position (mapped through the current cell).
  std::size_t inline_off(int line, int col) const;
  /// Where the source from `at` on spells `lit` (a text node's literal: backslash escapes and
  /// entities decoded, NUL as cmark-gfm's stand-in), its end; npos where it does not.
  std::size_t spells(std::size_t at, std::string_view lit) const;
  Span block_span(cmark_node* n) const;
  // Source offset of byte `k` of a multi-line literal that starts at (line, col).
  struct LiteralMap {
    std::vector<std::size_t> lit_line_starts;
    std::vector<std::size_t> src_line_starts;
  };
  LiteralMap map_literal(std::string_view lit, std::size_t first_src) const;
  static std::size_t map_lit_off(const LiteralMap& m, std::size_t k);

  // ---- text ---------------------------------------------------------------------------------
  enum class TextMode { Heading, Plain };
  std::string plain_text(cmark_node* n, TextMode mode, bool include_self_image = false) const;
  std::string collapsed_text(cmark_node* n, TextMode mode, bool include_self_image = false) const {
    std::string s = plain_text(n, mode, include_self_image);
    text::collapse_inplace(s);
    return s;
  }
  void repair(std::string& s) const {
    if (!doc_.invalid_utf8().empty()) repair_utf8(s);
  }

  // ---- walk handlers ------------------------------------------------------------------------
  void enter(cmark_node* n, cmark_node_type t);
  void exit(cmark_node* n, cmark_node_type t);
  void on_heading_exit(cmark_node* n);
  void on_item_exit(cmark_node* n);
  void on_link_enter(cmark_node* n, cmark_node_type t);
  void on_row_enter(cmark_node* n);
  void on_cell_exit(cmark_node* n);
  void on_table_exit();
  void on_text(cmark_node* n);
  void record_text(std::size_t b, std::size_t e);
  bool is_extension_autolink(cmark_node* n) const;
  void on_extension_autolink(cmark_node* n);
  std::size_t block_begin(cmark_node* n, std::size_t* limit) const;
  std::size_t find_spelled(std::string_view lit, std::size_t from, std::size_t limit, std::size_t& end) const;
  void on_html_block(cmark_node* n);
  void on_html_inline(cmark_node* n);
  void scan_html_tags(std::string_view lit, const LiteralMap& m, bool block, cmark_node* n);
  void add_html_link(const html::Tag& tag, const html::Attribute& a, std::string_view value,
                     std::size_t value_begin, std::string_view lit, const LiteralMap& m, bool block,
                     cmark_node* n);
  void mark_lines(cmark_node* n);
  Link& new_link(LinkKind kind);
  // The link made from a link/image node (stored in cmark's user data), or -1.
  static int link_of(cmark_node* n) {
    return static_cast<int>(reinterpret_cast<std::intptr_t>(cmark_node_get_user_data(n))) - 1;
  }

  // ---- after the walk -----------------------------------------------------------------------
  void stitch_details();
  void assign_details();
  void find_definitions();
  void classify_undefined_refs();
  void find_toc();
  void parse_summary(Details& d) const;
  void finish_problems();

  const Document& doc_;
  std::string src_copy_;  // the source as cmark-gfm parsed it, when it holds NULs
  std::string_view src_;   // the source (its offsets are the document's)
  const LineIndex& lines_;
  ListModel m_;
  Slugger slugger_;

  int section_ = -1;
  std::vector<int> heading_stack_;
  std::vector<int> list_stack_;
  std::vector<int> item_stack_;
  int link_depth_ = 0;
  int image_depth_ = 0;
  int heading_depth_ = 0;
  int table_ = -1, row_ = -2, cell_ = -1;  // row_ -1 = header, -2 = none
  std::vector<CellSeg> segs_;
  std::vector<int> cell_links_;  // links of the cell being walked
  bool cell_has_li_ = false;
  const ModelOptions options_;
  int line_base_ = 0;      // lines before the piece being walked
  int unplaced_blocks_ = 0;  // paragraphs without a position we are in
  // Where the next inline of the current block can start at the earliest: past the text placed
  // before it, and past a code span's backticks and literal (the source holds at least that).
  std::size_t inline_floor_ = 0;
  // Inline HTML elements open in the current block: text inside <a>...</a> is link text (no bare
  // URLs there), text inside <code>, <kbd>, <samp> or <tt> is code (no text run at all).
  int html_a_depth_ = 0, html_code_depth_ = 0;
  int row_line_ = 0;       // the line cmark-gfm reports for the row's inlines
  int row_real_line_ = 0;  // the row's own line (a moved header's differs)
  std::vector<Token> tokens_;
  std::vector<std::uint8_t> content_line_;  // per line: holds inline content or a leaf block
  std::vector<std::pair<std::size_t, std::size_t>> text_ranges_;  // text nodes outside links
  std::vector<int> text_sections_;
  std::size_t last_link_end_ = 0;
  bool description_done_ = false;
};

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

// ------------------------------------------------------------------------------------------------
// text

std::string Builder::plain_text(cmark_node* root, TextMode mode, bool include_self_image) const {
  std::string out;
  // Fast path: a node whose children are only text (most links, cells and headings).
  {
    bool simple = true;
    for (cmark_node* c = cmark_node_first_child(root); c; c = cmark_node_next(c)) {
      const auto t = cmark_node_get_type(c);
      if (t != CMARK_NODE_TEXT && t != CMARK_NODE_CODE) { simple = false; break; }
    }
    const auto rt = cmark_node_get_type(root);
    if (rt == CMARK_NODE_TEXT || rt == CMARK_NODE_CODE) {
      out = literal_of(root);
      repair(out);
      return out;
    }
    if (simple && (rt != CMARK_NODE_IMAGE || include_self_image)) {
      for (cmark_node* c = cmark_node_first_child(root); c; c = cmark_node_next(c)) out += literal_of(c);
      repair(out);
      return out;
    }
  }
  md::IterPtr it(cmark_iter_new(root));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it.get());
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += literal_of(n);
        break;
      case CMARK_NODE_SOFTBREAK:
        out += mode == TextMode::Heading ? "\n" : " ";
        break;
      case CMARK_NODE_LINEBREAK:
        out += mode == TextMode::Heading ? "\n" : " ";
        break;
      case CMARK_NODE_IMAGE:
        if (n == root && include_self_image) break;
        cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);  // GitHub drops images from text
        break;
      case CMARK_NODE_HTML_INLINE:
        if (mode == TextMode::Plain && is_break_tag(literal_of(n))) out += ' ';
        break;
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK:
        if (mode == TextMode::Plain) {
          out += ' ';
          out += literal_of(n);
        }
        break;
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
        if (n != root && !out.empty()) out += ' ';
        break;
      default:
        break;
    }
  }
  repair(out);
  return out;
}

Link& Builder::new_link(LinkKind kind) {
  Link& l = m_.links.emplace_back();
  l.kind = kind;
  l.section = section_;
  if (heading_depth_ > 0) {
    l.context = LinkContext::Heading;
  } else if (table_ >= 0 && cell_ >= 0) {
    l.context = LinkContext::TableCell;
  } else if (!item_stack_.empty()) {
    l.context = LinkContext::Entry;
  }
  if (table_ >= 0 && cell_ >= 0) {
    l.table = table_;
    l.row = row_;
    l.cell = cell_;
  }
  if (!item_stack_.empty()) l.entry = item_stack_.back();
  return l;
}

// ------------------------------------------------------------------------------------------------
// walk

void Builder::mark_lines(cmark_node* n) {
  const int sl = start_line(n);
  int el = end_line(n);
  if (sl <= 0) return;
  if (el < sl) el = sl;
  for (int l = sl; l <= el && l <= static_cast<int>(content_line_.size()); ++l)
    content_line_[static_cast<std::size_t>(l - 1)] = 1;
}

void Builder::enter(cmark_node* n, cmark_node_type t) {
  if (t == CMARK_NODE_PARAGRAPH && cmark_node_get_start_line(n) <= 0) ++unplaced_blocks_;
  if ((t & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) inline_floor_ = 0, html_a_depth_ = 0, html_code_depth_ = 0;
  if (t == md::table_type()) {
    Table& tb = m_.tables.emplace_back();
    tb.section = section_;
    tb.span = block_span(n);
    const auto ncols = cmark_gfm_extensions_get_table_columns(n);
    const uint8_t* al = cmark_gfm_extensions_get_table_alignments(n);
    tb.columns.resize(ncols);
    for (uint16_t i = 0; i < ncols; ++i) tb.columns[i].align = al ? static_cast<char>(al[i]) : 0;
    table_ = static_cast<int>(m_.tables.size()) - 1;
    mark_lines(n);
    return;
  }
  if (t == md::table_row_type()) { on_row_enter(n); return; }
  if (t == md::table_cell_type()) {
    ++cell_;
    cell_links_.clear();
    cell_has_li_ = false;
    return;
  }
  switch (t) {
    case CMARK_NODE_HEADING:
      ++heading_depth_;
      mark_lines(n);
      break;
    case CMARK_NODE_LIST: {
      ListBlock& lb = m_.lists.emplace_back();
      const int idx = static_cast<int>(m_.lists.size()) - 1;
      lb.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
      lb.span = block_span(n);
      if (lb.ordered) {
        lb.marker = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ')' : '.';
      } else {
        const std::size_t b = lb.span.bytes.begin;
        lb.marker = b < src_.size() ? src_[b] : '-';
        if (lb.marker != '-' && lb.marker != '*' && lb.marker != '+') lb.marker = '-';
      }
      lb.depth = static_cast<int>(list_stack_.size()) + 1;
      lb.parent_entry = item_stack_.empty() ? -1 : item_stack_.back();
      lb.root = list_stack_.empty() ? idx : m_.lists[static_cast<std::size_t>(list_stack_.front())].root;
      lb.section = section_;
      list_stack_.push_back(idx);
      break;
    }
    case CMARK_NODE_ITEM: {
      Entry& e = m_.entries.emplace_back();
      e.depth = static_cast<int>(list_stack_.size());
      e.list = list_stack_.empty() ? -1 : list_stack_.back();
      e.parent = item_stack_.empty() ? -1 : item_stack_.back();
      e.section = section_;
      e.span = block_span(n);
      if (std::strcmp(cmark_node_get_type_string(n), "tasklist") == 0) {
        e.task = true;
        e.checked = cmark_gfm_extensions_get_tasklist_item_checked(n);
      }
      if (e.list >= 0) ++m_.lists[static_cast<std::size_t>(e.list)].entries;
      item_stack_.push_back(static_cast<int>(m_.entries.size()) - 1);
      break;
    }
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
      on_link_enter(n, t);
      ++link_depth_;
      if (t == CMARK_NODE_IMAGE) ++image_depth_;
      break;
    case CMARK_NODE_TEXT:
      on_text(n);
      break;
    case CMARK_NODE_CODE:
      if (start_line(n) > 0 &&
          start_line(n) <= static_cast<int>(content_line_.size()))
        content_line_[static_cast<std::size_t>(start_line(n) - 1)] = 1;
      if (start_line(n) > 0) {
        // cmark-gfm reports where its content starts, just past the opening backticks (its end
        // is wrong when it runs over several lines, and so are the lines of the inlines after
        // it). Where that holds, the source has the content (at least the literal's bytes: a line
        // break is one space in it) and a closing backtick before the next inline.
        const std::size_t cb = inline_off(start_line(n), cmark_node_get_start_column(n));
        if (cb > 0 && cb <= src_.size() && src_[cb - 1] == '`')
          inline_floor_ = std::max(inline_floor_, cb + std::string_view(literal_of(n)).size() + 1);
      }
      break;
    case CMARK_NODE_HTML_BLOCK:
      mark_lines(n);
      on_html_block(n);
      break;
    case CMARK_NODE_HTML_INLINE:
      on_html_inline(n);
      break;
    case CMARK_NODE_CODE_BLOCK: {
      mark_lines(n);
      CodeBlock& cb = m_.code_blocks.emplace_back();
      int fence_len = 0, fence_off = 0;
      char fence_char = 0;  // cmark_node_get_fenced writes through all three pointers
      cb.fenced = cmark_node_get_fenced(n, &fence_len, &fence_off, &fence_char) != 0;
      if (const char* info = cmark_node_get_fence_info(n)) cb.info = info;
      repair(cb.info);
      cb.span = block_span(n);
      break;
    }
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_BLOCK_QUOTE:
      if (!description_done_ && m_.title && section_ == *m_.title &&
          cmark_node_get_type(cmark_node_parent(n)) == CMARK_NODE_DOCUMENT) {
        std::string d = collapsed_text(n, TextMode::Plain);
        if (!d.empty()) {
          m_.description = std::move(d);
          m_.description_span = block_span(n);
          description_done_ = true;
        }
      }
      break;
    default:
      break;
  }
}

void Builder::exit(cmark_node* n, cmark_node_type t) {
  if (t == CMARK_NODE_PARAGRAPH && cmark_node_get_start_line(n) <= 0) --unplaced_blocks_;
  if (t == md::table_type()) {
    on_table_exit();
    return;
  }
  if (t == md::table_row_type()) {
    row_ = -2;
    cell_ = -1;
    return;
  }
  if (t == md::table_cell_type()) {
    on_cell_exit(n);
    return;
  }
  switch (t) {
    case CMARK_NODE_HEADING:
      --heading_depth_;
      on_heading_exit(n);
      break;
    case CMARK_NODE_LIST:
      if (!list_stack_.empty()) list_stack_.pop_back();
      break;
    case CMARK_NODE_ITEM:
      on_item_exit(n);
      if (!item_stack_.empty()) item_stack_.pop_back();
      break;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE: {
      --link_depth_;
      if (t == CMARK_NODE_IMAGE) --image_depth_;
      if (const int li = link_of(n); li >= 0) {
        Link& l = m_.links[static_cast<std::size_t>(li)];
        l.text = collapsed_text(n, TextMode::Plain, /*include_self_image=*/true);
      }
      break;
    }
    default:
      break;
  }
}

void Builder::on_heading_exit(cmark_node* n) {
  Section& s = m_.sections.emplace_back();
  const int idx = static_cast<int>(m_.sections.size()) - 1;
  s.level = cmark_node_get_heading_level(n);
  s.span = block_span(n);
  const std::string raw = plain_text(n, TextMode::Heading);
  s.anchor = slugger_.next(raw);
  s.text = text::collapse(raw);
  {
    std::string_view line = line_src(start_line(n));
    const std::size_t col = static_cast<std::size_t>(std::max(cmark_node_get_start_column(n), 1) - 1);
    line = col < line.size() ? line.substr(col) : std::string_view();
    s.setext = line.empty() || line[0] != '#';
  }
  // Ids written inside the heading (<a id="csharp"></a>) were collected as anchors already.
  for (auto it = m_.html_anchors.rbegin(); it != m_.html_anchors.rend(); ++it) {
    if (it->span.bytes.begin < s.span.bytes.begin) break;
    if (it->span.bytes.begin < s.span.bytes.end) s.html_ids.insert(s.html_ids.begin(), it->id);
  }
  while (!heading_stack_.empty() &&
         m_.sections[static_cast<std::size_t>(heading_stack_.back())].level >= s.level)
    heading_stack_.pop_back();
  s.parent = heading_stack_.empty() ? -1 : heading_stack_.back();
  heading_stack_.push_back(idx);
  for (auto it = m_.text_runs.rbegin(); it != m_.text_runs.rend(); ++it) {
    if (it->bytes.begin < s.span.bytes.begin) break;
    it->section = idx;
  }
  // Links inside the heading were created before the section existed.
  for (auto it = m_.links.rbegin(); it != m_.links.rend(); ++it) {
    if (it->span.bytes.begin < s.span.bytes.begin) break;
    it->section = idx;
  }
  if (!m_.title && s.level == 1) {
    m_.title = idx;
    m_.title_text = s.text;
  }
  section_ = idx;
}

void Builder::on_item_exit(cmark_node* n) {
  if (item_stack_.empty()) return;
  Entry& e = m_.entries[static_cast<std::size_t>(item_stack_.back())];
  cmark_node* first = cmark_node_first_child(n);
  if (first == nullptr || cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH) return;
  // The main link: the first inline, possibly wrapped in emphasis (**[name](url)**).
  cmark_node* c = cmark_node_first_child(first);
  while (c && cmark_node_get_type(c) == CMARK_NODE_TEXT && text::trim(literal_of(c)).empty())
    c = cmark_node_next(c);
  cmark_node* wrapper = nullptr;
  while (c && (cmark_node_get_type(c) == CMARK_NODE_STRONG || cmark_node_get_type(c) == CMARK_NODE_EMPH)) {
    if (!wrapper) wrapper = c;
    c = cmark_node_first_child(c);
  }
  const int li = (c && cmark_node_get_type(c) == CMARK_NODE_LINK) ? link_of(c) : -1;
  if (li < 0) {
    e.text = collapsed_text(first, TextMode::Plain);
    return;
  }
  const Link& l = m_.links[static_cast<std::size_t>(li)];
  e.link = li;
  e.name = l.text;
  e.url = l.url;
  std::string rest;
  auto append_following = [&](cmark_node* from) {
    for (cmark_node* s = cmark_node_next(from); s; s = cmark_node_next(s)) {
      if (cmark_node_get_type(s) == CMARK_NODE_SOFTBREAK) { rest += ' '; continue; }
      rest += plain_text(s, TextMode::Plain);
    }
  };
  append_following(c);
  if (wrapper) {
    for (cmark_node* p = cmark_node_parent(c); p && p != first; p = cmark_node_parent(p)) append_following(p);
  }
  // The paragraph's text is the link text and what follows it (nothing but space precedes).
  e.text = l.text;
  e.text += rest;
  text::collapse_inplace(e.text);
  const bool lead_blank = !rest.empty() && (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r');
  std::string d = std::move(rest);
  text::collapse_inplace(d);
  // Drop the separator between name and description: " - ", " – ", " — ", ": ", " -> ".
  std::size_t k = 0;
  while (k < d.size()) {
    const std::string_view v(d);
    // A colon separates only before a blank or the end (":bird: A Twitter client" starts with an emoji).
    if (v[k] == ':' && k + 1 < v.size() && v[k + 1] != ' ') break;
    if (v[k] == ' ' || v[k] == '-' || v[k] == ':' || v[k] == '>' || v[k] == '|') { ++k; continue; }
    if (v.compare(k, 3, "\xE2\x80\x93") == 0 || v.compare(k, 3, "\xE2\x80\x94") == 0 ||
        v.compare(k, 3, "\xE2\x86\x92") == 0) { k += 3; continue; }
    break;
  }
  e.description = d.substr(k);
  if (!d.empty()) e.separator = (lead_blank ? " " : "") + d.substr(0, k);
}

void Builder::on_link_enter(cmark_node* n, cmark_node_type t) {
  if (t == CMARK_NODE_LINK && is_extension_autolink(n)) {
    on_extension_autolink(n);
    return;
  }
  const bool image = t == CMARK_NODE_IMAGE;
  const int sl = start_line(n), sc = cmark_node_get_start_column(n);
  const int el = end_line(n), ec = cmark_node_get_end_column(n);
  std::size_t b = inline_off(sl, sc);
  std::size_t e = el > 0 ? std::min(inline_off(el, ec) + 1, src_.size()) : b;
  const std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
  auto starts_ok = [&](std::size_t p) {
    if (p >= src_.size()) return false;
    return image ? (src_[p] == '!' && p + 1 < src_.size() && src_[p + 1] == '[')
                 : (src_[p] == '[' || src_[p] == '<');
  };
  if (!starts_ok(b)) {
    // Angle autolink in a container: the link column lacks the indent, its text is right.
    bool fixed = false;
    if (cmark_node* child = cmark_node_first_child(n)) {
      if (start_line(child) > 0) {
        const std::size_t cb = inline_off(start_line(child), cmark_node_get_start_column(child));
        if (cb > 0 && src_[cb - 1] == '<') {
          b = cb - 1;
          const std::size_t close = src_.find('>', b);
          e = close == std::string_view::npos ? b : close + 1;
          fixed = true;
        }
      }
    }
    if (!fixed && !url.empty()) {
      // Re-find the link after the previous one (positions after multi-line HTML drift).
      const std::size_t from = std::min(last_link_end_, src_.size());
      const std::size_t window_end = std::min(src_.size(), std::max(b, from) + 65536);
      std::size_t p = src_.substr(0, window_end).find(url, from);
      if (p != std::string_view::npos) {
        // Walk back to the '[' (or '![') that opens this link.
        std::size_t q = src_.rfind("](", p);
        if (q != std::string_view::npos && q >= from) {
          int depth = 0;
          std::size_t k = q + 1;
          while (k > from) {
            --k;
            if (src_[k] == ']') ++depth;
            else if (src_[k] == '[' && --depth == 0) break;
          }
          if (src_[k] == '[') {
            b = (image && k > 0 && src_[k - 1] == '!') ? k - 1 : k;
            const std::size_t close = src_.find(')', p + url.size());
            e = close == std::string_view::npos ? p + url.size() : close + 1;
          }
        }
      }
    }
  }
  // An unclosed destination ("[a](url" at the end of a paragraph) reports an end past the line.
  while (e > b && (src_[e - 1] == '\n' || src_[e - 1] == '\r')) --e;
  LinkKind kind = LinkKind::Inline;
  ByteRange url_bytes{}, text_bytes{};
  std::string label;
  if (b < src_.size() && src_[b] == '<') {
    kind = LinkKind::Autolink;
    url_bytes = {b + 1, e > b + 1 ? e - 1 : b + 1};
  } else {
    const std::size_t open = image ? b + 1 : b;
    const std::size_t close = match_bracket(src_, open, std::max(e, open + 1));
    if (close != std::string_view::npos && open < src_.size() && src_[open] == '[') text_bytes = {open + 1, close};
    if (close != std::string_view::npos && close + 1 < src_.size() && src_[close + 1] == '(') {
      std::size_t p = close + 2;
      while (p < e && (src_[p] == ' ' || src_[p] == '\t' || src_[p] == '\n' || src_[p] == '\r')) ++p;
      if (p < e && src_[p] == '<') {
        const std::size_t gt = src_.find('>', p + 1);
        if (gt != std::string_view::npos && gt < e) url_bytes = {p + 1, gt};
      } else {
        std::size_t q = p;
        int paren = 0;
        while (q < e) {
          const char c = src_[q];
          if (c == '\\') { q += 2; continue; }
          if (c == ' ' || c == '\t' || c == '\n' || c == '\r') break;
          if (c == '(') ++paren;
          if (c == ')') { if (paren == 0) break; --paren; }
          ++q;
        }
        url_bytes = {p, std::min(q, e)};
      }
    } else if (close != std::string_view::npos) {
      kind = LinkKind::Reference;
      if (close + 1 < src_.size() && src_[close + 1] == '[') {
        const std::size_t lab_end = src_.find(']', close + 2);
        if (lab_end != std::string_view::npos && lab_end > close + 2) {
          label = std::string(src_.substr(close + 2, lab_end - close - 2));
          url_bytes = {close + 2, lab_end};
        }
      }
      if (label.empty()) {
        label = std::string(src_.substr(open + 1, close - open - 1));
        url_bytes = {open + 1, close};
      }
    }
  }
  // cmark-gfm misplaces some links (a code span over two lines in the text: the link is reported
  // on the line after its '['); what was scanned from there may then be reversed. Keep every
  // range well-formed and inside the file (found by fuzz_model).
  for (ByteRange* r : {&url_bytes, &text_bytes}) {
    r->end = std::min(r->end, src_.size());
    r->begin = std::min(r->begin, r->end);
  }
  Link& l = new_link(kind);
  l.url = url;
  repair(l.url);
  l.image = image;
  l.label = std::move(label);
  l.span = span(b, std::max(b, e));
  l.url_bytes = url_bytes;
  l.text_bytes = text_bytes;
  cmark_node_set_user_data(n, reinterpret_cast<void*>(static_cast<std::intptr_t>(m_.links.size())));
  if (table_ >= 0 && cell_ >= 0) cell_links_.push_back(static_cast<int>(m_.links.size()) - 1);
  last_link_end_ = std::max(last_link_end_, b + 1);
  if (sl > 0 && sl <= static_cast<int>(content_line_.size())) content_line_[static_cast<std::size_t>(sl - 1)] = 1;
}

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

std::size_t Builder::spells(std::size_t at, std::string_view lit) const {
  constexpr std::size_t npos = std::string_view::npos;
  std::size_t p = at, i = 0;
  while (i < lit.size()) {
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

// A link the autolink extension made of a bare URL, a `www.` name or an e-mail address: one text
// child that is the URL as written. ([https://x](https://x) and <https://x> have that shape too.)
bool Builder::is_extension_autolink(cmark_node* n) const {
  cmark_node* child = cmark_node_first_child(n);
  if (child == nullptr || cmark_node_next(child) != nullptr || cmark_node_get_type(child) != CMARK_NODE_TEXT) return false;
  const std::string_view url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
  const std::string_view lit = literal_of(child);
  auto prefixed = [&](std::string_view pre) {
    return url.size() == pre.size() + lit.size() && url.substr(0, pre.size()) == pre && url.substr(pre.size()) == lit;
  };
  if (url != lit && !prefixed("mailto:") && !(prefixed("http://") && starts_with_ci(lit, "www."))) return false;
  // The extension's links have no position, but www. ones, which have their text's very range
  // (a column early); a link written [text](url) or <url> has its text inside its own range.
  // (Reported columns cannot be checked against the source here: on a paragraph's continuation
  // lines they do not count the indentation.)
  if (start_line(n) <= 0) return true;
  return start_line(child) == start_line(n) && cmark_node_get_start_column(child) == cmark_node_get_start_column(n) &&
         end_line(child) == end_line(n) && cmark_node_get_end_column(child) == cmark_node_get_end_column(n);
}

void Builder::on_extension_autolink(cmark_node* n) {
  const std::string_view lit = literal_of(cmark_node_first_child(n));
  std::size_t limit = 0;
  const std::size_t from = std::max(inline_floor_, block_begin(n, &limit));
  std::size_t end = 0;
  const std::size_t b = find_spelled(lit, from, limit, end);
  if (b == std::string_view::npos) return;  // not in its block's source: no position to give it
  // Its text is placed from here (the child has no position, or one a column early).
  inline_floor_ = b;
  // A URL in the text of an HTML <a> is not a link of its own: browsers do not nest anchors.
  if (html_a_depth_ > 0) return;
  Link& l = new_link(LinkKind::Bare);
  l.in_code = html_code_depth_ > 0;
  l.url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
  repair(l.url);
  l.text = std::string(lit);
  repair(l.text);
  l.span = span(b, end);
  l.url_bytes = l.span.bytes;
  l.text_bytes = l.span.bytes;
  cmark_node_set_user_data(n, reinterpret_cast<void*>(static_cast<std::intptr_t>(m_.links.size())));
  if (table_ >= 0 && cell_ >= 0) cell_links_.push_back(static_cast<int>(m_.links.size()) - 1);
  last_link_end_ = std::max(last_link_end_, b + 1);
}

void Builder::on_html_block(cmark_node* n) {
  const std::string_view lit = literal_of(n);
  const std::size_t first = off(start_line(n), cmark_node_get_start_column(n));
  const LiteralMap m = map_literal(lit, first);
  scan_html_tags(lit, m, /*block=*/true, n);
  // Markdown links inside an HTML block stay raw text on GitHub: record them as such (but not
  // inside a comment, which nobody sees).
  std::vector<std::pair<std::size_t, std::size_t>> comments;
  for (std::size_t c = 0; (c = lit.find("<!--", c)) != std::string_view::npos;) {
    const std::size_t ce = lit.find("-->", c + 4);
    comments.emplace_back(c, ce == std::string_view::npos ? lit.size() : ce + 3);
    c = comments.back().second;
  }
  auto in_comment = [&](std::size_t at) {
    for (const auto& [cb, ce] : comments)
      if (at >= cb && at < ce) return true;
    return false;
  };
  std::size_t k = 0;
  while ((k = lit.find("](", k)) != std::string_view::npos) {
    if (in_comment(k)) {
      k += 2;
      continue;
    }
    const std::size_t line_start = lit.rfind('\n', k) == std::string_view::npos ? 0 : lit.rfind('\n', k) + 1;
    int depth = 0;
    std::size_t open = std::string_view::npos;
    for (std::size_t q = k + 1; q-- > line_start;) {
      if (lit[q] == ']') ++depth;
      else if (lit[q] == '[' && --depth == 0) { open = q; break; }
    }
    const std::size_t close_paren = lit.find(')', k + 2);
    const std::size_t nl = lit.find('\n', k);
    if (open == std::string_view::npos || close_paren == std::string_view::npos ||
        (nl != std::string_view::npos && close_paren > nl)) {
      k += 2;
      continue;
    }
    std::string_view dest = text::trim(lit.substr(k + 2, close_paren - k - 2));
    const std::size_t sp = dest.find(' ');
    if (sp != std::string_view::npos) dest = dest.substr(0, sp);
    const bool image = open > 0 && lit[open - 1] == '!';
    const std::size_t lb = image ? open - 1 : open;
    Link& l = new_link(LinkKind::RawMarkdown);
    l.image = image;
    l.url = html::decode_entities(dest);
    repair(l.url);
    l.text = text::collapse(html::strip_tags(lit.substr(open + 1, k - open - 1)));
    repair(l.text);
    const std::size_t sb = map_lit_off(m, lb), se = map_lit_off(m, close_paren + 1);
    l.span = span(sb, se);
    const std::size_t ub = map_lit_off(m, static_cast<std::size_t>(dest.data() - lit.data()));
    l.url_bytes = {ub, ub + dest.size()};
    k = close_paren + 1;
  }
}

void Builder::on_html_inline(cmark_node* n) {
  const std::string_view lit = literal_of(n);
  const int sl = start_line(n);
  if (sl <= 0) return;
  if (table_ >= 0 && cell_ >= 0 && starts_with_ci(lit, "<li")) cell_has_li_ = true;
  if (sl <= static_cast<int>(content_line_.size())) content_line_[static_cast<std::size_t>(sl - 1)] = 1;
  if (lit.find('\n') == std::string_view::npos) {
    // A one-line tag is exact in the source: re-find it if the reported column drifted.
    std::size_t b = inline_off(sl, cmark_node_get_start_column(n));
    if (src_.compare(b, lit.size(), lit) != 0) {
      const std::size_t p = src_.find(lit, lines_.line_begin(sl));
      if (p != std::string_view::npos && p < lines_.line_end(std::min(sl + 1, lines_.line_count())) + 1) b = p;
    }
    LiteralMap m;
    m.lit_line_starts.push_back(0);
    m.src_line_starts.push_back(b);
    scan_html_tags(lit, m, false, n);
    return;
  }
  const LiteralMap m = map_literal(lit, inline_off(sl, cmark_node_get_start_column(n)));
  scan_html_tags(lit, m, false, n);
}

// One URL of an HTML attribute: `value` is the URL as written, at `value_begin` in `lit` (the
// whole attribute value, or one candidate of a srcset).
void Builder::add_html_link(const html::Tag& tag, const html::Attribute& a, std::string_view value,
                            std::size_t value_begin, std::string_view lit, const LiteralMap& m,
                            bool block, cmark_node* n) {
  if (value.empty() && a.name != "href") return;
  Link& l = new_link(LinkKind::Html);
  // A cell's <img src> or <a href> is its data as much as a Markdown link is.
  if (table_ >= 0 && cell_ >= 0) cell_links_.push_back(static_cast<int>(m_.links.size()) - 1);
  l.attribute = a.name;
  l.image = tag.name != "a";
  l.url = html::decode_entities(value);
  repair(l.url);
  const std::size_t b = map_lit_off(m, tag.begin);
  l.span = span(b, map_lit_off(m, tag.end));
  l.url_bytes = {map_lit_off(m, value_begin), map_lit_off(m, value_begin + value.size())};
  if (tag.name == "img") {
    if (const auto* alt = tag.attr("alt")) l.text = text::collapse(html::decode_entities(alt->value));
  } else if (tag.name == "a") {
    if (block) {
      // Text up to </a> in the same block.
      std::size_t close = lit.size();
      for (std::size_t p = tag.end; (p = lit.find("</", p)) != std::string_view::npos; ++p) {
        if (starts_with_ci(lit.substr(p), "</a>") || starts_with_ci(lit.substr(p), "</a ")) { close = p; break; }
      }
      l.text = text::collapse(html::strip_tags(lit.substr(tag.end, close - tag.end)));
    } else {
      // Inline: the sibling nodes up to the </a> tag.
      std::string t;
      for (cmark_node* s = cmark_node_next(n); s; s = cmark_node_next(s)) {
        if (cmark_node_get_type(s) == CMARK_NODE_HTML_INLINE && starts_with_ci(literal_of(s), "</a")) break;
        t += plain_text(s, TextMode::Plain);
      }
      l.text = text::collapse(t);
    }
  }
  repair(l.text);
}

void Builder::scan_html_tags(std::string_view lit, const LiteralMap& m, bool block, cmark_node* n) {
  if (lit.find('<') == std::string_view::npos) return;
  for (const html::Tag& tag : html::scan_tags(lit)) {
    const std::size_t b = map_lit_off(m, tag.begin), e = map_lit_off(m, tag.end);
    if (!block && !tag.comment && !tag.self_closing) {
      const int step = tag.closing ? -1 : 1;
      if (tag.name == "a") html_a_depth_ = std::max(0, html_a_depth_ + step);
      if (tag.name == "code" || tag.name == "kbd" || tag.name == "samp" || tag.name == "tt")
        html_code_depth_ = std::max(0, html_code_depth_ + step);
    }
    if (tag.comment) {
      Comment& c = m_.comments.emplace_back();
      const std::size_t body_end = tag.end >= tag.begin + 7 && lit.compare(tag.end - 3, 3, "-->") == 0 ? tag.end - 3 : tag.end;
      c.text = std::string(text::trim(lit.substr(tag.begin + 4, body_end - std::min(body_end, tag.begin + 4))));
      repair(c.text);
      c.span = span(b, e);
      continue;
    }
    if (tag.name == "details") {
      tokens_.push_back(Token{tag.closing ? TokenKind::DetailsClose : TokenKind::DetailsOpen, b, e,
                              !tag.closing && tag.attr("open") != nullptr});
      continue;
    }
    if (tag.name == "summary") {
      tokens_.push_back(Token{tag.closing ? TokenKind::SummaryClose : TokenKind::SummaryOpen, b, e});
      continue;
    }
    if (tag.closing) continue;
    for (const auto& a : tag.attributes) {
      // (An <iframe> is no link: GitHub's tag filter writes it out as text.)
      if ((a.name == "href" && (tag.name == "a" || tag.name == "area")) ||
          (a.name == "src" && (tag.name == "img" || tag.name == "source" || tag.name == "video" ||
                               tag.name == "audio"))) {
        const std::string_view raw(a.value);
        const std::string_view value = text::trim(raw);
        add_html_link(tag, a, value, a.value_begin + static_cast<std::size_t>(value.data() - raw.data()), lit, m, block, n);
      } else if (a.name == "srcset" && (tag.name == "source" || tag.name == "img")) {
        // Image candidates, as the HTML standard splits them: a URL (no spaces; commas at its
        // end are separators), then descriptors ("2x", "480w") up to a comma.
        const std::string_view v(a.value);
        std::size_t i = 0;
        while (i < v.size()) {
          while (i < v.size() && (html_space(v[i]) || v[i] == ',')) ++i;
          std::size_t j = i;
          while (j < v.size() && !html_space(v[j])) ++j;
          std::size_t ue = j;
          if (ue > i && v[ue - 1] == ',') {
            while (ue > i && v[ue - 1] == ',') --ue;
          } else {
            int depth = 0;
            while (j < v.size() && (v[j] != ',' || depth > 0)) {
              if (v[j] == '(') ++depth;
              else if (v[j] == ')' && depth > 0) --depth;
              ++j;
            }
          }
          if (ue > i) add_html_link(tag, a, v.substr(i, ue - i), a.value_begin + i, lit, m, block, n);
          if (j == i) break;
          i = j;
        }
      } else if (a.name == "id" || (a.name == "name" && tag.name == "a")) {
        HtmlAnchor& h = m_.html_anchors.emplace_back();
        h.id = html::decode_entities(a.value);
        repair(h.id);
        h.attribute = a.name;
        h.span = span(b, e);
      }
    }
  }
}

// ------------------------------------------------------------------------------------------------
// after the walk

void Builder::parse_summary(Details& d) const {
  std::string_view s = d.summary;
  std::string_view left = s;
  for (std::string_view arrow : {std::string_view("->"), std::string_view("\xE2\x86\x92")}) {
    const std::size_t p = s.rfind(arrow);
    if (p != std::string_view::npos) {
      d.target = std::string(text::trim(s.substr(p + arrow.size())));
      left = text::trim(s.substr(0, p));
      break;
    }
  }
  auto find_year = [](std::string_view t, std::size_t& at) {
    for (std::size_t i = 0; i + 4 <= t.size(); ++i) {
      const bool boundary_l = i == 0 || !std::isalnum(static_cast<unsigned char>(t[i - 1]));
      const bool boundary_r = i + 4 == t.size() || !std::isdigit(static_cast<unsigned char>(t[i + 4]));
      if (!boundary_l || !boundary_r) continue;
      if (!((t[i] == '1' && t[i + 1] == '9') || (t[i] == '2' && t[i + 1] == '0'))) continue;
      if (!std::isdigit(static_cast<unsigned char>(t[i + 2])) || !std::isdigit(static_cast<unsigned char>(t[i + 3]))) continue;
      at = i;
      return true;
    }
    return false;
  };
  // "Title, Venue Year": the venue and year follow the last comma (titles may hold commas).
  const std::size_t comma = left.rfind(',');
  std::size_t at = 0;
  if (comma != std::string_view::npos) {
    const std::string_view tail = text::trim(left.substr(comma + 1));
    if (find_year(tail, at)) {
      d.year = std::stoi(std::string(tail.substr(at, 4)));
      d.venue = text::collapse(std::string(tail.substr(0, at)) + " " + std::string(tail.substr(at + 4)));
      d.title = std::string(text::trim(left.substr(0, comma)));
      return;
    }
  }
  d.title = std::string(left);
}

void Builder::stitch_details() {
  std::vector<int> stack;
  int pending_summary = -1;
  std::size_t summary_begin = 0, summary_tag_begin = 0;
  for (const Token& t : tokens_) {
    switch (t.kind) {
      case TokenKind::DetailsOpen: {
        Details& d = m_.details.emplace_back();
        d.open = t.open_attr;
        d.parent = stack.empty() ? -1 : stack.back();
        d.span = span(t.begin, t.end);
        stack.push_back(static_cast<int>(m_.details.size()) - 1);
        break;
      }
      case TokenKind::SummaryOpen:
        if (!stack.empty() && !m_.details[static_cast<std::size_t>(stack.back())].has_summary &&
            pending_summary < 0) {
          pending_summary = stack.back();
          summary_begin = t.end;
          summary_tag_begin = t.begin;
        }
        break;
      case TokenKind::SummaryClose:
        if (pending_summary >= 0) {
          Details& d = m_.details[static_cast<std::size_t>(pending_summary)];
          d.has_summary = true;
          d.summary = text::collapse(html::strip_tags(doc_.slice(summary_begin, t.begin)));
          d.summary_span = span(summary_tag_begin, t.end);
          pending_summary = -1;
        }
        break;
      case TokenKind::DetailsClose: {
        if (stack.empty()) {
          Problem& p = m_.problems.emplace_back();
          p.kind = "stray-details-close";
          p.message = "</details> without an open <details>";
          p.span = span(t.begin, t.end);
          break;
        }
        Details& d = m_.details[static_cast<std::size_t>(stack.back())];
        d.closed = true;
        d.span = span(d.span.bytes.begin, t.end);
        if (pending_summary == stack.back()) pending_summary = -1;
        stack.pop_back();
        break;
      }
    }
  }
  for (int idx : stack) {
    Details& d = m_.details[static_cast<std::size_t>(idx)];
    d.span = span(d.span.bytes.begin, src_.size());
    Problem& p = m_.problems.emplace_back();
    p.kind = "unclosed-details";
    p.message = "<details> is never closed";
    p.span = span(d.span.bytes.begin, d.span.bytes.begin);
  }
  for (Details& d : m_.details) {
    // Content: anything after the summary (or the opening tag) but whitespace and comments.
    std::size_t from = d.summary_span ? d.summary_span->bytes.end : d.span.bytes.begin;
    if (!d.summary_span) {
      const std::size_t gt = src_.find('>', d.span.bytes.begin);
      from = gt == std::string_view::npos ? d.span.bytes.end : gt + 1;
    }
    std::size_t to = d.span.bytes.end;
    if (d.closed) {
      const std::size_t close = src_.rfind("</", to);
      if (close != std::string_view::npos && close >= from) to = close;
    }
    d.body = {std::min(from, to), to};
    std::string_view body = src_.substr(std::min(from, to), to - std::min(from, to));
    d.has_content = false;
    for (std::size_t i = 0; i < body.size();) {
      if (body.compare(i, 4, "<!--") == 0) {
        const std::size_t e = body.find("-->", i + 4);
        i = e == std::string_view::npos ? body.size() : e + 3;
        continue;
      }
      const char c = body[i++];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') { d.has_content = true; break; }
    }
    if (d.has_summary) parse_summary(d);
  }
}

void Builder::assign_details() {
  if (m_.details.empty()) return;
  // Innermost card holding a byte offset.
  auto card_at = [&](std::size_t off) {
    int best = -1;
    auto it = std::upper_bound(m_.details.begin(), m_.details.end(), off,
                               [](std::size_t o, const Details& d) { return o < d.span.bytes.begin; });
    if (it == m_.details.begin()) return best;
    int idx = static_cast<int>(it - m_.details.begin()) - 1;
    while (idx >= 0) {
      const Details& d = m_.details[static_cast<std::size_t>(idx)];
      if (d.span.bytes.contains(off)) return idx;
      idx = d.parent;
    }
    return best;
  };
  for (std::size_t i = 0; i < m_.links.size(); ++i) {
    Link& l = m_.links[i];
    l.details = card_at(l.span.bytes.begin);
    if (l.details >= 0) {
      m_.details[static_cast<std::size_t>(l.details)].links.push_back(static_cast<int>(i));
      if (l.context == LinkContext::Other) l.context = LinkContext::Details;
    }
  }
  for (auto& t : m_.tables) t.details = card_at(t.span.bytes.begin);
  for (auto& e : m_.entries) e.details = card_at(e.span.bytes.begin);
  for (auto& s : m_.sections) s.details = card_at(s.span.bytes.begin);
  // A card belongs to the section it opens in.
  std::size_t si = 0;
  int sec = -1;
  for (auto& d : m_.details) {
    while (si < m_.sections.size() && m_.sections[si].span.bytes.begin <= d.span.bytes.begin) sec = static_cast<int>(si++);
    d.section = sec;
  }
}

void Builder::find_definitions() {
  const int nlines = lines_.line_count();
  for (int ln = 1; ln <= nlines; ++ln) {
    if (content_line_[static_cast<std::size_t>(ln - 1)]) continue;
    std::string_view s = line_src(ln);
    // Strip container prefixes ("> ", indentation).
    std::size_t p = 0;
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t' || s[p] == '>')) ++p;
    if (p >= s.size() || s[p] != '[' || p + 1 >= s.size() || s[p + 1] == '^') continue;
    const std::size_t close = s.find("]:", p + 1);
    if (close == std::string_view::npos || close == p + 1) continue;
    const std::string_view label = s.substr(p + 1, close - p - 1);
    if (label.find('[') != std::string_view::npos || label.find(']') != std::string_view::npos) continue;
    std::string_view rest = text::trim(s.substr(close + 2));
    if (rest.empty()) continue;
    std::size_t ue = 0;
    if (rest[0] == '<') {
      ue = rest.find('>');
      if (ue == std::string_view::npos) continue;
      rest = rest.substr(1, ue - 1);
    } else {
      while (ue < rest.size() && rest[ue] != ' ' && rest[ue] != '\t') ++ue;
      rest = rest.substr(0, ue);
    }
    RefDef& d = m_.definitions.emplace_back();
    d.label = std::string(label);
    d.url = html::decode_entities(rest);
    repair(d.label);
    repair(d.url);
    const std::size_t lb = lines_.line_begin(ln);
    d.span = span(lb + p, lines_.line_end(ln));
  }
  if (m_.definitions.empty()) return;
  std::unordered_map<std::string, int> by_label;
  for (std::size_t i = 0; i < m_.definitions.size(); ++i)
    by_label.emplace(text::fold_label(m_.definitions[i].label), static_cast<int>(i));
  for (const Link& l : m_.links) {
    if (l.kind != LinkKind::Reference) continue;
    auto it = by_label.find(text::fold_label(l.label));
    if (it != by_label.end()) ++m_.definitions[static_cast<std::size_t>(it->second)].uses;
  }
}

void Builder::classify_undefined_refs() {
  // The lookups are built on first need: most lists have no bracketed text at all.
  bool ready = false;
  std::unordered_set<std::string> defined;
  std::vector<std::pair<std::size_t, std::size_t>> md_links;
  auto prepare = [&] {
    if (ready) return;
    ready = true;
    for (const auto& d : m_.definitions) defined.insert(text::fold_label(d.label));
    for (const Link& l : m_.links) {
      if ((l.kind == LinkKind::Inline || l.kind == LinkKind::Reference) && !l.image) {
        md_links.emplace_back(l.span.bytes.begin, l.span.bytes.end);
      }
    }
    std::sort(md_links.begin(), md_links.end());
  };
  // Is there a link right before `b` or right after `e`, in a run of links: separated by a
  // comma, semicolon or pipe (ASCII or fullwidth) and spaces? A space alone does not make a run:
  // "Desc. [MIT] [website](u)" is a license tag beside a link.
  auto near_link = [&](std::size_t b, std::size_t e) {
    auto sep_only = [&](std::size_t from, std::size_t to) {
      if (to < from || to - from > 8) return false;
      bool separator = false;
      for (std::size_t i = from; i < to; ++i) {
        const char c = src_[i];
        if (c == ',' || c == ';' || c == '|') { separator = true; continue; }
        if (c == ' ' || c == '\t') continue;
        if (static_cast<unsigned char>(c) >= 0x80) { separator = true; continue; }  // ， 、 ；
        return false;
      }
      return separator;
    };
    auto it = std::lower_bound(md_links.begin(), md_links.end(), std::make_pair(e, std::size_t{0}));
    if (it != md_links.end() && sep_only(e, it->first)) return true;
    if (it != md_links.begin()) {
      --it;
      if (it->second <= b && sep_only(it->second, b)) return true;
    }
    return false;
  };
  for (std::size_t t = 0; t < text_ranges_.size(); ++t) {
    const auto [tb, te] = text_ranges_[t];
    const std::string_view s = src_.substr(tb, te - tb);
    if (s.find('[') == std::string_view::npos) continue;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\\') { ++i; continue; }
      if (s[i] != '[') continue;
      const std::size_t close = s.find(']', i + 1);
      if (close == std::string_view::npos) break;
      const std::string_view label = s.substr(i + 1, close - i - 1);
      if (label.find('[') != std::string_view::npos) continue;
      const std::string_view tl = text::trim(label);
      if (tl.empty() || tl[0] == '^' || tl[0] == '!' || tl == "x" || tl == "X" || label.size() > 200) {
        i = close;
        continue;
      }
      std::string shape = "shortcut";
      std::string lookup(label);
      std::size_t end = close + 1;
      if (end < s.size() && s[end] == '[') {
        const std::size_t close2 = s.find(']', end + 1);
        if (close2 != std::string_view::npos) {
          const std::string_view second = s.substr(end + 1, close2 - end - 1);
          shape = second.empty() ? "collapsed" : "full";
          if (!second.empty()) lookup = std::string(second);
          end = close2 + 1;
        }
      } else if (end < s.size() && (s[end] == '(' || s[end] == ':')) {
        i = close;
        continue;
      } else {
        // "[text] (https://...)": a space between ] and ( leaves both as text. (Read in the
        // source: the URL after the "(" is a link of its own, the autolink extension's.)
        const std::string_view line = src_.substr(tb, lines_.line_end(lines_.line_of(tb)) - tb);
        std::size_t k = end;
        while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
        if (k > end && k + 1 < line.size() && line[k] == '(' &&
            (starts_with_ci(line.substr(k + 1), "http://") || starts_with_ci(line.substr(k + 1), "https://") ||
             line[k + 1] == '#' || line[k + 1] == '/' || line[k + 1] == '.')) {
          const std::size_t close_paren = line.find(')', k);
          if (close_paren != std::string_view::npos) {
            shape = "spaced";
            end = close_paren + 1;
          }
        }
      }
      prepare();
      if (defined.count(text::fold_label(lookup))) { i = end - 1; continue; }
      UndefinedRef& u = m_.undefined_refs.emplace_back();
      u.text = std::string(src_.substr(tb + i, end - i));
      u.label = lookup;
      repair(u.text);
      repair(u.label);
      u.shape = shape;
      u.section = text_sections_[t];
      u.span = span(tb + i, tb + end);
      const std::string_view lk = text::trim(lookup);
      const bool url_label = lk.find("://") != std::string_view::npos || starts_with_ci(lk, "www.");
      u.link_like = shape == "spaced" || url_label || near_link(tb + i, tb + end);

      i = end - 1;
    }
  }
}

void Builder::find_toc() {
  // Per top-level list: how many of its entries' main links point into the page.
  const std::size_t nl = m_.lists.size();
  std::vector<int> in_page(nl, 0), linked(nl, 0);
  for (const Entry& e : m_.entries) {
    if (e.list < 0 || e.link < 0) continue;
    const int root = m_.lists[static_cast<std::size_t>(e.list)].root;
    ++linked[static_cast<std::size_t>(root)];
    if (!e.url.empty() && e.url[0] == '#') ++in_page[static_cast<std::size_t>(root)];
  }
  // A list belongs to a TOC when nearly all its linked items point into the page.
  auto qualifies = [&](std::size_t i) {
    return m_.lists[i].root == static_cast<int>(i) && in_page[i] >= 1 && in_page[i] * 5 >= linked[i] * 4;
  };
  // Group consecutive qualifying top-level lists of one section: a TOC is often split by
  // bold pseudo-headings (awesome-python) or by a change of bullet (awesome-cpp).
  std::vector<std::vector<int>> groups;
  int last_root = -1;
  for (std::size_t i = 0; i < nl; ++i) {
    if (m_.lists[i].root != static_cast<int>(i)) continue;
    const bool q = qualifies(i);
    if (q && last_root >= 0 && qualifies(static_cast<std::size_t>(last_root)) && !groups.empty() &&
        groups.back().back() == last_root &&
        m_.lists[static_cast<std::size_t>(last_root)].section == m_.lists[i].section) {
      groups.back().push_back(static_cast<int>(i));
    } else if (q) {
      groups.push_back({static_cast<int>(i)});
    }
    last_root = static_cast<int>(i);
  }
  auto items = [&](const std::vector<int>& g) {
    int n = 0;
    for (int i : g) n += in_page[static_cast<std::size_t>(i)];
    return n;
  };
  std::erase_if(groups, [&](const std::vector<int>& g) { return items(g) < 2; });
  if (groups.empty()) return;
  auto contents_heading = [&](int section) {
    if (section < 0) return false;
    std::string t = text::normalize_label(m_.sections[static_cast<std::size_t>(section)].text);
    for (const char* w : {"contents", "table of contents", "toc", "index", "content", "\xE7\x9B\xAE\xE5\xBD\x95"})
      if (t.find(w) != std::string::npos) return true;
    return false;
  };
  // The first group under a "Contents" heading; else the group with the most in-page links.
  const std::vector<int>* chosen = nullptr;
  for (const auto& g : groups) {
    if (contents_heading(m_.lists[static_cast<std::size_t>(g.front())].section)) { chosen = &g; break; }
  }
  if (!chosen) {
    for (const auto& g : groups)
      if (!chosen || items(g) > items(*chosen)) chosen = &g;
  }
  Toc toc;
  toc.lists = *chosen;
  std::sort(toc.lists.begin(), toc.lists.end());
  const ListBlock& first = m_.lists[static_cast<std::size_t>(toc.lists.front())];
  const ListBlock& last = m_.lists[static_cast<std::size_t>(toc.lists.back())];
  toc.section = first.section;
  toc.span = span(first.span.bytes.begin, last.span.bytes.end);
  std::unordered_set<int> roots(toc.lists.begin(), toc.lists.end());
  for (std::size_t i = 0; i < m_.entries.size(); ++i) {
    Entry& e = m_.entries[i];
    if (e.list < 0 || !roots.count(m_.lists[static_cast<std::size_t>(e.list)].root)) continue;
    e.in_toc = true;
  }
  for (std::size_t i = 0; i < m_.links.size(); ++i) {
    Link& l = m_.links[i];
    if (l.entry < 0 || !m_.entries[static_cast<std::size_t>(l.entry)].in_toc || l.image) continue;
    l.context = LinkContext::Toc;
    if (!l.url.empty() && l.url[0] == '#') {
      TocItem& item = toc.items.emplace_back();
      item.text = l.text;
      item.target = text::percent_decode(std::string_view(l.url).substr(1));
      repair(item.target);
      item.depth = m_.entries[static_cast<std::size_t>(l.entry)].depth;
      item.link = static_cast<int>(i);
    }
  }
  m_.toc = std::move(toc);
}

void Builder::finish_problems() {
  for (const auto& bad : doc_.invalid_utf8()) {
    Problem& p = m_.problems.emplace_back();
    p.kind = "invalid-utf8";
    p.message = std::to_string(bad.length) + " byte(s) of invalid UTF-8";
    p.span = span(bad.offset, bad.offset + bad.length);
  }
  for (std::size_t o : doc_.nul_bytes()) {
    Problem& p = m_.problems.emplace_back();
    p.kind = "nul-byte";
    p.message = "NUL byte in text";
    p.span = span(o, o + 1);
  }
  std::stable_sort(m_.problems.begin(), m_.problems.end(),
                   [](const Problem& a, const Problem& b) { return a.span.bytes.begin < b.span.bytes.begin; });
}

}  // namespace

// Where the document can be cut into pieces that cmark-gfm parses into the same blocks as the
// whole: before an ATX heading at the start of a line that follows a blank line, outside fenced
// code and outside the HTML blocks that run past blank lines (comments, <pre>, <script>,
// <style>, <textarea>, <?...?>, <!...>, CDATA). Such a heading closes every open block (a list
// item or quote needs indentation or a marker to go on, and a blank line has ended any
// paragraph). Link reference definitions reach across the whole document, so a text that may
// hold one (a line, past quote and list markers, that opens "[label]:") is parsed whole, and so
// is a text with invalid UTF-8 (cmark-gfm's scanners then miss "-->" and fences). The first
// start is line 1.
std::vector<int> parse_pieces(const Document& doc, std::size_t chunk_bytes) {
  const LineIndex& lines = doc.lines();
  std::vector<int> starts{1};
  const std::string_view text = doc.parse_text();
  const int n = lines.line_count();
  if (text.size() <= chunk_bytes) return starts;
  // cmark-gfm's scanners match UTF-8: invalid bytes before a "-->" keep a comment open, in an
  // info string they make a fence line text. Such a file is parsed whole.
  if (!doc.invalid_utf8().empty()) return starts;
  // A definition starts a block, maybe in a quote or list item: "[label]:", the label at most
  // 999 characters, perhaps over several lines.
  for (int l = 1; l <= n; ++l) {
    const std::string_view line = lines.line_text(l);
    std::size_t p = 0;
    for (bool more = true; more;) {
      more = false;
      while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
      if (p < line.size() && line[p] == '>') {
        ++p;
        more = true;
        continue;
      }
      std::size_t q = p;
      if (q < line.size() && (line[q] == '-' || line[q] == '*' || line[q] == '+')) {
        ++q;
      } else {
        while (q < line.size() && q - p < 9 && line[q] >= '0' && line[q] <= '9') ++q;
        if (q > p && q < line.size() && (line[q] == '.' || line[q] == ')')) ++q;
        else q = p;
      }
      if (q > p && (q == line.size() || line[q] == ' ' || line[q] == '\t')) {
        p = q;
        more = true;
      }
    }
    if (p < line.size() && line[p] == '[') {
      const std::size_t from = lines.line_begin(l) + p - (doc.bytes().size() - text.size());
      if (text.substr(from, 1004).find("]:") != std::string_view::npos) return starts;
    }
  }
  auto contains_ci = [](std::string_view s, std::string_view p) {
    for (std::size_t i = 0; i + p.size() <= s.size(); ++i)
      if (starts_with_ci(s.substr(i), p)) return true;
    return false;
  };
  char fence_char = 0;
  std::size_t fence_len = 0;
  std::string_view html_end;  // the end marker of the raw HTML block or comment we are in
  bool prev_blank = false;
  std::size_t piece_begin = lines.line_begin(1);
  for (int l = 1; l <= n; ++l) {
    const std::string_view line = lines.line_text(l);
    std::size_t ind = 0;
    while (ind < line.size() && line[ind] == ' ') ++ind;
    const std::string_view rest = line.substr(std::min(ind, line.size()));
    const bool blank = rest.find_first_not_of(" \t") == std::string_view::npos;
    if (fence_char == 0 && html_end.empty() && prev_blank && !line.empty() && line[0] == '#' &&
        lines.line_begin(l) - piece_begin >= chunk_bytes) {
      std::size_t h = 0;
      while (h < line.size() && line[h] == '#') ++h;
      if (h <= 6 && (h == line.size() || line[h] == ' ' || line[h] == '\t')) {
        starts.push_back(l);
        piece_begin = lines.line_begin(l);
      }
    }
    prev_blank = blank;
    if (fence_char != 0) {
      // A closing fence: the same character, at least as many, at most 3 spaces in, nothing after.
      if (ind <= 3 && !rest.empty() && rest[0] == fence_char) {
        std::size_t k = 0;
        while (k < rest.size() && rest[k] == fence_char) ++k;
        if (k >= fence_len && rest.find_first_not_of(" \t", k) == std::string_view::npos) fence_char = 0;
      }
      continue;
    }
    // Comments are followed through every line (also inline ones: a comment opened in a
    // paragraph keeps us from cutting until it is closed, which costs nothing but a cut).
    for (std::size_t p = 0; p < line.size();) {
      if (html_end.empty()) {
        const std::size_t o = line.find("<!--", p);
        if (o == std::string_view::npos) break;
        html_end = "-->";
        p = o + 4;
      } else {
        const std::size_t c = line.find(html_end, p);
        if (c == std::string_view::npos) break;
        p = c + html_end.size();
        html_end = {};
      }
    }
    if (!html_end.empty()) {
      if (html_end != "-->" && contains_ci(rest, html_end)) html_end = {};
      continue;
    }
    if (ind > 3) continue;
    if (!rest.empty() && (rest[0] == '`' || rest[0] == '~')) {
      std::size_t k = 0;
      while (k < rest.size() && rest[k] == rest[0]) ++k;
      if (k >= 3 && !(rest[0] == '`' && rest.find('`', k) != std::string_view::npos)) {
        fence_char = rest[0];
        fence_len = k;
      }
      continue;
    }
    if (rest.size() >= 2 && rest[0] == '<') {
      std::string_view end;
      for (std::string_view tag : {"script", "pre", "style", "textarea"}) {
        if (starts_with_ci(rest.substr(1), tag)) {
          const std::size_t after = 1 + tag.size();
          if (after == rest.size() || rest[after] == '>' || rest[after] == ' ' || rest[after] == '\t') {
            end = tag == "script" ? "</script>" : tag == "pre" ? "</pre>" : tag == "style" ? "</style>" : "</textarea>";
          }
        }
      }
      if (starts_with_ci(rest, "<![cdata[")) end = "]]>";
      else if (rest[1] == '?') end = "?>";
      else if (rest[1] == '!' && ((rest.size() > 2 && ((rest[2] | 0x20) >= 'a' && (rest[2] | 0x20) <= 'z')))) end = ">";
      if (!end.empty() && !contains_ci(rest.substr(1), end)) html_end = end;
    }
  }
  return starts;
}

namespace {

ListModel Builder::build() {
  m_.path = doc_.path();
  m_.has_bom = doc_.has_bom();
  m_.line_endings = doc_.line_endings();
  m_.line_count = doc_.bytes().size() > doc_.content_offset() ? lines_.line_count() : 0;
  content_line_.assign(static_cast<std::size_t>(lines_.line_count()) + 1, 0);
  {
    // Parsed a piece at a time (parse_pieces), each piece walked one top-level block at a time
    // and each block freed once walked: nothing refers to a block after its walk (the later
    // passes read the model and the tokens), so cmark-gfm's tree, some 12 times the size of its
    // text, never holds more than a piece of the document, and the pieces are walked while their
    // nodes are still in the cache.
    const std::string_view text = doc_.parse_text();
    const std::size_t text_base = doc_.bytes().size() - text.size();  // a BOM is not parsed
    const std::vector<int> starts = parse_pieces(doc_, options_.chunk_bytes);
    for (std::size_t k = 0; k < starts.size(); ++k) {
      const std::size_t b = k == 0 ? 0 : lines_.line_begin(starts[k]) - text_base;
      const std::size_t e = k + 1 < starts.size() ? lines_.line_begin(starts[k + 1]) - text_base : text.size();
      line_base_ = starts[k] - 1;
      md::Tree tree = md::parse(text.substr(b, e - b));
      cmark_node* root = tree.root.get();
      if (k == 0) enter(root, CMARK_NODE_DOCUMENT);
      for (cmark_node* block = cmark_node_first_child(root); block;) {
        cmark_node* next = cmark_node_next(block);
        {
          md::IterPtr it(cmark_iter_new(block));
          cmark_event_type ev;
          while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
            cmark_node* n = cmark_iter_get_node(it.get());
            const cmark_node_type t = cmark_node_get_type(n);
            if (ev == CMARK_EVENT_ENTER) {
              enter(n, t);  // leaves get no EXIT event
            } else {
              exit(n, t);
            }
          }
        }
        cmark_node_free(block);  // unlinks it too
        block = next;
      }
      if (k + 1 == starts.size()) exit(root, CMARK_NODE_DOCUMENT);
    }
    line_base_ = 0;
  }
  stitch_details();
  assign_details();
  find_definitions();
  classify_undefined_refs();
  find_toc();
  finish_problems();
  return std::move(m_);
}

}  // namespace

ListModel build_model(const Document& doc, const ModelOptions& options) { return Builder(doc, options).build(); }

const char* to_string(LinkKind kind) {
  switch (kind) {
    case LinkKind::Inline: return "inline";
    case LinkKind::Reference: return "reference";
    case LinkKind::Autolink: return "autolink";
    case LinkKind::Bare: return "bare";
    case LinkKind::Html: return "html";
    case LinkKind::RawMarkdown: return "raw-markdown";
  }
  return "inline";
}

const char* to_string(LinkContext context) {
  switch (context) {
    case LinkContext::Toc: return "toc";
    case LinkContext::Entry: return "entry";
    case LinkContext::TableCell: return "table-cell";
    case LinkContext::Details: return "details";
    case LinkContext::Heading: return "heading";
    case LinkContext::Other: return "other";
  }
  return "other";
}

std::string dump_ast(const Document& doc) {
  md::Tree tree = md::parse(doc.parse_text());
  std::string out;
  md::IterPtr it(cmark_iter_new(tree.root.get()));
  cmark_event_type ev;
  int depth = 0;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it.get());
    if (ev == CMARK_EVENT_EXIT) {
      --depth;
      continue;
    }
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += cmark_node_get_type_string(n);
    out += " [" + std::to_string(cmark_node_get_start_line(n)) + ":" +
           std::to_string(cmark_node_get_start_column(n)) + "-" +
           std::to_string(cmark_node_get_end_line(n)) + ":" +
           std::to_string(cmark_node_get_end_column(n)) + "]";
    if (const char* url = cmark_node_get_url(n); url && *url) out += std::string(" url=") + url;
    if (const char* lit = cmark_node_get_literal(n)) {
      std::string l(lit);
      for (char& c : l)
        if (c == '\n') c = '|';
      out += " \"" + l + "\"";
    }
    out += '\n';
    if (!is_leaf(cmark_node_get_type(n))) ++depth;
  }
  repair_utf8(out);
  return out;
}

}  // namespace listlint
