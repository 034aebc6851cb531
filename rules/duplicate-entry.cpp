// duplicate-entry: the same entry name twice in one section or one table.

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "listlint/checking/rule.h"
#include "listlint/model/text.h"
#include "util.h"

namespace listlint::rules {
namespace {

// A letter of a word: ASCII letters and the letters of other scripts (Latin with accents, Greek,
// Cyrillic, Hebrew, Arabic, Indic, kana, CJK, Hangul), not symbols, arrows or emoji.
bool letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x1FFF && c != 0xD7 && c != 0xF7) ||
         (c >= 0x3040 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF);
}

// True when `s` holds a word of three letters or more: a description rather than a metric such as
// "(📥 370K · ⏱️ 22.04.2025)", which two different projects can share.
bool has_word(std::string_view s) {
  int run = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    i += static_cast<std::size_t>(n);
    run = letter(c) ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

// The only link of a cell (images aside), or null.
const Link* only_link(const ListModel& m, const Cell& cell) {
  const Link* only = nullptr;
  for (int li : cell.links) {
    const Link& l = m.links[static_cast<std::size_t>(li)];
    if (l.image) continue;
    if (only != nullptr) return nullptr;
    only = &l;
  }
  return only;
}

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// The entries of a set that answer "its first entry under another URL than u", whatever u: its
// first entry (a), and its first entry under another URL than a's (b). Indices, or kNone.
struct FirstTwo {
  std::size_t a = kNone, b = kNone;
};

// For each entry of `group`, the first earlier entry that says the same thing under another URL,
// or kNone: the same normalized description (`descs`), or, both being 30 bytes or more, one that
// begins with the other. One sort of the long descriptions, then linear in the group.
std::vector<std::size_t> first_same(const std::vector<const Entry*>& group, const std::vector<std::string>& descs) {
  std::vector<std::string> pages;
  for (const Entry* e : group) pages.push_back(text::page_key(e->url));
  const auto url = [&](std::size_t i) -> const std::string& { return pages[i]; };
  const auto merge = [&](const FirstTwo& s, const FirstTwo& t) {
    const std::size_t c[4] = {s.a, s.b, t.a, t.b};
    FirstTwo r;
    for (std::size_t x : c) r.a = std::min(r.a, x);
    if (r.a == kNone) return r;
    for (std::size_t x : c)
      if (x != kNone && url(x) != url(r.a)) r.b = std::min(r.b, x);
    return r;
  };
  // A node per distinct description, with its own entries.
  std::unordered_map<std::string_view, std::size_t> node_of;
  std::vector<std::string_view> text;
  std::vector<FirstTwo> own;
  std::vector<std::size_t> node(group.size());
  for (std::size_t i = 0; i < group.size(); ++i) {
    const auto [it, fresh] = node_of.try_emplace(descs[i], text.size());
    if (fresh) {
      text.push_back(descs[i]);
      own.emplace_back();
    }
    node[i] = it->second;
    own[node[i]] = merge(own[node[i]], FirstTwo{i, kNone});
  }
  // The entries each node is compared with: its own and, for a long description, those of the
  // long descriptions that begin it (its ancestors, `up`) or that it begins (its descendants,
  // `down`). In sorted order a description comes after those that begin it, and those that it
  // begins come right after it; `chain` holds the descriptions that begin the current one.
  std::vector<std::size_t> sorted;
  for (std::size_t k = 0; k < text.size(); ++k)
    if (text[k].size() >= 30) sorted.push_back(k);
  std::sort(sorted.begin(), sorted.end(), [&](std::size_t x, std::size_t y) { return text[x] < text[y]; });
  std::vector<std::size_t> parent(text.size(), kNone), chain;
  std::vector<FirstTwo> up = own, down = own, related = own;
  for (std::size_t k : sorted) {
    while (!chain.empty() && !text[k].starts_with(text[chain.back()])) chain.pop_back();
    if (!chain.empty()) {
      parent[k] = chain.back();
      up[k] = merge(up[parent[k]], own[k]);
    }
    chain.push_back(k);
  }
  for (auto it = sorted.rbegin(); it != sorted.rend(); ++it)
    if (parent[*it] != kNone) down[parent[*it]] = merge(down[parent[*it]], down[*it]);
  for (std::size_t k : sorted) related[k] = merge(up[k], down[k]);
  std::vector<std::size_t> first(group.size(), kNone);
  for (std::size_t i = 0; i < group.size(); ++i) {
    const FirstTwo& r = related[node[i]];
    const std::size_t j = r.a != kNone && url(r.a) != url(i) ? r.a : r.b;
    if (j < i) first[i] = j;  // kNone is never below i
  }
  return first;
}

/// Flags an entry whose name and description repeat an earlier entry of its section (under another
/// URL), and a table row that repeats an earlier row cell for cell.
class DuplicateEntry final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"duplicate-entry",
                                "The same entry appears twice: one name with one description twice in a section, "
                                "or a table row repeated cell for cell.",
                                {"content"},
                                Severity::Error,
                                false,
                                {}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const ListModel& m = ctx.model;
    // Same name in one section (or one <details> card used as a section): a duplicate when both
    // entries say the same thing. Lists hold many distinct projects with one name ("config" by
    // three authors); same name and same URL is duplicate-link's finding.
    std::map<std::tuple<int, int, std::string>, std::vector<const Entry*>> by_name;
    const std::vector<int> cards = util::section_cards(m);
    for (const Entry& e : m.entries) {
      if (e.link < 0 || e.in_toc || e.name.empty()) continue;
      by_name[{e.section, (e.details >= 0 ? cards[static_cast<std::size_t>(e.details)] : -1),
               text::normalize_label(e.name)}]
          .push_back(&e);
    }
    for (const auto& [key, group] : by_name) {
      if (group.size() < 2) continue;
      // A name on three or more entries under different URLs is a label ("Conda" before each
      // project's conda-forge link), not the name of one thing.
      std::set<std::string> urls;
      for (const Entry* e : group) urls.insert(text::page_key(e->url));
      if (urls.size() >= 3) continue;
      const int card = std::get<1>(key);
      const std::string in = card >= 0
                                 ? "the " + util::quote(m.details[static_cast<std::size_t>(card)].summary) + " card"
                                 : "this section";
      std::vector<std::string> descs;
      for (const Entry* e : group) descs.push_back(text::normalize_label(e->description));
      const std::vector<std::size_t> first = first_same(group, descs);
      for (std::size_t i = 1; i < group.size(); ++i) {
        if (first[i] == kNone || !has_word(descs[i])) continue;
        const Entry& e = *group[i];
        const Entry* f = group[first[i]];
        out.report(m.links[static_cast<std::size_t>(e.link)].span,
                   "Entry " + util::quote(e.name) + " is listed twice in " + in + " with one description (lines " +
                       std::to_string(f->span.begin.line) + " and " + std::to_string(e.span.begin.line) +
                       "), under different URLs: keep the right one");
      }
    }
    for (const Table& t : m.tables) {
      if (t.rows.size() < 2 || t.columns.size() < 2) continue;
      // The first column names the rows only when its values are (nearly) all distinct.
      std::map<std::string, std::vector<const Row*>> names;
      for (const Row& r : t.rows) names[text::normalize_label(r.cells[0].text)].push_back(&r);
      // (Dates or categories repeat a lot; allow a fifth, at least one, to repeat.)
      if (names.size() + std::max<std::size_t>(1, t.rows.size() / 5) < t.rows.size()) continue;
      // Rows whose names link one URL in a column of one link per cell are duplicate-link's finding.
      const bool linked_names = util::single_link_column(m, t, 0);
      for (const auto& [key, rows] : names) {
        if (key.empty() || rows.size() < 2) continue;
        for (std::size_t i = 1; i < rows.size(); ++i) {
          const Row& a = *rows[0];
          const Row& b = *rows[i];
          bool same = true;
          for (std::size_t c = 1; c < a.cells.size() && c < b.cells.size(); ++c)
            same &= a.cells[c].text == b.cells[c].text;
          if (!same) continue;
          const Link* la = only_link(m, a.cells[0]);
          const Link* lb = only_link(m, b.cells[0]);
          if (linked_names && la != nullptr && lb != nullptr && !util::generic_label(la->text) &&
              text::page_key(la->url) == text::page_key(lb->url))
            continue;
          out.report(b.cells[0].span, "Row " + util::quote(b.cells[0].text) + " is repeated cell for cell (lines " +
                                          std::to_string(a.line) + " and " + std::to_string(b.line) + "): remove one");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_entry() { return std::make_unique<DuplicateEntry>(); }

}  // namespace listlint::rules
