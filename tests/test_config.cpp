// Configuration helpers: ignore globs and URL keys.
#include <doctest/doctest.h>

#include <string>

#include "listlint/config.h"
#include "listlint/text.h"

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
