// Fuzz target: `check` with every offline rule (typo with the real word table) on arbitrary
// Markdown, and every report format. Findings and their fixes must point inside the file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz.h"
#include "listlint/model/document.h"
#include "listlint/checking/linter.h"
#include "listlint/model/model.h"
#include "listlint/checking/report.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Setup& s = fuzz::setup();
  const listlint::Document doc("fuzz.md", std::string(reinterpret_cast<const char*>(data), size));
  const listlint::ListModel m = listlint::build_model(doc);
  const auto diags = listlint::lint(doc, m, s.config, listlint::rules::all(), s.resources);
  const int lines = doc.lines().line_count();
  for (const auto& d : diags) {
    FUZZ_CHECK(!d.message.empty(), "%s: empty message", d.rule.c_str());
    FUZZ_CHECK(d.range.begin.line >= 1 && d.range.begin.line <= lines + 1 && d.range.begin.column >= 1,
               "%s at %d:%d (%d lines)", d.rule.c_str(), d.range.begin.line, d.range.begin.column, lines);
    FUZZ_CHECK(d.range.bytes.begin <= d.range.bytes.end && d.range.bytes.end <= size, "%s bytes [%zu, %zu) of %zu",
               d.rule.c_str(), d.range.bytes.begin, d.range.bytes.end, size);
    if (!d.fix) continue;
    FUZZ_CHECK(!d.fix->edits.empty(), "%s: a fix without edits", d.rule.c_str());
    std::size_t prev_end = 0;
    for (const auto& e : d.fix->edits) {
      FUZZ_CHECK(e.begin <= e.end && e.end <= size, "%s: edit [%zu, %zu) of %zu", d.rule.c_str(), e.begin, e.end, size);
      FUZZ_CHECK(e.begin >= prev_end, "%s: edits overlap or are out of order", d.rule.c_str());
      prev_end = e.end;
    }
  }
  const std::vector<listlint::FileReport> reports{{"fuzz.md", diags, std::nullopt}};
  (void)listlint::format_text(reports, true, false);
  (void)listlint::format_github(reports);
  (void)listlint::format_json(reports).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  (void)listlint::format_sarif(reports, listlint::rules::all(), "0", "https://example.invalid/")
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return 0;
}
