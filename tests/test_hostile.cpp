// Hostile input (issue 8): every case ends in bounded time and memory with findings or a clear
// one-line error, and the documented exit code (0 clean, 1 findings, 2 could not check). These
// tests run the real executable as a child process and read its peak memory from wait4().
// They are a separate test program that CTest runs on its own (RUN_SERIAL): several of them
// take a few hundred megabytes.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <sstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "support.h"

namespace fs = std::filesystem;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;  // slower, and shadow memory counts in the peak
#else
constexpr bool kSanitized = false;
#endif

struct Limited {
  int exit_code = -1;       // 128 + signal when killed
  bool timed_out = false;
  double seconds = 0;
  long max_rss_mb = 0;
  std::string out, err;
};

// Runs listlint with `args`, killing it after `timeout_s`. `before_wait` runs once the child
// has started (to feed a FIFO, delete a file...).
Limited run_limited(const std::vector<std::string>& args, double timeout_s,
                    const std::function<void()>& before_wait = {}) {
  // Peak memory comes from GNU time, which starts listlint from a small process: a child forked
  // from this test would inherit the test's own peak (it holds the big inputs).
  const std::string dir = test::temp_dir("limited");
  const std::string out = dir + "/out", err = dir + "/err", rss = dir + "/rss";
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::setpgid(0, 0);  // a group of its own, killed as one on time-out
    const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int in = ::open("/dev/null", O_RDONLY);
    ::dup2(o, 1);
    ::dup2(e, 2);
    ::dup2(in, 0);
    std::vector<std::string> all{"/usr/bin/time", "-f", "%M", "-o", rss, "-q", LISTLINT_EXE};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::setpgid(pid, pid);
  if (before_wait) before_wait();
  Limited r;
  int status = 0;
  for (;;) {
    const pid_t w = ::waitpid(pid, &status, WNOHANG);
    if (w == pid) break;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (elapsed > timeout_s && !r.timed_out) {
      r.timed_out = true;
      ::kill(-pid, SIGKILL);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  r.max_rss_mb = std::atol(test::read_file(rss).c_str()) / 1024;
  r.out = test::read_file(out);
  r.err = test::read_file(err);
  return r;
}

int lines_of(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

// The memory bound for a file of `bytes`. The worst case measured is a table of a million rows
// of two short cells (16 bytes a row): about 1.6 KB a row, a third of it cmark-gfm's tree, or 100
// times the file. The sanitizers' shadow memory and quarantine triple it.
long memory_bound_mb(std::size_t bytes) {
  const long mb = static_cast<long>(bytes >> 20) + 1;
  return kSanitized ? 3 * (128 * mb + 256) : 128 * mb + 64;
}

// Time bound for inputs that the normal build checks in under two seconds per 10 MB.
double time_bound_s(std::size_t bytes) {
  const double base = 10.0 + static_cast<double>(bytes) / 1e6;  // generous: machines are shared
  return kSanitized ? 6 * base : base;
}

// Runs `check` on one file and checks the bounds; returns the run.
Limited check_bounded(const std::string& path, std::vector<std::string> extra = {}) {
  const std::size_t bytes = fs::file_size(path);
  std::vector<std::string> args{"check"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(path);
  const Limited r = run_limited(args, time_bound_s(bytes));
  INFO(path << ": " << bytes << " bytes, exit " << r.exit_code << ", " << r.seconds << " s, " << r.max_rss_mb
            << " MB; stderr: " << r.err.substr(0, 300));
  CHECK_FALSE(r.timed_out);
  CHECK(r.max_rss_mb <= memory_bound_mb(bytes));
  MESSAGE(fs::path(path).filename().string() << ": " << (bytes >> 10) << " KB, exit " << r.exit_code << ", "
                                             << r.seconds << " s, peak " << r.max_rss_mb << " MB");
  return r;
}

}  // namespace

TEST_CASE("hostile: binary files, NUL bytes, invalid and overlong UTF-8") {
  const std::string dir = test::temp_dir("hostile-bytes");
  // Random bytes: refused as binary in one line, exit 2.
  std::mt19937 rng(8);
  std::string noise(1 << 20, '\0');
  for (char& c : noise) c = static_cast<char>(rng());
  noise[0] = 'x';
  noise[10] = '\0';
  auto r = check_bounded(test::write_file(dir + "/noise.md", noise));
  CHECK(r.exit_code == 2);
  CHECK(lines_of(r.err) == 1);
  CHECK(r.err.find("noise.md: binary file") != std::string::npos);

  // NUL bytes after the first 8000 bytes: read as text (the parser sees U+001A), findings exact.
  using namespace std::string_literals;  // the literals hold NUL bytes
  std::string nul = "# Title\n\n" + std::string(9000, 'x') + "\n\n- [a\0b](https://example.com/\0) - d\0\n"s;
  nul += "- [Broken](#nowhere)\n";
  r = check_bounded(test::write_file(dir + "/nul.md", nul), {"--format", "json"});
  CHECK(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  bool anchor = false;
  for (const auto& d : j["files"][0]["diagnostics"])
    anchor = anchor || (d["rule"] == "broken-anchor" && d["line"] == 6 && d["column"] == 3);
  CHECK(anchor);
  int nuls = 0;
  for (const auto& d : j["files"][0]["diagnostics"]) nuls += d["rule"] == "mojibake" && d["line"] == 5;
  CHECK(nuls == 3);

  // Invalid UTF-8: overlong forms, surrogates, code points past U+10FFFF, stray bytes, in
  // headings, links and cells. Each run of bad bytes is a mojibake finding at its place, and the
  // JSON and SARIF outputs stay valid UTF-8.
  const std::string bad =
      "# Caf\xC0\xAF overlong \xE0\x80\xAF surrogate \xED\xA0\x80 big \xF4\x90\x80\x80 stray \xFF\n\n"
      "- [a\xC3](https://a.example/\xE2\x82) - desc \xC3\x28\n\n| a\xC3 | b |\n|---|---|\n| \xE2\x28\xA1 | x |\n";
  const std::string bad_file = test::write_file(dir + "/bad.md", bad);
  r = check_bounded(bad_file, {"--format", "json"});
  CHECK(r.exit_code == 1);
  j = nlohmann::json::parse(r.out);  // throws on invalid UTF-8
  int mojibake = 0;
  for (const auto& d : j["files"][0]["diagnostics"]) mojibake += d["rule"] == "mojibake";
  CHECK(mojibake >= 8);
  CHECK(j["files"][0]["diagnostics"][0]["line"] == 1);
  CHECK(j["files"][0]["diagnostics"][0]["column"] == 6);
  r = check_bounded(bad_file, {"--format", "sarif"});
  CHECK(r.exit_code == 1);
  CHECK(nlohmann::json::parse(r.out)["version"] == "2.1.0");
  CHECK(listlint::is_valid_utf8(r.out));
  r = check_bounded(bad_file);
  CHECK(listlint::is_valid_utf8(r.out));
}

TEST_CASE("hostile: a 100 MB single line") {
  const std::string dir = test::temp_dir("hostile-line");
  std::string line = "# Title\n\n";
  const std::string unit = "lorem ipsum dolor sit amet consectetur [link](https://example.com/a_b) adipiscing ";
  line.reserve(100u << 20);
  while (line.size() < (100u << 20)) line += unit;
  line += "\n";
  const auto r = check_bounded(test::write_file(dir + "/line.md", line));
  CHECK(r.exit_code <= 1);
  CHECK(r.err.empty());
}

TEST_CASE("hostile: 100,000 table columns, and a table of 1,000,000 rows") {
  const std::string dir = test::temp_dir("hostile-table");
  std::string wide = "|", delim = "|", row = "|";
  for (int i = 0; i < 100000; ++i) {
    wide += "c" + std::to_string(i) + "|";
    delim += "---|";
    row += "x|";
  }
  auto r = check_bounded(test::write_file(dir + "/wide.md", wide + "\n" + delim + "\n" + row + "\n"));
  CHECK(r.exit_code == 2);
  CHECK(lines_of(r.err) == 1);
  CHECK(r.err.find("wide.md: line 1 has 100001 '|' characters") != std::string::npos);
  CHECK(r.seconds < time_bound_s(0));

  // At the limit the table is read.
  std::string at = "|", at_delim = "|", at_row = "|";
  for (int i = 0; i < 999; ++i) {
    at += "c|";
    at_delim += "-|";
    at_row += (i == 500 ? " N/A |" : "x|");
  }
  r = check_bounded(test::write_file(dir + "/at-limit.md", at + "\n" + at_delim + "\n" + at_row + "\n"));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("placeholder-cell") != std::string::npos);

  std::string rows = "| Name | Stars |\n|---|---|\n";
  rows.reserve(12u << 20);
  for (int i = 0; i < 1000000; ++i) rows += "| n" + std::to_string(i) + " | 1 |\n";
  rows += "| last | N/A |\n";
  r = check_bounded(test::write_file(dir + "/rows.md", rows));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("rows.md:1000003:") != std::string::npos);  // the placeholder in the last row

  // Rules that once asked the whole file again for each row or column: these took 130 s
  // (short.md), 47 s (empty.md) and 75 s (marks.md), and now take under a second. 60,000 short rows among 60,000 full ones (table-shape: what the column holds, and
  // its badges).
  std::string shorts = "| Name | Kind | Licence |\n|---|---|---|\n";
  for (int i = 0; i < 60000; ++i) shorts += "| p" + std::to_string(i) + " | lib | - |\n| q" + std::to_string(i) + " | lib |\n";
  r = check_bounded(test::write_file(dir + "/short.md", shorts));
  CHECK(r.out.find("short.md:120002:1: warning: Row \"q59999\" has 2 cells") != std::string::npos);
  // 100,000 empty columns in 1,000 tables (placeholder-cell: is each header a yes/no column).
  std::string empty;
  for (int t = 0; t < 1000; ++t) {
    std::string head = "|", dashes = "|", cells = "|";
    for (int c = 0; c < 100; ++c) head += " c" + std::to_string(c) + " |", dashes += "-|", cells += " |";
    empty += head + "\n" + dashes + "\n" + cells + "\n\n";
  }
  r = check_bounded(test::write_file(dir + "/empty.md", empty));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("empty.md:3997:2: error: Column \"c0\" holds no data") != std::string::npos);
  // 6,000 link columns with an unlinked mark each (missing-link: is the mark explained outside
  // the tables).
  std::string marks;
  for (int t = 0; t < 6000; ++t)
    marks += "| Name | Link |\n|---|---|\n| a | [x](https://e.com/a) |\n| b | [x](https://e.com/b) |\n| c | \xE2\x9D\x8C |\n\n";
  r = check_bounded(test::write_file(dir + "/marks.md", marks));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("marks.md:35999:6: error: Cell \"\xE2\x9D\x8C\" has no link") != std::string::npos);
}

TEST_CASE("hostile: 100,000 entries of one name in a section") {
  // duplicate-entry once compared every pair of a name's entries (over 4 minutes here): one name
  // alternating two URLs, each description its own, and the first description again at the end.
  const std::string dir = test::temp_dir("hostile-entries");
  std::string entries = "## Tools\n\n";
  for (int i = 0; i < 100000; ++i)
    entries += "- [Thing](https://example.com/" + std::to_string(i % 2) + ") - Description " + std::to_string(i) + ".\n";
  entries += "- [Thing](https://example.com/1) - Description 0.\n";
  const auto r = check_bounded(test::write_file(dir + "/entries.md", entries));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("entries.md:100003:3: error: Entry \"Thing\" is listed twice in this section with one description "
                   "(lines 3 and 100003)") != std::string::npos);
}

TEST_CASE("hostile: 10,000 nested lists, quotes and details cards; unclosed comments and cards") {
  const std::string dir = test::temp_dir("hostile-nested");
  std::string lists, quotes, cards, open_comment, open_cards, open_fence;
  for (int i = 0; i < 10000; ++i) lists += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- [x](https://x)\n";
  quotes = std::string(10000, '>') + " deep [q](#nowhere)\n";
  for (int i = 0; i < 10000; ++i) cards += "<details><summary>Card " + std::to_string(i) + "</summary>\n\n";
  cards += "deep [a](#nowhere)\n";
  for (int i = 0; i < 10000; ++i) cards += "</details>\n";
  open_comment = "# Title\n\n<!-- never closed\n" + std::string() ;
  for (int i = 0; i < 100000; ++i) open_comment += "- [a" + std::to_string(i) + "](#nowhere)\n";
  for (int i = 0; i < 10000; ++i) open_cards += "<details>\n<summary>\n\n- [e](#nowhere)\n\n";
  open_fence = "# Title\n\n```\n" + std::string(1 << 20, 'x') + "\n";
  struct Case {
    std::string name, body;
    int exit_code;
  };
  for (const auto& c : std::vector<Case>{{"lists.md", lists, 0},
                                         {"quotes.md", quotes, 1},
                                         {"cards.md", cards, 1},
                                         {"open-comment.md", open_comment, 0},  // all of it is a comment
                                         {"open-cards.md", open_cards, 1},
                                         {"open-fence.md", open_fence, 0}}) {
    INFO(c.name);
    const auto r = check_bounded(test::write_file(dir + "/" + c.name, c.body));
    CHECK(r.exit_code == c.exit_code);
    CHECK(r.err.empty());
  }
}

TEST_CASE("hostile: symbolic link loops in a folder walk") {
  const std::string dir = test::temp_dir("hostile-walk");
  test::write_file(dir + "/sub/a.md", "# A\n\n- [x](#nowhere)\n");
  test::write_file(dir + "/b.md", "# B\n");
  fs::create_directory_symlink("..", dir + "/sub/up");        // a folder loop: not followed
  fs::create_directory_symlink(dir, dir + "/sub/self");      // another
  fs::create_symlink("loop.md", dir + "/loop.md");           // a file loop
  fs::create_symlink("missing.md", dir + "/dangling.md");    // leads nowhere
  fs::create_symlink("sub/a.md", dir + "/link.md");          // a link to a file is read
  const auto r = run_limited({"check", dir}, time_bound_s(0));
  CHECK_FALSE(r.timed_out);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(dir + "/loop.md: Too many levels of symbolic links") != std::string::npos);
  CHECK(r.err.find(dir + "/dangling.md: No such file or directory") != std::string::npos);
  CHECK(lines_of(r.err) == 2);
  // a.md twice (as itself and through link.md), b.md once; nothing through the folder loops. Then
  // the totals and the counts per rule.
  CHECK(lines_of(r.out) == 4);
  CHECK(r.out.find("\nby rule: broken-anchor 2\n") != std::string::npos);
  CHECK(r.out.find("in 5 files; 2 could not be checked") != std::string::npos);
}

TEST_CASE("hostile: a file that vanishes while listlint runs") {
  const std::string dir = test::temp_dir("hostile-vanish");
  // listlint reads its files in order. The first is a FIFO: listlint waits on it while the
  // second file is deleted, then gets its content. So the second is gone when its turn comes,
  // every time.
  const std::string fifo = dir + "/first.md", second = test::write_file(dir + "/second.md", "# Second\n");
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  const auto r = run_limited({"check", fifo, second}, time_bound_s(0), [&] {
    fs::remove(second);
    const int fd = ::open(fifo.c_str(), O_WRONLY);  // blocks until listlint opens it
    const std::string text = "# First\n\n- [x](#nowhere)\n";
    CHECK(::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    ::close(fd);
  });
  CHECK_FALSE(r.timed_out);
  CHECK(r.exit_code == 2);
  CHECK(r.err == "listlint: " + second + ": No such file or directory\n");
  CHECK(r.out.find("first.md:3:3: error:") != std::string::npos);  // the FIFO's finding
}

// --fix under faults. The file on disk changes only at system calls, so stopping listlint at the
// entry of each system call of the write path, one after the other, reaches every state a kill
// at a random moment could leave. strace injects the fault there: SIGKILL, or an error (a full
// disk at write, EIO at fsync, a failed rename).
namespace {

struct Syscall {
  std::string name;
  int occurrence = 0;  // 1-based count of this call's name in the run (strace's when=)
};

bool strace_works() {
  return std::system("strace -f -o /dev/null true >/dev/null 2>&1") == 0;
}

std::string sh_quote(const std::string& s) { return "'" + s + "'"; }

}  // namespace

TEST_CASE("hostile: --fix killed or failing at every system call of the write leaves the file whole") {
  if (!strace_works()) {
    test::skip("strace is missing or may not trace here (tools/setup.sh installs it)");
    return;
  }
  if (kSanitized) {
    // The sanitizer runtime makes write() calls of its own at moments that vary from run to run,
    // so strace's "the Nth write" does not name the same call twice.
    test::skip("fault injection by system-call count needs a build without sanitizer runtime");
    return;
  }
  const std::string dir = test::temp_dir("hostile-fix");
  const std::string original = test::read_file(std::string(LISTLINT_SOURCE_DIR) + "/fixtures/seed/README.md");
  // The fixed text, from a run without faults.
  const std::string ref = test::write_file(dir + "/ref/README.md", original);
  REQUIRE(test::listlint("check --fix " + sh_quote(ref)).exit_code <= 1);
  const std::string fixed = test::read_file(ref);
  REQUIRE(fixed != original);

  // The system calls of one clean run, from the temporary file's creation on.
  const std::string traced = test::write_file(dir + "/trace/README.md", original);
  const std::string log = dir + "/trace.log";
  const std::string calls = "openat,write,fchmod,fchown,fsync,close,rename,unlink";
  REQUIRE(std::system(("strace -f -qq -o " + sh_quote(log) + " -e trace=" + calls + " " + sh_quote(LISTLINT_EXE) +
                       " check --fix " + sh_quote(traced) + " >/dev/null 2>&1")
                          .c_str()) != -1);
  std::vector<Syscall> path;
  std::map<std::string, int> seen;
  bool in_write = false, renamed = false;
  std::string sequence;
  std::istringstream in(test::read_file(log));
  for (std::string line; std::getline(in, line);) {
    // "PID  name(args) = result": strace pads the PID column to a width, so skip all spaces.
    const std::size_t open = line.find('(');
    const std::size_t sp = line.find(' ');
    if (open == std::string::npos || sp == std::string::npos || sp > open) continue;
    const std::size_t name_begin = line.find_first_not_of(' ', sp);
    const std::string name = line.substr(name_begin, open - name_begin);
    if (calls.find(name) == std::string::npos) continue;
    const int n = ++seen[name];
    if (name == "openat" && line.find(".listlint-") != std::string::npos) in_write = true;
    // From the temporary file's creation to its rename over the file (the folder's fsync after
    // the rename is only for durability: nothing can fail there).
    if (in_write && !renamed) {
      path.push_back({name, n});
      sequence += name + " ";
    }
    renamed = renamed || (in_write && name == "rename");
  }
  INFO("the write path: " << sequence);
  REQUIRE(renamed);
  REQUIRE(path.size() >= 6);  // openat, write, fchmod, fchown (root), fsync, close, rename, ...
  CHECK(test::read_file(traced) == fixed);

  int kills = 0, errors = 0;
  for (const auto& call : path) {
    for (const std::string fault : {"signal=KILL", "error"}) {
      std::string inject = fault;
      if (fault == "error") {
        if (call.name == "write") inject = "error=ENOSPC";
        else if (call.name == "fsync") inject = "error=EIO";
        else if (call.name == "rename") inject = "error=EXDEV";
        else if (call.name == "openat") inject = "error=EDQUOT";
        else continue;  // close, fchmod...: no error we expect to see there
      }
      const std::string file = test::write_file(dir + "/run/README.md", original);
      const std::string cmd = "strace -f -qq -o /dev/null -e trace=" + call.name + " -e inject=" + call.name + ":" +
                              inject + ":when=" + std::to_string(call.occurrence) + " " + sh_quote(LISTLINT_EXE) +
                              " check --fix " + sh_quote(file) + " >" + sh_quote(dir + "/out") + " 2>" +
                              sh_quote(dir + "/err");
      const int status = std::system(cmd.c_str());
      const std::string now = test::read_file(file);
      INFO(call.name << " #" << call.occurrence << " " << inject << ", status " << status << ", stderr "
                     << test::read_file(dir + "/err"));
      CHECK((now == original || now == fixed));  // never truncated, never half-written
      if (fault == "error") {
        ++errors;
        // A write that failed is reported, and nothing is left behind.
        CHECK(now == original);
        CHECK(WEXITSTATUS(status) == 2);
        CHECK(test::read_file(dir + "/err").find("README.md") != std::string::npos);
        int left = 0;
        for (const auto& e : fs::directory_iterator(dir + "/run")) left += e.path().filename() != "README.md";
        CHECK(left == 0);
      } else {
        ++kills;
        CHECK_FALSE((WIFEXITED(status) && WEXITSTATUS(status) <= 1));  // it was killed
        CHECK(now == original);  // at the entry of rename at the latest: the old file is in place
        // The next run fixes the file; a temporary file left by the killed run is all that remains.
        CHECK(test::listlint("check --fix " + sh_quote(file)).exit_code <= 1);
        CHECK(test::read_file(file) == fixed);
        for (const auto& e : fs::directory_iterator(dir + "/run"))
          if (e.path().filename() != "README.md") CHECK(e.path().filename().string().rfind(".README.md.listlint-", 0) == 0);
      }
      fs::remove_all(dir + "/run");
    }
  }
  MESSAGE("--fix: " << kills << " kills and " << errors << " failures injected over " << path.size()
                    << " system calls of the write");
}

TEST_CASE("hostile: --fix on a full disk leaves the file whole") {
  // A real full disk: a 256 KB tmpfs in a mount namespace of our own (root only).
  if (::geteuid() != 0 || std::system("unshare -m true >/dev/null 2>&1") != 0) {
    test::skip("needs root and unshare to mount a small tmpfs");
    return;
  }
  const std::string dir = test::temp_dir("hostile-full");
  std::string big = test::read_file(std::string(LISTLINT_SOURCE_DIR) + "/fixtures/seed/README.md");
  while (big.size() < 150 * 1024) big += "\n- [x](http://example.com)  teh  \n";
  test::write_file(dir + "/src.md", big);
  const std::string script =
      "set -e; mount -t tmpfs -o size=256k tmpfs " + sh_quote(dir + "/mnt") + "; cp " + sh_quote(dir + "/src.md") + " " +
      sh_quote(dir + "/mnt/README.md") + "; rc=0; " + sh_quote(LISTLINT_EXE) + " check --fix " +
      sh_quote(dir + "/mnt/README.md") + " >/dev/null 2>" + sh_quote(dir + "/err") + " || rc=$?; echo $rc > " +
      sh_quote(dir + "/rc") + "; cp " + sh_quote(dir + "/mnt/README.md") + " " + sh_quote(dir + "/after.md") +
      "; ls -A " + sh_quote(dir + "/mnt") + " > " + sh_quote(dir + "/ls");
  fs::create_directories(dir + "/mnt");
  REQUIRE(std::system(("unshare -m sh -c " + sh_quote(script)).c_str()) == 0);
  CHECK(test::read_file(dir + "/rc") == "2\n");
  CHECK(test::read_file(dir + "/err").find("No space left on device") != std::string::npos);
  CHECK(test::read_file(dir + "/after.md") == big);
  CHECK(test::read_file(dir + "/ls") == "README.md\n");  // the temporary file is gone
}

TEST_CASE("hostile: check --links reads a FIFO once") {
  // check --links reads every file before it lints any (to check all URLs at once); the text it
  // read is the text it lints, so a FIFO is not read a second time (that would wait forever).
  const std::string dir = test::temp_dir("hostile-fifo");
  const std::string fifo = dir + "/list.md";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  const auto r = run_limited({"check", "--links", "--allow-private", "--no-cache", fifo}, time_bound_s(0), [&] {
    const int fd = ::open(fifo.c_str(), O_WRONLY);
    const std::string text = "# List\n\n- [Refused](http://127.0.0.1:1/x) - a server that is not there.\n";
    CHECK(::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    ::close(fd);
  });
  CHECK_FALSE(r.timed_out);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("list.md:3:3: error:") != std::string::npos);
  CHECK(r.out.find("[dead-url]") != std::string::npos);
}
