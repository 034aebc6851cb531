// duplicate-entry: the same entry name twice in one section or one table.

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "listlint/rule.h"
#include "listlint/text.h"
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
      for (const Entry* e : group) urls.insert(text::normalize_url(e->url));
      if (urls.size() >= 3) continue;
      const int card = std::get<1>(key);
      const std::string in = card >= 0
                                 ? "the " + util::quote(m.details[static_cast<std::size_t>(card)].summary) + " card"
                                 : "this section";
      for (std::size_t i = 1; i < group.size(); ++i) {
        const Entry& e = *group[i];
        const std::string desc = text::normalize_label(e.description);
        if (!has_word(desc)) continue;
        for (std::size_t j = 0; j < i; ++j) {
          const Entry* f = group[j];
          if (f->url == e.url) continue;
          const std::string other = text::normalize_label(f->description);
          const bool same = desc == other || (desc.size() >= 30 && other.size() >= 30 &&
                                              (desc.rfind(other, 0) == 0 || other.rfind(desc, 0) == 0));
          if (!same) continue;
          out.report(m.links[static_cast<std::size_t>(e.link)].span,
                     "Entry " + util::quote(e.name) + " is listed twice in " + in + " with one description (lines " +
                         std::to_string(f->span.begin.line) + " and " + std::to_string(e.span.begin.line) +
                         "), under different URLs: keep the right one");
          break;
        }
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
              text::normalize_url(la->url) == text::normalize_url(lb->url))
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
