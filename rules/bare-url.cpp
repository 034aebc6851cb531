// bare-url: a URL written as plain text rather than as a link.

#include <algorithm>

#include "listlint/checking/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// Flags URLs written as bare text; GitHub links them, other renderers and readers of the source
/// may not. The fix wraps them in angle brackets, which renders the same on GitHub.
class BareUrl final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"bare-url",
                                "A URL is written as bare text instead of a link (`<url>` or `[text](url)`).",
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

  // Where the first full-width or ideographic punctuation mark (U+3000-U+303F: 。、「」,
  // U+FF01-U+FF0F, U+FF1A-U+FF20, U+FF3B-U+FF40, U+FF5B-U+FF65: （）！，：) starts in `s`, or npos.
  static std::size_t wide_punctuation(std::string_view s) {
    for (std::size_t i = 0; i + 2 < s.size(); ++i) {
      const auto c0 = static_cast<unsigned char>(s[i]), c1 = static_cast<unsigned char>(s[i + 1]),
                 c2 = static_cast<unsigned char>(s[i + 2]);
      if (c0 == 0xE3 && c1 == 0x80 && c2 >= 0x80 && c2 <= 0xBF) return i;  // U+3000-U+303F
      if (c0 == 0xEF && c1 == 0xBC && ((c2 >= 0x81 && c2 <= 0x8F) || (c2 >= 0x9A && c2 <= 0xA0) || c2 >= 0xBB))
        return i;  // U+FF01-U+FF0F, U+FF1A-U+FF20, U+FF3B-U+FF3F
      if (c0 == 0xEF && c1 == 0xBD && (c2 == 0x80 || (c2 >= 0x9B && c2 <= 0xA5)))
        return i;  // U+FF40, U+FF5B-U+FF65
    }
    return std::string::npos;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const std::string_view src = ctx.doc.bytes();
    for (const Link& l : ctx.model.links) {
      // An e-mail address is not a URL to wrap (GitHub links it; so do mail clients), and a URL
      // in <code> or <kbd> is shown as code on purpose.
      if (l.kind != LinkKind::Bare || l.in_code || util::starts_with_ci(l.url, "mailto:")) continue;
      const std::size_t b = l.span.bytes.begin, e = l.span.bytes.end;
      if (b > 0 && e < src.size() && src[b - 1] == '<' && src[e] == '>') continue;
      if (example_domain(l.url)) continue;
      // The destination of link syntax GitHub shows as text ([D](https://github .com/x)) is
      // link-syntax's finding: wrapping it in <...> would hide the typo.
      if (b >= 2 && src.compare(b - 2, 2, "](") == 0) continue;
      const std::string written(src.substr(b, e - b));
      // An angle autolink holds no control character, space, < or > (CommonMark), and bytes that
      // are not UTF-8 end it too: wrapping a URL with one links something else.
      const bool fixable = is_valid_utf8(written) && std::none_of(written.begin(), written.end(), [](char c) {
                             const auto u = static_cast<unsigned char>(c);
                             return u < 0x20 || u == 0x7F || c == ' ' || c == '<' || c == '>';
                           }) &&
                           // (nor a pipe, which may make the line a table row once it is in a link)
                           written.find('|') == std::string::npos;
      // "[Name]https://...": the ( ) around the destination are missing.
      if (b > 0 && src[b - 1] == ']') {
        const std::size_t open = src.rfind('[', b - 1);
        const std::size_t line_begin = src.rfind('\n', b - 1);
        if (open != std::string_view::npos && (line_begin == std::string_view::npos || open > line_begin) &&
            src.substr(open + 1, b - 2 - open).find_first_of("[]") == std::string_view::npos && b - 1 > open + 1) {
          const std::string text(src.substr(open + 1, b - 2 - open));
          out.report(ctx.doc.lines().span(open, e),
                     "[" + text + "]" + written + " is link text and a URL without ( ) around the URL: write [" + text +
                         "](" + written + ")",
                     fixable ? std::optional<Fix>(Fix{{TextEdit{b, b, "("}, TextEdit{e, e, ")"}}}) : std::nullopt);
          continue;
        }
      }
      // GitHub links a bare URL up to the next space, so text written right after it without one
      // ("https://x.org/a。", "https://x.org/a）を...") becomes part of the URL: the link is
      // broken. End the URL before the first full-width or ideographic punctuation.
      if (const std::size_t cut = wide_punctuation(written); cut != std::string::npos && cut > 8) {
        const std::string url(written.substr(0, cut));
        out.report(l.span,
                   "GitHub links " + written + " up to the next space, so \"" + written.substr(cut) +
                       "\" is part of the URL: write <" + url + "> (or a space after the URL)",
                   fixable ? std::optional<Fix>(Fix{{TextEdit{b, b, "<"}, TextEdit{b + cut, b + cut, ">"}}}) : std::nullopt);
        continue;
      }
      // <...> needs a scheme: a www. address keeps its text and gets a link instead.
      const bool has_scheme = written.find("://") != std::string::npos;
      std::optional<Fix> fix;
      // ([text](url) needs a destination without parentheses to balance.)
      if (fixable && (has_scheme || l.url.find_first_of("()") == std::string::npos))
        fix = has_scheme ? Fix{{TextEdit{b, b, "<"}, TextEdit{e, e, ">"}}}
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
