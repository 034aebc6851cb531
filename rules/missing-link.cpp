// missing-link: something written or placed as a link that has no usable link.

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "listlint/checking/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

// True when `a` and `b` differ by one inserted, deleted or replaced byte ("comins soon" and
// "coming soon").
bool one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return i == a.size() || a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i) == b.substr(i + 1);
}

// The word "top" in a link text ("Back to top", "⬆ TOP").
bool mentions_top(const std::string& lower_text) {
  for (std::size_t p = lower_text.find("top"); p != std::string::npos; p = lower_text.find("top", p + 1)) {
    const bool left = p == 0 || !util::alnum(lower_text[p - 1]);
    const bool right = p + 3 >= lower_text.size() || !util::alnum(lower_text[p + 3]);
    if (left && right) return true;
  }
  return false;
}

// Whether an undefined reference is reported: one surely meant as a link, or any full or
// collapsed one.
bool reported_ref(const UndefinedRef& u) {
  return u.link_like || u.shape == "full" || u.shape == "collapsed";
}

bool has_alnum(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return util::alnum(c); });
}

// A cell counts as a link cell when it starts with a link (or image), when its links' text is
// most of its text, or when it has no text but links (badges). A prose cell with an incidental
// "see [X](u)" is not: it says nothing about whether its column is a column of links.
bool link_cell(const ListModel& m, const Cell& cell, std::string_view src) {
  if (cell.links.empty()) return false;
  if (cell.text.empty()) return true;
  std::size_t b = cell.span.bytes.begin;
  while (b < cell.span.bytes.end && (src[b] == ' ' || src[b] == '\t' || src[b] == '*' || src[b] == '_')) ++b;
  std::size_t link_text = 0;
  for (int li : cell.links) {
    const Link& l = m.links[static_cast<std::size_t>(li)];
    if (l.span.bytes.begin == b) return true;
    if (!l.image) link_text += l.text.size();
  }
  return link_text * 2 >= cell.text.size();
}

// The union of `ranges`: disjoint, non-empty ranges in order.
std::vector<ByteRange> merged(std::vector<ByteRange> ranges) {
  std::sort(ranges.begin(), ranges.end(), [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
  std::vector<ByteRange> out;
  for (const ByteRange& r : ranges) {
    if (r.begin >= r.end) continue;
    if (!out.empty() && r.begin <= out.back().end) out.back().end = std::max(out.back().end, r.end);
    else out.push_back(r);
  }
  return out;
}

// The range of `ranges` (from merged()) that holds `offset`, or null.
const ByteRange* range_at(const std::vector<ByteRange>& ranges, std::size_t offset) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), offset,
                             [](std::size_t o, const ByteRange& r) { return o < r.begin; });
  if (it == ranges.begin()) return nullptr;
  --it;
  return it->contains(offset) ? &*it : nullptr;
}

// True when every byte of [from, to) but whitespace is inside a code block (a card holding only
// a diagram or a template). `code` is the code blocks' bytes, merged().
bool only_code(const std::vector<ByteRange>& code, std::string_view src, std::size_t from, std::size_t to) {
  bool any = false;
  for (std::size_t p = from; p < to;) {
    const char c = src[p];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { ++p; continue; }
    const ByteRange* block = range_at(code, p);
    if (block == nullptr) return false;
    any = true;
    p = block->end;
  }
  return any;
}

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
          "Texts that say on purpose that there is no link: not reported as a cell of a link column, nor as the text of an empty link ([Coming soon]())."},
         {"min_entries", 4, "Smallest list in which an entry without a link is reported."}}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const ListModel& m = ctx.model;
    std::vector<std::string> link_columns, absent;
    for (const auto& v : ctx.options.at("link_columns")) link_columns.push_back(util::lower(v.get<std::string>()));
    for (const auto& v : ctx.options.at("absent_marks")) absent.push_back(util::lower(v.get<std::string>()));
    const int min_entries = ctx.options.at("min_entries").get<int>();

    // Undefined references that were surely meant as links, and every full or collapsed one
    // ([text][label], [label][], ![alt][label]): nobody writes "][" as prose.
    const std::string_view src = ctx.doc.bytes();
    std::vector<std::string> defined;  // normalized labels of the file's definitions
    for (const RefDef& d : m.definitions)
      if (!util::comment_definition(d)) defined.push_back(text::fold_label(d.label));
    // Labels the file writes alone in brackets without a definition: tags ("[MIT]", "[$]"). A
    // full reference whose text or label is one is tags side by side ("[GPLv3+][MIT][Apache2]",
    // "[$][Free for non-commercial use]"), not a broken link.
    std::unordered_set<std::string> tags;
    for (const UndefinedRef& u : m.undefined_refs)
      if (u.shape == "shortcut" && !u.link_like) tags.insert(text::fold_label(u.label));
    auto tag = [&](std::string_view label) { return tags.count(text::fold_label(label)) > 0; };
    auto reported = [&](const UndefinedRef& u) {
      if (!reported_ref(u)) return false;
      if (u.link_like || u.shape != "full") return true;
      const std::size_t close = u.text.find(']');
      return !tag(u.label) && (close == std::string::npos || !tag(std::string_view(u.text).substr(1, close - 1)));
    };
    for (const UndefinedRef& u : m.undefined_refs) {
      if (!reported(u)) continue;
      if (!u.link_like) {
        // A full or collapsed reference nobody defined. An error where the file defines
        // references (the definition is missing or misspelt), or where the label is one edit from
        // a defined label (suggested); else a warning: brackets in prose can be meant as text.
        const std::string label = text::fold_label(u.label);
        const std::string* near = nullptr;
        for (const std::string& d : defined)
          if (label.size() >= 2 && one_edit(d, label)) { near = &d; break; }
        const bool image = u.span.bytes.begin > 0 && src[u.span.bytes.begin - 1] == '!';
        std::string msg = (image ? "!" : "") + u.text + " is a reference " + (image ? "image" : "link") +
                          " with no definition for " + util::quote(u.label) + "; GitHub shows it as text";
        if (near != nullptr) {
          const auto it = std::find_if(m.definitions.begin(), m.definitions.end(), [&](const RefDef& d) {
            return text::fold_label(d.label) == *near;
          });
          msg += ": did you mean " + util::quote(it->label) + " (defined on line " +
                 std::to_string(it->span.begin.line) + ")?";
        } else if (!defined.empty()) {
          msg += "; add [" + u.label + "]: URL beside the file's other definitions";
        } else {
          msg += "; add [" + u.label + "]: URL, or escape the brackets (\\[) if they are meant as text";
        }
        out.report(u.span, std::move(msg), std::nullopt, near == nullptr && defined.empty());
        continue;
      }
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

    // Empty URLs and empty link text. A list may write "[Coming soon]()" on purpose, as its mark
    // for a link that does not exist yet: an empty link whose text is one of absent_marks, or whose
    // text the list writes as an empty link 3 times or more (or one letter off such a mark), is
    // that mark. "[Back to top](#)" goes to the top of the page on GitHub: a "#" link whose text
    // says "top", or whose text points to "#" twice or more, is a working link.
    std::map<std::string, int> empty_texts, top_texts;
    auto plain_link = [](const Link& l) {
      return l.kind != LinkKind::Bare && l.kind != LinkKind::RawMarkdown && l.kind != LinkKind::Autolink;
    };
    for (const Link& l : m.links) {
      if (!plain_link(l) || l.image || l.text.empty()) continue;
      if (l.url.empty()) ++empty_texts[util::lower(l.text)];
      if (l.url == "#") ++top_texts[util::lower(l.text)];
    }
    std::vector<std::string> marks;
    for (const std::string& a : absent)
      if (a.size() >= 6) marks.push_back(a);
    for (const auto& [text, n] : empty_texts)
      if (n >= 3) marks.push_back(text);
    auto is_mark = [&](const std::string& lower_text) {
      if (std::find(absent.begin(), absent.end(), lower_text) != absent.end()) return true;
      if (const auto it = empty_texts.find(lower_text); it != empty_texts.end() && it->second >= 3) return true;
      // One letter off a mark ("Comins Soon"): a list has a few marks; a file with hundreds of
      // repeated empty links has no mark to be one letter off, and is not searched pair by pair.
      if (lower_text.size() < 6 || marks.size() > 64) return false;
      return std::any_of(marks.begin(), marks.end(), [&](const std::string& k) { return one_edit(k, lower_text); });
    };
    for (std::size_t i = 0; i < m.links.size(); ++i) {
      const Link& l = m.links[i];
      if (!plain_link(l)) continue;
      if (l.url.empty() || l.url == "#") {
        const std::string lower_text = util::lower(l.text);
        if (!l.image && !l.text.empty()) {
          if (l.url.empty() && is_mark(lower_text)) continue;
          if (l.url == "#" && (mentions_top(lower_text) || top_texts[lower_text] >= 2)) continue;
        }
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

    // Cells without a link in a link column. A row with text past the header's width has its cells
    // out of their columns (table-shape reports it): it is left out. A text the column repeats
    // without a link ("Local Demo", "⚠️"), or a mark without letters that the file explains
    // outside its tables (a legend "❌ = not released"), is the column's own "none" mark.
    // The answer for each mark, found once: the file's tables' bytes are searched in order, and
    // an occurrence inside a table resumes the search past the table.
    std::vector<ByteRange> table_bytes;
    for (const Table& t : m.tables) table_bytes.push_back(t.span.bytes);
    table_bytes = merged(std::move(table_bytes));
    std::unordered_map<std::string, bool> outside;
    auto outside_tables = [&](const std::string& mark) {
      const auto [it, fresh] = outside.try_emplace(mark, false);
      if (!fresh) return it->second;
      for (std::size_t p = src.find(mark); p != std::string_view::npos;) {
        const ByteRange* table = range_at(table_bytes, p);
        if (table == nullptr) return it->second = true;
        p = src.find(mark, table->end);
      }
      return false;
    };
    for (const Table& t : m.tables) {
      std::vector<char> spills(t.rows.size());
      for (std::size_t ri = 0; ri < t.rows.size(); ++ri) spills[ri] = util::row_spills(src, t.rows[ri].dropped);
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        int filled = 0, linked = 0;
        std::map<std::string, int> unlinked;
        for (std::size_t ri = 0; ri < t.rows.size(); ++ri) {
          if (spills[ri]) continue;
          const Cell& cell = t.rows[ri].cells[c];
          if (link_cell(m, cell, src)) ++linked;
          if (!cell.links.empty() || !cell.text.empty()) ++filled;
          if (cell.links.empty() && !cell.text.empty()) ++unlinked[util::lower(cell.text)];
        }
        const bool named = std::find(link_columns.begin(), link_columns.end(), util::lower(t.columns[c].text)) != link_columns.end();
        // A column is a link column when its header says so and most of its cells are links
        // ("Project | Repository Link" puts names, not links, under "Project"), or when nearly all
        // of its cells are links whatever its header.
        const bool by_use = linked >= 2 && filled - linked <= std::max(1, filled / 10);
        const bool by_name = named && linked * 2 >= filled && linked > 0;
        if (!by_name && !by_use) continue;
        for (std::size_t ri = 0; ri < t.rows.size(); ++ri) {
          if (spills[ri]) continue;
          const Row& r = t.rows[ri];
          const Cell& cell = r.cells[c];
          if (!cell.links.empty() || cell.text.empty()) continue;
          const std::string lower_text = util::lower(cell.text);
          if (std::find(absent.begin(), absent.end(), lower_text) != absent.end()) continue;
          if (unlinked[lower_text] >= 2 || (!has_alnum(cell.text) && outside_tables(cell.text))) continue;
          std::string where = "column " + util::quote(t.columns[c].text);
          if (c != 0 && !r.cells[0].text.empty()) where = "row " + util::quote(r.cells[0].text) + ", " + where;
          out.report(cell.span, "Cell " + util::quote(cell.text) + " has no link (" + where + ")" +
                                    (by_use ? ", unlike " + std::to_string(linked) + " of the column's " +
                                                  std::to_string(filled) + " filled cells, which are links"
                                            : "; this column holds links (" + std::to_string(linked) + " of " +
                                                  std::to_string(filled) + " filled cells)"));
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
    // Entries nest and come in the order they start: the entries holding a place are the last one
    // starting at or before it, or one of its ancestors, and the ancestors of the innermost.
    for (const UndefinedRef& u : m.undefined_refs) {
      if (!reported(u)) continue;
      const std::size_t at = u.span.bytes.begin;
      auto it = std::upper_bound(m.entries.begin(), m.entries.end(), at,
                                 [](std::size_t x, const Entry& e) { return x < e.span.bytes.begin; });
      if (it == m.entries.begin()) continue;
      for (int i = static_cast<int>(std::prev(it) - m.entries.begin()); i >= 0;
           i = m.entries[static_cast<std::size_t>(i)].parent)
        if (m.entries[static_cast<std::size_t>(i)].span.bytes.contains(at)) has_broken_ref[static_cast<std::size_t>(i)] = 1;
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

    // Details cards with no link, where the file's cards have links: at least min_entries cards
    // and 4 in 5 of the others linked. A card that holds only code (a diagram, a submission
    // template) is not an entry, and is not counted.
    std::vector<ByteRange> code_bytes;
    for (const CodeBlock& cb : m.code_blocks) code_bytes.push_back(cb.span.bytes);
    code_bytes = merged(std::move(code_bytes));
    auto code_card = [&](const Details& d) {
      return d.links.empty() && d.body.begin < d.body.end && only_code(code_bytes, src, d.body.begin, d.body.end);
    };
    std::vector<const Details*> unlinked_cards;
    int cards = 0, linked_cards = 0;
    for (const Details& d : m.details) {
      if (code_card(d)) continue;
      ++cards;
      if (!d.links.empty()) ++linked_cards;
      else unlinked_cards.push_back(&d);
    }
    if (cards >= min_entries && linked_cards * 5 >= (cards - 1) * 4) {
      for (const Details* d : unlinked_cards)
        out.report(d->summary_span ? *d->summary_span : d->span,
                   "Details card " + (d->has_summary ? util::quote(d->summary) : std::string("without a summary")) +
                       " has no link, unlike " + std::to_string(linked_cards) + " of the " + std::to_string(cards) +
                       " cards in this file");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_missing_link() { return std::make_unique<MissingLink>(); }

}  // namespace listlint::rules
