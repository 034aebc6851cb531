// typo: misspellings in prose, from codespell's list of known misspellings and a Hunspell
// dictionary, with the list's own vocabulary and a technical vocabulary to avoid crying wolf.

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "listlint/checking/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A word of prose: its bytes in the file (files are far below 4 GB). Eight bytes, since a list
// has a token for every ten bytes or so.
struct Token {
  std::uint32_t begin, end;
};

// Byte classes for the tokenizer: punctuation that may open or close a word, and characters
// that make a chunk code-like (digits, paths, e-mail addresses, entities, markup).
// (And, for the tokenizer's loops, spaces, letters and bytes beyond ASCII.)
enum : unsigned char { kOpen = 1, kClose = 2, kCode = 4, kSpace = 8, kLetter = 16, kHigh = 32 };
constexpr auto kClass = [] {
  std::array<unsigned char, 256> t{};
  for (unsigned char c : std::string_view("([{\"'*_~")) t[c] |= kOpen;
  for (unsigned char c : std::string_view(".,;:!?)]}\"'*_~")) t[c] |= kClose;
  for (unsigned char c : std::string_view("0123456789/\\@_=.:&#<>`+$%|~^*")) t[c] |= kCode;
  for (unsigned char c : std::string_view(" \t\n\r")) t[c] |= kSpace;
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] |= kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] |= kLetter;
  for (int c = 0x80; c < 0x100; ++c) t[static_cast<std::size_t>(c)] |= kHigh;
  return t;
}();
inline unsigned char byte_class(char c) { return kClass[static_cast<unsigned char>(c)]; }

// Words of prose in one text run, each handed to `emit(word, begin, end)`: the word as written (a
// view of `s`), or with its curly apostrophes made straight (a view valid during the call only),
// and its bytes, `base` being where `s` starts. A "chunk" is a stretch without spaces; chunks that
// look like code, paths, versions, e-mail addresses or entities are skipped whole.
// Lowercase words shorter than `min_keep` are left out (no layer checks them, and they are half of
// all words); capitalised ones stay, since they tell names apart ("Xiang Li").
template <class Emit>
void tokenize(std::string_view s, std::size_t base, std::size_t min_keep, Emit&& emit) {
  std::string straight;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (byte_class(s[i]) & kSpace)) ++i;
    std::size_t j = i;
    // (The classes any byte of the chunk has, and those every byte has: most chunks hold no
    // code-like byte at all, and most are letters alone.)
    unsigned char classes = 0, every = 0xFF;
    for (unsigned char cls; j < s.size() && !((cls = byte_class(s[j])) & kSpace); ++j) classes |= cls, every &= cls;
    std::string_view chunk = s.substr(i, j - i);
    if (j > i && (every & kLetter)) {  // (a chunk of letters alone: one word)
      if (j - i >= min_keep || (chunk[0] >= 'A' && chunk[0] <= 'Z'))
        emit(chunk, static_cast<std::uint32_t>(base + i), static_cast<std::uint32_t>(base + j));
      i = j;
      continue;
    }
    // Trailing and leading punctuation does not make a chunk code-like.
    std::size_t cb = 0, ce = chunk.size();
    while (cb < ce && (byte_class(chunk[cb]) & kOpen)) ++cb;
    while (ce > cb && (byte_class(chunk[ce - 1]) & kClose)) --ce;
    const std::string_view core = chunk.substr(cb, ce - cb);
    bool skip = core.empty();
    for (std::size_t k = 0; (classes & (kCode | kHigh)) && k < core.size() && !skip; ++k) {
      const unsigned char cls = byte_class(core[k]);
      if (!(cls & (kCode | kHigh))) continue;
      if (cls & kCode)
        skip = true;
      else if (!(core.compare(k, 3, "\xE2\x80\x99") == 0 && k > 0))
        skip = true;  // non-ASCII letters: the dictionary is English
      else
        k += 2;
    }
    if (!skip) {
      // Split on hyphens and slashes into words; keep inner apostrophes ("don't", "model's").
      std::size_t k = 0;
      const std::size_t off = i + cb;
      while (k < core.size()) {
        while (k < core.size() && !(byte_class(core[k]) & kLetter)) ++k;
        std::size_t e = k;
        bool curly = false;
        while (e < core.size()) {
          if (byte_class(core[e]) & kLetter) { ++e; continue; }
          if (core[e] == '\'' && e + 1 < core.size() && letter(core[e + 1])) { ++e; continue; }
          if (core.compare(e, 3, "\xE2\x80\x99") == 0 && e + 3 < core.size() && letter(core[e + 3])) { curly = true; e += 3; continue; }
          break;
        }
        if (e > k && (e - k >= min_keep || (core[k] >= 'A' && core[k] <= 'Z'))) {
          std::string_view word = core.substr(k, e - k);
          if (curly) {
            straight.assign(word);
            for (std::size_t p; (p = straight.find("\xE2\x80\x99")) != std::string::npos;) straight.replace(p, 3, "'");
            word = straight;
          }
          emit(word, static_cast<std::uint32_t>(base + off + k), static_cast<std::uint32_t>(base + off + e));
        }
        k = e + 1;
      }
    }
    i = j;
  }
}

bool identifier_like(std::string_view w) {
  for (std::size_t i = 1; i < w.size(); ++i)
    if (w[i] >= 'A' && w[i] <= 'Z') return true;
  return false;
}

// What separates the items of an enumeration ("slack, mattermost and smtp", "Zoom or WebEx").
bool enumeration_separator(std::string_view between) {
  return between == ", " || between == " and " || between == " or " || between == ", and " || between == ", or " ||
         between == " & " || between == "/";
}

// A name written in CamelCase: capitals inside a word of lowercase letters (AhaSlides, WebEx).
bool camel_case(std::string_view w) {
  bool lower = false;
  for (char c : w) lower |= c >= 'a' && c <= 'z';
  for (std::size_t i = 1; lower && i < w.size(); ++i)
    if (w[i] >= 'A' && w[i] <= 'Z' && w[i - 1] >= 'a' && w[i - 1] <= 'z') return true;
  return false;
}

std::string_view base_word(std::string_view w) {
  // "model's" -> "model", "lists'" never reaches here (quotes are trimmed).
  if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.remove_suffix(2);
  return w;
}

// British spellings of US words: colour, optimisation, analyse, centre, travelled. (`name`: the
// word is capitalised, where a -tre spelling is a name's as likely as a British word's: Petre.)
bool british_of_known(const std::string& lw, const Speller& sp, bool name = false) {
  auto try_replace = [&](std::string_view from, std::string_view to) {
    const std::size_t p = lw.rfind(from);
    if (p == std::string::npos) return false;
    std::string us = lw;
    us.replace(p, from.size(), to);
    return sp.known(us);
  };
  // (-tre at the word's end or before its -s or -d, where en_GB writes the word so, or in a
  // name: centre, centres, centred; "trems" is no British terms, "rostre" no roster.)
  auto british_tre = [&] {
    const std::size_t p = lw.rfind("tre");
    if (p == std::string::npos || !(p + 3 == lw.size() || (p + 4 == lw.size() && (lw.back() == 's' || lw.back() == 'd')))) return false;
    if (!name && !sp.known_alt(lw.substr(0, p + 3))) return false;
    // (centred: centered, the US -ed after -er.)
    return lw.back() == 'd' ? sp.known(lw.substr(0, p) + "tered") : try_replace("tre", "ter");
  };
  return try_replace("our", "or") || try_replace("isation", "ization") || try_replace("ise", "ize") ||
         try_replace("ising", "izing") || try_replace("yse", "yze") || british_tre() ||
         try_replace("lled", "led") || try_replace("lling", "ling") || try_replace("ogue", "og") ||
         try_replace("ence", "ense");
}

// Derived forms en_US lacks, of words it knows: lookups, datatypes, serializer, precompiled,
// subfields, lockless, natively, theming, bootstrapper. The stem must have 4 letters or more and
// be a common or technical word: a form of a rare one is rarer than a slip on a common word
// (palpers: papers, not palp; cerating: creating, not cerate; praser: parser, not prase).
bool derived_from_known(const std::string& w, const Speller& sp) {
  // (Nor a plural: "baased" is no baas-ed but based. A British spelling is no common word of
  // the US list, and a stem all the same: favourited.)
  auto known_stem = [&](const std::string& stem) {
    return stem.size() >= 4 && (sp.common_or_technical(stem) || (sp.known_alt(stem) && !sp.known(stem))) &&
           !(stem.back() == 's' && sp.known(stem.substr(0, stem.size() - 1)));
  };
  auto ends = [&](std::string_view suf) { return w.size() > suf.size() && w.compare(w.size() - suf.size(), suf.size(), suf) == 0; };
  auto cut = [&](std::size_t n) { return w.substr(0, w.size() - n); };
  // (A plural is made of any word the dictionaries know: misconfigurations.)
  auto plural_stem = [&](const std::string& stem) {
    return stem.size() >= 4 && (sp.known(stem) || sp.known_alt(stem) || sp.technical(stem));
  };
  if (ends("s") && !ends("ss") && plural_stem(cut(1))) return true;  // (not "contextss")
  // (-es after s, x, z, ch, sh or o only: "notees" is no plural of note.)
  if (ends("es")) {
    const std::string stem = cut(2);
    const char b = stem.empty() ? ' ' : stem.back();
    if ((b == 's' || b == 'x' || b == 'z' || b == 'o' || (stem.size() >= 2 && b == 'h' && (stem[stem.size() - 2] == 'c' || stem[stem.size() - 2] == 's'))) &&
        plural_stem(stem))
      return true;
  }
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  // A short stem ending consonant, vowel, consonant doubles its last letter before a suffix
  // that starts with a vowel (stun: stunning, so "stuning" is no form of it); only such a stem
  // does ("foldders" is no form of fold).
  auto cvc = [&](std::string_view st) {
    const std::size_t n = st.size();
    return n >= 3 && !vowel(st[n - 1]) && st[n - 1] != 'w' && st[n - 1] != 'x' && st[n - 1] != 'y' && vowel(st[n - 2]) &&
           !vowel(st[n - 3]);
  };
  for (std::string_view suf : {"ed", "er", "ers", "ing", "able", "ly", "less", "ness", "ize", "izes", "ized", "ization"}) {
    if (!ends(suf)) continue;
    const std::string stem = cut(suf.size());
    // "archiveed" is no form of archive: English drops the e before -ed, -er, -ing, -able.
    if (!stem.empty() && stem.back() == 'e' && suf[0] != 'l' && suf[0] != 'n' && suf != "less") continue;
    const bool vowel_suffix = vowel(suf[0]);
    if ((known_stem(stem) && !(vowel_suffix && stem.size() <= 4 && cvc(stem))) || known_stem(stem + "e")) return true;
    if (stem.size() >= 2 && stem.back() == stem[stem.size() - 2] && vowel_suffix && cvc(stem.substr(0, stem.size() - 1)) &&
        known_stem(stem.substr(0, stem.size() - 1)))
      return true;
  }
  if (ends("r") && w[w.size() - 2] == 'e' && known_stem(cut(1))) return true;    // serialize-r
  if (ends("d") && w[w.size() - 2] == 'e' && known_stem(cut(1))) return true;    // debounce-d
  // A prefix the word has only because of a slip in it is no prefix: "co-snider" is consider with
  // two letters swapped, "co-asses" classes with one changed (a common word of the same length
  // that differs from the word at or before the prefix's end). Worked out when first needed.
  std::size_t slip_reach = std::string::npos;  // npos: not yet; 0: no such word; else its first difference + 1
  auto prefix_by_slip = [&](std::size_t pre_size) {
    if (slip_reach == std::string::npos) {
      slip_reach = 0;
      for (const std::string& c : sp.suggest(w)) {
        if (c.size() != w.size() || !sp.common(c)) continue;
        std::size_t d = 0;
        while (d < w.size() && (c[d] | 0x20) == w[d]) ++d;
        slip_reach = std::max(slip_reach, d + 1);
      }
    }
    return slip_reach > 0 && slip_reach - 1 <= pre_size;
  };
  for (std::string_view pre : {"pre", "re", "sub", "un", "de", "multi", "non", "co", "inter", "micro", "auto", "self"}) {
    // The rest must be a common word of five letters or more: "re-corf" and "co-sing" are slips
    // on record and closing.
    // (The suggestions prefix_by_slip reads are asked for last, only of a word they decide.)
    if (w.size() < pre.size() + 4 || w.compare(0, pre.size(), pre) != 0) continue;
    const std::string_view rest = std::string_view(w).substr(pre.size());
    const bool word_rest =
        (rest.size() >= 5 && (sp.common(rest) || (rest.size() > 5 && rest.back() == 's' && sp.common(rest.substr(0, rest.size() - 1))))) ||
        (sp.technical(rest) && !sp.known(rest));  // un-gzip: a technical word the dictionary lacks
    if (word_rest && !prefix_by_slip(pre.size())) return true;
  }
  return false;
}

// Two common words written as one, each of `least` letters or more (four: leaderboards, lookback),
// or the first of `least` and the second of `least_second` (play-out, with 4 and 3).
bool compound_of_common(std::string_view w, const Speller& sp, std::size_t least = 4, std::size_t least_second = 0) {
  if (least_second == 0) least_second = least;
  for (std::size_t cut = least; cut + least_second <= w.size(); ++cut)
    if (sp.common(w.substr(0, cut)) && sp.common(w.substr(cut))) return true;
  return false;
}

// Where a word and its suggestion differ: the letters they share at the start and at the end.
struct EditSpan {
  std::size_t pre = 0, suf = 0;
};
EditSpan edit_span(std::string_view a, std::string_view b) {
  EditSpan e;
  while (e.pre < a.size() && e.pre < b.size() && a[e.pre] == b[e.pre]) ++e.pre;
  while (e.suf < a.size() && e.suf < b.size() && a[a.size() - 1 - e.suf] == b[b.size() - 1 - e.suf]) ++e.suf;
  return e;
}

// Is `a` one edit from `b`: a letter deleted, inserted or replaced, or two neighbours swapped?
bool one_edit(std::string_view a, std::string_view b) {
  if (a == b || (a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > 1) return false;
  const auto [pre, suf] = edit_span(a, b);
  // (A letter put in: the shorter word is the longer one's start and end, which may overlap.)
  if (a.size() != b.size()) return pre + suf >= std::min(a.size(), b.size());
  const std::size_t n = a.size();
  if (pre + suf + 1 == n) return true;  // one letter replaced
  return pre + suf + 2 == n && a[pre] == b[pre + 1] && a[pre + 1] == b[pre];  // two neighbours swapped
}

// Is `lw` `lbest` with two neighbouring letters swapped (Isntruct, understandign)?
bool swapped_pair(std::string_view lw, std::string_view lbest) {
  if (lw.size() != lbest.size()) return false;
  const auto [pre, suf] = edit_span(lw, lbest);
  return pre + suf + 2 == lw.size() && lw[pre] == lbest[pre + 1] && lw[pre + 1] == lbest[pre];
}

// A slip inside a common word, where names are seldom made: two letters swapped in a word of five
// letters or more, not the first two unless it has six (Baesd, Alnguage); or one edit in a word of
// seven or more (the suggestion six or more), not on the first two letters (the first may change
// in a word of nine or more, by substitution: Tocumentation) nor the last, the word not two common
// words joined (Win-sock).
bool interior_slip(std::string_view lw, std::string_view lbest, bool two_edits, const Speller& sp) {
  if (two_edits || lw.size() < 5 || lbest.size() < 5 || !sp.common(lbest)) return false;
  const auto [pre, suf] = edit_span(lw, lbest);
  if (swapped_pair(lw, lbest) && (pre >= 1 || lw.size() >= 6)) return true;
  if (lw.size() < 7 || lbest.size() < 6) return false;
  if ((pre < 2 && !(pre == 0 && lw.size() >= 9 && lw.size() == lbest.size())) || suf < 1) return false;
  return !compound_of_common(lw, sp, 3);
}

// Are `a` and `b` the same common word of four letters or more joined to two different common
// words of five letters or more (fire-store and fire-storm)? (A slip often makes a short word by
// chance: mark-own for mark-down, net-wok for net-work.)
bool same_head_compounds(std::string_view a, std::string_view b, const Speller& sp) {
  for (std::size_t cut = 4; cut + 5 <= a.size() && cut + 5 <= b.size(); ++cut) {
    if (a.compare(0, cut, b.substr(0, cut)) != 0) break;
    if (sp.common(a.substr(0, cut)) && sp.common(a.substr(cut)) && sp.common(b.substr(cut))) return true;
  }
  return false;
}

// Is `lw` `lbest` with one of its letters doubled (Conf-fusion)?
bool doubled_letter(std::string_view lw, std::string_view lbest) {
  if (lw.size() != lbest.size() + 1) return false;
  const std::size_t pre = edit_span(lw, lbest).pre;
  return pre < lw.size() && ((pre > 0 && lw[pre] == lw[pre - 1]) || (pre + 1 < lw.size() && lw[pre] == lw[pre + 1]));
}

// A slip two letters or more from either end of a word of seven letters or more, and not a
// letter doubled (Conf-fusion is a pun).

bool deep_slip(std::string_view lw, std::string_view lbest) {
  if (lw.size() < 7) return false;
  const auto [pre, suf] = edit_span(lw, lbest);
  return pre >= 2 && suf >= 2 && !doubled_letter(lw, lbest);
}

// Does the word start or end with a dictionary or technical word that is at least half of it
// and five letters or more (preempt-ible, py-project, text-graphs, tailwind-css)?
bool made_of_a_word(std::string_view lw, const Speller& sp) {
  const std::size_t least = std::max<std::size_t>(5, (lw.size() + 1) / 2);
  for (std::size_t n = least; n < lw.size(); ++n) {
    const std::string_view head = lw.substr(0, n), tail = lw.substr(lw.size() - n);
    if (sp.known(head) || sp.technical(head) || sp.known(tail) || sp.technical(tail)) return true;
  }
  return false;
}

// Is the word where a sentence, cell, heading or list item starts (where capitals are normal)?
bool sentence_start(std::string_view src, std::size_t at) {
  std::size_t p = at;
  auto opening = [](char c) { return c == ' ' || c == '\t' || c == '*' || c == '_' || c == '"' || c == '\'' || c == '(' || c == '['; };
  while (p > 0 && opening(src[p - 1])) --p;
  if (p == 0 || src[p - 1] == '\n' || src[p - 1] == '\r') return true;
  const char c = src[p - 1];
  if (c == '.') {
    // "Gustavo A. Hoffmann", "Dr. Who", "e.g. Foo": an initial or abbreviation ends no sentence.
    std::size_t q = p - 1;
    while (q > 0 && letter(src[q - 1])) --q;
    const std::string_view before = src.substr(q, p - 1 - q);
    static const char* kAbbrev[] = {"Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Prof", "vs", "al", "etc", "eg", "ie", "No", "Vol", "Ed", "ed"};
    if (before.size() == 1) return false;
    for (const char* a : kAbbrev)
      if (before == a) return false;
    return true;
  }
  if (c == '|' || c == '#' || c == '!' || c == '?' || c == ':' || c == '>') return true;
  if (c == '-' || c == '+' || c == '*') {  // a list marker alone at the start of its line
    std::size_t q = p - 1;
    while (q > 0 && (src[q - 1] == ' ' || src[q - 1] == '\t')) --q;
    if (q == 0 || src[q - 1] == '\n') return true;
    // An entry's description after its " - " or " – " separator: "[equalizer](...) - Quota manager".
    return c == '-' && p >= 2 && src[p - 2] == ' ' && p < src.size() && src[p] == ' ';
  }
  if (p >= 3 && p < src.size() && src[p] == ' ' &&
      (src.compare(p - 3, 3, "\xE2\x80\x93") == 0 || src.compare(p - 3, 3, "\xE2\x80\x94") == 0))
    return true;  // after "– " or "— "
  return false;
}

// Function words, for telling English prose from prose in another language by the text's own
// evidence: the dictionary is English, so a run (or a whole file) whose function words are mostly
// Spanish, French, Portuguese, Italian or German is not checked. Words that are function words
// in English too ("a", "in", "die") are in neither set.
// A word of up to eight ASCII letters as one number.
constexpr std::uint64_t pack(std::string_view w) {
  std::uint64_t k = 0;
  for (char c : w) k = (k << 8) | static_cast<unsigned char>(c);
  return k;
}
// Both sets in one table of packed words, looked up with one multiplication and a probe or two
// (every lowercase word of six letters or fewer of a list's text is asked about): open
// addressing, 128 slots for 73 words, each slot a word and its kind.
enum FunctionWord : std::uint8_t { kNotFunction = 0, kEnglishFunction = 1, kForeignFunction = 2 };
struct FunctionSlot {
  std::uint64_t key = 0;
  FunctionWord kind = kNotFunction;
};
constexpr std::size_t function_slot(std::uint64_t key) { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 57); }
constexpr auto kFunctionWords = [] {
  constexpr std::string_view english[] = {"the", "and", "of", "to", "for", "with", "is", "on", "are",
                                          "this", "that", "from", "by", "an", "or", "it", "be", "as",
                                          "at", "you", "your", "which", "its", "was", "can", "has"};
  constexpr std::string_view foreign[] = {
      "de", "la", "el", "los", "las", "del", "para", "con", "una", "por", "que", "en", "es", "y", "le", "les",
      "des", "est", "une", "du", "pour", "dans", "sur", "avec", "di", "il", "che", "della", "per", "und", "das",
      "mit", "ist", "nicht", "ein", "eine", "der", "um", "uma", "do", "da", "dos", "como", "sobre", "se", "lo",
      "su"};
  std::array<FunctionSlot, 128> t{};
  auto put = [&](std::string_view w, FunctionWord kind) {
    std::size_t i = function_slot(pack(w));
    for (; t[i].key != 0; i = (i + 1) % t.size())
      if (t[i].key == pack(w)) throw "a word in both sets";  // (at compile time: the build fails)
    t[i] = {pack(w), kind};
  };
  for (std::string_view w : english) put(w, kEnglishFunction);
  for (std::string_view w : foreign) put(w, kForeignFunction);
  return t;
}();
FunctionWord function_word(std::string_view w) {
  if (w.empty()) return kNotFunction;
  const std::uint64_t key = pack(w);  // (of a longer word, its last eight bytes: no function word unless NULs precede them)
  for (std::size_t i = function_slot(key);; i = (i + 1) % kFunctionWords.size()) {
    if (kFunctionWords[i].key == key) return kFunctionWords[i].kind;
    if (kFunctionWords[i].key == 0) return kNotFunction;
  }
}
bool english_function_word(std::string_view w) { return function_word(w) == kEnglishFunction; }

// Counts English and foreign function words in `s`: lowercase ASCII words only ("Li", "Su" and
// "Da" are surnames; "et al." is English usage).
// (Each run of ASCII letters is a word; one of six letters or fewer, in lowercase, with no byte
// beyond ASCII on either side, is looked up.)
void count_function_words(std::string_view s, int& english, int& foreign) {
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    if (!(byte_class(s[i]) & kLetter)) {
      ++i;
      continue;
    }
    const std::size_t b = i;
    bool lower = true;
    for (; i < n && (byte_class(s[i]) & kLetter); ++i) lower &= s[i] >= 'a';
    if (i - b <= 6 && lower && (i == n || static_cast<unsigned char>(s[i]) < 0x80) &&
        (b == 0 || static_cast<unsigned char>(s[b - 1]) < 0x80)) {
      const FunctionWord kind = function_word(s.substr(b, i - b));
      english += kind == kEnglishFunction;
      foreign += kind == kForeignFunction;
    }
  }
}

// Is the text around `at` (three words either side, on its line) in another language: two
// foreign function words or more and no English one ("La plus grande API de Blagues")?
bool foreign_near(std::string_view src, std::size_t at) {
  std::size_t b = at, e = at;
  for (int words = 0; b > 0 && at - b < 200 && src[b - 1] != '\n' && words <= 3; --b)
    if (src[b - 1] == ' ' && b < at && src[b] != ' ') ++words;
  for (int words = 0; e < src.size() && e - at < 200 && src[e] != '\n' && words <= 3; ++e)
    if (src[e] == ' ' && e > at && src[e - 1] != ' ') ++words;
  std::string lowered(src.substr(b, e - b));
  for (char& c : lowered)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  int english = 0, foreign = 0;
  count_function_words(lowered, english, foreign);
  return foreign >= 2 && english == 0;
}

// Lists of people's names: a word is in one when its comma-separated piece of the line is two to
// four capitalised words ("Amit H. Bermano", "Jean-bastien Grill"), and the line has at least
// three such pieces. Authors' given names are often a word with one letter more or less (Shuting,
// Shiping, Sigal). Read in two steps, so that the rule reads each line's pieces once however many
// of its words it asks about: `author_line` finds the line, `author_names` its names.
// The line around `at`, [b, e): false when the word is more than 2,000 bytes from either end of it
// (lines of names are short: a 100 MB line costs no more).
bool author_line(std::string_view src, std::size_t at, std::size_t& b, std::size_t& e) {
  const std::size_t lo = at > 2000 ? at - 2000 : 0, hi = std::min(src.size(), at + 2000);
  b = src.substr(lo, at - lo).rfind('\n');
  if (b == std::string_view::npos && lo > 0) return false;
  b = b == std::string_view::npos ? 0 : lo + b + 1;
  e = src.substr(at, hi - at).find('\n');
  if (e == std::string_view::npos && hi < src.size()) return false;
  e = e == std::string_view::npos ? src.size() : at + e;
  return true;
}

// The names of the line [b, e), as byte ranges of `src`, when it is a list of names (three pieces
// of names or more); none otherwise.
std::vector<std::pair<std::size_t, std::size_t>> author_names(std::string_view src, std::size_t b, std::size_t e) {
  const std::string_view line = src.substr(b, e - b);
  // The names of a piece, or an empty view when it is no list of names.
  auto name_piece = [](std::string_view piece) -> std::string_view {
    // What comes before the names in the first piece: "[**Title.**](url) _Shuting Pan", "Team: Alex Li".
    // (The end first: "Thomas Chambon* \\" closes the emphasis the names are in, and "David
    // Grangier._ TACL 2021." ends where it closes.)
    for (std::size_t k = 1; k < piece.size(); ++k)
      if ((piece[k] == '_' || piece[k] == '*') && (letter(piece[k - 1]) || piece[k - 1] == '.') &&
          (k + 1 == piece.size() || piece[k + 1] == ' ')) {
        piece = piece.substr(0, k);
        break;
      }
    while (!piece.empty() && std::string_view(" \t*_.)]\\").find(piece.back()) != std::string_view::npos) piece.remove_suffix(1);
    if (const std::size_t cut = piece.find_last_of("_*)]:"); cut != std::string_view::npos) piece.remove_prefix(cut + 1);
    while (!piece.empty() && std::string_view(" \t*_([").find(piece.front()) != std::string_view::npos) piece.remove_prefix(1);
    if (piece.rfind("and ", 0) == 0) piece.remove_prefix(4);
    int words = 0;
    for (std::size_t i = 0; i < piece.size();) {
      while (i < piece.size() && piece[i] == ' ') ++i;
      if (i >= piece.size()) break;
      const unsigned char c = static_cast<unsigned char>(piece[i]);
      if (!((c >= 'A' && c <= 'Z') || c >= 0x80)) return {};
      while (i < piece.size() && piece[i] != ' ') {
        const unsigned char d = static_cast<unsigned char>(piece[i]);
        if (!(letter(static_cast<char>(d)) || d >= 0x80 || d == '-' || d == '.' || d == '\'')) return {};
        ++i;
      }
      ++words;
    }
    return words >= 2 && words <= 4 ? piece : std::string_view{};
  };
  std::vector<std::pair<std::size_t, std::size_t>> names;
  for (std::size_t p = 0; p <= line.size();) {
    std::size_t q = util::find_any(line, ",;", p);
    if (q == std::string_view::npos) q = line.size();
    if (const std::string_view piece = name_piece(line.substr(p, q - p)); !piece.empty()) {
      const std::size_t nb = b + static_cast<std::size_t>(piece.data() - line.data());
      names.emplace_back(nb, nb + piece.size());
    }
    p = q + 1;
  }
  if (names.size() < 3) names.clear();
  return names;
}

// Is a run of link text or a heading prose: two words or more, of which at most one in three
// (and one in any case) is not a common word ("Trsuted Builds", "Evaulation Datasets")? One word
// ("Qwen", "Marketig") or several unknown ones ("Shiping Yang", "LLaVA NeXT") name something.
// Words of one or two letters and numbers do not count either way.
// A lead byte of Chinese, Japanese or Korean (U+3000-U+D7FF): the text's own language where it
// stands apart from a word, a name where it is written against one (prose_like, foreign_beside).
bool cjk_lead(unsigned char c) { return c >= 0xE3 && c <= 0xED; }

template <class CommonOrTechnical>
bool prose_like(std::string_view s, CommonOrTechnical&& common_or_technical, int min_words) {
  int words = 0, unknown = 0;
  for (std::size_t i = 0; i < s.size();) {
    while (i < s.size() && !letter(s[i])) {
      // Another script (Cyrillic, accents) holds names; emoji and symbols (U+2xxx, and beyond
      // U+FFFF: lead bytes E2 and F0-F4) are decoration ("## 🚀 Applications"). Chinese,
      // Japanese and Korean (U+3000-U+D7FF: lead bytes E3-ED) set apart by a space or
      // punctuation are the text's own language beside its English terms ("### 计算机视觉 -
      // Object Detection"); written against a Latin letter they make a name ("Transformer杀入").
      const auto c = static_cast<unsigned char>(s[i]);
      if (cjk_lead(c)) {
        if ((i > 0 && letter(s[i - 1])) || (i + 3 < s.size() && letter(s[i + 3]))) return false;
        i += 3;
        continue;
      }
      if (c >= 0xC0 && c != 0xE2 && c < 0xF0) return false;
      ++i;
    }
    std::size_t j = i;
    while (j < s.size() && (letter(s[j]) || s[j] == '\'')) ++j;
    if (j - i >= 3 && !identifier_like(s.substr(i, j - i))) {  // acronyms and CamelCase (PRM, MLLMs) are neither
      ++words;
      char buf[64];
      const std::size_t n = std::min<std::size_t>(j - i, sizeof buf);
      for (std::size_t k = 0; k < n; ++k) buf[k] = static_cast<char>(s[i + k] | 0x20);  // letters and '
      // A common word ("builds"), not a name the dictionary knows ("Yang", "Shiping Yang").
      if (!common_or_technical(std::string_view(buf, n))) ++unknown;
    } else if (j < s.size() && static_cast<unsigned char>(s[j]) >= 0xC0 && static_cast<unsigned char>(s[j]) != 0xE2 &&
               static_cast<unsigned char>(s[j]) < 0xF0) {
      return false;
    }
    i = j == i ? i + 1 : j;
  }
  // (At most one word in three that is not a common word, and one in any case: a title of six
  // words may hold a term and a slip, "Towards Open-vocabulary Detection using Uncurated Imgaes".)
  return words >= min_words && unknown <= std::max(1, words / 3);
}

// Is codespell's one correction of `lw` unsafe to apply without reading the sentence?
// - The word is the regular plural of a dictionary word whose plural is irregular ("lifes": "still
//   lifes" is right, "leafs" of a tree structure, "mouses"): the slip is likely, the fix is not
//   certain.
// - The correction is a contraction and the next word is a verb ("theres is" would become
//   "there's is"): the writer meant "there is", and the fix would make a new error.
bool ambiguous_fix(std::string_view lw, std::string_view correction, std::string_view after, const Speller& sp) {
  auto ends = [&](std::string_view suf) { return lw.size() > suf.size() + 2 && lw.substr(lw.size() - suf.size()) == suf; };
  if ((ends("s") && sp.known(lw.substr(0, lw.size() - 1))) || (ends("es") && sp.known(lw.substr(0, lw.size() - 2)))) return true;
  if (correction.find('\'') != std::string_view::npos) {
    std::size_t i = 0;
    while (i < after.size() && (after[i] == ' ' || after[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < after.size() && letter(after[j])) ++j;
    std::string next(after.substr(i, j - i));
    util::lower_inplace(next);
    for (const char* verb : {"is", "are", "was", "were", "has", "have", "had", "will", "would", "am", "does", "did"})
      if (next == verb) return true;
  }
  return false;
}

// Is `lw` (the word at [b, e), lowercase) written again on its line, in any letter case, within
// a URL or another word?
bool on_line_again(std::string_view src, std::size_t b, std::size_t e, std::string_view lw,
                   const std::vector<std::string>& corrections) {
  std::size_t lb = src.rfind('\n', b);
  lb = lb == std::string_view::npos ? 0 : lb + 1;
  std::size_t le = src.find('\n', e);
  if (le == std::string_view::npos) le = src.size();
  if (le - lb > 20000) return false;  // no prose line of names
  std::string line(src.substr(lb, le - lb));
  util::lower_inplace(line);
  // Another occurrence counts as a whole word ("gost-engine" beside "[gost-crypto]"), or inside a
  // URL, path or identifier ("noelrappin.com"), not inside a word of prose ("whic" in "which").
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (std::size_t p = line.find(lw); p != std::string::npos; p = line.find(lw, p + 1)) {
    if (lb + p == b) continue;
    // (Not where a longer right word is written: "whic" in "whichjdk.com"; "freee" in
    // corp.freee.co.jp is the name, "free" shorter.)
    if (std::any_of(corrections.begin(), corrections.end(), [&](const std::string& c) {
          std::string lc = c;
          util::lower_inplace(lc);
          return lc.size() > lw.size() && line.compare(p, lc.size(), lc) == 0;
        }))
      continue;
    const std::size_t pe = p + lw.size();
    if ((p == 0 || !alpha(line[p - 1])) && (pe >= line.size() || !alpha(line[pe]))) return true;
    std::size_t cb = p, ce = pe;
    while (cb > 0 && line[cb - 1] != ' ' && line[cb - 1] != '(' && line[cb - 1] != '[') --cb;
    while (ce < line.size() && line[ce] != ' ' && line[ce] != ')' && line[ce] != ']') ++ce;
    const std::string_view chunk = std::string_view(line).substr(cb, ce - cb);
    if (chunk.find_first_of("/._@") != std::string_view::npos) return true;
  }
  return false;
}

// Is the word at `at` in the credits at the end of an entry: after " - " or "by ", up to the end
// of the line or a parenthesis, names only, comma- or "and"-separated ("- Peter Flach", "by
// Martin Odersky, Lex Spoon, and Bill Venners", "- Chris Burke and Clifford Reiter (PDF)"); or a
// name before "et al" ("*Rowan Zellers et al.*")?
bool in_credits(std::string_view src, std::size_t at, const Speller& sp, bool dash_credits) {
  // (Credits are on a line that starts at most 2,000 bytes before the word: read no further back.)
  std::size_t lb = at;
  while (lb > 0 && at - lb <= 2000 && src[lb - 1] != '\n') --lb;
  if (at - lb > 2000) return false;
  std::size_t le = src.find('\n', at);
  if (le == std::string_view::npos) le = src.size();
  const std::string_view before = src.substr(lb, at - lb);
  // (A heading names a section, not its authors: "### Computer Vision - Object Detection".)
  if (const std::size_t lead = before.find_first_not_of(" \t>"); lead != std::string_view::npos && before[lead] == '#') return false;
  const std::size_t dash = before.rfind(" - "), by = before.rfind(" by ");
  std::size_t from = std::string_view::npos;
  // (Not a list marker: "  - [Prompt Tuning](...)".)
  if (dash != std::string_view::npos && before.find_first_not_of(" \t>") < dash) from = dash + 3;
  bool after_by = false;
  if (by != std::string_view::npos && (from == std::string_view::npos || by + 4 > from)) from = by + 4, after_by = true;
  // Words of a name: capitalised, and a proper noun (Peter, Chris) or no dictionary word (Flach);
  // initials (D., Br.) and particles (de, van). A common word (Web, Framework) makes a title.
  // ("Jeff Brown": one common word is a surname beside a name.)
  // The word asked about is no evidence of a name, being unknown: beside it, another word must be
  // a name's, not an initial, an acronym or a common word ("Flavio Copes", but "Financial
  // Servicse", "Tutorrials Point", "**Contributiob**" are no credits).
  auto names_only = [&sp, src, at](std::string_view piece, int max_words, bool alone = false) {
    int words = 0, common = 0, evidence = 0;
    bool asked = false;
    for (std::size_t i = 0; i < piece.size();) {
      while (i < piece.size() && (piece[i] == ' ' || piece[i] == '*' || piece[i] == '_')) ++i;
      if (i >= piece.size()) break;
      std::size_t j = i;
      while (j < piece.size() && piece[j] != ' ') ++j;
      std::string_view w = piece.substr(i, j - i);
      const bool dotted = !w.empty() && w.back() == '.';
      while (!w.empty() && (w.back() == '*' || w.back() == '_' || w.back() == '.')) w.remove_suffix(1);
      const bool particle = w == "and" || w == "de" || w == "van" || w == "von" || w == "der" || w == "da" || w == "di";
      if (!particle && (w.empty() || !((w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) >= 0x80))) return false;
      // (A common word: the dictionary knows it, not as a proper noun. Asked once per word.)
      int known_common = -1;
      auto common_word = [&] {
        if (known_common < 0) {
          std::string lw(w);
          util::lower_inplace(lw);
          known_common = sp.known(w) && !sp.proper_noun(lw);
        }
        return known_common == 1;
      };
      const bool counted_common = !particle && w.size() > 3 && static_cast<unsigned char>(w[0]) < 0x80 && common_word();
      if (counted_common && ++common > 1) return false;
      const auto wb = static_cast<std::size_t>(w.data() - src.data());
      if (wb <= at && at < wb + std::max<std::size_t>(w.size(), 1)) {
        asked = true;
      } else if (!particle && !counted_common && w.size() >= 2 && !(dotted && w.size() <= 3) &&  // (Br.: an initial)
                 std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        // (The, For: no name, even where the dictionary knows the word as a title's.)
        std::string lw(w);
        util::lower_inplace(lw);
        evidence += !common_word() && !english_function_word(lw);
      }
      if (!particle && ++words > max_words) return false;
      i = j;
    }
    return words > common && (!asked || evidence > 0 || (alone && words == 1));
  };
  if (from != std::string_view::npos) {
    std::string_view tail = src.substr(lb + from, le - lb - from);
    // (One word that ends the line after " - " or "by " is a name: "- Alarmy". One before more
    // text is a description's first word: "- Funtcional (F#) ASP.NET Core micro framework".)
    const bool whole_line = util::find_any(tail, "([<|,") == std::string_view::npos;
    if (const std::size_t cut = util::find_any(tail, "([<|"); cut != std::string_view::npos) tail = tail.substr(0, cut);
    bool all = true;
    int pieces = 0;
    for (std::size_t p = 0; all && p <= tail.size();) {
      std::size_t q = tail.find(',', p);
      if (q == std::string_view::npos) q = tail.size();
      std::string_view piece = tail.substr(p, q - p);
      while (!piece.empty() && (piece.back() == ' ' || piece.back() == '.')) piece.remove_suffix(1);
      while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
      if (!piece.empty()) {
        all = names_only(piece, 6, whole_line);
        ++pieces;
      }
      p = q + 1;
    }
    // (Where the list's entries follow " - " with descriptions, not names, only the one word that
    // ends the line is a name there: "- Alarmy", not "- Public Cloud Servicae".)
    const bool one_word = pieces == 1 && whole_line && tail.find(' ', tail.find_first_not_of(' ')) >= tail.find_last_not_of(" .");
    if (all && pieces > 0 && (after_by || dash_credits || one_word)) return true;
  }
  // A line of names only, in emphasis: "*Frank Fundel* \\", "*Majed El Helou*".
  {
    std::string_view line = src.substr(lb, le - lb);
    while (!line.empty() && std::string_view(" \t*_\\").find(line.back()) != std::string_view::npos) line.remove_suffix(1);
    while (!line.empty() && std::string_view(" \t*_").find(line.front()) != std::string_view::npos) line.remove_prefix(1);
    bool all = !line.empty() && (src[lb] == '*' || src[lb] == '_');
    for (std::size_t p = 0; all && p <= line.size();) {
      std::size_t q = line.find(',', p);
      if (q == std::string_view::npos) q = line.size();
      all = names_only(line.substr(p, q - p), 5);
      p = q + 1;
    }
    if (all) return true;
  }
  // "Rowan Zellers et al."
  std::size_t e = at;
  while (e < le && src[e] != ' ') ++e;
  // (The name's first word before it: "Arizona State Univeristy et al." is an institution.)
  std::size_t pb = at;
  while (pb > lb && src[pb - 1] == ' ') --pb;
  std::size_t pa = pb;
  while (pa > lb && src[pa - 1] != ' ' && src[pa - 1] != '*' && src[pa - 1] != '_') --pa;
  std::string first(src.substr(pa, pb - pa));
  util::lower_inplace(first);
  const bool name_before = pa == pb || (names_only(src.substr(pa, pb - pa), 1) && !sp.known(first));
  // (Emphasis closed after a word ends what it set apart: "**... Text-to-Image Synthesis**, Qicheng
  // Lao et al." is a title before its authors.)
  for (int words = 0; name_before && words < 3 && e < le; ++words) {
    if (src.substr(e).rfind(" et al", 0) == 0 || src.substr(e).rfind(" el al", 0) == 0) return true;
    if (e > at && (src[e - 1] == '*' || src[e - 1] == '_' || (src[e - 1] == ',' && e > at + 1 && (src[e - 2] == '*' || src[e - 2] == '_'))))
      break;
    std::size_t n = e + 1;
    if (n >= le || !(src[n] >= 'A' && src[n] <= 'Z')) break;
    while (n < le && src[n] != ' ') ++n;
    e = n;
  }
  return false;
}

/// FNV-1a, 64 bits: the hash of the word sets below, a byte at a time from kFnvBasis.
constexpr std::uint64_t kFnvBasis = 14695981039346656037ull;
constexpr std::uint64_t fnv_step(std::uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ull; }
std::uint64_t fnv1a64(std::string_view w) {
  std::uint64_t h = kFnvBasis;
  for (unsigned char c : w) h = fnv_step(h, c);
  return h;
}

/// A set of words kept as 64-bit hashes (open addressing): a third of the memory of views, for the
/// many words of a large list's URLs (two words with one hash are one in 10^19 apart).
class HashSet {
 public:
  /// The set's hash of a word whose FNV-1a hash is `fnv`.
  static std::uint64_t finish(std::uint64_t fnv) { return (fnv ^ (fnv >> 31)) | 1; }  // never 0, the empty slot
  static std::uint64_t hash(std::string_view w) { return finish(fnv1a64(w)); }
  void insert(std::string_view w) { insert_hash(hash(w)); }
  /// Inserts the word whose hash() is `h`.
  void insert_hash(std::uint64_t h) {
    if (2 * (count_ + 1) > slots_.size()) rehash(std::max<std::size_t>(16, 2 * slots_.size()));
    std::uint64_t& slot = find(h);
    if (slot == 0) slot = h, ++count_;
  }
  /// Room for about `n` words without growing.
  void reserve(std::size_t n) {
    std::size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    if (cap > slots_.size()) rehash(cap);
  }
  bool contains(std::string_view w) const { return !slots_.empty() && const_cast<HashSet*>(this)->find(hash(w)) != 0; }

 private:
  std::uint64_t& find(std::uint64_t h) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(h >> 7) & mask;; i = (i + 1) & mask)
      if (slots_[i] == 0 || slots_[i] == h) return slots_[i];
  }
  void rehash(std::size_t cap) {
    std::vector<std::uint64_t> old(cap, 0);
    old.swap(slots_);
    for (std::uint64_t h : old)
      if (h != 0) find(h) = h;
  }
  std::vector<std::uint64_t> slots_;
  std::size_t count_ = 0;
};

/// Views and a number for each (open addressing, linear probing): no allocation per word, which
/// made a large list's words cost more to count than to read. The viewed bytes must outlive it.
class ViewMap {
 public:
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;
  /// Room for about `n` words without growing.
  void reserve(std::size_t n) {
    std::size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    if (cap > slots_.size()) rehash(cap);
  }
  /// The number of `w`, `value` when it had none (then it has that number).
  std::uint32_t emplace(std::string_view w, std::uint32_t value) {
    if (2 * (count_ + 1) > slots_.size()) rehash(std::max<std::size_t>(16, 2 * slots_.size()));
    Slot& slot = find(w);
    if (slot.word.data() == nullptr) slot = {w, value}, ++count_;
    return slot.value;
  }
  /// The number of `w`, kAbsent when it has none.
  std::uint32_t at(std::string_view w) const {
    if (slots_.empty()) return kAbsent;
    const Slot& slot = const_cast<ViewMap*>(this)->find(w);
    return slot.word.data() == nullptr ? kAbsent : slot.value;
  }
  bool contains(std::string_view w) const { return at(w) != kAbsent; }

 private:
  struct Slot {
    std::string_view word;  // no data: empty
    std::uint32_t value = 0;
  };
  // (Eight bytes at a time, the last eight overlapping: a word costs a few multiplications, not
  // two operations a byte. Short words are read as two overlapping halves or three bytes.)
  static std::size_t hash(std::string_view w) {
    const char* p = w.data();
    const std::size_t n = w.size();
    auto load64 = [](const char* q) { std::uint64_t x; std::memcpy(&x, q, 8); return x; };
    auto load32 = [](const char* q) { std::uint32_t x; std::memcpy(&x, q, 4); return std::uint64_t{x}; };
    auto mix = [](std::uint64_t h, std::uint64_t x) {
      h = (h ^ x) * 0xBF58476D1CE4E5B9ull;
      return h ^ (h >> 31);
    };
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 < n; i += 8) h = mix(h, load64(p + i));
      h = mix(h, load64(p + n - 8));
    } else if (n >= 4) {
      h = mix(h, load32(p) | (load32(p + n - 4) << 32));
    } else if (n > 0) {
      h = mix(h, static_cast<unsigned char>(p[0]) | std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
                     std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
    }
    h *= 0x94D049BB133111EBull;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
  Slot& find(std::string_view w) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash(w) & mask;; i = (i + 1) & mask)
      if (slots_[i].word.data() == nullptr || slots_[i].word == w) return slots_[i];
  }
  void rehash(std::size_t cap) {
    std::vector<Slot> old(cap);
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.word.data() != nullptr) find(s.word) = s;
  }
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

std::string cased_like(std::string_view written, std::string fix) {
  if (!written.empty() && written[0] >= 'A' && written[0] <= 'Z' && !fix.empty() && fix[0] >= 'a' && fix[0] <= 'z')
    fix[0] = static_cast<char>(fix[0] - 32);
  return fix;
}

/// Flags misspelled words in prose: known misspellings from codespell's list (with the fix), and
/// words no dictionary knows (with Hunspell's suggestion), except the list's own vocabulary.
class Typo final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "typo",
        "A word in prose is misspelled: a known misspelling (codespell's list) or a word the dictionary "
        "does not know and the list does not use elsewhere.",
        {"spelling", "content"},
        Severity::Error,  // the layers' own severities apply: misspellings error, unknown words warning
        true,
        {{"corrections", "error", "Severity of known misspellings (codespell's list): \"error\", \"warning\" or \"off\"."},
         {"dictionary", "warning", "Severity of words the dictionary does not know: \"error\", \"warning\" or \"off\"."},
         {"words", nlohmann::json::array(), "Words that are always right (names, jargon), case-insensitive."},
         {"words_file", "", "A file of such words, one per line, relative to the configuration file."},
         {"min_length", 4, "Shortest word the dictionary layer checks; words of four or five letters only as a slip on a common word of five letters or more."},
         {"vocabulary_count", 2, "A word used this many times in the list is its vocabulary, not a typo."}}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Speller* speller = ctx.resources.speller;
    if (!speller) return;  // the caller could not load dictionaries and said so
    const std::string corr_sev = ctx.options.at("corrections").get<std::string>();
    const std::string dict_sev = ctx.options.at("dictionary").get<std::string>();
    const std::size_t min_length = static_cast<std::size_t>(std::max(1, ctx.options.at("min_length").get<int>()));
    const int vocabulary_count = ctx.options.at("vocabulary_count").get<int>();
    std::unordered_set<std::string> words;
    for (const auto& w : ctx.options.at("words")) words.insert(util::lower(w.get<std::string>()));
    const std::string_view src = ctx.doc.bytes();

    // Words shorter than any layer checks are left out of the counts.
    const std::size_t shortest = std::min<std::size_t>(4, min_length);
    // Per token: its bytes, and flags: what its text run is, whether it starts one.
    // kInLinkOrName: in link text, a heading or a table header cell written as a name (one word, or
    // words a dictionary does not know); kProse: in link text or a heading made of common words,
    // which is prose ("[Trusted Builds](...)", "### Evaluation Datasets").
    enum : unsigned char { kInLinkOrName = 1, kTitleCase = 2, kStraightened = 4, kRunStart = 8, kProse = 16, kSoleLinkWord = 32,
                           kTitleProse = 64,  // kProse in a heading, link text or table header: a title of common words
                           kIdentifier = 128 };  // identifier_like: asked once per token, here, not by each reading
    std::vector<Token> tokens;
    std::vector<unsigned char> token_flags;
    // Room for a token per 8 bytes of text: prose has one per 10 to 12, so the vectors are
    // seldom reallocated (which holds both copies at once: the rule's peak on a large list).
    std::size_t text_bytes = 0;
    for (const TextRun& run : ctx.model.text_runs) text_bytes += run.bytes.size();
    tokens.reserve(text_bytes / 8 + 16);
    token_flags.reserve(text_bytes / 8 + 16);
    std::unordered_map<std::uint32_t, std::string> straightened;  // by token start: "don’t" as "don't"
    // The file's language, from the function words of its first 64 KB of text.
    int file_english = 0, file_foreign = 0;
    {
      std::size_t sampled = 0;
      for (const TextRun& run : ctx.model.text_runs) {
        if (sampled > (64u << 10)) break;
        sampled += run.bytes.size();
        count_function_words(src.substr(run.bytes.begin, run.bytes.size()), file_english, file_foreign);
      }
    }
    // The words of link text, headings and table cells repeat ("Paper", "Code", "GitHub"): the
    // dictionary's answer is kept per word.
    // (Views into `common_keys`, whose strings do not move.)
    ViewMap common_words;
    std::deque<std::string> common_keys;
    auto common_or_technical = [&](std::string_view lw) {
      std::uint32_t v = common_words.at(lw);
      if (v == ViewMap::kAbsent) v = common_words.emplace(common_keys.emplace_back(lw), speller->common_or_technical(lw) ? 1 : 0);
      return v == 1;
    };
    for (const TextRun& run : ctx.model.text_runs) {
      const std::size_t first = tokens.size();
      const bool name_place = run.in_link || run.in_heading;
      // (A heading or a table header cell of one word is prose too when the word is common or
      // technical: "## Miscellaneous" names no project, "| Projects |" titles a column. Other
      // table cells are prose or names as their words say: "Cnstruction Method".)
      // (A paper's title names its system before a colon and describes it after: "MMEvol:
      // Empowering Multimodal Large Language Models with Evol-Instruct". The description is read.)
      std::string_view text = src.substr(run.bytes.begin, run.bytes.size());
      if (const std::size_t colon = text.find(": "); name_place && colon != std::string_view::npos && colon < 40 &&
                                                      text.substr(0, colon).find(' ') == std::string_view::npos)
        text.remove_prefix(colon + 2);
      const bool prose = (name_place || run.in_table) && prose_like(text, common_or_technical, run.in_heading || run.in_table_header ? 1 : 2);
      const unsigned char flags = static_cast<unsigned char>((name_place && !prose ? kInLinkOrName : 0) | (prose ? kProse : 0) |
                                                             (prose && (name_place || run.in_table_header) ? kTitleProse : 0) |
                                                             (run.in_heading || run.in_table_header ? kTitleCase : 0));
      tokenize(src.substr(run.bytes.begin, run.bytes.size()), run.bytes.begin, shortest,
               [&](std::string_view word, std::uint32_t begin, std::uint32_t end) {
                 unsigned char f = flags | (identifier_like(word) ? kIdentifier : 0);
                 if (word.data() != src.data() + begin) {
                   straightened.try_emplace(begin, word);
                   f |= kStraightened;
                 }
                 tokens.push_back({begin, end});
                 token_flags.push_back(f);
               });
      if (tokens.size() > first) token_flags[first] |= kRunStart;
      // The whole text of a link ("[vertx](...)", "[Paket](...)") is a name as its project writes it.
      // (Emoji and signs around it are decoration: "[📄 Paper](...)"; letters and digits of any
      // script are not: "[Recieve 接收](...)". Emoji and symbols are U+2xxx and beyond U+FFFF,
      // lead bytes E2 and F0-F4, as prose_like reads them.)
      auto alone = [&] {
        const Token& t = tokens[first];
        if (t.end - t.begin + 4 >= run.bytes.size()) return true;
        for (std::size_t i = run.bytes.begin; i < run.bytes.end; ++i) {
          if (i >= t.begin && i < t.end) continue;
          const auto c = static_cast<unsigned char>(src[i]);
          if (c < 0x80 ? util::alnum(src[i]) : c >= 0xC0 && c != 0xE2 && c < 0xF0) return false;
        }
        return true;
      };
      if (run.in_link && tokens.size() == first + 1 && alone()) token_flags[first] |= kSoleLinkWord;
    }
    // A token's word as written (apostrophes made straight).
    auto word_of = [&](std::size_t i) -> std::string_view {
      if (token_flags[i] & kStraightened) return straightened.at(tokens[i].begin);
      return src.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    };
    // What depends on the word alone is worked out once per distinct word; `as_written[1]` is
    // for the word capitalised, where the dictionary's answer can differ (paris, Paris).
    struct WordFacts {
      signed char fixes = -1, unknown = -1, suggested = -1;
      signed char clean = -1;  // 1: neither layer can report the word, wherever it is written
      std::vector<std::string> corrections;
      std::string best;  // the suggestion, empty when none or when the word looks like a name
      bool best_used = false;  // the list uses the suggestion
      bool two_edits = false;  // the suggestion is two edits away

    };
    struct WordStats {
      int count = 0;
      bool name = false;            // in link text, a heading or a details summary
      bool cap_mid = false;         // written capitalised in mid-sentence (a name: "on Discord")
      int caps = 0;                 // written capitalised (not as an identifier: Library, not LibRary)
      signed char urls = -1;        // found in one of the list's URLs
      int facts[2] = {-1, -1};      // in `facts`, once needed: as written in lowercase, capitalised
    };
    std::deque<WordFacts> facts;
    auto facts_of = [&](WordStats& st, bool capitalised) -> WordFacts& {
      int& i = st.facts[capitalised ? 1 : 0];
      if (i < 0) {
        i = static_cast<int>(facts.size());
        facts.emplace_back();
      }
      return facts[static_cast<std::size_t>(i)];
    };
    // The list's vocabulary: words it uses repeatedly, and every word of link text, headings and
    // details summaries (names of models, datasets, tools are written there).
    // One WordStats per distinct lowercase word (`stat`, keyed by `stats`; the words are held once
    // each in `keys`, in the same order), and each token's index in it plus one (0 for a word too
    // short).
    auto capitalised = [&](const Token& t) { return src[t.begin] >= 'A' && src[t.begin] <= 'Z'; };
    ViewMap stats;
    stats.reserve(std::min<std::size_t>(tokens.size() / 4, 1u << 16));  // (distinct words grow slower than the text)
    std::vector<WordStats> stat;
    // The counts of a lowercase word, or null when the list does not write it.
    auto stat_of = [&](std::string_view lw) -> const WordStats* {
      const std::uint32_t i = stats.at(lw);
      return i == ViewMap::kAbsent ? nullptr : &stat[i];
    };
    std::deque<std::string> keys;
    std::string lower;
    std::vector<std::uint32_t> token_stats(tokens.size(), 0);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const std::string_view w = base_word(word_of(i));
      if (w.size() < shortest) continue;
      lower.assign(w);
      util::lower_inplace(lower);
      std::uint32_t index = stats.at(lower);
      if (index == ViewMap::kAbsent) {
        index = stats.emplace(keys.emplace_back(lower), static_cast<std::uint32_t>(stat.size()));
        stat.emplace_back();
      }
      WordStats& st = stat[index];
      ++st.count;
      st.name |= (token_flags[i] & kInLinkOrName) != 0;
      // (identifier_like(w) is the token's: base_word cuts a lowercase "'s" only.)
      const bool identifier = (token_flags[i] & kIdentifier) != 0;
      st.caps += w[0] >= 'A' && w[0] <= 'Z' && !identifier;
      // (Alone: in prose, between words that are not capitalised.)
      if (w[0] >= 'A' && w[0] <= 'Z' && !st.cap_mid && !(token_flags[i] & (kInLinkOrName | kProse | kTitleCase)) &&
          !identifier && !sentence_start(src, tokens[i].begin) &&
          !(i > 0 && tokens[i - 1].end + 1 == tokens[i].begin && capitalised(tokens[i - 1])) &&
          !(i + 1 < tokens.size() && tokens[i].end + 1 == tokens[i + 1].begin && capitalised(tokens[i + 1])))
        st.cap_mid = true;
      token_stats[i] = index + 1;
    }
    for (const Details& d : ctx.model.details)
      tokenize(d.summary, 0, 0, [&](std::string_view word, std::uint32_t, std::uint32_t) {
        if (const std::uint32_t i = stats.at(util::lower(base_word(word))); i != ViewMap::kAbsent) stat[i].name = true;
      });
    // Project names live in the list's URLs too (github.com/spec-first/connexion, opendota.com): a
    // word found in one is a name, for both layers. A typo is in no URL. Asked of unknown words
    // before a suggestion is looked for (a word's answer kept in its WordStats).
    // Every run of letters of the URLs, with up to three letters cut from its start and up to two
    // from its end, four letters or more, as hashes: made once per file, when first asked.
    HashSet url_words;
    bool url_words_made = false;
    // (The URLs' bytes, a space after each: the size of both.)
    const std::size_t urls_size = [&] {
      std::size_t size = 0;
      for (const Link& l : ctx.model.links) size += l.url.size() + 1;
      return size;
    }();
    // The URLs in lowercase, one after another with a space between: made when first asked, for
    // a word with other characters than letters (rare).
    std::string all_urls;
    auto urls_text = [&]() -> const std::string& {
      if (all_urls.empty()) {
        all_urls.resize(urls_size);
        char* o = all_urls.data();
        for (const Link& l : ctx.model.links) {
          for (const char c : l.url) *o++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
          *o++ = ' ';
        }
      }
      return all_urls;
    };
    auto in_urls = [&](WordStats& st, std::string_view lw) {
      if (st.urls < 0) {
        if (!url_words_made) {
          url_words_made = true;
          url_words.reserve(urls_size / 16);
          for (const Link& l : ctx.model.links) {
            const std::string_view u = l.url;
            for (std::size_t i = 0; i < u.size();) {
              if (!letter(u[i])) {
                ++i;
                continue;
              }
              std::size_t e = i;
              while (e < u.size() && letter(u[e])) ++e;
              const std::size_t n = e - i;
              // In one pass, in lowercase: the run whole (h0), and cut at its end: its prefixes of
              // four letters or more, one or two letters short, hashed on the way; cut at its start
              // by one, two and three letters (h1, h2, h3).
              if (n >= 4) {
                auto at = [&](std::size_t k) { return static_cast<unsigned char>(u[i + k] | 0x20); };
                const std::size_t cut_from = std::max<std::size_t>(4, n - 2);
                std::uint64_t h0 = fnv_step(fnv_step(fnv_step(kFnvBasis, at(0)), at(1)), at(2));
                std::uint64_t h1 = fnv_step(fnv_step(kFnvBasis, at(1)), at(2));
                std::uint64_t h2 = fnv_step(kFnvBasis, at(2));
                std::uint64_t h3 = kFnvBasis;
                for (std::size_t k = 3; k < n; ++k) {
                  if (k == cut_from || k == cut_from + 1) url_words.insert_hash(HashSet::finish(h0));
                  const unsigned char c = at(k);
                  h0 = fnv_step(h0, c);
                  h1 = fnv_step(h1, c);
                  h2 = fnv_step(h2, c);
                  h3 = fnv_step(h3, c);
                }
                url_words.insert_hash(HashSet::finish(h0));
                if (n >= 5) url_words.insert_hash(HashSet::finish(h1));
                if (n >= 6) url_words.insert_hash(HashSet::finish(h2));
                if (n >= 7) url_words.insert_hash(HashSet::finish(h3));
              }
              i = e;
            }
          }
        }
        // A whole word of a URL, or one with a short prefix or suffix ("figlet" in .../pyfiglet,
        // "marked" in markedjs): "whic" is no name because a URL holds "whichjdk". A plural of a
        // name is a name too: "boletos" where the list links boleto.cloud.
        auto found = [&](std::string_view x) {
          if (x.size() < 4) return false;
          if (std::all_of(x.begin(), x.end(), letter)) return url_words.contains(x);
          // (A word with other characters than letters, rare: looked for in the URLs' text.)
          const std::string_view all = urls_text();
          for (std::size_t p = all.find(x); p != std::string_view::npos; p = all.find(x, p + 1)) {
            std::size_t b = p, e = p + x.size();
            while (b > 0 && letter(all[b - 1])) --b;
            while (e < all.size() && letter(all[e])) ++e;
            const std::size_t before = p - b, after = e - p - x.size();
            if ((after == 0 && before <= 3) || (before == 0 && after <= 2)) return true;
          }
          return false;
        };
        st.urls = found(lw) || (lw.size() > 5 && lw.back() == 's' && found(lw.substr(0, lw.size() - 1)));
      }
      return st.urls == 1;
    };

    // A piece of a word split by emphasis ("**A**nother", "re*use*") is not a word.
    auto fragment = [&](const Token& t) {
      const char before = t.begin > 0 ? src[t.begin - 1] : ' ';
      const char after = t.end < src.size() ? src[t.end] : ' ';
      const char after2 = t.end + 1 < src.size() ? src[t.end + 1] : ' ';
      std::size_t b = t.begin;
      while (b > 0 && (src[b - 1] == '*' || src[b - 1] == '_')) --b;
      const char before2 = t.begin > 1 ? src[t.begin - 2] : ' ';
      if ((b < t.begin && b > 0 && letter(src[b - 1])) || ((after == '*' || after == '_') && letter(after2)) ||
          letter(before) || before == ')' || before == ']')  // "(d)evelopment": an acronym spelled out
        return true;
      // A word split by markup: "Uni(versal)get" is Uni, versal and get.
      if ((before == '(' || before == '[') && letter(before2)) return true;
      if ((after == '(' || after == '[') && letter(after2)) return true;
      // A piece of a hyphenated word the dictionary knows whole: "avant-garde", "laissez-faire".
      if (before == '-' || after == '-') {
        std::size_t hb = t.begin, he = t.end;
        while (hb > 0 && (letter(src[hb - 1]) || (src[hb - 1] == '-' && hb > 1 && letter(src[hb - 2])))) --hb;
        while (he < src.size() && (letter(src[he]) || (src[he] == '-' && he + 1 < src.size() && letter(src[he + 1])))) ++he;
        if (he - hb < 64 && speller->known(src.substr(hb, he - hb))) return true;
      }
      return false;
    };
    // The dictionary layer's verdict on a word, whatever its context: the correction to offer, or
    // empty when the dictionary knows the word or the word looks like a name.
    auto unknown = [&](WordFacts& f, std::string_view w, std::string_view lw) {
      if (f.unknown < 0)
        f.unknown = !(speller->known(w) || speller->known_alt(w) ||  // British English: programme, whisky
                      british_of_known(std::string(lw), *speller, w[0] >= 'A' && w[0] <= 'Z') || derived_from_known(std::string(lw), *speller));
      return f.unknown == 1;
    };
    auto assess = [&](WordStats& st, WordFacts& f, std::string_view w, std::string_view lw) -> const std::string& {
      if (unknown(f, w, lw) && f.suggested < 0) {
        f.suggested = 1;
        // The list's URLs name it ("figlet" in .../pyfiglet): a name, not a typo. (Asked first: a
        // search of a hash set, where a suggestion is hundreds of probes of the table.)
        if (in_urls(st, lw)) return f.best;
        // A typo is a slip on a word one edit away. Rank: a common noun before a proper one, a
        // common word before a rare one, a word the list uses, the same first letter, the word's
        // own letters (swapped, or one doubled); then the order of edits (deletions, swaps,
        // replacements, insertions).
        int best_rank = -1;
        bool best_common = false, best_used = false, best_at_edge = false;
        // (Technical words too: quantizatioan: quantization.)
        std::vector<std::string> candidates = speller->suggest(w, true);
        // No word one edit away: a word two edits away, when it is the only one (lighweigth:
        // lightweight, parternship: partnership) and the word is long enough for two slips (ten
        // letters or more: "newbility", "cronolog" and "changpeng" are names two letters from a
        // word) and not a word with a piece added (preemptible, pyproject, textgraphs).
        bool two_edits = false;
        if (candidates.empty() && lw.size() >= 10 && !made_of_a_word(lw, *speller)) {
          candidates = speller->within_two(lw);
          if (candidates.size() != 1) candidates.clear();
          two_edits = !candidates.empty();
        }
        for (const auto& sug : candidates) {
          const bool proper = sug[0] >= 'A' && sug[0] <= 'Z';
          // (A technical word is a likely correction only when the list uses it: the vocabulary
          // holds names too, weechat, cmark, leveldb, which wechaty and dmark are not slips on.)
          const bool common = speller->common(sug);
          const bool used = stats.contains(util::lower(sug));
          // (Last, a slip inside the word before a letter put in front of it: "blease" is "please"
          // rather than "lease".)
          const std::string ls = util::lower(sug);
          const bool at_edge = lw.size() == ls.size() + 1 && (lw.substr(1) == ls || lw.substr(0, ls.size()) == ls);
          const bool letter_before = at_edge && lw.substr(1) == ls;
          // (Two letters swapped keep the word's letters: "timre" is timer rather than time; so
          // does a doubled letter written once: "stuning" is stunning rather than stoning.)
          bool swapped = ls.size() == lw.size() && std::is_permutation(ls.begin(), ls.end(), lw.begin());
          if (ls.size() == lw.size() + 1)
            for (std::size_t k = 1; k < ls.size() && !swapped; ++k)
              swapped = ls[k] == ls[k - 1] && ls.compare(0, k, lw, 0, k) == 0 && ls.compare(k + 1, std::string::npos, lw, k) == 0;
          const int rank = (proper ? 0 : 32) + (common ? 16 : 0) + (used ? 8 : 0) + ((sug[0] | 0x20) == lw[0] ? 4 : 0) +
                           (swapped ? 2 : 0) + (letter_before ? 0 : 1);
          if (rank > best_rank) {
            best_rank = rank;
            f.best = sug;
            best_common = common;
            best_used = used;
            f.best_used = used;
            // Is the word the suggestion with a letter before or after it (tshark: shark, royale: royal)?
            best_at_edge = at_edge;
          }
        }
        // Two slips in one word are rarer than a name two letters from a word: only a common word.
        if (two_edits && !best_common) f.best.clear();
        f.two_edits = two_edits;
        // When the nearest word is a proper noun (Andre for Andrej), the word is a name too; when
        // it is a rare word the list never uses (lattermost for mattermost), a slip is unlikely.
        if (!f.best.empty() && ((f.best[0] >= 'A' && f.best[0] <= 'Z') || !(best_common || best_used))) f.best.clear();
        // Names and foreign words are often an English word with a letter added before or after it
        // (tshark, predone, royale, consortial), a slip people seldom make: unless the list uses
        // the word, such a suggestion is not evidence enough...
        // A letter before a long common word is another matter (osystems, binsecure): names are
        // seldom made that way of a word of seven letters or more (a letter after one makes
        // words: consortial).
        // So is a doubled first or last letter (archivedd, eentirely): a key held too long.
        const bool before_long = best_common && f.best.size() >= 7 && lw.size() == f.best.size() + 1 &&
                                 lw.substr(1) == util::lower(f.best);
        const bool doubled = best_common && f.best.size() >= 5 && lw.size() >= 3 &&
                             (lw[0] == lw[1] || lw[lw.size() - 1] == lw[lw.size() - 2]);
        // A common word of six letters or more is seldom made into a name by a letter after it
        // (renamex, optiony): a key hit beside the last one is the likelier story. (A letter
        // before it makes names: pexpect, escript, ibrowse, eleveldb.)
        // (Not a letter that makes an English ending, -s, -d, -r, -l, -n, -y: consortia-l is an
        // adjective the dictionary lacks.)
        const bool long_common = best_common && f.best.size() >= 6 && lw.compare(0, f.best.size(), util::lower(f.best)) == 0 &&
                                 std::string_view("sdrlny").find(lw.back()) == std::string_view::npos;
        // (A letter before a word the list uses is still a name: escript, eleveldb; unless, in
        // lowercase, the list writes the word twice or more and the word is not two common words
        // joined: "xtricks" where the list says tricks, but "playout". Tools made that way are in
        // the list's URLs or vocabulary, asked before.)
        const bool before = best_at_edge && lw.substr(1) == util::lower(f.best);
        const bool before_used = [&] {
          if (!before || !best_common || !(w[0] >= 'a' && w[0] <= 'z') || compound_of_common(lw, *speller, 4, 3)) return false;
          const WordStats* used = stat_of(util::lower(f.best));
          return used && used->count >= 2;
        }();
        if (best_at_edge && (!best_used || (before && !before_used)) && !before_long && !doubled && !long_common) f.best.clear();
        // A "d" after a word that does not end in "e" names a Unix daemon (radiusd, fluentd).
        if (best_at_edge && !before && lw.back() == 'd' && lw[lw.size() - 2] != 'e') f.best.clear();
        // Two common words written as one whose nearest word starts with another letter
        // (readline: deadline, evergrowing: overgrowing) is a compound or a name, not a slip.
        // (Its first two letters swapped are a slip all the same: tsarting is no tsar-ting.)
        if (!f.best.empty() && (f.best[0] | 0x20) != lw[0] && compound_of_common(lw, *speller) &&
            !(lw.size() >= 6 && swapped_pair(lw, util::lower(f.best))))
          f.best.clear();
        // So is one whose nearest word joins the same first word to another (fire-store:
        // fire-storm): a name made of two words, not a slip.
        if (!f.best.empty() && same_head_compounds(lw, util::lower(f.best), *speller)) f.best.clear();
      }
      return f.best;
    };
    // The words of link text, headings and details summaries are the list's vocabulary (names of
    // models, tools, datasets are written there), but not a long common word with a slip well
    // inside it, or two of its letters swapped, where names are not made: "[Swin
    // Trzansformer](...)", "### Omni Unedrstanding", "[Isntruct GPT](...)",
    // "[framewolrk](.../lift/framework)". Such a word of seven letters or more that no dictionary
    // knows is not settled as vocabulary (`name_word`); whether it is such a slip is asked once
    // its suggestion is known (`name_slip`), after the checks of its place.
    auto name_word = [&](const WordStats& st, WordFacts& f, std::string_view w, std::string_view lw) {
      return st.name && (w.size() < 7 || !unknown(f, w, lw) || speller->technical(lw));
    };
    auto name_slip = [&](const WordFacts& f, std::string_view lw, std::string_view lbest) {
      return interior_slip(lw, lbest, f.two_edits, *speller) && (deep_slip(lw, lbest) || swapped_pair(lw, lbest));
    };
    // Another lowercase word near it that no dictionary knows and that is no slip on a word either
    // ("slack, mattermost, gotify", "dashas, panchang", foreign words): the text names things or
    // is in another language, so its unknown words are not typos. Near: within two words on either
    // side. One tool's name further off in a long description ("Automation framework based on
    // bash and pexpect") says nothing about the other words.
    auto beside_unknown_names = [&](std::size_t ti) {
      constexpr int kNear = 2;
      // (Words are counted in the text, not in tokens: words shorter than any layer checks are
      // no tokens, and "a 2D geometry librart" is three words from "simplefeatures is".)
      auto words_in = [&](std::size_t from, std::size_t to) {
        int n = 0;
        for (bool in = false; from < to && n <= kNear; ++from) {
          const bool l = letter(src[from]) || (src[from] >= '0' && src[from] <= '9') || (in && src[from] == '\'');  // (it's)
          n += l && !in;
          in = l;
        }
        return n;
      };
      for (int dir : {-1, 1}) {
        for (std::size_t k = ti, apart = 0;;) {  // the tokens before, then after it in its text run
          if (dir < 0 ? (k == 0 || (token_flags[k] & kRunStart)) : (k + 1 >= tokens.size() || (token_flags[k + 1] & kRunStart))) break;
          const std::size_t next = dir < 0 ? k - 1 : k + 1;
          apart += 1 + static_cast<std::size_t>(dir < 0 ? words_in(tokens[next].end, tokens[k].begin) : words_in(tokens[k].end, tokens[next].begin));
          if (apart > static_cast<std::size_t>(kNear)) break;
          k = next;
          const std::string_view nword = word_of(k), nw = base_word(nword);
          if (nw.size() < 4 || !(nw[0] >= 'a' && nw[0] <= 'z') || (token_flags[k] & kIdentifier)) continue;
          if (!token_stats[k]) continue;
          WordStats* nst = &stat[token_stats[k] - 1];
          const std::string_view nlw = keys[token_stats[k] - 1];
          // (A technical word the dictionary lacks is a name too: mattermost, smtp.)
          const bool technical = speller->technical(nlw);
          if (technical && (speller->known(nw) || speller->known_alt(nw))) continue;
          // A name the list uses elsewhere, next to it in an enumeration ("slack, mattermost,
          // gotify and smtp"): the text names things.
          if (nst->count >= vocabulary_count || nst->name || technical) {
            const bool next_to = dir < 0 ? k + 1 == ti : k == ti + 1;
            const Token& x = tokens[std::min(k, ti)];
            const Token& y = tokens[std::max(k, ti)];
            const std::string_view between = src.substr(x.end, y.begin - x.end);
            if (next_to && enumeration_separator(between) && !speller->known(nw) && !speller->known_alt(nw) &&
                !derived_from_known(std::string(nlw), *speller))
              return true;
            continue;
          }
          WordFacts& nf = facts_of(*nst, false);
          // (Two common words written as one, like leaderboards, are no evidence.)
          if (assess(*nst, nf, nw, nlw).empty() && nf.unknown == 1 && speller->corrections(nlw).empty() &&
              !compound_of_common(nlw, *speller))
            return true;
        }
      }
      return false;
    };
    // A text run whose function words are mostly foreign (two at least) is in another language;
    // asked only of a word about to be reported, once per run.
    std::unordered_map<std::size_t, bool> foreign_runs;
    auto foreign_run = [&](std::size_t at) {
      const auto& runs = ctx.model.text_runs;
      auto it = std::upper_bound(runs.begin(), runs.end(), at,
                                 [](std::size_t x, const TextRun& r) { return x < r.bytes.begin; });
      if (it == runs.begin()) return false;
      const std::size_t index = static_cast<std::size_t>(std::prev(it) - runs.begin());
      const auto [slot, fresh] = foreign_runs.try_emplace(index, false);
      if (fresh) {
        const TextRun& run = runs[index];
        int english = 0, foreign = 0;
        count_function_words(src.substr(run.bytes.begin, run.bytes.size()), english, foreign);
        slot->second = foreign >= 2 && foreign > english;
      }
      return slot->second;
    };
    // Is the word at `at` part of a list of people's names (author_names)? Each line's names are
    // read once: an author list holds many unknown words.
    std::unordered_map<std::size_t, std::vector<std::pair<std::size_t, std::size_t>>> author_lines;  // by line start
    auto in_author_list = [&](std::size_t at) {
      std::size_t b = 0, e = 0;
      if (!author_line(src, at, b, e)) return false;
      auto [slot, fresh] = author_lines.try_emplace(b);
      if (fresh) slot->second = author_names(src, b, e);
      for (const auto& [nb, ne] : slot->second)
        if (nb <= at && at < ne) return true;
      return false;
    };
    // A list written in another language is not checked against an English dictionary.
    if (file_foreign >= 5 && file_foreign >= 2 * file_english) return;
    const bool corr_off = corr_sev == "off", dict_off = dict_sev == "off";
    // The codespell corrections of a word as written, unless a dictionary accepts it (focussed,
    // imbed): a variant, not a misspelling. (The list's URLs are no evidence here: a known
    // misspelling in a URL is the same slip.)
    auto fixes_of = [&](WordFacts& f, std::string_view w, std::string_view lw) {
      if (f.fixes < 0) {
        f.corrections = speller->corrections(lw);
        if (!f.corrections.empty() && (speller->known(w) || speller->known_alt(w))) f.corrections.clear();
        f.fixes = !f.corrections.empty();
      }
      return f.fixes == 1;
    };
    // A list's link labels: the one-word link texts it writes again and again, three times or
    // more ("[Paper](...)", "[Code](...)", "[Project](...)"), common or technical words; the 32 it
    // writes most (a list has a handful; a crafted one must not make every link text a search of
    // thousands). A one-off link text that no dictionary knows, one edit from exactly one of them,
    // is a slip on the label ("[Projeqt](...)" in a column of "[Project](...)"), though a link
    // text of one word is otherwise read as a name. Made when first asked.
    // (Not an entry's name, the link its item starts with: "- [config](...)" and "- [konfig](...)"
    // are two projects.)
    struct Label {
      std::string_view key, written;  // lowercase; as the list first writes it (the suggestion)
      int count;
    };
    std::vector<Label> frequent_labels;
    bool labels_ready = false;
    // (An entry's name: the text of the link its item starts with, as the model has it.)
    std::vector<ByteRange> entry_names;
    auto entry_name = [&](std::size_t at) {
      auto it = std::upper_bound(entry_names.begin(), entry_names.end(), at, [](std::size_t x, const ByteRange& r) { return x < r.begin; });
      return it != entry_names.begin() && std::prev(it)->contains(at);
    };
    // The label token `ti` is a slip on (as the list writes it), or an empty view.
    auto label_slip = [&](std::size_t ti) -> std::string_view {
      if (!(token_flags[ti] & kSoleLinkWord) || !token_stats[ti] || stat[token_stats[ti] - 1].count >= vocabulary_count) return {};
      if (!labels_ready) {
        labels_ready = true;
        for (const Entry& e : ctx.model.entries)
          if (e.link >= 0) entry_names.push_back(ctx.model.links[static_cast<std::size_t>(e.link)].text_bytes);
        std::sort(entry_names.begin(), entry_names.end(), [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
        std::vector<int> sole(stat.size(), 0);
        std::vector<std::size_t> first(stat.size(), 0);
        for (std::size_t k = 0; k < tokens.size(); ++k)
          if ((token_flags[k] & kSoleLinkWord) && token_stats[k] && !entry_name(tokens[k].begin))
            if (sole[token_stats[k] - 1]++ == 0) first[token_stats[k] - 1] = k;
        for (std::size_t k = 0; k < sole.size(); ++k)
          if (sole[k] >= 3 && keys[k].size() >= 4 && speller->common_or_technical(keys[k]))
            frequent_labels.push_back({keys[k], base_word(word_of(first[k])), sole[k]});
        constexpr std::size_t kMostLabels = 32;
        if (frequent_labels.size() > kMostLabels) {
          std::partial_sort(frequent_labels.begin(), frequent_labels.begin() + kMostLabels, frequent_labels.end(),
                            [](const Label& a, const Label& b) { return a.count > b.count; });
          frequent_labels.resize(kMostLabels);
        }
      }
      if (frequent_labels.empty()) return {};
      const std::string_view lw = keys[token_stats[ti] - 1];
      if (lw.size() < 4) return {};
      std::string_view hit;
      int hits = 0;
      for (const Label& l : frequent_labels)
        if (one_edit(lw, l.key)) hit = l.written, ++hits;
      if (hits != 1 || entry_name(tokens[ti].begin)) return {};
      // (Last, the dictionary: a word it knows is no slip, "[Node]" beside "[Code]".)
      WordStats& st = stat[token_stats[ti] - 1];
      const std::string_view w = base_word(word_of(ti));
      if (!unknown(facts_of(st, w[0] >= 'A' && w[0] <= 'Z'), w, lw) || speller->technical(lw)) return {};
      return hit;
    };
    std::unordered_map<std::string, bool> labels;  // "Paper:": written in the list (label_elsewhere below)
    std::unordered_map<std::string, bool> phrases;  // "Large Language": written twice (phrase_used below)
    // Does the list write credits after " - " ("- [Title](...) - Flavio Copes")? Its entries say:
    // of twenty or more entries with " - ", one in ten or more has a description of names only (no
    // lowercase word but "and" and particles). Where descriptions are sentences, a capitalised
    // phrase after " - " is a description ("- Public Cloud Service"). Worked out when first asked.
    int dash_credits_state = -1;
    auto dash_credits = [&] {
      if (dash_credits_state < 0) {
        int dashed = 0, names = 0;
        for (const Entry& e : ctx.model.entries) {
          if (e.separator != " - " && e.separator != " \u2013 ") continue;
          ++dashed;
          bool lower_word = false;
          const std::string_view d = e.description;
          for (std::size_t i = 0; i < d.size() && !lower_word;) {
            std::size_t j = i;
            while (j < d.size() && d[j] >= 'a' && d[j] <= 'z') ++j;
            if (j - i >= 3 && (i == 0 || !letter(d[i - 1])) && (j == d.size() || !letter(d[j]))) {
              const std::string_view w = d.substr(i, j - i);
              lower_word = w != "and" && w != "von" && w != "van" && w != "der" && w != "den" && w != "del";
            }
            i = j == i ? i + 1 : j;
          }
          names += !lower_word && !d.empty();
        }
        dash_credits_state = dashed < 20 || names * 10 >= dashed;
      }
      return dash_credits_state == 1;
    };
    // The dictionary layer's finding: `w`, written at `at`, is no word; `suggestion` is.
    auto report_unknown = [&](std::size_t at, std::string_view w, std::string_view suggestion, std::string_view because) {
      out.report(ctx.doc.lines().span(at, at + w.size()),
                 util::quote(w) + " is not a word; did you mean " + util::quote(suggestion) + "? (" + std::string(because) +
                     "if it is right, add it to the typo rule's words)",
                 std::nullopt, dict_sev == "warning");
    };
    for (std::size_t ti = 0; ti < tokens.size(); ++ti) {
      const Token& t = tokens[ti];
      std::string_view label_hit;  // the link label the token is a slip on (label_slip)
      bool label_known = false;    // `label_hit` is label_slip's answer already
      // (Identifiers first: the facts of a word are shared by its spellings that are not
      // identifiers, Github and github, never GitHub or iPhone, which the dictionary answers apart.)
      if (!token_stats[ti] || (token_flags[ti] & kIdentifier)) continue;
      {
        // Most words are known words the list uses: settled once per distinct word (as written
        // in lowercase, or capitalised), and then left at once wherever they are written.
        WordStats& st = stat[token_stats[ti] - 1];
        const std::string_view w = base_word(word_of(ti)), lw = keys[token_stats[ti] - 1];
        WordFacts& f = facts_of(st, w[0] >= 'A' && w[0] <= 'Z');
        if (f.clean < 0)
          f.clean = (corr_off || !fixes_of(f, w, lw)) &&
                    (dict_off || w.size() < min_length || st.count >= vocabulary_count || !unknown(f, w, lw) || name_word(st, f, w, lw) ||
                     speller->technical(lw));
        if (f.clean == 1 && (dict_off || (label_hit = label_slip(ti)).empty())) continue;
        label_known = f.clean == 1;
      }
      if (fragment(t)) continue;
      // Names and foreign words around it: asked only of a word about to be reported.
      // A line of over 20,000 bytes is no prose line of names or a foreign sentence: not looked at
      // (a 100 MB line of one slip repeated must not cost a scan per occurrence).
      enum class Quiet { no, names, credits };  // names: an author list or foreign text
      auto quiet_here = [&] {
        const int line = ctx.doc.lines().line_of(t.begin);
        if (ctx.doc.lines().line_end(line) - ctx.doc.lines().line_begin(line) > 20000) return Quiet::no;
        if (foreign_run(t.begin) || in_author_list(t.begin) || foreign_near(src, t.begin)) return Quiet::names;
        return (src[t.begin] >= 'A' && src[t.begin] <= 'Z') && in_credits(src, t.begin, *speller, dash_credits()) ? Quiet::credits : Quiet::no;
      };
      WordStats* stp = &stat[token_stats[ti] - 1];
      const std::string_view lw = keys[token_stats[ti] - 1];
      const std::string_view w = base_word(word_of(ti));
      if ((!words.empty() || ctx.resources.words) &&
          (words.count(std::string(lw)) || (ctx.resources.words && ctx.resources.words->count(std::string(lw)))))
        continue;
      WordStats& st = *stp;
      WordFacts& f = facts_of(st, w[0] >= 'A' && w[0] <= 'Z');
      // 1. Known misspellings.
      const bool capital_mid = w[0] >= 'A' && w[0] <= 'Z' && !sentence_start(src, t.begin);
      // Short capitalised words in mid-sentence are names (Toi, Dota, Wirth), not misspellings.
      if (!corr_off && w.size() >= 4 && !(capital_mid && w.size() <= 5)) {
        fixes_of(f, w, lw);
        // Link text that is one word ("[vertx](...)", "[Paket](...)") is a name as written.
        // A misspelling written again on its line is how a name is spelt ("OpenSSL gost-engine"
        // beside "[gost-crypto]"; link text and its URL).
        if (f.fixes == 1 && !(token_flags[ti] & kSoleLinkWord) && !on_line_again(src, t.begin, t.end, lw, f.corrections) && quiet_here() == Quiet::no) {
          std::string list;
          for (const auto& c : f.corrections) list += (list.empty() ? "" : " or ") + util::quote(cased_like(w, c));
          std::optional<Fix> fix;
          if (f.corrections.size() == 1 && !ambiguous_fix(lw, f.corrections.front(), src.substr(t.end), *speller))
            // (A word whose apostrophe was made straight is not its bytes: such a fix is refused.)
            fix = Fix{{TextEdit{t.begin, t.begin + w.size(), cased_like(w, f.corrections.front()), std::string(w)}}};
          out.report(ctx.doc.lines().span(t.begin, t.begin + w.size()), util::quote(w) + " is a misspelling of " + list,
                     std::move(fix), corr_sev == "warning");
          continue;
        }
      }
      // 2. Words no dictionary knows.
      if (dict_off || w.size() < min_length) continue;
      if (!label_known) label_hit = label_slip(ti);
      if (!label_hit.empty()) {
        report_unknown(t.begin, w, label_hit, "the list's other links say so; ");
        continue;
      }
      if (st.count >= vocabulary_count || name_word(st, f, w, lw)) continue;
      // (Whether the word is known is worked out once per distinct word: most words are, and
      // leave here.)
      if (!unknown(f, w, lw) || speller->technical(lw)) continue;
      const bool capital = w[0] >= 'A' && w[0] <= 'Z';
      // Words of four or five letters are mostly names and abbreviations (kops, redux, Dota):
      // checked only in lowercase, and only as a slip on a common word of five letters or more
      // ("vdeos", "whic"), below.
      const bool short_word = w.size() < 6;
      // A capitalised word beside a name is part of a name: beside a capitalised word that no
      // dictionary knows ("Junjie Wang", "Renmin University"), or an initial ("L. Angrave").
      // Beside a capitalised word the dictionary knows it is Title Case ("Compress Contextss",
      // "Evaulation Datasets", "Chinese Wodrs Segmentation"); acronyms (LLM) are neither.
      bool title_case = (token_flags[ti] & kTitleCase) != 0;
      auto name_beside = [&](std::size_t k) {
        if (!capitalised(tokens[k]) || (token_flags[k] & kIdentifier)) return false;
        std::string nl(base_word(word_of(k)));
        util::lower_inplace(nl);
        // (A technical word the dictionary lacks is a name: "Sloc Cloc and Code".)
        if (speller->known(word_of(k)) || speller->known_alt(word_of(k)) || derived_from_known(nl, *speller)) {
          // (Title Case is words joined by a space: "Slack, Gitter" is an enumeration of names.)
          const Token& x = tokens[std::min(k, ti)];
          const Token& y = tokens[std::max(k, ti)];
          title_case |= y.begin == x.end + 1 && src[x.end] == ' ';
          return false;
        }
        return true;
      };
      auto initial_before = [&] {
        return t.begin >= 3 && src[t.begin - 1] == ' ' && src[t.begin - 2] == '.' && src[t.begin - 3] >= 'A' &&
               src[t.begin - 3] <= 'Z' && (t.begin == 3 || !letter(src[t.begin - 4]));
      };
      // In an enumeration of names ("Slido, AhaSlides and Mentimeter", "Zoom or WebEx"): a name.
      auto enumerated_with_name = [&](std::size_t k) {
        const Token& x = tokens[std::min(k, ti)];
        const Token& y = tokens[std::max(k, ti)];
        const std::string_view between = src.substr(x.end, y.begin - x.end);
        return enumeration_separator(between) && capitalised(tokens[k]) && (camel_case(word_of(k)) || name_beside(k));
      };
      // (Not in a title of common words, which capitalises every word: "Detection using Uncurated
      // Imgaes". Both neighbours are asked there too: they tell Title Case.)
      bool beside_name = false, in_common_enumeration = false;
      if (capital) {
        const bool next_name = ti + 1 < tokens.size() && tokens[ti + 1].begin <= t.end + 2 && name_beside(ti + 1);
        const bool prev_name = ti > 0 && t.begin <= tokens[ti - 1].end + 2 && name_beside(ti - 1);
        beside_name = (next_name || prev_name || initial_before() || (ti + 1 < tokens.size() && enumerated_with_name(ti + 1)) ||
                       (ti > 0 && enumerated_with_name(ti - 1))) &&
                      !(token_flags[ti] & kTitleProse);
        // Between two capitalised common words of an enumeration ("**Image**, **Video**, **Audio**",
        // "Volume, Ringer, Rotation"), it is one of them: read as Title Case. Beside one, it is a
        // word where the list writes its suggestion capitalised too (below): "Slack, Gitter" ends
        // an enumeration of names that are words too.
        auto common_enumerated = [&](std::size_t k) {
          if (!capitalised(tokens[k]) || (token_flags[k] & kIdentifier)) return false;
          const Token& x = tokens[std::min(k, ti)];
          const Token& y = tokens[std::max(k, ti)];
          if (y.begin - x.end > 8) return false;
          std::string between;
          for (const char c : src.substr(x.end, y.begin - x.end))
            if (c != '*' && c != '_') between += c;
          if (!enumeration_separator(between)) return false;
          std::string nl(base_word(word_of(k)));
          util::lower_inplace(nl);
          return speller->common(nl) && !speller->proper_noun(nl);
        };
        if (!beside_name && !title_case) {
          const bool prev = ti > 0 && common_enumerated(ti - 1), next = ti + 1 < tokens.size() && common_enumerated(ti + 1);
          title_case = prev && next;
          // (So is a word after an acronym or a CamelCase name, a space apart: "CLI Tools", "UI
          // Design", "MoE Model", "SpyEye Tracker".)
          auto after_acronym = [&] {
            if (t.begin < 3 || src[t.begin - 1] != ' ') return false;
            std::size_t q = t.begin - 1;
            while (q > 0 && q + 12 > t.begin && util::alnum(src[q - 1])) --q;
            const std::string_view before = src.substr(q, t.begin - 1 - q);
            return before.size() >= 2 && (q == 0 || !util::alnum(src[q - 1])) && letter(before[0]) && identifier_like(before);
          };
          in_common_enumeration = prev || next || after_acronym();
        }
      }
      bool before_colon = false;
      if (capital) {
        // Names of papers and systems come before a colon ("Thanos: A Block-wise Pruning...").
        // (Looked for in the next 256 bytes: a name is shorter, and a long line must not be read
        // again for each of its words.)
        const std::string_view next = src.substr(t.end, 256);
        before_colon =
            !next.empty() && (next[0] == ':' || (next[0] == '-' && next.size() > 1 && letter(next[1]) && next.find(':') < next.find(' ')));
        // Beside a word in another script or with accents ("Álvaro Barbero Jiménez"): a name.
        // (A letter, not an emoji or a symbol: "## 📚 Citaiton" is a heading of one word. Chinese,
        // Japanese and Korean set apart by a space are the list's own language beside its English
        // terms, as in prose_like: "ACL Anthology 판", "Retrieval Augmented Generation パターン";
        // written against the word they make a name, "Transformer杀入".)
        auto foreign_beside = [&](std::size_t from, int dir) {
          std::size_t p = from;
          const auto n = static_cast<std::int32_t>(std::min<std::size_t>(src.size(), INT32_MAX));
          UChar32 c = 0;
          if (dir < 0) {
            while (p > 0 && (src[p - 1] == ' ' || src[p - 1] == '*' || src[p - 1] == '_')) --p;
            if (p == 0 || p > static_cast<std::size_t>(n) || static_cast<unsigned char>(src[p - 1]) < 0x80) return false;
            auto i = static_cast<std::int32_t>(p);
            U8_PREV(reinterpret_cast<const std::uint8_t*>(src.data()), 0, i, c);  // (i: the character's lead byte)
            if (p != from && cjk_lead(static_cast<unsigned char>(src[static_cast<std::size_t>(i)]))) return false;
          } else {
            while (p < src.size() && (src[p] == ' ' || src[p] == '*' || src[p] == '_')) ++p;
            if (p >= static_cast<std::size_t>(n) || static_cast<unsigned char>(src[p]) < 0x80 || (p != from && cjk_lead(static_cast<unsigned char>(src[p])))) return false;
            auto i = static_cast<std::int32_t>(p);
            U8_NEXT(reinterpret_cast<const std::uint8_t*>(src.data()), i, n, c);
          }
          return c >= 0 && u_isalpha(c);
        };
        if (foreign_beside(t.begin, -1) || foreign_beside(t.end, 1)) continue;
      }
      // Credits, author lists and foreign text, which read around the word: a few lines' bytes,
      // far cheaper than a suggestion, and five in six of the words left here are in them.
      // In credits, a word of six letters or more beside a word the list writes three times or
      // more is asked about the list's phrases all the same (phrase_used, below): "Tsinghua
      // Universty" where the list says "Tsinghua University" 28 times. Not in an author list:
      // people there share names a letter apart ("June Paik" beside "June Park"), and author
      // lists hold most of a list's names (on the 49 lists, 2,014 words would each need a
      // suggestion, 4% more instructions for the whole run, for one more slip in the recall test).
      const Quiet quiet = quiet_here();
      auto frequent_beside = [&] {
        if (w.size() < 6) return false;
        auto frequent = [&](std::size_t k) { return token_stats[k] && stat[token_stats[k] - 1].count >= 3; };
        return (ti > 0 && tokens[ti - 1].end + 1 == t.begin && src[t.begin - 1] == ' ' && frequent(ti - 1)) ||
               (ti + 1 < tokens.size() && t.end + 1 == tokens[ti + 1].begin && src[t.end] == ' ' && frequent(ti + 1));
      };
      if (quiet == Quiet::names || (quiet == Quiet::credits && !frequent_beside())) continue;
      // The suggestion, worked out once per distinct word, and only now: most unknown words are
      // names, which the checks above (of the word's place, not of the word) let go before a
      // suggestion is looked for.
      if (assess(st, f, w, lw).empty()) continue;
      // A capitalised word or a short one is a slip only on a common word: a word the list uses
      // elsewhere is not evidence enough (names are made of such words).
      const std::string lbest = util::lower(f.best);
      // The list writes the suggestion beside the same word elsewhere, twice or more: "Multimodal
      // Iarge Language Models" in a list that says "Multimodal Large Language Models" throughout.
      // The phrase is the evidence that a name lacks, wherever the word is; so for a short word, or
      // one beside unknown words. (Each phrase is a search of the file: at most 64 per file, and
      // only of words about to be let go.)
      auto phrase_used = [&] {
        // (Only where the list writes the suggestion twice or more, as far as its counts of words
        // tell: most slips leave here, unsearched.)
        if (lbest.size() >= shortest) {
          const WordStats* used = stat_of(lbest);
          if (!used || used->count < 2) return false;
        }
        // (The word beside it, a space apart: three letters or more, "the above", "ZSH theme".)
        auto used = [&](bool before) {
          std::size_t b, e;
          if (before) {
            if (t.begin < 2 || src[t.begin - 1] != ' ') return false;
            e = b = t.begin - 1;
            while (b > 0 && letter(src[b - 1])) --b;
          } else {
            if (t.end + 1 >= src.size() || src[t.end] != ' ') return false;
            b = e = t.end + 1;
            while (e < src.size() && letter(src[e])) ++e;
          }
          if (e - b < 3) return false;
          const std::string_view nw = src.substr(b, e - b);
          const std::string fixed = cased_like(w, f.best);
          const std::string phrase = before ? std::string(nw) + " " + fixed : fixed + " " + std::string(nw);
          if (phrases.size() >= 64 && !phrases.count(phrase)) return false;
          const auto [it, fresh] = phrases.try_emplace(phrase, false);
          if (fresh) {
            int n = 0;
            for (std::size_t p = src.find(phrase); p != std::string_view::npos && n < 2; p = src.find(phrase, p + 1))
              n += (p == 0 || !letter(src[p - 1])) && (p + phrase.size() >= src.size() || !letter(src[p + phrase.size()]));
            it->second = n >= 2;
          }
          return it->second;
        };
        return used(true) || used(false);
      };
      if (st.name && !name_slip(f, lw, lbest)) continue;
      if ((capital || short_word) && !speller->common(lbest)) continue;
      // (After the checks above, which need no search: each phrase is one, at most 64 per file.)
      if (quiet == Quiet::credits && !phrase_used()) continue;
      // (A short word joined by a hyphen to a word that is not common English is a piece of a
      // foreign phrase or a name: avant-garde, Jean-bastien; not in Rule-Baesd.)
      auto foreign_partner = [&] {
        auto piece = [&](std::size_t b, std::size_t e) {
          std::string p(src.substr(b, e - b));
          util::lower_inplace(p);
          return !speller->common(p);
        };
        if (t.begin > 1 && src[t.begin - 1] == '-' && letter(src[t.begin - 2])) {
          std::size_t b = t.begin - 1;
          while (b > 0 && letter(src[b - 1])) --b;
          if (piece(b, t.begin - 1)) return true;
        }
        if (t.end + 1 < src.size() && src[t.end] == '-' && letter(src[t.end + 1])) {
          std::size_t e = t.end + 1;
          while (e < src.size() && letter(src[e])) ++e;
          if (piece(t.end + 1, e)) return true;
        }
        return false;
      };
      const bool inner_slip = interior_slip(lw, lbest, f.two_edits, *speller) && !(short_word && foreign_partner());
      // (Before a colon, a slip well inside a long word is a label's, "Practixioners: compare
      // ..."; names of systems are puns on words, "Conffusion:", "Attendre:".)
      // A label the list writes elsewhere before a colon ("- Paper: [...]" in every entry,
      // "Example:", "Email:") is no system's name: a slip on it is a slip ("- Pfaper: [...]").
      auto label_elsewhere = [&] {
        if (t.end >= src.size() || src[t.end] != ':') return false;
        // (A letter doubled is a pun, as above: "Conffusion:" where the list says "Confusion:".)
        if (doubled_letter(lw, lbest)) return false;
        const std::string label = cased_like(w, f.best) + ":";
        if (labels.size() >= 64 && !labels.count(label)) return false;  // (each is a search of the file)
        const auto [it, fresh] = labels.try_emplace(label, false);
        if (fresh)
          for (std::size_t p = src.find(label); p != std::string_view::npos && !it->second; p = src.find(label, p + 1))
            it->second = p == 0 || !letter(src[p - 1]);
        return it->second;
      };
      if ((before_colon || beside_name) && !(inner_slip && deep_slip(lw, lbest)) && !(before_colon && !beside_name && label_elsewhere()))
        continue;
      // A capitalised word alone in mid-sentence is a name ("based on Guice", "a drop-in
      // replacement for Disqus", "Slack, Gitter"), and many names are a word with a letter
      // changed: only Title Case and sentence starts are read as words...
      const auto capital_name = [&] {
        // Names are many, and many are a word with a letter changed (Firestore, Rappin) or put
        // before it (Kcache, Jinterface, Preact): a capitalised word is a slip only on a word
        // the list uses elsewhere, and not when the suggestion is the word minus its first letter.
        // (In link text, a heading or a table header made of common words, the other words are
        // the evidence: "Cnstruction Method", "Trsuted Builds". Table cells hold names more often:
        // "Project Glasswing".)
        // (In such prose, a word the list uses is evidence enough for a slip on its first letter
        // too: "## Gideo" where the list says video, "### Yfoundation Models".)
        const bool prose_used = (token_flags[ti] & kTitleProse) && f.best_used && lbest.size() >= 5;
        // (Where the list itself writes the word capitalised, twice or more, a sentence start or
        // Title Case is its place: "- Iibrary to manage ..." where entries say "- Library to".)
        const bool caps_used = [&] {
          const WordStats* used = stat_of(lbest);
          return used && used->caps >= 2 && (title_case || sentence_start(src, t.begin));
        }();
        const bool long_word = lbest.size() >= 9 && speller->common(lbest) && !f.two_edits &&
                               edit_span(lw, lbest).pre + 1 < std::min(lw.size(), lbest.size());
        // (A letter before a long common word in Title Case: "Drug Jdiscovery", "RAG Jipeline".)
        const bool before_long_title = (title_case || in_common_enumeration) && lbest.size() >= 7 &&
                                       lw.size() == lbest.size() + 1 && lw.substr(1) == lbest && speller->common(lbest);
        if ((!f.best_used && !(token_flags[ti] & kTitleProse) && !inner_slip && !long_word && !before_long_title) ||
            (lw.size() == lbest.size() + 1 && lw.substr(1) == lbest && !prose_used && !caps_used && !before_long_title))
          return true;
        // ... and there, only one slip, not on the last letter: names vary their ending
        // (Universo, Warface, Bartek) and are two letters from a word (Winsorized, Sparsifying).
        // (A letter left out before the last one in a long word is a slip: Trendig; a letter
        // put in there makes names: Directus, Reactjs, Overseerr.)
        if (!f.best_used && !(inner_slip && lw.size() < lbest.size()) && !long_word &&
            (f.two_edits || edit_span(lw, lbest).pre + 1 >= std::min(lw.size(), lbest.size())))
          return true;
        // A name with another first letter is a name of its own (Tmall: Small, Zamba: Samba,
        // Vokens: Tokens); slips seldom change the first letter.
        // (Not in a long link text: a paper's title coins words that way, "Interleaved
        // Vision-and-Language Generation via Generative Vokens".)
        auto run_words = [&] {
          std::size_t b = ti, e = ti + 1;
          while (b > 0 && !(token_flags[b] & kRunStart)) --b;
          while (e < tokens.size() && !(token_flags[e] & kRunStart)) ++e;
          return e - b;
        };
        // (A long title in link text or a table cell: a paper's, which coins words that way.)
        auto long_title = [&] {
          return (token_flags[ti] & (kInLinkOrName | kProse)) && !(token_flags[ti] & kTitleCase) && run_words() > 4;
        };
        if (lbest[0] != lw[0] && !inner_slip && !((caps_used || before_long_title) && !long_title()) &&
            !(prose_used && ((token_flags[ti] & kTitleCase) || run_words() <= 4)))
          return true;
        return false;
      };
      if (capital && capital_name() && !phrase_used()) continue;
      // A capitalised word alone in mid-sentence is a name ("based on Guice", "a drop-in
      // replacement for Disqus", "Slack, Gitter", "built on a Preact core"): many names are a
      // word with a letter changed or put before it. Such a word is a slip only on a name the
      // list itself writes alone in mid-sentence ("on Discqrd" where the list says "on Discord").
      if (capital && !title_case && !inner_slip && !sentence_start(src, t.begin)) {
        const WordStats* used = stat_of(lbest);
        if ((!used || !(used->cap_mid || (in_common_enumeration && used->caps >= 2))) && !phrase_used()) continue;
      }
      // A word written again on its own line, in a URL or a name, is a name there ("Noel Rappin"
      // beside noelrappin.com, "[Plack Handbook](http://handbook.plackperl.org)").
      if (on_line_again(src, t.begin, t.end, lw, {f.best})) continue;
      // A short word is a slip only on a common word the list uses elsewhere ("vdeos" where it
      // says "videos"): short unknown words are mostly tools and abbreviations (unrar, faiss).
      // Nor where it is one edit from one frequent word only (SCOWL size 35: "clsud", "tjble",
      // "kenps"), the others a common word or more at most: tools are named by a letter changed in
      // words few people write (goctl: ioctl, untar: unbar), or are one edit from several (faiss:
      // fails, fairs); not a piece of a hyphenated phrase (avant-garde).
      auto one_frequent = [&] {
        if (!speller->frequent(lbest) || foreign_partner()) return false;
        int n = 0;
        for (const std::string& c : speller->suggest(w)) n += c[0] >= 'a' && c[0] <= 'z' && speller->frequent(c);
        return n == 1;
      };
      if (short_word && (f.best.size() < 5 || (!f.best_used && !inner_slip && !one_frequent())) && !phrase_used()) continue;
      // (Not a slip well inside a long word, or two of its letters swapped, which no name is:
      // "restoration, understalding, nerf", "understandign, nerf".)
      if (beside_unknown_names(ti) && !(inner_slip && (deep_slip(lw, lbest) || (lw.size() >= 8 && swapped_pair(lw, lbest)))) &&
          !phrase_used())
        continue;
      report_unknown(t.begin, w, cased_like(w, f.best), "");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_typo() { return std::make_unique<Typo>(); }

}  // namespace listlint::rules
