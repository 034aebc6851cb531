// toc: the table of contents is out of step with the headings (a section missing from it, an item
// whose text no longer names its heading, items out of order, listed twice or nested at the wrong
// depth).

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "listlint/checking/rule.h"
#include "listlint/model/slug.h"
#include "listlint/model/text.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// U+FE0F, the emoji variation selector: GitHub drops it from anchors, links may still carry it.
constexpr std::string_view kFe0f = "\xEF\xB8\x8F";

std::string drop_fe0f(std::string s) {
  for (std::size_t p; (p = s.find(kFe0f)) != std::string::npos;) s.erase(p, kFe0f.size());
  return s;
}

/// A heading's or an item's text reduced to what a reader compares: gemoji shortcodes (":rocket:"),
/// a leading number ("2.1.", "3)"), emoji, punctuation, markup remnants, case, spaces and the word
/// "and" (written "&" elsewhere) removed.
std::string text_key(std::string_view text) {
  std::string s;
  // Shortcodes: ":word:" with no space inside.
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == ':') {
      std::size_t j = i + 1;
      while (j < text.size() && (util::alnum(text[j]) || text[j] == '_' || text[j] == '+' || text[j] == '-')) ++j;
      if (j < text.size() && j > i + 1 && text[j] == ':') {
        i = j + 1;
        continue;
      }
    }
    s += text[i++];
  }
  std::string_view t = text::trim(s);
  // A leading section number: digits and dots ("1.", "2.1.", "10)").
  {
    std::size_t k = 0;
    while (k < t.size() && ((t[k] >= '0' && t[k] <= '9') || t[k] == '.')) ++k;
    if (k > 0 && k < t.size() && t[k] == ')') ++k;
    if (k > 0 && k < t.size() && (t[k] == ' ' || static_cast<unsigned char>(t[k]) >= 0x80)) t.remove_prefix(k);
  }
  std::string slug = github_slug(t);
  // Words: split on '-', drop "and".
  std::string out;
  std::size_t b = 0;
  while (b <= slug.size()) {
    std::size_t e = slug.find('-', b);
    if (e == std::string::npos) e = slug.size();
    const std::string_view w = std::string_view(slug).substr(b, e - b);
    if (w != "and") {
      for (char c : w)
        if (c != '_') out += c;
    }
    b = e + 1;
  }
  return out;
}

/// A heading that starts with a section number ("2.", "2.1.", "3)").
bool numbered(std::string_view text) {
  text = text::trim(text);
  std::size_t k = 0;
  while (k < text.size() && ((text[k] >= '0' && text[k] <= '9') || text[k] == '.')) ++k;
  return k > 0 && text[0] != '.' && k < text.size() && (text[k] == ' ' || text[k] == ')');
}

/// Headings that lists leave out of their TOC on purpose wherever they sit: the TOC's own heading.
bool contents_heading(std::string_view text) {
  const std::string k = text_key(text);
  for (const char* w : {"contents", "tableofcontents", "toc", "content", "index", "\xE7\x9B\xAE\xE5\xBD\x95"})
    if (k == w) return true;
  return false;
}

struct Item {
  int index = -1;    // into toc.items
  int section = -1;  // the heading it points to, -1 when none
  int entry = -1;    // the entry whose main link it is, -1 when it is another link of its entry
  int parent = -1;   // the nearest item (index into items) of an enclosing entry, -1 when none
  bool duplicate = false;
  bool out_of_order = false;
  bool wrong_depth = false;
  int want_parent = -1;  // for wrong_depth: the section it belongs under (-1: top level)
  bool retitle = false;
};

class TocRule final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "toc",
        "The table of contents is out of step with the headings: a section missing from it, an item whose text "
        "no longer names its heading, items out of the headings' order, listed twice or nested at the wrong depth.",
        {"toc", "headings"},
        Severity::Warning,
        true,
        {{"missing", true, "Report sections the table of contents leaves out (at the depth it covers)."},
         {"text", true, "Report items whose text no longer names their heading."},
         {"order", true, "Report items out of the headings' order."},
         {"duplicates", true, "Report two items pointing to one heading."},
         {"depth", true, "Report items nested at the wrong depth."}}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const ListModel& m = ctx.model;
    if (!m.toc || m.toc->items.size() < 2) return;
    const listlint::Toc& toc = *m.toc;
    const auto& secs = m.sections;
    const int ns = static_cast<int>(secs.size());
    const bool opt_missing = ctx.options.at("missing").get<bool>();
    const bool opt_text = ctx.options.at("text").get<bool>();
    const bool opt_order = ctx.options.at("order").get<bool>();
    const bool opt_dup = ctx.options.at("duplicates").get<bool>();
    const bool opt_depth = ctx.options.at("depth").get<bool>();

    // Anchors, matched as GitHub's page does: the id, or the id with "user-content-", with or
    // without U+FE0F, case-insensitively; ids written inside a heading lead to it too.
    std::unordered_map<std::string, int> exact, folded;
    for (int s = 0; s < ns; ++s) {
      const Section& sec = secs[static_cast<std::size_t>(s)];
      exact.emplace(sec.anchor, s);
      folded.emplace(util::lower(sec.anchor), s);
      for (const auto& id : sec.html_ids) {
        exact.emplace(id, s);
        folded.emplace(util::lower(id), s);
      }
    }
    // An id written just above a heading (<a name="x"></a> on the line before) leads to it too.
    for (const HtmlAnchor& a : m.html_anchors) {
      auto next = std::lower_bound(secs.begin(), secs.end(), a.span.bytes.begin,
                                   [](const Section& sec, std::size_t b) { return sec.span.bytes.begin < b; });
      if (next == secs.end() || next->span.bytes.begin < a.span.bytes.end) continue;
      if (next->span.begin.line - a.span.end.line > 2) continue;
      const int s = static_cast<int>(next - secs.begin());
      exact.emplace(a.id, s);
      folded.emplace(util::lower(a.id), s);
    }
    auto resolve = [&](std::string target) {
      target = drop_fe0f(std::move(target));
      if (util::starts_with_ci(target, "user-content-")) target.erase(0, 13);
      if (auto it = exact.find(target); it != exact.end()) return it->second;
      if (auto it = folded.find(util::lower(target)); it != folded.end()) return it->second;
      return -1;
    };

    // The items, their headings and the items of their enclosing entries.
    std::vector<Item> items;
    std::unordered_map<int, int> item_of_entry;  // entry -> index into items
    for (std::size_t i = 0; i < toc.items.size(); ++i) {
      const TocItem& ti = toc.items[i];
      Item it;
      it.index = static_cast<int>(i);
      it.section = resolve(ti.target);
      if (ti.link >= 0) {
        const Link& l = m.links[static_cast<std::size_t>(ti.link)];
        if (l.entry >= 0 && m.entries[static_cast<std::size_t>(l.entry)].link == ti.link) {
          it.entry = l.entry;
          item_of_entry.emplace(l.entry, static_cast<int>(items.size()));
        }
      }
      items.push_back(it);
    }
    for (Item& it : items) {
      if (it.entry < 0) continue;
      for (int e = m.entries[static_cast<std::size_t>(it.entry)].parent; e >= 0;
           e = m.entries[static_cast<std::size_t>(e)].parent) {
        if (auto f = item_of_entry.find(e); f != item_of_entry.end()) {
          it.parent = f->second;
          break;
        }
      }
    }
    int resolved = 0;
    for (const Item& it : items) resolved += it.section >= 0;
    if (resolved < 2) return;
    auto item_text = [&](const Item& it) { return toc.items[static_cast<std::size_t>(it.index)].text; };
    std::vector<std::string> sec_keys;  // text_key of each heading, computed when first needed
    auto sec_key = [&](int s) -> const std::string& {
      if (sec_keys.empty()) {
        sec_keys.reserve(static_cast<std::size_t>(ns));
        for (const Section& sec : secs) sec_keys.push_back(text_key(sec.text));
      }
      return sec_keys[static_cast<std::size_t>(s)];
    };
    auto item_span = [&](const Item& it) {
      const int li = toc.items[static_cast<std::size_t>(it.index)].link;
      return li >= 0 ? m.links[static_cast<std::size_t>(li)].span : toc.span;
    };
    auto sec_ref = [&](int s) {
      const Section& sec = secs[static_cast<std::size_t>(s)];
      return util::quote(sec.text) + " (" + std::string(static_cast<std::size_t>(sec.level), '#') + ", line " +
             std::to_string(sec.span.begin.line) + ")";
    };

    struct Finding {
      Span span;
      std::string message;
      bool by_rewrite = false;  // the TOC rewrite fixes it
    };
    std::vector<Finding> findings;

    // The longest run of items that follows the headings' order (strictly: one item per heading).
    std::vector<int> seq;  // indices into items with a heading
    for (std::size_t k = 0; k < items.size(); ++k)
      if (items[k].section >= 0) seq.push_back(static_cast<int>(k));
    const std::size_t n = seq.size();
    std::vector<char> in_run(items.size(), 0);
    {
      // Patience sorting, from the last item back (so that of two swapped items the later one is
      // the one out of the run): tails[k] starts the best run of length k + 1 found so far.
      std::vector<int> next(n, -1), tails;
      auto sec_at = [&](int i) { return items[static_cast<std::size_t>(seq[static_cast<std::size_t>(i)])].section; };
      for (std::size_t r = n; r-- > 0;) {
        const int v = sec_at(static_cast<int>(r));
        auto pos = std::lower_bound(tails.begin(), tails.end(), v, [&](int t, int val) { return sec_at(t) > val; });
        next[r] = pos == tails.begin() ? -1 : *(pos - 1);
        if (pos == tails.end()) tails.push_back(static_cast<int>(r));
        else *pos = static_cast<int>(r);
      }
      for (int i = tails.empty() ? -1 : tails.back(); i >= 0; i = next[static_cast<std::size_t>(i)])
        in_run[static_cast<std::size_t>(seq[static_cast<std::size_t>(i)])] = 1;
    }
    // Which item lists each heading: the one in that run, else the first. The others are duplicates.
    std::vector<int> listed(static_cast<std::size_t>(ns), -1);
    for (int k : seq) {
      const Item& it = items[static_cast<std::size_t>(k)];
      int& l = listed[static_cast<std::size_t>(it.section)];
      if (l < 0 || (in_run[static_cast<std::size_t>(k)] && !in_run[static_cast<std::size_t>(l)])) l = k;
    }
    std::size_t moved = 0;
    for (int k : seq) {
      Item& it = items[static_cast<std::size_t>(k)];
      it.duplicate = listed[static_cast<std::size_t>(it.section)] != k;
      moved += !it.duplicate && !in_run[static_cast<std::size_t>(k)];
    }

    // The listed section nearest above a heading (-1 when none).
    auto listed_ancestor = [&](int s) {
      for (int p = secs[static_cast<std::size_t>(s)].parent; p >= 0; p = secs[static_cast<std::size_t>(p)].parent)
        if (listed[static_cast<std::size_t>(p)] >= 0) return p;
      return -1;
    };

    // Two items for one heading. A heading listed twice on purpose (a section also listed where
    // readers look for it) is a choice; reported only when another heading of the item's name is
    // not listed: the item points to a namesake's anchor (a copied "#others-3" for the fourth
    // "Others").
    std::vector<char> claimed_by_dup(static_cast<std::size_t>(ns), 0);
    std::unordered_map<std::string, std::vector<int>> by_key;  // headings by text_key
    for (const Item& it : items) {
      if (!it.duplicate) continue;
      const std::string key = text_key(item_text(it));
      const int under = it.parent >= 0 ? items[static_cast<std::size_t>(it.parent)].section : -2;
      int meant = -1;
      if (by_key.empty())
        for (int t = 0; t < ns; ++t) by_key[sec_key(t)].push_back(t);
      const auto namesakes = by_key.find(key);
      if (namesakes == by_key.end()) continue;
      for (int t : namesakes->second) {
        if (t == it.section || listed[static_cast<std::size_t>(t)] >= 0 || claimed_by_dup[static_cast<std::size_t>(t)])
          continue;
        if (meant < 0 || listed_ancestor(t) == under) meant = t;
        if (listed_ancestor(t) == under) break;
      }
      if (meant < 0) continue;
      claimed_by_dup[static_cast<std::size_t>(meant)] = 1;
      if (!opt_dup) continue;
      const Item& kept = items[static_cast<std::size_t>(listed[static_cast<std::size_t>(it.section)])];
      findings.push_back({item_span(it),
                          "TOC item " + util::quote(item_text(it)) + " points to the heading " + sec_ref(it.section) +
                              ", which the TOC also lists at line " + std::to_string(item_span(kept).begin.line) +
                              "; it probably means " + sec_ref(meant) + ", which the TOC does not list: point it to #" +
                              secs[static_cast<std::size_t>(meant)].anchor,
                          false});
    }

    // Order: the items out of that run. A TOC mostly in another order (alphabetical, say) is a
    // choice, not a stale TOC: at most one in five items may be out of order.
    if (moved > 0 && moved * 5 <= n) {
      for (std::size_t i = 0; i < n; ++i) {
        Item& it = items[static_cast<std::size_t>(seq[i])];
        if (it.duplicate || in_run[static_cast<std::size_t>(seq[i])]) continue;
        it.out_of_order = true;
        if (!opt_order) continue;
        // The nearest earlier item whose heading comes after this one's (or later, one before).
        std::string why;
        for (std::size_t j = i; j-- > 0;) {
          const Item& o = items[static_cast<std::size_t>(seq[j])];
          if (!o.duplicate && o.section > it.section) {
            why = "after " + util::quote(item_text(o)) + ", whose heading " + sec_ref(o.section) + " comes later";
            break;
          }
        }
        if (why.empty()) {
          for (std::size_t j = i + 1; j < n; ++j) {
            const Item& o = items[static_cast<std::size_t>(seq[j])];
            if (!o.duplicate && o.section < it.section) {
              why = "before " + util::quote(item_text(o)) + ", whose heading " + sec_ref(o.section) + " comes first";
              break;
            }
          }
        }
        findings.push_back({item_span(it),
                            "TOC item " + util::quote(item_text(it)) + " is out of the headings' order: it is listed " +
                                why + "; its heading is " + sec_ref(it.section) +
                                ": move the item, or the section if the TOC's order is the one meant",
                            true});
      }
    }

    // Text: the item no longer names its heading.
    if (opt_text) {
      for (Item& it : items) {
        if (it.section < 0 || it.duplicate) continue;
        const Section& sec = secs[static_cast<std::size_t>(it.section)];
        const std::string a = text_key(item_text(it)), b = text_key(sec.text);
        // One naming the other in part ("VBA" for "VBA (Microsoft Visual Basic Applications)",
        // "Docker" under "Docker Images for ...", a plural) is a choice, not a rename.
        if (a.empty() || b.empty() || a.find(b) != std::string::npos || b.find(a) != std::string::npos) continue;
        it.retitle = true;
        findings.push_back({item_span(it),
                            "TOC item " + util::quote(item_text(it)) + " does not match its heading " +
                                sec_ref(it.section) + ": retitle it " + util::quote(sec.text),
                            true});
      }
    }

    // Depth: an item's enclosing item should be the item of its heading's nearest listed ancestor.
    // Judged only in a nested TOC, and only when most items follow that (a TOC may flatten on purpose).
    bool nested = false;
    for (const Item& it : items) nested |= it.parent >= 0;
    if (nested) {
      int with_anc = 0, agree = 0;
      for (const Item& it : items) {
        if (it.section < 0 || it.entry < 0 || it.duplicate) continue;
        if (it.parent >= 0 && items[static_cast<std::size_t>(it.parent)].section < 0) continue;
        const int want = listed_ancestor(it.section);
        const int have = it.parent >= 0 ? items[static_cast<std::size_t>(it.parent)].section : -1;
        ++with_anc;
        agree += want == have;
      }
      if (with_anc >= 3 && agree * 5 >= with_anc * 4) {
        for (Item& it : items) {
          if (it.section < 0 || it.entry < 0 || it.duplicate || it.out_of_order) continue;
          if (it.parent >= 0 && items[static_cast<std::size_t>(it.parent)].section < 0) continue;  // under a broken item
          const int want = listed_ancestor(it.section);
          const int have = it.parent >= 0 ? items[static_cast<std::size_t>(it.parent)].section : -1;
          if (want == have || (have >= 0 && items[static_cast<std::size_t>(it.parent)].out_of_order)) continue;
          const Section& sec = secs[static_cast<std::size_t>(it.section)];
          std::string msg = "TOC item " + util::quote(item_text(it)) + " is nested at the wrong depth: ";
          if (have >= 0 && secs[static_cast<std::size_t>(have)].level >= sec.level)
            msg += "it sits under " + util::quote(secs[static_cast<std::size_t>(have)].text) + ", but its heading " +
                   sec_ref(it.section) + " is not a subsection of that one";
          else if (have >= 0)
            msg += "it sits under " + util::quote(secs[static_cast<std::size_t>(have)].text) + ", but its heading " +
                   sec_ref(it.section) + " belongs to " +
                   (want >= 0 ? util::quote(secs[static_cast<std::size_t>(want)].text) : std::string("no listed section"));
          else
            msg += "it is at the top level, but its heading " + sec_ref(it.section) + " is a subsection of " +
                   util::quote(secs[static_cast<std::size_t>(want)].text);
          msg += want >= 0 ? "; nest it under " + util::quote(secs[static_cast<std::size_t>(want)].text) +
                                 ", or change the heading's level if the TOC is right"
                           : "; move it to the top level, or change the heading's level if the TOC is right";
          it.wrong_depth = true;
          it.want_parent = want;
          if (opt_depth) findings.push_back({item_span(it), std::move(msg), true});
        }
      }
    }

    // Missing sections: between the first heading the TOC lists after itself and the end of the
    // last one it lists (what follows it, Contributing, License, is left out by convention).
    std::vector<int> missing;  // sections to add
    if (opt_missing) {
      int first = -1, last = -1;
      for (int s = toc.section + 1; s < ns; ++s) {
        if (listed[static_cast<std::size_t>(s)] < 0) continue;
        if (first < 0) first = s;
        last = s;
      }
      int end = ns;
      if (last >= 0) {
        for (int s = last + 1; s < ns; ++s)
          if (secs[static_cast<std::size_t>(s)].level <= secs[static_cast<std::size_t>(last)].level) {
            end = s;
            break;
          }
      }
      if (first >= 0) {
        // Groups: the sections directly under a listed heading, and the top of the range (sections
        // whose parent comes before it).
        auto group_of = [&](int s) {
          const int p = secs[static_cast<std::size_t>(s)].parent;
          return p < first ? -1 : p;
        };
        std::unordered_map<int, std::vector<int>> children;  // group -> sections in range
        for (int s = first; s < end; ++s) {
          if (contents_heading(secs[static_cast<std::size_t>(s)].text)) continue;
          children[group_of(s)].push_back(s);
        }
        // A heading named by an item whose anchor leads nowhere is listed, with a broken link:
        // broken-anchor reports that item.
        std::unordered_set<std::string> broken;
        for (const Item& it : items)
          if (it.section < 0) broken.insert(text_key(item_text(it)));
        // An entry of the TOC that links elsewhere names a section moved to another file.
        for (const Entry& e : m.entries)
          if (e.in_toc && e.link >= 0 && !e.url.empty() && e.url[0] != '#') broken.insert(text_key(e.name));
        broken.erase(std::string());
        // A section with no entry, table or subsection (a note: "renamed, see X") is a stub.
        std::vector<char> content(static_cast<std::size_t>(ns), 0);
        for (const Entry& e : m.entries)
          if (e.section >= 0) content[static_cast<std::size_t>(e.section)] = 1;
        for (const Table& t : m.tables)
          if (t.section >= 0) content[static_cast<std::size_t>(t.section)] = 1;
        for (const Section& sec : secs)
          if (sec.parent >= 0) content[static_cast<std::size_t>(sec.parent)] = 1;
        auto claimed = [&](int s) {
          if (listed[static_cast<std::size_t>(s)] >= 0 || claimed_by_dup[static_cast<std::size_t>(s)]) return true;
          if (broken.empty()) return false;
          const std::string& k = sec_key(s);
          if (broken.count(k)) return true;
          if (broken.size() > 256) return false;  // (names in part: only for a TOC of ordinary size)
          for (const auto& b : broken)  // "Computer Vision" for "OpenSource-Computer-Vision"
            if (b.size() >= 4 && k.size() >= 4 && (k.find(b) != std::string::npos || b.find(k) != std::string::npos))
              return true;
          return false;
        };
        auto listed_count = [&](const std::vector<int>& v) {
          int c = 0;
          for (int s : v) c += claimed(s);
          return c;
        };
        // Per heading level: listed headings with subsections, and those whose subsections are listed.
        std::unordered_map<int, std::pair<int, int>> peers;  // level -> (with subsections, listed ones)
        for (const auto& [g, v] : children) {
          if (g < 0 || listed[static_cast<std::size_t>(g)] < 0) continue;
          auto& pc = peers[secs[static_cast<std::size_t>(g)].level];
          ++pc.first;
          pc.second += listed_count(v) > 0;
        }
        std::vector<int> groups;
        for (const auto& [g, v] : children) groups.push_back(g);
        std::sort(groups.begin(), groups.end());
        for (int g : groups) {
          const std::vector<int>& v = children[g];
          if (g >= 0 && listed[static_cast<std::size_t>(g)] < 0) continue;  // its heading is missing: that one is reported
          const int n_listed = listed_count(v);
          // A group whose listed headings are numbered ("2.1. Datasets") leaves its unnumbered
          // ones out on purpose (sub-categories written at the same level).
          int n_numbered = 0;
          for (int s : v) n_numbered += listed[static_cast<std::size_t>(s)] >= 0 && numbered(secs[static_cast<std::size_t>(s)].text);
          const bool numbered_group = n_listed > 0 && n_numbered * 5 >= n_listed * 4;
          if (n_listed == static_cast<int>(v.size())) continue;
          std::string context;
          if (n_listed > 0) {
            // The TOC lists some of the group: the others are missing when it lists most of it.
            if (n_listed * 2 <= static_cast<int>(v.size())) continue;
            context = "the TOC lists " + std::to_string(n_listed) + " of its " + std::to_string(v.size()) +
                      (g >= 0 ? " sibling sections under " + util::quote(secs[static_cast<std::size_t>(g)].text)
                              : std::string(" sibling sections"));
          } else {
            const auto pc = peers[secs[static_cast<std::size_t>(g)].level];
            if (pc.second < 3 || pc.second * 5 < pc.first * 4) continue;
            context = "the TOC lists none of the subsections of " + util::quote(secs[static_cast<std::size_t>(g)].text) +
                      " but lists the subsections of " + std::to_string(pc.second) + " of " + std::to_string(pc.first) +
                      " such sections";
          }
          for (int s : v) {
            if (claimed(s)) continue;
            if (numbered_group && !numbered(secs[static_cast<std::size_t>(s)].text)) continue;
            if (!content[static_cast<std::size_t>(s)]) continue;
            missing.push_back(s);
            const Section& sec = secs[static_cast<std::size_t>(s)];
            findings.push_back({sec.span,
                                "Section " + sec_ref(s) + " is missing from the table of contents (line " +
                                    std::to_string(toc.span.begin.line) + "): " + context + "; add " +
                                    util::quote(sec.text) + " (#" + sec.anchor + ")",
                                true});
          }
        }
      }
    }
    if (findings.empty()) return;

    // The fix: a plain generated TOC is rewritten as a whole, once (carried by its first finding).
    // (A check switched off changes nothing: its items stay as they are, or there is no fix.)
    // (Nor does a TOC in an order of its own get sorted into the headings' order.)
    bool unfixed = moved * 5 > n;
    for (Item& it : items) {
      if (!opt_depth) it.wrong_depth = false;
      unfixed |= !opt_order && it.out_of_order;
    }
    std::optional<Fix> fix = unfixed ? std::nullopt : rewrite(ctx, items, listed, missing);
    std::sort(findings.begin(), findings.end(),
              [](const Finding& a, const Finding& b) { return a.span.bytes.begin < b.span.bytes.begin; });
    bool given = false;
    for (auto& f : findings) {
      std::optional<Fix> fx;
      if (fix && f.by_rewrite && !given) {
        fx = fix;
        given = true;
      }
      out.report(f.span, std::move(f.message), std::move(fx));
    }
  }

 private:
  /// The TOC rewritten, when it is a plain generated list: one bullet list, one marker, each line
  /// exactly "indent marker [text](#anchor)", no blank line, indents a multiple of one width.
  static std::optional<Fix> rewrite(const RuleContext& ctx, const std::vector<Item>& items, const std::vector<int>& listed,
                                    const std::vector<int>& missing) {
    const ListModel& m = ctx.model;
    const listlint::Toc& toc = *m.toc;
    const LineIndex& lines = ctx.doc.lines();
    const std::string_view src = ctx.doc.bytes();
    if (toc.lists.size() != 1) return std::nullopt;
    for (const Item& it : items)
      if (it.duplicate) return std::nullopt;  // which one to keep is the maintainer's call
    const ListBlock& root = m.lists[static_cast<std::size_t>(toc.lists.front())];
    if (root.ordered) return std::nullopt;
    const int first_line = toc.span.begin.line;
    int last_line = toc.span.end.line;
    if (toc.span.end.column <= 1 && last_line > first_line) --last_line;
    // Every line: one entry's line holding its main link, which is a TOC item.
    std::unordered_map<int, int> item_at_line;  // line -> index into items
    for (std::size_t k = 0; k < items.size(); ++k) {
      const Item& it = items[k];
      if (it.entry < 0 || it.section < 0) return std::nullopt;  // another link, or a broken anchor
      const Link& l = m.links[static_cast<std::size_t>(toc.items[static_cast<std::size_t>(it.index)].link)];
      if (l.kind != LinkKind::Inline || l.span.begin.line != l.span.end.line) return std::nullopt;
      if (!item_at_line.emplace(l.span.begin.line, static_cast<int>(k)).second) return std::nullopt;
    }
    struct Line {
      int depth = 1;
      std::string text;  // the link text as written
      std::string url;   // the destination as written
      std::string tail;  // what follows the link on its line (trailing blanks)
    };
    std::unordered_map<int, Line> by_item;
    std::size_t width = 0;
    for (int ln = first_line; ln <= last_line; ++ln) {
      auto f = item_at_line.find(ln);
      if (f == item_at_line.end()) return std::nullopt;
      const Item& it = items[static_cast<std::size_t>(f->second)];
      const Link& l = m.links[static_cast<std::size_t>(toc.items[static_cast<std::size_t>(it.index)].link)];
      const std::string_view line = lines.line_text(ln);
      const std::size_t lb = lines.line_begin(ln);
      std::size_t indent = 0;
      while (indent < line.size() && line[indent] == ' ') ++indent;
      if (indent + 2 > line.size() || line[indent] != root.marker || line[indent + 1] != ' ') return std::nullopt;
      if (l.span.bytes.begin != lb + indent + 2 || util::trim_blanks(line.substr(l.span.bytes.end - lb)) != "")
        return std::nullopt;
      const Entry& e = m.entries[static_cast<std::size_t>(it.entry)];
      if (m.lists[static_cast<std::size_t>(e.list)].marker != root.marker) return std::nullopt;
      const int depth = e.depth;
      if (depth == 1 && indent != 0) return std::nullopt;
      if (depth > 1) {
        if (indent % static_cast<std::size_t>(depth - 1) != 0) return std::nullopt;
        const std::size_t w = indent / static_cast<std::size_t>(depth - 1);
        if (width == 0) width = w;
        if (w != width || w == 0) return std::nullopt;
      }
      if (l.text_bytes.size() == 0 || l.url_bytes.size() == 0) return std::nullopt;
      by_item[f->second] = {depth, std::string(src.substr(l.text_bytes.begin, l.text_bytes.size())),
                            std::string(src.substr(l.url_bytes.begin, l.url_bytes.size())),
                            std::string(line.substr(l.span.bytes.end - lb))};
    }
    if (width == 0) width = 2;
    bool nested = false;  // a flat TOC stays flat
    for (const Item& it : items) nested |= it.parent >= 0;
    // The new TOC, in the headings' order: listed headings (first items), and missing ones.
    struct Out {
      int section;
      int item;  // -1 for a new one
    };
    std::vector<Out> outs;
    for (std::size_t s = 0; s < listed.size(); ++s)
      if (listed[s] >= 0) outs.push_back({static_cast<int>(s), listed[s]});
    for (int s : missing) outs.push_back({s, -1});
    std::sort(outs.begin(), outs.end(), [](const Out& a, const Out& b) { return a.section < b.section; });
    const auto& secs = m.sections;
    std::unordered_map<int, int> depth_of;  // section -> depth in the new TOC
    auto in_new = [&](int s) { return depth_of.count(s) > 0; };
    // Lines are joined with the TOC's own line break; the last keeps the one after it.
    std::string eol = "\n";
    if (first_line < last_line) eol = std::string(src.substr(lines.line_end(first_line), lines.line_begin(first_line + 1) - lines.line_end(first_line)));
    std::string text;
    bool first_out = true;
    for (const Out& o : outs) {
      const Section& sec = secs[static_cast<std::size_t>(o.section)];
      int anc = -1;
      for (int p = sec.parent; p >= 0; p = secs[static_cast<std::size_t>(p)].parent)
        if (in_new(p)) {
          anc = p;
          break;
        }
      int depth;
      std::string t, url, tail;
      if (o.item >= 0) {
        const Item& it = items[static_cast<std::size_t>(o.item)];
        const Line& ln = by_item.at(o.item);
        depth = ln.depth;
        if (it.wrong_depth) depth = it.want_parent >= 0 && in_new(it.want_parent) ? depth_of[it.want_parent] + 1 : 1;
        t = ln.text;
        url = ln.url;
        tail = ln.tail;
        if (it.retitle) t = escape(sec.text);
      } else {
        depth = anc >= 0 && nested ? depth_of[anc] + 1 : 1;
        t = escape(sec.text);
        url = "#" + sec.anchor;
      }
      if (t.empty()) return std::nullopt;
      depth_of[o.section] = depth;
      if (!first_out) text += eol;
      first_out = false;
      text += std::string(width * static_cast<std::size_t>(depth - 1), ' ');
      text += root.marker;
      text += " [" + t + "](" + url + ")" + tail;
    }
    const std::size_t b = lines.line_begin(first_line);
    const std::size_t e = lines.line_end(last_line);
    if (src.substr(b, e - b) == text) return std::nullopt;
    Fix fix;
    fix.edits.emplace_back(b, e, text, std::string(src.substr(b, e - b)));
    return fix;
  }

  /// Plain heading text as Markdown link text: characters Markdown would read escaped.
  static std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c == '[' || c == ']' || c == '\\' || c == '`' || c == '*' || c == '_' || c == '<' || c == '&') out += '\\';
      out += c;
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> make_toc() { return std::make_unique<TocRule>(); }

}  // namespace listlint::rules
