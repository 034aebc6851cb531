// Fuzz target: --fix. Fixing must reach a fixed point (nothing fixable left after the passes
// listlint allows), the result must lint again without crashing, and it must not grow without
// bound.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz.h"
#include "listlint/model/document.h"
#include "listlint/checking/linter.h"
#include "listlint/model/model.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Setup& s = fuzz::setup();
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto r = listlint::fix_document("fuzz.md", input, s.config, listlint::rules::all(), s.resources);
  FUZZ_CHECK(r.passes <= 10, "%d passes", r.passes);
  // No fix adds more than a few bytes per byte it touches (<...> around a URL, a corrected
  // word): ten passes over the file cannot more than triple it.
  FUZZ_CHECK(r.bytes.size() <= 3 * size + 64, "%zu bytes fixed into %zu", size, r.bytes.size());
  // A fixed point: what --fix leaves must have nothing left that --fix claims to fix.
  const listlint::Document doc("fuzz.md", r.bytes);
  const auto again = listlint::lint(doc, listlint::build_model(doc), s.config, listlint::rules::all(), s.resources);
  for (const auto& d : again)
    FUZZ_CHECK(!d.fix, "after %d passes, %s at %d:%d is still fixable: %s", r.passes, d.rule.c_str(),
               d.range.begin.line, d.range.begin.column, d.message.c_str());
  return 0;
}
