// Fuzz target: the document and the model builder on arbitrary bytes. Every position the model
// gives must lie inside the file, and the model must turn into JSON.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz.h"
#include "listlint/model/document.h"
#include "listlint/model/model.h"
#include "listlint/model/model_json.h"

namespace {

void check_span(const listlint::Document& doc, const listlint::Span& s, const char* what) {
  const std::size_t n = doc.bytes().size();
  const int lines = doc.lines().line_count();
  FUZZ_CHECK(s.bytes.begin <= s.bytes.end && s.bytes.end <= n, "%s bytes [%zu, %zu) in a file of %zu", what,
             s.bytes.begin, s.bytes.end, n);
  FUZZ_CHECK(s.begin.line >= 1 && s.begin.line <= lines + 1 && s.begin.column >= 1, "%s begins at %d:%d (%d lines)",
             what, s.begin.line, s.begin.column, lines);
  FUZZ_CHECK(s.end.line >= s.begin.line, "%s ends on line %d before it begins (%d)", what, s.end.line, s.begin.line);
}

void check_range(const listlint::Document& doc, const listlint::ByteRange& r, const char* what) {
  FUZZ_CHECK(r.begin <= r.end && r.end <= doc.bytes().size(), "%s [%zu, %zu) in a file of %zu", what, r.begin, r.end,
             doc.bytes().size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The loader refuses binary input; the model must still cope with whatever it accepts, and
  // with what it refuses (Document never fails).
  std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)listlint::make_document("fuzz.md", bytes);
  const listlint::Document doc("fuzz.md", std::move(bytes));
  const listlint::ListModel m = listlint::build_model(doc);
  for (const auto& l : m.links) {
    check_span(doc, l.span, "link");
    check_range(doc, l.url_bytes, "link url");
    check_range(doc, l.text_bytes, "link text");
    FUZZ_CHECK(l.section < static_cast<int>(m.sections.size()), "link section %d of %zu", l.section, m.sections.size());
    FUZZ_CHECK(l.entry < static_cast<int>(m.entries.size()), "link entry %d of %zu", l.entry, m.entries.size());
    FUZZ_CHECK(l.table < static_cast<int>(m.tables.size()), "link table %d of %zu", l.table, m.tables.size());
    FUZZ_CHECK(l.details < static_cast<int>(m.details.size()), "link card %d of %zu", l.details, m.details.size());
  }
  for (const auto& s : m.sections) {
    check_span(doc, s.span, "heading");
    FUZZ_CHECK(s.parent < static_cast<int>(m.sections.size()), "parent %d", s.parent);
  }
  for (const auto& e : m.entries) check_span(doc, e.span, "entry");
  for (const auto& t : m.tables) {
    check_span(doc, t.span, "table");
    for (const auto& r : t.rows) {
      FUZZ_CHECK(r.cells.size() == t.columns.size(), "a row of %zu cells in a table of %zu columns", r.cells.size(),
                 t.columns.size());
      for (const auto& c : r.cells) check_span(doc, c.span, "cell");
    }
  }
  for (const auto& d : m.details) check_span(doc, d.span, "details");
  const std::string json = listlint::model_to_json(m).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  FUZZ_CHECK(!json.empty(), "empty JSON");
  // Parsed in the smallest pieces, the model is the same (build_model cuts large files).
  const listlint::ListModel pieces = listlint::build_model(doc, {1});
  FUZZ_CHECK(listlint::model_to_json(pieces).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) == json,
             "the model parsed in %zu pieces differs from the whole's", listlint::parse_pieces(doc, 1).size());
  FUZZ_CHECK(pieces.text_runs.size() == m.text_runs.size(), "%zu text runs in pieces, %zu whole", pieces.text_runs.size(),
             m.text_runs.size());
  for (std::size_t i = 0; i < m.text_runs.size() && i < pieces.text_runs.size(); ++i)
    FUZZ_CHECK(pieces.text_runs[i].bytes.begin == m.text_runs[i].bytes.begin &&
                   pieces.text_runs[i].bytes.end == m.text_runs[i].bytes.end &&
                   pieces.text_runs[i].section == m.text_runs[i].section,
               "text run %zu differs in pieces", i);
  return 0;
}
