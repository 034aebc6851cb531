// Document: bytes, BOM, line endings, line index and invalid UTF-8.
#include <doctest/doctest.h>

#include <random>

#include "listlint/model/document.h"
#include "support.h"

using listlint::Document;

TEST_CASE("document: line index maps offsets to code-point columns and back") {
  Document d("t.md", "ab\n\xC3\xA9x\r\ny\rz");
  const auto& li = d.lines();
  CHECK(li.line_count() == 4);
  CHECK(li.line_text(1) == "ab");
  CHECK(li.line_text(2) == "\xC3\xA9x");
  CHECK(li.line_text(3) == "y");  // a lone CR ends a line, as in CommonMark
  CHECK(li.line_text(4) == "z");
  CHECK(li.pos(5) == listlint::SourcePos{2, 2});  // 'x' after a 2-byte 'é'
  CHECK(li.offset(2, 3) == 5);                    // cmark-gfm's byte column 3
  CHECK(d.line_endings().lf == 1);
  CHECK(d.line_endings().crlf == 1);
  CHECK(d.line_endings().cr == 1);
  CHECK_FALSE(d.line_endings().final_newline);
}

TEST_CASE("document: columns count characters on lines of any bytes, as counted one byte at a time") {
  // Lines of random bytes (ASCII, UTF-8 lead and continuation bytes, invalid ones), short and long:
  // the column of every offset, and of spans on one line, against a byte-at-a-time count.
  std::mt19937 rng(7);
  const char pool[] = {'a', ' ', '\x80', '\xBF', '\xC3', '\xA9', '\xE4', '\xB8', '\xF0', '\x9F', '\xFF', '\n'};
  for (int round = 0; round < 40; ++round) {
    std::string text;
    const std::size_t n = 1 + rng() % (round < 20 ? 40 : 600);
    for (std::size_t i = 0; i < n; ++i) text += pool[rng() % sizeof pool];
    Document d("t.md", text);
    const auto& li = d.lines();
    for (std::size_t off = 0; off <= text.size(); ++off) {
      const auto p = li.pos(off);
      std::size_t b = li.line_begin(p.line);
      int column = 1;
      for (std::size_t i = b; i < off; ++i) column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
      REQUIRE(p.column == column);
      const std::size_t e = li.line_end(p.line);
      if (off <= e) {
        const std::size_t end = off + rng() % (e - off + 1);
        int c2 = column;
        for (std::size_t i = off; i < end; ++i) c2 += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        const auto sp = li.span(off, end);
        REQUIRE(sp.begin.column == column);
        REQUIRE(sp.end.column == c2);
        REQUIRE(sp.end.line == p.line);
      }
    }
  }
}

TEST_CASE("document: a UTF-8 BOM is skipped, byte offsets still count it") {
  const auto m = test::model_of("\xEF\xBB\xBF## \xE7\x9B\xAE\xE5\xBD\x95\n\n* [a](#b)\n");
  CHECK(m.has_bom);
  REQUIRE(m.sections.size() == 1);  // line 1 is still a heading
  CHECK(m.sections[0].span.begin == listlint::SourcePos{1, 1});
  CHECK(m.sections[0].span.bytes.begin == 3);
  REQUIRE(m.links.size() == 1);
  CHECK(m.links[0].span.begin == listlint::SourcePos{3, 3});
}

TEST_CASE("document: CRLF files give the same model as LF files") {
  const std::string lf = "# T\n\n- [a](https://a) - A.\n\n| x | y |\n|---|---|\n| 1 | [b](https://b) |\n";
  std::string crlf;
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const auto a = test::model_of(lf), b = test::model_of(crlf);
  REQUIRE(a.links.size() == b.links.size());
  for (std::size_t i = 0; i < a.links.size(); ++i) {
    CHECK(a.links[i].span.begin == b.links[i].span.begin);
    CHECK(a.links[i].url == b.links[i].url);
  }
  CHECK(b.line_endings.crlf == 7);
  CHECK(b.tables.at(0).rows.at(0).source_cells == 2);
  CHECK(b.entries.at(0).description == "A.");
}

TEST_CASE("document: invalid UTF-8 is recorded, not fatal") {
  const auto m = test::model_of("# Caf\xE9\n\ntext \xFF\xFE [x](https://x)\n");
  REQUIRE(m.problems.size() == 2);
  CHECK(m.problems[0].kind == "invalid-utf8");
  CHECK(m.problems[0].span.begin == listlint::SourcePos{1, 6});
  CHECK(m.problems[1].span.begin == listlint::SourcePos{3, 6});
  CHECK(m.sections.at(0).text == "Caf\xEF\xBF\xBD");  // repaired for output
  REQUIRE(m.links.size() == 1);
  CHECK(m.links[0].span.begin == listlint::SourcePos{3, 9});  // bad bytes count one column each
  CHECK(listlint::is_valid_utf8(m.sections[0].text));
}

TEST_CASE("document: NUL bytes keep later columns exact") {
  std::string s = "para\n\nab";
  s += '\0';
  s += " [x](https://x)\n";
  std::string big(9000, 'a');  // NUL after the first 8000 bytes: text, not binary
  const auto r = listlint::make_document("n.md", big + "\n\n" + s);
  REQUIRE(r.document);
  const auto m = listlint::build_model(*r.document);
  REQUIRE(m.links.size() == 1);
  CHECK(m.links[0].span.begin.column == 5);
  CHECK(m.problems.at(0).kind == "nul-byte");
}

TEST_CASE("document: load errors are one line naming the reason") {
  const std::string dir = test::temp_dir("load");
  auto r = listlint::load_document(dir + "/missing.md");
  REQUIRE(r.error);
  CHECK(r.error->reason == "No such file or directory");
  r = listlint::load_document(dir);
  REQUIRE(r.error);
  CHECK(r.error->reason.find("directory") != std::string::npos);
  r = listlint::load_document(test::write_file(dir + "/bin.md", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11)));
  REQUIRE(r.error);
  CHECK(r.error->reason.find("binary") != std::string::npos);
  r = listlint::load_document(test::write_file(dir + "/u16.md", std::string("\xFF\xFE#\0 \0", 6)));
  REQUIRE(r.error);
  CHECK(r.error->reason.find("UTF-16") != std::string::npos);
  r = listlint::load_document(test::write_file(dir + "/empty.md", ""));
  REQUIRE(r.document);
  const auto m = listlint::build_model(*r.document);
  CHECK(m.sections.empty());
  CHECK(m.line_count == 0);
}
