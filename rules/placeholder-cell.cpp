// placeholder-cell: a table cell that holds a placeholder instead of data, and a column that
// holds no data at all.

#include <algorithm>
#include <string>

#include "listlint/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// Flags table cells whose whole text is a placeholder (TODO, place_holder, N/A, ...) and
/// columns whose cells are all empty or placeholders.
class PlaceholderCell final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "placeholder-cell",
        "A table cell holds a placeholder (TODO, place_holder, N/A, ...) instead of data, or a "
        "column holds no data at all.",
        {"tables", "content"},
        Severity::Error,
        false,
        {{"placeholders",
          nlohmann::json::array({"place_holder", "placeholder", "todo", "tbd", "tba", "fixme", "xxx", "...",
                                 "\xE2\x80\xA6", "?", "??", "???", "n/a", "coming soon"}),
          "Whole-cell texts that count as placeholders (compared case-insensitively)."},
         {"empty_columns", true, "Also report a column whose cells are all empty or placeholders."}}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    std::vector<std::string> placeholders;
    for (const auto& p : ctx.options.at("placeholders")) placeholders.push_back(util::lower(p.get<std::string>()));
    const bool empty_columns = ctx.options.at("empty_columns").get<bool>();
    auto is_placeholder = [&](const std::string& text) {
      const std::string t = util::lower(text);
      return std::find(placeholders.begin(), placeholders.end(), t) != placeholders.end();
    };
    for (const Table& t : ctx.model.tables) {
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        int empty_or_placeholder = 0;
        for (const Row& r : t.rows) {
          const Cell& cell = r.cells[c];
          if (cell.text.empty() && cell.links.empty()) {
            ++empty_or_placeholder;
            continue;
          }
          if (!cell.links.empty() || !is_placeholder(cell.text)) continue;
          ++empty_or_placeholder;
          std::string where = "column " + util::quote(t.columns[c].text);
          if (c != 0 && !r.cells[0].text.empty()) where = "row " + util::quote(r.cells[0].text) + ", " + where;
          out.report(cell.span, "Table cell holds the placeholder " + util::quote(cell.text) + " instead of data (" +
                                    where + "); fill it in or leave it empty");
        }
        if (empty_columns && !t.rows.empty() && empty_or_placeholder == static_cast<int>(t.rows.size())) {
          out.report(t.header.cells[c].span,
                     "Column " + util::quote(t.columns[c].text) + " holds no data: all " + std::to_string(t.rows.size()) +
                         (t.rows.size() == 1 ? " cell is" : " cells are") +
                         " empty or placeholders; fill it in or remove the column");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_placeholder_cell() { return std::make_unique<PlaceholderCell>(); }

}  // namespace listlint::rules
