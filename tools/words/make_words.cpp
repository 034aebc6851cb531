// Builds the typo rule's word table (share/listlint/words.bin) at build time:
//  - every word form of the Hunspell dictionaries (en_US, and en_GB marked apart), expanded from
//    their affix rules and kept only when Hunspell itself accepts it, so that a lookup at run
//    time is one hash probe with Hunspell's verdict;
//  - codespell's known misspellings with their corrections.
// The table is an open-addressing hash table meant to be mapped into memory: see
// lib/src/spelling/spelling.cpp for the reader and docs/rules/typo.md for the format's purpose.
//
//  - the common words (a plain word list: Debian's wamerican), marked, since a typo is far more
//    often a slip on a common word than on a rare one.
//
// Usage: listlint-make-words OUT US_PREFIX GB_PREFIX CODESPELL_DICTIONARY COMMON_WORDS
//   (US_PREFIX and GB_PREFIX without .aff/.dic; GB_PREFIX may be "-" to leave British out)

#include <hunspell/hunspell.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
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

}  // namespace

int main(int argc, char** argv) {
  namespace wf = listlint::words_format;
  if (argc != 6) {
    std::cerr << "usage: listlint-make-words OUT US_PREFIX GB_PREFIX|- CODESPELL_DICTIONARY COMMON_WORDS\n";
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
    long common = 0;
    {
      std::ifstream in(argv[5]);
      if (!in) throw std::runtime_error(std::string(argv[5]) + ": cannot read it");
      std::string w;
      while (std::getline(in, w)) {
        auto it = table.find(w);  // only words the dictionaries accept
        if (it == table.end() || !(it->second.flags & (wf::kUS | wf::kGB))) continue;
        it->second.flags |= wf::kCommon;
        ++common;
      }
    }
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
      for (std::uint32_t bit : {wf::bloom_a(h, bloom_bits), wf::bloom_b(h, bloom_bits)})
        bloom[bit >> 3] = static_cast<unsigned char>(bloom[bit >> 3] | (1u << (bit & 7)));
      std::uint32_t s = h & (nslots - 1);
      while (slots[s].offset) s = (s + 1) & (nslots - 1);
      slots[s] = wf::Slot{at, h};
    }
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
      out.write(reinterpret_cast<const char*>(&hdr), sizeof hdr);
      out.write(reinterpret_cast<const char*>(bloom.data()), static_cast<std::streamsize>(bloom.size()));
      out.write(reinterpret_cast<const char*>(slots.data()), static_cast<std::streamsize>(slots.size() * sizeof(wf::Slot)));
      out.write(blob.data(), static_cast<std::streamsize>(blob.size()));
      if (!out) throw std::runtime_error(tmp + ": cannot write it");
    }
    if (std::rename(tmp.c_str(), out_path.c_str()) != 0) throw std::runtime_error(out_path + ": cannot rename into place");
    std::printf("listlint-make-words: %zu entries (%ld forms accepted by Hunspell, %ld expansions it rejected, %ld misspellings, %ld common words)\n",
                table.size(), accepted, rejected, misspellings, common);
  } catch (const std::exception& e) {
    std::cerr << "listlint-make-words: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
