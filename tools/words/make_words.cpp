// Builds the typo rule's word table (share/listlint/words.bin) at build time:
//  - every word form of the Hunspell dictionaries (en_US, and en_GB marked apart), expanded from
//    their affix rules and kept only when Hunspell itself accepts it, so that a lookup at run
//    time is one hash probe with Hunspell's verdict;
//  - codespell's known misspellings with their corrections.
// The table is an open-addressing hash table meant to be mapped into memory: see
// lib/src/spelling/spelling.cpp for the reader and docs/rules/typo.md for the format's purpose.
//
//  - the common words (a plain word list: Debian's wamerican), marked, since a typo is far more
//    often a slip on a common word than on a rare one, and among them the frequent words (a
//    shorter list: Debian's wamerican-small), where a short word's slip is told from a name;
//  - a technical vocabulary, marked (kTechnical on the lowercase key): the words of Debian's
//    package descriptions used by at least kMinSources source packages (stdout, passwd, cgroup,
//    kubectl, nginx), less codespell's misspellings, and a hand supplement of words too new or too
//    specialised for Debian (rules/typo-vocabulary.txt);
//  - the two-edit index: the common and technical words bucketed by first letter and length.
//
// Usage: listlint-make-words OUT US_PREFIX GB_PREFIX CODESPELL_DICTIONARY COMMON_WORDS DESCRIPTIONS SUPPLEMENT FREQUENT_WORDS
//   (US_PREFIX and GB_PREFIX without .aff/.dic; GB_PREFIX may be "-" to leave British out;
//   DESCRIPTIONS: apt's package stanzas, `apt-cache dumpavail` then the Translation-en files, or
//   "-" for none; SUPPLEMENT: one word per line, `#` starts a comment; FREQUENT_WORDS: a plain word
//   list, or "-" for none)

#include <hunspell/hunspell.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "spelling/words_format.h"

namespace {

struct Cond {  // one position of an affix condition: a set of bytes, maybe negated
  std::string chars;
  bool any = false, negate = false;
  bool match(char c) const { return any || ((chars.find(c) != std::string::npos) != negate); }
};

struct AffixRule {
  std::string strip, add;
  std::vector<Cond> cond;
};

struct AffixClass {
  bool prefix = false, cross = false;
  std::vector<AffixRule> rules;
};

std::vector<Cond> parse_cond(const std::string& s) {
  std::vector<Cond> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    Cond c;
    if (s[i] == '.') {
      c.any = true;
    } else if (s[i] == '[') {
      std::size_t j = i + 1;
      if (j < s.size() && s[j] == '^') { c.negate = true; ++j; }
      while (j < s.size() && s[j] != ']') c.chars += s[j++];
      i = j;
    } else {
      // A UTF-8 letter is several bytes: each must match in turn.
      c.chars = std::string(1, s[i]);
    }
    out.push_back(c);
  }
  return out;
}

bool cond_at_end(const std::vector<Cond>& cond, const std::string& w) {
  if (cond.size() > w.size()) return false;
  const std::size_t off = w.size() - cond.size();
  for (std::size_t i = 0; i < cond.size(); ++i)
    if (!cond[i].match(w[off + i])) return false;
  return true;
}

bool cond_at_start(const std::vector<Cond>& cond, const std::string& w) {
  if (cond.size() > w.size()) return false;
  for (std::size_t i = 0; i < cond.size(); ++i)
    if (!cond[i].match(w[i])) return false;
  return true;
}

struct Aff {
  std::map<char, AffixClass> classes;
  char nosuggest = 0, onlyincompound = 0;
};

Aff read_aff(const std::string& path) {
  Aff aff;
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read it");
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string kind;
    ls >> kind;
    if (kind == "NOSUGGEST") { std::string f; ls >> f; aff.nosuggest = f.empty() ? 0 : f[0]; }
    if (kind == "ONLYINCOMPOUND") { std::string f; ls >> f; aff.onlyincompound = f.empty() ? 0 : f[0]; }
    if (kind == "FLAG") throw std::runtime_error(path + ": only one-character flags are supported");
    if (kind != "PFX" && kind != "SFX") continue;
    std::string flag, a, b, c;
    ls >> flag >> a >> b >> c;
    if (flag.size() != 1) continue;
    AffixClass& cls = aff.classes[flag[0]];
    if ((a == "Y" || a == "N") && c.empty()) {  // a header: PFX A Y 1
      cls.prefix = kind == "PFX";
      cls.cross = a == "Y";
      continue;
    }
    // A rule: PFX A strip add condition
    AffixRule r;
    r.strip = a == "0" ? "" : a;
    r.add = b == "0" ? "" : b;
    if (const auto slash = r.add.find('/'); slash != std::string::npos) r.add.resize(slash);  // continuation classes: unused by en_US/en_GB
    r.cond = parse_cond(c.empty() ? "." : c);
    cls.rules.push_back(std::move(r));
  }
  return aff;
}

struct Entry {
  std::uint8_t flags = 0;
  std::string corrections;
};

void expand(const std::string& dic_path, const Aff& aff, Hunhandle* h, std::uint8_t flag,
            std::unordered_map<std::string, Entry>& table, long& accepted, long& rejected) {
  std::ifstream in(dic_path);
  if (!in) throw std::runtime_error(dic_path + ": cannot read it");
  std::string line;
  std::getline(in, line);  // the count
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::size_t end = line.find_first_of("\t ");
    std::string word = line.substr(0, end);
    std::string flags;
    // "word/flags"; a slash escaped as "\/" is part of the word (none in en_US/en_GB).
    if (const auto slash = word.find('/'); slash != std::string::npos && slash > 0) {
      flags = word.substr(slash + 1);
      word.resize(slash);
    }
    if (word.empty()) continue;
    if (aff.onlyincompound && flags.find(aff.onlyincompound) != std::string::npos) continue;
    const bool nosuggest = aff.nosuggest && flags.find(aff.nosuggest) != std::string::npos;
    std::vector<std::string> forms{word};
    std::vector<std::string> cross_suffixed;
    for (char f : flags) {
      auto it = aff.classes.find(f);
      if (it == aff.classes.end() || it->second.prefix) continue;
      for (const AffixRule& r : it->second.rules) {
        if (!cond_at_end(r.cond, word)) continue;
        if (r.strip.size() > word.size() || word.compare(word.size() - r.strip.size(), r.strip.size(), r.strip) != 0) continue;
        std::string form = word.substr(0, word.size() - r.strip.size()) + r.add;
        forms.push_back(form);
        if (it->second.cross) cross_suffixed.push_back(form);
      }
    }
    for (char f : flags) {
      auto it = aff.classes.find(f);
      if (it == aff.classes.end() || !it->second.prefix) continue;
      for (const AffixRule& r : it->second.rules) {
        if (!cond_at_start(r.cond, word)) continue;
        if (word.compare(0, r.strip.size(), r.strip) != 0) continue;
        forms.push_back(r.add + word.substr(r.strip.size()));
        if (!it->second.cross) continue;
        for (const std::string& s : cross_suffixed)
          if (s.compare(0, r.strip.size(), r.strip) == 0) forms.push_back(r.add + s.substr(r.strip.size()));
      }
    }
    for (const std::string& form : forms) {
      if (form.empty() || form.size() > 255) continue;
      if (!Hunspell_spell(h, form.c_str())) {  // Hunspell has the last word on every form
        ++rejected;
        continue;
      }
      ++accepted;
      Entry& e = table[form];
      e.flags |= flag;
      if (nosuggest) e.flags |= listlint::words_format::kNoSuggest;
    }
  }
}

void read_codespell(const std::string& path, std::unordered_map<std::string, Entry>& table, long& count) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read it");
  std::string line;
  // "misspelling->correction[, correction...]"; a trailing comma marks a correction codespell
  // does not apply by itself, which is still a correction to offer.
  while (std::getline(in, line)) {
    const std::size_t arrow = line.find("->");
    if (arrow == std::string::npos || arrow == 0) continue;
    std::string list, cur;
    for (char c : line.substr(arrow + 2) + ",") {
      if (c == ',') {
        while (!cur.empty() && cur.front() == ' ') cur.erase(cur.begin());
        while (!cur.empty() && cur.back() == ' ') cur.pop_back();
        if (!cur.empty()) list += (list.empty() ? "" : ",") + cur;
        cur.clear();
      } else {
        cur += c;
      }
    }
    if (list.empty() || list.size() > 65535 || arrow > 255) continue;
    Entry& e = table[line.substr(0, arrow)];
    e.flags |= listlint::words_format::kMisspelling;
    e.corrections = list;
    ++count;
  }
}

// A word of the technical vocabulary is used in the descriptions of at least this many source
// packages: one package's own names and typos stay out.
constexpr std::size_t kMinSources = 3;

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_letter(c) || (c >= '0' && c <= '9'); }

/// The words of a description: runs of 4+ ASCII letters that stand alone, not part of a path, a
/// URL, a file name or an identifier: not preceded by a letter, digit, `_`, `.`, `/` or `-`, not
/// followed by a letter, digit or `_`, nor by `.`, `/` or `-` and a letter or digit. Lowercased.
template <class F>
void description_words(std::string_view t, F&& f) {
  std::size_t i = 0;
  while (i < t.size()) {
    if (!is_letter(t[i])) { ++i; continue; }
    std::size_t j = i;
    while (j < t.size() && is_letter(t[j])) ++j;
    const char before = i > 0 ? t[i - 1] : ' ';
    const char after = j < t.size() ? t[j] : ' ';
    const bool alone = !(is_alnum(before) || before == '_' || before == '.' || before == '/' || before == '-') &&
                       !(is_alnum(after) || after == '_') &&
                       !((after == '.' || after == '/' || after == '-') && j + 1 < t.size() && is_alnum(t[j + 1]));
    if (alone && j - i >= 4) {
      std::string w(t.substr(i, j - i));
      for (char& c : w)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      f(std::move(w));
    }
    i = j;
  }
}

struct Vocabulary {
  std::vector<std::string> words;  ///< sorted
  std::unordered_map<std::string, std::size_t> sources_of;  ///< every word: how many source packages use it
  std::size_t stanzas = 0, sources = 0;
};

/// The words of the package descriptions in `path` (RFC 822 stanzas: Package, Source, Description
/// or Description-en with continuation lines; other fields are skipped) used by kMinSources source
/// packages or more. A stanza without Source (Translation-en has none) takes its package's source
/// from the stanza that named it, else its own name.
Vocabulary read_descriptions(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read it");
  struct Stanza {
    std::string package, source, text;
  };
  std::vector<Stanza> stanzas;
  std::unordered_map<std::string, std::string> source_of;
  Stanza cur;
  bool in_description = false;
  auto flush = [&] {
    if (!cur.package.empty()) {
      if (!cur.source.empty()) source_of.emplace(cur.package, cur.source);
      if (!cur.text.empty()) stanzas.push_back(std::move(cur));
    }
    cur = Stanza{};
    in_description = false;
  };
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) { flush(); continue; }
    if (line[0] == ' ' || line[0] == '\t') {
      if (in_description) (cur.text += '\n') += line;
      continue;
    }
    const std::size_t colon = line.find(':');
    const std::string field = line.substr(0, colon);
    std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(value.begin());
    in_description = field == "Description" || field == "Description-en";
    if (in_description) (cur.text += '\n') += value;
    else if (field == "Package") cur.package = value;
    else if (field == "Source") cur.source = value.substr(0, value.find(' '));  // "glibc (2.36-9)"
  }
  flush();
  std::unordered_map<std::string, std::uint32_t> source_id;
  std::unordered_map<std::string, std::vector<std::uint32_t>> users;
  for (const Stanza& s : stanzas) {
    const auto it = source_of.find(s.package);
    const std::string& source = s.source.empty() ? (it == source_of.end() ? s.package : it->second) : s.source;
    const std::uint32_t id = source_id.emplace(source, static_cast<std::uint32_t>(source_id.size())).first->second;
    description_words(s.text, [&](std::string w) {
      std::vector<std::uint32_t>& u = users[std::move(w)];
      if (u.empty() || u.back() != id) u.push_back(id);
    });
  }
  Vocabulary v;
  v.stanzas = stanzas.size();
  v.sources = source_id.size();
  for (auto& [w, u] : users) {
    std::sort(u.begin(), u.end());
    const auto n = static_cast<std::size_t>(std::unique(u.begin(), u.end()) - u.begin());
    v.sources_of.emplace(w, n);
    if (n >= kMinSources) v.words.push_back(w);
  }
  std::sort(v.words.begin(), v.words.end());
  return v;
}

/// The hand supplement: one lowercase word per line; `#` starts a comment.
std::vector<std::string> read_supplement(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read it");
  std::vector<std::string> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.pop_back();
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.erase(line.begin());
    if (line.empty()) continue;
    for (char c : line)
      if (!(c >= 'a' && c <= 'z'))
        throw std::runtime_error(path + ":" + std::to_string(n) + ": \"" + line + "\" is not one lowercase word");
    out.push_back(line);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  namespace wf = listlint::words_format;
  if (argc != 9) {
    std::cerr << "usage: listlint-make-words OUT US_PREFIX GB_PREFIX|- CODESPELL_DICTIONARY COMMON_WORDS DESCRIPTIONS|- SUPPLEMENT "
                 "FREQUENT_WORDS|-\n";
    return 2;
  }
  try {
    std::unordered_map<std::string, Entry> table;
    long accepted = 0, rejected = 0, misspellings = 0;
    for (int i : {2, 3}) {
      const std::string prefix = argv[i];
      if (prefix == "-") continue;
      Hunhandle* h = Hunspell_create((prefix + ".aff").c_str(), (prefix + ".dic").c_str());
      if (!h) throw std::runtime_error(prefix + ".dic: Hunspell cannot load it");
      expand(prefix + ".dic", read_aff(prefix + ".aff"), h, i == 2 ? wf::kUS : wf::kGB, table, accepted, rejected);
      Hunspell_destroy(h);
    }
    read_codespell(argv[4], table, misspellings);
    // A plain word list's words that are in the table with `required`, marked with `flag`: the
    // common words (dictionary words), then the frequent ones (common words of a shorter list).
    auto mark_listed = [&](const std::string& path, std::uint8_t required, std::uint8_t flag) {
      long n = 0;
      std::ifstream in(path);
      if (!in) throw std::runtime_error(path + ": cannot read it");
      std::string w;
      while (std::getline(in, w)) {
        auto it = table.find(w);
        if (it == table.end() || !(it->second.flags & required)) continue;
        it->second.flags |= flag;
        ++n;
      }
      return n;
    };
    const long common = mark_listed(argv[5], static_cast<std::uint8_t>(wf::kUS | wf::kGB), wf::kCommon);
    const long frequent = std::string(argv[8]) == "-" ? 0 : mark_listed(argv[8], wf::kCommon, wf::kFrequent);
    // Proper nouns are found from their lowercase spelling too, so that a suggestion costs one
    // probe per candidate: "paris" carries kCapitalized for "Paris".
    std::vector<std::string> capitalised;
    for (const auto& [word, e] : table)
      if (word[0] >= 'A' && word[0] <= 'Z' && (e.flags & (wf::kUS | wf::kGB)) && !(e.flags & wf::kNoSuggest))
        capitalised.push_back(word);
    for (std::string w : capitalised) {
      w[0] = static_cast<char>(w[0] + 32);
      table[w].flags |= wf::kCapitalized;
    }
    // The technical vocabulary, on lowercase keys: Debian's words (but codespell's misspellings),
    // then the supplement. A slur stays unmarked.
    Vocabulary debian;
    if (std::string(argv[6]) != "-") debian = read_descriptions(argv[6]);
    long technical = 0, technical_new = 0, from_debian = 0, from_supplement = 0;
    auto mark = [&](const std::string& w) {
      Entry& e = table[w];
      if (e.flags & (wf::kNoSuggest | wf::kTechnical)) return false;
      if (!(e.flags & (wf::kUS | wf::kGB))) ++technical_new;
      e.flags |= wf::kTechnical;
      ++technical;
      return true;
    };
    // A word of seven letters or more that no dictionary has and that is a dictionary word ten
    // times as many packages use with two neighbours swapped inside it is a common slip, not
    // vocabulary: "destkop" (desktop). (Other edits make names as often as slips: automake,
    // collectd, reqwest, sharding are one edit from automate, collected, request, sharing; see
    // the exception for long words below.)
    long slips = 0;
    auto common_slip = [&](const std::string& w) {
      const auto it = table.find(w);
      if (w.size() < 7 || (it != table.end() && (it->second.flags & (wf::kUS | wf::kGB)))) return false;
      const std::size_t mine = debian.sources_of.at(w);
      auto far_more_used = [&](const std::string& c, std::size_t times) {
        if (c == w) return false;
        const auto t = table.find(c);
        if (t == table.end() || !(t->second.flags & (wf::kUS | wf::kGB))) return false;
        const auto u = debian.sources_of.find(c);
        return u != debian.sources_of.end() && u->second >= times * mine;
      };
      for (std::size_t i = 1; i + 2 < w.size(); ++i) {
        std::string c = w;
        std::swap(c[i], c[i + 1]);
        if (far_more_used(c, 10)) return true;
      }
      // A letter left out or doubled inside a long word (lighweight, developping, customizeable)
      // is a slip when the word is fifty times as rare as the one it misses.
      if (w.size() < 9) return false;
      for (std::size_t i = 1; i + 1 < w.size(); ++i) {
        if (far_more_used(w.substr(0, i) + w.substr(i + 1), 50)) return true;
        for (char l = 'a'; l <= 'z'; ++l)
          if (far_more_used(w.substr(0, i) + l + w.substr(i), 50)) return true;
      }
      return false;
    };
    for (const std::string& w : debian.words) {
      const auto it = table.find(w);
      if (it != table.end() && (it->second.flags & wf::kMisspelling)) continue;
      if (common_slip(w)) {
        ++slips;
        if (std::getenv("LISTLINT_WORDS_SLIPS")) std::fprintf(stderr, "slip: %s\n", w.c_str());
        continue;
      }
      from_debian += mark(w);
    }
    std::string redundant;  // supplement words the descriptions already gave: to prune
    for (const std::string& w : read_supplement(argv[7])) {
      const bool added = mark(w);
      from_supplement += added;
      if (!added && !debian.words.empty()) redundant += " " + w;
    }
    if (!redundant.empty())
      std::printf("listlint-make-words: the package descriptions already have these words of %s:%s\n", argv[7], redundant.c_str());

    // Lay the table out: slots of blob offsets (0 = empty), then the entries.
    std::uint32_t nslots = 1;
    while (nslots < table.size() * 2) nslots <<= 1;
    std::vector<wf::Slot> slots(nslots, wf::Slot{0, 0});
    const std::uint32_t bloom_bits = 1u << 22;  // about ten bits per entry
    std::vector<unsigned char> bloom(bloom_bits / 8, 0);
    std::string blob(1, '\0');  // offset 0 means "empty"
    std::vector<std::pair<std::string, Entry>> sorted(table.begin(), table.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [word, e] : sorted) {
      const auto at = static_cast<std::uint32_t>(blob.size());
      blob += static_cast<char>(e.flags);
      blob += static_cast<char>(word.size());
      blob += word;
      if (e.flags & wf::kMisspelling) {
        blob += static_cast<char>(e.corrections.size() & 0xff);
        blob += static_cast<char>(e.corrections.size() >> 8);
        blob += e.corrections;
      }
      const std::uint32_t h = wf::hash(word);
      const wf::BloomBits bb = wf::bloom_bits_of(h, bloom_bits);
      for (std::uint32_t off : bb.offset) {
        const std::uint32_t bit = bb.block + off;
        bloom[bit >> 3] = static_cast<unsigned char>(bloom[bit >> 3] | (1u << (bit & 7)));
      }
      std::uint32_t s = h & (nslots - 1);
      while (slots[s].offset) s = (s + 1) & (nslots - 1);
      slots[s] = wf::Slot{at, h};
    }
    // The two-edit index: buckets by (first letter, length) of mask + word entries, sorted.
    std::vector<std::string> buckets(wf::kIndexBuckets);
    long indexed = 0;
    for (const auto& [word, e] : sorted) {
      if (!(e.flags & (wf::kCommon | wf::kTechnical)) || (e.flags & (wf::kNoSuggest | wf::kMisspelling))) continue;
      if (word.size() < wf::kIndexMin || word.size() > wf::kIndexMax) continue;
      if (!std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
      std::string& b = buckets[static_cast<std::size_t>(word[0] - 'a') * wf::kIndexLengths + (word.size() - wf::kIndexMin)];
      const std::uint32_t m = wf::letter_mask(word);
      for (int k = 0; k < 4; ++k) b += static_cast<char>((m >> (8 * k)) & 0xff);
      b += word;
      ++indexed;
    }
    std::string index((wf::kIndexBuckets + 1) * 4, '\0');
    auto put32 = [&](std::size_t at, std::uint32_t v) {
      for (int k = 0; k < 4; ++k) index[at + static_cast<std::size_t>(k)] = static_cast<char>((v >> (8 * k)) & 0xff);
    };
    for (std::size_t b = 0; b < buckets.size(); ++b) {
      put32(b * 4, static_cast<std::uint32_t>(index.size()));
      index += buckets[b];
    }
    put32(buckets.size() * 4, static_cast<std::uint32_t>(index.size()));

    const std::string out_path = argv[1];
    const std::string tmp = out_path + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      wf::Header hdr{};
      std::copy(std::begin(wf::kMagic), std::end(wf::kMagic), hdr.magic);
      hdr.slots = nslots;
      hdr.entries = static_cast<std::uint32_t>(table.size());
      hdr.blob_size = static_cast<std::uint32_t>(blob.size());
      hdr.bloom_bits = bloom_bits;
      hdr.index_size = static_cast<std::uint32_t>(index.size());
      out.write(reinterpret_cast<const char*>(&hdr), sizeof hdr);
      const std::string pad(wf::kBloomAt - sizeof hdr, '\0');  // the filter starts on a cache line
      out.write(pad.data(), static_cast<std::streamsize>(pad.size()));
      out.write(reinterpret_cast<const char*>(bloom.data()), static_cast<std::streamsize>(bloom.size()));
      out.write(reinterpret_cast<const char*>(slots.data()), static_cast<std::streamsize>(slots.size() * sizeof(wf::Slot)));
      out.write(blob.data(), static_cast<std::streamsize>(blob.size()));
      out.write(index.data(), static_cast<std::streamsize>(index.size()));
      if (!out) throw std::runtime_error(tmp + ": cannot write it");
    }
    if (std::rename(tmp.c_str(), out_path.c_str()) != 0) throw std::runtime_error(out_path + ": cannot rename into place");
    std::printf("listlint-make-words: %zu entries (%ld forms accepted by Hunspell, %ld expansions it rejected, %ld misspellings, %ld common words, %ld of them frequent)\n",
                table.size(), accepted, rejected, misspellings, common, frequent);
    std::printf("listlint-make-words: %ld technical words, %ld of them unknown to the dictionaries (%ld used by %zu+ of the %zu source packages"
                " of %zu package descriptions, %ld more from the supplement; %ld left out as slips on a far more used word);"
                " %ld words in the two-edit index (%zu bytes)\n",
                technical, technical_new, from_debian, kMinSources, debian.sources, debian.stanzas, from_supplement, slips, indexed,
                index.size());
  } catch (const std::exception& e) {
    std::cerr << "listlint-make-words: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
