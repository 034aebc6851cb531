// insecure-url: a link over plain http://.

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "listlint/checking/rule.h"
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
    auto host_of = [](const std::string& url, std::size_t scheme) {
      const std::size_t e = util::find_any(url, "/?#", scheme);
      return util::lower(url.substr(scheme, e == std::string::npos ? std::string::npos : e - scheme));
    };
    // The list's own evidence: hosts it links over https:// offer https.
    // (Gathered on the first http:// link: many files have none.)
    std::unordered_set<std::string> https_hosts;
    bool https_ready = false;
    auto offers_https = [&](const std::string& host) {
      if (!https_ready) {
        https_ready = true;
        for (const Link& l : ctx.model.links)
          if (l.kind != LinkKind::RawMarkdown && l.url.size() > 8 && util::starts_with_ci(l.url, "https://"))
            https_hosts.insert(host_of(l.url, 8));
      }
      return https_hosts.count(host) > 0;
    };
    // One finding per host: its first link, with the count.
    std::vector<std::pair<std::string, std::pair<const Link*, std::size_t>>> by_host;
    std::unordered_map<std::string, std::size_t> host_index;
    const Link* first_unknown = nullptr;
    std::size_t unknown = 0;
    for (const Link& l : ctx.model.links) {
      if (l.kind == LinkKind::RawMarkdown) continue;
      if (l.url.size() < 8 || !util::starts_with_ci(l.url, "http://") || local_http_url(l.url)) continue;
      bool allowed = false;
      for (const auto& a : allow) allowed |= l.url.rfind(a, 0) == 0;
      if (allowed) continue;
      // With the link checker's verdicts (check --links), an https:// twin that answers is the fix.
      if (ctx.resources.links) {
        const std::string what = std::string(l.image ? "Image" : "Link") + " uses http://: " + l.url;
        std::optional<Fix> fix;
        const auto it = ctx.resources.links->find("https://" + l.url.substr(7));
        if (it != ctx.resources.links->end() && it->second.verdict == Verdict::Alive && l.url_bytes.size() > 7 &&
            util::starts_with_ci(ctx.doc.bytes().substr(l.url_bytes.begin, 7), "http://"))
          fix = Fix{{TextEdit{l.url_bytes.begin, l.url_bytes.begin + 7, "https://"}}};
        out.report(l.span, what + (fix ? "; the https:// address answers, --fix switches to it" : "; use https:// if the site offers it"),
                   std::move(fix));
        continue;
      }
      // Offline, a link is reported on its own only when the list links its host over https://
      // elsewhere; the others, whose https is unknown until checked, make one finding per file.
      const std::string host = host_of(l.url, 7);
      if (offers_https(host)) {
        const auto [it, fresh] = host_index.try_emplace(host, by_host.size());
        if (fresh) by_host.push_back({host, {&l, 1}});
        else ++by_host[it->second].second.second;
        continue;
      }
      if (!unknown++) first_unknown = &l;
    }
    for (const auto& [host, first] : by_host) {
      const std::size_t more = first.second - 1;
      out.report(first.first->span,
                 std::string(first.first->image ? "Image" : "Link") + " uses http://: " + first.first->url +
                     (more ? " (and " + std::to_string(more) + " more link" + (more > 1 ? "s" : "") + " to http://" +
                                 host + " in this file)"
                           : "") +
                     "; this list links https://" + host + " elsewhere, so the site offers https");
    }
    if (first_unknown)
      out.report(first_unknown->span,
                 std::to_string(unknown) + (unknown == 1 ? " link uses" : " links use") +
                     " http:// on hosts this list never links over https:// (the first: " + first_unknown->url +
                     "); `listlint check --links` tries their https:// addresses and --fix switches those that answer");
  }
};

}  // namespace

std::unique_ptr<Rule> make_insecure_url() { return std::make_unique<InsecureUrl>(); }

}  // namespace listlint::rules
