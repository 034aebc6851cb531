// The link checker against HTTP servers the tests start on 127.0.0.1: every verdict, within its
// time bound, and the politeness caps as the server sees them.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "http_server.h"
#include "listlint/links/linkcache.h"
#include "listlint/links/linkcheck.h"
#include "listlint/links/linksettings.h"
#include "support.h"

using listlint::LinkResult;
using listlint::Verdict;
using test::HttpAction;
using test::HttpRequest;

namespace {

std::size_t count_lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

// The library's requests and cache live in the link checker's module: load the one this build made.
void load_net() {
  std::string err;
  REQUIRE_MESSAGE(listlint::load_link_checker(LISTLINT_NET_MODULE, &err), err);
}

// The options of most tests: no pauses between requests, short backoffs. The timeouts are long
// beside what a loopback answer takes, even under the sanitizers on a loaded machine (a request
// once missed a 1 s timeout there and was tried again); a test of timeouts sets its own.
listlint::LinkCheckOptions fast() {
  listlint::LinkCheckOptions o;
  o.timeout = 4.0;
  o.connect_timeout = 4.0;
  o.retries = 2;
  o.backoff = 0.05;
  o.interval = 0;
  o.allow_private = true;  // the servers are on loopback
  return o;
}

struct Timed {
  LinkResult r;
  double seconds;
};

// A bound on a check that must not wait for a timeout or a Retry-After: below fast()'s timeout,
// so a request that timed out and was tried again shows.
constexpr double kNoWait = 3.0;

Timed check_one(const std::string& url, const listlint::LinkCheckOptions& o = fast()) {
  load_net();
  const auto t0 = std::chrono::steady_clock::now();
  auto rs = listlint::check_links({url}, o);
  REQUIRE(rs.size() == 1);
  return {rs[0], std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()};
}

HttpAction status(int code) {
  HttpAction a;
  a.status = code;
  return a;
}

HttpAction redirect(int code, const std::string& to) {
  HttpAction a;
  a.status = code;
  a.headers.push_back({"Location", to});
  return a;
}

// One server for the plain cases: the path says what to answer.
HttpAction scripted(const HttpRequest& q, int n) {
  const std::string& p = q.path;
  if (p == "/ok") return status(200);
  if (p == "/404") return status(404);
  if (p == "/410") return status(410);
  if (p == "/500") return status(500);
  if (p == "/503-then-200") return status(n == 1 ? 503 : 200);
  if (p == "/429-then-200") {
    HttpAction a = status(n == 1 ? 429 : 200);
    if (n == 1) a.headers.push_back({"Retry-After", "1"});
    return a;
  }
  if (p == "/301") return redirect(301, "/308");
  if (p == "/308") return redirect(308, "/ok");
  if (p == "/302") return redirect(302, "/ok");
  if (p == "/loop-a") return redirect(301, "/loop-b");
  if (p == "/loop-b") return redirect(301, "/loop-a");
  if (p == "/no-head") return status(q.method == "HEAD" ? 405 : 200);
  if (p == "/hang") {
    HttpAction a;
    a.fault = HttpAction::Hang;
    return a;
  }
  if (p == "/reset") {
    HttpAction a;
    a.fault = HttpAction::Reset;
    return a;
  }
  if (p == "/huge") {  // HEAD refused, so the checker must GET 50 MB it does not want
    if (q.method == "HEAD") return status(405);
    HttpAction a;
    a.fault = HttpAction::Huge;
    a.huge_bytes = 50u << 20;
    return a;
  }
  if (p == "/drip") {
    if (q.method == "HEAD") return status(405);
    HttpAction a;
    a.fault = HttpAction::Drip;
    a.body = std::string(100, 'x');  // 20 s at one byte per 200 ms
    return a;
  }
  return status(404);
}

}  // namespace

TEST_CASE("links: statuses give their verdicts") {
  test::HttpServer s(scripted);
  const std::string b = s.base();
  auto ok = check_one(b + "/ok");
  CHECK(ok.r.verdict == Verdict::Alive);
  CHECK(ok.r.http_status == 200);
  CHECK(ok.r.attempts == 1);
  CHECK(ok.seconds < kNoWait);
  for (const char* p : {"/404", "/410"}) {
    CAPTURE(p);
    auto d = check_one(b + p);
    CHECK(d.r.verdict == Verdict::Dead);
    CHECK(d.r.http_status == std::stoi(p + 1));
    CHECK(d.r.attempts == 2);  // HEAD, then GET in case the server answers HEAD wrongly
    CHECK(d.seconds < kNoWait);
  }
  auto e = check_one(b + "/500");
  CHECK(e.r.verdict == Verdict::Dead);
  CHECK(e.r.error == "HTTP 500");
  CHECK(e.r.attempts == 3);  // two retries
  CHECK(e.seconds < kNoWait);
  auto r = check_one(b + "/503-then-200");
  CHECK(r.r.verdict == Verdict::Alive);
  CHECK(r.r.attempts == 2);
  auto h = check_one(b + "/no-head");
  CHECK(h.r.verdict == Verdict::Alive);
  CHECK(h.r.attempts == 2);
  CHECK(s.requests("/no-head") == 2);
}

TEST_CASE("links: 429 with Retry-After is retried after the pause, not before") {
  test::HttpServer s(scripted);
  auto r = check_one(s.base() + "/429-then-200");
  CHECK(r.r.verdict == Verdict::Alive);
  CHECK(r.r.attempts == 2);
  CHECK(r.seconds >= 0.95);  // Retry-After: 1
  CHECK(r.seconds < 2.5);
}

TEST_CASE("links: redirects are followed, recorded, and loops caught") {
  test::HttpServer s(scripted);
  const std::string b = s.base();
  auto p = check_one(b + "/301");
  CHECK(p.r.verdict == Verdict::Redirected);
  CHECK(p.r.permanent);
  CHECK(p.r.redirects == std::vector<std::string>{b + "/308", b + "/ok"});
  CHECK(p.r.final_url == b + "/ok");
  auto t = check_one(b + "/302");
  CHECK(t.r.verdict == Verdict::Alive);  // temporary: noted, not flagged
  CHECK(t.r.redirects == std::vector<std::string>{b + "/ok"});
  CHECK_FALSE(t.r.permanent);
  auto l = check_one(b + "/loop-a");
  CHECK(l.r.verdict == Verdict::Dead);
  CHECK(l.r.error == "redirect loop");
  CHECK(l.seconds < kNoWait);
}

TEST_CASE("links: a server that never answers, one that resets, a 50 MB body, a slow drip") {
  test::HttpServer s(scripted);
  const std::string b = s.base();
  auto one_second = fast();
  one_second.timeout = one_second.connect_timeout = 1.0;
  auto hang = check_one(b + "/hang", one_second);
  CHECK(hang.r.verdict == Verdict::Unknown);
  CHECK(hang.r.error.rfind("timeout", 0) == 0);
  CHECK(hang.r.attempts == 3);
  CHECK(hang.seconds < 3 * 1.0 + 1.0);  // three attempts of one second, and short backoffs
  auto reset = check_one(b + "/reset");
  CHECK(reset.r.verdict == Verdict::Unknown);
  CHECK(reset.r.attempts == 3);
  CHECK(reset.seconds < kNoWait);
  auto huge = check_one(b + "/huge");
  CHECK(huge.r.verdict == Verdict::Alive);
  CHECK(huge.seconds < kNoWait);  // the body is not read (50 MB)
  auto drip = check_one(b + "/drip");
  CHECK(drip.r.verdict == Verdict::Alive);
  CHECK(drip.seconds < kNoWait);  // the status is enough; the body (20 s) is not waited for
}

TEST_CASE("links: a server that accepts and never answers, for every URL, ends within the timeouts") {
  // Every path hangs: the connection is accepted and no byte ever comes back.
  test::HttpServer s([](const HttpRequest&, int) {
    HttpAction a;
    a.fault = HttpAction::Hang;
    return a;
  });
  std::vector<std::string> urls;
  for (int i = 0; i < 40; ++i) urls.push_back(s.base() + "/hang/" + std::to_string(i));
  auto o = fast();
  o.timeout = 0.5;
  o.retries = 1;
  o.per_host = 8;
  const auto t0 = std::chrono::steady_clock::now();
  load_net();
  const auto rs = listlint::check_links(urls, o);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  REQUIRE(rs.size() == urls.size());
  for (const auto& r : rs) {
    CHECK(r.verdict == Verdict::Unknown);
    CHECK(r.attempts == 2);
  }
  // 40 URLs x 2 attempts x 0.5 s, 8 at a time: 5 s of waiting, plus the short backoffs.
  const double bound = 40.0 * 2 * 0.5 / 8;
  MESSAGE("40 hanging URLs: " << seconds << " s (bound " << bound << " s)");
  CHECK(seconds >= bound * 0.9);  // the timeouts were honoured, not cut short
  CHECK(seconds < bound + 2.0);

  // The same through the command line, with its options.
  const std::string dir = test::temp_dir("links-hang");
  std::string list = "# Hanging\n\n";
  for (int i = 0; i < 10; ++i) list += "- [h" + std::to_string(i) + "](" + s.base() + "/cli/" + std::to_string(i) + ")\n";
  const std::string f = test::write_file(dir + "/list.md", list);
  const auto c0 = std::chrono::steady_clock::now();
  const auto r = test::listlint("links --allow-private --timeout 0.5 --retries 0 --per-host 5 --interval 0 "
                                "--no-cache --no-progress --format json '" + f + "'");
  const double cli_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - c0).count();
  CHECK(r.exit_code <= 1);
  int unknown = 0;
  const auto report = nlohmann::json::parse(r.out);
  for (const auto& u : report["links"]) unknown += u["verdict"] == "unknown";
  INFO(r.out.substr(0, 600) << r.err);
  CHECK(unknown == 10);
  CHECK(cli_seconds < 10.0 * 0.5 / 5 + 2.0);
}

TEST_CASE("links: DNS failures and refused connections are dead at once") {
  auto refused = check_one("http://127.0.0.1:1/x");
  CHECK(refused.r.verdict == Verdict::Dead);
  CHECK(refused.r.attempts == 1);
  auto dns = check_one("http://no-such-host.invalid/");
  CHECK(dns.r.verdict == Verdict::Dead);
  CHECK(dns.r.error.rfind("DNS failure", 0) == 0);
  CHECK(dns.r.attempts == 1);
}

TEST_CASE("links: the per-host cap holds on the server's side, and each URL is requested once") {
  test::HttpServer s([](const HttpRequest&, int) {
    HttpAction a;
    a.delay_ms = 50;
    return a;
  });
  std::vector<std::string> urls;
  for (int i = 0; i < 30; ++i) urls.push_back(s.base() + "/page" + std::to_string(i));
  urls.push_back(urls[0]);  // duplicates are checked once
  urls.push_back(urls[1]);
  auto o = fast();
  o.per_host = 3;
  o.concurrency = 64;
  const auto t0 = std::chrono::steady_clock::now();
  load_net();
  const auto rs = listlint::check_links(urls, o);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(rs.size() == 30);
  for (const auto& r : rs) CHECK(r.verdict == Verdict::Alive);
  CHECK(s.requests() == 30);
  CHECK(s.peak_concurrency() <= 3);
  CHECK(s.peak_concurrency() == 3);  // and the cap is used
  CHECK(seconds < 30 * 0.05 / 3 * 2 + 0.5);  // close to 30 requests / 3 at a time x 50 ms
}

TEST_CASE("links: the interval between requests to one host is kept") {
  test::HttpServer s([](const HttpRequest&, int) { return HttpAction{}; });
  auto o = fast();
  o.interval = 0.1;
  o.per_host = 4;
  std::vector<std::string> urls;
  for (int i = 0; i < 6; ++i) urls.push_back(s.base() + "/i" + std::to_string(i));
  const auto t0 = std::chrono::steady_clock::now();
  load_net();
  listlint::check_links(urls, o);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(seconds >= 0.5);  // six starts, 0.1 s apart
  CHECK(seconds < 1.5);
}

TEST_CASE("links: no request reaches a private address without --allow-private") {
  test::HttpServer s(scripted);
  auto o = fast();
  o.allow_private = false;
  auto r = check_one(s.base() + "/ok", o);
  CHECK(r.r.verdict == Verdict::Skipped);
  CHECK(r.r.error.find("private address 127.0.0.1") != std::string::npos);
  CHECK(s.requests() == 0);
  // The check is on the address connected to, not on the URL's text: "localhost" is refused too.
  auto named = check_one("http://localhost:" + std::to_string(s.port()) + "/ok", o);
  CHECK(named.r.verdict == Verdict::Skipped);
  CHECK(s.requests() == 0);
  CHECK(listlint::private_address("10.1.2.3"));
  CHECK(listlint::private_address("169.254.169.254"));
  CHECK(listlint::private_address("fd00:ec2::254"));
  CHECK(listlint::private_address("::ffff:192.168.1.1"));
  CHECK_FALSE(listlint::private_address("93.184.216.34"));
  CHECK_FALSE(listlint::private_address("2606:2800:220:1::"));
}

TEST_CASE("links: what is not an http(s) URL is skipped with its reason") {
  CHECK(listlint::skip_reason("mailto:a@b.c") == "mailto URL");
  CHECK(listlint::skip_reason("#section") == "in-page anchor");
  CHECK(listlint::skip_reason("docs/x.md") == "relative path");
  CHECK(listlint::skip_reason("https://x.org").empty());
}

TEST_CASE("links: the CLI audit, its JSON, shards and their merge") {
  test::HttpServer s(scripted);
  const std::string b = s.base();
  const std::string dir = test::temp_dir("links-cli");
  test::write_file(dir + "/README.md",
                   "# List\n\n## Tools\n\n- [A](" + b + "/ok) - fine.\n- [B](" + b + "/404) - gone.\n- [C](" + b +
                       "/301) - moved.\n- [A again](" + b + "/ok) - twice.\n- [Mail](mailto:x@y.z)\n");
  const std::string opts = "--allow-private --timeout 1 --retries 0 --interval 0 --no-progress --no-cache ";
  auto r = test::listlint("links --format json " + opts + "'" + dir + "/README.md'");
  CHECK(r.exit_code == 1);  // a dead URL
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["summary"]["total"] == 4);
  CHECK(j["summary"]["alive"] == 1);
  CHECK(j["summary"]["dead"] == 1);
  CHECK(j["summary"]["redirected"] == 1);
  CHECK(j["summary"]["skipped"] == 1);
  for (const auto& l : j["links"]) {
    for (const char* k : {"url", "verdict", "http_status", "final_url", "redirects", "error", "attempts", "occurrences"})
      CHECK(l.contains(k));
    if (l["url"] == b + "/ok") {
      CHECK(l["occurrences"].size() == 2);
      CHECK(l["occurrences"][0]["line"] == 5);
      CHECK(l["occurrences"][0]["section"] == "Tools");
    }
  }
  CHECK(s.requests("/ok") == 2);  // once for A (listed twice), once at the end of C's redirects
  // Two shards split the URLs; merged, they give the same summary.
  std::set<std::string> seen;
  for (const char* k : {"1/2", "2/2"}) {
    auto sr = test::listlint("links --format json " + opts + "--shard " + k + " '" + dir + "/README.md'");
    CHECK(sr.exit_code <= 1);
    test::write_file(dir + "/s" + std::string(1, k[0]) + ".json", sr.out);
    const auto shard = nlohmann::json::parse(sr.out);
    for (const auto& l : shard["links"])
      CHECK(seen.insert(l["url"].get<std::string>()).second);  // disjoint
  }
  CHECK(seen.size() == 4);
  auto m = test::listlint("links --format json --merge '" + dir + "/s1.json' '" + dir + "/s2.json'");
  CHECK(m.exit_code == 1);
  CHECK(nlohmann::json::parse(m.out)["summary"] == j["summary"]);
  auto md = test::listlint("links --format markdown --merge '" + dir + "/s1.json' '" + dir + "/s2.json'");
  CHECK(md.out.find("## Dead (1)") != std::string::npos);
  CHECK(md.out.find("README.md:6 (Tools)") != std::string::npos);
  // The audit workflow's last step: the merged shards as the HTML report.
  auto html = test::listlint("links --format html --merge '" + dir + "/s1.json' '" + dir + "/s2.json'");
  CHECK(html.exit_code == 1);
  CHECK(html.out.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.out.find("README.md:6 <span class=\"muted\">(Tools)</span>") != std::string::npos);
  auto bad = test::listlint("links --shard 3/2 '" + dir + "/README.md'");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--shard") != std::string::npos);
}

TEST_CASE("links: the cache reuses recent alive results, rechecks failures, and keeps their history") {
  test::HttpServer s(scripted);
  const std::string b = s.base();
  const std::string dir = test::temp_dir("links-cache");
  test::write_file(dir + "/README.md", "# List\n\n- [A](" + b + "/ok) - fine.\n- [B](" + b + "/404) - gone.\n");
  const std::string cache = dir + "/links.sqlite";
  const std::string opts = "links --format json --allow-private --timeout 1 --retries 0 --interval 0 --no-progress --cache '" + cache + "' ";
  auto first = test::listlint(opts + "'" + dir + "/README.md'");
  CHECK(first.exit_code == 1);
  CHECK(s.requests("/ok") == 1);
  CHECK(s.requests("/404") == 2);  // HEAD, GET
  auto second = test::listlint(opts + "'" + dir + "/README.md'");
  CHECK(second.exit_code == 1);
  CHECK(s.requests("/ok") == 1);   // fresh alive: no request
  CHECK(s.requests("/404") == 4);  // a failure is always checked again
  const auto j = nlohmann::json::parse(second.out);
  for (const auto& l : j["links"]) {
    if (l["url"] == b + "/ok") {
      CHECK(l["cached"] == true);
      CHECK(l["verdict"] == "alive");
    } else {
      CHECK(l["cached"] == false);
      CHECK(l["history"]["checks"] == 2);
      CHECK(l["history"]["failing_in_a_row"] == 2);
      CHECK(l["history"]["alive"] == 0);
    }
  }
  auto text = test::listlint("links --allow-private --timeout 1 --retries 0 --interval 0 --no-progress --cache '" + cache + "' '" + dir + "/README.md'");
  CHECK(text.out.find("3 checks in a row") != std::string::npos);
  // --max-age 0: nothing is fresh.
  test::listlint(opts + "--max-age 0 '" + dir + "/README.md'");
  CHECK(s.requests("/ok") == 2);
  // Two runs at once share the file (WAL): both finish and both are recorded.
  const std::string cmd = "'" + std::string(LISTLINT_EXE) + "' " + opts + "--max-age 0 '" + dir + "/README.md' >/dev/null 2>&1";
  const int rc = std::system(("(" + cmd + " & " + cmd + " & wait)").c_str());
  CHECK(rc == 0);
  std::string err;
  load_net();
  auto c = listlint::LinkCache::open(cache, &err);
  REQUIRE_MESSAGE(c, err);
  CHECK(c->history(b + "/ok").checks == 4);
  CHECK(c->history(b + "/404").checks == 6);
  CHECK(c->history(b + "/404").failing_in_a_row == 6);
  // A file that is no SQLite database is a one-line error.
  test::write_file(dir + "/bad.sqlite", std::string(4096, 'x'));
  auto bad = test::listlint("links --allow-private --no-progress --cache '" + dir + "/bad.sqlite' '" + dir + "/README.md'");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("bad.sqlite") != std::string::npos);
  CHECK(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);
  auto age = test::listlint("links --max-age 3x --no-cache '" + dir + "/README.md'");
  CHECK(age.exit_code == 2);
  CHECK(age.err.find("--max-age") != std::string::npos);
}

TEST_CASE("links: check --links reports dead and moved URLs, fixes the moved ones, and is offline without it") {
  test::HttpServer s(scripted);
  const std::string b = s.base();
  const std::string dir = test::temp_dir("check-links");
  const std::string list = dir + "/README.md";
  test::write_file(list, "# List\n\n## Tools\n\n- [A](" + b + "/ok) - fine.\n- [B](" + b + "/404) - gone.\n- [C](" + b +
                             "/301) - moved.\n");
  auto offline = test::listlint("check --format json '" + list + "'");
  CHECK(offline.exit_code == 0);
  CHECK(s.requests() == 0);  // no --links, no request
  auto r = test::listlint("check --links --allow-private --no-cache --format json '" + list + "'");
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  std::map<std::string, int> by_rule;
  for (const auto& d : j["files"][0]["diagnostics"]) ++by_rule[d["rule"].get<std::string>()];
  CHECK(by_rule["dead-url"] == 1);
  CHECK(by_rule["redirected-url"] == 1);
  auto fixed = test::listlint("check --links --allow-private --no-cache --fix '" + list + "'");
  CHECK(fixed.exit_code == 1);  // the dead link remains
  const std::string after = test::read_file(list);
  CHECK(after.find("[C](" + b + "/ok)") != std::string::npos);
  CHECK(after.find("/301") == std::string::npos);
  CHECK(after.find("[B](" + b + "/404)") != std::string::npos);
}

TEST_CASE("links: the link checker's module (libcurl, SQLite) is loaded only to check links") {
  test::HttpServer s(scripted);
  const std::string dir = test::temp_dir("net-module");
  const std::string list = dir + "/README.md";
  test::write_file(list, "# List\n\n## Tools\n\n- [A](" + s.base() + "/ok) - fine.\n");
  // The libraries each run loads, as the dynamic loader reports them (one file per process).
  auto loaded = [&](const std::string& args) {
    const std::string log = dir + "/ld";
    std::filesystem::remove_all(log);
    std::filesystem::create_directories(log);
    ::setenv("LD_DEBUG", "files", 1);
    ::setenv("LD_DEBUG_OUTPUT", (log + "/x").c_str(), 1);
    const auto r = test::listlint(args);
    ::unsetenv("LD_DEBUG");
    ::unsetenv("LD_DEBUG_OUTPUT");
    std::string all;
    for (const auto& e : std::filesystem::directory_iterator(log)) all += test::read_file(e.path().string());
    return std::make_pair(r.exit_code, all);
  };
  const auto offline = loaded("check --format json '" + list + "'");
  CHECK(offline.first == 0);
  REQUIRE(offline.second.find("libcmark-gfm") != std::string::npos);  // the log is there
  CHECK(offline.second.find("libcurl") == std::string::npos);
  CHECK(offline.second.find("listlint-net.so") == std::string::npos);
  const auto online = loaded("check --links --allow-private --no-cache --format json '" + list + "'");
  CHECK(online.first == 0);
  CHECK(online.second.find("listlint-net.so") != std::string::npos);
  CHECK(online.second.find("libcurl") != std::string::npos);
  // Without its module, a command that checks links says so in one line and exits 2.
  ::setenv("LISTLINT_NET_MODULE", (dir + "/absent.so").c_str(), 1);
  const auto missing = test::listlint("links --no-cache '" + list + "'");
  const auto missing_check = test::listlint("check --links --no-cache '" + list + "'");
  ::unsetenv("LISTLINT_NET_MODULE");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.rfind("listlint: " + dir + "/absent.so: cannot load the link checker: ", 0) == 0);
  CHECK(std::count(missing.err.begin(), missing.err.end(), '\n') == 1);
  CHECK(missing_check.exit_code == 2);
  CHECK(missing_check.err.find("cannot load the link checker") != std::string::npos);
}

TEST_CASE("links: with a token, github.com repositories are checked through the API, and the token goes nowhere else") {
  std::mutex mu;
  std::vector<std::string> auth;  // Authorization headers seen, by path
  test::HttpServer api([&](const HttpRequest& q, int) {
    {
      std::lock_guard<std::mutex> lock(mu);
      auto it = q.headers.find("authorization");
      auth.push_back(q.path + " " + (it == q.headers.end() ? "-" : it->second));
    }
    if (q.path == "/repos/acme/tool") return HttpAction{200, {}, R"({"id":1,"full_name":"acme/tool","owner":{"html_url":"x"}})"};
    if (q.path == "/repos/acme/old-name") return redirect(301, "/repositories/7");
    if (q.path == "/repositories/7") return HttpAction{200, {}, R"({"id":7,"full_name":"acme/new-name"})"};
    return status(404);
  });
  auto o = fast();
  o.github_token = "secret-token";
  o.github_api = api.base();
  load_net();
  const auto rs = listlint::check_links({"https://github.com/acme/tool", "https://github.com/acme/gone/",
                                         "https://github.com/acme/old-name"},
                                        [&] {
                                          auto x = o;
                                          x.retries = 0;
                                          return x;
                                        }());
  REQUIRE(rs.size() == 3);
  CHECK(rs[0].verdict == Verdict::Alive);
  CHECK(rs[0].final_url == "https://github.com/acme/tool");
  CHECK(rs[1].verdict == Verdict::Dead);
  CHECK(rs[1].error.find("GitHub API") != std::string::npos);
  CHECK(rs[2].verdict == Verdict::Redirected);  // renamed: the new page, not the API's URL
  CHECK(rs[2].final_url == "https://github.com/acme/new-name");
  std::lock_guard<std::mutex> lock(mu);
  for (const auto& a : auth) CHECK(a.find("Bearer secret-token") != std::string::npos);
  CHECK(auth.size() == 4);  // tool, gone, old-name, repositories/7
  CHECK(listlint::github_repository("https://github.com/acme/tool.git") == "acme/tool");
  CHECK(listlint::github_repository("https://github.com/acme/tool#readme") == "acme/tool");
  CHECK(listlint::github_repository("https://github.com/acme/tool/issues").empty());
  CHECK(listlint::github_repository("https://github.com/sponsors/acme").empty());  // checked as a page
  CHECK(listlint::github_repository("https://github.com/topics/cli").empty());
  CHECK(listlint::github_repository("https://gitlab.com/acme/tool").empty());
}

TEST_CASE("links: --exclude, --include, --accept and --header, each followed by the paths") {
  std::mutex mu;
  std::set<std::string> seen_header;
  test::HttpServer s([&](const HttpRequest& q, int n) {
    std::lock_guard<std::mutex> lock(mu);
    if (auto it = q.headers.find("x-test"); it != q.headers.end()) seen_header.insert(it->second);
    return scripted(q, n);
  });
  const std::string b = s.base();
  const std::string dir = test::temp_dir("links-filters");
  test::write_file(dir + "/README.md", "# L\n\n- [A](" + b + "/ok)\n- [B](" + b + "/404)\n- [C](" + b + "/410)\n");
  const std::string opts = "links --format json --allow-private --no-cache --no-progress --timeout 1 --retries 0 --interval 0 ";
  auto ex = test::listlint(opts + "--exclude '/4[0-9]+$' '" + dir + "/README.md'");
  CHECK(ex.exit_code == 0);
  auto j = nlohmann::json::parse(ex.out);
  CHECK(j["summary"]["skipped"] == 2);
  CHECK(j["summary"]["alive"] == 1);
  auto in = test::listlint(opts + "--include '/410$' '" + dir + "/README.md'");
  j = nlohmann::json::parse(in.out);
  CHECK(j["summary"]["dead"] == 1);
  CHECK(j["summary"]["skipped"] == 2);
  auto acc = test::listlint(opts + "--accept 404,410 --header 'X-Test: yes' '" + dir + "/README.md'");
  CHECK(acc.exit_code == 0);
  j = nlohmann::json::parse(acc.out);
  CHECK(j["summary"]["alive"] == 3);
  std::lock_guard<std::mutex> lock(mu);
  CHECK(seen_header == std::set<std::string>{"yes"});
  auto bad = test::listlint(opts + "--exclude '(' '" + dir + "/README.md'");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("not a regular expression") != std::string::npos);
}

TEST_CASE("links: the HTML report, self-contained, in headless Chromium") {
  test::HttpServer s([](const HttpRequest& q, int) {
    if (q.path == "/ok") return status(200);
    if (q.path == "/status-404") return status(404);
    if (q.path == "/moved") return redirect(301, "/ok");
    HttpAction a;
    a.fault = HttpAction::Reset;
    return a;
  });
  const std::string b = s.base();
  const std::string dir = test::temp_dir("links-html");
  const std::string list = test::write_file(
      dir + "/README.md", "# Awesome Things\n\n## Tools\n\n- [Fine](" + b + "/ok) - Alive.\n- [Gone](" + b +
                              "/status-404) - Dead.\n\n## Libraries <b>&</b>\n\n- [Old](" + b +
                              "/moved) - Moved.\n- [Flaky](" + b + "/reset) - Resets.\n- [Gone again](" + b +
                              "/status-404) - Dead, twice.\n- [<script>alert(1)</script>](javascript:alert(1))\n");
  // Two runs with a cache, so the dead link has a history.
  const std::string opts = "links --allow-private --retries 0 --interval 0 --timeout 2 --no-progress --max-age 0 --cache '" +
                           dir + "/cache.sqlite' ";
  (void)test::listlint(opts + "'" + list + "'");
  const auto r = test::listlint(opts + "--format html '" + list + "'");
  CHECK(r.exit_code == 1);
  const std::string html = r.out;
  const std::string page = test::write_file(dir + "/report.html", html);
  // Static: everything inline, nothing to fetch; the facts are on the page, escaped.
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  for (const char* external : {"<link ", "src=\"http", "@import", "url(http", "<script src"}) {
    INFO(external);
    CHECK(html.find(external) == std::string::npos);
  }
  CHECK(html.find(b + "/status-404") != std::string::npos);
  CHECK(html.find("README.md:6") != std::string::npos);   // file:line of the first dead link
  CHECK(html.find("README.md:12") != std::string::npos);  // and of its second occurrence
  CHECK(html.find("failing since ") != std::string::npos);  // history from the cache
  CHECK(html.find(">" + b + "/ok</a>") != std::string::npos);  // the moved link's replacement
  CHECK(html.find("Libraries &lt;b&gt;&amp;&lt;/b&gt;") == std::string::npos);  // headings are plain text...
  CHECK(html.find("Libraries &amp;") != std::string::npos);                      // ...escaped
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("href=\"javascript:") == std::string::npos);

  // In the browser: no console errors, no request, the chart drawn, the filter working.
  const std::string playwright = std::string(LISTLINT_SOURCE_DIR) + "/.cache/npm-tools/node_modules/playwright-core";
  if (std::system("test -x /usr/bin/chromium") != 0 || std::system(("test -d '" + playwright + "'").c_str()) != 0) {
    test::skip("the browser part needs Debian's chromium and playwright-core (tools/setup.sh, tools/npm-tools.sh)");
    return;
  }
  namespace fs = std::filesystem;
  const fs::path artifacts = fs::path(LISTLINT_EXE).parent_path().parent_path() / "test-artifacts";
  fs::create_directories(artifacts);
  const std::string shot = (artifacts / "link-report.png").string();
  fs::remove(shot);
  const std::string out = dir + "/browser.json";
  const int rc = std::system(("PLAYWRIGHT_CORE='" + playwright + "' node '" + LISTLINT_SOURCE_DIR +
                              "/tests/browser/check_report.js' '" + page + "' '" + shot + "' > '" + out + "' 2>'" + dir +
                              "/browser.err'")
                                 .c_str());
  INFO(test::read_file(dir + "/browser.err"));
  REQUIRE(rc == 0);
  const auto j = nlohmann::json::parse(test::read_file(out));
  INFO(j.dump(2));
  CHECK(j["console"].empty());
  CHECK(j["pageErrors"].empty());
  CHECK(j["requests"].empty());
  CHECK(j["chartRects"].get<int>() == 5);  // alive, moved, dead, unknown, skipped (the javascript: link)
  CHECK(j["sections"].get<int>() == 2);    // Tools, Libraries &
  CHECK(j["rows"]["dead"] == 1);
  CHECK(j["rows"]["redirected"] == 1);
  CHECK(j["rows"]["unknown"] == 1);
  CHECK(j["visibleAfterFilter"] == 1);
  CHECK(j["shownText"] == "1 of 3 shown");
  CHECK(j["visibleAfterClear"] == 3);
  CHECK(fs::file_size(shot) > 10000);
  MESSAGE("screenshot: " << shot);
}

// Issue 17, section 3: verdicts a maintainer can gate CI on.

TEST_CASE("links: 999 is unknown (after HEAD and GET); 401, 403 and 429 after retries stay unknown") {
  test::HttpServer s([](const HttpRequest& q, int) {
    if (q.path == "/999") return status(999);
    if (q.path == "/401") return status(401);
    if (q.path == "/403") return status(403);
    if (q.path == "/429") return status(429);
    return status(200);
  });
  const std::string b = s.base();
  auto li = check_one(b + "/999");
  CHECK(li.r.verdict == Verdict::Unknown);
  CHECK(li.r.http_status == 999);
  CHECK(li.r.error.find("not an HTTP status") != std::string::npos);
  CHECK(li.r.attempts == 2);  // HEAD, then GET: no retries as for a 5xx
  CHECK(li.seconds < kNoWait);
  for (const char* p : {"/401", "/403", "/429"}) {
    CAPTURE(p);
    auto r = check_one(b + p);
    CHECK(r.r.verdict == Verdict::Unknown);
  }
  CHECK(s.requests("/429") == 3);  // two retries first
  auto o = fast();
  REQUIRE(listlint::parse_accept("999", o.accept).empty());
  CHECK(check_one(b + "/999", o).r.verdict == Verdict::Alive);
}

TEST_CASE("links: a Retry-After longer than --max-retry-wait is unknown at once, and holds no other URL of the host") {
  test::HttpServer s([](const HttpRequest& q, int) {
    HttpAction a;
    if (q.path == "/hour") {
      a.status = 429;
      a.headers.push_back({"Retry-After", "3600"});
    } else if (q.path == "/minute") {
      a.status = 503;
      a.headers.push_back({"Retry-After", "60"});
    }
    return a;
  });
  const std::string b = s.base();
  auto o = fast();
  o.per_host = 1;
  std::vector<std::string> urls{b + "/hour"};
  for (int i = 0; i < 5; ++i) urls.push_back(b + "/ok" + std::to_string(i));
  load_net();
  const auto t0 = std::chrono::steady_clock::now();
  const auto rs = listlint::check_links(urls, o);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  REQUIRE(rs.size() == 6);
  CHECK(rs[0].verdict == Verdict::Unknown);
  CHECK(rs[0].error == "HTTP 429 with Retry-After 3600 s, more than --max-retry-wait 60 s");
  CHECK(rs[0].attempts == 1);
  for (std::size_t i = 1; i < rs.size(); ++i) CHECK(rs[i].verdict == Verdict::Alive);
  // Neither the URL nor the host waited: a wait would be the cap (60 s) or the hour. (The bound is
  // well below either and well above what load costs: under the sanitizers, beside other tests, a
  // request once missed a 1 s timeout and was tried again, and the run took 2.03 s in CI.)
  CHECK(seconds < 20.0);
  // The cap is the option's: a 60 s wait is too long for a 10 s cap (and a 503 is then unknown, not
  // dead), and neither is waited for.
  o.retry_after_cap = 10;
  auto minute = check_one(b + "/minute", o);
  CHECK(minute.r.verdict == Verdict::Unknown);
  CHECK(minute.r.error.find("Retry-After 60 s, more than --max-retry-wait 10 s") != std::string::npos);
  CHECK(minute.seconds < 8.0);
}

TEST_CASE("links: a rate-limited GitHub API waits for a near reset, and is unknown with the reset time when it is far") {
  const long long now = static_cast<long long>(std::time(nullptr));
  const long long far = now + 3600;
  test::HttpServer api([&](const HttpRequest& q, int n) {
    HttpAction a;
    auto spent = [&](long long reset) {
      a.status = 403;
      a.headers = {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", std::to_string(reset)}};
      a.body = R"({"message":"API rate limit exceeded"})";
    };
    if (q.path == "/repos/acme/near") {
      if (n == 1) spent(static_cast<long long>(std::time(nullptr)) + 1);
      else a.body = R"({"full_name":"acme/near"})";
    } else if (q.path == "/repos/acme/far" || q.path == "/repos/acme/far2") {
      spent(far);
    }
    return a;
  });
  auto o = fast();
  o.github_token = "t";
  o.github_api = api.base();
  o.retries = 0;  // waiting for a reset is no retry
  auto near = check_one("https://github.com/acme/near", o);
  CHECK(near.r.verdict == Verdict::Alive);
  CHECK(near.r.attempts == 2);
  CHECK(near.seconds >= 0.25);  // it waited for the reset
  CHECK(near.seconds < 2.5);
  o.per_host = 1;
  load_net();
  const auto t0 = std::chrono::steady_clock::now();
  const auto rs = listlint::check_links({"https://github.com/acme/far", "https://github.com/acme/far2"}, o);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  REQUIRE(rs.size() == 2);
  const std::time_t at = static_cast<std::time_t>(far);
  std::tm tm{};
  gmtime_r(&at, &tm);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &tm);
  for (const auto& r : rs) {
    CHECK(r.verdict == Verdict::Unknown);
    CHECK(r.error.find(std::string("GitHub API rate limit spent until ") + when) == 0);
  }
  CHECK(api.requests("/repos/acme/far") == 1);
  CHECK(api.requests("/repos/acme/far2") == 0);  // the limit is known spent: no request made
  CHECK(seconds < 20.0);  // no wait: one would be the cap (60 s) or the hour (a bound far from load)
}

TEST_CASE("links: anchors of a page and fragments found in them") {
  const auto a = listlint::html_anchors(
      "<h1 id=\"intro\">x</h1><a name='old'></a><div name=\"not-an-anchor\"></div><p id=caf&#233;>"
      "<!-- <b id=\"commented\"> --><script>var s = '<i id=\"scripted\">';</script><span ID = \"A&amp;B\">");
  const std::set<std::string> got(a.begin(), a.end());
  CHECK(got == std::set<std::string>{"intro", "old", "caf\xC3\xA9", "A&B"});
  std::vector<std::string> sorted(a.begin(), a.end());
  std::sort(sorted.begin(), sorted.end());
  CHECK(listlint::fragment_found("intro", sorted, false));
  CHECK(listlint::fragment_found("caf%C3%A9", sorted, false));
  CHECK(listlint::fragment_found("top", sorted, false));
  CHECK(listlint::fragment_found(":~:text=hello", sorted, false));
  CHECK_FALSE(listlint::fragment_found("Intro", sorted, false));  // ids are case-sensitive
  CHECK_FALSE(listlint::fragment_found("install", sorted, false));
  const std::vector<std::string> gh{"user-content-install"};
  CHECK(listlint::fragment_found("install", gh, true));
  CHECK(listlint::fragment_found("Install", gh, true));
  CHECK_FALSE(listlint::fragment_found("install", gh, false));
  CHECK(listlint::fragment_found("L10-L20", gh, true));
  CHECK_FALSE(listlint::fragment_found("L10-L20", gh, false));
}

TEST_CASE("links: --check-fragments fetches a page once and finds its fragments (ids, names, GitHub's user-content-)") {
  const std::string page =
      "<!DOCTYPE html><html><body><h2 id=\"intro\">Intro</h2><a name=\"legacy\"></a>"
      "<div class=\"markdown-heading\"><h2>Install</h2><a id=\"user-content-install\" class=\"anchor\"></a></div></body></html>";
  auto handler = [&](const HttpRequest& q, int) {
    if (q.path == "/page") {
      HttpAction a{200, {{"Content-Type", "text/html; charset=utf-8"}}, page};
      return a;
    }
    if (q.path == "/old") return redirect(301, "/page");
    if (q.path == "/file.pdf") return HttpAction{200, {{"Content-Type", "application/pdf"}}, "%PDF-1.4"};
    return status(404);
  };
  // The GitHub page is served from 127.0.0.1, which the test names a GitHub host; the other page
  // from 127.0.0.2, which is not one.
  test::HttpServer gh(handler, "127.0.0.1");
  test::HttpServer other(handler, "127.0.0.2");
  auto o = fast();
  o.check_fragments = true;
  o.github_hosts = {"127.0.0.1"};
  const std::string g = gh.base(), x = other.base();
  load_net();
  const auto rs = listlint::check_links({g + "/page#intro", g + "/page#legacy", g + "/page#install", g + "/page#missing",
                                         g + "/page", x + "/page#install", x + "/page#intro", g + "/old#intro",
                                         x + "/file.pdf#page=2"},
                                        o);
  REQUIRE(rs.size() == 9);
  CHECK(rs[0].verdict == Verdict::Alive);
  CHECK(rs[1].verdict == Verdict::Alive);
  CHECK(rs[2].verdict == Verdict::Alive);  // user-content- on a GitHub page
  CHECK(rs[3].verdict == Verdict::Dead);
  CHECK(rs[3].missing_fragment == "missing");
  CHECK(rs[3].error == "fragment #missing not found on the page");
  CHECK(rs[3].http_status == 200);
  CHECK(rs[3].final_url == g + "/page#missing");
  CHECK(rs[4].verdict == Verdict::Alive);
  CHECK(rs[4].missing_fragment.empty());
  CHECK(rs[5].verdict == Verdict::Dead);  // not a GitHub page: no user-content- prefix
  CHECK(rs[5].missing_fragment == "install");
  CHECK(rs[6].verdict == Verdict::Alive);
  CHECK(rs[7].verdict == Verdict::Redirected);  // the fragment found on the page moved to; kept in the new address
  CHECK(rs[7].final_url == g + "/page#intro");
  CHECK(rs[8].verdict == Verdict::Alive);  // a PDF's #page=2 is for the viewer
  CHECK(gh.requests("/page") == 2);  // once for the five URLs of /page, once at the end of /old's redirect
  CHECK(other.requests("/page") == 1);
  // Without the option, fragments are not requested and links that differ only in one are one request.
  test::HttpServer plain(handler, "127.0.0.1");
  const std::string p = plain.base();
  const auto ps = listlint::check_links({p + "/page#a", p + "/page#b", p + "/page", p + "/old#a", p + "/old#b"}, fast());
  REQUIRE(ps.size() == 5);
  for (std::size_t i = 0; i < 3; ++i) CHECK(ps[i].verdict == Verdict::Alive);
  CHECK(ps[0].final_url == p + "/page#a");
  CHECK(ps[3].verdict == Verdict::Redirected);
  CHECK(ps[3].final_url == p + "/page#a");
  CHECK(ps[4].final_url == p + "/page#b");
  CHECK(plain.requests("/page") == 2);  // one HEAD for the three, one at the end of the redirect
  CHECK(plain.requests("/old") == 1);
  CHECK(plain.requests() == 3);
}

TEST_CASE("links: a deep link that redirects to a home page is likely gone in the verdict, the reports and the rule") {
  test::HttpServer other([](const HttpRequest&, int) { return status(200); }, "127.0.0.2");
  const std::string x = other.base();
  test::HttpServer s([&](const HttpRequest& q, int) {
    if (q.path == "/blog/2019/post") return redirect(301, "/");
    if (q.path == "/docs/page") return redirect(302, x + "/");
    if (q.path == "/index.html") return redirect(301, "/");
    if (q.path == "/moved") return redirect(301, "/new");
    if (q.path == "/query") return redirect(301, "/?p=12");
    return status(200);
  });
  const std::string b = s.base();
  load_net();
  const auto rs = listlint::check_links({b + "/blog/2019/post", b + "/docs/page", b + "/index.html", b + "/moved", b + "/query"}, fast());
  REQUIRE(rs.size() == 5);
  for (std::size_t i : {0, 1}) {
    CAPTURE(i);
    CHECK(rs[i].verdict == Verdict::Unknown);
    CHECK(rs[i].likely_gone);
    CHECK(rs[i].error.rfind("likely gone: redirects to the home page ", 0) == 0);
  }
  CHECK(rs[1].final_url == x + "/");
  CHECK(rs[2].verdict == Verdict::Redirected);  // the home page by another name: no page lost
  CHECK_FALSE(rs[2].likely_gone);
  CHECK(rs[3].verdict == Verdict::Redirected);
  CHECK(rs[4].verdict == Verdict::Redirected);  // "/?p=12" is a page, not the home page
  CHECK_FALSE(rs[4].likely_gone);

  const std::string dir = test::temp_dir("links-home");
  const std::string list = test::write_file(dir + "/README.md", "# List\n\n## Tools\n\n- [Post](" + b +
                                                                    "/blog/2019/post) - gone.\n- [Moved](" + b + "/moved) - moved.\n");
  const std::string opts = "links --allow-private --timeout 1 --retries 0 --interval 0 --no-progress --no-cache ";
  auto text = test::listlint(opts + "'" + list + "'");
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("unknown: " + b + "/blog/2019/post (likely gone: redirects to the home page " + b + "/)") != std::string::npos);
  CHECK(text.out.find("moved permanently to " + b + "/\n") == std::string::npos);
  CHECK(text.out.find("moved permanently to " + b + "/new") != std::string::npos);
  auto js = test::listlint(opts + "--format json '" + list + "'");
  const auto j = nlohmann::json::parse(js.out);
  CHECK(j["summary"]["likely_gone"] == 1);
  CHECK(j["summary"]["redirected"] == 1);
  for (const auto& l : j["links"])
    if (l["url"] == b + "/blog/2019/post") {
      CHECK(l["likely_gone"] == true);
      CHECK(l["verdict"] == "unknown");
    }
  auto md = test::listlint(opts + "--format markdown '" + list + "'");
  CHECK(md.out.find("## Likely gone (1)") != std::string::npos);
  CHECK(md.out.find("## Moved permanently (1)") != std::string::npos);
  CHECK(md.out.find("→ " + b + "/\n") == std::string::npos);  // the home page is no replacement
  CHECK(md.out.find("## Could not be verified") == std::string::npos);
  auto html = test::listlint(opts + "--format html '" + list + "'");
  const std::size_t gone = html.out.find("data-verdict=\"gone\"");
  REQUIRE(gone != std::string::npos);
  CHECK(html.out.find("/blog/2019/post", gone) != std::string::npos);
  CHECK(html.out.find("href=\"" + b + "/\"") == std::string::npos);  // never offered as the replacement
  // check --links: reported by redirected-url without a fix; --fix leaves the link alone.
  auto fixed = test::listlint("check --links --allow-private --no-cache --fix '" + list + "'");
  const std::string after = test::read_file(list);
  CHECK(after.find("[Post](" + b + "/blog/2019/post)") != std::string::npos);
  CHECK(after.find("[Moved](" + b + "/new)") != std::string::npos);
  auto checked = test::listlint("check --links --allow-private --no-cache --format json '" + list + "'");
  const auto cj = nlohmann::json::parse(checked.out);
  int likely = 0;
  for (const auto& d : cj["files"][0]["diagnostics"])
    if (d["rule"] == "redirected-url") {
      CHECK(d["message"].get<std::string>().find("likely gone") != std::string::npos);
      CHECK(d["fixable"] == false);
      ++likely;
    }
  CHECK(likely == 1);
}

TEST_CASE("links: --accept takes codes and ranges or is refused in one line; --max-redirects and --check-fragments") {
  std::vector<int> codes{1};
  CHECK(listlint::parse_accept("200..299,403", codes).empty());
  CHECK(codes.size() == 1 + 100 + 1);
  CHECK(codes[1] == 200);
  CHECK(codes[100] == 299);
  CHECK(codes.back() == 403);
  for (const char* bad : {"4xx", "300..200", "1000", "99", "200..", "", ",", "200-299", "403,abc"}) {
    CAPTURE(bad);
    std::vector<int> c{7};
    CHECK_FALSE(listlint::parse_accept(bad, c).empty());
    CHECK(c == std::vector<int>{7});  // nothing taken from a bad value
  }
  CHECK(listlint::parse_accept("403,abc", codes).find("\"abc\"") != std::string::npos);

  test::HttpServer s([](const HttpRequest& q, int n) {
    if (q.path == "/page") return HttpAction{200, {{"Content-Type", "text/html"}}, "<h2 id=\"here\">x</h2>"};
    return scripted(q, n);
  });
  const std::string b = s.base();
  const std::string dir = test::temp_dir("links-accept");
  const std::string list = test::write_file(dir + "/README.md", "# L\n\n- [A](" + b + "/404)\n- [B](" + b + "/410)\n- [C](" + b + "/301)\n");
  const std::string opts = "links --format json --allow-private --no-cache --no-progress --timeout 1 --retries 0 --interval 0 ";
  auto range = test::listlint(opts + "--accept 400..410 '" + list + "'");
  CHECK(range.exit_code == 0);
  CHECK(nlohmann::json::parse(range.out)["summary"]["alive"] == 2);
  const int before = s.requests();
  auto bad = test::listlint(opts + "--accept 4xx '" + list + "'");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.rfind("listlint: --accept: \"4xx\" is not a status code", 0) == 0);
  CHECK(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);
  CHECK(s.requests() == before);  // the refused run made no request
  auto hops = test::listlint(opts + "--max-redirects 1 --include '/301$' '" + list + "'");
  CHECK(hops.exit_code == 1);  // /301 -> /308 -> /ok is two hops
  CHECK(hops.out.find("more than 1 redirects") != std::string::npos);
  const std::string frag = test::write_file(dir + "/FRAG.md", "# L\n\n- [A](" + b + "/page#here)\n- [B](" + b + "/page#gone)\n");
  auto without = test::listlint(opts + "'" + frag + "'");
  CHECK(without.exit_code == 0);
  auto with = test::listlint("links --allow-private --no-cache --no-progress --timeout 1 --retries 0 --interval 0 --check-fragments '" + frag + "'");
  CHECK(with.exit_code == 1);
  CHECK(with.out.find("dead: " + b + "/page#gone (fragment #gone not found on the page)") != std::string::npos);
  CHECK(with.out.find("page#here") == std::string::npos);
  CHECK(with.out.find("(1 of the dead: fragment not found)") != std::string::npos);
}

TEST_CASE("links: check --links takes every link option of links, and the configuration's links section is honoured by both") {
  // Every row of the table is an option of links, and of check but those only links has.
  const auto check_help = test::listlint("check --help"), links_help = test::listlint("links --help");
  for (const auto& i : listlint::link_settings()) {
    INFO(i.flag);
    CHECK(links_help.out.find(i.flag) != std::string::npos);
    CHECK((check_help.out.find(i.flag) != std::string::npos) == !i.links_only);
  }
  std::mutex mu;
  std::map<std::string, std::set<std::string>> seen;  // server:header -> values
  auto record = [&](const std::string& server, const HttpRequest& q) {
    std::lock_guard<std::mutex> lock(mu);
    for (const char* h : {"x-all", "x-only"})
      if (auto it = q.headers.find(h); it != q.headers.end()) seen[server + ":" + h].insert(it->second);
      else seen[server + ":" + h].insert("-");
  };
  test::HttpServer other([&](const HttpRequest& q, int n) {
    record("other", q);
    return scripted(q, n);
  }, "127.0.0.2");
  test::HttpServer s([&](const HttpRequest& q, int n) {
    record("main", q);
    if (q.path == "/slow") {
      HttpAction a;
      a.delay_ms = 700;
      return a;
    }
    if (q.path == "/to-other") return redirect(302, other.base() + "/ok");
    return scripted(q, n);
  });
  const std::string b = s.base();
  const std::string dir = test::temp_dir("links-config");
  std::filesystem::create_directories(dir + "/.git");
  const std::string list = test::write_file(dir + "/README.md", "# L\n\n## Tools\n\n- [A](" + b + "/ok) - fine.\n- [B](" + b +
                                                                    "/404) - gone.\n- [S](" + b + "/slow) - slow.\n- [R](" + b +
                                                                    "/to-other) - elsewhere.\n- [O](" + other.base() + "/ok) - other host.\n");
  test::write_file(dir + "/.listlint.json", R"({"links": {"allow_private": true, "no_cache": true, "retries": 0, "interval": 0,
      "timeout": 0.3, "exclude": ["/404$"], "headers": ["X-All: ${LISTLINT_TEST_SECRET}"],
      "host_headers": {"127.0.0.1": ["X-Only: here"]}}})");
  ::setenv("LISTLINT_TEST_SECRET", "s3cret", 1);
  auto r = test::listlint("links --format json --no-progress '" + list + "'");
  INFO(r.out.substr(0, 800) << r.err);
  CHECK(r.exit_code == 0);  // the 404 is excluded by the file
  auto j = nlohmann::json::parse(r.out);
  std::map<std::string, std::string> verdict;
  for (const auto& l : j["links"]) verdict[l["url"].get<std::string>()] = l["verdict"].get<std::string>();
  CHECK(verdict[b + "/404"] == "skipped");
  CHECK(verdict[b + "/slow"] == "unknown");  // the file's timeout, 0.3 s
  CHECK(verdict[b + "/ok"] == "alive");      // allow_private from the file
  // The command line overrides the file.
  r = test::listlint("links --format json --no-progress --timeout 2 '" + list + "'");
  j = nlohmann::json::parse(r.out);
  for (const auto& l : j["links"])
    if (l["url"] == b + "/slow") CHECK(l["verdict"] == "alive");
  // check --links reads the same section: the excluded 404 is no dead-url; --retries on check too.
  r = test::listlint("check --links --retries 0 --format json '" + list + "'");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("dead-url") == std::string::npos);
  CHECK(s.requests("/404") == 0);
  {
    // Headers: the file's, with the variable's value; the host's own only to that host, not
    // along a redirect to another one.
    std::lock_guard<std::mutex> lock(mu);
    CHECK(seen["main:x-all"] == std::set<std::string>{"s3cret"});
    CHECK(seen["main:x-only"] == std::set<std::string>{"here"});
    CHECK(seen["other:x-only"] == std::set<std::string>{"-"});
    CHECK(seen["other:x-all"].count("s3cret") == 1);
    CHECK(other.requests("/ok") >= 2);  // directly, and as the redirect's hop
  }
  // Without the file's exclude (another configuration named with --config), check --links finds it.
  const std::string bare = test::write_file(dir + "/bare.json", R"({"links": {"allow_private": true, "no_cache": true, "retries": 0}})");
  r = test::listlint("check --links --config '" + bare + "' --format json '" + list + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("dead-url") != std::string::npos);
  // A header naming a variable that is not set is not sent, and the run says so.
  ::unsetenv("LISTLINT_TEST_SECRET");
  r = test::listlint("links --format json --no-progress --include '/ok$' '" + list + "'");
  CHECK(r.err.find(".listlint.json: links: $LISTLINT_TEST_SECRET is not set: the header \"X-All\" is not sent") != std::string::npos);
  // A bad value: one line naming the file and the key, exit 2, from both commands.
  test::write_file(dir + "/.listlint.json", R"({"links": {"timeout": "20s"}})");
  for (const char* cmd : {"links --no-progress ", "check --links "}) {
    r = test::listlint(std::string(cmd) + "'" + list + "'");
    CHECK(r.exit_code == 2);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find(dir + "/.listlint.json: links.timeout must be a number from 0.1 to 3600, not \"20s\"") != std::string::npos);
  }
  // A bad flag value: one line naming the flag.
  r = test::listlint("check --links --per-host 0 '" + list + "'");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "listlint: --per-host: expected a whole number from 1 to 256, got \"0\"\n");
}

TEST_CASE("links: --dump prints what would be checked and where, and makes no request") {
  test::HttpServer s(scripted);
  const std::string b = s.base();
  const std::string dir = test::temp_dir("links-dump");
  const std::string list = test::write_file(
      dir + "/README.md", "# L\n\n## Tools\n\n- [Alpha](" + b + "/ok) - fine.\n- [Beta](" + b + "/404) - see [docs](" + b +
                              "/docs).\n- [Mail](mailto:a@b.c)\n\n## Table\n\n| Name | Site |\n|---|---|\n| Gamma | [site](" + b +
                              "/410) |\n");
  auto r = test::listlint("links --dump --allow-private '" + list + "'");
  CHECK(r.exit_code == 0);
  CHECK(r.out == b + "/ok\t" + list + ":5\tTools\tAlpha\n" + b + "/404\t" + list + ":6\tTools\tBeta\n" + b + "/docs\t" + list +
                     ":6\tTools\tBeta\n" + b + "/410\t" + list + ":13\tTable\tGamma\n");
  r = test::listlint("links --dump --format json --exclude '/404$' '" + list + "'");
  CHECK(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["total"] == 3);
  CHECK(j["links"][0]["url"] == b + "/ok");
  CHECK(j["links"][0]["occurrences"][0]["entry"] == "Alpha");
  CHECK(j["links"][0]["occurrences"][0]["section"] == "Tools");
  CHECK(j["links"][0]["occurrences"][0]["line"] == 5);
  // A shard dumps its share only.
  std::size_t shards = 0;
  for (const char* k : {"1/2", "2/2"}) shards += count_lines(test::listlint("links --dump --shard " + std::string(k) + " '" + list + "'").out);
  CHECK(shards == 4);
  CHECK(s.requests() == 0);  // nothing was requested
  r = test::listlint("links --dump --format markdown '" + list + "'");
  CHECK(r.exit_code == 2);
  // The configuration's ignore globs and links section apply: what check --links would see.
  std::filesystem::create_directories(dir + "/.git");
  test::write_file(dir + "/skip.md", "# S\n\n- [Skipped](" + b + "/skipped)\n");
  test::write_file(dir + "/.listlint.json", R"({"ignore": ["skip.md"], "links": {"exclude": ["/4[0-9]+$"]}})");
  r = test::listlint("links --dump '" + dir + "'");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("/skipped") == std::string::npos);
  CHECK(r.out.find("/404") == std::string::npos);
  CHECK(count_lines(r.out) == 2);  // ok and docs
  CHECK(s.requests() == 0);
}

TEST_CASE("links: reports name the entry; Markdown keeps odd URLs whole; archives only for 404, 410 and DNS failures") {
  test::HttpServer s(scripted);
  const std::string b = s.base();
  const std::string dir = test::temp_dir("links-reports");
  const std::string weird = b + "/w|p)q]r<s*t_u";
  const std::string list = test::write_file(
      dir + "/README.md", "# L\n\n## Tools\n\n- [Alpha](" + b + "/404) - gone.\n- [Beta](" + b + "/500) - broken.\n- [Gamma](" + b +
                              "/hang) - slow.\n- [Delta](http://no-such-host.invalid/x) - no name.\n- [Odd](<" + b +
                              "/w|p)q]r\\<s*t_u>) - odd.\n\n## Table\n\n| Name | Site |\n|---|---|\n| Epsilon | [site](" + b +
                              "/410) |\n");
  // The list's model has the odd URL as written.
  const auto model = nlohmann::json::parse(test::listlint("model '" + list + "'").out);
  bool has_weird = false;
  for (const auto& l : model["links"]) has_weird |= l["url"] == weird;
  REQUIRE(has_weird);
  const std::string opts = "links --allow-private --no-cache --no-progress --retries 0 --timeout 0.5 --interval 0 ";
  auto r = test::listlint(opts + "--format json '" + list + "'");
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  std::map<std::string, nlohmann::json> by_url;
  for (const auto& l : j["links"]) by_url[l["url"].get<std::string>()] = l;
  CHECK(by_url[b + "/404"]["occurrences"][0]["entry"] == "Alpha");
  CHECK(by_url[b + "/410"]["occurrences"][0]["entry"] == "Epsilon");  // the table row's key
  CHECK(by_url[b + "/500"]["verdict"] == "dead");
  CHECK(by_url[b + "/hang"]["verdict"] == "unknown");
  CHECK(by_url["http://no-such-host.invalid/x"]["error"].get<std::string>().rfind("DNS failure", 0) == 0);
  const std::string report = test::write_file(dir + "/links.json", r.out);

  auto text = test::listlint("links --merge '" + report + "'");
  CHECK(text.out.find(list + ":5:3: dead: " + b + "/404 (HTTP 404); entry \"Alpha\" in \"Tools\"") != std::string::npos);
  CHECK(text.out.find("(HTTP 410); entry \"Epsilon\" in \"Table\"") != std::string::npos);

  // Markdown: each URL one link to itself, whatever it holds; archives where the page is gone.
  auto md = test::listlint("links --format markdown --merge '" + report + "'");
  const std::string md_file = test::write_file(dir + "/report.md", md.out);
  const auto rm = nlohmann::json::parse(test::listlint("model '" + md_file + "'").out);
  std::set<std::string> urls;
  for (const auto& l : rm["links"]) urls.insert(l["url"].get<std::string>());
  CHECK(urls.count(weird) == 1);
  CHECK(urls.count(b + "/404") == 1);
  CHECK(urls.count("https://web.archive.org/web/*/" + std::string("http://no-such-host.invalid/x")) == 1);
  auto line_of = [&](const std::string& url) {
    const std::size_t at = md.out.find("(<" + url + ">)");
    REQUIRE(at != std::string::npos);
    return md.out.substr(at, md.out.find('\n', at) - at);
  };
  CHECK(line_of(b + "/404").find("archived copies") != std::string::npos);
  CHECK(line_of(b + "/410").find("archived copies") != std::string::npos);
  CHECK(line_of("http://no-such-host.invalid/x").find("archived copies") != std::string::npos);
  CHECK(line_of(b + "/500").find("archived copies") == std::string::npos);   // a server error may pass
  CHECK(line_of(b + "/hang").find("archived copies") == std::string::npos);  // a timeout is no verdict
  CHECK(md.out.find("entry \"Alpha\"") != std::string::npos);

  // HTML: the entry beside the place; the same archive rule.
  auto html = test::listlint("links --format html --merge '" + report + "'");
  CHECK(html.out.find("<span class=\"entry\">Alpha</span>") != std::string::npos);
  CHECK(html.out.find("<span class=\"entry\">Epsilon</span>") != std::string::npos);
  std::size_t archives = 0;
  for (std::size_t at = html.out.find(">archived copies<"); at != std::string::npos; at = html.out.find(">archived copies<", at + 1)) ++archives;
  CHECK(archives == 4);  // 404, 410, the DNS failure, the odd URL's 404; not the 500
}

TEST_CASE("links: the progress display redraws on a timer, names the slow hosts and the skipped URLs, and ends cleanly") {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    test::skip("needs script (util-linux) for a terminal");
    return;
  }
  test::HttpServer s([](const HttpRequest& q, int) {
    HttpAction a;
    if (q.path == "/slow") a.delay_ms = 1800;
    return a;
  });
  test::HttpServer fast_host([](const HttpRequest&, int) { return HttpAction{}; }, "127.0.0.2");
  const std::string dir = test::temp_dir("links-progress");
  const std::string list =
      test::write_file(dir + "/README.md", "# L\n\n- [S](" + s.base() + "/slow)\n- [F](" + fast_host.base() + "/fast)\n");
  // Under a terminal (script's), standard output to a file: what it captures is the display.
  auto on_terminal = [&](const std::string& args) {
    const std::string out = dir + "/tty.txt";
    const std::string cmd = "'" + std::string(LISTLINT_EXE) + "' links --no-cache --retries 0 --interval 0 " + args + " '" + list +
                            "' > '" + dir + "/stdout.txt'";
    const int rc = std::system(("script -qec \"" + cmd + "\" /dev/null > '" + out + "' 2>&1 < /dev/null").c_str());
    CHECK(rc == 0);
    return test::read_file(out);
  };
  std::string t = on_terminal("--allow-private --timeout 5");
  INFO(t);
  const std::string host = "127.0.0.1:" + std::to_string(s.port());
  CHECK(t.find("waiting on 1: " + host + " (1 s)") != std::string::npos);  // drawn while no URL settled
  const std::size_t last = t.rfind('\r', t.size() - 3);
  REQUIRE(last != std::string::npos);
  const std::string final_line = t.substr(last + 1);
  CHECK(final_line.rfind("2 URLs checked in ", 0) == 0);
  CHECK(final_line.find("\033[K") != std::string::npos);  // the rest of the old frame erased
  CHECK(final_line.find("waiting") == std::string::npos);
  CHECK(final_line.substr(final_line.size() - 2) == "\r\n");  // (the terminal's line end)
  t = on_terminal("--timeout 5");
  CHECK(t.find("2 loopback URLs skipped without --allow-private") != std::string::npos);
  t = on_terminal("--allow-private --exclude fast --timeout 0.2");
  CHECK(t.find("1 URL skipped by --exclude/--include") != std::string::npos);
  // Not on a terminal: nothing on standard error.
  const auto plain = test::listlint("links --no-cache --allow-private --retries 0 '" + list + "'");
  CHECK(plain.err.empty());
}

// links and check --links request the same URLs: the model's, as GitHub renders the list (bare
// URLs cmark-gfm links, each srcset candidate, raw Markdown in an HTML block), and nothing from an
// HTML comment.
TEST_CASE("links: links and check --links request the same set of URLs") {
  std::mutex mu;
  std::map<std::string, std::set<std::string>> paths;  // command -> paths requested
  std::string current;
  test::HttpServer s([&](const HttpRequest& q, int) {
    std::lock_guard<std::mutex> lock(mu);
    paths[current].insert(q.path);
    return status(q.path == "/gone" ? 404 : 200);
  });
  const std::string b = s.base();
  const std::string dir = test::temp_dir("links-same-set");
  const std::string list = test::write_file(
      dir + "/README.md", "# L\n\n- [A](" + b + "/a) and bare " + b + "/bare; and \"" + b + "/quoted\".\n\n"
                          "<!-- - [Removed](" + b + "/gone) -->\n\n"
                          "<div>\n[Raw](" + b + "/raw)\n</div>\n\n"
                          "<picture><source srcset=\"" + b + "/one.png 1x, " + b + "/two.png 2x\"></picture>\n");
  for (const char* cmd : {"links --no-progress", "check --links"}) {
    {
      std::lock_guard<std::mutex> lock(mu);
      current = cmd;
    }
    const auto r = test::listlint(std::string(cmd) + " --allow-private --no-cache --retries 0 '" + list + "'");
    INFO(cmd << ": " << r.out << r.err);
    CHECK(r.exit_code == 0);
  }
  std::lock_guard<std::mutex> lock(mu);
  const std::set<std::string> want = {"/a", "/bare", "/quoted", "/raw", "/one.png", "/two.png"};
  CHECK(paths["links --no-progress"] == want);
  CHECK(paths["check --links"] == want);
}
