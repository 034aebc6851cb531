// The text GitHub shows for a node (plain_text: images dropped, breaks as spaces), and what is
// made of a node when the walk leaves it: a section from each heading (its anchor, level,
// parent, the HTML ids written in it) and an entry from each list item (its main link, name,
// separator and description).

#include <string>
#include <string_view>
#include <utility>

#include "model/builder/builder.h"

namespace listlint::model_builder {

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
  const bool lead_blank = !rest.empty() && (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r');
  std::string d = rest;
  text::collapse_inplace(d);
  // The paragraph's text is the link text and what follows it (nothing but space precedes),
  // collapsed: joined from the link text and the rest collapsed once.
  e.text = text::collapse_join(l.text, rest, d);
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

}  // namespace listlint::model_builder
