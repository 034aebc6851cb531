// The typo rule's word table (built at build time from Hunspell's dictionaries): it must give
// Hunspell's own verdicts, suggest exactly the dictionary words one edit away, and fail loudly.
#include <doctest/doctest.h>
#include <hunspell/hunspell.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <thread>

#include "listlint/spelling/spelling.h"
#include "support.h"

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
  // 1,000 words touch less than half of it (the fixtures' words, which grow with every rule, are
  // too many to say so: 3,000 reach most pages of a table whose lookups hash uniformly).
  const auto sample = table();
  for (std::size_t i = 0; i < 1000; ++i) (void)sample->known(list[i * list.size() / 1000]);
  MESSAGE("1,000 lookups made " << sample->resident() / 1024 << " KB of the table resident");
  CHECK(sample->resident() < 14u * 1024 * 1024 / 2);
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
