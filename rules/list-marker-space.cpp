// list-marker-space: a list marker with no space after it (-[Name](url)), which GitHub does not
// read as a list item.

#include <string>
#include <string_view>

#include "listlint/rule.h"
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
    std::size_t last = std::string_view::npos;  // one finding a line
    for (const TextRun& run : m.text_runs) {
      if (run.in_link || run.in_heading || run.in_table || run.in_table_header) continue;
      const std::size_t at = run.bytes.begin;
      if (at >= src.size() || at == last) continue;
      // Only a run that starts its line (after indentation and block-quote markers).
      const int line = lines.line_of(at);
      const std::size_t lb = lines.line_begin(line), le = lines.line_end(line);
      if (at < lb || at >= le) continue;
      bool line_start = true;
      for (std::size_t i = lb; i < at && line_start; ++i) line_start = blank(src[i]) || src[i] == '>';
      if (!line_start) continue;
      const std::string_view rest = src.substr(at, le - at);
      const std::size_t mlen = marker_length(rest);
      if (mlen == 0 || mlen >= rest.size()) continue;
      const char next = rest[mlen];
      if (blank(next)) continue;
      const bool ordered = digit(rest[0]);
      const std::size_t after = at + mlen;
      // What follows the marker: a link or image that starts right there?
      bool link = false;
      if (next == '[' || next == '!' || next == '<') {
        for (const Link& l : m.links)
          if (l.span.bytes.begin == after && (l.kind == LinkKind::Inline || l.kind == LinkKind::Reference ||
                                              (l.kind == LinkKind::Html && next == '<'))) {
            link = true;
            break;
          }
      }
      bool evidence = false;
      if (!link && letter(next)) {
        // The line continues an entry (a lazy continuation line) of a list written with the same
        // marker, at the entry's own indentation.
        int in = -1;
        for (std::size_t e = 0; e < m.entries.size(); ++e)
          if (m.entries[e].span.bytes.contains(at)) in = static_cast<int>(e);
        if (in >= 0) {
          const Entry& e = m.entries[static_cast<std::size_t>(in)];
          if (e.list >= 0) {
            const ListBlock& lb2 = m.lists[static_cast<std::size_t>(e.list)];
            const bool same = ordered ? (lb2.ordered && lb2.marker == rest[mlen - 1]) : (!lb2.ordered && lb2.marker == rest[0]);
            const std::size_t ebeg = e.span.bytes.begin;
            const std::size_t elb = lines.line_begin(lines.line_of(ebeg));
            evidence = same && ebeg - elb == at - lb;
          }
        }
      }
      if (!link && !evidence) continue;
      // An ordered item can start a list after a paragraph only with the number 1; elsewhere the
      // space would not help, so there is nothing to fix and nothing to say.
      const bool in_entry = [&] {
        for (const Entry& e : m.entries)
          if (e.span.bytes.contains(at)) return true;
        return false;
      }();
      bool alone = line == 1;  // the line opens its paragraph (the line above is blank)
      if (!alone) {
        alone = true;
        for (char c : lines.line_text(line - 1)) alone = alone && (blank(c) || c == '>');
      }
      if (ordered && !in_entry && !alone && !(mlen == 2 && rest[0] == '1')) continue;
      last = at;
      const std::string marker(rest.substr(0, mlen));
      const char* what = in_entry ? "it joins the line to the entry above"
                         : alone  ? "the line shows as a plain paragraph"
                                  : "it joins the line to the paragraph above";
      out.report(lines.span(at, after + 1),
                 "No space after the list marker '" + marker + "': GitHub shows no list item, " + what + "; write '" +
                     marker + " '",
                 Fix{{TextEdit{after, after, " "}}});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_list_marker_space() { return std::make_unique<ListMarkerSpace>(); }

}  // namespace listlint::rules
