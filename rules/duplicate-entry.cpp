// duplicate-entry: the same entry name twice in one section or one table.

#include <map>
#include <string>

#include "listlint/rule.h"
#include "listlint/text.h"
#include "util.h"

namespace listlint::rules {
namespace {

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
    // Same name in one section: a duplicate when both entries say the same thing. Lists hold many
    // distinct projects with one name ("config" by three authors); same name and same URL is
    // duplicate-link's finding.
    std::map<std::pair<int, std::string>, std::vector<const Entry*>> by_name;
    for (const Entry& e : m.entries) {
      if (e.link < 0 || e.in_toc || e.name.empty()) continue;
      auto& seen = by_name[{e.section, text::normalize_label(e.name)}];
      const std::string desc = text::normalize_label(e.description);
      for (const Entry* f : seen) {
        if (f->url == e.url) continue;
        const std::string other = text::normalize_label(f->description);
        const bool same = !desc.empty() && (desc == other || (desc.size() >= 30 && other.size() >= 30 &&
                                                              (desc.rfind(other, 0) == 0 || other.rfind(desc, 0) == 0)));
        if (!same) continue;
        out.report(m.links[static_cast<std::size_t>(e.link)].span,
                   "Entry " + util::quote(e.name) + " is listed twice in this section with the same description (line " +
                       std::to_string(f->span.begin.line) + "), under different URLs: keep the right one");
        break;
      }
      seen.push_back(&e);
    }
    for (const Table& t : m.tables) {
      if (t.rows.size() < 2 || t.columns.size() < 2) continue;
      // The first column names the rows only when its values are (nearly) all distinct.
      std::map<std::string, std::vector<const Row*>> names;
      for (const Row& r : t.rows) names[text::normalize_label(r.cells[0].text)].push_back(&r);
      // (Dates or categories repeat a lot; allow a fifth, at least one, to repeat.)
      if (names.size() + std::max<std::size_t>(1, t.rows.size() / 5) < t.rows.size()) continue;
      for (const auto& [key, rows] : names) {
        if (key.empty() || rows.size() < 2) continue;
        for (std::size_t i = 1; i < rows.size(); ++i) {
          const Row& a = *rows[0];
          const Row& b = *rows[i];
          bool same = true;
          for (std::size_t c = 1; c < a.cells.size() && c < b.cells.size(); ++c) same &= a.cells[c].text == b.cells[c].text;
          if (!same) continue;
          out.report(b.cells[0].span, "Row " + util::quote(b.cells[0].text) + " repeats the row at line " +
                                          std::to_string(a.line) + " cell for cell: remove one");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_entry() { return std::make_unique<DuplicateEntry>(); }

}  // namespace listlint::rules
