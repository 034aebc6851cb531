#pragma once
// Builds the ListModel from cmark-gfm's tree in one walk, then stitches what the tree cannot
// hold (details cards, the table of contents, reference definitions) from the source.
//
// Positions: cmark-gfm reports 1-based byte columns. They are right for block nodes and most
// inlines, and wrong in known places (see docs/model.md and shared notes): inlines after an
// escaped pipe in a table cell, rows with leading indentation, angle autolinks in containers,
// text after a multi-line inline HTML tag. Every link position is therefore checked against
// the source and re-found when it does not point at the link.
//
// The builder is split into parts, one concern each. This private header declares the Builder
// class they share; its member functions are defined in the part files:
//   walk.cpp               the walk that drives the others (enter/exit per node), build() and
//                          build_model(), the passes after the walk, dump_ast, to_string
//   source_position.cpp    placing nodes and text at their source position (the position
//                          workarounds for inlines, text runs and HTML literals)
//   sections_entries.cpp   the text GitHub shows for a node; sections (headings) and entries
//                          (list items: name, link, separator, description)
//   links.cpp              Markdown links and images, angle autolinks, the autolink extension
//   html_tags.cpp          HTML blocks and inline HTML: <a href>, <img src>, srcset, ids,
//                          comments, <details>/<summary> tokens, raw Markdown in HTML blocks
//   tables.cpp             tables, rows and cells (pipes split from the source)
//   details.cpp            details cards (<details>/<summary>) paired after the walk
//   references.cpp         link reference definitions and undefined references
//   toc.cpp                the table of contents
//   pieces.cpp             parse_pieces: where a large document can be cut for parsing
// Each cmark-gfm position workaround is explained in a comment where it lives, and its part's
// header comment lists the ones it holds.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/html.h"
#include "listlint/model/model.h"
#include "listlint/model/slug.h"
#include "listlint/model/text.h"
#include "model/markdown.h"

namespace listlint::model_builder {

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

// Helpers several parts use.
inline const char* literal_of(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? s : "";
}

inline bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + 32);
    if (a != prefix[i]) return false;
  }
  return true;
}

inline bool is_break_tag(std::string_view lit) {
  return starts_with_ci(lit, "<br") || starts_with_ci(lit, "<li") || starts_with_ci(lit, "</li") ||
         starts_with_ci(lit, "<p") || starts_with_ci(lit, "</p");
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

}  // namespace listlint::model_builder
