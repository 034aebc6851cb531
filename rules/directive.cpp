// directive: an inline directive that does nothing because it is misspelled or names no rule.

#include <string>
#include <string_view>
#include <vector>

#include "listlint/checking/linter.h"
#include "listlint/checking/rule.h"
#include "registry.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// The one candidate within `limit` edits of `word` that is nearer than every other, or "".
std::string nearest(std::string_view word, const std::vector<std::string>& candidates, std::size_t limit) {
  std::string best;
  std::size_t best_d = limit + 1;
  bool tie = false;
  for (const auto& c : candidates) {
    const std::size_t d = util::edit_distance(word, std::string_view(c));
    if (d < best_d) {
      best_d = d;
      best = c;
      tie = false;
    } else if (d == best_d) {
      tie = true;
    }
  }
  return tie ? "" : best;
}

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Flags a comment that reads as a listlint directive but is not one (`listlint-disable-nextline`,
/// `listlint disable`, `Listlint-disable`), and a directive that names a rule listlint does not
/// have (`listlint-disable-next-line typos`): either way it silences nothing, without a word.
class Directive final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"directive",
                                "An inline directive (<!-- listlint-disable ... -->) that does nothing: its keyword "
                                "is misspelled or it names a rule listlint does not have.",
                                {"configuration"},
                                Severity::Error,
                                true,
                                {}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const std::string_view src = ctx.doc.bytes();
    const LineIndex& lines = ctx.doc.lines();
    std::vector<std::string> keywords, ids;
    for (const auto& [word, kind] : directive_keywords()) keywords.push_back(word);
    for (const Rule* r : all()) ids.push_back(r->info().id);
    for (const Comment& c : ctx.model.comments) {
      const std::string_view t = c.text;
      // Where the text sits in the source (the comment's bytes hold it once, trimmed).
      const std::size_t base = src.find(t, c.span.bytes.begin);
      if (base == std::string_view::npos || base + t.size() > c.span.bytes.end) continue;
      if (const auto d = parse_directive(t)) {
        for (const auto& id : d->ids) {
          if (find(id.id) != nullptr) continue;
          const std::string near = nearest(id.id, ids, std::max<std::size_t>(2, id.id.size() / 4));
          const std::size_t b = base + id.offset, e = b + id.id.size();
          std::optional<Fix> fix;
          if (!near.empty()) fix = Fix{{TextEdit(b, e, near, id.id)}};
          out.report(lines.span(b, e),
                     util::quote(d->keyword) + " names " + util::quote(id.id) +
                         ", which is no rule, so it silences nothing" +
                         (near.empty() ? std::string("; listlint rules lists the ids")
                                       : "; did you mean " + util::quote(near) + "?"),
                     std::move(fix));
        }
        continue;
      }
      // Not a directive: one that was meant to be? Its first word, or its first two joined by a
      // hyphen ("listlint disable"), within three edits of a keyword.
      if (!util::starts_with_ci(t, "listlint")) continue;
      std::size_t w1 = 0;
      while (w1 < t.size() && !blank(t[w1])) ++w1;
      std::string_view word = t.substr(0, w1);
      std::string candidate(word);
      std::size_t end = w1;
      if (util::lower(word) == "listlint" || util::lower(word) == "listlint:") {
        std::size_t s2 = w1;
        while (s2 < t.size() && blank(t[s2])) ++s2;
        std::size_t e2 = s2;
        while (e2 < t.size() && !blank(t[e2])) ++e2;
        if (e2 == s2) continue;
        candidate = "listlint-" + std::string(t.substr(s2, e2 - s2));
        end = e2;
      }
      const std::string near = nearest(util::lower(candidate), keywords, 3);
      if (near.empty()) continue;
      const std::size_t b = base, e = base + end;
      out.report(lines.span(b, e),
                 util::quote(t.substr(0, end)) + " is not a listlint directive, so this comment silences nothing; " +
                     "did you mean " + util::quote(near) + "?",
                 Fix{{TextEdit(b, e, near, std::string(t.substr(0, end)))}});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_directive() { return std::make_unique<Directive>(); }

}  // namespace listlint::rules
