#pragma once
// Small helpers shared by rule files (not a rule).

#include <string>
#include <string_view>

#include "listlint/text.h"

namespace listlint::rules::util {

/// ASCII lowercase, in place.
inline void lower_inplace(std::string& s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
}

/// ASCII lowercase.
inline std::string lower(std::string_view s) {
  std::string out(s);
  lower_inplace(out);
  return out;
}

/// A quoted excerpt for messages (long texts are shortened).
/// Does `s` start with `prefix`, ASCII case-insensitively?
inline bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if ((s[i] | 0x20) != (prefix[i] | 0x20)) return false;
  return true;
}

inline std::string quote(std::string_view s) { return "\"" + text::shorten(s) + "\""; }

/// True for ASCII letters and digits.
inline bool alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace listlint::rules::util
