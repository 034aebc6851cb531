// duplicate-link: the same URL twice where that is a copy-paste mistake.

#include <map>
#include <string>

#include "listlint/rule.h"
#include "listlint/text.h"
#include "util.h"

namespace listlint::rules {
namespace {

// Link texts that label a link ("Github", "Paper", "🔗 Code") rather than name its target: columns
// of such links legitimately repeat a repository shared by several models.
bool generic_label(std::string_view text) {
  std::string k;
  for (char c : text)
    if (util::alnum(c)) k += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  static const char* kGeneric[] = {"github", "gitlab", "code", "paper", "link", "links", "website", "site", "project",
                                   "homepage", "page", "demo", "data", "dataset", "download", "arxiv", "pdf",
                                   "huggingface", "hf", "model", "models", "blog", "docs", "documentation", "repo",
                                   "repository", "source", "sourcecode", "web", "url", "here", ""};
  for (const char* g : kGeneric)
    if (k == g) return true;
  return false;
}

// A site's home page (no path): product families share it (llama.meta.com for every Llama).
bool home_page(const std::string& normalized) {
  const std::size_t s = normalized.find("://");
  return s != std::string::npos && normalized.find_first_of("/?#", s + 3) == std::string::npos;
}

/// Flags the same URL (normalised) twice in one table column whose cells each hold one link, or
/// as the main link of two entries of one section. Links shared by paper cards, or one link in two
/// sections, are left alone: that is how lists are written.
class DuplicateLink final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "duplicate-link",
        "The same URL appears twice where that is a copy-paste mistake: in one table column, or as the "
        "main link of two entries of one section.",
        {"links", "content"},
        Severity::Error,
        false,
        {{"table_columns", true, "Check table columns whose cells hold one link each."},
         {"entries", "section", "Scope for entries' main links: \"section\", \"list\" or \"off\"."},
         {"allow", nlohmann::json::array(), "URL prefixes that may repeat."}}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const ListModel& m = ctx.model;
    std::vector<std::string> allow;
    for (const auto& a : ctx.options.at("allow")) allow.push_back(a.get<std::string>());
    auto skip = [&](const Link& l) {
      if (l.image || l.url.empty() || l.url[0] == '#') return true;
      for (const auto& a : allow)
        if (l.url.rfind(a, 0) == 0) return true;
      return false;
    };
    if (ctx.options.at("table_columns").get<bool>()) {
      for (const Table& t : m.tables) {
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
          // Only columns where each cell names one thing by one link (not lists of datasets).
          int filled = 0, single = 0;
          for (const Row& r : t.rows) {
            int n = 0;
            for (int li : r.cells[c].links) n += !m.links[static_cast<std::size_t>(li)].image;
            if (n > 0 || !r.cells[c].text.empty()) ++filled;
            if (n == 1) ++single;
          }
          if (single < 2 || single * 5 < filled * 4) continue;
          std::map<std::string, const Row*> seen;
          for (const Row& r : t.rows) {
            for (int li : r.cells[c].links) {
              const Link& l = m.links[static_cast<std::size_t>(li)];
              if (skip(l) || generic_label(l.text)) continue;
              auto [it, fresh] = seen.emplace(text::normalize_url(l.url), &r);
              if (fresh) continue;
              const Row& first = *it->second;
              out.report(l.span, "Duplicate link " + l.url + " in column " + util::quote(t.columns[c].text) + ": row " +
                                     util::quote(r.cells[0].text) + " repeats row " + util::quote(first.cells[0].text) +
                                     " (line " + std::to_string(first.line) + "); a copy-paste mistake?");
            }
          }
        }
      }
    }
    const std::string scope = ctx.options.at("entries").get<std::string>();
    if (scope == "off") return;
    std::map<std::pair<int, std::string>, int> seen;  // (section or list, url) -> link
    for (const Entry& e : m.entries) {
      if (e.link < 0 || e.in_toc) continue;
      const Link& l = m.links[static_cast<std::size_t>(e.link)];
      if (skip(l) || home_page(text::normalize_url(l.url))) continue;
      const int group = scope == "list" ? (e.list >= 0 ? m.lists[static_cast<std::size_t>(e.list)].root : -1) : e.section;
      auto [it, fresh] = seen.emplace(std::make_pair(group, text::normalize_url(l.url)), e.link);
      if (fresh) continue;
      const Link& first = m.links[static_cast<std::size_t>(it->second)];
      // Related projects share a repository: hatch and hatchling, uv and uv-build.
      const std::string a = util::lower(first.text), b = util::lower(l.text);
      if (a != b && !a.empty() && !b.empty() && (a.rfind(b, 0) == 0 || b.rfind(a, 0) == 0)) continue;
      out.report(l.span, "Duplicate link " + l.url + ": entry " + util::quote(e.name) + " repeats entry " +
                             util::quote(first.text) + " (line " + std::to_string(first.span.begin.line) + ") of this " +
                             (scope == "list" ? "list" : "section"));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_link() { return std::make_unique<DuplicateLink>(); }

}  // namespace listlint::rules
