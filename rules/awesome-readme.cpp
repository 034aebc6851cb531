// awesome-readme: what a list submitted to sindresorhus/awesome must have around its entries (the
// Awesome badge, a Contents section, a contributing guide and a LICENSE file; no CI badge, no
// License section). Off by default; the `awesome` preset turns it on.

#include <string>
#include <string_view>
#include <vector>

#include "listlint/checking/rule.h"
#include "listlint/model/text.h"
#include "listlint/checking/workspace.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// A heading's words: ASCII letters lowercased, everything else (emoji, punctuation, digits) a
/// space, runs of spaces collapsed ("📖 Table of Contents:" -> "table of contents").
std::string words(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      out += static_cast<char>(c | 0x20);
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

/// The Awesome badge: an image served by awesome.re (badge.svg, badge-flat.svg, badge-flat2.svg) or
/// the old copy in the awesome repository.
bool awesome_badge(std::string_view url) {
  const std::string u = util::lower(url);
  return u.find("awesome.re/badge") != std::string::npos ||
         (u.find("sindresorhus/awesome") != std::string::npos && u.find("badge") != std::string::npos);
}

/// A build-status badge: the image of a CI service's status for the list's own repository.
bool ci_badge(const Link& l) {
  const std::string u = util::lower(l.url), alt = util::lower(l.text);
  for (const char* p : {"travis-ci.", "circleci.com", "/actions/workflows/", "/workflows/", "ci.appveyor.com",
                        "img.shields.io/github/actions", "img.shields.io/github/workflow", "img.shields.io/travis",
                        "img.shields.io/circleci", "img.shields.io/appveyor", "/badges/", "_apis/build/status",
                        "badge.buildkite.com", "drone.io", "semaphoreci.com", "codeship.com"})
    if (u.find(p) != std::string::npos) {
      // GitLab's /badges/ path serves pipeline and coverage status; other /badges/ are not CI.
      if (std::string_view(p) == "/badges/" &&
          u.find("pipeline") == std::string::npos && u.find("coverage") == std::string::npos)
        continue;
      if (std::string_view(p) == "/workflows/" && u.find("badge") == std::string::npos) continue;
      return true;
    }
  return alt.find("build status") != std::string::npos;
}

/// The first name in `folder` (of the workspace) that matches one of `names`, case ignored; "" if none.
std::string find_file(const Workspace& ws, const std::string& folder, std::initializer_list<std::string_view> names) {
  for (const std::string& e : ws.entries(folder)) {
    const std::string lower = util::lower(e);
    for (std::string_view n : names)
      if (lower == n) {
        const std::string path = folder.empty() ? e : folder + "/" + e;
        if (ws.kind(path) == Workspace::Kind::File) return path;
      }
  }
  return "";
}

/// Flags what awesome's list guidelines require of a README around its entries and that can be
/// checked offline: the Awesome badge next to the title, no CI badge, a section named Contents, a
/// contributing guide and a LICENSE file in the repository, no License section in the README.
class AwesomeReadme final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "awesome-readme",
        "What a list submitted to sindresorhus/awesome must have: the Awesome badge by the title, a Contents "
        "section, a contributing guide and a LICENSE file; no CI badge and no License section.",
        {"awesome", "structure", "opt-in"},
        Severity::Off,
        false,
        {{"badge", true, "The Awesome badge is in the title heading or the text right below it."},
         {"no_ci_badge", true, "No build-status badge (Travis, CircleCI, GitHub Actions, AppVeyor, GitLab ...)."},
         {"contents", true, "A section named Contents (not \"Table of Contents\")."},
         {"contributing", true,
          "The repository has a contributing guide (contributing.md at its root, in .github/ or docs/)."},
         {"license_file", true, "The repository has a LICENSE file (license, licence or copying, any extension)."},
         {"no_license_section", true, "The README has no License section: the licence belongs in the LICENSE file."}}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const ListModel& m = ctx.model;
    const auto on = [&](const char* option) { return ctx.options.at(option).get<bool>(); };
    // The title: the first level-1 heading, else the first heading; the file's start without one.
    int title = -1;
    for (std::size_t i = 0; i < m.sections.size(); ++i)
      if (m.sections[i].level == 1) {
        title = static_cast<int>(i);
        break;
      }
    if (title < 0 && !m.sections.empty()) title = 0;
    Span top;
    top.begin = {1, 1};
    top.end = {1, 1};
    const Span& at_title = title >= 0 ? m.sections[static_cast<std::size_t>(title)].span : top;

    if (on("badge")) {
      // In the title heading, the text under it before the next heading, or a banner above it
      // (awesome-ios centres its title image and badge in HTML before any heading).
      bool found = false;
      for (const Link& l : m.links)
        if (l.image && awesome_badge(l.url) && l.section <= title) found = true;
      if (!found)
        out.report(at_title,
                   "The Awesome badge is missing next to the title: add "
                   "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re) to the title heading");
    }
    if (on("no_ci_badge")) {
      for (const Link& l : m.links)
        if (l.image && !l.in_code && ci_badge(l))
          out.report(l.span, "A CI badge (" + text::shorten(l.url) +
                                 ") does not belong in an Awesome list: its readers care about the entries, not "
                                 "the list's build; remove it");
    }
    if (on("contents")) {
      int contents = -1, toc_named = -1;
      for (std::size_t i = 0; i < m.sections.size(); ++i) {
        const std::string w = words(m.sections[i].text);
        if (w == "contents" && contents < 0) contents = static_cast<int>(i);
        if ((w == "table of contents" || w == "toc") && toc_named < 0) toc_named = static_cast<int>(i);
      }
      if (contents < 0 && toc_named >= 0)
        out.report(m.sections[static_cast<std::size_t>(toc_named)].span,
                   "Name this section \"Contents\": Awesome lists call their table of contents Contents");
      else if (contents < 0 && m.toc)
        out.report(m.toc->span, "Put this table of contents under a heading named \"Contents\"");
      else if (contents < 0)
        out.report(at_title, "There is no Contents section: add one after the introduction, linking each section");
    }
    if (on("no_license_section")) {
      for (const Section& s : m.sections) {
        const std::string w = words(s.text);
        if (w == "license" || w == "licence" || w == "licenses" || w == "licences")
          out.report(s.span, "A License section does not belong in an Awesome list's README: put the licence in a "
                             "LICENSE file, which GitHub shows beside the README");
      }
    }
    // The repository's files: only when the file is in one (no .git above it: nothing to say).
    const Workspace* ws = ctx.resources.workspace;
    if (ws == nullptr) return;
    if (on("contributing")) {
      std::string found;
      for (const char* folder : {"", ".github", "docs"}) {
        found = find_file(*ws, folder, {"contributing.md", "contributing", "contributing.txt", "contributing.rst"});
        if (!found.empty()) break;
      }
      if (found.empty())
        out.report(at_title, "The repository has no contributing guide: add contributing.md (how to submit an "
                             "entry, and the format entries follow)");
    }
    if (on("license_file")) {
      std::string found;
      for (const std::string& e : ws->entries("")) {
        const std::string lower = util::lower(e);
        const std::string stem = lower.substr(0, lower.find('.'));
        if ((stem == "license" || stem == "licence" || stem == "copying" || stem == "unlicense") &&
            ws->kind(e) == Workspace::Kind::File)
          found = e;
      }
      if (found.empty())
        out.report(at_title, "The repository has no LICENSE file: add one (Awesome lists use CC0 or another Creative "
                             "Commons licence)");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_awesome_readme() { return std::make_unique<AwesomeReadme>(); }

}  // namespace listlint::rules
