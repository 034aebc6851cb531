// placeholder-cell: a table cell that holds a placeholder instead of data, and a column that
// holds no data at all.

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "listlint/checking/rule.h"
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
                                 "\xE2\x80\xA6", "?", "??", "???", "n/a"}),
          "Whole-cell texts that count as placeholders (compared case-insensitively)."},
         {"pending", nlohmann::json::array({"coming soon", "to be released"}),
          "Whole-cell texts that say on purpose that the data is not released yet: reported as warnings "
          "(the release may have happened since), and not counted as empty."},
         {"empty_columns", true, "Also report a column whose cells are all empty or placeholders."}}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    std::vector<std::string> placeholders, pending;
    for (const auto& p : ctx.options.at("placeholders")) placeholders.push_back(util::lower(p.get<std::string>()));
    for (const auto& p : ctx.options.at("pending")) pending.push_back(util::lower(p.get<std::string>()));
    const bool empty_columns = ctx.options.at("empty_columns").get<bool>();
    auto in = [](const std::vector<std::string>& list, const std::string& lower_text) {
      return std::find(list.begin(), list.end(), lower_text) != list.end();
    };
    const auto& tables = ctx.model.tables;
    // A yes/no column: across the file's columns with this header, every filled cell holds one
    // same mark without letters or digits (✅, ✔) and some cells are empty, so an empty cell says
    // "no". Such a column empty in one table is that table's answer, not missing data. A column of
    // values ("CC BY 4.0" in every filled row) is not a yes/no column.
    auto yes_no_column = [&](const std::vector<std::pair<const Table*, std::size_t>>& columns) {
      std::string mark;
      int marks = 0, empties = 0;
      for (const auto& [t, c] : columns) {
        for (const Row& r : t->rows) {
          const Cell& cell = r.cells[c];
          if (cell.text.empty() && cell.links.empty()) { ++empties; continue; }
          if (!cell.links.empty() || (!mark.empty() && cell.text != mark)) return false;
          if (std::any_of(cell.text.begin(), cell.text.end(), [](char ch) { return util::alnum(ch); })) return false;
          mark = cell.text;
          ++marks;
        }
      }
      return marks >= 2 && empties > 0;
    };
    // The file's columns of each header (in file order) and, once asked, whether they make a
    // yes/no column: worked out at the first empty column.
    struct Header {
      std::vector<std::pair<const Table*, std::size_t>> columns;
      std::optional<bool> yes_no;
    };
    std::unordered_map<std::string, Header> headers;
    auto flag_column = [&](const std::string& header) {
      if (headers.empty())
        for (const Table& t : tables)
          for (std::size_t c = 0; c < t.columns.size(); ++c) headers[t.columns[c].text].columns.emplace_back(&t, c);
      Header& h = headers.at(header);
      if (!h.yes_no) h.yes_no = yes_no_column(h.columns);
      return *h.yes_no;
    };
    for (const Table& t : tables) {
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        int empty_or_placeholder = 0;
        for (const Row& r : t.rows) {
          const Cell& cell = r.cells[c];
          if (cell.text.empty() && cell.links.empty()) {
            ++empty_or_placeholder;
            continue;
          }
          if (!cell.links.empty()) continue;
          const std::string lower_text = util::lower(cell.text);
          std::string where = "column " + util::quote(t.columns[c].text);
          if (c != 0 && !r.cells[0].text.empty()) where = "row " + util::quote(r.cells[0].text) + ", " + where;
          if (in(placeholders, lower_text)) {
            ++empty_or_placeholder;
            out.report(cell.span, "Table cell holds the placeholder " + util::quote(cell.text) + " instead of data (" +
                                      where + "); fill it in or leave it empty");
          } else if (in(pending, lower_text)) {
            out.report(cell.span, "Table cell says " + util::quote(cell.text) + " (" + where +
                                      "): if it has been released since, fill it in",
                       std::nullopt, /*at_most_warning=*/true);
          }
        }
        if (empty_columns && !t.rows.empty() && empty_or_placeholder == static_cast<int>(t.rows.size()) &&
            !flag_column(t.columns[c].text)) {
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
