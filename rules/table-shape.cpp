// table-shape: rows whose written cells differ from the header, tables that do not render, and
// leading or trailing pipes used inconsistently.

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "listlint/checking/rule.h"
#include "util.h"

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

// What a column holds in the rows written in full, for a row that leaves it out: real values
// (text, links with text), or only marks ("-", "N/A"), images (badges) and empty cells. Counted
// over every column of the file with the same header, which is the list's convention for it.
struct ColumnUse {
  int values = 0, marks = 0, images = 0, empty = 0;
  std::map<std::string, int> mark_texts;
  std::string description;  // describe()
  int total() const { return values + marks + images + empty; }
};

// A "none" or yes/no mark rather than a value: a word that says none, or a cell without letters
// or digits ("-", "—", "❌", "⚠️", "✅").
bool is_mark(const std::string& lower_text) {
  static const char* const kWords[] = {"none", "n/a", "na", "no", "x"};
  if (std::any_of(std::begin(kWords), std::end(kWords), [&](const char* w) { return lower_text == w; })) return true;
  return lower_text.size() <= 8 && std::none_of(lower_text.begin(), lower_text.end(), [](char c) { return util::alnum(c); });
}

std::string describe(const ColumnUse& u) {
  std::vector<std::pair<int, std::string>> parts;
  for (const auto& [text, n] : u.mark_texts) parts.emplace_back(n, quote(text));
  if (u.images) parts.emplace_back(u.images, "only images (badges)");
  if (u.empty) parts.emplace_back(u.empty, "nothing");
  if (u.values) parts.emplace_back(u.values, "data");
  std::stable_sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out;
  for (const auto& [n, what] : parts)
    out += (out.empty() ? "" : ", ") + what + " in " + std::to_string(n);
  return out + " of " + std::to_string(u.total());
}

// What the columns of each header of the file hold, in one pass over its tables, each with its
// description.
std::unordered_map<std::string, ColumnUse> column_uses(const ListModel& m) {
  std::unordered_map<std::string, ColumnUse> uses;
  for (const Table& t : m.tables) {
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      ColumnUse& u = uses[t.columns[c].text];
      for (const Row& r : t.rows) {
        if (r.source_cells != static_cast<int>(t.columns.size())) continue;  // padded or shifted
        const Cell& cell = r.cells[c];
        const bool text_link = std::any_of(cell.links.begin(), cell.links.end(), [&](int li) {
          return !m.links[static_cast<std::size_t>(li)].image;
        });
        const std::string lower = util::lower(cell.text);
        if (cell.text.empty() && cell.links.empty()) ++u.empty;
        else if (!text_link && cell.text.empty()) ++u.images;
        else if (!text_link && is_mark(lower)) { ++u.marks; ++u.mark_texts[cell.text]; }
        else ++u.values;
      }
    }
  }
  for (auto& [header, u] : uses) u.description = describe(u);
  return uses;
}

// The host of a link's URL, and its path ("/twitter/algebird" of https://github.com/twitter/algebird).
std::string_view url_host(std::string_view url) {
  const std::size_t s = url.find("://");
  if (s == std::string_view::npos) return {};
  url.remove_prefix(s + 3);
  return url.substr(0, url.find('/'));
}
std::string_view url_path(std::string_view url) {
  const std::size_t s = url.find("://");
  if (s == std::string_view::npos) return {};
  url.remove_prefix(s + 3);
  const std::size_t p = url.find('/');
  if (p == std::string_view::npos) return {};
  url.remove_prefix(p);
  url = url.substr(0, util::find_any(url, "?#"));
  while (url.size() > 1 && url.back() == '/') url.remove_suffix(1);
  return url;
}

// The image of a cell made from a link elsewhere in its row: a badge whose URL holds the path of
// the row's repository link (img.shields.io/github/stars/twitter/algebird beside
// github.com/twitter/algebird). Returns that link's host, or "" when there is none.
std::string_view badge_source(const ListModel& m, const Row& r, std::size_t column) {
  for (int ii : r.cells[column].links) {
    const Link& img = m.links[static_cast<std::size_t>(ii)];
    if (!img.image) continue;
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      if (c == column) continue;
      for (int li : r.cells[c].links) {
        const Link& l = m.links[static_cast<std::size_t>(li)];
        const std::string_view path = url_path(l.url);
        if (l.image || std::count(path.begin(), path.end(), '/') < 2) continue;
        if (img.url.find(path) != std::string::npos) return url_host(l.url);
      }
    }
  }
  return {};
}

// The badges of a table's column made from their row's links: whether most of the column's
// images are such badges, and the hosts of the links they are made from.
struct ColumnBadges {
  bool of_row_links = false;
  std::unordered_set<std::string_view> hosts;
};

ColumnBadges column_badges(const ListModel& m, const Table& t, int column) {
  ColumnBadges b;
  int images = 0, made = 0;
  for (const Row& r : t.rows) {
    if (r.source_cells != static_cast<int>(t.columns.size())) continue;
    const Cell& cell = r.cells[static_cast<std::size_t>(column)];
    if (cell.links.empty()) continue;
    ++images;
    const std::string_view h = badge_source(m, r, static_cast<std::size_t>(column));
    if (h.empty()) continue;
    ++made;
    b.hosts.insert(h);
  }
  b.of_row_links = made >= 2 && made * 5 >= images * 4;
  return b;
}

// True when a short row links to a host the column's badges are made from (it could have one).
bool row_could_have_badge(const ListModel& m, const ColumnBadges& b, const Row& row) {
  for (const Cell& cell : row.cells)
    for (int li : cell.links) {
      const Link& l = m.links[static_cast<std::size_t>(li)];
      if (!l.image && b.hosts.count(url_host(l.url))) return true;
    }
  return false;
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
    // What each header's columns hold across the file, worked out at the first short row.
    std::optional<std::unordered_map<std::string, ColumnUse>> uses;
    for (const Table& t : m.tables) {
      const int ncols = static_cast<int>(t.columns.size());
      // Each column's badges, worked out at the first short row that leaves the column out.
      std::vector<std::optional<ColumnBadges>> badges(t.columns.size());
      std::vector<const Row*> all_rows{&t.header};
      for (const Row& r : t.rows) all_rows.push_back(&r);
      // Rows whose extra cells are only a hidden note (and empty cells) keep the note out of sight
      // on purpose.
      std::vector<char> noted(t.rows.size(), 0);
      for (std::size_t i = 0; i < t.rows.size(); ++i)
        for (const Span& d : t.rows[i].dropped)
          if (util::hidden_note(util::trim_blanks(src.substr(d.bytes.begin, d.bytes.size())))) noted[i] = 1;
      std::vector<TextEdit> empty_tail;  // rows that end with empty cells past the header
      std::pair<Span, std::string> first_empty;
      for (std::size_t ri = 0; ri < t.rows.size(); ++ri) {
        const Row& r = t.rows[ri];
        const std::string name = r.cells.empty() || r.cells[0].text.empty() ? "" : " " + quote(r.cells[0].text);
        if (r.source_cells > ncols) {
          bool all_empty = true;
          std::string dropped;
          for (const Span& d : r.dropped) {
            const std::string_view text = util::trim_blanks(src.substr(d.bytes.begin, d.bytes.size()));
            if (!text.empty() && !util::hidden_note(text)) {
              all_empty = false;
              dropped += (dropped.empty() ? "" : ", ") + quote(std::string(text));
            }
          }
          if (noted[ri] && all_empty) continue;
          const Span& first = r.dropped.front();
          const std::size_t cut = first.bytes.begin > 0 ? first.bytes.begin - 1 : first.bytes.begin;  // its pipe
          const Span where = ctx.doc.lines().span(cut, r.dropped.back().bytes.end);
          if (all_empty) {
            // Reported once per table (below): a table whose every row ends "| |" is one habit.
            if (empty_tail.empty())
              first_empty = {where, "Row" + name + " has " + cells(r.source_cells) + " but the header has " +
                                        std::to_string(ncols) + ": GitHub ignores the extra empty " +
                                        (r.dropped.size() == 1 ? "cell" : "cells")};
            empty_tail.emplace_back(cut, r.dropped.back().bytes.end, "");
          } else {
            out.report(where, "Row" + name + " has " + cells(r.source_cells) + " but the header has " +
                                  std::to_string(ncols) + ": GitHub drops " + dropped +
                                  "; add a column or merge the cells");
          }
        } else if (r.source_cells < ncols) {
          // An error where the columns left out hold real values in the other rows (a licence);
          // a warning where they hold marks or badges: GitHub's padding then shows what the
          // author meant, or nearly (an empty cell where the others write "-"). Nothing where the
          // other rows leave the column empty too, or where it holds badges made from each row's
          // repository and this row has none to give.
          std::string missing, data_missing, held;
          bool nothing_to_give = true;
          for (int c = r.source_cells; c < ncols; ++c) {
            const std::string& header = t.columns[static_cast<std::size_t>(c)].text;
            missing += (missing.empty() ? "" : ", ") + quote(header);
            if (!uses) uses = column_uses(m);
            const ColumnUse& u = uses->at(header);
            if (u.values * 2 > u.total()) {
              data_missing += (data_missing.empty() ? "" : ", ") + quote(header) + ", where the other rows have data (" +
                              std::to_string(u.values) + " of " + std::to_string(u.total()) + " in the file)";
              nothing_to_give = false;
              continue;
            }
            const bool empty_column = u.empty * 2 > u.total();
            std::optional<ColumnBadges>& b = badges[static_cast<std::size_t>(c)];
            if (!b) b = column_badges(m, t, c);
            const bool no_badge = b->of_row_links && !row_could_have_badge(m, *b, r);
            if (!empty_column && !no_badge) nothing_to_give = false;
            held += (held.empty() ? "" : "; ") + (ncols - r.source_cells == 1 ? "" : quote(header) + ": ") + u.description;
          }
          std::string add = r.trailing_pipe ? "" : " |";
          for (int c = r.source_cells; c < ncols; ++c) add += " |";
          Fix fix{{TextEdit{r.span.bytes.end, r.span.bytes.end, add}}};
          const std::string head = "Row" + name + " has " + cells(r.source_cells) + " but the header has " +
                                   std::to_string(ncols) + ": GitHub shows " +
                                   (ncols - r.source_cells == 1 ? "an empty cell" : "empty cells") + " under ";
          if (!data_missing.empty()) {
            out.report(r.span, head + data_missing + "; fill in the missing data", std::move(fix));
          } else if (!nothing_to_give) {
            out.report(r.span, head + missing + ", where the other rows hold " + held +
                                   "; write the cell out so that the gap shows in the source",
                       std::move(fix), /*at_most_warning=*/true);
          }
        }
      }
      if (!empty_tail.empty()) {
        const std::size_t more = empty_tail.size() - 1;
        out.report(first_empty.first,
                   first_empty.second +
                       (more ? " (and so do " + std::to_string(more) + " more row" + (more > 1 ? "s" : "") +
                                   " of this table); --fix removes them"
                             : "; remove it"),
                   Fix{std::move(empty_tail)}, /*at_most_warning=*/true);
      }
      if (!pipe_style) continue;
      // A row ending in a hidden note has no trailing pipe by its nature: it is not counted.
      std::vector<const Row*> counted;
      for (const Row* r : all_rows)
        if (r == &t.header || !noted[static_cast<std::size_t>(r - t.rows.data())]) counted.push_back(r);
      int lead = 0, trail = 0;
      for (const Row* r : counted) {
        lead += r->leading_pipe;
        trail += r->trailing_pipe;
      }
      const int n = static_cast<int>(counted.size());
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
