// link-text-space: spaces just inside the brackets of a link's text.

#include "listlint/checking/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

bool space(char c) { return c == ' ' || c == '\t'; }

/// Flags link text with leading or trailing spaces inside the brackets ([Valley ](url)), which
/// GitHub underlines; the fix trims them.
class LinkTextSpace final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"link-text-space",
                                "Link text starts or ends with a space inside the brackets (`[name ](url)`).",
                                {"links", "format"},
                                Severity::Warning,
                                true,
                                {}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const std::string_view src = ctx.doc.bytes();
    for (const Link& l : ctx.model.links) {
      if (l.image || (l.kind != LinkKind::Inline && l.kind != LinkKind::Reference)) continue;
      if (l.text_bytes.end <= l.text_bytes.begin) continue;
      const std::string_view t = src.substr(l.text_bytes.begin, l.text_bytes.size());
      if (t.find('\n') != std::string_view::npos || t.find('\r') != std::string_view::npos) continue;
      const bool lead = space(t.front()), trail = space(t.back());
      if (!lead && !trail) continue;
      std::size_t b = 0, e = t.size();
      while (b < e && space(t[b])) ++b;
      while (e > b && space(t[e - 1])) --e;
      if (b == e) continue;  // a blank text is missing-link's business
      const std::string trimmed(t.substr(b, e - b));
      const char* where = lead && trail ? "leading and trailing spaces" : lead ? "a leading space" : "a trailing space";
      out.report(l.span, "Link text " + util::quote(std::string(t)) + " has " + where + " inside the brackets; write [" +
                             trimmed + "]",
                 Fix{{TextEdit{l.text_bytes.begin, l.text_bytes.end, trimmed}}});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_link_text_space() { return std::make_unique<LinkTextSpace>(); }

}  // namespace listlint::rules
