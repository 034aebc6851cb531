// details-table-xref: paper cards and the table that lists their targets must agree.

#include <map>
#include <set>
#include <string>

#include "listlint/checking/rule.h"
#include "listlint/model/text.h"
#include "util.h"

namespace listlint::rules {
namespace {

// The section a card or table belongs to for cross-checking: its ancestor at level 2 or above
// (a "### Training Set" table belongs with the "## Supervised Finetuning" cards).
int group_of(const ListModel& m, int section) {
  while (section >= 0 && m.sections[static_cast<std::size_t>(section)].level > 2) {
    const int parent = m.sections[static_cast<std::size_t>(section)].parent;
    if (parent < 0) break;
    section = parent;
  }
  return section;
}

bool generic_label(const std::string& t) {
  static const std::set<std::string> kGeneric = {"link", "links", "data", "dataset", "download", "paper", "code",
                                                 "github", "huggingface", "hugging face", "website", "project",
                                                 "homepage", "here", "url", "\xF0\x9F\xA4\x97"};
  return kGeneric.count(util::lower(t)) > 0;
}

/// In a section that has both details cards whose summary names a target ("... -> Dataset") and a
/// table listing those targets: flags targets without a row, rows without a card, and rows whose
/// link text differs from their name when the table's other rows match.
class DetailsTableXref final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "details-table-xref",
        "Details cards that name a target (\"Title, Venue Year -> Dataset\") and the table that lists those "
        "targets disagree: a target without a row, a row without a card, or a row whose link text is not its name.",
        {"details", "tables", "content"},
        Severity::Error,
        false,
        {}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const ListModel& m = ctx.model;
    std::map<int, std::vector<const Details*>> cards;
    for (const Details& d : m.details)
      if (!d.target.empty()) cards[group_of(m, d.section)].push_back(&d);
    for (const auto& [group, group_cards] : cards) {
      std::map<std::string, const Details*> targets;
      for (const Details* d : group_cards) targets.emplace(text::normalize_label(d->target), d);
      // The table of this group whose column matches the most targets.
      const Table* table = nullptr;
      std::size_t column = 0;
      int best = 0;
      for (const Table& t : m.tables) {
        if (group_of(m, t.section) != group) continue;
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
          int hits = 0;
          for (const Row& r : t.rows) hits += targets.count(text::normalize_label(r.cells[c].text)) > 0;
          if (hits > best) { best = hits; table = &t; column = c; }
        }
      }
      if (!table || best < 2) continue;
      std::set<std::string> rows;
      int matching_links = 0, rows_with_link = 0;
      for (const Row& r : table->rows) {
        const std::string name = text::normalize_label(r.cells[column].text);
        rows.insert(name);
        for (std::size_t c = 0; c < r.cells.size(); ++c) {
          if (c == column || r.cells[c].links.size() != 1) continue;
          ++rows_with_link;
          matching_links += text::normalize_label(m.links[static_cast<std::size_t>(r.cells[c].links[0])].text) == name;
        }
      }
      for (const Row& r : table->rows) {
        const Cell& cell = r.cells[column];
        const std::string name = text::normalize_label(cell.text);
        if (name.empty()) continue;
        if (!targets.count(name))
          out.report(cell.span, "Row " + util::quote(cell.text) + " of the table at line " +
                                    std::to_string(table->span.begin.line) + " has no details card in this section (no "
                                    "summary ends with \"-> " + cell.text + "\")");
        // Rows link to their dataset by its name; one that does not is likely a copy-paste slip.
        if (rows_with_link < 2 || matching_links * 2 < rows_with_link) continue;
        for (std::size_t c = 0; c < r.cells.size(); ++c) {
          if (c == column || r.cells[c].links.size() != 1) continue;
          const Link& l = m.links[static_cast<std::size_t>(r.cells[c].links[0])];
          if (text::normalize_label(l.text) == name || generic_label(l.text) || l.text.empty()) continue;
          out.report(l.span, "Row " + util::quote(cell.text) + " links as " + util::quote(l.text) +
                                 ", not by its name like the other rows: check the link");
        }
      }
      for (const Details* d : group_cards) {
        if (rows.count(text::normalize_label(d->target))) continue;
        out.report(d->summary_span ? *d->summary_span : d->span,
                   "Details card " + util::quote(d->title.empty() ? d->summary : d->title) + " names " +
                       util::quote(d->target) + ", which has no row in the table at line " +
                       std::to_string(table->span.begin.line));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_details_table_xref() { return std::make_unique<DetailsTableXref>(); }

}  // namespace listlint::rules
