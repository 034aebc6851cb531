// typo: misspellings in prose, from codespell's list of known misspellings and a Hunspell
// dictionary, with the list's own vocabulary and a technical vocabulary to avoid crying wolf.

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "listlint/checking/rule.h"
#include "typo-vocabulary.h"
#include "util.h"

namespace listlint::rules {
namespace {

bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A word of prose: its bytes in the file (files are far below 4 GB). Eight bytes, since a list
// has a token for every ten bytes or so.
struct Token {
  std::uint32_t begin, end;
};

// Byte classes for the tokenizer: punctuation that may open or close a word, and characters
// that make a chunk code-like (digits, paths, e-mail addresses, entities, markup).
enum : unsigned char { kOpen = 1, kClose = 2, kCode = 4 };
constexpr auto kClass = [] {
  std::array<unsigned char, 256> t{};
  for (unsigned char c : std::string_view("([{\"'*_~")) t[c] |= kOpen;
  for (unsigned char c : std::string_view(".,;:!?)]}\"'*_~")) t[c] |= kClose;
  for (unsigned char c : std::string_view("0123456789/\\@_=.:&#<>`+$%|~^*")) t[c] |= kCode;
  return t;
}();

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
    while (i < s.size() && space(s[i])) ++i;
    std::size_t j = i;
    while (j < s.size() && !space(s[j])) ++j;
    std::string_view chunk = s.substr(i, j - i);
    // Trailing and leading punctuation does not make a chunk code-like.
    std::size_t cb = 0, ce = chunk.size();
    while (cb < ce && (kClass[static_cast<unsigned char>(chunk[cb])] & kOpen)) ++cb;
    while (ce > cb && (kClass[static_cast<unsigned char>(chunk[ce - 1])] & kClose)) --ce;
    const std::string_view core = chunk.substr(cb, ce - cb);
    bool skip = core.empty();
    for (std::size_t k = 0; k < core.size() && !skip; ++k) {
      const char c = core[k];
      if (kClass[static_cast<unsigned char>(c)] & kCode)
        skip = true;
      else if (static_cast<unsigned char>(c) >= 0x80 && !(core.compare(k, 3, "\xE2\x80\x99") == 0 && k > 0))
        skip = true;  // non-ASCII letters: the dictionary is English
      if (static_cast<unsigned char>(c) >= 0x80 && core.compare(k, 3, "\xE2\x80\x99") == 0) k += 2;
    }
    if (!skip) {
      // Split on hyphens and slashes into words; keep inner apostrophes ("don't", "model's").
      std::size_t k = 0;
      const std::size_t off = i + cb;
      while (k < core.size()) {
        while (k < core.size() && !letter(core[k])) ++k;
        std::size_t e = k;
        bool curly = false;
        while (e < core.size()) {
          if (letter(core[e])) { ++e; continue; }
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
  int upper = 0;
  for (char c : w) upper += c >= 'A' && c <= 'Z';
  if (upper >= 2) return true;                    // ALL-CAPS, CamelCase, LLaVA
  if (upper == 1 && !(w[0] >= 'A' && w[0] <= 'Z')) return true;  // iPhone, macOS
  return false;
}

std::string_view base_word(std::string_view w) {
  // "model's" -> "model", "lists'" never reaches here (quotes are trimmed).
  if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.remove_suffix(2);
  return w;
}

// British spellings of US words: colour, optimisation, analyse, centre, travelled.
bool british_of_known(const std::string& lw, const Speller& sp) {
  auto try_replace = [&](std::string_view from, std::string_view to) {
    const std::size_t p = lw.rfind(from);
    if (p == std::string::npos) return false;
    std::string us = lw;
    us.replace(p, from.size(), to);
    return sp.known(us);
  };
  return try_replace("our", "or") || try_replace("isation", "ization") || try_replace("ise", "ize") ||
         try_replace("ising", "izing") || try_replace("yse", "yze") || try_replace("tre", "ter") ||
         try_replace("lled", "led") || try_replace("lling", "ling") || try_replace("ogue", "og") ||
         try_replace("ence", "ense");
}

// Derived forms en_US lacks, of words it knows: lookups, datatypes, serializer, precompiled,
// subfields, lockless, natively, theming, bootstrapper. The stem must have 4 letters or more.
bool derived_from_known(const std::string& w, const Speller& sp) {
  auto known_stem = [&](const std::string& stem) {
    return stem.size() >= 4 && (sp.known(stem) || sp.known_alt(stem) || is_technical_word(stem));
  };
  auto ends = [&](std::string_view suf) { return w.size() > suf.size() && w.compare(w.size() - suf.size(), suf.size(), suf) == 0; };
  auto cut = [&](std::size_t n) { return w.substr(0, w.size() - n); };
  if (ends("s") && known_stem(cut(1))) return true;
  if (ends("es") && known_stem(cut(2))) return true;
  for (std::string_view suf : {"ed", "er", "ers", "ing", "able", "ly", "less", "ness", "ize", "izes", "ized", "ization"}) {
    if (!ends(suf)) continue;
    const std::string stem = cut(suf.size());
    // "archiveed" is no form of archive: English drops the e before -ed, -er, -ing, -able.
    if (!stem.empty() && stem.back() == 'e' && suf[0] != 'l' && suf[0] != 'n' && suf != "less") continue;
    if (known_stem(stem) || known_stem(stem + "e")) return true;
    if (stem.size() >= 2 && stem.back() == stem[stem.size() - 2] && known_stem(stem.substr(0, stem.size() - 1))) return true;
  }
  if (ends("r") && w[w.size() - 2] == 'e' && known_stem(cut(1))) return true;    // serialize-r
  if (ends("d") && w[w.size() - 2] == 'e' && known_stem(cut(1))) return true;    // debounce-d
  for (std::string_view pre : {"pre", "re", "sub", "un", "de", "multi", "non", "co", "inter", "micro", "auto", "self"}) {
    // The rest must be a common word of five letters or more: "re-corf" and "co-sing" are slips
    // on record and closing.
    if (w.size() > pre.size() + 4 && w.compare(0, pre.size(), pre) == 0) {
      const std::string rest = w.substr(pre.size());
      if (sp.common(rest) || (rest.size() > 5 && rest.back() == 's' && sp.common(rest.substr(0, rest.size() - 1)))) return true;
    }
  }
  return false;
}

// True when one edit (a letter deleted, inserted or replaced, or two neighbours swapped) turns
// `a` into `b`.
bool one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (i == a.size()) return false;
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // replaced
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);  // swapped
  }
  return a.substr(i) == b.substr(i + 1);  // inserted
}

// Two common words written as one, each of four letters or more: leaderboards, lookback.
bool compound_of_common(std::string_view w, const Speller& sp) {
  for (std::size_t cut = 4; cut + 4 <= w.size(); ++cut)
    if (sp.common(w.substr(0, cut)) && sp.common(w.substr(cut))) return true;
  return false;
}

// Is the word where a sentence, cell, heading or list item starts (where capitals are normal)?
bool sentence_start(std::string_view src, std::size_t at) {
  std::size_t p = at;
  while (p > 0 && std::string_view(" \t*_\"'([").find(src[p - 1]) != std::string_view::npos) --p;
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
  if (std::string_view("|#!?:>").find(c) != std::string_view::npos) return true;
  if (c == '-' || c == '+' || c == '*') {  // a list marker alone at the start of its line
    std::size_t q = p - 1;
    while (q > 0 && (src[q - 1] == ' ' || src[q - 1] == '\t')) --q;
    return q == 0 || src[q - 1] == '\n';
  }
  return false;
}

// Function words, for telling English prose from prose in another language by the text's own
// evidence: the dictionary is English, so a run (or a whole file) whose function words are mostly
// Spanish, French, Portuguese, Italian or German is not checked. Words that are function words
// in English too ("a", "in", "die") are in neither set.
// A word of up to eight ASCII letters as one number, for look-ups without hashing.
constexpr std::uint64_t pack(std::string_view w) {
  std::uint64_t k = 0;
  for (char c : w) k = (k << 8) | static_cast<unsigned char>(c);
  return k;
}
template <std::size_t N>
constexpr std::array<std::uint64_t, N> packed_sorted(const std::array<std::string_view, N>& words) {
  std::array<std::uint64_t, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = pack(words[i]);
  std::sort(out.begin(), out.end());
  return out;
}
constexpr auto kEnglishFunction = packed_sorted<26>({"the", "and", "of", "to", "for", "with", "is", "on", "are",
                                                    "this", "that", "from", "by", "an", "or", "it", "be", "as",
                                                    "at", "you", "your", "which", "its", "was", "can", "has"});
constexpr auto kForeignFunction = packed_sorted<47>(
    {"de", "la", "el", "los", "las", "del", "para", "con", "una", "por", "que", "en", "es", "y", "le", "les",
     "des", "est", "une", "du", "pour", "dans", "sur", "avec", "di", "il", "che", "della", "per", "und", "das",
     "mit", "ist", "nicht", "ein", "eine", "der", "um", "uma", "do", "da", "dos", "como", "sobre", "se", "lo",
     "su"});
bool english_function_word(std::string_view w) {
  return std::binary_search(kEnglishFunction.begin(), kEnglishFunction.end(), pack(w));
}
bool foreign_function_word(std::string_view w) {
  return std::binary_search(kForeignFunction.begin(), kForeignFunction.end(), pack(w));
}
// Counts English and foreign function words in `s`: lowercase ASCII words only ("Li", "Su" and
// "Da" are surnames; "et al." is English usage).
void count_function_words(std::string_view s, int& english, int& foreign) {
  std::size_t b = 0;
  bool lower = true;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const char c = i < s.size() ? s[i] : ' ';
    if (letter(c)) {
      lower &= c >= 'a';
      continue;
    }
    if (i > b && i - b <= 6 && lower && static_cast<unsigned char>(c) < 0x80 &&
        (b == 0 || static_cast<unsigned char>(s[b - 1]) < 0x80)) {
      const std::string_view w = s.substr(b, i - b);
      english += english_function_word(w);
      foreign += foreign_function_word(w);
    }
    b = i + 1;
    lower = true;
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

// Is the word at `at` part of a list of people's names: its comma-separated piece of the line is
// two to four capitalised words ("Amit H. Bermano", "Jean-bastien Grill"), and the line has at
// least three such pieces? Authors' given names are often a word with one letter more or less
// (Shuting, Shiping, Sigal).
bool in_author_list(std::string_view src, std::size_t at) {
  // Lines of names are short: look at most 2,000 bytes either side (a 100 MB line costs no more).
  const std::size_t lo = at > 2000 ? at - 2000 : 0, hi = std::min(src.size(), at + 2000);
  std::size_t b = src.substr(lo, at - lo).rfind('\n');
  if (b == std::string_view::npos && lo > 0) return false;
  b = b == std::string_view::npos ? 0 : lo + b + 1;
  std::size_t e = src.substr(at, hi - at).find('\n');
  if (e == std::string_view::npos && hi < src.size()) return false;
  e = e == std::string_view::npos ? src.size() : at + e;
  const std::string_view line = src.substr(b, e - b);
  // The names of a piece, or an empty view when it is no list of names.
  auto name_piece = [](std::string_view piece) -> std::string_view {
    // What comes before the names in the first piece: "[**Title.**](url) _Shuting Pan", "Team: Alex Li".
    if (const std::size_t cut = piece.find_last_of("_*)]:"); cut != std::string_view::npos) piece.remove_prefix(cut + 1);
    while (!piece.empty() && std::string_view(" \t*_([").find(piece.front()) != std::string_view::npos) piece.remove_prefix(1);
    while (!piece.empty() && std::string_view(" \t*_.)]\\").find(piece.back()) != std::string_view::npos) piece.remove_suffix(1);
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
  int pieces = 0;
  bool mine = false;
  for (std::size_t p = 0; p <= line.size();) {
    std::size_t q = line.find_first_of(",;", p);
    if (q == std::string_view::npos) q = line.size();
    if (const std::string_view names = name_piece(line.substr(p, q - p)); !names.empty()) {
      ++pieces;
      const std::size_t nb = b + static_cast<std::size_t>(names.data() - line.data());
      mine |= nb <= at && at < nb + names.size();
    }
    p = q + 1;
  }
  return mine && pieces >= 3;
}

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
         {"min_length", 6, "Shortest word the dictionary layer checks (short words are mostly abbreviations and tool names)."},
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
    enum : unsigned char { kInLinkOrName = 1, kTitleCase = 2, kStraightened = 4, kRunStart = 8 };
    std::vector<Token> tokens;
    std::vector<unsigned char> token_flags;
    // Room for a token per 8 bytes of text: prose has one per 10 to 12, so the vectors are
    // seldom reallocated (which holds both copies at once: the rule's peak on a large list).
    std::size_t text_bytes = 0;
    for (const TextRun& run : ctx.model.text_runs) text_bytes += run.bytes.size();
    tokens.reserve(text_bytes / 8 + 16);
    token_flags.reserve(text_bytes / 8 + 16);
    std::unordered_map<std::uint32_t, std::string> straightened;  // by token start: "don’t" as "don't"
    // The file's language, from the function words of its first 256 KB of text.
    int file_english = 0, file_foreign = 0;
    {
      std::size_t sampled = 0;
      for (const TextRun& run : ctx.model.text_runs) {
        if (sampled > (256u << 10)) break;
        sampled += run.bytes.size();
        count_function_words(src.substr(run.bytes.begin, run.bytes.size()), file_english, file_foreign);
      }
    }
    for (const TextRun& run : ctx.model.text_runs) {
      const std::size_t first = tokens.size();
      const unsigned char flags = static_cast<unsigned char>((run.in_link || run.in_heading ? kInLinkOrName : 0) |
                                                             (run.in_heading || run.in_table_header ? kTitleCase : 0));
      tokenize(src.substr(run.bytes.begin, run.bytes.size()), run.bytes.begin, shortest,
               [&](std::string_view word, std::uint32_t begin, std::uint32_t end) {
                 unsigned char f = flags;
                 if (word.data() != src.data() + begin) {
                   straightened.try_emplace(begin, word);
                   f |= kStraightened;
                 }
                 tokens.push_back({begin, end});
                 token_flags.push_back(f);
               });
      if (tokens.size() > first) token_flags[first] |= kRunStart;
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
      std::vector<std::string> corrections;
      std::string best;  // the suggestion, empty when none or when the word looks like a name
    };
    struct WordStats {
      int count = 0;
      bool name = false;            // in link text, a heading or a details summary
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
    std::unordered_map<std::string_view, std::uint32_t> stats;
    std::vector<WordStats> stat;
    std::deque<std::string> keys;
    std::string lower;
    std::vector<std::uint32_t> token_stats(tokens.size(), 0);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const std::string_view w = base_word(word_of(i));
      if (w.size() < shortest) continue;
      lower.assign(w);
      util::lower_inplace(lower);
      auto it = stats.find(lower);
      if (it == stats.end()) {
        it = stats.try_emplace(keys.emplace_back(lower), static_cast<std::uint32_t>(stat.size())).first;
        stat.emplace_back();
      }
      WordStats& st = stat[it->second];
      ++st.count;
      st.name |= (token_flags[i] & kInLinkOrName) != 0;
      token_stats[i] = it->second + 1;
    }
    for (const Details& d : ctx.model.details)
      tokenize(d.summary, 0, 0, [&](std::string_view word, std::uint32_t, std::uint32_t) {
        if (auto it = stats.find(util::lower(base_word(word))); it != stats.end()) stat[it->second].name = true;
      });
    // Project names live in the list's URLs too (github.com/spec-first/connexion, opendota.com): a
    // word found in one is a name, for both layers. A typo is in no URL. Searched only for words
    // that would otherwise be reported.
    std::string all_urls;
    auto in_urls = [&](WordStats& st, std::string_view lw) {
      if (st.urls < 0) {
        if (all_urls.empty()) {
          for (const Link& l : ctx.model.links) {
            all_urls += util::lower(l.url);
            all_urls += ' ';
          }
        }
        // A plural of a name is a name too: "boletos" where the list links boleto.cloud.
        auto found = [&](std::string_view x) { return x.size() >= 4 && all_urls.find(x) != std::string::npos; };
        st.urls = found(lw) || (lw.size() > 5 && lw.back() == 's' && found(lw.substr(0, lw.size() - 1)));
      }
      return st.urls == 1;
    };

    auto capitalised = [&](const Token& t) { return src[t.begin] >= 'A' && src[t.begin] <= 'Z'; };
    // A piece of a word split by emphasis ("**A**nother", "re*use*") is not a word.
    auto fragment = [&](const Token& t) {
      const char before = t.begin > 0 ? src[t.begin - 1] : ' ';
      const char after = t.end < src.size() ? src[t.end] : ' ';
      const char after2 = t.end + 1 < src.size() ? src[t.end + 1] : ' ';
      std::size_t b = t.begin;
      while (b > 0 && (src[b - 1] == '*' || src[b - 1] == '_')) --b;
      return (b < t.begin && b > 0 && letter(src[b - 1])) || ((after == '*' || after == '_') && letter(after2)) ||
             letter(before) || before == ')' || before == ']';  // "(d)evelopment": an acronym spelled out
    };
    // The dictionary layer's verdict on a word, whatever its context: the correction to offer, or
    // empty when the dictionary knows the word or the word looks like a name.
    auto assess = [&](WordStats& st, WordFacts& f, std::string_view w, std::string_view lw) -> const std::string& {
      if (f.unknown < 0)
        f.unknown = !(speller->known(w) || speller->known_alt(w) ||  // British English: programme, whisky
                      british_of_known(std::string(lw), *speller) || derived_from_known(std::string(lw), *speller));
      if (f.unknown && f.suggested < 0) {
        f.suggested = 1;
        // A typo is a slip on a word one edit away. Rank: a common noun before a proper one, a
        // common word before a rare one, a word the list uses, the same first letter; then the
        // order of edits (deletions, swaps, replacements, insertions).
        int best_rank = -1;
        bool best_common = false, best_used = false, best_at_edge = false;
        std::vector<std::string> candidates = speller->suggest(w);
        for (std::string_view term : technical_words())  // quantizatioan: quantization
          if (one_edit(term, lw)) candidates.emplace_back(term);
        for (const auto& sug : candidates) {
          const bool proper = sug[0] >= 'A' && sug[0] <= 'Z';
          const bool common = speller->common(sug) || is_technical_word(sug);
          const bool used = stats.count(std::string_view(util::lower(sug))) > 0;
          const int rank = (proper ? 0 : 8) + (common ? 4 : 0) + (used ? 2 : 0) + ((sug[0] | 0x20) == lw[0] ? 1 : 0);
          if (rank > best_rank) {
            best_rank = rank;
            f.best = sug;
            best_common = common;
            best_used = used;
            // Is the word the suggestion with a letter before or after it (tshark: shark, royale: royal)?
            const std::string ls = util::lower(sug);
            best_at_edge = lw.size() == ls.size() + 1 && (lw.substr(1) == ls || lw.substr(0, ls.size()) == ls);
          }
        }
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
        if (best_at_edge && !best_used && !before_long && !doubled) f.best.clear();
        // Two common words written as one whose nearest word starts with another letter
        // (readline: deadline, evergrowing: overgrowing) is a compound or a name, not a slip.
        if (!f.best.empty() && (f.best[0] | 0x20) != lw[0] && compound_of_common(lw, *speller)) f.best.clear();
        // The list's URLs name it ("figlet" in .../pyfiglet): a name, not a typo.
        if (!f.best.empty() && in_urls(st, lw)) f.best.clear();
      }
      return f.best;
    };
    // Another lowercase word in the same text that no dictionary knows and that is no slip on a
    // word either ("slack, mattermost, gotify", "dashas, panchang", foreign words): the text
    // names things or is in another language, so its unknown words are not typos.
    auto beside_unknown_names = [&](std::size_t ti) {
      for (int dir : {-1, 1}) {
        for (std::size_t k = ti;;) {  // the tokens before, then after it in its text run
          if (dir < 0 ? (k == 0 || (token_flags[k] & kRunStart)) : (k + 1 >= tokens.size() || (token_flags[k + 1] & kRunStart))) break;
          k = dir < 0 ? k - 1 : k + 1;
          const std::string_view nword = word_of(k), nw = base_word(nword);
          if (nw.size() < 4 || !(nw[0] >= 'a' && nw[0] <= 'z') || identifier_like(nword)) continue;
          if (!token_stats[k]) continue;
          WordStats* nst = &stat[token_stats[k] - 1];
          const std::string_view nlw = keys[token_stats[k] - 1];
          if (is_technical_word(nlw)) continue;
          // A name the list uses elsewhere, next to it in an enumeration ("slack, mattermost,
          // gotify and smtp"): the text names things.
          if (nst->count >= vocabulary_count || nst->name) {
            const bool next_to = dir < 0 ? k + 1 == ti : k == ti + 1;
            const Token& x = tokens[std::min(k, ti)];
            const Token& y = tokens[std::max(k, ti)];
            const std::string_view between = src.substr(x.end, y.begin - x.end);
            const bool enumerated = between == ", " || between == " and " || between == " or " || between == ", and " ||
                                    between == "/" || between == " & " || between == ", or ";
            if (next_to && enumerated && !speller->known(nw) && !speller->known_alt(nw) &&
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
    // A list written in another language is not checked against an English dictionary.
    if (file_foreign >= 5 && file_foreign >= 2 * file_english) return;
    for (std::size_t ti = 0; ti < tokens.size(); ++ti) {
      const Token& t = tokens[ti];
      if (!token_stats[ti] || identifier_like(word_of(ti)) || fragment(t)) continue;
      // Names and foreign words around it: asked only of a word about to be reported.
      // A line of over 20,000 bytes is no prose line of names or a foreign sentence: not looked at
      // (a 100 MB line of one slip repeated must not cost a scan per occurrence).
      auto quiet_here = [&] {
        const int line = ctx.doc.lines().pos(t.begin).line;
        if (ctx.doc.lines().line_end(line) - ctx.doc.lines().line_begin(line) > 20000) return false;
        return foreign_run(t.begin) || in_author_list(src, t.begin) || foreign_near(src, t.begin);
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
      if (corr_sev != "off" && w.size() >= 4 && !(capital_mid && w.size() <= 5)) {
        if (f.fixes < 0) {
          f.corrections = speller->corrections(lw);
          // A spelling a dictionary accepts (focussed, imbed) is a variant, not a misspelling.
          if (!f.corrections.empty() && (speller->known(w) || speller->known_alt(w) || in_urls(st, lw))) f.corrections.clear();
          f.fixes = !f.corrections.empty();
        }
        if (f.fixes == 1 && !quiet_here()) {
          std::string list;
          for (const auto& c : f.corrections) list += (list.empty() ? "" : " or ") + util::quote(cased_like(w, c));
          std::optional<Fix> fix;
          if (f.corrections.size() == 1)
            // (A word whose apostrophe was made straight is not its bytes: such a fix is refused.)
            fix = Fix{{TextEdit{t.begin, t.begin + w.size(), cased_like(w, f.corrections.front()), std::string(w)}}};
          out.report(ctx.doc.lines().span(t.begin, t.begin + w.size()), util::quote(w) + " is a misspelling of " + list,
                     std::move(fix), corr_sev == "warning");
          continue;
        }
      }
      // 2. Words no dictionary knows.
      if (dict_sev == "off" || w.size() < min_length) continue;
      if (st.count >= vocabulary_count || st.name || is_technical_word(lw)) continue;
      // A capital in mid-sentence makes a name (Zhang, Vercel), not a typo.
      const bool capital = w[0] >= 'A' && w[0] <= 'Z';
      if (capital && !sentence_start(src, t.begin)) continue;
      // Outside headings and table headers (title case), a capitalised word beside another one is
      // part of a name: "Junjie Wang", "Renmin University".
      if (capital && !(token_flags[ti] & kTitleCase) &&
          ((ti + 1 < tokens.size() && capitalised(tokens[ti + 1]) && tokens[ti + 1].begin <= t.end + 2) ||
           (ti > 0 && capitalised(tokens[ti - 1]) && t.begin <= tokens[ti - 1].end + 2)))
        continue;
      if (assess(st, f, w, lw).empty() || beside_unknown_names(ti) || quiet_here()) continue;
      out.report(ctx.doc.lines().span(t.begin, t.begin + w.size()),
                 util::quote(w) + " is not a word; did you mean " + util::quote(cased_like(w, f.best)) +
                     "? (if it is right, add it to the typo rule's words)",
                 std::nullopt, dict_sev == "warning");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_typo() { return std::make_unique<Typo>(); }

}  // namespace listlint::rules
