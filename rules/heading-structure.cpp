// heading-structure: skipped heading levels, more than one H1, empty sections.

#include "listlint/checking/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// Flags a heading more than one level below the previous heading, a second H1, and a heading
/// followed by a heading of the same or a higher level with nothing between.
class HeadingStructure final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"heading-structure",
                                "Headings skip a level (h2 then h4), there is more than one H1, or a section is "
                                "empty (a heading directly followed by one of the same or a higher level).",
                                {"headings", "structure"},
                                Severity::Warning,
                                false,
                                {{"single_h1", true, "Report every H1 after the first."},
                                 {"empty_sections", true, "Report headings with nothing under them."}}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const auto& secs = ctx.model.sections;
    const std::string_view src = ctx.doc.bytes();
    const bool single_h1 = ctx.options.at("single_h1").get<bool>();
    const bool empty_sections = ctx.options.at("empty_sections").get<bool>();
    int first_h1 = -1;
    for (std::size_t i = 0; i < secs.size(); ++i) {
      const Section& s = secs[i];
      if (i > 0 && s.level > secs[i - 1].level + 1) {
        out.report(s.span, "Heading " + util::quote(s.text) + " is an h" + std::to_string(s.level) + " right after an h" +
                               std::to_string(secs[i - 1].level) + " (line " + std::to_string(secs[i - 1].span.begin.line) +
                               "): use h" + std::to_string(secs[i - 1].level + 1));
      }
      if (s.level == 1) {
        if (first_h1 < 0) {
          first_h1 = static_cast<int>(i);
        } else if (single_h1) {
          const Section& t = secs[static_cast<std::size_t>(first_h1)];
          out.report(s.span, "A second H1, " + util::quote(s.text) + ": the list's title is " + util::quote(t.text) +
                                 " (line " + std::to_string(t.span.begin.line) + "); use h2 for sections");
        }
      }
      if (empty_sections && i + 1 < secs.size() && secs[i + 1].level <= s.level) {
        // Nothing between the two headings but whitespace and comments?
        std::string_view between = src.substr(s.span.bytes.end, secs[i + 1].span.bytes.begin - s.span.bytes.end);
        bool empty = true;
        for (std::size_t k = 0; k < between.size() && empty;) {
          if (between.compare(k, 4, "<!--") == 0) {
            const std::size_t e = between.find("-->", k + 4);
            k = e == std::string_view::npos ? between.size() : e + 3;
            continue;
          }
          const char c = between[k++];
          if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '=' && c != '-') empty = false;
        }
        if (empty)
          out.report(s.span, "Section " + util::quote(s.text) + " is empty: the next heading, " +
                                 util::quote(secs[i + 1].text) + ", follows it directly");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_heading_structure() { return std::make_unique<HeadingStructure>(); }

}  // namespace listlint::rules
