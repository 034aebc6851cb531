// `listlint check` end to end: formats parsed back, exit codes, directives, configuration,
// standard input, directory walking and --fix atomicity.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "listlint/checking/config.h"
#include "listlint/checking/linter.h"
#include "listlint/checking/report.h"
#include "registry.h"
#include "support.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string q(const std::string& s) { return "'" + s + "'"; }
const std::string kSeed = std::string(LISTLINT_SOURCE_DIR) + "/fixtures/seed/README.md";

const char* kClean = "# Clean\n\n- [a](https://a.example) - A.\n- [b](https://b.example) - B.\n";
const char* kWarningsOnly =
    "# W\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n5 | 6 |\n";  // a missing leading pipe
const char* kErrors = "# E\n\n- [Tools](#tools)\n- [Other](#other)\n\n## Tools\n";

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("check: the example list") {
  const auto r = test::listlint("check --color never " + q(kSeed));
  CHECK(r.exit_code == 1);
  CHECK(count(r.out, "holds the placeholder \"place_holder\"") == 20);
  CHECK(count(r.out, "[InternVid-10M] is written like a link but has no URL") == 1);
  CHECK(r.out.find("README.md:186:295: error:") != std::string::npos);
  for (const char* anchor : {"#-supervised-finetuning", "#-preference-learning", "#-video-llm"})
    CHECK(r.out.find(std::string("points to ") + anchor) != std::string::npos);
  CHECK(r.out.find("\033[") == std::string::npos);  // no colour when asked for none
  const std::regex line(R"(^.+:\d+:\d+: (error|warning): .+ \[[a-z-]+\]$)");
  std::istringstream in(r.out);
  std::string l, totals, last;
  int findings = 0;
  while (std::getline(in, l)) {
    if (std::regex_match(l, line)) ++findings;
    totals = last;
    last = l;
  }
  CHECK(findings >= 24);
  CHECK(totals.find(" errors, ") != std::string::npos);
  CHECK(totals.find("in 1 file") != std::string::npos);
  // The summary ends with the counts per rule, most first.
  CHECK(last.rfind("by rule: placeholder-cell 24, ", 0) == 0);
}

TEST_CASE("check: JSON output parses back and adds up") {
  const auto r = test::listlint("check --format json " + q(kSeed));
  CHECK(r.exit_code == 1);
  const json j = json::parse(r.out);
  REQUIRE(j["files"].size() == 1);
  int errors = 0, warnings = 0;
  for (const auto& d : j["files"][0]["diagnostics"]) {
    for (const char* key : {"rule", "severity", "message", "line", "column", "end_line", "end_column", "fixable"})
      CHECK(d.contains(key));
    CHECK(d["line"].get<int>() >= 1);
    CHECK(d["column"].get<int>() >= 1);
    (d["severity"] == "error" ? errors : warnings) += 1;
  }
  CHECK(j["summary"]["files"] == 1);
  CHECK(j["summary"]["errors"] == errors);
  CHECK(j["summary"]["warnings"] == warnings);
}

TEST_CASE("check: SARIF has what GitHub code scanning requires") {
  const auto r = test::listlint("check --format sarif " + q(kSeed));
  CHECK(r.exit_code == 1);
  const json s = json::parse(r.out);
  CHECK(s["version"] == "2.1.0");
  CHECK(s["$schema"].get<std::string>().find("sarif") != std::string::npos);
  REQUIRE(s["runs"].size() == 1);
  const json& run = s["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "listlint");
  const json& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() >= 4);
  for (const auto& rule : rules) {
    CHECK(!rule["id"].get<std::string>().empty());
    CHECK(rule["helpUri"].get<std::string>().find("docs/rules/" + rule["id"].get<std::string>() + ".md") !=
          std::string::npos);
    CHECK(!rule["shortDescription"]["text"].get<std::string>().empty());
  }
  REQUIRE(run["results"].size() >= 24);
  for (const auto& res : run["results"]) {
    CHECK(rules[res["ruleIndex"].get<int>()]["id"] == res["ruleId"]);
    CHECK((res["level"] == "error" || res["level"] == "warning"));
    CHECK(!res["message"]["text"].get<std::string>().empty());
    const json& loc = res["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"].get<std::string>().find("fixtures/seed/README.md") != std::string::npos);
    CHECK(loc["region"]["startLine"].get<int>() >= 1);
    CHECK(loc["region"]["startColumn"].get<int>() >= 1);
    CHECK(res.contains("partialFingerprints"));
  }
}

TEST_CASE("check: GitHub annotations, one per finding") {
  const auto r = test::listlint("check --format github " + q(kSeed));
  CHECK(r.exit_code == 1);
  const std::regex cmd(R"(^::(error|warning) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::.+$)");
  std::istringstream in(r.out);
  std::string l;
  int n = 0;
  while (std::getline(in, l)) {
    INFO(l);
    CHECK(std::regex_match(l, cmd));
    ++n;
  }
  const auto j = json::parse(test::listlint("check --format json " + q(kSeed)).out);
  CHECK(n == static_cast<int>(j["files"][0]["diagnostics"].size()));
}

TEST_CASE("check: exit codes 0, 1 and 2") {
  const std::string dir = test::temp_dir("exit");
  const std::string clean = test::write_file(dir + "/clean.md", kClean);
  const std::string warn = test::write_file(dir + "/warn.md", kWarningsOnly);
  const std::string err = test::write_file(dir + "/err.md", kErrors);
  CHECK(test::listlint("check " + q(clean)).exit_code == 0);
  auto r = test::listlint("check " + q(warn));
  CHECK(r.exit_code == 0);  // warnings do not fail a run
  CHECK(r.out.find("warning:") != std::string::npos);
  CHECK(test::listlint("check " + q(err)).exit_code == 1);
  // An unreadable input: exit 2, and the other files are still checked and reported.
  r = test::listlint("check --format json " + q(dir + "/missing.md") + " " + q(err));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "listlint: " + dir + "/missing.md: No such file or directory\n");
  const json j = json::parse(r.out);
  CHECK(j["files"].size() == 2);
  CHECK(j["summary"]["failed"] == 1);
  CHECK(j["summary"]["errors"] == 1);
  // Usage errors.
  CHECK(test::listlint("check --format xml " + q(clean)).exit_code == 2);
  r = test::listlint("check --enable no-such-rule " + q(clean));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown rule \"no-such-rule\"") != std::string::npos);
  CHECK(test::listlint("").exit_code == 2);
  // --quiet: errors only, no summary.
  r = test::listlint("check --quiet " + q(warn) + " " + q(err));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("warning:") == std::string::npos);
  CHECK(count(r.out, "\n") == 1);
}

TEST_CASE("check: --enable and --disable") {
  const std::string dir = test::temp_dir("enable");
  const std::string err = test::write_file(dir + "/err.md", kErrors);
  CHECK(test::listlint("check --disable broken-anchor " + q(err)).exit_code == 0);
  CHECK(test::listlint("check --disable broken-anchor,missing-link " + q(err)).exit_code == 0);
  test::write_file(dir + "/.listlint.json", R"({"rules": {"broken-anchor": "off"}})");
  CHECK(test::listlint("check " + q(err)).exit_code == 0);
  CHECK(test::listlint("check --enable broken-anchor " + q(err)).exit_code == 1);
}

TEST_CASE("check: inline directives") {
  const std::string dir = test::temp_dir("directives");
  const std::string f = test::write_file(dir + "/d.md",
      "# D\n\n"
      "<!-- listlint-disable-next-line broken-anchor -->\n"
      "- [A](#nowhere-a)\n"
      "- [B](#nowhere-b)\n\n"
      "<!-- listlint-disable -->\n"
      "- [C](#nowhere-c)\n"
      "<!-- listlint-enable -->\n"
      "- [D](#nowhere-d)\n\n"
      "<!-- listlint-disable missing-link -->\n"
      "- [E](#nowhere-e)\n"
      "<!-- listlint-enable missing-link -->\n");
  auto r = test::listlint("check --format json " + q(f));
  std::vector<int> lines;
  const json j = json::parse(r.out);  // keep it alive: the loop below walks into it
  for (const auto& d : j["files"][0]["diagnostics"]) lines.push_back(d["line"].get<int>());
  INFO(r.out);
  CHECK(lines == std::vector<int>{5, 10, 13});  // A and C are suppressed; E's directive names another rule
  test::write_file(dir + "/file.md", "# F\n\n<!-- listlint-disable-file broken-anchor -->\n\n- [A](#x)\n");
  CHECK(test::listlint("check " + q(dir + "/file.md")).exit_code == 0);
  test::write_file(dir + "/all.md", "<!-- listlint-disable-file -->\n# F\n\n- [A](#x)\n");
  CHECK(test::listlint("check " + q(dir + "/all.md")).exit_code == 0);
}

TEST_CASE("check: configuration files and their errors") {
  const std::string root = test::temp_dir("config");
  fs::create_directories(root + "/repo/.git");
  fs::create_directories(root + "/repo/docs/lists");
  const std::string list = test::write_file(root + "/repo/docs/lists/README.md", kErrors);
  // Found upward from the file's folder, up to the repository root, not beyond it.
  test::write_file(root + "/.listlint.json", R"({"rules": {"no-such-rule": "off"}})");
  CHECK(test::listlint("check " + q(list)).exit_code == 1);
  test::write_file(root + "/repo/.listlint.json", R"({"rules": {"broken-anchor": {"severity": "warning"}}})");
  CHECK(test::listlint("check " + q(list)).exit_code == 0);
  // The nearest one wins.
  test::write_file(root + "/repo/docs/.listlint.json", R"({"rules": {"broken-anchor": "error"}})");
  CHECK(test::listlint("check " + q(list)).exit_code == 1);
  fs::remove(root + "/repo/docs/.listlint.json");
  // --config replaces the lookup.
  const std::string off = test::write_file(root + "/off.json", R"({"rules": {"broken-anchor": "off"}})");
  CHECK(test::listlint("check --config " + q(off) + " " + q(list)).exit_code == 0);

  struct Bad {
    const char* json;
    const char* says;
  };
  for (const Bad& b : std::vector<Bad>{
           {R"({"rules": {"no-such-rule": "off"}})", "unknown rule \"no-such-rule\""},
           {R"({"rules": {"placeholder-cell": {"colour": 1}}})", "unknown option \"colour\""},
           {R"({"rules": {"placeholder-cell": {"placeholders": "TODO"}}})", "must be an array of strings"},
           {R"({"rules": {"placeholder-cell": {"placeholders": [1, 2]}}})", "must be an array of strings"},
           {R"({"rules": {"table-shape": "loud"}})", "severity must be"},
           {R"({"rulez": {}})", "unknown key \"rulez\""},
           {R"({"rules": )", "invalid JSON"},
       }) {
    INFO(b.json);
    const std::string cfg = test::write_file(root + "/bad.json", b.json);
    auto r = test::listlint("check --config " + q(cfg) + " " + q(list));
    CHECK(r.exit_code == 2);
    CHECK(count(r.err, "\n") == 1);
    CHECK(r.err.find(cfg + ": ") != std::string::npos);
    CHECK(r.err.find(b.says) != std::string::npos);
    // A discovered configuration that is invalid is an error too (exit 2), never ignored.
    test::write_file(root + "/repo/.listlint.json", b.json);
    r = test::listlint("check " + q(list));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(b.says) != std::string::npos);
  }

  // Every mistake of a file is reported, one line each, not only the first; the good settings
  // around them do not hide them.
  const std::string many = test::write_file(root + "/many.json", R"({
  "rules": {
    "no-such-rule": "off",
    "placeholder-cell": {"colour": 1, "placeholders": "TODO"},
    "broken-anchor": "warning",
    "table-shape": "loud"
  },
  "rulez": {},
  "ignore": "vendor/**",
  "links": {"timeout": "soon", "retries": 1, "bogus": true}
})");
  for (const bool discovered : {false, true}) {
    CAPTURE(discovered);
    test::Run r;
    if (discovered) {
      test::write_file(root + "/repo/.listlint.json", test::read_file(many));
      r = test::listlint("check " + q(list));
    } else {
      r = test::listlint("check --config " + q(many) + " " + q(list));
    }
    CHECK(r.exit_code == 2);
    INFO(r.err);
    CHECK(count(r.err, "\n") == 8);
    for (const char* says : {"unknown rule \"no-such-rule\"", "unknown option \"colour\"", "must be an array of strings",
                             "severity must be", "unknown key \"rulez\"", "\"ignore\" must be an array",
                             "links.timeout must be", "links: unknown key \"bogus\""})
      CHECK(r.err.find(says) != std::string::npos);
    std::istringstream lines(r.err);
    std::string line;
    while (std::getline(lines, line)) {
      CHECK(line.rfind("listlint: ", 0) == 0);
      CHECK(line.find(".json: ") != std::string::npos);
    }
  }
}

TEST_CASE("check: directories, ignore globs and standard input") {
  const std::string root = test::temp_dir("walk");
  test::write_file(root + "/README.md", kErrors);
  test::write_file(root + "/docs/guide.markdown", kClean);
  test::write_file(root + "/docs/notes.txt", "not markdown");
  test::write_file(root + "/node_modules/pkg/README.md", kErrors);
  test::write_file(root + "/.git/README.md", kErrors);
  test::write_file(root + "/build/README.md", kErrors);
  test::write_file(root + "/vendor/old.md", kErrors);
  auto r = test::listlint("check --format json " + q(root));
  std::vector<std::string> paths;
  json j = json::parse(r.out);
  for (const auto& f : j["files"]) paths.push_back(f["path"].get<std::string>());
  INFO(r.out);
  CHECK(paths == std::vector<std::string>{root + "/README.md", root + "/docs/guide.markdown", root + "/vendor/old.md"});
  test::write_file(root + "/.listlint.json", R"({"ignore": ["vendor/**", "README.md"]})");
  paths.clear();
  r = test::listlint("check --format json " + q(root));
  j = json::parse(r.out);
  for (const auto& f : j["files"]) paths.push_back(f["path"].get<std::string>());
  CHECK(paths == std::vector<std::string>{root + "/docs/guide.markdown"});
  CHECK(r.exit_code == 0);
  // Standard input.
  const int rc = std::system(("cd " + q(root) + " && '" + std::string(LISTLINT_EXE) + "' check --format json - < " +
                              q(root + "/docs/guide.markdown") + " > " + q(root + "/stdin.json"))
                                 .c_str());
  CHECK(WEXITSTATUS(rc) == 0);
  CHECK(json::parse(test::read_file(root + "/stdin.json"))["files"][0]["path"] == "-");
  // --fix - writes the fixed text to standard output (empty input: empty output), never a file.
  const auto fixed = test::listlint("check --fix -");
  CHECK(fixed.exit_code == 0);
  CHECK(fixed.out.empty());
}

TEST_CASE("check: --jobs lints files on several threads, the output as with one") {
  // Every rule fixture, the seed list, a missing file and a file named twice: the reports must
  // come out in the files' order and be the same bytes whatever the number of threads.
  std::string files;
  int n = 0;
  std::vector<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(std::string(LISTLINT_SOURCE_DIR) + "/fixtures/rules"))
    if (e.path().extension() == ".md") names.push_back(e.path().string());
  std::sort(names.begin(), names.end());
  for (const auto& f : names) {
    files += " " + q(f);
    if (++n == 5) files += " " + q(kSeed) + " " + q("/nonexistent/listlint-test.md");
  }
  files += " " + q(names.front());
  REQUIRE(n > 20);
  const auto one = test::listlint("check --format json -j 1" + files);
  const auto four = test::listlint("check --format json -j 4" + files);
  CHECK(one.exit_code == 2);  // the missing file
  CHECK(four.exit_code == one.exit_code);
  CHECK(four.out == one.out);
  CHECK(four.err == one.err);
  const json j = json::parse(one.out);
  CHECK(j["files"].size() == names.size() + 3);
  CHECK(j["files"][5]["path"] == kSeed);
  CHECK(j["files"][6]["error"].get<std::string>().find("No such file") != std::string::npos);
  CHECK(j["files"].back() == j["files"][0]);
  // The same file under another name: the same findings, under the name given.
  const auto alias = test::listlint("check --format json -j 2 " + q(names[1]) + " " +
                                    q(fs::path(names[1]).parent_path().string() + "/./" + fs::path(names[1]).filename().string()));
  const json ja = json::parse(alias.out);
  REQUIRE(ja["files"].size() == 2);
  CHECK(ja["files"][0]["diagnostics"] == ja["files"][1]["diagnostics"]);
  CHECK(ja["files"][1]["path"].get<std::string>().find("/./") != std::string::npos);
  CHECK(test::listlint("check -j 0 " + q(kSeed)).exit_code == 2);  // a count of at least 1
  // --fix on several threads: each file fixed as on one, a file named twice fixed once.
  const std::string a = test::temp_dir("jobs-1"), b = test::temp_dir("jobs-4");
  std::string fa, fb;
  for (std::size_t k = 0; k < names.size(); ++k) {
    const std::string bytes = test::read_file(names[k]);
    fa += " " + q(test::write_file(a + "/" + std::to_string(k) + ".md", bytes));
    fb += " " + q(test::write_file(b + "/" + std::to_string(k) + ".md", bytes));
  }
  fb += " " + q(b + "/0.md") + " " + q(b + "/./0.md");
  fa += " " + q(a + "/0.md") + " " + q(a + "/./0.md");
  const auto fix1 = test::listlint("check --fix --format json -j 1" + fa);
  const auto fix4 = test::listlint("check --fix --format json -j 4" + fb);
  CHECK(fix1.exit_code == fix4.exit_code);
  int changed = 0;
  for (std::size_t k = 0; k < names.size(); ++k) {
    const std::string x = test::read_file(a + "/" + std::to_string(k) + ".md");
    CHECK(x == test::read_file(b + "/" + std::to_string(k) + ".md"));
    changed += x != test::read_file(names[k]);
  }
  CHECK(changed > 5);
  for (const auto& e : fs::directory_iterator(b)) CHECK(e.path().filename().string().find(".listlint-") == std::string::npos);
}

TEST_CASE("check: --fix rewrites files atomically and keeps their permissions") {
  const std::string dir = test::temp_dir("fix");
  const std::string src = test::read_file(std::string(LISTLINT_SOURCE_DIR) + "/fixtures/rules/table-shape/bad-shape.md");
  const std::string want = test::read_file(std::string(LISTLINT_SOURCE_DIR) + "/fixtures/rules/table-shape/bad-shape.fixed.md");
  const std::string f = test::write_file(dir + "/list.md", src);
  fs::permissions(f, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  struct stat before {}, after {};
  ::stat(f.c_str(), &before);
  const auto r = test::listlint("check --fix --disable missing-link,placeholder-cell,broken-anchor " + q(f));
  CHECK(r.exit_code == 1);  // the dropped "extra note" and the unrendered table need a human
  CHECK(test::read_file(f) == want);
  ::stat(f.c_str(), &after);
  CHECK(after.st_ino != before.st_ino);  // replaced by rename, never rewritten in place
  CHECK((after.st_mode & 07777) == 0640);
  int leftovers = 0;
  for (const auto& e : fs::directory_iterator(dir)) leftovers += e.path().filename().string().find(".listlint-") != std::string::npos;
  CHECK(leftovers == 0);
  // Fixing again changes nothing.
  const auto again = test::listlint("check --fix --disable missing-link,placeholder-cell,broken-anchor " + q(f));
  CHECK(again.exit_code == 1);
  CHECK(test::read_file(f) == want);
}

TEST_CASE("check: --fix edits the word after a NUL byte, not its twin in a code span") {
  // cmark-gfm parses NUL as a stand-in byte; a text after one was once matched against the source
  // and found in the code span before it, which --fix then rewrote ten times over (fuzz_fix).
  std::string text = "# T\n\n";
  for (int i = 0; i < 600; ++i) text += "Some words here.\n";  // the NUL comes after the first 8000 bytes
  // (The twin on the line before: a word written again on its own line is taken for a name.)
  text += "\n`\x1A" "updat`\n";
  text += '\0';
  text += "updat\n";
  const std::string f = test::write_file(test::temp_dir("nul-fix") + "/list.md", text);
  const auto r = test::listlint("check --fix " + q(f));
  CHECK(r.exit_code == 1);  // the NUL itself is left for a human
  std::string want = text;
  want.insert(want.size() - 1, "e");
  CHECK(test::read_file(f) == want);
}

TEST_CASE("check: --fix on a read-only file is an error for that file only") {
  const std::string dir = test::temp_dir("fix-ro");
  const std::string src = test::read_file(std::string(LISTLINT_SOURCE_DIR) + "/fixtures/rules/table-shape/bad-shape.md");
  const std::string ro = test::write_file(dir + "/a-readonly.md", src);
  const std::string rw = test::write_file(dir + "/b-writable.md", src);
  fs::permissions(ro, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const auto r = test::listlint("check --fix " + q(ro) + " " + q(rw));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(ro + ": file is read-only; not fixed") != std::string::npos);
  CHECK(test::read_file(ro) == src);
  CHECK(test::read_file(rw) != src);  // the other file is still fixed
}

TEST_CASE("check: --fix in a read-only folder leaves the file as it was") {
  if (::geteuid() == 0 && std::system("command -v setpriv >/dev/null 2>&1") != 0) {
    test::skip("root without setpriv: a read-only folder does not stop root");
    return;
  }
  const std::string dir = test::temp_dir("fix-rodir");
  const std::string src = test::read_file(std::string(LISTLINT_SOURCE_DIR) + "/fixtures/rules/table-shape/bad-shape.md");
  const std::string f = test::write_file(dir + "/list.md", src);
  // The file is writable by everyone, the folder by no one but its owner (and not for nobody).
  fs::permissions(f, fs::perms::all & ~fs::perms::owner_exec & ~fs::perms::group_exec & ~fs::perms::others_exec);
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                           fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(fs::path(dir).parent_path(), fs::perms::others_exec | fs::perms::others_read, fs::perm_options::add);
  // (typo off: nobody may not be able to read the build tree's word table, which is not what is tested)
  const auto r = test::listlint(std::string(::geteuid() == 0 ? "--setpriv-nobody " : "") + "check --disable typo --fix " + q(f));
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot create a temporary file") != std::string::npos);
  CHECK(test::read_file(f) == src);
}

TEST_CASE("check: --fix killed while writing leaves the original whole") {
  const std::string dir = test::temp_dir("fix-kill");
  // A list big enough that the fixed copy cannot be written under a 4 KiB file-size limit.
  std::string src = test::read_file(std::string(LISTLINT_SOURCE_DIR) + "/fixtures/rules/table-shape/bad-shape.md");
  for (int i = 0; i < 2000; ++i) src += "\n| a | b |\n|---|---|\n| 1 |\n";
  const std::string f = test::write_file(dir + "/big.md", src);
  REQUIRE(src.size() > 40000);
  const std::string cmd = "ulimit -f 8; exec '" + std::string(LISTLINT_EXE) + "' check --fix " + q(f) + " >/dev/null 2>&1";
  const int status = std::system(("bash -c " + q(cmd)).c_str());
  CHECK(status != 0);  // killed by SIGXFSZ in the middle of writing the temporary file
  CHECK(test::read_file(f) == src);  // the original is untouched: never truncated, never half-written
}

TEST_CASE("check: rules listing and the configuration schema") {
  auto r = test::listlint("rules --format json");
  CHECK(r.exit_code == 0);
  const json rules = json::parse(r.out);
  REQUIRE(rules.size() >= 4);
  for (const auto& rule : rules) {
    CHECK(rule.contains("id"));
    CHECK(rule.contains("severity"));
    CHECK(rule.contains("fixable"));
    CHECK(rule.contains("options"));
  }
  r = test::listlint("rules --format schema");
  CHECK(json::parse(r.out) == json::parse(test::read_file(std::string(LISTLINT_SOURCE_DIR) + "/docs/listlint.schema.json")));
  r = test::listlint("rules");
  CHECK(count(r.out, "\n") == static_cast<int>(rules.size()));
}

TEST_CASE("check: the example list, rules for curated lists") {
  const auto r = test::listlint("check --format json " + q(kSeed));
  const json j = json::parse(r.out);
  std::map<std::string, std::vector<json>> by_rule;
  for (const auto& d : j["files"][0]["diagnostics"]) by_rule[d["rule"].get<std::string>()].push_back(d);
  // mojibake: every line holding ðŸ”¥ or ï¼Œ, nothing else.
  const std::string seed = test::read_file(kSeed);
  std::set<int> moji_lines, want_lines;
  {
    std::istringstream in(seed);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
      if (line.find("\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xA5") != std::string::npos ||
          line.find("\xC3\xAF\xC2\xBC\xC5\x92") != std::string::npos)
        want_lines.insert(n);
  }
  for (const auto& d : by_rule["mojibake"]) moji_lines.insert(d["line"].get<int>());
  CHECK(want_lines.size() == 8);
  CHECK(moji_lines == want_lines);
  // duplicate-link: VideoChat2's paper link copies VideoChat's; the shared GitHub repositories of
  // the paper cards are not reported.
  REQUIRE(by_rule["duplicate-link"].size() == 1);
  CHECK(by_rule["duplicate-link"][0]["message"].get<std::string>().find(
            "Rows \"VideoChat\" (line 187) and \"VideoChat2\" (line 188)") != std::string::npos);
  // details-table-xref: the row without a card.
  bool internvl = false;
  for (const auto& d : by_rule["details-table-xref"])
    internvl |= d["message"].get<std::string>().find("Row \"InternVL-Chat-V1-2-SFT-Data\" of the table at line 102 has no "
                                                     "details card") != std::string::npos;
  CHECK(internvl);
  // link-text-space and proper-name.
  REQUIRE(by_rule["link-text-space"].size() == 1);
  CHECK(by_rule["link-text-space"][0]["message"].get<std::string>().find("\"Valley-webvid2M-Pretrain-703K \"") !=
        std::string::npos);
  // proper-name: the 14 "Github" are one finding, whose fix corrects all of them.
  REQUIRE(by_rule["proper-name"].size() == 1);
  CHECK(by_rule["proper-name"][0]["message"] ==
        "\"Github\" is written \"GitHub\" (here and 13 more times in this file; --fix corrects all of them)");
  CHECK(by_rule["quantity-format"].size() == 1);

  // After --fix on a copy: the lines read 🔥 and ，, and no TOC link is broken any more.
  const std::string dir = test::temp_dir("seed-fix");
  const std::string copy = test::write_file(dir + "/README.md", seed);
  fs::permissions(copy, fs::perms::owner_read | fs::perms::owner_write);
  test::listlint("check --fix " + q(copy));
  const std::string fixed = test::read_file(copy);
  CHECK(fixed.find("\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xA5") == std::string::npos);
  CHECK(fixed.find("\xC3\xAF\xC2\xBC\xC5\x92") == std::string::npos);
  CHECK(count(fixed, "## \xF0\x9F\x94\xA5 ") == 3);
  CHECK(count(fixed, "\xEF\xBC\x8C") == 2);
  CHECK(fixed.find("[Valley-webvid2M-Pretrain-703K](") != std::string::npos);
  const json after = json::parse(test::listlint("check --format json " + q(copy)).out);
  for (const auto& d : after["files"][0]["diagnostics"]) {
    CHECK(d["rule"] != "broken-anchor");
    CHECK(d["rule"] != "mojibake");
    CHECK(!d["fixable"].get<bool>());
  }
}

// The fixer's safety net: an edit whose bytes are not the ones its finding quotes is refused, and
// fixes that never settle leave the file as it was.

namespace {
// Appends an 'e' to the first "tabl" it finds, whatever follows: it never settles.
class RestlessRule final : public listlint::Rule {
 public:
  const listlint::RuleInfo& info() const override {
    static const listlint::RuleInfo kInfo{"restless", "Never settles.", {}, listlint::Severity::Error, true, {}};
    return kInfo;
  }
  void check(const listlint::RuleContext& ctx, listlint::Reporter& out) const override {
    const std::size_t p = ctx.doc.bytes().find("tabl");
    if (p == std::string_view::npos) return;
    out.report(ctx.doc.lines().span(p, p + 4), "\"tabl\"", listlint::Fix{{listlint::TextEdit{p, p + 4, "table"}}});
  }
};
}  // namespace

TEST_CASE("fix: an edit that does not find the bytes it quotes is refused") {
  listlint::Diagnostic right, wrong;
  right.fix = listlint::Fix{{listlint::TextEdit{0, 4, "table", std::string("tabl")}}};
  wrong.fix = listlint::Fix{{listlint::TextEdit{6, 10, "table", std::string("tabl")}}};  // bytes 6..10 are "e ta"
  int applied = 0;
  CHECK(listlint::apply_fixes("tabl, e tabl", {right}, &applied) == "table, e tabl");
  CHECK(applied == 1);
  CHECK(listlint::apply_fixes("tabl, e tabl", {wrong}, &applied) == "tabl, e tabl");
  CHECK(applied == 0);
}

TEST_CASE("fix: fixes that do not reach a fixed point are not written") {
  RestlessRule restless;
  const std::vector<const listlint::Rule*> rules{&restless};
  const listlint::Config config = listlint::default_config(rules);
  const auto r = listlint::fix_document("x.md", "# T\n\nA tabl here.\n", config, rules, {}, 3);
  REQUIRE(r.not_converged.has_value());
  CHECK(r.not_converged->find("restless") != std::string::npos);
  // A rule that settles converges: one pass, then nothing left to fix.
  const auto once = listlint::fix_document("x.md", "# T\n\nNo such word here.\n", config, rules, {}, 3);
  CHECK_FALSE(once.not_converged.has_value());
}

TEST_CASE("fix: a fix whose edits are spread through the file does not hold back the fixes between them") {
  listlint::Diagnostic spread, between;
  spread.fix = listlint::Fix{{listlint::TextEdit{0, 4, "AAAA"}, listlint::TextEdit{20, 24, "BBBB"}}};
  between.fix = listlint::Fix{{listlint::TextEdit{10, 14, "CCCC"}}};
  int applied = 0;
  const std::string text = "aaaa......cccc......bbbb";
  CHECK(listlint::apply_fixes(text, {spread, between}, &applied) == "AAAA......CCCC......BBBB");
  CHECK(applied == 2);
  // Overlapping edits still exclude each other.
  listlint::Diagnostic overlapping;
  overlapping.fix = listlint::Fix{{listlint::TextEdit{12, 22, "x"}}};
  CHECK(listlint::apply_fixes(text, {spread, overlapping}, &applied) == "AAAA......cccc......BBBB");
  CHECK(applied == 1);
}

TEST_CASE("fix: one finding for a repeated spelling leaves the lines its rule is switched off for") {
  const auto& rules = listlint::rules::all();
  const listlint::Config config = listlint::default_config(rules);
  const std::string text =
      "# T\n\n<!-- listlint-disable-next-line proper-name -->\nA Github app, as its authors write it.\n\nOn Github.\n\n"
      "Also on Github.\n";
  listlint::Document doc("x.md", text);
  const auto model = listlint::build_model(doc);
  std::vector<listlint::Diagnostic> names;
  for (auto& d : listlint::lint(doc, model, config, rules))
    if (d.rule == "proper-name") names.push_back(std::move(d));
  REQUIRE(names.size() == 1);
  CHECK(names[0].range.begin.line == 6);  // moved past the switched-off line
  REQUIRE(names[0].fix.has_value());
  CHECK(names[0].fix->edits.size() == 2);
  const auto fixed = listlint::fix_document("x.md", text, config, rules);
  CHECK(fixed.bytes.find("A Github app") != std::string::npos);
  CHECK(fixed.bytes.find("On GitHub.") != std::string::npos);
  CHECK(fixed.bytes.find("Also on GitHub.") != std::string::npos);
}

TEST_CASE("proper-name: names carry variants; names replaces the table, extra_names adds, ignore is as written") {
  const auto& rules = listlint::rules::all();
  auto messages = [&](const std::string& config_json, const std::string& text) {
    listlint::Config config = listlint::default_config(rules);
    REQUIRE_FALSE(listlint::apply_config(config, config_json, rules).has_value());
    listlint::Document doc("x.md", text);
    const auto model = listlint::build_model(doc);
    std::vector<std::string> out;
    for (const auto& d : listlint::lint(doc, model, config, rules))
      if (d.rule == "proper-name") out.push_back(d.message);
    return out;
  };
  const std::string text = "# T\n\nRuns on Nodejs and Github, with Weights and Biases.\n";
  // The built-in table: a variant and a wrong case.
  CHECK(messages("{}", text) == std::vector<std::string>{"\"Nodejs\" is written \"Node.js\"",
                                                         "\"Github\" is written \"GitHub\""});
  // extra_names adds a name with its variant of several words.
  CHECK(messages(R"({"rules": {"proper-name": {"extra_names": ["W&B: Weights and Biases"]}}})", text).size() == 3);
  // names replaces the whole table, variants included.
  CHECK(messages(R"({"rules": {"proper-name": {"names": ["GitHub"]}}})", text) ==
        std::vector<std::string>{"\"Github\" is written \"GitHub\""});
  CHECK(messages(R"({"rules": {"proper-name": {"names": ["Node.js: Nodejs"]}}})", text) ==
        std::vector<std::string>{"\"Nodejs\" is written \"Node.js\""});
  // ignore holds spellings as written, variants too.
  CHECK(messages(R"({"rules": {"proper-name": {"ignore": ["Nodejs"]}}})", text) ==
        std::vector<std::string>{"\"Github\" is written \"GitHub\""});
  // A variant of several words matches as written: "weights and biases" is no slip of W&B.
  CHECK(messages(R"({"rules": {"proper-name": {"names": ["W&B: Weights and Biases"]}}})",
                 "# T\n\nweights and biases of a network.\n")
            .empty());
  // The longer spelling wins: Mac OS X is a name of its own, Mac OS a variant of macOS.
  CHECK(messages("{}", "# T\n\nFor Mac OS X 10.6 and Mac OS.\n") ==
        std::vector<std::string>{"\"Mac OS\" is written \"macOS\""});
}

TEST_CASE("check: --format markdown, the job summary: totals, counts per rule, every finding in a table") {
  listlint::FileReport a;
  a.path = "docs/a_b.md";
  listlint::Diagnostic d;
  d.rule = "table-shape";
  d.severity = listlint::Severity::Error;
  d.range.begin = {3, 5};
  d.message = "Row has 2 cells | the header 3; <b>x</b> *y* `z`\nnext";
  a.diagnostics.push_back(d);
  d.rule = "typo";
  d.severity = listlint::Severity::Warning;
  d.range.begin = {7, 1};
  d.message = "\"teh\"";
  a.diagnostics.push_back(d);
  a.diagnostics.push_back(d);
  listlint::FileReport b;
  b.path = "gone.md";
  b.error = "cannot read";
  const std::string md = listlint::format_markdown({a, b}, {"2 findings in the baseline left out"});
  INFO(md);
  CHECK(md.rfind("### listlint: 1 error, 2 warnings in 2 files; 1 could not be checked; 2 findings in the baseline left out\n\n", 0) == 0);
  CHECK(md.find("| rule | errors | warnings |\n|---|---:|---:|\n| typo | 0 | 2 |\n| table-shape | 1 | 0 |\n") != std::string::npos);
  CHECK(md.find("| docs/a\\_b.md | 3 | 5 | error | table-shape | Row has 2 cells \\| the header 3; &lt;b&gt;x&lt;/b&gt; \\*y\\* \\`z\\` next |\n") != std::string::npos);
  CHECK(md.find("| gone.md | | | error | | cannot read |\n") != std::string::npos);
  // One row per finding and failed file: 3 + 1, after the two header rows of each table.
  CHECK(std::count(md.begin(), md.end(), '\n') == 2 + 2 + 2 + 1 + 2 + 4);
  // Nothing to report: the totals alone.
  CHECK(listlint::format_markdown({listlint::FileReport{"ok.md", {}, std::nullopt}}) == "### listlint: 0 errors, 0 warnings in 1 file\n\n");
  // From the command line.
  const std::string dir = test::temp_dir("markdown-format");
  const std::string list = test::write_file(dir + "/README.md", kErrors);
  const auto r = test::listlint("check --format markdown " + q(list));
  CHECK(r.exit_code == 1);
  CHECK(r.out.rfind("### listlint: ", 0) == 0);
  CHECK(r.out.find("| file | line | column | severity | rule | message |") != std::string::npos);
}

TEST_CASE("check: --timing prints where the time went on standard error, the report as without it") {
  const auto plain = test::listlint("check --format json " + q(kSeed));
  const auto timed = test::listlint("check --format json --timing -j 1 " + q(kSeed));
  CHECK(timed.exit_code == plain.exit_code);
  CHECK(timed.out == plain.out);
  CHECK(timed.err.find("listlint: timing of 1 file on 1 thread: ") != std::string::npos);
  // A line per model pass and per rule that ran, with its milliseconds and share.
  for (const char* stage : {"read (the file and its line index)", "model: parse (cmark-gfm)", "model: walk", "rule: typo",
                            "rule: entry-format", "rule: broken-anchor"})
    CHECK_MESSAGE(timed.err.find(std::string("\n  ") + stage) != std::string::npos, stage);
  CHECK(test::listlint("check --timing --disable typo -j 1 " + q(kSeed)).err.find("rule: typo") == std::string::npos);
  CHECK(plain.err.find("timing") == std::string::npos);
}
