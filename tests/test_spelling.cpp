// The typo rule's word table (built at build time from Hunspell's dictionaries): it must give
// Hunspell's own verdicts, suggest exactly the dictionary words one edit away, and fail loudly.
#include <doctest/doctest.h>
#include <hunspell/hunspell.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <regex>
#include <set>
#include <thread>

#include "listlint/spelling/spelling.h"
#include "support.h"
#include "spelling/words_format.h"

namespace fs = std::filesystem;

namespace {

struct Hun {
  Hunhandle* h = nullptr;
  explicit Hun(const std::string& prefix) : h(Hunspell_create((prefix + ".aff").c_str(), (prefix + ".dic").c_str())) {}
  ~Hun() { Hunspell_destroy(h); }
  bool spell(const std::string& w) const { return Hunspell_spell(h, w.c_str()) != 0; }
};

std::unique_ptr<listlint::Speller> table() {
  std::string err;
  auto sp = listlint::Speller::load(LISTLINT_WORDS_FILE, &err);
  REQUIRE_MESSAGE(sp, err);
  return sp;
}

// Words as the typo rule looks them up: letters (and inner apostrophes), lowercase or capitalised.
void words_of(const std::string& text, std::set<std::string>& out) {
  std::string w;
  auto flush = [&] {
    while (!w.empty() && w.back() == '\'') w.pop_back();
    bool ok = w.size() >= 2 && w.size() <= 40;
    for (std::size_t i = 1; i < w.size() && ok; ++i) ok = !(w[i] >= 'A' && w[i] <= 'Z');
    if (ok) out.insert(w);
    w.clear();
  };
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c == '\'' && !w.empty())) w += c;
    else flush();
  }
  flush();
}

// Whether the table holds the words of Debian's package descriptions (LISTLINT_PACKAGE_DESCRIPTIONS
// is not "-"): then the technical vocabulary has far more than the hand supplement.
bool with_descriptions() { return std::string(LISTLINT_WORDS_DESCRIPTIONS) != "-"; }
// Whether the table was built with the frequent words (LISTLINT_FREQUENT_WORDS is not "-").
bool with_frequent() { return std::string(LISTLINT_FREQUENT_WORDS) != "-"; }

// Every entry of the table file as (word, flags), read straight from its blob: the brute force's
// own view of the table, independent of the Speller's lookups and of the two-edit index.
std::vector<std::pair<std::string, unsigned>> all_entries() {
  namespace wf = listlint::words_format;
  const std::string bin = test::read_file(LISTLINT_WORDS_FILE);
  wf::Header h;
  REQUIRE(bin.size() > sizeof h);
  std::memcpy(&h, bin.data(), sizeof h);
  const std::size_t blob = sizeof h + h.bloom_bits / 8 + std::size_t{h.slots} * sizeof(wf::Slot);
  REQUIRE(blob + h.blob_size <= bin.size());
  std::vector<std::pair<std::string, unsigned>> out;
  for (std::size_t at = 1; at + 2 <= h.blob_size;) {
    const auto flags = static_cast<unsigned char>(bin[blob + at]);
    const auto len = static_cast<unsigned char>(bin[blob + at + 1]);
    out.emplace_back(bin.substr(blob + at + 2, len), flags);
    at += 2 + len;
    if (flags & wf::kMisspelling)
      at += 2 + (static_cast<unsigned char>(bin[blob + at]) | (std::size_t{static_cast<unsigned char>(bin[blob + at + 1])} << 8));
  }
  return out;
}

// Plain optimal string alignment distance (no bound, no shortcut).
int osa(const std::string& a, const std::string& b) {
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

TEST_CASE("spelling: the word table gives Hunspell's verdict on every word of the fixtures and the corpus") {
  const auto sp = table();
  const Hun us(LISTLINT_HUNSPELL_US), gb(LISTLINT_HUNSPELL_GB);
  REQUIRE(us.h);
  std::set<std::string> words;
  // The project's own fixtures (the seed among them), and the corpus when it is there.
  for (const auto& e : fs::recursive_directory_iterator(std::string(LISTLINT_SOURCE_DIR) + "/fixtures"))
    if (e.path().extension() == ".md") words_of(test::read_file(e.path().string()), words);
  const std::string dir = test::corpus_dir();
  if (!dir.empty())
    for (const auto& e : fs::directory_iterator(dir)) words_of(test::read_file(e.path().string()), words);
  // Non-words too: every word with its second letter dropped.
  std::set<std::string> edited;
  for (const auto& w : words)
    if (w.size() > 3) edited.insert(w.substr(0, 1) + w.substr(2));
  words.insert(edited.begin(), edited.end());
  int checked = 0, known = 0;
  std::vector<std::string> disagree;
  for (const auto& w : words) {
    ++checked;
    const bool hun = us.spell(w);
    known += hun;
    if (sp->known(w) != hun) disagree.push_back(w + (hun ? " (Hunspell: yes)" : " (Hunspell: no)"));
    if (gb.h && sp->known_alt(w) != gb.spell(w)) disagree.push_back(w + " (en_GB)");
  }
  std::string list;
  for (std::size_t i = 0; i < disagree.size() && i < 20; ++i) list += " " + disagree[i];
  MESSAGE(checked << " words compared with Hunspell (" << known << " known to en_US); disagreements:" << list);
  CHECK(checked > (dir.empty() ? 1000 : 40000));
  CHECK(disagree.empty());
}

TEST_CASE("spelling: suggestions are exactly the dictionary words one edit away") {
  const auto sp = table();
  const Hun us(LISTLINT_HUNSPELL_US), gb(LISTLINT_HUNSPELL_GB);
  REQUIRE(us.h);
  for (const std::string word : {"Cnstruction", "recieve", "lighweight", "benhcmark", "macine", "Londn", "colr"}) {
    CAPTURE(word);
    std::string w = word;
    w[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
    // Brute force: every one-edit string that a dictionary accepts, in lowercase or capitalised.
    std::set<std::string> expected;
    auto consider = [&](const std::string& c) {
      std::string cap = c;
      cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
      if (us.spell(c) || (gb.h && gb.spell(c))) expected.insert(c);
      else if (us.spell(cap) || (gb.h && gb.spell(cap))) expected.insert(cap);
    };
    for (std::size_t i = 0; i < w.size(); ++i) consider(w.substr(0, i) + w.substr(i + 1));
    for (std::size_t i = 0; i + 1 < w.size(); ++i) {
      std::string c = w;
      std::swap(c[i], c[i + 1]);
      if (c != w) consider(c);
    }
    for (std::size_t i = 0; i <= w.size(); ++i)
      for (char l = 'a'; l <= 'z'; ++l) {
        std::string ins = w;
        ins.insert(ins.begin() + static_cast<std::ptrdiff_t>(i), l);
        consider(ins);
        if (i < w.size() && w[i] != l) {
          std::string sub = w;
          sub[i] = l;
          consider(sub);
        }
      }
    const auto got = sp->suggest(word);
    const std::set<std::string> got_set(got.begin(), got.end());
    CHECK(got.size() == got_set.size());  // no duplicates
    CHECK(got_set == expected);
  }
  const auto c = sp->suggest("Cnstruction");
  CHECK(std::find(c.begin(), c.end(), "construction") != c.end());
  const auto l = sp->suggest("Londn");
  CHECK(std::find(l.begin(), l.end(), "London") != l.end());  // a proper noun keeps its capital
}

TEST_CASE("spelling: codespell's corrections and the common words") {
  const auto sp = table();
  CHECK(sp->corrections("recieve") == std::vector<std::string>{"receive"});
  const auto upto = sp->corrections("upto");
  CHECK(std::find(upto.begin(), upto.end(), "up to") != upto.end());
  CHECK(sp->corrections("receive").empty());
  CHECK(sp->common("machine"));
  CHECK_FALSE(sp->common("lattermost"));
  CHECK(sp->known("lattermost"));
  // The frequent words are common words of the shorter list (SCOWL size 35).
  if (with_frequent()) {
    CHECK(sp->frequent("table"));
    CHECK(sp->frequent("above"));
  }
  CHECK(sp->common("ioctl"));
  CHECK_FALSE(sp->frequent("ioctl"));
  CHECK_FALSE(sp->frequent("lattermost"));
  CHECK(sp->size() > 300000);
}

TEST_CASE("spelling: the table is read only where lookups reach it, and safely from several threads") {
  const auto sp = table();
  CHECK(sp->resident() == 0);
  CHECK(sp->known("machine"));
  // Two Bloom filter bits, a slot, an entry: at most five 4 KB pages of the 14 MB.
  CHECK(sp->resident() > 0);
  CHECK(sp->resident() <= 5 * 4096);
  std::set<std::string> words;
  for (const auto& e : fs::recursive_directory_iterator(std::string(LISTLINT_SOURCE_DIR) + "/fixtures"))
    if (e.path().extension() == ".md") words_of(test::read_file(e.path().string()), words);
  REQUIRE(words.size() > 1000);
  const std::vector<std::string> list(words.begin(), words.end());
  auto verdicts = [&](const listlint::Speller& s) {
    std::string v;
    for (const auto& w : list) v += s.known(w) ? '1' : s.known_alt(w) ? '2' : s.common(w) ? '3' : '0';
    return v;
  };
  const auto fresh = table();
  const std::string one = verdicts(*sp);
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (auto& g : got) threads.emplace_back([&] { g = verdicts(*fresh); });
  for (auto& t : threads) t.join();
  for (const auto& g : got) CHECK(g == one);
  // 100 words touch less than a quarter of it, page by page. Once a quarter of its pages have been
  // read one by one, the rest is read at once: lookups hash uniformly, and a run that has come that
  // far reaches most pages (the fixtures' 3,000 words do), a read call per page.
  const auto sample = table();
  const std::size_t whole = (fs::file_size(LISTLINT_WORDS_FILE) + 4095) / 4096 * 4096;
  for (std::size_t i = 0; i < 100; ++i) (void)sample->known(list[i * list.size() / 100]);
  MESSAGE("100 lookups made " << sample->resident() / 1024 << " KB of the table resident");
  CHECK(sample->resident() > 0);
  CHECK(sample->resident() < whole / 4);
  CHECK(verdicts(*sample) == one);
  MESSAGE("then the verdicts on " << list.size() << " words made " << sample->resident() / 1024 << " KB of the table resident");
  CHECK(sample->resident() == whole);
  CHECK(verdicts(*sample) == one);
}

TEST_CASE("spelling: a missing, short or damaged word table is a one-line error") {
  const std::string dir = test::temp_dir("spelling-bad");
  std::string err;
  CHECK_FALSE(listlint::Speller::load(dir + "/absent.bin", &err));
  CHECK(err.find(dir + "/absent.bin: No such file or directory") == 0);
  CHECK(err.find('\n') == std::string::npos);
  test::write_file(dir + "/short.bin", "hello");
  CHECK_FALSE(listlint::Speller::load(dir + "/short.bin", &err));
  CHECK(err.find("too short") != std::string::npos);
  test::write_file(dir + "/magic.bin", std::string(64, 'x'));
  CHECK_FALSE(listlint::Speller::load(dir + "/magic.bin", &err));
  CHECK(err.find("bad magic") != std::string::npos);
  // A table of the format before the technical vocabulary and the two-edit index (LLWORDS4).
  test::write_file(dir + "/old.bin", "LLWORDS4" + std::string(64, '\0'));
  CHECK_FALSE(listlint::Speller::load(dir + "/old.bin", &err));
  CHECK(err.find("bad magic") != std::string::npos);
  // The real table cut short: its sizes no longer add up.
  const std::string whole = test::read_file(LISTLINT_WORDS_FILE);
  REQUIRE(whole.size() > 1000);
  test::write_file(dir + "/cut.bin", whole.substr(0, whole.size() - 100));
  CHECK_FALSE(listlint::Speller::load(dir + "/cut.bin", &err));
  CHECK(err.find("damaged") != std::string::npos);
  CHECK_FALSE(listlint::Speller::load(dir, &err));  // a directory
  CHECK(err.find("not a regular file") != std::string::npos);
  // A FIFO no one writes to: refused at once, not waited on.
  REQUIRE(::mkfifo((dir + "/fifo").c_str(), 0600) == 0);
  CHECK_FALSE(listlint::Speller::load(dir + "/fifo", &err));
  CHECK(err.find("not a regular file") != std::string::npos);
}

TEST_CASE("spelling: the technical vocabulary: Debian's package descriptions and the hand supplement") {
  const auto sp = table();
  // The hand supplement is always in, and only as technical words: known() still gives Hunspell's verdict.
  for (const char* w : {"finetuning", "pretrained", "multimodal", "agentic", "api", "subreddits"}) {
    CAPTURE(w);
    CHECK(sp->technical(w));
  }
  CHECK_FALSE(sp->known("finetuning"));
  CHECK_FALSE(sp->technical("Finetuning"));  // the key is lowercase
  CHECK_FALSE(sp->technical("lattermost"));  // a dictionary word no package description uses
  CHECK_FALSE(sp->technical("zzkubectl"));
  if (!with_descriptions()) {
    MESSAGE("SKIPPED: the table was built without package descriptions (LISTLINT_PACKAGE_DESCRIPTIONS=-)");
    return;
  }
  // Used by 3 source packages or more (stdout 132, passwd 16, cgroup 4, dotfiles 5, kubectl 5,
  // nginx 57, shoulda 4 on bookworm), unknown to en_US.
  for (const char* w : {"stdout", "passwd", "cgroup", "dotfiles", "kubectl", "nginx", "shoulda"}) {
    CAPTURE(w);
    CHECK(sp->technical(w));
    CHECK_FALSE(sp->known(w));
  }
  CHECK(sp->technical("library"));      // a dictionary word the descriptions use is technical too
  CHECK_FALSE(sp->technical("seperate"));  // codespell's misspellings never are (2 packages write it)
  CHECK_FALSE(sp->technical("publically"));  // ... even used by 3 or more
  CHECK_FALSE(sp->technical("libary"));
  // Words of the rule's former hand list (removed once the table held all of it): from the
  // descriptions or the supplement, each is technical.
  std::string missing;
  for (const char* w : {"api", "async", "backend", "changelog", "dataframe", "finetuning", "pretrained", "multimodal",
                        "agentic", "kubernetes", "webhook", "websocket", "stdout", "chroot", "inotify", "qubit", "esports"})
    if (!sp->technical(w)) missing += std::string(" ") + w;
  CHECK_MESSAGE(missing.empty(), "not technical:" << missing);
  // Thousands of technical words, most of them dictionary words (library); the rest en_US lacks.
  std::size_t technical = 0, unknown = 0;
  for (const auto& [w, f] : all_entries())
    if (f & listlint::words_format::kTechnical) {
      ++technical;
      unknown += !(f & (listlint::words_format::kUS | listlint::words_format::kGB));
    }
  MESSAGE(technical << " technical words, " << unknown << " of them unknown to the dictionaries");
  CHECK(technical > 10000);
  CHECK(unknown > 3000);
}

TEST_CASE("spelling: suggestions with technical words add exactly the technical words one edit away, after the others") {
  const auto sp = table();
  for (const std::string word : {"ngnix", "kubctl", "Stdot", "finetunig", "recieve", "benhcmark", "lightweigth"}) {
    CAPTURE(word);
    const auto plain = sp->suggest(word);
    const auto with = sp->suggest(word, true);
    REQUIRE(with.size() >= plain.size());
    CHECK(std::equal(plain.begin(), plain.end(), with.begin()));  // the dictionary's come first, unchanged
    // Brute force: every one-edit string of the lowercase word that is technical and not already
    // suggested in some case.
    std::string w = word;
    w[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
    std::set<std::string> plain_lower;
    for (std::string p : plain) {
      p[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(p[0])));
      plain_lower.insert(p);
    }
    std::set<std::string> expected;
    auto consider = [&](const std::string& c) {
      if (c != w && !plain_lower.count(c) && sp->technical(c)) expected.insert(c);
    };
    for (std::size_t i = 0; i < w.size(); ++i) consider(w.substr(0, i) + w.substr(i + 1));
    for (std::size_t i = 0; i + 1 < w.size(); ++i) {
      std::string c = w;
      std::swap(c[i], c[i + 1]);
      consider(c);
    }
    for (std::size_t i = 0; i <= w.size(); ++i)
      for (char l = 'a'; l <= 'z'; ++l) {
        std::string ins = w;
        ins.insert(ins.begin() + static_cast<std::ptrdiff_t>(i), l);
        consider(ins);
        if (i < w.size()) {
          std::string sub = w;
          sub[i] = l;
          consider(sub);
        }
      }
    const std::vector<std::string> extra(with.begin() + static_cast<std::ptrdiff_t>(plain.size()), with.end());
    const std::set<std::string> extra_set(extra.begin(), extra.end());
    CHECK(extra.size() == extra_set.size());
    CHECK(extra_set == expected);
  }
  CHECK(sp->suggest("finetunig", true) == std::vector<std::string>{"finetuning"});
  CHECK(sp->suggest("finetunig").empty());
  if (with_descriptions()) {
    const auto n = sp->suggest("ngnix", true);
    CHECK(std::find(n.begin(), n.end(), "nginx") != n.end());
    const auto k = sp->suggest("kubctl", true);
    CHECK(std::find(k.begin(), k.end(), "kubectl") != k.end());
  }
}

TEST_CASE("spelling: the two-edit index finds exactly the common and technical words two edits away") {
  namespace wf = listlint::words_format;
  const auto sp = table();
  // The words it may return, read from the table's entries (not from the index).
  std::vector<std::vector<std::string>> by_letter(26);
  std::vector<std::string> common;
  for (const auto& [w, f] : all_entries()) {
    if (!(f & (wf::kCommon | wf::kTechnical)) || (f & (wf::kNoSuggest | wf::kMisspelling))) continue;
    if (w.size() < 5 || w.size() > 40 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    by_letter[static_cast<std::size_t>(w[0] - 'a')].push_back(w);
    if (f & wf::kCommon) common.push_back(w);
  }
  REQUIRE(common.size() > 20000);
  auto brute = [&](const std::string& q) {
    std::set<std::string> out;
    if (q.empty() || q[0] < 'a' || q[0] > 'z') return out;
    for (const auto& w : by_letter[static_cast<std::size_t>(q[0] - 'a')])
      if (w.size() + 2 >= q.size() && w.size() <= q.size() + 2 && osa(q, w) == 2) out.insert(w);
    return out;
  };
  // A few hundred queries: the words the brief names, common words, and common words with one,
  // two and three random edits (fixed seed).
  std::vector<std::string> queries = {"lightweigth", "enreues", "lighweigth", "entires", "benchmakr", "abcde", "aaaaaaaa"};
  std::mt19937 rng(20261201);
  auto edit = [&](std::string w) {
    const std::size_t i = 1 + rng() % (w.size() - 1);  // not the first letter
    const char c = static_cast<char>('a' + rng() % 26);
    switch (rng() % 4) {
      case 0: w.erase(i, 1); break;
      case 1: w.insert(w.begin() + static_cast<std::ptrdiff_t>(i), c); break;
      case 2: w[i] = c; break;
      default: if (i + 1 < w.size()) std::swap(w[i], w[i + 1]); break;
    }
    return w;
  };
  for (int k = 0; k < 300; ++k) {
    std::string w = common[rng() % common.size()];
    for (int e = k % 4; e > 0 && w.size() > 2; --e) w = edit(w);
    queries.push_back(w);
  }
  int with_results = 0;
  for (const auto& q : queries) {
    CAPTURE(q);
    const auto got = sp->within_two(q);
    const std::set<std::string> got_set(got.begin(), got.end());
    CHECK(got.size() == got_set.size());
    CHECK(got_set == brute(q));
    for (const auto& g : got) CHECK(osa(q, g) == 2);  // never the word itself nor one edit away
    with_results += !got.empty();
  }
  MESSAGE(queries.size() << " queries, " << with_results << " with words two edits away");
  CHECK(with_results > 50);
  // "lightweigth" is one swap from "lightweight" (suggest() finds it); a letter less is two edits.
  const auto l = sp->within_two("lighweigth");
  CHECK(std::find(l.begin(), l.end(), "lightweight") != l.end());
  const auto l1 = sp->within_two("lightweigth");
  CHECK(std::find(l1.begin(), l1.end(), "lightweight") == l1.end());
  const auto s1 = sp->suggest("lightweigth");
  CHECK(std::find(s1.begin(), s1.end(), "lightweight") != s1.end());
  // A word one edit from a common word does not get it back: "entires" is one from "entries".
  const auto e = sp->within_two("entires");
  CHECK(std::find(e.begin(), e.end(), "entries") == e.end());
  const auto r = sp->within_two("enreues");
  std::string found;
  for (const auto& x : r) found += " " + x;
  MESSAGE("enreues: two edits from" << found << " (entries is " << osa("enreues", "entries") << " away)");
  // Out of range: no first letter to bucket by, or too long for any bucket.
  CHECK(sp->within_two("").empty());
  CHECK(sp->within_two("Lightweigth").empty());
  CHECK(sp->within_two(std::string(60, 'a')).empty());
}

TEST_CASE("spelling: a two-edit search reads only its buckets") {
  const auto sp = table();
  (void)sp->within_two("lighweigth");
  // The bucket offsets and five buckets (l, 8 to 12 letters): a few pages of the 14 MB.
  MESSAGE("within_two made " << sp->resident() / 1024 << " KB of the table resident");
  CHECK(sp->resident() > 0);
  CHECK(sp->resident() <= 24 * 4096);
}
