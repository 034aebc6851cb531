// Fuzz target: the configuration loader and the ignore globs. Any text is either accepted or
// refused with a one-line reason; glob matching ends quickly on any pattern.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz.h"
#include "listlint/checking/config.h"

namespace {

// The matcher glob_match replaced: plain backtracking, exponential in the worst case, so only
// asked about short texts. The two must agree.
bool reference_glob(std::string_view p, std::string_view s) {
  if (p.empty()) return s.empty();
  if (p.size() >= 2 && p[0] == '*' && p[1] == '*') {
    std::string_view rest = p.substr(2);
    if (!rest.empty() && rest[0] == '/') {
      rest.remove_prefix(1);
      if (reference_glob(rest, s)) return true;
      for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == '/' && reference_glob(rest, s.substr(i + 1))) return true;
      return false;
    }
    for (std::size_t i = 0; i <= s.size(); ++i)
      if (reference_glob(rest, s.substr(i))) return true;
    return false;
  }
  if (p[0] == '*') {
    for (std::size_t i = 0; i <= s.size(); ++i) {
      if (reference_glob(p.substr(1), s.substr(i))) return true;
      if (i < s.size() && s[i] == '/') break;
    }
    return false;
  }
  if (s.empty()) return false;
  if (p[0] == '?') return s[0] != '/' && reference_glob(p.substr(1), s.substr(1));
  if (p[0] == '[') {
    const std::size_t close = p.find(']', 1);
    if (close != std::string_view::npos) {
      std::string_view set = p.substr(1, close - 1);
      const bool negate = !set.empty() && (set[0] == '!' || set[0] == '^');
      if (negate) set.remove_prefix(1);
      bool hit = false;
      for (std::size_t i = 0; i < set.size(); ++i) {
        if (i + 2 < set.size() && set[i + 1] == '-') {
          hit |= s[0] >= set[i] && s[0] <= set[i + 2];
          i += 2;
        } else {
          hit |= s[0] == set[i];
        }
      }
      return hit != negate && s[0] != '/' && reference_glob(p.substr(close + 1), s.substr(1));
    }
  }
  return p[0] == s[0] && reference_glob(p.substr(1), s.substr(1));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto& rules = listlint::rules::all();
  static const listlint::Config defaults = listlint::default_config(rules);
  const std::string text(reinterpret_cast<const char*>(data), size);
  listlint::Config config = defaults;
  const auto err = listlint::apply_config(config, text, rules);
  if (err) {
    // One reason per line (all of them are reported), none empty, none holding a raw newline of
    // the input (values are quoted JSON-escaped).
    FUZZ_CHECK(!err->empty(), "an empty reason");
    FUZZ_CHECK(err->front() != '\n' && err->back() != '\n' && err->find("\n\n") == std::string::npos,
               "an empty line among the reasons: %s", err->c_str());
    FUZZ_CHECK(err->find('\r') == std::string::npos, "a carriage return in the reasons: %s", err->c_str());
  } else {
    for (const auto& [id, setting] : config.rules) FUZZ_CHECK(setting.options.is_object(), "%s: options", id.c_str());
    for (const auto& g : config.ignore) (void)listlint::is_ignored(config, g);
  }
  // The text as a glob against itself and a few paths (split at the first newline).
  const std::size_t nl = text.find('\n');
  const std::string pattern = text.substr(0, nl), path = nl == std::string::npos ? text : text.substr(nl + 1);
  (void)listlint::glob_match(pattern, path);
  (void)listlint::glob_match(pattern, "docs/sub/dir/README.md");
  if (pattern.size() <= 16 && path.size() <= 24)
    FUZZ_CHECK(listlint::glob_match(pattern, path) == reference_glob(pattern, path), "glob %s on %s: %d, expected %d",
               pattern.c_str(), path.c_str(), listlint::glob_match(pattern, path), reference_glob(pattern, path));
  // A pattern without wildcards matches exactly itself.
  if (pattern.find_first_of("*?[") == std::string::npos) {
    FUZZ_CHECK(listlint::glob_match(pattern, pattern), "a plain pattern does not match itself");
    FUZZ_CHECK(listlint::glob_match(pattern, path) == (pattern == path), "a plain pattern matches another path");
  }
  return 0;
}
