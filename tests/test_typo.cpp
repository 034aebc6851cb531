// The typo rule: recall on injected misspellings in the corpus, and its figures on the seed list.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
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

bool lower_word(std::string_view w) {
  if (w.size() < 6) return false;
  for (char c : w)
    if (c < 'a' || c > 'z') return false;
  return true;
}

}  // namespace

TEST_CASE("typo: the example list reports Cnstruction and nothing else") {
  const auto found = typos(test::read_file(std::string(LISTLINT_SOURCE_DIR) + "/fixtures/seed/README.md"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].range.begin.line == 176);
  CHECK(found[0].message.find("\"Cnstruction\"") != std::string::npos);
  CHECK(found[0].message.find("did you mean \"Construction\"") != std::string::npos);
}

TEST_CASE("typo: finds at least 95% of single-letter edits injected into corpus prose") {
  const std::string dir = test::corpus_dir();
  if (dir.empty()) {
    test::skip("corpus not found at " LISTLINT_CORPUS_DIR " (set LISTLINT_CORPUS)");
    return;
  }
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find("__") != std::string::npos) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::mt19937 rng(20261126);  // fixed: the same edits every run
  int injected = 0, found = 0;
  std::vector<std::string> missed;
  // Twelve edits per list, far apart, then one lint of the edited list: 40 runs, not 480 (a
  // sample of 480 edits: at 95% recall the estimate is good to about one point).
  for (std::size_t fi = 0; injected < 480 && fi < 120; ++fi) {
    const std::string path = files[fi % files.size()];
    const std::string text = test::read_file(path);
    listlint::Document doc(path, text);
    const auto model = listlint::build_model(doc);
    // A prose word: lowercase letters only, six or more, in a text run of a paragraph or an entry
    // description (not link text, headings or tables), delimited by spaces or punctuation.
    std::vector<std::pair<std::size_t, std::size_t>> candidates;
    for (const auto& run : model.text_runs) {
      if (run.in_link || run.in_heading || run.in_table) continue;
      const std::string_view s = std::string_view(text).substr(run.bytes.begin, run.bytes.size());
      std::size_t i = 0;
      while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ') ++j;
        std::string_view chunk = s.substr(i, j - i);
        while (!chunk.empty() && std::string_view(",.;:!?)").find(chunk.back()) != std::string_view::npos) chunk.remove_suffix(1);
        if (lower_word(chunk)) candidates.emplace_back(run.bytes.begin + i, chunk.size());
        i = j + 1;
      }
    }
    if (candidates.empty()) continue;
    struct Edit { std::size_t at, len; std::string word, edited; int line; };
    // (A word the list uses twice is its vocabulary: two edits must not make the same word.)
    std::vector<Edit> edits;
    std::set<int> used_lines;
    for (int tries = 0; edits.size() < 12 && tries < 400; ++tries) {
      const auto [at, len] = candidates[rng() % candidates.size()];
      const int line = doc.lines().pos(at).line;
      if (used_lines.count(line) || used_lines.count(line - 1) || used_lines.count(line + 1)) continue;
      const std::string word = text.substr(at, len);
      if (!speller()->known(word)) continue;  // edit real words only
      std::string edited = word;
      const std::size_t p = rng() % word.size();
      const char letter = static_cast<char>('a' + rng() % 26);
      switch (rng() % 4) {
        case 0: edited.erase(p, 1); break;
        case 1: edited.insert(p, 1, letter); break;
        case 2: edited[p] = letter; break;
        default:
          if (p + 1 < edited.size()) std::swap(edited[p], edited[p + 1]);
          break;
      }
      // Each edit must produce a non-word, which the list uses nowhere else.
      if (edited == word || speller()->known(edited) || speller()->known_alt(edited)) continue;
      if (text.find(edited) != std::string::npos) continue;
      if (std::any_of(edits.begin(), edits.end(), [&](const auto& e) { return e.edited == edited; })) continue;
      used_lines.insert(line);
      edits.push_back({at, len, word, edited, line});
    }
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.at > b.at; });
    std::string changed = text;
    for (const auto& e : edits) changed.replace(e.at, e.len, e.edited);  // from the end: offsets hold
    const auto found_here = typos(changed);
    for (const auto& e : edits) {
      ++injected;
      bool hit = false;
      for (const auto& d : found_here)
        hit |= d.range.begin.line == e.line && d.message.find("\"" + e.edited + "\"") != std::string::npos;
      if (hit) ++found;
      else missed.push_back(e.word + " -> " + e.edited + " (" + fs::path(path).filename().string().substr(0, 20) + ")");
    }
  }
  std::string list;
  for (const auto& m : missed) list += "\n  " + m;
  MESSAGE("typo recall: " << found << " of " << injected << " injected edits found" << list);
  CHECK(injected >= 200);
  CHECK(found * 100 >= injected * 95);
}
