// broken-anchor: an in-page link whose fragment matches no heading anchor and no HTML id.

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "listlint/checking/rule.h"
#include "listlint/model/slug.h"
#include "util.h"
#include "listlint/model/text.h"

namespace listlint::rules {
namespace {

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    out += cp;
    i += static_cast<std::size_t>(len);
  }
  return out;
}

/// README, README.md, readme.markdown ...: the file a repository's page shows.
bool is_readme(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  std::string name = util::lower(std::string(slash == std::string_view::npos ? path : path.substr(slash + 1)));
  // The corpus names files OWNER__REPO__PATH: the last part is the file's own name.
  return name.rfind("readme", 0) == 0 && (name.size() == 6 || name[6] == '.');
}

/// Flags in-page links (#fragment) that match no heading anchor as GitHub computes it and no
/// HTML id or name, with the closest existing anchor as a suggestion.
class BrokenAnchor final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "broken-anchor",
        "An in-page link (#fragment) matches no heading anchor as GitHub computes it and no HTML id "
        "or name on the page.",
        {"links", "toc"},
        Severity::Error,
        true,
        {}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const ListModel& m = ctx.model;
    std::unordered_set<std::string> targets;
    std::vector<std::string> candidates;
    for (const Section& s : m.sections) {
      targets.insert(s.anchor);
      candidates.push_back(s.anchor);
    }
    for (const HtmlAnchor& a : m.html_anchors) {
      targets.insert(a.id);
      candidates.push_back(a.id);
    }
    const Link* first_readme = nullptr;
    std::size_t readme_links = 0;
    for (const Link& l : m.links) {
      if (l.image || l.url.size() < 2 || l.url[0] != '#') continue;
      if (l.kind == LinkKind::Bare || l.kind == LinkKind::RawMarkdown) continue;
      std::string target = text::percent_decode(std::string_view(l.url).substr(1));
      // GitHub prefixes the ids it renders with "user-content-", and its page scrolls to both forms.
      const std::string_view prefix = "user-content-";
      const std::string resolved = util::lower(target).rfind(prefix, 0) == 0 ? target.substr(prefix.size()) : target;
      if (targets.count(resolved) || targets.count(util::lower(resolved)) || resolved == "top") continue;
      // U+FE0F, the emoji variation selector (🛠️ is U+1F6E0 U+FE0F): github-slugger keeps it in the
      // anchor, GitHub has both kept and dropped it over the years, and the anchors here drop it as
      // GitHub does today. A link written with it (raw or %EF%B8%8F) is accepted either way.
      std::string plain = resolved;
      for (std::size_t p = 0; (p = plain.find("\xEF\xB8\x8F", p)) != std::string::npos;) plain.erase(p, 3);
      if (plain != resolved && (targets.count(plain) || targets.count(util::lower(plain)))) continue;
      // #readme is the id of the box that shows a README on its repository's page: a README's
      // "back to top" links work where most readers see it. In any other file they go nowhere.
      const bool readme_id = util::lower(resolved) == "readme";
      if (readme_id && is_readme(ctx.doc.path())) continue;
      if (readme_id) {  // reported once for the file, below
        if (!readme_links++) first_readme = &l;
        continue;
      }
      // Suggest the heading the link names, else the nearest anchor by edit distance. `sure`: the
      // suggestion is the only one (one heading of that name, or one anchor nearer than the rest).
      std::string suggestion, why;
      bool sure = false;
      int named = 0;
      for (const Section& s : m.sections) {
        if (!l.text.empty() && s.text == l.text) {
          if (named++ > 0) continue;
          suggestion = s.anchor;
          why = "; GitHub gives the heading " + util::quote(s.text) + " (line " + std::to_string(s.span.begin.line) +
                ") the anchor #" + s.anchor;
        }
      }
      sure = named == 1;
      if (suggestion.empty()) {
        const std::u32string t = decode(util::lower(plain));
        std::size_t best = std::string::npos;
        std::unordered_set<std::string> at_best;
        for (const auto& c : candidates) {
          const std::size_t d = util::edit_distance(t, decode(util::lower(c)));
          if (d < best) {
            best = d;
            suggestion = c;
            at_best.clear();
          }
          if (d == best) at_best.insert(c);
        }
        // Close enough to be a typo: at most a quarter of the target (at least 1), and never
        // everything ("#x" suggests nothing).
        if (best > std::max<std::size_t>(1, t.size() / 4) || best >= t.size()) suggestion.clear();
        if (!suggestion.empty()) why = "; did you mean #" + suggestion + "?";
        // Sure only when the link's own text names that anchor too ("Setup" for #setup, written
        // #setpu): else the heading may be what is wrong (a mojibake heading whose anchor changed).
        sure = !suggestion.empty() && at_best.size() == 1 && github_slug(l.text) == suggestion;
      }
      // The fix rewrites the destination of an inline link, written as one fragment, when the
      // suggestion is the only one. (A reference's definition may serve other links.)
      std::optional<Fix> fix;
      const std::string_view src = ctx.doc.bytes();
      if (sure && l.kind == LinkKind::Inline && l.url_bytes.size() > 1 && l.url_bytes.end <= src.size() &&
          src[l.url_bytes.begin] == '#' &&
          src.substr(l.url_bytes.begin, l.url_bytes.size()).find_first_of(" <>()\\") == std::string_view::npos)
        fix = Fix{{TextEdit(l.url_bytes.begin, l.url_bytes.end, "#" + suggestion,
                            std::string(src.substr(l.url_bytes.begin, l.url_bytes.size())))}};
      out.report(l.span,
                 "Link " + util::quote(l.text) + " points to #" + target +
                     ", but no heading or id on this page has that anchor" + why,
                 std::move(fix));
    }
    // #readme in a file not named README: it works where GitHub shows the file as a README (on a
    // repository or folder page, whose README box has that id), not on the file's own page. Whether
    // it is shown so, the file alone cannot say: a warning, once for the file.
    if (first_readme)
      out.report(first_readme->span,
                 (readme_links == 1 ? std::string("Link ") + util::quote(first_readme->text) + " points"
                                    : std::to_string(readme_links) + " links (the first: " +
                                          util::quote(first_readme->text) + ") point") +
                     " to #readme, the id of the box in which GitHub shows a README on a repository or folder "
                     "page: this file is not named README, so they work only if it is shown there, never on "
                     "its own page; link to a heading or #top",
                 std::nullopt, /*at_most_warning=*/true);
  }
};

}  // namespace

std::unique_ptr<Rule> make_broken_anchor() { return std::make_unique<BrokenAnchor>(); }

}  // namespace listlint::rules
