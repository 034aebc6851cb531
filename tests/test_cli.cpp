// The listlint executable on good and bad input: exit codes and one-line errors.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <nlohmann/json.hpp>

#include "listlint/checking/config.h"
#include "registry.h"
#include "support.h"

namespace {
std::string q(const std::string& s) { return "'" + s + "'"; }
int count_lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }
}  // namespace

TEST_CASE("cli: model prints JSON for the seed list") {
  const auto r = test::listlint("model " + q(std::string(LISTLINT_SOURCE_DIR) + "/fixtures/seed/README.md"));
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["tables"].size() == 5);
  CHECK(j["details"].size() == 15);
  CHECK(j["title"] == "Awesome-Multimodal-Large-Language-Models");
}

TEST_CASE("cli: bad input gets one line naming the file and the reason, exit 2") {
  const std::string dir = test::temp_dir("cli-bad");
  struct Case {
    std::string path, reason;
  };
  std::vector<Case> cases = {
      {dir + "/missing.md", "No such file or directory"},
      {dir, "is a directory"},
      {test::write_file(dir + "/image.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), "binary file"},
      {test::write_file(dir + "/utf16.md", std::string("\xFF\xFE#\0 \0T\0", 8)), "UTF-16"},
  };
  for (const auto& c : cases) {
    INFO(c.path);
    const auto r = test::listlint("model " + q(c.path));
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(count_lines(r.err) == 1);
    CHECK(r.err.find(c.path + ": ") != std::string::npos);
    CHECK(r.err.find(c.reason) != std::string::npos);
  }
  // One bad file does not stop the others.
  const std::string good = test::write_file(dir + "/good.md", "# Good\n");
  const auto r = test::listlint("model " + q(dir + "/missing.md") + " " + q(good));
  CHECK(r.exit_code == 2);
  CHECK(nlohmann::json::parse(r.out).at(0)["title"] == "Good");
}

TEST_CASE("cli: an unreadable file is an error, not a skip") {
  const std::string dir = test::temp_dir("cli-perm");
  const std::string f = test::write_file(dir + "/secret.md", "# x\n");
  std::filesystem::permissions(f, std::filesystem::perms::none);
  std::string prefix;
  if (::geteuid() == 0) {
    // Root reads anything: run listlint as nobody (setpriv is in util-linux).
    if (std::system("command -v setpriv >/dev/null 2>&1") != 0) {
      test::skip("running as root without setpriv: cannot drop privileges");
      return;
    }
    prefix = "--setpriv-nobody ";
  }
  const auto r = test::listlint(prefix + "model " + q(f));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "listlint: " + f + ": Permission denied\n");
}

TEST_CASE("cli: empty, invalid UTF-8 and stdin input give a model") {
  const std::string dir = test::temp_dir("cli-odd");
  auto r = test::listlint("model " + q(test::write_file(dir + "/empty.md", "")));
  CHECK(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["sections"].empty());
  r = test::listlint("model " + q(test::write_file(dir + "/latin1.md", "# Caf\xE9\n\n- [a](https://a) - na\xEFve\n")));
  CHECK(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["problems"].size() == 2);
  CHECK(j["problems"][0]["kind"] == "invalid-utf8");
  CHECK(j["sections"][0]["text"] == "Caf\xEF\xBF\xBD");
  // test::listlint reads stdin from /dev/null; feed a file through the shell instead.
  test::write_file(dir + "/in.md", "# From stdin\n");
  const int rc = std::system(("'" + std::string(LISTLINT_EXE) + "' model - < " + q(dir + "/in.md") + " > " +
                              q(dir + "/stdin.json")).c_str());
  CHECK(rc == 0);
  CHECK(nlohmann::json::parse(test::read_file(dir + "/stdin.json"))["title"] == "From stdin");
}

TEST_CASE("cli: huge and deeply nested input neither crashes nor hangs") {
  const std::string dir = test::temp_dir("cli-huge");
  // 10,000 nested list levels and block quotes.
  std::string lists, quotes;
  for (int i = 0; i < 10000; ++i) lists += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- [x](https://x)\n";
  quotes = std::string(10000, '>') + " deep [q](https://q)\n";
  std::string brackets = std::string(10000, '[') + "x" + std::string(10000, ']') + "\n";
  std::string emph = std::string(10000, '*') + "x" + std::string(10000, '*') + "\n";
  for (const auto& [name, body] : std::vector<std::pair<std::string, std::string>>{
           {"lists.md", lists}, {"quotes.md", quotes}, {"brackets.md", brackets}, {"emph.md", emph}}) {
    INFO(name);
    const auto r = test::listlint("model " + q(test::write_file(dir + "/" + name, body)));
    CHECK(r.exit_code == 0);
    CHECK(!r.out.empty());
  }
  // A 50 MB list: the seed repeated.
  const std::string seed = test::read_file(std::string(LISTLINT_SOURCE_DIR) + "/fixtures/seed/README.md");
  std::string big;
  big.reserve(50u << 20);
  while (big.size() < (50u << 20)) big += seed;
  const auto r = test::listlint("model --summary " + q(test::write_file(dir + "/big.md", big)));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("details at line") != std::string::npos);
}

TEST_CASE("cli: init writes a starter configuration; explain shows a rule's page") {
  const std::string dir = test::temp_dir("cli-init");
  std::filesystem::create_directories(dir + "/.git");  // the repository root for config lookup
  test::write_file(dir + "/README.md",
                   "# Awesome Zorblax\n\nTools for people who recieve Zorblax streams with speeed.\n\n"
                   "## Tools\n\n- [Quuxify](https://example.com/q) - Turns feeds into tables.\n");
  const std::string cd = "cd " + q(dir) + " && ";
  auto r = test::listlint("check " + q(dir + "/README.md"));
  REQUIRE(r.exit_code == 1);
  CHECK(r.out.find("\"speeed\" is not a word") != std::string::npos);
  CHECK(r.out.find("\"recieve\" is a misspelling") != std::string::npos);
  // init reads the lists of the current folder.
  const int rc = std::system((cd + "umask 027 && '" + std::string(LISTLINT_EXE) + "' init 2>" + q(dir + "/err")).c_str());
  CHECK(rc == 0);
  // Created by the atomic writer: the permissions the umask allows, no temporary file left.
  struct stat st {};
  REQUIRE(::stat((dir + "/.listlint.json").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  for (const auto& e : std::filesystem::directory_iterator(dir))
    CHECK(e.path().filename().string().find(".listlint-") == std::string::npos);
  CHECK(test::read_file(dir + "/err").find("wrote .listlint.json for 1 file") != std::string::npos);
  const std::string written = test::read_file(dir + "/.listlint.json");
  const auto j = nlohmann::json::parse(listlint::jsonc_to_json(written));
  CHECK(j["rules"].size() == listlint::rules::all().size());  // every rule, at its default
  CHECK(j["rules"]["placeholder-cell"] == "error");
  // Flagged words are listed for review in a comment, with counts, and none is allowed yet; a
  // known misspelling is a typo to fix, never a candidate.
  CHECK(j["rules"]["typo"]["words"] == nlohmann::json::array());
  CHECK(written.find("//   \"speeed\"  1x, README.md:3") != std::string::npos);
  CHECK(written.find("recieve") == std::string::npos);
  // The configuration is valid and now governs the list: nothing was silenced.
  r = test::listlint("check " + q(dir + "/README.md"));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("\"speeed\" is not a word") != std::string::npos);
  CHECK(r.out.find("\"recieve\" is a misspelling") != std::string::npos);
  // A second init does not overwrite it.
  const int again = std::system((cd + "'" + std::string(LISTLINT_EXE) + "' init 2>/dev/null").c_str());
  CHECK(WEXITSTATUS(again) == 2);

  r = test::listlint("explain no-such-rule");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown rule \"no-such-rule\"") != std::string::npos);
}

TEST_CASE("cli: the awesome preset, from --preset or \"extends\", under the file's own settings") {
  const std::string dir = test::temp_dir("cli-preset");
  std::filesystem::create_directories(dir + "/.git");
  test::write_file(dir + "/README.md",
                   "# Awesome Zorblax\n\n## Table of Contents\n\n- [Tools](#tools)\n\n## Tools\n\n"
                   "- [Quuxify](https://example.com/q) - Turns feeds into tables.\n- [Zap](https://example.com/z) - zaps feeds\n"
                   "\n## License\n\nCC0\n");
  const std::string file = q(dir + "/README.md");
  // Off by default.
  auto r = test::listlint("check " + file);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("awesome-readme") == std::string::npos);
  // --preset: badge, Contents, License section, contributing guide, LICENSE file.
  r = test::listlint("check --format json --preset awesome " + file);
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  int n = 0;
  int format = 0;
  for (const auto& d : j["files"][0]["diagnostics"]) {
    n += d["rule"] == "awesome-readme" && d["severity"] == "error";
    format += d["rule"] == "entry-format" && d["severity"] == "error";
  }
  CHECK(n == 5);
  CHECK(format == 2);  // "zaps" and no period: the preset fixes the convention, no majority needed
  // "extends" in the file, with an option of the file's own on top.
  test::write_file(dir + "/LICENSE", "CC0\n");
  test::write_file(dir + "/.listlint.json",
                   R"({"extends": "awesome", "rules": {"awesome-readme": {"no_license_section": false}}})");
  r = test::listlint("check " + file);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("no contributing guide") != std::string::npos);
  CHECK(r.out.find("Contents") != std::string::npos);
  CHECK(r.out.find("License section") == std::string::npos);
  CHECK(r.out.find("no LICENSE file") == std::string::npos);
  // Unknown presets and bad values: one line naming the file, exit 2.
  r = test::listlint("check --preset awsome " + file);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown preset \"awsome\" (known: awesome)") != std::string::npos);
  test::write_file(dir + "/.listlint.json", R"({"extends": ["awesome", 7]})");
  r = test::listlint("check " + file);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(".listlint.json: \"extends\" must be a preset name") != std::string::npos);
  // Named relative to the working folder when the file is below it.
  const int rc = std::system(("cd " + q(dir) + " && '" + std::string(LISTLINT_EXE) + "' check README.md 2> err").c_str());
  CHECK(WEXITSTATUS(rc) == 2);
  CHECK(test::read_file(dir + "/err").rfind("listlint: .listlint.json: \"extends\" must be", 0) == 0);
  // rules --presets shows what the preset changes.
  r = test::listlint("rules --presets");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("awesome-readme     error") != std::string::npos);
}

namespace {
// A list holding an error ("recieve", a known misspelling) and a warning ("speeed", not a word;
// written once: a word written twice is taken for a name).
const char* kHistoryList =
    "# Awesome Zorblax\n\nTools for people who recieve Zorblax streams.\n\nMade with speeed.\n\n"
    "## Tools\n\n- [Quuxify](https://example.com/q) - Turns feeds into tables.\n";
std::string run_in(const std::string& dir, const std::string& args, const std::string& env = "") {
  const std::string out = dir + "/.out", err = dir + "/.err";
  const int status = std::system(("cd " + q(dir) + " && " + env + " '" + std::string(LISTLINT_EXE) + "' " + args + " >" +
                                  q(out) + " 2>" + q(err) + " </dev/null").c_str());
  return std::to_string(WEXITSTATUS(status)) + "\n" + test::read_file(out) + test::read_file(err);
}
}  // namespace

TEST_CASE("cli: --write-baseline records today's findings, --baseline reports only new ones") {
  const std::string dir = test::temp_dir("cli-baseline");
  std::filesystem::create_directories(dir + "/.git");
  std::filesystem::create_directories(dir + "/ci");
  test::write_file(dir + "/README.md", kHistoryList);
  auto r = test::listlint("check " + q(dir + "/README.md"));
  REQUIRE(r.exit_code == 1);
  // Written atomically (no temporary file left), exit 0 although there are errors.
  std::string out = run_in(dir, "check --write-baseline ci/baseline.json README.md");
  CHECK(out.rfind("0\n", 0) == 0);
  CHECK(out.find("wrote ci/baseline.json: 2 findings in 1 file") != std::string::npos);
  for (const auto& e : std::filesystem::directory_iterator(dir + "/ci")) CHECK(e.path().filename() == "baseline.json");
  const auto j = nlohmann::json::parse(test::read_file(dir + "/ci/baseline.json"));
  CHECK(j["version"] == 1);
  REQUIRE(j["findings"].size() == 2);
  CHECK(j["findings"][0]["path"] == "../README.md");  // relative to the baseline's folder
  CHECK(j["findings"][0]["line"] == "Tools for people who recieve Zorblax streams.");
  CHECK(j["findings"][1]["line"] == "Made with speeed.");
  // Nothing new: exit 0, the summary says what the baseline silenced.
  out = run_in(dir, "check --baseline ci/baseline.json README.md");
  CHECK(out.rfind("0\n", 0) == 0);
  CHECK(out.find("0 errors, 0 warnings in 1 file; 2 silenced by the baseline ci/baseline.json\n") != std::string::npos);
  // From another working folder, and after lines are inserted above: still silenced.
  std::string text = kHistoryList;
  text.insert(text.find("Tools for"), "A new paragraph.\n\nAnother one.\n\n");
  test::write_file(dir + "/README.md", text);
  out = run_in(dir + "/ci", "check --baseline baseline.json ../README.md");
  CHECK(out.rfind("0\n", 0) == 0);
  CHECK(out.find("2 silenced by the baseline") != std::string::npos);
  // A new copy of an old mistake is reported (the baseline holds it once).
  test::write_file(dir + "/README.md", text + "\nTools for people who recieve Zorblax streams.\n");
  r = test::listlint("check --baseline " + q(dir + "/ci/baseline.json") + " " + q(dir + "/README.md"));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("README.md:15:") != std::string::npos);   // the copy at the end
  CHECK(r.out.find("README.md:7:") == std::string::npos);    // the recorded one
  CHECK(r.out.find("1 error, 0 warnings in 1 file (1 fixable with --fix); 2 silenced by the baseline") != std::string::npos);
  // JSON and SARIF are filtered the same way.
  r = test::listlint("check --format json --baseline " + q(dir + "/ci/baseline.json") + " " + q(dir + "/README.md"));
  CHECK(nlohmann::json::parse(r.out)["summary"]["errors"] == 1);
  // A missing or malformed baseline: one line naming the file and the reason, exit 2.
  r = test::listlint("check --baseline " + q(dir + "/nope.json") + " " + q(dir + "/README.md"));
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "listlint: " + dir + "/nope.json: no such baseline file (--write-baseline creates it)\n");
  test::write_file(dir + "/bad.json", R"({"version": 1, "findings": [{"path": "README.md"}]})");
  r = test::listlint("check --baseline " + q(dir + "/bad.json") + " " + q(dir + "/README.md"));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "listlint: " + dir + "/bad.json: finding 1 has no \"rule\" string\n");
  test::write_file(dir + "/bad.json", "not json");
  r = test::listlint("check --baseline " + q(dir + "/bad.json") + " " + q(dir + "/README.md"));
  CHECK(r.exit_code == 2);
  CHECK(count_lines(r.err) == 1);
  CHECK(r.err.find(dir + "/bad.json: not a JSON baseline") != std::string::npos);
  // An incomplete run writes nothing.
  r = test::listlint("check --write-baseline " + q(dir + "/b2.json") + " " + q(dir + "/README.md") + " " + q(dir + "/missing.md"));
  CHECK(r.exit_code == 2);
  CHECK(!std::filesystem::exists(dir + "/b2.json"));
  r = test::listlint("check --write-baseline " + q(dir + "/b2.json") + " --baseline " + q(dir + "/ci/baseline.json") + " " + q(dir + "/README.md"));
  CHECK(r.exit_code == 2);
  // --fix still fixes recorded findings; what remains is matched against the baseline.
  test::write_file(dir + "/README.md", kHistoryList);
  r = test::listlint("check --fix --baseline " + q(dir + "/ci/baseline.json") + " " + q(dir + "/README.md"));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("0 errors, 0 warnings in 1 file; 1 silenced by the baseline") != std::string::npos);
  CHECK(test::read_file(dir + "/README.md").find("who receive Zorblax") != std::string::npos);
}

TEST_CASE("cli: --changed-since reports only findings on lines changed since a git ref") {
  if (std::system("git --version >/dev/null 2>&1") != 0) {
    test::skip("git is not installed");
    return;
  }
  const std::string dir = test::temp_dir("cli-changed");
  const std::string git = "cd " + q(dir) + " && git -c user.name=t -c user.email=t@t -c init.defaultBranch=main ";
  test::write_file(dir + "/README.md", kHistoryList);
  REQUIRE(std::system((git + "init -q && " + git + "add README.md && " + git + "commit -q -m one").c_str()) == 0);
  // Unchanged: nothing reported.
  std::string out = run_in(dir, "check --changed-since HEAD README.md");
  CHECK(out.rfind("0\n", 0) == 0);
  CHECK(out.find("0 errors, 0 warnings in 1 file; 2 on lines not changed since HEAD\n") != std::string::npos);
  // A line added above the old findings and one changed below: only theirs.
  std::string text = kHistoryList;
  text.insert(0, "<!-- new first line -->\n");
  text += "- [Other](https://example.com/o) - Helps you recieve more.\n";
  test::write_file(dir + "/README.md", text);
  out = run_in(dir, "check --changed-since HEAD README.md");
  CHECK(out.rfind("1\n", 0) == 0);
  CHECK(out.find("README.md:11:") != std::string::npos);  // the added line
  CHECK(out.find("README.md:4:") == std::string::npos);   // the old line, moved down
  CHECK(out.find("2 on lines not changed since HEAD") != std::string::npos);
  // A file not tracked yet: every line counts.
  test::write_file(dir + "/NEW.md", kHistoryList);
  out = run_in(dir, "check --changed-since HEAD NEW.md");
  CHECK(out.rfind("1\n", 0) == 0);
  CHECK(out.find("0 on lines not changed since HEAD") != std::string::npos);
  // An unknown ref, a folder outside any repository, no git: one line, exit 2.
  out = run_in(dir, "check --changed-since no-such-ref README.md");
  CHECK(out.rfind("2\n", 0) == 0);
  CHECK(out.find("listlint: --changed-since: README.md: unknown git ref \"no-such-ref\"") != std::string::npos);
  CHECK(count_lines(out) == 2);
  const std::string outside = test::temp_dir("cli-changed-outside");
  test::write_file(outside + "/README.md", kHistoryList);
  out = run_in(outside, "check --changed-since HEAD README.md");
  CHECK(out == "2\nlistlint: --changed-since: README.md: not in a git repository (--changed-since compares with a git ref)\n");
  out = run_in(dir, "check --changed-since HEAD README.md", "PATH=/nonexistent");
  CHECK(out.rfind("2\n", 0) == 0);
  CHECK(out.find("git is not installed") != std::string::npos);
}

TEST_CASE("cli: --max-warnings fails a run with too many warnings; the summary ends with counts per rule") {
  const std::string dir = test::temp_dir("cli-max-warnings");
  std::filesystem::create_directories(dir + "/.git");
  const std::string file = q(test::write_file(dir + "/README.md",
                                              "# Awesome Zorblax\n\nTools for speeed and qualiity.\n\n## Tools\n\n"
                                              "- [Quuxify](https://example.com/q) - Turns feeds into tables.\n"));
  auto r = test::listlint("check " + file);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("0 errors, 2 warnings in 1 file\nby rule: typo 2\n") != std::string::npos);
  r = test::listlint("check --max-warnings 2 " + file);
  CHECK(r.exit_code == 0);
  r = test::listlint("check --max-warnings 1 " + file);
  CHECK(r.exit_code == 1);
  CHECK(r.err == "listlint: 2 warnings, more than --max-warnings 1\n");
  r = test::listlint("check --format json --max-warnings 0 " + file);
  CHECK(r.exit_code == 1);
  r = test::listlint("check --max-warnings -1 " + file);
  CHECK(r.exit_code == 2);
  // Every new option is in the man page and the completions.
  const auto man = test::listlint("man").out;
  const auto bash = test::listlint("completions bash").out;
  for (const char* o : {"baseline", "write\\-baseline", "changed\\-since", "max\\-warnings"})
    CHECK(man.find(std::string("\\-\\-") + o) != std::string::npos);
  for (const char* o : {"--baseline", "--write-baseline", "--changed-since", "--max-warnings"})
    CHECK(bash.find(o) != std::string::npos);
}

TEST_CASE("cli: SARIF fingerprints follow a finding when lines are inserted above it") {
  const std::string dir = test::temp_dir("cli-sarif-fingerprints");
  std::filesystem::create_directories(dir + "/.git");
  const std::string copy = "Tools for people who recieve Zorblax streams.\n\n";
  const std::string file = test::write_file(dir + "/README.md", std::string(kHistoryList) + "\n" + copy);
  auto prints = [&] {
    const auto r = test::listlint("check --format sarif " + q(file));
    std::vector<std::string> out;
    const auto sarif = nlohmann::json::parse(r.out);
    for (const auto& res : sarif["runs"][0]["results"])
      out.push_back(res["partialFingerprints"]["listlint/v2"].get<std::string>());
    return out;
  };
  const auto before = prints();
  REQUIRE(before.size() == 3);  // recieve twice, speeed once
  CHECK(before[0].size() == 16 + 2);
  CHECK(before[0].substr(0, 16) == before[2].substr(0, 16));  // the same key: the same line twice
  CHECK(before[0].substr(16) == ":1");
  CHECK(before[2].substr(16) == ":2");                        // told apart by its occurrence
  CHECK(before[0] != before[1]);
  test::write_file(file, "<!-- a -->\n\n" + std::string(kHistoryList) + "\n" + copy);
  CHECK(prints() == before);
  test::write_file(file, std::string(kHistoryList) + "\nPeople who recieve streams.\n");
  const auto changed = prints();
  REQUIRE(changed.size() == 3);
  CHECK(changed[2] != before[2]);  // another line: another finding
}

TEST_CASE("cli: the man page renders without troff warnings") {
  if (std::system("command -v groff >/dev/null 2>&1") != 0) {
    MESSAGE("skipped: groff is not installed");
    return;
  }
  const std::string dir = test::temp_dir("cli-man");
  const std::string page = test::write_file(dir + "/listlint.1", test::listlint("man").out);
  // -ww: every warning; -z: no output. A line starting with '.' that is not a macro warns.
  const int rc = std::system(("groff -man -Tutf8 -ww -z " + q(page) + " 2>" + q(dir + "/warnings")).c_str());
  CHECK(rc == 0);
  const std::string warnings = test::read_file(dir + "/warnings");
  CHECK_MESSAGE(warnings.empty(), warnings);
}

TEST_CASE("cli: directives that do nothing are findings; unused ones with --report-unused-directives") {
  const std::string dir = test::temp_dir("cli-directives");
  std::filesystem::create_directories(dir + "/.git");
  const std::string file = test::write_file(dir + "/README.md",
                                            "# Directives\n\n"
                                            "Speeds we recieve. <!-- listlint-disable-line typo -->\n\n"
                                            "<!-- listlint-disable-nextline typo -->\n"
                                            "Streams we recieve.\n\n"
                                            "<!-- listlint-disable-next-line broken-anchor -->\n"
                                            "Nothing to silence here.\n");
  auto r = test::listlint("check " + q(file));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("README.md:3:") == std::string::npos);  // disable-line silences its own line
  CHECK(r.out.find("\"listlint-disable-nextline\" is not a listlint directive") != std::string::npos);
  CHECK(r.out.find("README.md:6:") != std::string::npos);  // so the typo under it is reported
  CHECK(r.out.find("silences nothing (no finding") == std::string::npos);
  r = test::listlint("check --report-unused-directives " + q(file));
  CHECK(r.out.find("README.md:8:1: warning: This directive silences nothing") != std::string::npos);
  CHECK(r.out.find("README.md:3:") == std::string::npos);  // the used one is not reported
  // --fix mends the directive first, so the typo it meant to keep is kept.
  r = test::listlint("check --fix " + q(file));
  CHECK(r.exit_code == 0);
  const std::string fixed = test::read_file(file);
  CHECK(fixed.find("<!-- listlint-disable-next-line typo -->\nStreams we recieve.") != std::string::npos);
}

TEST_CASE("cli: --fix --diff prints the changes and writes nothing; --fix - fixes standard input") {
  const std::string dir = test::temp_dir("cli-fix-diff");
  std::filesystem::create_directories(dir + "/.git");
  const std::string text = "# T\n\nTools we recieve.\n\n-[Zap](https://zap.example) - Zaps.\n";
  const std::string file = test::write_file(dir + "/README.md", text);
  auto r = test::listlint("check --fix --diff " + q(file));
  CHECK(r.exit_code == 0);
  CHECK(test::read_file(file) == text);  // nothing written
  CHECK(r.out.find("@@ -1,5 +1,5 @@\n # T\n \n-Tools we recieve.\n+Tools we receive.\n \n"
                   "--[Zap](https://zap.example) - Zaps.\n+- [Zap](https://zap.example) - Zaps.\n") !=
        std::string::npos);
  CHECK(r.err.find("0 errors, 0 warnings in 1 file") != std::string::npos);  // the report on stderr
  // Standard input: the fixed text, alone, on standard output. (test::listlint reads /dev/null.)
  auto from_stdin = [&](const std::string& input) {
    test::Run run;
    const int status = std::system(("'" + std::string(LISTLINT_EXE) + "' check --fix - < " + q(input) + " > " +
                                    q(dir + "/out") + " 2> " + q(dir + "/err"))
                                       .c_str());
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    run.out = test::read_file(dir + "/out");
    run.err = test::read_file(dir + "/err");
    return run;
  };
  r = from_stdin(file);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "# T\n\nTools we receive.\n\n- [Zap](https://zap.example) - Zaps.\n");
  // What is left unfixed is still reported, on stderr, with its exit code.
  test::write_file(dir + "/left.md", "# T\n\n[a](#nowhere)\n");
  r = from_stdin(dir + "/left.md");
  CHECK(r.exit_code == 1);
  CHECK(r.out == "# T\n\n[a](#nowhere)\n");
  CHECK(r.err.find("broken-anchor") != std::string::npos);
  r = test::listlint("check --diff " + q(file));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "listlint: --diff shows what --fix would change: give both\n");
}

TEST_CASE("cli: globs are expanded by listlint; a pattern or folder without lists, and bad arguments, are one-line errors") {
  const std::string dir = test::temp_dir("cli-globs");
  std::filesystem::create_directories(dir + "/docs/sub");
  std::filesystem::create_directories(dir + "/empty");
  std::filesystem::create_directories(dir + "/node_modules/x");
  test::write_file(dir + "/docs/a.md", "# A\n");
  test::write_file(dir + "/docs/sub/b.md", "# B\n");
  test::write_file(dir + "/docs/c.txt", "not a list\n");
  test::write_file(dir + "/node_modules/x/d.md", "# D\n");
  const std::string cd = "cd " + q(dir) + " && '" + std::string(LISTLINT_EXE) + "' ";
  auto run = [&](const std::string& args) {
    test::Run r;
    const int status = std::system((cd + args + " > out 2> err").c_str());
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    r.out = test::read_file(dir + "/out");
    r.err = test::read_file(dir + "/err");
    return r;
  };
  auto r = run("check --format json 'docs/**/*.md'");
  CHECK(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["files"].size() == 2);
  CHECK(j["files"][0]["path"] == "docs/a.md");
  CHECK(j["files"][1]["path"] == "docs/sub/b.md");
  r = run("check --format json '**/*.md'");  // node_modules is skipped, as a folder walk skips it
  CHECK(nlohmann::json::parse(r.out)["files"].size() == 2);
  r = run("check 'nope/*.md'");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "listlint: nope/*.md: the pattern matches no file\n");
  r = run("check empty");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "listlint: empty: holds no Markdown file (*.md, *.markdown)\n");
  r = run("check --bogus");
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("listlint: ", 0) == 0);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

namespace {
std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
}  // namespace

TEST_CASE("cli: explain prints a rule's page for a terminal: wrapped, tables aligned, no build internals") {
  for (const int width : {80, 60}) {
    CAPTURE(width);
    ::setenv("COLUMNS", std::to_string(width).c_str(), 1);
    for (const std::string id : {"broken-anchor", "placeholder-cell", "typo", "table-shape"}) {
      CAPTURE(id);
      const auto r = test::listlint("explain " + id);
      REQUIRE(r.exit_code == 0);
      const std::string page = test::read_file(std::string(LISTLINT_SOURCE_DIR) + "/docs/rules/" + id + ".md");
      // The lines of the page's code blocks, which come out as they are, indented by four.
      std::set<std::string> code_lines;
      {
        std::istringstream in(page);
        bool fenced = false;
        for (std::string l; std::getline(in, l);) {
          if (l.rfind("```", 0) == 0) fenced = !fenced;
          else if (fenced) code_lines.insert("    " + l);
        }
      }
      std::string prose;  // the output without its code blocks
      {
        std::istringstream in(r.out);
        for (std::string l; std::getline(in, l);)
          if (!code_lines.count(l)) prose += l + "\n";
      }
      // The title, underlined; the page's sections in order; its summary line.
      CHECK(r.out.rfind(id + "\n" + std::string(id.size(), '=') + "\n", 0) == 0);
      CHECK(r.out.find("What it flags\n-------------\n") != std::string::npos);
      // No generated-header comments, no Markdown table rules or pipes between cells, no emphasis
      // marks (outside code blocks and `code spans`, which show Markdown on purpose).
      std::string plain;
      bool span = false;
      for (char c : prose) {
        if (c == '`') span = !span;
        else if (!span) plain += c;
      }
      CHECK(plain.find("<!--") == std::string::npos);
      CHECK(plain.find("generated from") == std::string::npos);
      CHECK(plain.find("|---") == std::string::npos);
      CHECK(plain.find("**") == std::string::npos);
      // The header table aligned: its values under its column names.
      CHECK(r.out.find("Default severity  Fixable  Tags") != std::string::npos);
      // Every line fits the width, but code blocks (kept as written) and a line ending in a word
      // too long for any line (a JSON default): the text before it fits.
      std::istringstream lines(prose);
      std::string line;
      while (std::getline(lines, line)) {
        if (code_points(line) <= static_cast<std::size_t>(width)) continue;
        CAPTURE(line);
        const std::size_t space = line.find_last_of(' ');
        REQUIRE(space != std::string::npos);
        CHECK(code_points(line.substr(space + 1)) > static_cast<std::size_t>(width / 2));
        CHECK(code_points(line.substr(0, space)) <= static_cast<std::size_t>(width));
      }
      // Every word of the page's prose is still there (a renderer that dropped text would fail).
      for (const std::string word : {"flags", "Configuration"})
        if (page.find(word) != std::string::npos) CHECK(r.out.find(word) != std::string::npos);
    }
  }
  ::unsetenv("COLUMNS");
  // A table too wide for 60 columns becomes one block per row: "column: value".
  ::setenv("COLUMNS", "60", 1);
  const auto narrow = test::listlint("explain placeholder-cell");
  CHECK(narrow.out.find("- Option: `placeholders`") != std::string::npos);
  ::unsetenv("COLUMNS");
}

TEST_CASE("cli: .listlint.json in JSONC (comments, trailing commas); its errors name the file, line and column") {
  const std::string dir = test::temp_dir("cli-jsonc");
  std::filesystem::create_directories(dir + "/.git");
  test::write_file(dir + "/README.md", "# E\n\n- [Tools](#tools) - a broken anchor.\n");
  const std::string cd = "cd " + q(dir) + " && '" + std::string(LISTLINT_EXE) + "' ";
  auto run = [&](const std::string& args) {
    const std::string out = dir + "/out", err = dir + "/err";
    const int status = std::system((cd + args + " >'" + out + "' 2>'" + err + "'").c_str());
    return std::make_pair(WEXITSTATUS(status), test::read_file(err));
  };
  CHECK(run("check README.md").first == 1);
  test::write_file(dir + "/.listlint.json",
                   "{\n  // the old TOC is fixed next month\n  \"rules\": {\n    \"broken-anchor\": \"off\", /* for now, */\n  },\n}\n");
  CHECK(run("check README.md").first == 0);
  // A mistake in it: exit 2, one line, the path as given relative to the working folder, line and column.
  test::write_file(dir + "/.listlint.json", "{\n  // comment\n  \"rules\": {\n    \"broken-anchor\": off,\n  },\n}\n");
  const auto result = run("check README.md");
  const int rc = result.first;
  const std::string err = result.second;
  CHECK(rc == 2);
  INFO(err);
  CHECK(count_lines(err) == 1);
  CHECK(err.rfind("listlint: .listlint.json: invalid JSON: ", 0) == 0);
  CHECK(err.find("line 4, column") != std::string::npos);
}

TEST_CASE("cli: --help lists the commands in the order a new user needs them, with first steps; options show defaults") {
  const auto r = test::listlint("--help");
  CHECK(r.exit_code == 0);
  std::size_t at = 0;
  for (const char* cmd : {"\n  check ", "\n  links ", "\n  init ", "\n  explain ", "\n  rules ", "\n  model ", "\n  completions ", "\n  man "}) {
    CAPTURE(cmd);
    const std::size_t p = r.out.find(cmd);
    REQUIRE(p != std::string::npos);
    CHECK(p > at);
    at = p;
  }
  CHECK(r.out.find("Start here:\n  listlint check [PATH...]") != std::string::npos);
  CHECK(r.out.find("listlint check --fix [PATH...]") != std::string::npos);
  CHECK(test::listlint("check --help").out.find("{text,json,sarif,github,markdown}=text") != std::string::npos);
  CHECK(test::listlint("check --help").out.find("{auto,always,never}=auto") != std::string::npos);
  // The first steps are the main page's only: a command's help stays about its options.
  CHECK(test::listlint("check --help").out.find("Start here") == std::string::npos);
}
