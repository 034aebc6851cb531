// table-shape: rows whose written cells differ from the header, tables that do not render, and
// leading or trailing pipes used inconsistently.

#include <algorithm>
#include <string>
#include <unordered_set>

#include "listlint/rule.h"

namespace listlint::rules {
namespace {

std::string quote(const std::string& s) {
  std::string t = s.size() > 60 ? s.substr(0, 57) + "..." : s;
  return "\"" + t + "\"";
}

std::string cells(int n) { return std::to_string(n) + (n == 1 ? " cell" : " cells"); }

// Cells a table line holds as GFM splits it (optional outer pipes, "\|" escapes a pipe).
int count_cells(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '>')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  if (b == e) return 0;
  const bool lead = s[b] == '|';
  bool trail = false;
  int pipes = 0;
  for (std::size_t i = b; i < e; ++i) {
    if (s[i] == '\\') { ++i; continue; }
    if (s[i] == '|') {
      ++pipes;
      if (i == e - 1) trail = true;
    }
  }
  if (lead && trail && e - b == 1) return 0;
  return pipes + 1 - (lead ? 1 : 0) - (trail ? 1 : 0);
}

bool delimiter_like(std::string_view s) {
  bool dash = false, pipe = false;
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '>')) ++i;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '-') dash = true;
    else if (c == '|') pipe = true;
    else if (c != ':' && c != ' ' && c != '\t') return false;
  }
  return dash && pipe;
}

/// Flags rows with more or fewer cells than the header, table-like text that does not render
/// because its header and delimiter rows disagree, and inconsistent outer pipes (warnings).
class TableShape final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "table-shape",
        "A table row has more or fewer cells than the header (GitHub drops or pads them), a table does "
        "not render because its delimiter row does not match, or outer pipes are used inconsistently.",
        {"tables", "format"},
        Severity::Error,
        true,
        {{"pipe_style", true, "Report rows whose leading or trailing pipe differs from the table's other rows (as warnings)."}}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const ListModel& m = ctx.model;
    const bool pipe_style = ctx.options.at("pipe_style").get<bool>();
    const std::string_view src = ctx.doc.bytes();
    for (const Table& t : m.tables) {
      const int ncols = static_cast<int>(t.columns.size());
      std::vector<const Row*> all_rows{&t.header};
      for (const Row& r : t.rows) all_rows.push_back(&r);
      for (const Row& r : t.rows) {
        const std::string name = r.cells.empty() || r.cells[0].text.empty() ? "" : " " + quote(r.cells[0].text);
        if (r.source_cells > ncols) {
          bool all_empty = true;
          std::string dropped;
          for (const Span& d : r.dropped) {
            std::string_view text = src.substr(d.bytes.begin, d.bytes.size());
            while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
            while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
            if (!text.empty()) {
              all_empty = false;
              dropped += (dropped.empty() ? "" : ", ") + quote(std::string(text));
            }
          }
          const Span& first = r.dropped.front();
          const std::size_t cut = first.bytes.begin > 0 ? first.bytes.begin - 1 : first.bytes.begin;  // its pipe
          const Span where = ctx.doc.lines().span(cut, r.dropped.back().bytes.end);
          if (all_empty) {
            Fix fix{{TextEdit{cut, r.dropped.back().bytes.end, ""}}};
            out.report(where, "Row" + name + " has " + cells(r.source_cells) + " but the header has " +
                                  std::to_string(ncols) + ": GitHub ignores the extra empty " +
                                  (r.dropped.size() == 1 ? "cell" : "cells") + "; remove it",
                       std::move(fix), /*at_most_warning=*/true);
          } else {
            out.report(where, "Row" + name + " has " + cells(r.source_cells) + " but the header has " +
                                  std::to_string(ncols) + ": GitHub drops " + dropped +
                                  "; add a column or merge the cells");
          }
        } else if (r.source_cells < ncols) {
          std::string missing;
          for (int c = r.source_cells; c < ncols; ++c)
            missing += (missing.empty() ? "" : ", ") + quote(t.columns[static_cast<std::size_t>(c)].text);
          std::string add = r.trailing_pipe ? "" : " |";
          for (int c = r.source_cells; c < ncols; ++c) add += " |";
          Fix fix{{TextEdit{r.span.bytes.end, r.span.bytes.end, add}}};
          out.report(r.span, "Row" + name + " has " + cells(r.source_cells) + " but the header has " +
                                 std::to_string(ncols) + ": GitHub shows " +
                                 (ncols - r.source_cells == 1 ? "an empty cell" : "empty cells") + " under " +
                                 missing + "; fill in the missing data",
                     std::move(fix));
        }
      }
      if (!pipe_style) continue;
      int lead = 0, trail = 0;
      for (const Row* r : all_rows) {
        lead += r->leading_pipe;
        trail += r->trailing_pipe;
      }
      const int n = static_cast<int>(all_rows.size());
      // The style most rows use; on a tie there is no majority to follow.
      const bool want_lead = lead * 2 > n, want_trail = trail * 2 > n;
      const bool lead_tie = lead * 2 == n, trail_tie = trail * 2 == n;
      for (const Row* r : all_rows) {
        const std::string which = r == &t.header ? "Header row"
                                  : r->cells.empty() || r->cells[0].text.empty() ? "Row"
                                                                                  : "Row " + quote(r->cells[0].text);
        if (!lead_tie && r->leading_pipe != want_lead) {
          Fix fix{{want_lead ? TextEdit{r->span.bytes.begin, r->span.bytes.begin, "| "}
                             : TextEdit{r->span.bytes.begin, r->span.bytes.begin + 1, ""}}};
          if (!want_lead) fix.edits.clear();  // removing a pipe can change the cells: no fix
          out.report(r->span, which + (want_lead ? " has no leading pipe" : " has a leading pipe") +
                                  ", unlike the other rows of this table",
                     fix.edits.empty() ? std::nullopt : std::optional<Fix>(fix), /*at_most_warning=*/true);
        }
        if (!trail_tie && r->trailing_pipe != want_trail && r->source_cells <= ncols) {
          std::optional<Fix> fix;
          if (want_trail) fix = Fix{{TextEdit{r->span.bytes.end, r->span.bytes.end, " |"}}};
          out.report(r->span, which + (want_trail ? " has no trailing pipe" : " has a trailing pipe") +
                                  ", unlike the other rows of this table",
                     fix, /*at_most_warning=*/true);
        }
      }
    }

    // Table-like text that did not render: header and delimiter rows with different cell counts.
    std::unordered_set<int> skip;
    for (const Table& t : m.tables)
      for (int l = t.span.begin.line; l <= t.span.end.line; ++l) skip.insert(l);
    for (const CodeBlock& c : m.code_blocks)
      for (int l = c.span.begin.line; l <= c.span.end.line; ++l) skip.insert(l);
    const auto& lines = ctx.doc.lines();
    for (int l = 1; l < lines.line_count(); ++l) {
      if (skip.count(l) || skip.count(l + 1)) continue;
      const std::string_view head = lines.line_text(l), delim = lines.line_text(l + 1);
      if (head.find('|') == std::string_view::npos || !delimiter_like(delim)) continue;
      const int h = count_cells(head), d = count_cells(delim);
      if (h == d || h == 0) continue;
      out.report(lines.span(lines.line_begin(l), lines.line_end(l + 1)),
                 "Not rendered as a table: the header row has " + cells(h) + " but the delimiter row has " +
                     std::to_string(d) + "; make them match");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_table_shape() { return std::make_unique<TableShape>(); }

}  // namespace listlint::rules
