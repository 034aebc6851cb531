// link-syntax: link syntax that GitHub does not render as the link it was meant to be.

#include <string>

#include "listlint/checking/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

/// Flags Markdown that was written as a link and that GitHub shows as text ([D](https://github .com/x):
/// a space in the destination; [P](https://x/a(b): a '(' that is not closed), and links whose
/// destination no browser can use ([LLM]([https://...), htps://, http//, www.example.com).
class LinkSyntax final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"link-syntax",
                                "Link syntax GitHub does not render as the intended link: a space or an "
                                "unbalanced parenthesis in the destination (`[text](https://github .com/x)`), a "
                                "destination that starts with a bracket, a misspelled scheme (`htps://`, `http//`) "
                                "or none (`www.example.com`).",
                                {"links"},
                                Severity::Error,
                                false,
                                {}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const std::string_view src = ctx.doc.bytes();
    // 1. Links whose destination is unusable.
    for (const Link& l : ctx.model.links) {
      if (l.kind != LinkKind::Inline && l.kind != LinkKind::Reference && l.kind != LinkKind::Html) continue;
      if (const std::string why = util::unusable_url(l.url); !why.empty())
        out.report(l.span, std::string(l.image ? "Image" : "Link") + (l.text.empty() ? "" : " " + util::quote(l.text)) +
                               " goes to " + l.url +
                               ", which no browser can use: " + why);
    }
    // 2. Text that is link syntax GitHub did not take for a link: "[text](" ... ")" in prose,
    // with a blank in the destination.
    for (const TextRun& run : ctx.model.text_runs) {
      if (run.in_link) continue;
      // (cmark-gfm may end a text node at the ']': look from the byte before the run.)
      const std::size_t from = run.bytes.begin > 0 ? run.bytes.begin - 1 : 0;
      const std::string_view t = src.substr(from, run.bytes.end - from);
      for (std::size_t p = t.find("]("); p != std::string_view::npos; p = t.find("](", p + 2)) {
        const std::size_t at = from + p;
        if (at + 1 < run.bytes.begin) continue;
        // Only a destination that starts like an address is looked at further (a line of "](" costs
        // one comparison each).
        const std::string_view start = src.substr(at + 2, 4);
        if (!(util::starts_with_ci(start, "http") || util::starts_with_ci(start, "www.") ||
              (!start.empty() && (start.front() == '#' || start.front() == '/' || start.front() == '.'))))
          continue;
        // The '[' that opens it, on the same line, and the ')' that closes it.
        const std::size_t line_b = ctx.doc.lines().line_begin(ctx.doc.lines().line_of(at));
        const std::size_t line_e = ctx.doc.lines().line_end(ctx.doc.lines().line_of(at));
        // (Searched on its line only, at most 500 bytes away.)
        const std::size_t lo = std::max(line_b, at > 500 ? at - 500 : 0);
        const std::size_t hi = std::min(line_e, at + 500);
        const std::size_t open_in = src.substr(lo, at - lo).rfind('[');
        if (open_in == std::string_view::npos) continue;
        const std::size_t open = lo + open_in;
        if (at + 2 > hi) continue;
        const std::string text(src.substr(open + 1, at - open - 1));
        const std::size_t close_in = src.substr(at + 2, hi - at - 2).find(')');
        if (close_in == std::string_view::npos) {
          // No ')' on the line: the '(' that opens an address is never closed.
          if (hi != line_e) continue;  // (the line was not searched to its end)
          const std::string_view rest = src.substr(at + 2, hi - at - 2);
          const std::string_view first = rest.substr(0, rest.find_first_of(" \t\r\n"));
          if (!(util::starts_with_ci(first, "http") || util::starts_with_ci(first, "www."))) continue;
          out.report(ctx.doc.lines().span(open, at + 2 + first.size()),
                     "[" + text + "](" + std::string(first) +
                         " is shown as text, not as a link: the '(' before its destination is never closed; add the ')'");
          continue;
        }
        const std::size_t close = at + 2 + close_in;
        const std::string_view dest = src.substr(at + 2, close - at - 2);
        const std::size_t space = dest.find_first_of(" \t");
        if (space == std::string_view::npos && dest.find('(') != std::string_view::npos) {
          // CommonMark takes parentheses in a destination only in balanced pairs: a '(' in the
          // address with no ')' of its own makes the whole thing text.
          out.report(ctx.doc.lines().span(open, close + 1),
                     "[" + text + "](" + std::string(dest) +
                         ") is shown as text, not as a link: its destination has a '(' that is not closed before the "
                         "')' that ends it; write the '(' as %28");
          continue;
        }
        if (space == std::string_view::npos || dest.empty() || blank(dest.front())) continue;
        // A title after the destination ([a](url "title")) is valid syntax: only a bare blank inside
        // something that reads as an address is the typo.
        if (dest.find('"') != std::string_view::npos || dest.find('\'') != std::string_view::npos) continue;
        const std::string_view first = dest.substr(0, space);
        if (!(util::starts_with_ci(first, "http") || util::starts_with_ci(first, "www.") || first.front() == '#' ||
              first.front() == '/' || first.front() == '.'))
          continue;
        out.report(ctx.doc.lines().span(open, close + 1),
                   "[" + text + "](" + std::string(dest) + ") is shown as text, not as a link: its destination has a " +
                       (dest[space] == ' ' ? "space" : "tab") + " after " + util::quote(std::string(first)) +
                       "; remove it");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_link_syntax() { return std::make_unique<LinkSyntax>(); }

}  // namespace listlint::rules
