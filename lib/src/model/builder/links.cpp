// Markdown links and images (inline, reference, angle autolinks) and the links the autolink
// extension makes of bare URLs, www. names and e-mail addresses. Workarounds for cmark-gfm:
// an angle autolink inside a list item or quote reports a start column without the container
// indent (its text child is right); links after multi-line HTML drift and are re-found after the
// previous link; an unclosed destination reports an end past its line; the autolink extension
// gives its links no position (0:0, or a column early for www.), so they are placed where their
// text is spelled after the inline before them.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/builder/builder.h"

namespace listlint::model_builder {

namespace {

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

}  // namespace

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

}  // namespace listlint::model_builder
