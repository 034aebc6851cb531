// The table of contents, after the walk: the group of top-level lists whose entries' links nearly
// all point into the page (the first under a "Contents" heading, else the one with the most).

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "model/builder/builder.h"

namespace listlint::model_builder {

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

}  // namespace listlint::model_builder
