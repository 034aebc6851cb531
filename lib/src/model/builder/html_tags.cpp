// HTML in the document: HTML blocks and inline HTML tags. Each tag's position comes from its
// literal mapped to the source (map_literal, source_position.cpp; a one-line inline tag whose
// reported column drifted is re-found on its line). From the tags: <a href>, <img src>, <source>,
// <video>, <audio> and srcset links, ids and <a name> anchors, comments, the <details>/<summary>
// tokens that details.cpp pairs after the walk (cmark-gfm splits a card into sibling HTML blocks
// at blank lines), and Markdown link syntax inside an HTML block, which stays raw text on GitHub.

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/html.h"
#include "model/builder/builder.h"

namespace listlint::model_builder {

namespace {

bool html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

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

}  // namespace listlint::model_builder
