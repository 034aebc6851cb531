// unused-definition: a link reference definition that no link uses.

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "listlint/checking/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// Flags link reference definitions (`[label]: url`) that no reference link or image of the file
/// uses, and later definitions of a label already defined (CommonMark uses the first). Labels
/// match as CommonMark matches them: case-folded, whitespace collapsed. No fix: deleting the line
/// would lose a URL that may belong in a link the author forgot to write.
class UnusedDefinition final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"unused-definition",
                                "A link reference definition (`[label]: url`) that no link or image of the "
                                "file uses, or that repeats a label defined before it.",
                                {"links", "format"},
                                Severity::Warning,
                                false,
                                {}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const ListModel& m = ctx.model;
    if (m.definitions.empty()) return;
    // The first definition of each label; the labels and URLs that reference links use. A
    // reference link whose label matches no definition here was still resolved by GitHub (its
    // label was read wrong): the definitions of its URL count as used.
    std::unordered_map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < m.definitions.size(); ++i)
      first.emplace(text::fold_label(m.definitions[i].label), i);
    // A link whose text runs over a line break can be misplaced by the parser's positions (see
    // docs/model.md): it may be read as an inline link, or be missing its label. A link that
    // is not surely an inline link to its URL (the source at its destination is not that URL)
    // is taken as a possible use of the definitions of its URL.
    const std::string_view src = ctx.doc.bytes();
    std::unordered_set<std::string> used_labels, used_urls;
    for (const Link& l : m.links) {
      if (l.kind == LinkKind::Reference) {
        const std::string label = text::fold_label(l.label);
        if (first.count(label)) used_labels.insert(label);
        else used_urls.insert(l.url);
      } else if (l.kind == LinkKind::Inline) {
        const ByteRange& u = l.url_bytes;
        if (u.end <= u.begin || u.end > src.size() || src.substr(u.begin, u.size()) != l.url) used_urls.insert(l.url);
      }
    }
    for (std::size_t i = 0; i < m.definitions.size(); ++i) {
      const RefDef& d = m.definitions[i];
      if (util::comment_definition(d)) continue;
      const std::string label = text::fold_label(d.label);
      const std::size_t f = first.at(label);
      if (f != i) {
        const RefDef& earlier = m.definitions[f];
        out.report(d.span, "Definition of " + util::quote(d.label) + " repeats the label defined on line " +
                               std::to_string(earlier.span.begin.line) +
                               (earlier.url == d.url ? " with the same URL" : " with another URL (" + earlier.url + ")") +
                               "; GitHub uses the first, so this one is unused");
        continue;
      }
      if (used_labels.count(label) || used_urls.count(d.url)) continue;
      out.report(d.span, "Definition of " + util::quote(d.label) + " (" + d.url +
                             ") is not used by any link; link to it with [text][" + d.label +
                             "] or remove the line");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unused_definition() { return std::make_unique<UnusedDefinition>(); }

}  // namespace listlint::rules
