// The model on small inputs: details stitching, tables, links, entries, references, TOC.
#include <doctest/doctest.h>

#include <vector>

#include <cstdint>
#include <filesystem>

#include "listlint/model/model.h"
#include "listlint/model/text.h"
#include "support.h"

using listlint::LinkContext;
using listlint::LinkKind;
using listlint::SourcePos;

namespace {
std::string at(const std::string& text, const listlint::Span& s) {
  return text.substr(s.bytes.begin, s.bytes.end - s.bytes.begin);
}
}  // namespace

TEST_CASE("text::collapse_inplace: every whitespace run is one space, none at either end") {
  // Against a reference written here: the words split on whitespace, joined by single spaces.
  // Every string of up to six bytes of "a", " ", "\t", "\n" and "\f" is tried.
  auto reference = [](const std::string& s) {
    std::string out, word;
    for (const char c : s + " ") {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        if (!word.empty()) out += (out.empty() ? "" : " ") + word;
        word.clear();
      } else {
        word += c;
      }
    }
    return out;
  };
  const std::string alphabet = "a \t\n\f";
  int tried = 0;
  for (int len = 0; len <= 6; ++len) {
    int total = 1;
    for (int k = 0; k < len; ++k) total *= static_cast<int>(alphabet.size());
    for (int code = 0; code < total; ++code) {
      std::string s;
      for (int k = 0, c = code; k < len; ++k, c /= static_cast<int>(alphabet.size())) s += alphabet[static_cast<std::size_t>(c) % alphabet.size()];
      std::string got = s;
      listlint::text::collapse_inplace(got);
      CHECK_MESSAGE(got == reference(s), "input of " << s.size() << " bytes, code " << code);
      ++tried;
    }
  }
  CHECK(tried == 19531);  // 1 + 5 + 25 + ... + 5^6
  std::string words = "already collapsed text, kept as it is";
  listlint::text::collapse_inplace(words);
  CHECK(words == "already collapsed text, kept as it is");
}

TEST_CASE("text::collapse_join: collapse(a + b) from a and collapse(b)") {
  // Every pair of strings of up to four bytes of "a", " ", "\t" and "\f".
  const std::string alphabet = "a \t\f";
  std::vector<std::string> all{""};
  for (std::size_t from = 0, len = 1; len <= 4; ++len) {
    const std::size_t to = all.size();
    for (std::size_t i = from; i < to; ++i)
      for (const char c : alphabet) all.push_back(all[i] + c);
    from = to;
  }
  REQUIRE(all.size() == 341);  // 1 + 4 + 16 + 64 + 256
  int wrong = 0;
  for (const std::string& a : all)
    for (const std::string& b : all)
      wrong += listlint::text::collapse_join(a, b, listlint::text::collapse(b)) != listlint::text::collapse(a + b);
  CHECK(wrong == 0);
}

TEST_CASE("text runs: a paragraph's text is placed through escapes and entities at any offset") {
  // The literal "a...&b...*c... end" is spelled in the source with "&amp;" and "\\*" at every
  // offset from 0 to 24 (the source is compared eight bytes at a time where it can be): the
  // paragraph's one text run covers its whole source, from the first letter to the line's end.
  for (std::size_t k = 0; k <= 24; ++k) {
    const std::string para = std::string(k, 'a') + "&amp;" + std::string(k, 'b') + "\\*" + std::string(k, 'c') + " end";
    const std::string t = "# T\n\n" + para + "\n";
    const auto m = test::model_of(t);
    const std::size_t begin = t.find(para), end = begin + para.size();
    bool placed = false;
    for (const auto& run : m.text_runs) placed |= run.bytes.begin == begin && run.bytes.end == end;
    CHECK_MESSAGE(placed, "offset " << k);
  }
}

TEST_CASE("details: blank lines everywhere, summary on its own line (the seed's shape)") {
  const std::string t =
      "## S\n\n<details>\n\n  <summary>Visual Instruction Tuning, NIPS 2023 Oral -> LLaVA-Instruct-150K</summary>\n\n"
      "  [paper](https://arxiv.org/abs/2304.08485) | [Github](https://github.com/haotian-liu/LLaVA)\n  \n</details>\n";
  const auto m = test::model_of(t);
  REQUIRE(m.details.size() == 1);
  const auto& d = m.details[0];
  CHECK(d.closed);
  CHECK(d.has_summary);
  CHECK(d.summary == "Visual Instruction Tuning, NIPS 2023 Oral -> LLaVA-Instruct-150K");
  CHECK(d.title == "Visual Instruction Tuning");
  CHECK(d.venue == "NIPS Oral");
  CHECK(d.year == 2023);
  CHECK(d.target == "LLaVA-Instruct-150K");
  CHECK(d.span.begin == SourcePos{3, 1});
  CHECK(d.span.end.line == 9);
  CHECK(d.has_content);
  CHECK(d.section == 0);
  REQUIRE(d.links.size() == 2);
  const auto& l = m.links[static_cast<std::size_t>(d.links[1])];
  CHECK(l.text == "Github");
  CHECK(l.context == LinkContext::Details);
  CHECK(l.span.begin == SourcePos{7, 47});
  CHECK(at(t, l.span) == "[Github](https://github.com/haotian-liu/LLaVA)");
}

TEST_CASE("details: no blank lines, summary on the <details> line, titles with commas") {
  const std::string t =
      "<details><summary>LLaVA-NeXT: Multi-image, Video, and 3D, 2024 -> M4-Instruct-Data</summary>\n"
      "[raw](https://raw.example)\n"
      "</details>\n\n"
      "<details open>\n<summary>\n<b>Bold</b> &amp; plain\n</summary>\n\n- [a](https://a)\n\n</details>\n";
  const auto m = test::model_of(t);
  REQUIRE(m.details.size() == 2);
  CHECK(m.details[0].title == "LLaVA-NeXT: Multi-image, Video, and 3D");
  CHECK(m.details[0].year == 2024);
  CHECK(m.details[0].venue.empty());
  CHECK(m.details[0].target == "M4-Instruct-Data");
  // Markdown inside the HTML block stays raw text on GitHub: a raw-markdown link.
  REQUIRE(m.details[0].links.size() == 1);
  const auto& raw = m.links[static_cast<std::size_t>(m.details[0].links[0])];
  CHECK(raw.kind == LinkKind::RawMarkdown);
  CHECK(raw.span.begin == SourcePos{2, 1});
  CHECK(at(t, raw.span) == "[raw](https://raw.example)");
  CHECK(m.details[1].open);
  CHECK(m.details[1].summary == "Bold & plain");
  CHECK(m.details[1].title == "Bold & plain");
  CHECK(m.details[1].year == 0);
  REQUIRE(m.entries.size() == 1);
  CHECK(m.entries[0].details == 1);
}

TEST_CASE("details: missing summary, empty card, unclosed and stray tags, nesting") {
  const std::string t =
      "<details>\n<summary>Empty</summary>\n</details>\n\n"
      "</details>\n\n"
      "<details>\n\nno summary here\n\n<details>\n<summary>inner</summary>\n\nx\n\n</details>\n\n"
      "<details>\n<summary>never closed</summary>\n\ntext\n";
  const auto m = test::model_of(t);
  REQUIRE(m.details.size() == 4);
  CHECK_FALSE(m.details[0].has_content);
  CHECK(m.details[0].closed);
  CHECK_FALSE(m.details[1].has_summary);
  CHECK(m.details[2].parent == 1);
  CHECK(m.details[2].closed);
  CHECK_FALSE(m.details[1].closed);  // the outer card swallows the rest, as on GitHub
  CHECK_FALSE(m.details[3].closed);
  int stray = 0, unclosed = 0;
  for (const auto& p : m.problems) {
    if (p.kind == "stray-details-close") {
      ++stray;
      CHECK(p.span.begin == SourcePos{5, 1});
    }
    if (p.kind == "unclosed-details") ++unclosed;
  }
  CHECK(stray == 1);
  CHECK(unclosed == 2);
}

TEST_CASE("details: a card indented inside a list item") {
  const std::string t = "- item\n\n  <details>\n  <summary>S, ICLR 2021</summary>\n\n  [l](https://l)\n  </details>\n";
  const auto m = test::model_of(t);
  REQUIRE(m.details.size() == 1);
  CHECK(m.details[0].span.begin == SourcePos{3, 3});
  CHECK(m.details[0].closed);
  CHECK(m.details[0].summary == "S, ICLR 2021");
  CHECK(m.details[0].venue == "ICLR");
  CHECK(m.details[0].links.size() == 1);
}

TEST_CASE("tables: cells, alignments, numeric columns, written cell counts") {
  const std::string t =
      "| Dataset | Quantity | Link |\n|:--|--:|:-:|\n"
      "| A | 150k | [A](https://a) |\n"
      "| B | 1.6M |\n"
      "| C | 1177.6K | [C](https://c) | extra |\n"
      "D | 5.7k | [D](https://d)\n";
  const auto m = test::model_of(t);
  REQUIRE(m.tables.size() == 1);
  const auto& tb = m.tables[0];
  REQUIRE(tb.columns.size() == 3);
  CHECK(tb.columns[0].align == 'l');
  CHECK(tb.columns[1].align == 'r');
  CHECK(tb.columns[2].align == 'c');
  CHECK(tb.columns[1].numeric);
  CHECK_FALSE(tb.columns[0].numeric);
  CHECK(tb.header.source_cells == 3);
  CHECK(tb.delimiter_cells == 3);
  REQUIRE(tb.rows.size() == 4);
  CHECK(tb.rows[0].source_cells == 3);
  CHECK(tb.rows[1].source_cells == 2);
  CHECK(tb.rows[1].cells.size() == 3);
  CHECK(tb.rows[1].cells[2].padded);
  CHECK(tb.rows[2].source_cells == 4);  // cmark-gfm drops the fourth cell
  CHECK(tb.rows[3].source_cells == 3);
  CHECK_FALSE(tb.rows[3].leading_pipe);
  CHECK(tb.rows[0].cells[1].number == doctest::Approx(150000));
  CHECK(tb.rows[1].cells[1].number == doctest::Approx(1.6e6));
  CHECK(tb.rows[2].cells[1].number == doctest::Approx(1177600));
  CHECK(tb.rows[2].cells[1].text == "1177.6K");
  CHECK(tb.rows[3].cells[1].number == doctest::Approx(5700));
  REQUIRE(tb.rows[3].cells[2].links.size() == 1);
  const auto& d = m.links[static_cast<std::size_t>(tb.rows[3].cells[2].links[0])];
  CHECK(d.context == LinkContext::TableCell);
  CHECK(d.row == 3);
  CHECK(d.cell == 2);
  CHECK(d.span.begin == SourcePos{6, 12});
}

TEST_CASE("tables: escaped pipes and indented rows keep link positions exact") {
  const std::string t =
      "| a \\| b | c |\n|---|---|\n"
      "|  x \\|\\| y | [e](https://e) \\| [g](https://g) |\n"
      "   | p | [q](https://q) |\n";
  const auto m = test::model_of(t);
  REQUIRE(m.tables.size() == 1);
  const auto& tb = m.tables[0];
  CHECK(tb.columns[0].text == "a | b");
  CHECK(tb.header.source_cells == 2);
  REQUIRE(tb.rows.size() == 2);
  CHECK(tb.rows[0].source_cells == 2);
  CHECK(tb.rows[0].cells[0].text == "x || y");
  CHECK(tb.rows[0].cells[1].text == "e | g");
  REQUIRE(m.links.size() == 3);
  for (const auto& l : m.links) CHECK(at(t, l.span) == "[" + l.url.substr(8) + "](" + l.url + ")");
  CHECK(m.links[1].span.begin == SourcePos{3, 33});
  CHECK(m.links[2].span.begin == SourcePos{4, 10});
}

TEST_CASE("tables: a header right under a paragraph line keeps its text and links on its line") {
  // cmark-gfm reports such a header at the paragraph's first line, its inlines' columns counted
  // from there; the first cell (no leading pipe) reports the paragraph's start.
  for (const std::string& t : {std::string("testin\ntestin\n-|"),
                              std::string("> para one\n> ab [l](https://l) | cd x\n> -|-\n"),
                              std::string("para\n| a\\|b [l](https://l) | cd |   \n|-|-|\n")}) {
    CAPTURE(t);
    const auto m = test::model_of(t);
    REQUIRE(m.tables.size() == 1);
    const auto& h = m.tables[0].header;
    CHECK(h.line == 2);
    int in_header = 0;
    for (const auto& run : m.text_runs) {
      if (!run.in_table_header) continue;
      ++in_header;
      const std::size_t line2 = t.find('\n') + 1;
      CHECK(run.bytes.begin >= line2);
      CHECK(run.bytes.end <= t.find('\n', line2));
      CHECK(run.bytes.begin >= h.cells.at(0).span.bytes.begin);
    }
    CHECK(in_header >= 1);
    for (const auto& l : m.links) CHECK(at(t, l.span) == "[l](https://l)");
  }
  // The runs hold the cells' words where the source has them.
  const std::string t = "para\nab | cd x\n-|-\n";
  const auto m = test::model_of(t);
  std::vector<std::string> words;
  for (const auto& run : m.text_runs)
    if (run.in_table_header) words.push_back(t.substr(run.bytes.begin, run.bytes.end - run.bytes.begin));
  CHECK(words == std::vector<std::string>{"ab", "cd x"});
}

TEST_CASE("pieces: the document is cut only where the pieces parse as the whole does") {
  // Each text: where the smallest cut goes, and the model parsed in pieces equals the whole's.
  struct Case {
    const char* what;
    std::string text;
    std::vector<int> starts;
  };
  const std::vector<Case> cases = {
      {"headings after blank lines", "# A\n\ntext\n\n## B\n- [x](https://x) - X.\n\n### C\n", {1, 5, 8}},
      {"no blank line before", "# A\n## B\ntext\n# C\n", {1}},
      {"a heading inside fenced code", "# A\n\n```md\n\n# not\n```\n\n# B\n", {1, 8}},
      {"a longer closing fence, tildes", "# A\n\n~~~~\n\n# not\n~~~\n\n# not\n  ~~~~~\n\n# B\n", {1, 11}},
      {"a backtick line that is no fence", "# A\n\n``` a ` b\n\n# B\n", {1, 5}},
      {"a comment over blank lines", "# A\n\n<!--\n\n# not\n\n-->\n\n# B\n", {1, 9}},
      {"a comment opened in a paragraph", "# A\n\ntext <!-- x\n\n# not\n\n--> y\n\n# B\n", {1, 9}},
      {"pre and script blocks", "# A\n\n<pre>\n\n# not\n</pre>\n\n<SCRIPT>\n\n# not\n</script>\n\n# B\n", {1, 13}},
      {"a heading that closes a list, a quote and a card", "- a\n\n  b\n\n# B\n> q\n\n# C\n<details>\n\n# D\n\n</details>\n", {1, 5, 8, 11}},
      {"indented and non-headings", "# A\n\n #x\n\n    # code\n\n#no\n\n####### seven\n\n#\tB\n", {1, 11}},
      {"a reference definition anywhere", "# A\n\n[x][r]\n\n# B\n\n[r]: https://r\n", {1}},
      {"a definition in a list item", "# A\n\n[x][r]\n\n# B\n\n- > 1. [r]: https://r\n", {1}},
      {"a definition whose label spans lines", "# A\n\n[x][r s]\n\n# B\n\n[r\ns]: https://r\n", {1}},
      {"\"]:\" that starts no definition", "# A\n\n- **X** [24]: y\n\n# B\n", {1, 5}},
      {"CRLF and CR line endings", "# A\r\n\r\ntext\r\n\r\n# B\r\n", {1, 5}},
      {"CR line endings", "# A\r\rtext\r\r# B\r", {1, 5}},
      {"invalid UTF-8 (a comment cmark-gfm does not see closed)", "<!--\xF3-->\n\n# A\n\n# B\n", {1}},
      {"invalid UTF-8 in a fence's info string", "# A\n\n```\xF3\n\n```\n\n# B\n```\n", {1}},
      {"a paragraph cut short by a table header (its text reports line 1)", "\n# |\n|\n|\ne\n|-", {1, 2}},
      {"a link in a paragraph cut short by a table header", "\n#\n|\ne[]()\nL\n|-", {1, 2}},
      {"a BOM", "\xEF\xBB\xBF# A\n\nx\n\n# B\n", {1, 5}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const listlint::Document doc("t.md", c.text);
    CHECK(listlint::parse_pieces(doc, 1) == c.starts);
    CHECK(listlint::parse_pieces(doc, SIZE_MAX) == std::vector<int>{1});
    CHECK(test::pieces_differ(doc) == "");
  }
  // Pieces are at least the size asked for.
  std::string big;
  for (int i = 0; i < 200; ++i) big += "## S" + std::to_string(i) + "\n\n- [e](https://e" + std::to_string(i) + ".example) - E.\n\n";
  const listlint::Document doc("big.md", big);
  const auto starts = listlint::parse_pieces(doc, 1000);
  CHECK(starts.size() > 5);
  for (std::size_t k = 1; k < starts.size(); ++k)
    CHECK(doc.lines().line_begin(starts[k]) - doc.lines().line_begin(starts[k - 1]) >= 1000);
  CHECK(test::pieces_differ(doc) == "");
}

TEST_CASE("pieces: every fixture's model is the same parsed in pieces") {
  int files = 0, cut = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(LISTLINT_SOURCE_DIR) + "/fixtures")) {
    if (e.path().extension() != ".md") continue;
    const listlint::Document doc(e.path().string(), test::read_file(e.path().string()));
    CAPTURE(e.path().string());
    CHECK(test::pieces_differ(doc) == "");
    ++files;
    cut += listlint::parse_pieces(doc, 1).size() > 1;
  }
  CHECK(files > 50);
  CHECK(cut > 10);
}

TEST_CASE("tables: <li> items inside cells") {
  const auto m = test::model_of(
      "| M | Data |\n|---|---|\n| x | <li> PT: [A](https://a), B <li> SFT: [C](https://c) |\n");
  const auto& cell = m.tables.at(0).rows.at(0).cells.at(1);
  REQUIRE(cell.items.size() == 2);
  CHECK(cell.items[0].text == "PT: A, B");
  CHECK(cell.items[0].links.size() == 1);
  CHECK(cell.items[1].text == "SFT: C");
}

TEST_CASE("tables: a cell's HTML <img src> and <a href> are its links, in order") {
  const std::string t =
      "| Date | Cover | Video |\n|---|---|---|\n"
      "| 9/04 | <img src=\"imgs/a.jpg\" width=\"200px\"/> | <a href=\"https://v\">watch</a> [b](https://b) |\n";
  const auto m = test::model_of(t);
  const auto& row = m.tables.at(0).rows.at(0);
  REQUIRE(row.cells.at(1).links.size() == 1);
  const auto& img = m.links.at(static_cast<std::size_t>(row.cells[1].links[0]));
  CHECK(img.kind == LinkKind::Html);
  CHECK(img.image);
  CHECK(img.url == "imgs/a.jpg");
  CHECK(row.cells[1].text.empty());
  REQUIRE(row.cells.at(2).links.size() == 2);
  CHECK(m.links.at(static_cast<std::size_t>(row.cells[2].links[0])).url == "https://v");
  CHECK(m.links.at(static_cast<std::size_t>(row.cells[2].links[1])).url == "https://b");
  CHECK(row.cells[0].links.empty());
}

TEST_CASE("links: kinds, contexts and positions") {
  const std::string t =
      "# T\n\n"
      "See https://bare.example/path). and www.example.com, <https://angle.example>.\n\n"
      "- <https://in-list.example>\n"
      "- [ref][r] and [Collapsed][] and ![img](https://img.example/a.png)\n\n"
      "<p><a href=\"https://html.example?a=1&amp;b=2\">HTML <b>link</b></a> <img src=\"https://i.example/x.svg\" alt=\"X\"></p>\n\n"
      "[r]: https://ref.example\n[collapsed]: <https://collapsed.example>\n";
  const auto m = test::model_of(t);
  std::vector<std::pair<LinkKind, std::string>> got;
  for (const auto& l : m.links) got.emplace_back(l.kind, l.url);
  REQUIRE(m.links.size() == 9);
  CHECK(got[0] == std::pair{LinkKind::Bare, std::string("https://bare.example/path")});
  CHECK(got[1] == std::pair{LinkKind::Bare, std::string("http://www.example.com")});
  CHECK(got[2] == std::pair{LinkKind::Autolink, std::string("https://angle.example")});
  CHECK(got[3] == std::pair{LinkKind::Autolink, std::string("https://in-list.example")});
  CHECK(got[4] == std::pair{LinkKind::Reference, std::string("https://ref.example")});
  CHECK(got[5] == std::pair{LinkKind::Reference, std::string("https://collapsed.example")});
  CHECK(got[6] == std::pair{LinkKind::Inline, std::string("https://img.example/a.png")});
  CHECK(got[7] == std::pair{LinkKind::Html, std::string("https://html.example?a=1&b=2")});
  CHECK(got[8] == std::pair{LinkKind::Html, std::string("https://i.example/x.svg")});
  CHECK(m.links[3].span.begin == SourcePos{5, 3});  // angle autolink in a list item
  CHECK(at(t, m.links[3].span) == "<https://in-list.example>");
  CHECK(m.links[4].label == "r");
  CHECK(m.links[6].image);
  CHECK(m.links[6].text == "img");
  CHECK(m.links[7].text == "HTML link");
  CHECK(m.links[8].text == "X");
  CHECK(m.links[0].context == LinkContext::Other);
  CHECK(m.links[3].context == LinkContext::Entry);
  REQUIRE(m.definitions.size() == 2);
  CHECK(m.definitions[0].uses == 1);
  CHECK(m.definitions[1].uses == 1);
  CHECK(m.definitions[1].url == "https://collapsed.example");
  CHECK(m.definitions[0].span.begin == SourcePos{10, 1});
}

TEST_CASE("links: URLs with parentheses, spaces before ')' and titles") {
  const std::string t =
      "- [Mount](https://en.wikipedia.org/wiki/Mount_(Unix)) - man.\n"
      "- [N](https://numverify.com/?utm=1 ) - trailing space.\n"
      "- [T](https://t.example \"title\") - title.\n";
  const auto m = test::model_of(t);
  REQUIRE(m.links.size() == 3);
  CHECK(m.links[0].url == "https://en.wikipedia.org/wiki/Mount_(Unix)");
  CHECK(t.substr(m.links[0].url_bytes.begin, m.links[0].url_bytes.size()) == m.links[0].url);
  CHECK(t.substr(m.links[1].url_bytes.begin, m.links[1].url_bytes.size()) == "https://numverify.com/?utm=1");
  CHECK(t.substr(m.links[2].url_bytes.begin, m.links[2].url_bytes.size()) == "https://t.example");
  CHECK(m.entries[0].description == "man.");
}

TEST_CASE("entries: name, url, description, depth, tasks, link-less items") {
  const auto m = test::model_of(
      "## Tools\n\n"
      "- [Alpha](https://alpha.example) - Does alpha things.\n"
      "  - [Beta](https://beta.example): nested.\n"
      "- **[Gamma](https://gamma.example)** \xE2\x80\x93 Bold name.\n"
      "- Grouping label\n"
      "- [ ] Add new stuff\n"
      "- [Delta](https://delta.example) -> arrow style.\n");
  REQUIRE(m.entries.size() == 6);
  CHECK(m.entries[0].name == "Alpha");
  CHECK(m.entries[0].url == "https://alpha.example");
  CHECK(m.entries[0].description == "Does alpha things.");
  CHECK(m.entries[0].depth == 1);
  CHECK(m.entries[1].depth == 2);
  CHECK(m.entries[1].parent == 0);
  CHECK(m.entries[1].description == "nested.");
  CHECK(m.entries[2].name == "Gamma");
  CHECK(m.entries[2].description == "Bold name.");
  CHECK(m.entries[3].name.empty());
  CHECK(m.entries[3].link == -1);
  CHECK(m.entries[3].text == "Grouping label");
  CHECK(m.entries[4].task);
  CHECK_FALSE(m.entries[4].checked);
  CHECK(m.entries[5].description == "arrow style.");
  // The separator as written, blanks collapsed.
  CHECK(m.entries[0].separator == " - ");
  CHECK(m.entries[1].separator == ": ");
  CHECK(m.entries[2].separator == " \xE2\x80\x93 ");
  CHECK(m.entries[3].separator.empty());
  CHECK(m.entries[5].separator == " -> ");
  CHECK(m.entries[0].section == 0);
  CHECK(m.lists.size() == 2);
}

TEST_CASE("undefined references: link-like ones are told apart from license tags") {
  const std::string t =
      "| M | Data |\n|---|---|\n"
      "| V | [Webvid](https://w), [InternVid-10M], CC3M |\n"
      "| W | [InternVid-10M](https://i) |\n\n"
      "* [Lib](https://lib) - Desc. [MIT] [Apache2]\n"
      "* [Jpegli][https://github.com/google/jpegli] - broken\n"
      "* Footnote[^1] and an alert and \\[escaped\\]\n\n"
      "> [!NOTE]\n> text\n";
  const auto m = test::model_of(t);
  std::vector<std::string> seen;
  for (const auto& u : m.undefined_refs) seen.push_back(u.text + (u.link_like ? " *" : ""));
  CHECK(seen == std::vector<std::string>{"[InternVid-10M] *", "[MIT]", "[Apache2]",
                                         "[Jpegli][https://github.com/google/jpegli] *"});
  CHECK(m.undefined_refs[0].span.begin == SourcePos{3, 28});
}

TEST_CASE("reference labels match as CommonMark matches them: whitespace collapsed, Unicode case folded") {
  CHECK(listlint::text::fold_label("  The  Beta\nLibrary ") == "the beta library");
  CHECK(listlint::text::fold_label("STRASSE") == listlint::text::fold_label("stra\xC3\x9F" "e"));  // straße
  CHECK(listlint::text::fold_label("\xC3\x84rger") == "\xC3\xA4rger");                        // Ärger, ärger
  CHECK(listlint::text::fold_label("\xCE\xA3\xCE\x91") == listlint::text::fold_label("\xCF\x83\xCE\xB1"));  // ΣΑ, σα
  const auto m = test::model_of("[\xC3\x84rger][] and [STRASSE][] and [Gone][x].\n\n"
                                "[\xC3\xA4rger]: https://a\n[stra\xC3\x9F" "e]: https://s\n");
  REQUIRE(m.definitions.size() == 2);
  CHECK(m.definitions[0].uses == 1);
  CHECK(m.definitions[1].uses == 1);
  REQUIRE(m.undefined_refs.size() == 1);
  CHECK(m.undefined_refs[0].shape == "full");
}

TEST_CASE("title, description and table of contents") {
  const auto m = test::model_of(
      "# Awesome X [![Awesome](https://b.svg)](https://awesome.re)\n\n"
      "[![badge](https://c.svg)](https://c)\n\n"
      "> A curated list of X.\n\n"
      "## Contents\n\n"
      "- [Tools](#tools)\n  - [Sub Tools](#sub-tools)\n"
      "* [Other](#other)\n\n"
      "## Tools\n\n- [a](https://a) - A.\n\n### Sub Tools\n\n## Other\n\n- [b](#tools)\n");
  CHECK(m.title_text == "Awesome X");
  CHECK(m.description == "A curated list of X.");
  REQUIRE(m.toc);
  CHECK(m.toc->lists.size() == 2);  // a change of bullet splits the list; the TOC spans both
  REQUIRE(m.toc->items.size() == 3);
  CHECK(m.toc->items[1].target == "sub-tools");
  CHECK(m.toc->items[1].depth == 2);
  CHECK(m.links[static_cast<std::size_t>(m.toc->items[0].link)].context == LinkContext::Toc);
  CHECK(m.links.back().context == LinkContext::Entry);  // an in-page link outside the TOC
  CHECK(m.sections[m.toc->section].text == "Contents");
}

// The links GitHub renders (cmark-gfm's autolink extension and footnotes; tests/links/ compares
// every fixture and list with cmark-gfm's HTML): each case once missed or invented a link.
TEST_CASE("links: bare URLs, srcset, comments and footnotes as GitHub renders them") {
  const std::string t =
      "# T\n\n"
      "Use foo\\_bar at https://a.example/ now; see http://h.example/ms535874\\(v=vs.85\\).aspx.\n\n"
      "\\[x\\](https://b.example) \"https://q.example/d\" 'https://q.example/s'\n\n"
      "Mirrors: https://m1.example/; https://m2.example/ and https://t.example/a~b~c, https://t.example/x~\n\n"
      "Mail me@mail.example.\n\n"
      "<picture><source srcset=\"a.jpg 1x, b.jpg 2x\"><img src=\"c.jpg\" srcset=\"d.jpg 480w,e.jpg 800w\"></picture>\n\n"
      "<!-- - [Removed](https://gone.example) -->\n\n"
      "<div>\n<!-- [Hidden](https://hidden.example) -->\n[Raw](https://raw.example)\n</div>\n\n"
      "Note[^note].\n\n[^note]: not\n";
  const auto m = test::model_of(t);
  std::vector<std::string> urls;
  for (const auto& l : m.links) urls.push_back(l.url);
  const std::vector<std::string> want = {
      "https://a.example/", "http://h.example/ms535874\\(v=vs.85\\).aspx", "https://b.example",
      "https://q.example/d", "https://q.example/s", "https://m1.example/", "https://m2.example/",
      "https://t.example/a~b~c", "https://t.example/x", "mailto:me@mail.example", "a.jpg", "b.jpg",
      "c.jpg", "d.jpg", "e.jpg", "https://raw.example"};
  CHECK(urls == want);
  // Each link's bytes are where the source writes it.
  for (const auto& l : m.links) {
    INFO(l.url);
    const std::string_view written = std::string_view(t).substr(l.url_bytes.begin, l.url_bytes.size());
    if (l.kind == LinkKind::Bare) CHECK((written == l.url || "mailto:" + std::string(written) == l.url));
    if (l.kind == LinkKind::Html) CHECK(written == l.url);
  }
  CHECK(m.definitions.empty());  // [^note]: is a footnote, not a link reference definition
}
