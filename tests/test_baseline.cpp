// Baselines and diff filters (lib/src/checking/baseline.cpp): keys, matching as a multiset, the file format.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <random>

#include "listlint/checking/baseline.h"
#include "listlint/checking/diff.h"
#include "support.h"

namespace {
listlint::Diagnostic diag(const std::string& rule, const std::string& message, int line, int end_line = 0,
                          int end_column = 5) {
  listlint::Diagnostic d;
  d.rule = rule;
  d.message = message;
  d.range.begin = {line, 1};
  d.range.end = {end_line ? end_line : line, end_column};
  return d;
}
}  // namespace

TEST_CASE("baseline: a finding's key is the text of its line, not its number") {
  const std::string dir = test::temp_dir("baseline-key");
  const std::string base = dir + "/listlint-baseline.json";
  listlint::FileReport before{dir + "/README.md", {diag("typo", "\"teh\"", 3)}, std::nullopt};
  listlint::attach_line_keys(before, "# T\n\n  - teh tool  \n");
  REQUIRE(before.lines.size() == 1);
  CHECK(before.lines[0] == "- teh tool");  // trimmed
  std::string err;
  auto b = listlint::parse_baseline(listlint::baseline_text({before}, base), base, err);
  REQUIRE(b);
  // Two lines inserted above: the same finding on line 5 is silenced.
  listlint::FileReport after{dir + "/README.md", {diag("typo", "\"teh\"", 5)}, std::nullopt};
  listlint::attach_line_keys(after, "# T\n\nnew\nnew\n- teh tool\n");
  std::vector<listlint::FileReport> reports = {after};
  CHECK(listlint::apply_baseline(reports, *b) == 1);
  CHECK(reports[0].diagnostics.empty());
  // The line changed: reported again.
  after.lines.clear();
  listlint::attach_line_keys(after, "# T\n\nnew\nnew\n- teh other tool\n");
  reports = {after};
  CHECK(listlint::apply_baseline(reports, *b) == 0);
  CHECK(reports[0].diagnostics.size() == 1);
  // Another message or rule on the same line: reported.
  listlint::FileReport other{dir + "/README.md", {diag("typo", "\"tool\"", 3), diag("proper-name", "\"teh\"", 3)}, std::nullopt};
  listlint::attach_line_keys(other, "# T\n\n- teh tool\n");
  reports = {other};
  CHECK(listlint::apply_baseline(reports, *b) == 0);
  CHECK(reports[0].diagnostics.size() == 2);
}

TEST_CASE("baseline: N recorded copies silence at most N findings") {
  const std::string dir = test::temp_dir("baseline-multiset");
  const std::string base = dir + "/b.json";
  const std::string text = "# T\n\n- a teh\n- a teh\n";
  listlint::FileReport two{dir + "/l.md", {diag("typo", "m", 3), diag("typo", "m", 4)}, std::nullopt};
  listlint::attach_line_keys(two, text);
  const std::string saved = listlint::baseline_text({two}, base);
  std::string err;
  auto b = listlint::parse_baseline(saved, base, err);
  REQUIRE(b);
  CHECK(b->counts.size() == 1);
  CHECK(b->counts.begin()->second == 2);
  listlint::FileReport three{dir + "/l.md", {diag("typo", "m", 3), diag("typo", "m", 4), diag("typo", "m", 5)}, std::nullopt};
  listlint::attach_line_keys(three, text + "- a teh\n");
  std::vector<listlint::FileReport> reports = {three};
  CHECK(listlint::apply_baseline(reports, *b) == 2);
  REQUIRE(reports[0].diagnostics.size() == 1);
  CHECK(reports[0].diagnostics[0].range.begin.line == 5);  // the later copy is the new one
  CHECK(reports[0].lines.size() == 1);
  // Another file with the same finding is not silenced by this one's record.
  listlint::FileReport elsewhere{dir + "/sub/l.md", {diag("typo", "m", 3)}, std::nullopt};
  listlint::attach_line_keys(elsewhere, text);
  reports = {elsewhere};
  CHECK(listlint::apply_baseline(reports, *b) == 0);
}

TEST_CASE("baseline: the file is versioned, sorted, one finding a line, paths relative to its folder") {
  const std::string dir = test::temp_dir("baseline-file");
  listlint::FileReport r{dir + "/docs/z.md", {diag("typo", "b", 2), diag("broken-anchor", "a", 1)}, std::nullopt};
  listlint::attach_line_keys(r, "x\ny\n");
  const std::string text = listlint::baseline_text({r}, dir + "/ci/baseline.json");
  CHECK(text ==
        "{\n  \"version\": 1,\n  \"tool\": \"listlint\",\n  \"findings\": [\n"
        "    {\"path\":\"../docs/z.md\",\"rule\":\"broken-anchor\",\"message\":\"a\",\"line\":\"x\"},\n"
        "    {\"path\":\"../docs/z.md\",\"rule\":\"typo\",\"message\":\"b\",\"line\":\"y\"}\n  ]\n}\n");
  CHECK(listlint::baseline_text({}, dir + "/b.json") == "{\n  \"version\": 1,\n  \"tool\": \"listlint\",\n  \"findings\": []\n}\n");
  // The same file named from another working folder gets the same path.
  CHECK(listlint::baseline_path(dir + "/docs/../docs/z.md", dir + "/ci/baseline.json") == "../docs/z.md");
  CHECK(listlint::baseline_path("-", dir + "/b.json") == "-");
}

TEST_CASE("baseline: malformed files are refused with the reason") {
  std::string err;
  CHECK(!listlint::parse_baseline("{", "b.json", err));
  CHECK(err.find("not a JSON baseline") != std::string::npos);
  CHECK(!listlint::parse_baseline("[]", "b.json", err));
  CHECK(!listlint::parse_baseline(R"({"findings": []})", "b.json", err));
  CHECK(err.find("no \"version\"") != std::string::npos);
  CHECK(!listlint::parse_baseline(R"({"version": 2, "findings": []})", "b.json", err));
  CHECK(err.find("version 2 is not supported") != std::string::npos);
  CHECK(!listlint::parse_baseline(R"({"version": 1})", "b.json", err));
  CHECK(err.find("\"findings\"") != std::string::npos);
  CHECK(!listlint::parse_baseline(R"({"version": 1, "findings": [{"path": "a", "rule": "r", "message": "m"}]})", "b.json", err));
  CHECK(err == "finding 1 has no \"line\" string");
  CHECK(listlint::parse_baseline(R"({"version": 1, "findings": []})", "b.json", err));
  CHECK(!listlint::load_baseline(test::temp_dir("baseline-missing") + "/none.json", err));
  CHECK(err.find("no such baseline file") != std::string::npos);
}

TEST_CASE("baseline: the line numbers a message cites are not part of its key") {
  CHECK(listlint::message_key("Entry \"X\" is listed twice (lines 669 and 697): remove one") ==
        "Entry \"X\" is listed twice (lines N and N): remove one");
  CHECK(listlint::message_key("the list's title is \"A\" (line 19); use h2") == "the list's title is \"A\" (line N); use h2");
  CHECK(listlint::message_key("at lines 3, 7 and 9.") == "at lines N, N and N.");
  CHECK(listlint::message_key("line 12, 3 words") == "line N, N words");  // a list of numbers is read as lines
  CHECK(listlint::message_key("pipeline 12 and headline 4; 20 lines") == "pipeline 12 and headline 4; 20 lines");
  CHECK(listlint::message_key("line 5") == "line N");
  CHECK(listlint::message_key("line x") == "line x");
  // Two findings that differ only in the line they cite share a key.
  const std::string dir = test::temp_dir("baseline-cited");
  listlint::FileReport before{dir + "/l.md", {diag("duplicate-link", "also at line 3", 9)}, std::nullopt};
  listlint::attach_line_keys(before, "a\nb\nc\nd\ne\nf\ng\nh\n- x\n");
  std::string err;
  auto b = listlint::parse_baseline(listlint::baseline_text({before}, dir + "/b.json"), dir + "/b.json", err);
  REQUIRE(b);
  listlint::FileReport after{dir + "/l.md", {diag("duplicate-link", "also at line 5", 11)}, std::nullopt};
  listlint::attach_line_keys(after, "0\n0\na\nb\nc\nd\ne\nf\ng\nh\n- x\n");
  std::vector<listlint::FileReport> reports = {after};
  CHECK(listlint::apply_baseline(reports, *b) == 1);
}

TEST_CASE("baseline: long lines and invalid UTF-8 make stable keys") {
  const std::string row = "| " + std::string(300, 'x') + " |";
  const std::string k = listlint::line_key(row);
  CHECK(k.size() < 160);
  CHECK(k.rfind("| xxx", 0) == 0);
  CHECK(k != listlint::line_key("| " + std::string(299, 'x') + "y |"));  // the hash tells them apart
  CHECK(listlint::line_key("caf\xE9") == "caf\xEF\xBF\xBD");
  CHECK(listlint::stable_hash("") == "cbf29ce484222325");  // FNV-1a's offset basis
}

TEST_CASE("diff filter: the new side of each hunk") {
  const std::string diff =
      "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n"
      "@@ -3 +3 @@\n-old\n+new\n"
      "@@ -10,0 +11,2 @@\n+a\n+b\n"
      "@@ -20,4 +22,0 @@\n-gone\n"
      "@@ -30 +28,1 @@ ## Section\n-x\n+y\n";
  CHECK(listlint::added_lines(diff) == std::set<int>{3, 11, 12, 28});
  CHECK(listlint::added_lines("").empty());
  const std::set<int> lines = {11, 12};
  CHECK(listlint::touches(diag("r", "m", 11), lines));
  CHECK(!listlint::touches(diag("r", "m", 10), lines));
  CHECK(listlint::touches(diag("r", "m", 9, 12), lines));          // a span that reaches a changed line
  CHECK(!listlint::touches(diag("r", "m", 9, 11, 1), lines));      // ends at column 1 of line 11: not in it
  CHECK(!listlint::touches(diag("r", "m", 13), lines));
}

namespace {

// Applies a unified diff to `before` (the hunks in order): the text it yields, or "<bad>" when a
// context or removed line does not match.
std::string apply_unified(const std::string& before, const std::string& diff) {
  std::vector<std::string> a;
  for (std::size_t b = 0; b < before.size();) {
    const std::size_t e = before.find('\n', b);
    const std::size_t end = e == std::string::npos ? before.size() : e + 1;
    a.push_back(before.substr(b, end - b));
    b = end;
  }
  std::vector<std::string> d;
  for (std::size_t b = 0; b < diff.size();) {
    const std::size_t e = diff.find('\n', b);
    d.push_back(diff.substr(b, e - b + 1));
    b = e + 1;
  }
  // "\ No newline at end of file" takes the line break off the line before it.
  std::vector<std::string> lines;
  for (std::size_t i = 2; i < d.size(); ++i) {
    if (d[i].rfind("\\ No newline", 0) == 0) {
      if (!lines.empty() && !lines.back().empty() && lines.back().back() == '\n') lines.back().pop_back();
      continue;
    }
    lines.push_back(d[i]);
  }
  std::string out;
  std::size_t pos = 0;  // next line of `a` not yet copied
  for (const std::string& l : lines) {
    if (l.rfind("@@ -", 0) == 0) {
      const std::size_t from = std::stoul(l.substr(4));
      const std::size_t start = from == 0 ? 0 : from - 1;
      while (pos < start && pos < a.size()) out += a[pos++];
      continue;
    }
    const std::string line = l.substr(1);
    if (l[0] == '+') {
      out += line;
      continue;
    }
    if (pos >= a.size() || a[pos] != line) return "<bad>";
    if (l[0] == ' ') out += line;
    ++pos;
  }
  while (pos < a.size()) out += a[pos++];
  return out;
}

}  // namespace

TEST_CASE("diff: unified_diff gives a patch that turns the old text into the new one") {
  using listlint::unified_diff;
  CHECK(unified_diff("x.md", "same\n", "same\n").empty());
  const std::string before = "# T\n\n- a\n- b\n- c\n- d\n- e\n- f\n- g\n- h\n- i\n- j\n";
  const std::string after = "# T\n\n- a\n- B\n- c\n- d\n- e\n- f\n- g\n- h\n- i\n- j\n- k";
  const std::string d = unified_diff("README.md", before, after);
  CHECK(d.rfind("--- a/README.md\n+++ b/README.md\n@@ -1,7 +1,7 @@\n", 0) == 0);
  CHECK(d.find("-- b\n+- B\n") != std::string::npos);
  CHECK(d.find("@@ -10,3 +10,4 @@\n - h\n - i\n - j\n+- k\n") != std::string::npos);
  CHECK(d.find("+- k\n\\ No newline at end of file\n") != std::string::npos);
  CHECK(apply_unified(before, d) == after);
  // Random edits of random texts, including empty texts and a cap that gives up on the search.
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    auto text = [&](int n) {
      std::string s;
      for (int i = 0; i < n; ++i) s += std::string(1, static_cast<char>('a' + rng() % 4)) + (rng() % 9 ? "\n" : "");
      return s;
    };
    const std::string x = text(static_cast<int>(rng() % 40)), y = text(static_cast<int>(rng() % 40));
    const std::size_t cap = round % 3 == 0 ? 2 : 4000;
    const std::string p = listlint::unified_diff("f", x, y, cap);
    INFO(x << "\n=>\n" << y << "\n" << p);
    CHECK(apply_unified(x, p) == (x == y ? x : y));
  }
}
