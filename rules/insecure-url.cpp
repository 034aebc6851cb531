// insecure-url: a link over plain http://.

#include "listlint/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// Flags links that use http://. A warning: many sites have moved to https, some have not. With
/// check --links, the https URL is checked, and when it answers the fix switches to it.
class InsecureUrl final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"insecure-url",
                                "A link uses http:// (readers and checkers are better served by https:// where "
                                "the site offers it).",
                                {"links", "security"},
                                Severity::Warning,
                                true,  // with check --links, when the https:// address answers
                                {{"allow", nlohmann::json::array(), "URL prefixes that may stay on http://."}}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    std::vector<std::string> allow;
    for (const auto& a : ctx.options.at("allow")) allow.push_back(a.get<std::string>());
    for (const Link& l : ctx.model.links) {
      if (l.kind == LinkKind::RawMarkdown) continue;
      if (l.url.size() < 8 || util::lower(l.url.substr(0, 7)) != "http://" || local_http_url(l.url)) continue;
      bool allowed = false;
      for (const auto& a : allow) allowed |= l.url.rfind(a, 0) == 0;
      if (allowed) continue;
      // With the link checker's verdicts (check --links), an https:// twin that answers is the fix.
      std::optional<Fix> fix;
      if (ctx.resources.links) {
        const auto it = ctx.resources.links->find("https://" + l.url.substr(7));
        if (it != ctx.resources.links->end() && it->second.verdict == Verdict::Alive && l.url_bytes.size() > 7 &&
            util::lower(ctx.doc.bytes().substr(l.url_bytes.begin, 7)) == "http://")
          fix = Fix{{TextEdit{l.url_bytes.begin, l.url_bytes.begin + 7, "https://"}}};
      }
      out.report(l.span, std::string(l.image ? "Image" : "Link") + " uses http://: " + l.url +
                             (fix ? "; the https:// address answers, --fix switches to it" : "; use https:// if the site offers it"),
                 std::move(fix));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_insecure_url() { return std::make_unique<InsecureUrl>(); }

}  // namespace listlint::rules
