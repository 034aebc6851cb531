// GitHub heading anchors: github-slugger 2.0.0's fixtures plus GitHub's U+FE0F rule.
#include <doctest/doctest.h>

#include <vector>

#include "listlint/model/slug.h"
#include "support.h"

using listlint::github_slug;
using listlint::Slugger;

TEST_CASE("slug: ASCII punctuation and spaces") {
  CHECK(github_slug("Table of Contents") == "table-of-contents");
  CHECK(github_slug("heading with a period.txt") == "heading-with-a-periodtxt");
  CHECK(github_slug("C++ & C#") == "c--c");
  CHECK(github_slug("A  B") == "a--b");  // no collapsing
  CHECK(github_slug(" a ") == "-a-");    // no trimming
  CHECK(github_slug("snake_case and kebab-case") == "snake_case-and-kebab-case");
  CHECK(github_slug("with:a") == "witha");
  CHECK(github_slug("3.6 Daily Activities / Egocentric Video") == "36-daily-activities--egocentric-video");
  CHECK(github_slug("Systems/Services [TOC]") == "systemsservices-toc");
}

TEST_CASE("slug: emoji, shortcodes and U+FE0F") {
  CHECK(github_slug("\xF0\x9F\x98\x84 unicode emoji") == "-unicode-emoji");
  CHECK(github_slug("\xF0\x9F\x98\x84 - an emoji") == "---an-emoji");
  CHECK(github_slug(":ok_hand: Single") == "ok_hand-single");
  CHECK(github_slug(":anger: \xC2\xA0Table of Contents") == "anger-table-of-contents");
  // GitHub drops the variation selector that github-slugger keeps.
  CHECK(github_slug("\xF0\x9F\x97\x83\xEF\xB8\x8F File Cabinet") == "-file-cabinet");
  CHECK(github_slug("\xE2\x9C\x82\xEF\xB8\x8F Image Editing (Method + Data)") == "-image-editing-method--data");
  // ZWJ sequences and skin tones vanish entirely.
  CHECK(github_slug("\xF0\x9F\xA7\x91\xE2\x80\x8D\xF0\x9F\x8F\xAB Teachers") == "-teachers");
  CHECK(github_slug("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD ok") == "-ok");
}

TEST_CASE("slug: Unicode letters, case mapping, separators and symbols") {
  CHECK(github_slug("\xE8\xAF\xAD\xE8\xA8\x80\xE6\x97\xA0\xE5\x85\xB3") ==
        "\xE8\xAF\xAD\xE8\xA8\x80\xE6\x97\xA0\xE5\x85\xB3");  // CJK kept as is
  CHECK(github_slug("Caf\xC3\xA9 D\xC3\xA9j\xC3\xA0 Vu") == "caf\xC3\xA9-d\xC3\xA9j\xC3\xA0-vu");
  CHECK(github_slug("\xC4\xB0") == "i\xCC\x87");  // full lowercase mapping: U+0130 -> i + U+0307
  CHECK(github_slug("\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3") == "\xCE\xBF\xCE\xB4\xCE\xBF\xCF\x82");  // final sigma
  CHECK(github_slug("en\xE2\x80\x93" "dash") == "endash");
  CHECK(github_slug("apostrophe\xE2\x80\x99s") == "apostrophes");
  CHECK(github_slug("x\xC2\xB2") == "x");              // Other_Number removed
  CHECK(github_slug("\xE2\x93\x96 test") == "\xE2\x93\x96-test");  // circled letter is Alphabetic: kept
  // NBSP and narrow NBSP are separators other than space: removed, not turned into '-'.
  CHECK(github_slug("Visual\xC2\xA0Math (+\xE2\x80\xAFVisual)") == "visualmath-visual");
  // The seed list's mojibake heading, as GitHub computes it.
  CHECK(github_slug("\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xA5 Supervised Finetuning") ==
        "\xC3\xB0\xC3\xBF-supervised-finetuning");
}

TEST_CASE("slug: duplicates follow github-slugger's occurrence rules") {
  Slugger s;
  std::vector<std::string> got;
  for (const char* h : {"echo", "echo", "echo 1", "echo-1", "echo"}) got.push_back(s.next(h));
  CHECK(got == std::vector<std::string>{"echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2"});
  Slugger t;
  got.clear();
  for (const char* h : {"foxtrot-1", "foxtrot", "foxtrot"}) got.push_back(t.next(h));
  CHECK(got == std::vector<std::string>{"foxtrot-1", "foxtrot", "foxtrot-2"});
  t.reset();
  CHECK(t.next("foxtrot") == "foxtrot");
}

TEST_CASE("slug: headings are slugged from their rendered text") {
  const auto m = test::model_of(
      "# Awesome C++ [![Awesome](https://a/b.svg)](https://x) [![Track](https://c/d.svg)](https://y)\n\n"
      "#### CLI Tools &nbsp;[<sup>[TOC]</sup>](#anger-table-of-contents)\n\n"
      "### C\n\n"
      "### <a id=\"csharp\"></a>C\\#\n\n"
      "## `code` and *emphasis*\n\n"
      "## [Linked](https://example.com) heading\n\n"
      "Setext heading\n--------------\n");
  REQUIRE(m.sections.size() == 7);
  CHECK(m.sections[0].anchor == "awesome-c--");  // badge links leave their spaces
  CHECK(m.sections[1].anchor == "cli-tools-toc");
  CHECK(m.sections[2].anchor == "c");
  CHECK(m.sections[3].anchor == "c-1");
  CHECK(m.sections[3].html_ids == std::vector<std::string>{"csharp"});
  CHECK(m.sections[4].anchor == "code-and-emphasis");
  CHECK(m.sections[5].anchor == "linked-heading");
  CHECK(m.sections[6].anchor == "setext-heading");
  CHECK(m.sections[6].setext);
  CHECK(m.sections[1].parent == 0);
  CHECK(m.sections[2].parent == 0);
}
