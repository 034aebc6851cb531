// Configuration helpers: ignore globs and URL keys.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "listlint/checking/config.h"
#include "listlint/links/linksettings.h"
#include "listlint/model/text.h"
#include "registry.h"

TEST_CASE("config: glob matching") {
  using listlint::glob_match;
  CHECK(glob_match("README.md", "README.md"));
  CHECK_FALSE(glob_match("README.md", "README.mdx"));
  CHECK(glob_match("*.md", "a.md"));
  CHECK_FALSE(glob_match("*.md", "docs/a.md"));  // '*' stays within a segment
  CHECK(glob_match("docs/*.md", "docs/a.md"));
  CHECK(glob_match("**/*.md", "a.md"));          // "**/" matches zero segments
  CHECK(glob_match("**/*.md", "x/y/z/a.md"));
  CHECK(glob_match("vendor/**", "vendor/a/b/c.md"));
  CHECK(glob_match("a/**/b.md", "a/b.md"));
  CHECK(glob_match("a/**/b.md", "a/x/y/b.md"));
  CHECK_FALSE(glob_match("a/**/b.md", "ab.md"));
  CHECK(glob_match("?.md", "a.md"));
  CHECK_FALSE(glob_match("?.md", "/.md"));
  CHECK_FALSE(glob_match("?.md", "ab.md"));
  CHECK(glob_match("[a-c].md", "b.md"));
  CHECK_FALSE(glob_match("[a-c].md", "d.md"));
  CHECK(glob_match("[!a-c].md", "d.md"));
  CHECK_FALSE(glob_match("[!a-c].md", "/.md"));
  CHECK(glob_match("[.md", "[.md"));             // no ']': a literal '['
  CHECK(glob_match("", ""));
  CHECK_FALSE(glob_match("", "a"));
  CHECK(glob_match("*", ""));
  // A backtracking matcher takes exponential time here and recurses once per character; this
  // one is linear in each (the test would time out under CTest otherwise).
  std::string stars, as(5000, 'a');
  for (int i = 0; i < 40; ++i) stars += "a*";
  CHECK_FALSE(glob_match(stars + "b", as));
  CHECK(glob_match(stars + "a", as));
  const std::string long_path(1 << 20, 'x');
  CHECK(glob_match(long_path, long_path));
}

TEST_CASE("config: URL keys") {
  using listlint::text::normalize_url;
  CHECK(normalize_url("HTTPS://GitHub.com:443/Owner/Repo/") == "https://github.com/Owner/Repo");
  CHECK(normalize_url("http://a.org:80/x?q=1/") == "http://a.org/x?q=1/");
  CHECK(normalize_url("https://a.org:80/") == "https://a.org:80");
  CHECK(normalize_url("#anchor") == "#anchor");
  // Idempotent (fuzz_url checks this on any bytes).
  for (const char* u : {"http://a:80:80/", "https://x//", "ftp://H/p/?#", "http://:80"})
    CHECK(normalize_url(normalize_url(u)) == normalize_url(u));
}

TEST_CASE("text: page_key makes one key of the forms one page's URL is written in") {
  using listlint::text::page_key;
  const std::string k = page_key("https://a.org/x");
  for (const char* u : {"http://a.org/x", "https://www.a.org/x/", "HTTP://WWW.A.org:80/x/index.html",
                        "https://a.org/x/index.htm#top", "https://a.org:443/x#", "http://www.a.org/x/index.html/",
                        "https://a.org/x#readme-ov-file", "https://a.org/x/#readme"})
    CHECK(page_key(u) == k);
  // What still tells pages apart: the path's case, the query, another host or scheme.
  for (const char* u : {"https://a.org/X", "https://a.org/x?page=2", "https://docs.a.org/x", "ftp://a.org/x",
                        "https://a.org/x/index.html.bak", "https://a.org/xindex.html"})
    CHECK(page_key(u) != k);
  CHECK(page_key("https://a.org/x?q=1#f") == "https://a.org/x?q=1#f");
  CHECK(page_key("http://a.org/x/#c") != page_key("http://a.org/x/#cpp"));
  CHECK(page_key("http://a.org/x/#c") != k);
  CHECK(page_key("#anchor") == "#anchor");
  for (const char* u : {"http://www.www.a:80:443/index.html/index.htm//", "https://www./", "http://:80#x", "mailto:x"})
    CHECK(page_key(page_key(u)) == page_key(u));
}

TEST_CASE("config: the links section sets every link setting, and a bad value names its key") {
  using listlint::Config;
  const auto& rules = std::vector<const listlint::Rule*>{};
  Config c;
  c.base_dir = "/repo";
  REQUIRE_FALSE(listlint::apply_config(c, R"({"links": {
      "timeout": 5, "retries": 1, "per_host": 4, "interval": 0.5, "concurrency": 8,
      "exclude": ["^https://twitter\\.com/"], "include": ["example"], "accept": [403, "999,418"],
      "headers": ["X-A: 1"], "host_headers": {"API.example.com": ["Authorization: Bearer x"], "*.example.org": ["X-B: 2"]},
      "user_agent": "ua/1", "allow_private": true, "cache": "cache/links.sqlite", "no_cache": false,
      "max_age": "12h", "fail_on_unknown": true}})", rules));
  const auto& l = c.links;
  CHECK(l.check.timeout == 5);
  CHECK(l.check.retries == 1);
  CHECK(l.check.per_host == 4);
  CHECK(l.check.interval == 0.5);
  CHECK(l.check.concurrency == 8);
  CHECK(l.exclude == std::vector<std::string>{"^https://twitter\\.com/"});
  CHECK(l.include == std::vector<std::string>{"example"});
  CHECK(l.check.accept == std::vector<int>{403, 999, 418});
  CHECK(l.check.headers == std::vector<std::string>{"X-A: 1"});
  CHECK(l.check.host_headers.at("api.example.com") == std::vector<std::string>{"Authorization: Bearer x"});  // host names lowercased
  CHECK(l.check.host_headers.at("*.example.org") == std::vector<std::string>{"X-B: 2"});
  CHECK(l.check.user_agent == "ua/1");
  CHECK(l.check.allow_private);
  CHECK(l.cache == "/repo/cache/links.sqlite");  // relative to the configuration file's folder
  CHECK(l.max_age == "12h");
  CHECK(l.fail_on_unknown);
  CHECK(c.links_json.at("timeout") == 5);

  struct Bad {
    const char* json;
    const char* says;
  };
  for (const Bad& b : std::vector<Bad>{
           {R"({"links": {"timeout": "20s"}})", "links.timeout must be a number from 0.1 to 3600, not \"20s\""},
           {R"({"links": {"timeout": 0}})", "links.timeout must be a number from 0.1 to 3600"},
           {R"({"links": {"per_host": 0}})", "links.per_host must be a whole number from 1 to 256, not 0"},
           {R"({"links": {"retries": 1.5}})", "links.retries must be a whole number"},
           {R"({"links": {"per-host": 2}})", "links: unknown key \"per-host\" (known: concurrency, per_host,"},
           {R"({"links": {"exclude": "x"}})", "links.exclude must be an array of regular expressions"},
           {R"({"links": {"exclude": ["("]}})", "links.exclude: not a regular expression: \"(\""},
           {R"({"links": {"headers": ["NoColon"]}})", "links.headers: expected a header 'Name: value', got \"NoColon\""},
           {R"({"links": {"host_headers": ["X: y"]}})", "links.host_headers must be an object of host names"},
           {R"({"links": {"host_headers": {"https://a.example/": ["X: y"]}}})", "is not a host name"},
           {R"({"links": {"accept": [1000]}})", "links.accept: \"1000\" is not a status code"},
           {R"({"links": {"max_age": "3x"}})", "links.max_age must be seconds, or a number with s, m, h or d"},
           {R"({"links": {"allow_private": "yes"}})", "links.allow_private must be true or false"},
           {R"({"links": []})", "\"links\" must be an object"},
       }) {
    INFO(b.json);
    Config bad;
    const auto err = listlint::apply_config(bad, b.json, rules);
    REQUIRE(err);
    CHECK(err->find(b.says) != std::string::npos);
    CHECK(err->find('\n') == std::string::npos);
  }
}

TEST_CASE("config: the link settings table: one row per setting, flags and keys in step, all in the schema") {
  const auto& table = listlint::link_settings();
  const auto schema = listlint::link_settings_schema();
  std::set<std::string> keys, flags;
  for (const auto& i : table) {
    INFO(i.key);
    CHECK(keys.insert(i.key).second);
    CHECK(flags.insert(i.flag).second);
    // The file's key is the flag without "--", with '_' for '-' (the file's style: min_entries),
    // except the repeatable headers, whose flags name one header each.
    std::string derived = i.flag.substr(2);
    for (char& ch : derived) ch = ch == '-' ? '_' : ch;
    if (i.key == "headers") CHECK(i.flag == "--header");
    else if (i.key == "host_headers") CHECK(i.flag == "--host-header");
    else CHECK(derived == i.key);
    CHECK(schema["properties"].contains(i.key));
    CHECK_FALSE(i.help.empty());
  }
  CHECK(schema["properties"].size() == table.size());
  for (const char* k : {"timeout", "retries", "per_host", "interval", "concurrency", "exclude", "include", "accept", "headers",
                        "host_headers", "user_agent", "cache", "no_cache", "max_age", "allow_private", "fail_on_unknown"})
    CHECK(keys.count(k) == 1);
  // A command-line value goes through the same checks, its message naming the flag.
  listlint::LinkSettings s;
  auto find = [&](const std::string& key) {
    return *std::find_if(table.begin(), table.end(), [&](const listlint::LinkSettingInfo& i) { return i.key == key; });
  };
  CHECK_FALSE(listlint::apply_link_setting(s, find("per_host"), "7"));
  CHECK(s.check.per_host == 7);
  CHECK(*listlint::apply_link_setting(s, find("per_host"), "7x") == "--per-host: expected a whole number from 1 to 256, got \"7x\"");
  CHECK_FALSE(listlint::apply_link_setting(s, find("accept"), "403,999"));
  CHECK_FALSE(listlint::apply_link_setting(s, find("accept"), "418"));
  CHECK(s.check.accept == std::vector<int>{403, 999, 418});  // repeatable values add up
  CHECK(listlint::apply_link_setting(s, find("accept"), "40x")->rfind("--accept: ", 0) == 0);
  CHECK_FALSE(listlint::apply_link_setting(s, find("host_headers"), "Api.Example.com=X-Key: a=b"));
  CHECK(s.check.host_headers.at("api.example.com") == std::vector<std::string>{"X-Key: a=b"});
  CHECK(listlint::apply_link_setting(s, find("host_headers"), "X-Key: a"));  // no host
  CHECK_FALSE(listlint::apply_link_setting(s, find("allow_private"), "true"));
  CHECK(s.check.allow_private);
  CHECK(listlint::parse_duration("30m") == 1800);
  CHECK(listlint::parse_duration("1d") == 86400);
  CHECK_FALSE(listlint::parse_duration("-1"));
  CHECK_FALSE(listlint::parse_duration("1w"));
}

TEST_CASE("config: .listlint.json may hold comments and trailing commas (JSONC)") {
  const auto& rules = listlint::rules::all();
  listlint::Config c = listlint::default_config(rules);
  const std::string text = R"({
  // Off until the old tables are fixed.
  "rules": {
    "placeholder-cell": "off", /* a comment, */
    "duplicate-link": { "allow": ["https://example.org//a,]", "x\"//,}"], },
  },
  "ignore": ["vendor/**",],
})";
  const auto err = listlint::apply_config(c, text, rules);
  REQUIRE_MESSAGE(!err, *err);
  CHECK(c.rules.at("placeholder-cell").severity == listlint::Severity::Off);
  CHECK(c.rules.at("duplicate-link").options.at("allow") ==
        nlohmann::json::array({"https://example.org//a,]", "x\"//,}"}));
  CHECK(c.ignore == std::vector<std::string>{"vendor/**"});
  // Offsets stay: the parser's line and column are the file's.
  CHECK(listlint::jsonc_to_json(text).size() == text.size());
  listlint::Config d = listlint::default_config(rules);
  const auto bad = listlint::apply_config(d, "{\n  // fine\n  \"rules\": {,}\n}", rules);
  REQUIRE(bad);
  CHECK(bad->find("line 3, column 13") != std::string::npos);
  // An unclosed comment, a lone comma, two commas: still errors.
  for (const char* t : {"{ /* open", "{ , }", "{\"ignore\": [\"a\",,]}"}) {
    listlint::Config e = listlint::default_config(rules);
    CHECK(listlint::apply_config(e, t, rules).has_value());
  }
}
