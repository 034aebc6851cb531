// redirected-url: a link the link checker found moved permanently (check --links).

#include "listlint/checking/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// Reports links that answer with a permanent redirect (301, 308), with the fix that writes the
/// final URL. A deep link that now lands on a site's home page (the checker's `likely_gone`, after
/// permanent or temporary redirects) is reported without a fix: the page it named is likely gone,
/// and the home page is no replacement. Needs `listlint check --links`.
class RedirectedUrl final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"redirected-url",
                                "A link's URL moved permanently (301 or 308): the fix writes the address it moved to "
                                "(checked with check --links).",
                                {"links", "network"},
                                Severity::Warning,
                                true,
                                {}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    if (!ctx.resources.links) return;
    const std::string_view src = ctx.doc.bytes();
    for (const Link& l : ctx.model.links) {
      // (A [text](url) in an HTML block is shown as text, but its URL is what the list means: it is
      // checked as `listlint links` checks it.)
      const auto it = ctx.resources.links->find(l.url);
      if (it == ctx.resources.links->end()) continue;
      const LinkResult& r = it->second;
      // The checker's verdict, or (for results from elsewhere) the same test on the chain's end.
      if (r.likely_gone || (r.verdict == Verdict::Redirected && redirected_home(l.url, r.final_url))) {
        out.report(l.span, "Link " + l.url + " now redirects to the home page " + r.final_url +
                               ": the page it named is likely gone; find where it moved or remove it");
        continue;
      }
      if (r.verdict != Verdict::Redirected) continue;
      const std::string& to = r.final_url;
      std::optional<Fix> fix;
      // Only where the URL is written as it is resolved (no entities or escapes to keep).
      if (l.url_bytes.size() > 0 && src.substr(l.url_bytes.begin, l.url_bytes.size()) == l.url)
        fix = Fix{{TextEdit{l.url_bytes.begin, l.url_bytes.end, to}}};
      out.report(l.span, "Link " + l.url + " moved permanently to " + to + (fix ? "; --fix writes the new address" : ""),
                 std::move(fix));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_redirected_url() { return std::make_unique<RedirectedUrl>(); }

}  // namespace listlint::rules
