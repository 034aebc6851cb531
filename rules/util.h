#pragma once
// Small helpers shared by rule files (not a rule).

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "listlint/model/model.h"
#include "listlint/model/source.h"
#include "listlint/model/text.h"

namespace listlint::rules::util {

/// Levenshtein distance between two strings of any character type (bytes, or code points).
template <class S>
std::size_t edit_distance(const S& a, const S& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

/// ASCII lowercase, in place.
inline void lower_inplace(std::string& s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
}

/// ASCII lowercase.
inline std::string lower(std::string_view s) {
  std::string out(s);
  lower_inplace(out);
  return out;
}

/// Does `s` start with `prefix`, ASCII case-insensitively?
inline bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if ((s[i] | 0x20) != (prefix[i] | 0x20)) return false;
  return true;
}

/// The first byte of `s` from `from` that is one of `set`, or npos. (string_view::find_first_of
/// calls memchr over the set once per byte of `s`: a call per byte of a long line or URL.)
/// (The set's ASCII bytes as a 128-bit mask: one test per byte of `s`.)
inline std::size_t find_any(std::string_view s, std::string_view set, std::size_t from = 0) {
  std::uint64_t mask[2] = {0, 0};
  for (const char c : set) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 128) {  // (no caller's set has such a byte: the plain search)
      for (std::size_t i = from; i < s.size(); ++i)
        if (set.find(s[i]) != std::string_view::npos) return i;
      return std::string_view::npos;
    }
    mask[u >> 6] |= std::uint64_t{1} << (u & 63);
  }
  for (std::size_t i = from; i < s.size(); ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    if (u < 128 && (mask[u >> 6] >> (u & 63) & 1)) return i;
  }
  return std::string_view::npos;
}

/// True for ASCII letters and digits (a table: one load).
inline constexpr auto kAlnum = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return t;
}();
inline bool alnum(char c) { return kAlnum[static_cast<unsigned char>(c)]; }

/// Why a destination that reads as a web address is one no browser can use: a misspelled scheme
/// (htps://, http//, https:/x), a bracket before it ([https://...), or no scheme at all
/// (www.example.com, github.com/x/y: GitHub links them as files of the repository), or a host
/// with a space (<https://github .com/x>, an href written so). Empty when it is fine or
/// is no web address.
inline std::string unusable_url(std::string_view url) {
  // The host: between "://" and the path (a written <https://github .com/x> or href keeps a space).
  auto host_spaced = [](std::string_view rest) {
    const std::string_view host = rest.substr(0, find_any(rest, "/?#"));
    return find_any(host, " \t") != std::string_view::npos;
  };
  // (Most URLs are written "https://..." or "http://...": only their host is asked about.)
  for (const std::string_view web : {"https://", "http://"})
    if (url.starts_with(web)) return host_spaced(url.substr(web.size())) ? "its host name has a space in it" : std::string();
  if (!url.empty() && (url.front() == '[' || url.front() == '(')) {
    const std::string_view rest = url.substr(1);
    if (starts_with_ci(rest, "http") || starts_with_ci(rest, "www."))
      return std::string("it starts with '") + url.front() + "', so GitHub links to a relative path of that name";
  }
  if (starts_with_ci(url, "www.") && url.find('.', 5) != std::string_view::npos)
    return "it has no scheme (https://), so GitHub links to a file of that name in the repository";
  // A host name without a scheme (github.com/owner/repo): its first part ends in a common
  // top-level domain, which no file or folder name of a list's repository does.
  {
    const std::string_view host = url.substr(0, find_any(url, "/?#"));
    const std::size_t dot = host.rfind('.');
    bool hostish = dot != std::string_view::npos && dot > 0;
    for (char c : host) hostish = hostish && (alnum(c) || c == '-' || c == '.');
    if (hostish) {
      const std::string tld = lower(host.substr(dot + 1));
      static const char* kTlds[] = {"com", "org", "net", "io", "dev", "ai", "edu", "gov"};
      for (const char* t : kTlds)
        if (tld == t) return "it has no scheme (https://), so GitHub links to a file of that name in the repository";
    }
  }
  const std::size_t colon = url.find(':');
  const std::size_t slash = url.find('/');
  std::string scheme(url.substr(0, std::min(colon, slash)));
  lower_inplace(scheme);
  const bool webish = scheme == "htp" || scheme == "htps" || scheme == "htttp" || scheme == "htttps" ||
                      scheme == "http" || scheme == "https" || scheme == "hhttp" || scheme == "hhttps";
  if (!webish) return {};
  if (scheme != "http" && scheme != "https") return "its scheme is misspelled (" + scheme + ":)";
  if (colon == std::string_view::npos || slash < colon) return "the ':' after " + scheme + " is missing";
  if (url.compare(colon, 3, "://") != 0) return "it needs two slashes after " + scheme + ":";
  if (host_spaced(url.substr(colon + 3))) return "its host name has a space in it";
  return {};
}

/// A quoted excerpt for messages (long texts are shortened).
inline std::string quote(std::string_view s) { return "\"" + text::shorten(s) + "\""; }

/// Link texts that label a link ("Github", "Paper", "🔗 Code") rather than name its target: columns
/// of such links legitimately repeat a repository shared by several models.
inline bool generic_label(std::string_view text) {
  std::string k;
  for (char c : text)
    if (alnum(c)) k += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  static const char* kGeneric[] = {"github", "gitlab", "code", "paper", "link", "links", "website", "site", "project",
                                   "homepage", "page", "demo", "data", "dataset", "download", "arxiv", "pdf",
                                   "huggingface", "hf", "model", "models", "blog", "docs", "documentation", "repo",
                                   "repository", "source", "sourcecode", "web", "url", "here", ""};
  for (const char* g : kGeneric)
    if (k == g) return true;
  return false;
}

/// True when column `c` of `t` names one thing per cell by one link (at least two cells, and four
/// in five of the filled cells hold exactly one link that is not an image): not lists of datasets.
inline bool single_link_column(const ListModel& m, const Table& t, std::size_t c) {
  int filled = 0, single = 0;
  for (const Row& r : t.rows) {
    int n = 0;
    for (int li : r.cells[c].links) n += !m.links[static_cast<std::size_t>(li)].image;
    if (n > 0 || !r.cells[c].text.empty()) ++filled;
    if (n == 1) ++single;
  }
  return single >= 2 && single * 5 >= filled * 4;
}

/// For each <details> card, the card that serves as a section for what it holds: the nearest
/// enclosing card (itself included) whose summary is a plain label, without a link, as in a list
/// whose one heading is split into <details><summary>Android</summary> blocks; -1 when there is
/// none. A card whose summary is a link is one project's card, and its neighbours are the
/// section's other projects.
inline std::vector<int> section_cards(const ListModel& m) {
  std::vector<char> linked(m.details.size(), 0);
  for (std::size_t d = 0; d < m.details.size(); ++d) {
    const Details& card = m.details[d];
    if (!card.summary_span) continue;
    for (int li : card.links)
      if (card.summary_span->bytes.contains(m.links[static_cast<std::size_t>(li)].span.bytes.begin)) linked[d] = 1;
  }
  std::vector<int> out(m.details.size(), -1);
  for (std::size_t d = 0; d < m.details.size(); ++d) {  // a card comes after the cards holding it
    const Details& card = m.details[d];
    if (card.has_summary && !linked[d] && !text::trim(card.summary).empty())
      out[d] = static_cast<int>(d);
    else if (card.parent >= 0 && static_cast<std::size_t>(card.parent) < d)
      out[d] = out[static_cast<std::size_t>(card.parent)];
  }
  return out;
}

/// `text` without the spaces and tabs at its ends.
inline std::string_view trim_blanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

/// A table cell that hides a note on purpose: a Markdown comment ("[//]: # note", "[comment]: #")
/// or an HTML comment written past the header's width, where GitHub drops it unseen.
inline bool hidden_note(std::string_view text) {
  if (text.size() >= 7 && text.substr(0, 4) == "<!--" && text.substr(text.size() - 3) == "-->") return true;
  if (text.empty() || text.front() != '[') return false;
  const std::size_t close = text.find("]:");
  if (close == std::string_view::npos || close < 1 || text.find(']') != close) return false;
  std::size_t p = close + 2;
  while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
  return p < text.size() && text[p] == '#';
}

/// True when a row's cells past the header's width hold text (not only empty cells or hidden
/// notes): its cells are then likely out of their columns.
inline bool row_spills(std::string_view src, const std::vector<Span>& dropped) {
  for (const Span& d : dropped) {
    const std::string_view text = trim_blanks(src.substr(d.bytes.begin, d.bytes.size()));
    if (!text.empty() && !hidden_note(text)) return true;
  }
  return false;
}

/// True for a definition written as a hidden comment, not as a link target: `[//]: # (note)`,
/// `[comment]: <> (note)` (an empty or "#" destination, or the label "//").
inline bool comment_definition(const RefDef& d) {
  return d.url.empty() || d.url == "#" || text::trim(d.label) == "//";
}

}  // namespace listlint::rules::util
