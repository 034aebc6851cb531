// dead-url: a link the link checker found dead (check --links).

#include "listlint/checking/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// Reports links whose URL the link checker found dead: 404, 410, no such host, refused, 5xx
/// after retries. Needs the network (`listlint check --links`); without it, it reports nothing.
class DeadUrl final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"dead-url",
                                "A link's URL is dead: 404 or 410, no such host, connection refused, or server errors "
                                "after retries (checked with check --links).",
                                {"links", "network"},
                                Severity::Error,
                                false,
                                {}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    if (!ctx.resources.links) return;
    for (const Link& l : ctx.model.links) {
      // (A [text](url) in an HTML block is shown as text, but its URL is what the list means: it is
      // checked as `listlint links` checks it.)
      const auto it = ctx.resources.links->find(l.url);
      if (it == ctx.resources.links->end() || it->second.verdict != Verdict::Dead) continue;
      if (!it->second.missing_fragment.empty()) {  // check --links with fragments checked: the page is there
        out.report(l.span, std::string(l.image ? "Image" : "Link") + " names a place its page no longer has: " + l.url +
                               " (" + it->second.error + "); point it at the section's new anchor, or drop the fragment");
        continue;
      }
      out.report(l.span, std::string(l.image ? "Image" : "Link") + " is dead: " + l.url + " (" + it->second.error +
                             "); remove the entry, or point it at the project's new home");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_dead_url() { return std::make_unique<DeadUrl>(); }

}  // namespace listlint::rules
