// Link reference definitions and undefined references, after the walk. cmark-gfm keeps no node
// for a definition ("[r]: https://..." disappears and the links that use it carry the resolved
// URL), so definitions are found by scanning the lines that hold no other content, and bracketed
// text left as text is classified here.

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "model/html.h"
#include "model/builder/builder.h"

namespace listlint::model_builder {

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

}  // namespace listlint::model_builder
