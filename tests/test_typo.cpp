// The typo rule: recall on injected misspellings in the corpus, and its figures on the seed list.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <random>
#include <set>

#include "listlint/checking/config.h"
#include "listlint/checking/linter.h"
#include "registry.h"
#include "support.h"

namespace fs = std::filesystem;

namespace {

const listlint::Speller* speller() {
  static std::unique_ptr<listlint::Speller> s = [] {
    std::string err;
    auto sp = listlint::Speller::load(LISTLINT_WORDS_FILE, &err);
    REQUIRE_MESSAGE(sp, err);
    return sp;
  }();
  return s.get();
}

listlint::Config only_typo() {
  listlint::Config c = listlint::default_config(listlint::rules::all());
  for (auto& [id, s] : c.rules)
    if (id != "typo") s.severity = listlint::Severity::Off;
  c.rules["typo"].severity = listlint::Severity::Error;  // opt-in: switched on here
  return c;
}

std::vector<listlint::Diagnostic> typos(const std::string& text) {
  listlint::Document doc("t.md", text);
  const auto model = listlint::build_model(doc);
  listlint::Resources res;
  res.speller = speller();
  return listlint::lint(doc, model, only_typo(), listlint::rules::all(), res);
}

}  // namespace

TEST_CASE("typo: the example list reports Cnstruction and nothing else") {
  const auto found = typos(test::read_file(std::string(LISTLINT_SOURCE_DIR) + "/fixtures/seed/README.md"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].range.begin.line == 176);
  CHECK(found[0].message.find("\"Cnstruction\"") != std::string::npos);
  CHECK(found[0].message.find("did you mean \"Construction\"") != std::string::npos);
}

namespace {

// The kinds of text the recall test injects slips into, with the share of slips the rule must find.
enum Kind { kLower, kCapital, kLinkText, kHeading, kTableCell, kKinds };
constexpr const char* kKindName[kKinds] = {"lowercase prose", "capitalised", "link text", "headings", "table cells"};
// The floor each kind must keep (the goal where it is reached, else the figure of 2026-12-03
// rounded down: a change that loses recall fails here), and issue 19's goal, not reached for
// capitalised words: they hold names, and the evidence that keeps names quiet (docs/rules/typo.md)
// costs recall.
constexpr int kKindFloor[kKinds] = {97, 83, 90, 90, 90};
constexpr int kKindGoal[kKinds] = {97, 90, 90, 90, 90};
// Capitalised words split by their place: where a sentence starts (a capital is the sentence's),
// and mid-sentence (a capital is a name's, or Title Case). Floors as above.
constexpr const char* kPlaceName[2] = {"mid-sentence", "at a sentence start"};
constexpr int kPlaceFloor[2] = {79, 88};

// Does the word at `at` start a sentence: at the start of a line, a list item, a table cell or a
// quote, after a sentence's end or a colon, or after an entry's " - " (opening quotes, brackets
// and emphasis aside)? (Written here independently of the rule's own reading.)
bool starts_sentence(std::string_view text, std::size_t at) {
  auto opening = [](char c) { return std::string_view(" \t*_\"'([").find(c) != std::string_view::npos; };
  std::size_t q = at;
  while (q > 0 && opening(text[q - 1])) --q;
  if (q == 0 || text[q - 1] == '\n' || std::string_view(".:!?|#>").find(text[q - 1]) != std::string_view::npos) return true;
  if (text[q - 1] != '-' && text[q - 1] != '+') return false;
  std::size_t r = q - 1;
  while (r > 0 && text[r - 1] == ' ') --r;
  return r == 0 || text[r - 1] == '\n' || (text[q - 1] == '-' && r < q - 1);
}

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Words of `s` (at `base` in the file) a reader sees as words: letters only, five or more, with a
// space, punctuation or the run's edge on either side (not part of a path, identifier or URL).
template <class F>
void words_in(std::string_view s, std::size_t base, F&& f) {
  // (A colon before a word makes an emoji shortcode, ":penguin:", not a word.)
  auto boundary = [](char c, bool before) {
    return std::string_view(" \t\n,.;!?()\"").find(c) != std::string_view::npos || (!before && c == ':');
  };
  for (std::size_t i = 0; i < s.size();) {
    if (!ascii_letter(s[i])) { ++i; continue; }
    std::size_t j = i;
    while (j < s.size() && ascii_letter(s[j])) ++j;
    if (j - i >= 5 && (i == 0 || boundary(s[i - 1], true)) && (j == s.size() || boundary(s[j], false))) f(base + i, j - i);
    i = j;
  }
}

// A word written as the dictionary's common word, in lowercase or capitalised.
bool common_word(std::string_view w) {
  std::string lw(w);
  lw[0] = static_cast<char>(lw[0] | 0x20);
  for (std::size_t i = 1; i < lw.size(); ++i)
    if (!(lw[i] >= 'a' && lw[i] <= 'z')) return false;
  return speller()->common(lw);
}

// Is the list written in another language: its lowercase function words of Spanish, French,
// Portuguese, Italian or German at least twice as many as its English ones (five at least)? The
// rule does not read such a list (written here independently of the rule's own test).
bool another_language(const std::string& text, const listlint::ListModel& model) {
  static const std::set<std::string> english = {"the", "and", "of", "to", "for", "with", "is", "on", "are", "this", "that", "from"};
  static const std::set<std::string> foreign = {"de", "la", "el", "los", "las", "del", "para", "con", "una", "por", "que", "en",
                                                "les", "des", "est", "une", "du", "pour", "dans", "sur", "avec", "und", "das", "mit",
                                                "ist", "nicht", "ein", "eine", "der", "uma", "dos", "como", "sobre"};
  int en = 0, fo = 0;
  std::size_t seen = 0;
  for (const auto& run : model.text_runs) {
    if (seen > (256u << 10)) break;
    seen += run.bytes.size();
    const std::string_view s = std::string_view(text).substr(run.bytes.begin, run.bytes.size());
    for (std::size_t i = 0; i < s.size();) {
      std::size_t j = i;
      while (j < s.size() && s[j] >= 'a' && s[j] <= 'z') ++j;
      if (j > i && (i == 0 || !ascii_letter(s[i - 1])) && (j == s.size() || !ascii_letter(s[j]))) {
        const std::string w(s.substr(i, j - i));
        en += english.count(w) > 0;
        fo += foreign.count(w) > 0;
      }
      i = j == i ? i + 1 : j;
    }
  }
  return fo >= 5 && fo >= 2 * en;
}

}  // namespace

TEST_CASE("typo: finds single-letter slips injected into every kind of text of the corpus lists") {
  std::vector<std::string> files;
  for (const std::string& dir : std::vector<std::string>{test::corpus_dir(), test::corpus_dir().empty() ? std::string() : test::corpus_dir() + "2"}) {
    if (dir.empty() || !fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().filename().string().find("__") != std::string::npos) files.push_back(e.path().string());
  }
  if (files.empty()) {
    test::skip("corpus not found at " LISTLINT_CORPUS_DIR " (set LISTLINT_CORPUS)");
    return;
  }
  std::sort(files.begin(), files.end());
  std::mt19937 rng(20261201);  // fixed: the same slips every run
  int injected[kKinds] = {}, found[kKinds] = {};
  int capital_injected[2] = {}, capital_found[2] = {};  // by place: kPlaceName
  std::vector<std::string> missed[kKinds];
  // Rounds over the lists, each list edited in up to four places per kind, far apart, then linted
  // once, until every kind has 300 slips or more (at 90% recall, good to about two points).
  for (int round = 0; round < 6; ++round) {
    if (std::all_of(std::begin(injected), std::end(injected), [](int n) { return n >= 300; })) break;
    for (const std::string& path : files) {
      const std::string text = test::read_file(path);
      listlint::Document doc(path, text);
      const auto model = listlint::build_model(doc);
      if (another_language(text, model)) continue;  // the rule reads English only (docs/rules/typo.md)
      std::vector<std::pair<std::size_t, std::size_t>> candidates[kKinds];
      // Link text made of common words: the byte ranges of such links' text.
      std::vector<listlint::ByteRange> plain_links;
      for (const auto& l : model.links) {
        if (l.image || l.text_bytes.size() == 0) continue;
        const std::string_view t = std::string_view(text).substr(l.text_bytes.begin, l.text_bytes.size());
        int words = 0;
        bool all_common = true;
        for (std::size_t i = 0; i < t.size();) {
          while (i < t.size() && t[i] == ' ') ++i;
          std::size_t j = i;
          while (j < t.size() && t[j] != ' ') ++j;
          if (j > i) {
            std::string_view w = t.substr(i, j - i);
            ++words;
            all_common &= w.size() < 3 ? std::all_of(w.begin(), w.end(), ascii_letter) : common_word(w);
          }
          i = j;
        }
        if (words >= 2 && all_common) plain_links.push_back(l.text_bytes);
      }
      for (const auto& run : model.text_runs) {
        const std::string_view s = std::string_view(text).substr(run.bytes.begin, run.bytes.size());
        words_in(s, run.bytes.begin, [&](std::size_t at, std::size_t len) {
          const std::string_view w = std::string_view(text).substr(at, len);
          if (!common_word(w)) return;
          const bool capital = w[0] >= 'A' && w[0] <= 'Z';
          if (run.in_heading) candidates[kHeading].emplace_back(at, len);
          else if (run.in_table) candidates[kTableCell].emplace_back(at, len);
          else if (run.in_link) {
            for (const auto& r : plain_links)
              if (r.begin <= at && at < r.end) candidates[kLinkText].emplace_back(at, len);
          } else candidates[capital ? kCapital : kLower].emplace_back(at, len);
        });
      }
      struct Edit { std::size_t at, len; std::string word, edited; int line; Kind kind; };
      std::vector<Edit> edits;
      std::set<int> used_lines;
      std::string lowered = text;
      for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (int k = 0; k < kKinds; ++k) {
        if (candidates[k].empty()) continue;
        int here = 0;
        for (int tries = 0; here < 4 && tries < 200; ++tries) {
          const auto [at, len] = candidates[k][rng() % candidates[k].size()];
          const int line = doc.lines().pos(at).line;
          if (used_lines.count(line) || used_lines.count(line - 1) || used_lines.count(line + 1)) continue;
          const std::string word = text.substr(at, len);
          std::string edited = word;
          const std::size_t p = rng() % word.size();
          char letter = static_cast<char>('a' + rng() % 26);
          if (p == 0 && word[0] >= 'A' && word[0] <= 'Z') letter = static_cast<char>(letter - 32);
          switch (rng() % 4) {
            case 0:
              edited.erase(p, 1);
              if (p == 0 && word[0] >= 'A' && word[0] <= 'Z') edited[0] = static_cast<char>(edited[0] & ~0x20);
              break;
            case 1:
              edited.insert(p, 1, letter);
              if (p == 0 && word[0] >= 'A' && word[0] <= 'Z') edited[1] = static_cast<char>(edited[1] | 0x20);  // "Xobject"
              break;
            case 2: edited[p] = letter; break;
            default:
              if (p + 1 >= edited.size()) continue;
              std::swap(edited[p], edited[p + 1]);
              if (p == 0 && word[0] >= 'A' && word[0] <= 'Z') {  // "Markteing" -> "aMrketing" is no slip anyone makes
                edited[0] = static_cast<char>(edited[0] & ~0x20);
                edited[1] = static_cast<char>(edited[1] | 0x20);
              }
              break;
          }
          // Each slip makes a non-word that the list uses nowhere else (in any letter case).
          if (edited == word || speller()->known(edited) || speller()->known_alt(edited)) continue;
          std::string le = edited;
          for (char& c : le) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          if (lowered.find(le) != std::string::npos) continue;
          if (std::any_of(edits.begin(), edits.end(), [&](const Edit& e) { return e.edited == edited; })) continue;
          used_lines.insert(line);
          edits.push_back({at, len, word, edited, line, static_cast<Kind>(k)});
          ++here;
        }
      }
      std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.at > b.at; });
      std::string changed = text;
      for (const auto& e : edits) changed.replace(e.at, e.len, e.edited);  // from the end: offsets hold
      const auto found_here = typos(changed);
      for (const auto& e : edits) {
        ++injected[e.kind];
        bool hit = false;
        for (const auto& d : found_here)
          hit |= d.range.begin.line == e.line && d.message.find("\"" + e.edited + "\"") != std::string::npos;
        if (e.kind == kCapital) {
          const bool start = starts_sentence(text, e.at);
          ++capital_injected[start];
          capital_found[start] += hit;
        }
        if (hit) ++found[e.kind];
        else missed[e.kind].push_back(e.word + " -> " + e.edited + " (" + fs::path(path).filename().string().substr(0, 24) + ":" + std::to_string(e.line) + ")");
      }
    }
  }
  for (int k = 0; k < kKinds; ++k) {
    std::string list;
    for (const auto& m : missed[k]) list += "\n  " + m;
    MESSAGE("typo recall, " << std::string(kKindName[k]) << ": " << found[k] << " of " << injected[k] << " ("
                            << (injected[k] ? found[k] * 1000 / injected[k] / 10.0 : 0.0) << "%), floor " << kKindFloor[k]
                            << "%, goal " << kKindGoal[k] << "%" << list);
    CHECK(injected[k] >= 200);
    CHECK(found[k] * 100 >= injected[k] * kKindFloor[k]);
  }
  for (int p = 0; p < 2; ++p) {
    MESSAGE("typo recall, capitalised " << std::string(kPlaceName[p]) << ": " << capital_found[p] << " of " << capital_injected[p] << " ("
                                        << (capital_injected[p] ? capital_found[p] * 1000 / capital_injected[p] / 10.0 : 0.0)
                                        << "%), floor " << kPlaceFloor[p] << "%");
    CHECK(capital_injected[p] >= 200);
    CHECK(capital_found[p] * 100 >= capital_injected[p] * kPlaceFloor[p]);
  }
}

namespace {

// The typo findings of a text: "word -> suggestion" (or "word: misspelling") on each line.
std::set<std::string> found_words(const std::string& text) {
  std::set<std::string> out;
  for (const auto& d : typos(text)) {
    const auto q1 = d.message.find('"'), q2 = d.message.find('"', q1 + 1);
    out.insert(d.message.substr(q1 + 1, q2 - q1 - 1));
  }
  return out;
}

bool reports(const std::string& text, const std::string& word) { return found_words(text).count(word) > 0; }

}  // namespace

TEST_CASE("typo: headings, link text and table headers made of common words are prose; names stay quiet") {
  CHECK(reports("# T\n\n### Evaulation Datasets\n\nSome text.\n", "Evaulation"));
  CHECK(reports("# T\n\n## Misclelaneous\n\nSome text.\n", "Misclelaneous"));
  CHECK(reports("# T\n\n- [Trsuted Builds](https://example.com/builds) - Builds you trust.\n", "Trsuted"));
  CHECK(reports("# T\n\n| Dataset | Cnstruction Method |\n|---|---|\n| A | B |\n", "Cnstruction"));
  // One word of link text names its project; so do words no dictionary knows beside it.
  CHECK_FALSE(reports("# T\n\n- [Marketig](https://example.com/x) - A tool.\n", "Marketig"));
  CHECK_FALSE(reports("# T\n\n- [Noel Rappin](https://example.com/x) - A person.\n", "Rappin"));
  // An emoji is no word of another script; a heading's " - " sets no credits apart; Chinese set
  // apart by a space is the list's own language, not a name.
  CHECK(reports("# T\n\n## 📚 Citaiton\n\nSome text.\n", "Citaiton"));
  CHECK(reports("# T\n\n### 计算机视觉 - Object Detcetion\n\nSome text.\n", "Detcetion"));
  // In short link text or a heading of common words, a word the list uses is evidence enough for
  // a slip on its first letter; in a paper's long title it is a coined word.
  CHECK(reports("# T\n\n- [Gideo Tutorials](https://example.com/t) - Each video explained.\n", "Gideo"));
  CHECK_FALSE(reports("# T\n\n- [MiniGPT-5: Interleaved Vision-and-Language Generation via Generative Vokens](https://example.com/p) - Tokens.\n", "Vokens"));
  // A paper's title in a table: its system's name before the colon, a description after, which
  // capitalises every word (an unknown word beside a slip there is no name).
  CHECK(reports("# T\n\n| Paper | Venue |\n|---|---|\n| [PromptDet: Towards Open-vocabulary Detection using Uncurated Imgaes](https://example.com/p) | ECCV |\n", "Imgaes"));
}

TEST_CASE("typo: capitalised words are read by the list's evidence, not by their capital") {
  // Title Case and sentence starts, on a word the list uses.
  CHECK(reports("# T\n\nCompress Contextss for long inputs. Other contexts too.\n", "Contextss"));
  CHECK(reports("# T\n\n- [x](https://example.com) - Marketig tools. Marketing is hard.\n", "Marketig"));
  // At a sentence start, before a lowercase word, a capitalised word one edit from a word the list
  // writes nowhere else is still a name: products are named that way ("Pihole lists" is no
  // pinhole, "Fiverr gigs", "Scribd documents"; a reading of such sentence starts as words,
  // tried and dropped, reported them).
  CHECK_FALSE(reports("# T\n\n- [a](https://example.com/a) - Pihole lists for the network.\n", "Pihole"));
  CHECK_FALSE(reports("# T\n\n- [s](https://example.com/s) - Fiverr gigs are listed for you.\n", "Fiverr"));
  CHECK_FALSE(reports("# T\n\n- [d](https://example.com/d) - Scribd documents are saved.\n", "Scribd"));
  // Names: beside a word no dictionary knows, in credits, after an initial, before a colon.
  CHECK_FALSE(reports("# T\n\nWritten by Junjie Wangg and others. Wang is a name.\n", "Junjie"));
  CHECK_FALSE(reports("# T\n\n- [A book](https://example.com/b) - Peter Flach\n\nA flash of light.\n", "Flach"));
  CHECK_FALSE(reports("# T\n\n- [A book](https://example.com/b) - B. Venners, and others. Veneers.\n", "Venners"));
  CHECK_FALSE(reports("# T\n\n1. **Thanos: A Block-wise Pruning Algorithm.** Thanks to all.\n", "Thanos"));
  // Beside a word with accents: a name. Beside Chinese, Japanese or Korean set apart by a space:
  // the list's own language, and the word an English term in it; written against the word, a name.
  CHECK_FALSE(reports("# T\n\n- [a](https://example.com/a) - Written by Álvaro Barbero Jiménez. Barber.\n", "Barbero"));
  const std::string cjk = "# T\n\nAn anthology of text generation. Anthology of Generation. Emoji.\n\n- [a](https://example.com/a) - ";
  CHECK(reports(cjk + "이 자료는 ACL Anthologgy 판과 같다.\n", "Anthologgy"));
  CHECK(reports(cjk + "このサンプルでは Retrieval Augmented Generatiom パターンを使用.\n", "Generatiom"));
  CHECK(reports(cjk + "日本語の読みから Emoij に変換するための辞書\n", "Emoij"));
  CHECK_FALSE(reports(cjk + "这是Generatiom模型的介绍.\n", "Generatiom"));
  // Alone in mid-sentence: a name, unless the list writes the suggestion alone as a name too.
  CHECK_FALSE(reports("# T\n\nA toolkit for Go, based on Guice. A guide.\n", "Guice"));
  CHECK(reports("# T\n\nTalk to us on Discqrd. We also use Discord for support.\n", "Discqrd"));
  // A slip inside a long common word is a slip wherever it is: names are seldom a long word with
  // a letter changed inside it...
  CHECK(reports("# T\n\nA guide for Practixioners of it.\n", "Practixioners"));
  CHECK(reports("# T\n\nPublished in Frontiers of Data and Domputing.\n", "Domputing"));
  // ... but they are two words joined (Win-sock; Fire-store beside fire-storm) or one of a list
  // of names.
  CHECK_FALSE(reports("# T\n\nAn epoll wrapper based on Winsock.\n", "Winsock"));
  CHECK_FALSE(reports("# T\n\n- [go-firestorm](https://example.com/f) - An ORM for Google Cloud Firestore.\n", "Firestore"));
  CHECK_FALSE(reports("# T\n\nAn alternative to Slido, AhaSlides and Mentimeter.\n", "Mentimeter"));
  // Before a colon or beside a name, only a slip well inside a long word: names of systems are
  // puns on words ("Conffusion:", "Attendre:").
  CHECK(reports("# T\n\n- Limitatoins: every result comes with its scripts.\n", "Limitatoins"));
  CHECK(reports("# T\n\n- A Notorized Niri and Hyprland inspired window manager.\n", "Notorized"));
  CHECK_FALSE(reports("# T\n\n- Conffusion: confidence intervals. Confusion, measured.\n", "Conffusion"));
  // Where the list writes the word capitalised itself (twice or more), a sentence start or Title
  // Case is its place: a slip on its first letter, or a letter before a long word, is a slip...
  const std::string libraries = "# T\n\n- [a](https://example.com/a) - Library to parse.\n- [b](https://example.com/b) - Library to print.\n";
  CHECK(reports(libraries + "- [c](https://example.com/c) - Iibrary to manage.\n", "Iibrary"));
  CHECK(reports("# T\n\nLanguage matters. Language Models.\n\n- **A Survey on Large Planguage Models**\n", "Planguage"));
  // ... but not once, nor a short word with a letter before it (Preact beside React: no
  // suggestion is made of a letter before a short capitalised word, but a doubled first letter
  // is a key held too long), nor in a paper's long title, which coins words that way.
  CHECK_FALSE(reports("# T\n\n- [a](https://example.com/a) - Library to parse.\n- [c](https://example.com/c) - Iibrary to manage.\n", "Iibrary"));
  CHECK_FALSE(reports("# T\n\nReact is here. React is there.\n\n- [p](https://example.com/p) - Preact is small.\n", "Preact"));
  CHECK(reports("# T\n\nReact is here. React is there.\n\n- [p](https://example.com/p) - Rreact is small.\n", "Rreact"));
  CHECK_FALSE(reports("# T\n\nTokens. Tokens.\n\n| Paper |\n|---|\n| [Interleaved Vision and Language Generation via Generative Vokens](https://example.com/p) |\n", "Vokens"));
  // A long common word (nine letters or more) with one letter changed inside it is a slip even
  // where the list does not write it elsewhere; at its last letter, or two letters off, it is a
  // name's ending (Sparkline, Winsorized).
  CHECK(reports("# T\n\n**Cntribution**\n\nText.\n", "Cntribution"));
  CHECK_FALSE(reports("# T\n\n- [s](https://example.com/s) - Sparkline renderer for the shell.\n", "Sparkline"));
  // Two letters swapped at the start of a word of six letters or more are a slip too (names are
  // seldom made that way); a table header of one common word is a column's title, not a name.
  CHECK(reports("# T\n\nA survey of Large Alnguage Models.\n", "Alnguage"));
  CHECK(reports("# T\n\nSome projects. More projects.\n\n| Awesome | Linux | Wrojects |\n|---|---|---|\n| a | b | c |\n", "Wrojects"));
  // Credits are names: a title in emphasis before its authors is not ("**...**, Qicheng Lao et
  // al."), nor a description led by an article ("- The HTML5 Creation Engine").
  CHECK(reports("# T\n\nSynthesis. Synthesis.\n\n* **Dual Inference for Text-to-Image Synthezis**, Qicheng Lao et al.\n", "Synthezis"));
  // (Without the emphasis, the same words read as a name before et al.)
  CHECK_FALSE(reports("# T\n\nSynthesis. Synthesis.\n\n* Dual Inference for Text-to-Image Synthezis, Qicheng Lao et al.\n", "Synthezis"));
  CHECK(reports("# T\n\nCreation. Creation.\n\n- [PixiJS](https://example.com/p) - The HTML5 Craetion Engine.\n", "Craetion"));
  // In credits, a long word beside a word the list writes three times or more is read as any word
  // where the list writes its suggestion beside that word twice or more ("Tsinghua Universty"
  // among "Tsinghua University"); not in an author list, where people share names a letter apart.
  const std::string books = "# Books\n\n- [A](https://example.com/a) - Tsinghua University (PDF)\n"
                            "- [B](https://example.com/b) - Tsinghua University (PDF)\n- [C](https://example.com/c) - Tsinghua University (PDF)\n";
  CHECK(reports(books + "- [D](https://example.com/d) - Tsinghua Universty (PDF)\n", "Universty"));
  const std::string pilgrim = "# Books\n\n- [A](https://example.com/a) - Mark Pilgrim (HTML)\n- [B](https://example.com/b) - Mark Pilgrim (HTML)\n";
  CHECK(reports(pilgrim + "- [C](https://example.com/c) - Mark Pilgzrim, Anna Karenina (HTML)\n", "Pilgzrim"));
  // (Not a word of five letters or fewer: names that short are many, a letter apart.)
  const std::string press = "# Books\n\n- [A](https://example.com/a) - Oxford Press (PDF)\n- [B](https://example.com/b) - Oxford Press (PDF)\n"
                            "- [C](https://example.com/c) - Oxford Press (PDF)\n";
  CHECK_FALSE(reports(press + "- [D](https://example.com/d) - Oxford Prses (PDF)\n", "Prses"));
  CHECK_FALSE(reports(books + "- [D](https://example.com/d) - Tsinghua University, Beijing Universty (PDF)\n", "Universty"));
  CHECK_FALSE(reports("# Papers\n\n1. [**Paper A.**](https://arxiv.example/1) _Daniel Fielding, Shuting Pan, Sigal Raab_\n"
                      "2. [**Paper B.**](https://arxiv.example/2) _Daniel Fielding, Shiping Yang, Amit Bermano_\n"
                      "3. [**Paper C.**](https://arxiv.example/3) _Daniel Fielsing, Jean Grill, Amit Bermano_\n", "Fielsing"));
  // Between two capitalised common words of an enumeration, a word is one of them ("Volume, Rnger,
  // Rotation"); beside one, where the list writes the word capitalised too ("**Imbge**, **Video**"
  // where it says Image); at the end of one beside a name that is a word too, a name ("Slack,
  // Gitter").
  CHECK(reports("# T\n\nA ringer. The ringer.\n\nThe HUD (Volume, Rnger, Rotation) for iOS.\n", "Rnger"));
  CHECK(reports("# T\n\nImage models. Image data.\n\nCovering **Imbge**, **Video**, etc.\n", "Imbge"));
  CHECK_FALSE(reports("# T\n\nimage models. image data.\n\nCovering **Imbge**, **Video**, etc.\n", "Imbge"));
  CHECK_FALSE(reports("# T\n\nSome glitter. More glitter.\n\nTalk to us on Slack, Gitter or IRC.\n", "Gitter"));
  // So is a word after an acronym or a CamelCase name ("UI Desgn", "SpyEye Trcker"), where the list
  // writes the word capitalised.
  CHECK(reports("# T\n\nDesign here. Design there.\n\nA UI Desgn kit.\n", "Desgn"));
  CHECK(reports("# T\n\nTracker one. Tracker two.\n\nThe SpyEye Trcker list.\n", "Trcker"));
  CHECK_FALSE(reports("# T\n\ndesign here. design there.\n\nA UI Desgn kit.\n", "Desgn"));
  // A letter before a long common word (seven letters or more) in Title Case is a slip ("Drug
  // Jdiscovery"); before a short one, or alone in mid-sentence, a name ("Fast Kcache Layer",
  // "using Jinterface and").
  CHECK(reports("# T\n\n- Drug Jdiscovery\n", "Jdiscovery"));
  CHECK_FALSE(reports("# T\n\n- Fast Kcache Layer\n", "Kcache"));
  CHECK_FALSE(reports("# T\n\nA driver using Jinterface and the client.\n", "Jinterface"));
  // Credits after " - " are the list's convention when its entries say so: where one entry in ten
  // or more has a description of names only, "- Public Cloud Servicae" reads as credits; where
  // descriptions are sentences, it is a description (the one word ending a line stays a name).
  std::string described = "# T\n\nService. Service.\n\n", credited = described;
  for (int i = 0; i < 20; ++i) {
    described += "- [p" + std::to_string(i) + "](https://example.com/" + std::to_string(i) + ") - A tool for the shell.\n";
    credited += "- [p" + std::to_string(i) + "](https://example.com/" + std::to_string(i) + ") - Flavio Copes\n";
  }
  const std::string entry = "- [Toast](https://example.com/toast) - Public Cloud Servicae\n";
  CHECK(reports(described + entry, "Servicae"));
  CHECK_FALSE(reports(credited + entry, "Servicae"));
  CHECK_FALSE(reports(described + "- [a](https://example.com/a) - An alarm clock - Alarmy\n", "Alarmy"));
}

TEST_CASE("typo: a letter before a word the list writes twice or more is a slip in lowercase prose") {
  CHECK(reports("# T\n\nThe tricks and tips. More tricks here. Learn the xtricks of it.\n", "xtricks"));
  // Not once (escript, pexpect: tools are a letter before a word), nor a word made of two common
  // words (playout is play-out), nor capitalised (names: Preact).
  CHECK_FALSE(reports("# T\n\nThe tricks and tips. Learn the xtricks of it.\n", "xtricks"));
  CHECK_FALSE(reports("# T\n\nA layout. Another layout. Broadcast playout for radio.\n", "playout"));
}

TEST_CASE("typo: short words, two edits and letters at the edge") {
  // Four or five letters: a slip on a common word the list uses.
  CHECK(reports("# T\n\nSome vdeos here. More videos there.\n", "vdeos"));
  CHECK_FALSE(reports("# T\n\nIt can unrar and untar files.\n", "unrar"));
  // Two letters swapped inside a short word keep its letters: a slip, used elsewhere or not; and
  // the suggestion is the word with the same letters ("timre": timer, not time).
  CHECK(found_words("# T\n\nA timre to pruge old logs.\n") == std::set<std::string>{"timre", "pruge"});
  CHECK(reports("# T\n\n### Rule-Baesd Methods\n", "Baesd"));
  CHECK_FALSE(reports("# T\n\nAn avant-garde registry.\n", "garde"));
  // Derived forms follow English spelling: -es after s, x, z, ch, sh, o; a short stem ending
  // consonant, vowel, consonant doubles its last letter (stunning), and only such a stem does.
  CHECK(found_words("# T\n\nSome notees, an example stuning to see, and foldders.\n") ==
        std::set<std::string>{"notees", "stuning", "foldders"});
  CHECK(found_words("# T\n\nFixes for bloggers, prefixes and matches.\n").empty());
  // Two edits from exactly one common word, in a long word.
  CHECK(reports("# T\n\nIn parternship with others.\n", "parternship"));
  CHECK_FALSE(reports("# T\n\nA production-ready fullstack mail server.\n", "fullstack"));  // full + stack
  // A letter after a long common word is a slip; before one, or a daemon's "d", names.
  CHECK(reports("# T\n\nUse it to renamex files.\n", "renamex"));
  CHECK_FALSE(reports("# T\n\nAutomation based on bash and pexpect.\n", "pexpect"));
  CHECK_FALSE(reports("# T\n\nThe radiusd server.\n", "radiusd"));
}

TEST_CASE("typo: jargon from the technical vocabulary, and words that are not words") {
  for (const char* w : {"stdout", "passwd", "cgroup", "kubectl", "nginx", "dotfiles"})
    CHECK_FALSE(reports(std::string("# T\n\nIt writes to ") + w + " when asked.\n", w));
  // A word split by markup, a piece of a hyphenated word the dictionary knows.
  CHECK(found_words("# T\n\nUni(versal)get installs packages.\n").empty());
  CHECK(found_words("# T\n\nThe avant-garde editor.\n").empty());
  // Words joined by hyphens are read one by one, in a chunk of letters and hyphens alone too.
  CHECK(found_words("# T\n\nA multi-task and hand-written model\n").empty());
  CHECK(reports("# T\n\nA cross-platfrom tool\n", "platfrom"));
  // The list's URLs give whole words: "whichjdk" makes no vocabulary of "whic".
  CHECK(reports("# T\n\n- [x](https://whichjdk.com) - Tells you whic JDK to use. Which one.\n", "whic"));
  CHECK_FALSE(reports("# T\n\n- [x](https://github.com/pwaller/pyfiglet) - Render figlet fonts.\n", "figlet"));
}

TEST_CASE("typo: codespell's fix is left out when it is ambiguous or would make a new error") {
  auto fixable = [](const std::string& text, const std::string& word) {
    for (const auto& d : typos(text))
      if (d.message.find("\"" + word + "\"") != std::string::npos) return std::optional<bool>(d.fix.has_value());
    return std::optional<bool>();
  };
  CHECK(fixable("# T\n\nI recieve mail.\n", "recieve") == std::optional<bool>(true));
  CHECK(fixable("# T\n\nPainters of still lifes.\n", "lifes") == std::optional<bool>(false));      // lives, or still lifes
  CHECK(fixable("# T\n\nI think theres is a way.\n", "theres") == std::optional<bool>(false));   // not "there's is"
  // A known misspelling that is how a name is spelt on its line, or the whole text of a link.
  CHECK_FALSE(reports("# T\n\n- [gost-crypto](https://example.com/gost-crypto) - OpenSSL gost-engine.\n", "gost"));
  CHECK_FALSE(reports("# T\n\n- [vertx](https://example.com/v) - A toolkit.\n", "vertx"));
}
