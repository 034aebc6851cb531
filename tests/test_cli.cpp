// The listlint executable on good and bad input: exit codes and one-line errors.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

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
