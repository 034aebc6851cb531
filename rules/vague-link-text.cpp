// vague-link-text: link text that says nothing about its target ([here](url), [click here](url)).

#include <string>
#include <string_view>

#include "listlint/checking/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// The text lowercased, with punctuation, symbols and blanks around it trimmed and runs of blanks
/// inside collapsed ("  Click here! " -> "click here"). Non-ASCII text is kept as is (and so never
/// matches: the list is English).
std::string normalise(std::string_view s) {
  auto edge = [](char c) { return !util::alnum(c) && static_cast<unsigned char>(c) < 0x80; };
  std::size_t b = 0, e = s.size();
  while (b < e && edge(s[b])) ++b;
  while (e > b && edge(s[e - 1])) --e;
  std::string out;
  bool space = false;
  for (std::size_t i = b; i < e; ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  return out;
}

bool vague(std::string_view t) {
  static const char* kVague[] = {"here",      "click here", "click",     "this",      "this link",
                                 "this page", "link",       "link here", "more",      "read more",
                                 "learn more", "see more",  "more info", "see here",  "check here"};
  for (const char* v : kVague)
    if (t == v) return true;
  return false;
}

/// Mixed case past the first letter ("CLIcK", "HeRe"): a name, not the word.
bool mixed_case(std::string_view s) {
  bool lower = false, upper = false;
  bool first = true;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) continue;
    if (!first) (c >= 'a' && c <= 'z' ? lower : upper) = true;
    first = false;
  }
  return lower && upper;
}

/// A table column whose header names what each cell links to (Link, URL, Paper, Code, PDF ...):
/// its cells' "[link]" are labelled by the header.
bool label_column(std::string_view header) {
  const std::string h = util::lower(header);
  static const char* kWords[] = {"link", "url", "paper", "code", "pdf", "project", "website", "homepage", "home page",
                                 "source", "repo", "demo", "download", "resource", "site", "github", "arxiv",
                                 "reference", "docs", "documentation", "blog", "video", "slides", "more"};
  for (const char* w : kWords)
    if (h.find(w) != std::string::npos) return true;
  return false;
}

/// Flags a link whose whole text is one of a short English list of words that say nothing about
/// the target: here, click here, click, this, this link, this page, link, link here, more, read
/// more, learn more, see more, more info, see here, check here (case-insensitive, punctuation and
/// blanks around the text trimmed; text in mixed case such as "CLIcK" is a name). Images, autolinks
/// and bare URLs are not looked at, nor an entry's own (first) link, which names the entry, nor links
/// in a table column whose header names the link (Link, URL, Paper, Code, PDF, Project, ...).
class VagueLinkText final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"vague-link-text",
                                "Link text that says nothing about its target (`[here](url)`, `[click here](url)`).",
                                {"links", "accessibility"},
                                Severity::Warning,
                                false,
                                {}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const ListModel& m = ctx.model;
    for (std::size_t i = 0; i < m.links.size(); ++i) {
      const Link& l = m.links[i];
      if (l.image) continue;
      // An entry's own link names the entry: "click" (a Python package), "here" (HERE maps).
      if (l.entry >= 0 && m.entries[static_cast<std::size_t>(l.entry)].link == static_cast<int>(i)) continue;
      if (l.kind != LinkKind::Inline && l.kind != LinkKind::Reference &&
          !(l.kind == LinkKind::Html && l.attribute == "href"))
        continue;
      const std::string t = normalise(l.text);
      if (!vague(t) || mixed_case(l.text)) continue;
      if (l.table >= 0 && l.cell >= 0) {
        const Table& tb = m.tables[static_cast<std::size_t>(l.table)];
        const auto c = static_cast<std::size_t>(l.cell);
        if (c < tb.columns.size() && label_column(tb.columns[c].text)) continue;
      }
      out.report(l.span, "Link text " + util::quote(l.text) +
                             " says nothing about where it goes (screen readers list links by their text); name "
                             "the target instead");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_vague_link_text() { return std::make_unique<VagueLinkText>(); }

}  // namespace listlint::rules
