// Fuzz target: the configuration loader and the ignore globs. Any text is either accepted or
// refused with a one-line reason; glob matching ends quickly on any pattern.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz.h"
#include "listlint/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto& rules = listlint::rules::all();
  const std::string text(reinterpret_cast<const char*>(data), size);
  listlint::Config config = listlint::default_config(rules);
  const auto err = listlint::apply_config(config, text, rules);
  if (err) {
    FUZZ_CHECK(!err->empty(), "an empty reason");
    FUZZ_CHECK(err->find('\n') == std::string::npos, "a reason of several lines: %s", err->c_str());
  } else {
    for (const auto& [id, setting] : config.rules) FUZZ_CHECK(setting.options.is_object(), "%s: options", id.c_str());
    for (const auto& g : config.ignore) (void)listlint::is_ignored(config, g);
  }
  // The text as a glob against itself and a few paths (split at the first newline).
  const std::size_t nl = text.find('\n');
  const std::string pattern = text.substr(0, nl), path = nl == std::string::npos ? text : text.substr(nl + 1);
  (void)listlint::glob_match(pattern, path);
  (void)listlint::glob_match(pattern, "docs/sub/dir/README.md");
  // A pattern without wildcards matches exactly itself.
  if (pattern.find_first_of("*?[") == std::string::npos) {
    FUZZ_CHECK(listlint::glob_match(pattern, pattern), "a plain pattern does not match itself");
    FUZZ_CHECK(listlint::glob_match(pattern, path) == (pattern == path), "a plain pattern matches another path");
  }
  return 0;
}
