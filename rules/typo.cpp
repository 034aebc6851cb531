// typo: misspellings in prose, from codespell's list of known misspellings and a Hunspell
// dictionary, with the list's own vocabulary and a technical vocabulary to avoid crying wolf.

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "listlint/rule.h"
#include "typo-vocabulary.h"
#include "util.h"

namespace listlint::rules {
namespace {

bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct Token {
  std::size_t begin, end;  // bytes in the file
  std::string word;        // as written, curly apostrophe made straight
};

// Words of prose in one text run. A "chunk" is a stretch without spaces; chunks that look like
// code, paths, versions, e-mail addresses or entities are skipped whole.
void tokenize(std::string_view s, std::size_t base, std::vector<Token>& out) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && space(s[i])) ++i;
    std::size_t j = i;
    while (j < s.size() && !space(s[j])) ++j;
    std::string_view chunk = s.substr(i, j - i);
    // Trailing and leading punctuation does not make a chunk code-like.
    std::size_t cb = 0, ce = chunk.size();
    while (cb < ce && std::string_view("([{\"'*_~").find(chunk[cb]) != std::string_view::npos) ++cb;
    while (ce > cb && std::string_view(".,;:!?)]}\"'*_~").find(chunk[ce - 1]) != std::string_view::npos) --ce;
    const std::string_view core = chunk.substr(cb, ce - cb);
    bool skip = core.empty();
    for (std::size_t k = 0; k < core.size() && !skip; ++k) {
      const char c = core[k];
      if ((c >= '0' && c <= '9') || c == '/' || c == '\\' || c == '@' || c == '_' || c == '=' || c == '.' ||
          c == ':' || c == '&' || c == '#' || c == '<' || c == '>' || c == '`' || c == '+' || c == '$' || c == '%' ||
          c == '|' || c == '~' || c == '^' || c == '*')
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
        std::string word;
        while (e < core.size()) {
          if (letter(core[e])) { word += core[e]; ++e; continue; }
          if (core[e] == '\'' && e + 1 < core.size() && letter(core[e + 1])) { word += '\''; ++e; continue; }
          if (core.compare(e, 3, "\xE2\x80\x99") == 0 && e + 3 < core.size() && letter(core[e + 3])) { word += '\''; e += 3; continue; }
          break;
        }
        if (!word.empty()) out.push_back({base + off + k, base + off + e, word});
        k = e + 1;
      }
    }
    i = j;
  }
}

bool identifier_like(const std::string& w) {
  int upper = 0;
  for (char c : w) upper += c >= 'A' && c <= 'Z';
  if (upper >= 2) return true;                    // ALL-CAPS, CamelCase, LLaVA
  if (upper == 1 && !(w[0] >= 'A' && w[0] <= 'Z')) return true;  // iPhone, macOS
  return false;
}

std::string base_word(std::string w) {
  // "model's" -> "model", "lists'" never reaches here (quotes are trimmed).
  if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
  return w;
}

// Optimal string alignment distance (a swap of neighbours is one edit), capped at 3.
int edits(std::string_view a, std::string_view b) {
  if (a.size() > b.size() + 2 || b.size() > a.size() + 2) return 3;
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return std::min(d[a.size()][b.size()], 3);
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
  auto known_stem = [&](const std::string& stem) { return stem.size() >= 4 && sp.known(stem); };
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
    if (w.size() > pre.size() + 3 && w.compare(0, pre.size(), pre) == 0) {
      const std::string rest = w.substr(pre.size());
      if (known_stem(rest) || (rest.size() > 4 && rest.back() == 's' && known_stem(rest.substr(0, rest.size() - 1)))) return true;
    }
  }
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

std::string cased_like(const std::string& written, std::string fix) {
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
        {"spelling", "content", "opt-in"},
        Severity::Off,  // opt-in until it is fast and precise enough to be on by default (docs/rules/typo.md)
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

    std::vector<Token> tokens;
    std::vector<char> in_link_or_name, title_case;
    for (const TextRun& run : ctx.model.text_runs) {
      tokenize(src.substr(run.bytes.begin, run.bytes.size()), run.bytes.begin, tokens);
      in_link_or_name.resize(tokens.size(), run.in_link || run.in_heading ? 1 : 0);
      title_case.resize(tokens.size(), run.in_heading || run.in_table_header ? 1 : 0);
    }
    // The list's vocabulary: words it uses repeatedly, and capitalised words that name a link,
    // an entry or a heading (names of models, datasets, tools).
    std::unordered_map<std::string, int> count;
    for (const Token& t : tokens) ++count[util::lower(base_word(t.word))];
    // Names: every word of link text, headings and details summaries (project, model and dataset
    // names are written there), besides words the list uses repeatedly.
    std::unordered_set<std::string> names;
    for (std::size_t i = 0; i < tokens.size(); ++i)
      if (in_link_or_name[i]) names.insert(util::lower(base_word(tokens[i].word)));
    {
      std::vector<Token> extra;
      for (const Details& d : ctx.model.details) tokenize(d.summary, 0, extra);
      for (const Token& t : extra) names.insert(util::lower(base_word(t.word)));
    }
    // Project names live in the list's URLs too (github.com/spec-first/connexion): a word found in
    // one is a name, for both layers. A typo is not in any URL.
    std::unordered_set<std::string> url_words;
    std::string all_urls;
    for (const Link& l : ctx.model.links) {
      all_urls += util::lower(l.url);
      all_urls += ' ';
      std::string part;
      for (char c : l.url + "/") {
        if (letter(c)) {
          part += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else {
          if (part.size() >= 4) url_words.insert(part);
          part.clear();
        }
      }
    }

    auto capitalised = [](const Token& t) { return t.word[0] >= 'A' && t.word[0] <= 'Z'; };
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
    for (std::size_t ti = 0; ti < tokens.size(); ++ti) {
      const Token& t = tokens[ti];
      if (identifier_like(t.word) || fragment(t)) continue;
      const std::string w = base_word(t.word);
      const std::string lw = util::lower(w);
      if (words.count(lw) || (ctx.resources.words && ctx.resources.words->count(lw))) continue;
      // The name of something the list links to ("figlet" in .../pyfiglet, "Dota" in opendota.com);
      // the substring search is dear, so it waits until a word is otherwise a finding.
      if (url_words.count(lw)) continue;
      auto in_urls = [&] { return lw.size() >= 4 && all_urls.find(lw) != std::string::npos; };
      const Span span = ctx.doc.lines().span(t.begin, t.begin + w.size());
      // 1. Known misspellings.
      const bool capital_mid = w[0] >= 'A' && w[0] <= 'Z' && !sentence_start(src, t.begin);
      // Short capitalised words in mid-sentence are names (Toi, Dota, Wirth), not misspellings.
      if (corr_sev != "off" && w.size() >= 4 && !(capital_mid && w.size() <= 5)) {
        const auto* fixes = speller->corrections(lw);
        // A spelling a dictionary accepts (focussed, imbed) is a variant, not a misspelling.
        if (fixes && (speller->known(w) || speller->known_alt(w) || in_urls())) fixes = nullptr;
        if (fixes) {
          std::string list;
          for (const auto& f : *fixes) list += (list.empty() ? "" : " or ") + util::quote(cased_like(w, f));
          std::optional<Fix> fix;
          if (fixes->size() == 1) fix = Fix{{TextEdit{t.begin, t.begin + w.size(), cased_like(w, fixes->front())}}};
          out.report(span, util::quote(w) + " is a misspelling of " + list, std::move(fix), corr_sev == "warning");
          continue;
        }
      }
      // 2. Words no dictionary knows.
      if (dict_sev == "off" || w.size() < min_length) continue;
      if (is_technical_word(lw) || count[lw] >= vocabulary_count || names.count(lw)) continue;
      // A capital in mid-sentence makes a name (Zhang, Vercel), not a typo.
      const bool capital = w[0] >= 'A' && w[0] <= 'Z';
      if (capital && !sentence_start(src, t.begin)) continue;
      // Outside headings and table headers (title case), a capitalised word beside another one is
      // part of a name: "Junjie Wang", "Renmin University".
      if (capital && !title_case[ti] &&
          ((ti + 1 < tokens.size() && capitalised(tokens[ti + 1]) && tokens[ti + 1].begin <= t.end + 2) ||
           (ti > 0 && capitalised(tokens[ti - 1]) && t.begin <= tokens[ti - 1].end + 2)))
        continue;
      if (speller->known(w) || british_of_known(lw, *speller) || derived_from_known(lw, *speller)) continue;
      if (speller->known_alt(w)) continue;  // British English: programme, judgement, whisky
      if (in_urls()) continue;
      // A typo is one edit away from a word: pick that word, with the same first letter if possible.
      std::string best;
      bool best_same_first = false;
      const auto suggestions = speller->suggest(w);
      // When the dictionary's best guess is a proper noun (Andre for Andrej), so is the word.
      if (!suggestions.empty() && suggestions.front()[0] >= 'A' && suggestions.front()[0] <= 'Z' &&
          !speller->known(util::lower(suggestions.front())))
        continue;
      for (const auto& sug : suggestions) {
        if (sug.find_first_of(" -") != std::string::npos) continue;  // "tool set": a compound, not a typo
        if (edits(util::lower(sug), lw) != 1) continue;
        const bool same_first = std::tolower(static_cast<unsigned char>(sug[0])) == lw[0];
        if (best.empty() || (same_first && !best_same_first)) {
          best = sug;
          best_same_first = same_first;
        }
      }
      if (best.empty()) continue;
      out.report(span,
                 util::quote(w) + " is not a word; did you mean " + util::quote(cased_like(w, best)) +
                     "? (if it is right, add it to the typo rule's words)",
                 std::nullopt, dict_sev == "warning");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_typo() { return std::make_unique<Typo>(); }

}  // namespace listlint::rules
