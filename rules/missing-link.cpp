// missing-link: something written or placed as a link that has no usable link.

#include <algorithm>
#include <string>

#include "listlint/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// Flags undefined references written like links, empty URLs and link texts, cells without a
/// link in a link column, unlinked entries in a list of linked entries, and cards with no link.
class MissingLink final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "missing-link",
        "Something written or placed as a link has no usable link: an undefined reference, an empty "
        "URL or text, a cell or entry without the link its neighbours have, a details card without one.",
        {"links", "content"},
        Severity::Error,
        false,
        {{"link_columns",
          nlohmann::json::array({"link", "links", "url", "paper", "code", "github", "website", "project",
                                 "homepage", "home page", "repo", "repository", "source code", "download"}),
          "Column headers (case-insensitive) whose cells must hold a link."},
         {"absent_marks",
          nlohmann::json::array({"-", "\xE2\x80\x93", "\xE2\x80\x94", "none", "n/a", "na", "no", "x",
                                 "\xE2\x9C\x97", "\xC3\x97", "/", "place_holder", "placeholder", "todo", "tbd",
                                 "tba", "coming soon", "?"}),
          "Cell texts that say on purpose that there is no link (not reported in link columns)."},
         {"min_entries", 4, "Smallest list in which an entry without a link is reported."}}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const ListModel& m = ctx.model;
    std::vector<std::string> link_columns, absent;
    for (const auto& v : ctx.options.at("link_columns")) link_columns.push_back(util::lower(v.get<std::string>()));
    for (const auto& v : ctx.options.at("absent_marks")) absent.push_back(util::lower(v.get<std::string>()));
    const int min_entries = ctx.options.at("min_entries").get<int>();

    // Undefined references that were surely meant as links.
    for (const UndefinedRef& u : m.undefined_refs) {
      if (!u.link_like) continue;
      const bool url_label = u.label.find("://") != std::string::npos;
      if (u.shape == "spaced") {
        out.report(u.span, u.text + " is not a link: the space between ] and ( leaves both as text; remove it");
        continue;
      }
      out.report(u.span, url_label
                             ? u.text + " is written like a link but is plain text: a URL cannot be a reference "
                                        "label; write [text](" + u.label + ")"
                             : u.text + " is written like a link but has no URL (no definition for " +
                                   util::quote(u.label) + "); write it as [" + u.label + "](URL)");
    }

    // Empty URLs and empty link text.
    for (std::size_t i = 0; i < m.links.size(); ++i) {
      const Link& l = m.links[i];
      if (l.kind == LinkKind::Bare || l.kind == LinkKind::RawMarkdown || l.kind == LinkKind::Autolink) continue;
      if (l.url.empty() || l.url == "#") {
        const std::string what = l.image ? "Image" : "Link";
        const std::string name = l.text.empty() ? "" : " " + util::quote(l.text);
        out.report(l.span, l.url.empty() ? what + name + " has an empty URL; add the URL or remove the link"
                                         : what + name + " points to \"#\", which goes nowhere; add the URL");
        continue;
      }
      if (l.image || l.kind == LinkKind::Html) continue;
      if (!l.text.empty()) continue;
      // A badge: the link holds an image, which is its text.
      const bool has_image = i + 1 < m.links.size() && m.links[i + 1].image &&
                             l.span.bytes.contains(m.links[i + 1].span.bytes.begin);
      if (!has_image) out.report(l.span, "Link to " + l.url + " has no text; write the text between [ and ]");
    }

    // Cells without a link in a link column.
    for (const Table& t : m.tables) {
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        int filled = 0, linked = 0;
        for (const Row& r : t.rows) {
          const Cell& cell = r.cells[c];
          if (!cell.links.empty()) ++linked;
          if (!cell.links.empty() || !cell.text.empty()) ++filled;
        }
        const bool named = std::find(link_columns.begin(), link_columns.end(), util::lower(t.columns[c].text)) != link_columns.end();
        // A column is a link column when its header says so and most of its cells are links
        // ("Project | Repository Link" puts names, not links, under "Project"), or when nearly all
        // of its cells are links whatever its header.
        const bool by_use = linked >= 2 && filled - linked <= std::max(1, filled / 10);
        const bool by_name = named && linked * 2 >= filled && linked > 0;
        if (!by_name && !by_use) continue;
        for (const Row& r : t.rows) {
          const Cell& cell = r.cells[c];
          if (!cell.links.empty() || cell.text.empty()) continue;
          if (std::find(absent.begin(), absent.end(), util::lower(cell.text)) != absent.end()) continue;
          std::string where = "column " + util::quote(t.columns[c].text);
          if (c != 0 && !r.cells[0].text.empty()) where = "row " + util::quote(r.cells[0].text) + ", " + where;
          out.report(cell.span, "Cell " + util::quote(cell.text) + " has no link (" + where + ")" +
                                    (by_use ? ", unlike the rest of its column" : "; this column holds links"));
        }
      }
    }

    // Entries without any link in a list whose entries are linked.
    std::vector<int> links_in_entry(m.entries.size(), 0), children(m.entries.size(), 0);
    for (const Link& l : m.links)
      if (l.entry >= 0) ++links_in_entry[static_cast<std::size_t>(l.entry)];
    for (const Entry& e : m.entries)
      if (e.parent >= 0) ++children[static_cast<std::size_t>(e.parent)];
    std::vector<int> list_entries(m.lists.size(), 0), list_linked(m.lists.size(), 0);
    for (std::size_t i = 0; i < m.entries.size(); ++i) {
      const Entry& e = m.entries[i];
      if (e.list < 0) continue;
      ++list_entries[static_cast<std::size_t>(e.list)];
      if (e.link >= 0) ++list_linked[static_cast<std::size_t>(e.list)];
    }
    // An entry whose would-be link is an undefined reference was reported above already.
    std::vector<char> has_broken_ref(m.entries.size(), 0);
    for (const UndefinedRef& u : m.undefined_refs) {
      if (!u.link_like) continue;
      for (std::size_t i = 0; i < m.entries.size(); ++i)
        if (m.entries[i].span.bytes.contains(u.span.bytes.begin)) has_broken_ref[i] = 1;
    }
    for (std::size_t i = 0; i < m.entries.size(); ++i) {
      const Entry& e = m.entries[i];
      if (has_broken_ref[i]) continue;
      if (e.list < 0 || e.in_toc || e.task || e.text.empty() || children[i] > 0 || links_in_entry[i] > 0) continue;
      const int n = list_entries[static_cast<std::size_t>(e.list)], linked = list_linked[static_cast<std::size_t>(e.list)];
      if (n < min_entries || linked * 5 < (n - 1) * 4) continue;
      out.report(e.span, "List entry " + util::quote(e.text) + " has no link, unlike the other " +
                             std::to_string(linked) + " entries of its list");
    }

    // Details cards with no link.
    for (const Details& d : m.details) {
      if (!d.links.empty()) continue;
      out.report(d.summary_span ? *d.summary_span : d.span,
                 "Details card " + (d.has_summary ? util::quote(d.summary) : std::string("without a summary")) +
                     " has no link");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_missing_link() { return std::make_unique<MissingLink>(); }

}  // namespace listlint::rules
