// bare-url: a URL written as plain text rather than as a link.

#include "listlint/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// Flags URLs written as bare text; GitHub links them, other renderers and readers of the source
/// may not. The fix wraps them in angle brackets, which renders the same on GitHub.
class BareUrl final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"bare-url",
                                "A URL is written as bare text instead of a link (<url> or [text](url)).",
                                {"links", "format"},
                                Severity::Warning,
                                true,
                                {}};
    return kInfo;
  }

  // example.com, .net and .org are reserved for examples (RFC 2606): prose that shows a URL on
  // them ("Humanize a URL: https://example.com -> example.com") shows text, not a resource.
  static bool example_domain(const std::string& url) {
    std::size_t b = url.find("://");
    b = b == std::string::npos ? 0 : b + 3;
    std::string host = util::lower(url.substr(b, url.find_first_of(":/?#", b) - b));
    for (const char* d : {"example.com", "example.net", "example.org"}) {
      const std::string_view dom = d;
      if (host == dom || (host.size() > dom.size() && host.compare(host.size() - dom.size(), dom.size(), dom) == 0 &&
                          host[host.size() - dom.size() - 1] == '.'))
        return true;
    }
    return false;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const std::string_view src = ctx.doc.bytes();
    for (const Link& l : ctx.model.links) {
      if (l.kind != LinkKind::Bare) continue;
      const std::size_t b = l.span.bytes.begin, e = l.span.bytes.end;
      if (b > 0 && e < src.size() && src[b - 1] == '<' && src[e] == '>') continue;
      if (example_domain(l.url)) continue;
      // The destination of link syntax GitHub shows as text ([D](https://github .com/x)) is
      // link-syntax's finding: wrapping it in <...> would hide the typo.
      if (b >= 2 && src.compare(b - 2, 2, "](") == 0) continue;
      const std::string written(src.substr(b, e - b));
      // <...> needs a scheme: a www. address keeps its text and gets a link instead.
      const bool has_scheme = written.find("://") != std::string::npos;
      Fix fix = has_scheme ? Fix{{TextEdit{b, b, "<"}, TextEdit{e, e, ">"}}}
                           : Fix{{TextEdit{b, e, "[" + written + "](" + l.url + ")"}}};
      out.report(l.span, "Bare URL " + written + ": write it as " +
                             (has_scheme ? "<" + written + ">" : "[" + written + "](" + l.url + ")") +
                             " or give it a text, [text](" + l.url + ")",
                 std::move(fix));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_bare_url() { return std::make_unique<BareUrl>(); }

}  // namespace listlint::rules
