// details-structure: broken <details> cards.

#include <unordered_map>
#include <unordered_set>

#include "listlint/checking/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// Flags unclosed and stray <details> tags, cards without a summary or with an empty one, cards
/// with no content, Markdown inside a card that GitHub shows as raw text, and headings hidden
/// inside a card.
class DetailsStructure final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "details-structure",
        "A <details> card is broken: unclosed or stray tags, no or empty <summary>, no content, Markdown "
        "that stays raw text because a blank line is missing, or a heading hidden inside a card.",
        {"details", "html", "structure"},
        Severity::Error,
        false,
        {}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const ListModel& m = ctx.model;
    for (const Problem& p : m.problems) {
      if (p.kind == "unclosed-details")
        out.report(p.span, "<details> is never closed: on GitHub it swallows the rest of the page; add </details>");
      else if (p.kind == "stray-details-close")
        out.report(p.span, "</details> closes no open <details>; remove it or add the missing <details>");
    }
    for (std::size_t i = 0; i < m.details.size(); ++i) {
      const Details& d = m.details[i];
      const Span head = ctx.doc.lines().span(d.span.bytes.begin, std::min(d.span.bytes.end, d.span.bytes.begin + 9));
      if (!d.has_summary) {
        // GitHub shows such a card, titled "Details": nothing is broken, so at most a warning.
        out.report(head, "<details> card without <summary>: GitHub titles it \"Details\"; add a <summary>", std::nullopt,
                   /*at_most_warning=*/true);
      } else if (d.summary.empty()) {
        out.report(*d.summary_span, "<details> card with an empty <summary>; write its title");
      }
      if (!d.has_content)
        out.report(d.summary_span ? *d.summary_span : head,
                   "<details> card " + (d.has_summary && !d.summary.empty() ? util::quote(d.summary) + " " : std::string()) +
                       "has nothing to show when opened");
      int raw = 0;
      const Link* first = nullptr;
      for (int li : d.links) {
        const Link& l = m.links[static_cast<std::size_t>(li)];
        if (l.kind == LinkKind::RawMarkdown && l.details == static_cast<int>(i)) {
          if (!first) first = &l;
          ++raw;
        }
      }
      if (first)
        out.report(first->span, std::to_string(raw) + (raw == 1 ? " Markdown link" : " Markdown links") +
                                    " inside this card stay raw text on GitHub: leave a blank line between the HTML "
                                    "tags and the Markdown");
    }
    // Headings inside cards are the list's layout, not a slip, when the same heading text stands in
    // two cards or more (every project card holds "### Description" and "### Links").
    std::unordered_map<std::string, std::unordered_set<int>> cards_of;
    for (const Section& s : m.sections)
      if (s.details >= 0) cards_of[s.text].insert(s.details);
    for (const Section& s : m.sections) {
      if (s.details < 0 || cards_of[s.text].size() >= 2) continue;
      const Details& d = m.details[static_cast<std::size_t>(s.details)];
      out.report(s.span,
                 "Heading " + util::quote(s.text) + " is inside the <details> card opened at line " +
                     std::to_string(d.span.begin.line) + ": it stays hidden until that card is opened; close the card "
                     "before the heading",
                 std::nullopt, /*at_most_warning=*/true);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_details_structure() { return std::make_unique<DetailsStructure>(); }

}  // namespace listlint::rules
