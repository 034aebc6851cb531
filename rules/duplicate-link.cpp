// duplicate-link: the same URL twice where that is a copy-paste mistake.

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "listlint/checking/rule.h"
#include "listlint/model/text.h"
#include "util.h"

namespace listlint::rules {
namespace {

// A site's home page (no path): product families share it (llama.meta.com for every Llama).
bool home_page(const std::string& normalized) {
  const std::size_t s = normalized.find("://");
  return s != std::string::npos && util::find_any(normalized, "/?#", s + 3) == std::string::npos;
}

// Letters of names: ASCII letters and any non-ASCII byte (so 中文文档 or Сбербанк stay one word).
bool letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

// A name's key: lowercase letters and digits, punctuation and spaces dropped ("MIMIC-CXR" -> mimiccxr).
std::string key_of(std::string_view s) {
  std::string k;
  for (char c : s)
    if (letter(c) || (c >= '0' && c <= '9')) k += c;
  util::lower_inplace(k);
  return k;
}

// A name's words without digits and punctuation ("Baichuan2-7|13B" -> baichuan, b).
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if (letter(c)) {
      w += c;
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  for (auto& x : out) util::lower_inplace(x);
  return out;
}

// The URL's key: host and path (query included) as lowercase letters and digits.
std::string url_key(const std::string& normalized) {
  const std::size_t s = normalized.find("://");
  return key_of(s == std::string::npos ? std::string_view(normalized) : std::string_view(normalized).substr(s + 3));
}

// True when the URL spells the name: its key, its first word when that has four letters or more
// ("GenDoP: Auto-regressive Camera ..."), or every word of three letters or more.
bool url_names(std::string_view name, const std::string& ukey) {
  const std::string k = key_of(name);
  if (k.size() >= 3 && ukey.find(k) != std::string::npos) return true;
  const auto words = words_of(name);
  if (!words.empty() && words[0].size() >= 4 && ukey.find(words[0]) != std::string::npos) return true;
  int n = 0;
  for (const auto& w : words) {
    if (w.size() < 3) continue;
    if (ukey.find(w) == std::string::npos) return false;
    ++n;
  }
  return n > 0;
}

// How two names that share one link relate.
enum class Kin {
  Same,     // one name ("linfa" and "linfa"): the entry twice
  Family,   // siblings under a page that names what they share: Baichuan and Baichuan2 linking
            // huggingface.co/baichuan-inc, hatch and hatchling github.com/pypa/hatch
  Sibling,  // siblings (VideoChat, VideoChat2) under a link that does not name the family: one
            // sibling's own page (a paper), copied to the other
  Other,    // unrelated names
};

Kin kin(std::string_view a, std::string_view b, const std::string& ukey) {
  const std::string ka = key_of(a), kb = key_of(b);
  if (ka == kb) return Kin::Same;
  // Related: one name's words are all among the other's ("Gemini 3.0 (Google)" and "Gemini 3.6
  // Flash (Google)"), or one name extends the other ("hatch", "hatchling"). `shared` is the one
  // contained in the other.
  const auto wa = words_of(a), wb = words_of(b);
  auto within = [](const std::vector<std::string>& x, const std::vector<std::string>& y) {
    if (x.empty()) return false;
    for (const auto& w : x) {
      bool found = false;
      for (const auto& v : y) found |= v == w;
      if (!found) return false;
    }
    return true;
  };
  std::string_view shared;
  if (!ka.empty() && !kb.empty() && (kb.rfind(ka, 0) == 0 || within(wa, wb)))
    shared = a;
  else if (!ka.empty() && !kb.empty() && (ka.rfind(kb, 0) == 0 || within(wb, wa)))
    shared = b;
  if (shared.data() == nullptr) return Kin::Other;
  const std::string ks = key_of(shared);
  if (ks.size() >= 2 && ukey.find(ks) != std::string::npos) return Kin::Family;
  for (const auto& w : words_of(shared))
    if (w.size() >= 4 && ukey.find(w) != std::string::npos) return Kin::Family;
  return Kin::Sibling;
}

// The end of a message about two differently named links to one URL, and whether the list shows
// which one is wrong (the URL names one of them) or only makes it likely.
struct Verdict {
  std::string advice;
  bool certain = false;
};

// An address that identifies one paper (an arXiv id, a DOI, an OpenReview forum, an ACL
// Anthology id): two differently named things cannot both be that paper.
bool paper_id(const std::string& url) {
  const std::string u = util::lower(url);
  for (const char* p : {"arxiv.org/abs/", "arxiv.org/pdf/", "doi.org/10.", "openreview.net/forum?id=",
                        "openreview.net/pdf?id=", "aclanthology.org/", "dl.acm.org/doi/", "ieeexplore.ieee.org/document/"})
    if (u.find(p) != std::string::npos) return true;
  return false;
}

Verdict judge(std::string_view first, std::string_view later, const std::string& ukey, const std::string& url) {
  const bool a = url_names(first, ukey), b = url_names(later, ukey);
  if (a != b)
    return {"the URL names " + util::quote(a ? first : later) + ": give " + util::quote(a ? later : first) +
                " its own link, or remove it if it is the same thing",
            true};
  if (a) return {"both are one thing listed twice: keep one", true};
  if (paper_id(url)) return {"the address identifies one paper, so one of them has a copied link", true};
  return {"one of them probably has a copied link", false};
}

// One of two things linking one URL: its name and the line of the link.
struct Use {
  std::string_view name;
  int line = 0;
};

// Reports `later`, whose link repeats `first`'s, unless the two are a family under a page that names
// them. `one`/`many` name the things ("Entry"/"Entries"), `where` says where they are ("in this
// section"). When `opaque_ok`, two unrelated names under a URL that names neither are left alone.
void report_pair(Reporter& out, const Span& at, const std::string& one, const std::string& many, Use first, Use later,
                 const std::string& first_url, const std::string& later_url, const std::string& where, bool opaque_ok) {
  const std::string ukey = url_key(text::normalize_url(later_url));
  const std::string a = std::to_string(first.line), b = std::to_string(later.line);
  // The same page written two ways (http and https, www., index.html, a #fragment) shows both.
  const std::string url =
      text::normalize_url(first_url) == text::normalize_url(later_url) ? later_url : later_url + " (line " + a + ": " + first_url + ", the same page)";
  const std::string both = many + " " + util::quote(first.name) + " (line " + a + ") and " + util::quote(later.name) +
                           " (line " + b + ") " + where;
  switch (kin(first.name, later.name, ukey)) {
    case Kin::Same:
      out.report(at, one + " " + util::quote(later.name) + " is listed twice " + where + " (lines " + a + " and " + b +
                         "), both times linking " + url + ": remove one");
      break;
    case Kin::Family:
      break;
    case Kin::Sibling:
      if (paper_id(url))
        out.report(at, both + " point to " + url + ": the address identifies one paper, so one of them has a copied link");
      else
        out.report(at,
                   both + " point to " + url +
                       ", a page that does not name what they share: the same thing listed twice, or one of them has a "
                       "copied link",
                   std::nullopt, true);
      break;
    case Kin::Other: {
      const Verdict v = judge(first.name, later.name, ukey, url);
      if (opaque_ok && !v.certain) break;
      out.report(at, both + " both point to " + url + ": " + v.advice, std::nullopt, !v.certain);
      break;
    }
  }
}

// The link of a project card's summary (best-of lists give each project a card whose summary
// links it), or null when `details` is no such card.
const Link* card_link(const ListModel& m, int details) {
  if (details < 0) return nullptr;
  const Details& card = m.details[static_cast<std::size_t>(details)];
  if (!card.summary_span) return nullptr;
  for (int li : card.links) {
    const Link& l = m.links[static_cast<std::size_t>(li)];
    if (card.summary_span->bytes.contains(l.span.bytes.begin) && !l.image && !l.text.empty()) return &l;
  }
  return nullptr;
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
    // One URL as the link of three or more differently named things (six companies' SQL
    // questions on one trainer page) is the list's convention, not a slip.
    auto convention = [](const std::vector<std::string_view>& names) {
      std::set<std::string> keys;
      for (std::string_view n : names) keys.insert(key_of(n));
      return keys.size() >= 3;
    };
    if (ctx.options.at("table_columns").get<bool>()) {
      for (const Table& t : m.tables) {
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
          if (!util::single_link_column(m, t, c)) continue;
          // The first column names the rows; other columns cite something for them (a paper).
          const bool names_rows = c == 0;
          std::map<std::string, std::vector<std::pair<const Link*, const Row*>>> by_url;
          for (const Row& r : t.rows) {
            for (int li : r.cells[c].links) {
              const Link& l = m.links[static_cast<std::size_t>(li)];
              if (skip(l) || util::generic_label(l.text)) continue;
              by_url[text::page_key(l.url)].emplace_back(&l, &r);
            }
          }
          for (const auto& [url, uses] : by_url) {
            if (uses.size() < 2) continue;
            std::vector<std::string_view> names;
            for (const auto& u : uses) names.push_back(u.first->text);
            if (convention(names)) continue;
            const Link& first = *uses[0].first;
            const Row& first_row = *uses[0].second;
            for (std::size_t i = 1; i < uses.size(); ++i) {
              const Link& l = *uses[i].first;
              // Two rows citing one paper by its title (one paper, two datasets) are fine outside
              // the column of row names; in it, a repository publishing two datasets is linked from
              // both rows' names, and only a URL that names one of the rows shows a copy.
              if (!names_rows && key_of(first.text) == key_of(l.text)) continue;
              report_pair(out, l.span, names_rows ? "Row" : "Link", names_rows ? "Rows" : "Links",
                          {first.text, first_row.line}, {l.text, uses[i].second->line}, first.url, l.url,
                          "in column " + util::quote(t.columns[c].text), names_rows);
            }
          }
        }
      }
    }
    const std::string scope = ctx.options.at("entries").get<std::string>();
    if (scope == "off") return;
    // (section or list, section-like details card, url) -> the entries linking it, in order.
    std::map<std::tuple<int, int, std::string>, std::vector<const Entry*>> groups;
    const std::vector<int> cards = util::section_cards(m);
    for (const Entry& e : m.entries) {
      if (e.link < 0 || e.in_toc) continue;
      const Link& l = m.links[static_cast<std::size_t>(e.link)];
      const std::string url = text::page_key(l.url);
      if (skip(l) || home_page(url)) continue;
      const int group =
          scope == "list" ? (e.list >= 0 ? m.lists[static_cast<std::size_t>(e.list)].root : -1) : e.section;
      const int card = scope == "list" ? -1 : (e.details >= 0 ? cards[static_cast<std::size_t>(e.details)] : -1);
      groups[{group, card, url}].push_back(&e);
    }
    for (const auto& [key, entries] : groups) {
      if (entries.size() < 2) continue;
      std::vector<const Link*> links;
      std::vector<std::string_view> names;  // a project card's entries go by the card's name
      for (const Entry* e : entries) {
        links.push_back(&m.links[static_cast<std::size_t>(e->link)]);
        const Link* card = card_link(m, e->details);
        names.push_back(card != nullptr ? card->text : links.back()->text);
      }
      if (convention(names)) continue;
      const int card = std::get<1>(key);
      const std::string in = scope == "list" ? "in this list"
                             : card >= 0
                                 ? "in the " + util::quote(m.details[static_cast<std::size_t>(card)].summary) + " card"
                                 : "in this section";
      const Entry& first = *entries[0];
      for (std::size_t i = 1; i < entries.size(); ++i) {
        const Entry& e = *entries[i];
        const Link& l = *links[i];
        const int line = l.span.begin.line, first_line = links[0]->span.begin.line;
        // Links under the cards of two projects: the cards' names are what the URL must match
        // (SynapseML's repository under "MMLSpark"), not the labels "GitHub" or "PyPi".
        const Link* ca = card_link(m, first.details);
        const Link* cb = card_link(m, e.details);
        if (ca != nullptr && cb != nullptr && first.details != e.details)
          report_pair(out, l.span, "The card of", "The cards of", {ca->text, first_line}, {cb->text, line}, links[0]->url, l.url, in,
                      false);
        else
          report_pair(out, l.span, "Entry", "Entries", {links[0]->text, first_line}, {l.text, line}, links[0]->url, l.url, in,
                      false);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_link() { return std::make_unique<DuplicateLink>(); }

}  // namespace listlint::rules
