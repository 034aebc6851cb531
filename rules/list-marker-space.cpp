// list-marker-space: a list marker with no space after it (-[Name](url)), which GitHub does not
// read as a list item.

#include <algorithm>
#include <string>
#include <vector>
#include <string_view>

#include "listlint/checking/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }
bool digit(char c) { return c >= '0' && c <= '9'; }
/// A letter: ASCII, or any byte of a multibyte UTF-8 character (names in other scripts).
bool letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

/// The marker a line's text starts with: "-", "*", "+", or 1-9 digits and "." or ")". Its length,
/// 0 when there is none.
std::size_t marker_length(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] == '-' || s[0] == '*' || s[0] == '+') return 1;
  std::size_t i = 0;
  while (i < s.size() && i < 9 && digit(s[i])) ++i;
  if (i == 0 || i >= s.size() || (s[i] != '.' && s[i] != ')')) return 0;
  return i + 1;
}

/// Flags a line whose text starts with a list marker glued to what follows: "-[Name](url)",
/// "*[Name](url)", "1.[Name](url)". GitHub reads no list item there, so the line joins the previous
/// paragraph or entry and the entry disappears from the rendered list. Read from the model's text
/// runs (code, HTML, link text, headings and tables are never runs or are skipped), so only lines
/// of paragraph text are looked at. Flagged when the rest of the line starts with a link or image
/// that GitHub renders ("[", "![", "<a"), or, with any letter after the marker, when the line sits
/// in an entry of a list written with the same marker (the list's own items show the intent).
/// "---", "**bold**", "*emphasis*", "-1", "+1" are never flagged. The fix inserts one space.
class ListMarkerSpace final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"list-marker-space",
                                "A list marker with no space after it (`-[Name](url)`): GitHub shows no list item.",
                                {"lists", "format"},
                                Severity::Error,
                                true,
                                {}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const std::string_view src = ctx.doc.bytes();
    const LineIndex& lines = ctx.doc.lines();
    const ListModel& m = ctx.model;
    // Candidates: text runs that start their line (after indentation and block-quote markers) with
    // a marker and no blank after it. Few in any list, so what follows is cheap even on big files.
    struct Candidate {
      std::size_t at = 0, mlen = 0, indent = 0;  // indent: bytes from the line's start
      int line = 0;
      int entry = -1;  // innermost entry holding it
    };
    std::vector<Candidate> cands;
    for (const TextRun& run : m.text_runs) {
      if (run.in_link || run.in_heading || run.in_table || run.in_table_header) continue;
      const std::size_t at = run.bytes.begin;
      if (at >= src.size() || (!cands.empty() && cands.back().at == at)) continue;
      const int line = lines.line_of(at);
      const std::size_t lb = lines.line_begin(line), le = lines.line_end(line);
      if (at < lb || at >= le) continue;
      bool line_start = true;
      for (std::size_t i = lb; i < at && line_start; ++i) line_start = blank(src[i]) || src[i] == '>';
      if (!line_start) continue;
      const std::string_view rest = src.substr(at, le - at);
      const std::size_t mlen = marker_length(rest);
      if (mlen == 0 || mlen >= rest.size() || blank(rest[mlen])) continue;
      cands.push_back({at, mlen, at - lb, line, -1});
    }
    if (cands.empty()) return;
    std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) { return a.at < b.at; });
    // The innermost entry holding each candidate (entries come in document order, so a later one
    // that holds it is nested deeper).
    for (std::size_t e = 0; e < m.entries.size(); ++e) {
      const ByteRange r = m.entries[e].span.bytes;
      auto it = std::lower_bound(cands.begin(), cands.end(), r.begin,
                                 [](const Candidate& c, std::size_t v) { return c.at < v; });
      for (; it != cands.end() && it->at < r.end; ++it) it->entry = static_cast<int>(e);
    }
    // Where links and images that GitHub renders begin.
    std::vector<std::size_t> link_starts, html_starts;
    for (const Link& l : m.links) {
      if (l.kind == LinkKind::Inline || l.kind == LinkKind::Reference) link_starts.push_back(l.span.bytes.begin);
      if (l.kind == LinkKind::Html) html_starts.push_back(l.span.bytes.begin);
    }
    std::sort(link_starts.begin(), link_starts.end());
    std::sort(html_starts.begin(), html_starts.end());
    auto has = [](const std::vector<std::size_t>& v, std::size_t x) { return std::binary_search(v.begin(), v.end(), x); };

    for (const Candidate& c : cands) {
      const int line = c.line;
      const std::string_view rest = src.substr(c.at, lines.line_end(line) - c.at);
      const std::size_t mlen = c.mlen;
      const char next = rest[mlen];
      const bool ordered = digit(rest[0]);
      const std::size_t after = c.at + mlen;
      // What follows the marker: a link or image that starts right there?
      const bool link = ((next == '[' || next == '!') && has(link_starts, after)) || (next == '<' && has(html_starts, after));
      bool evidence = false;
      if (!link && letter(next) && c.entry >= 0) {
        // The line continues an entry (a lazy continuation line) of a list written with the same
        // marker, at the entry's own indentation.
        const Entry& e = m.entries[static_cast<std::size_t>(c.entry)];
        if (e.list >= 0) {
          const ListBlock& list = m.lists[static_cast<std::size_t>(e.list)];
          const bool same = ordered ? (list.ordered && list.marker == rest[mlen - 1]) : (!list.ordered && list.marker == rest[0]);
          const std::size_t ebeg = e.span.bytes.begin;
          evidence = same && ebeg - lines.line_begin(lines.line_of(ebeg)) == c.indent;
        }
      }
      if (!link && !evidence) continue;
      const bool in_entry = c.entry >= 0;
      bool alone = line == 1;  // the line opens its paragraph (the line above is blank)
      if (!alone) {
        alone = true;
        for (char ch : lines.line_text(line - 1)) alone = alone && (blank(ch) || ch == '>');
      }
      // Outside lists, a space would not make a list item of a line indented four columns or more
      // (indented code cannot interrupt a paragraph), nor of an ordered marker other than 1 that
      // continues a paragraph: there is nothing to fix, so nothing is said.
      if (!in_entry) {
        std::size_t cols = 0;
        for (std::size_t i = c.at - c.indent; i < c.at; ++i) cols = src[i] == '>' ? 0 : cols + (src[i] == '\t' ? 4 : 1);
        if (cols >= 4 && !alone) continue;
        if (ordered && !alone && !(mlen == 2 && rest[0] == '1')) continue;
      }
      const std::string marker(rest.substr(0, mlen));
      const char* what = in_entry ? "it joins the line to the entry above"
                         : alone  ? "the line shows as a plain paragraph"
                                  : "it joins the line to the paragraph above";
      out.report(lines.span(c.at, after + 1),
                 "No space after the list marker '" + marker + "': GitHub shows no list item, " + what + "; write '" +
                     marker + " '",
                 Fix{{TextEdit{after, after, " "}}});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_list_marker_space() { return std::make_unique<ListMarkerSpace>(); }

}  // namespace listlint::rules
