#pragma once
// Small helpers shared by rule files (not a rule).

#include <string>
#include <string_view>

namespace listlint::rules::util {

/// ASCII lowercase.
inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

/// A quoted excerpt for messages (long texts are shortened).
inline std::string quote(std::string_view s) {
  std::string t(s);
  if (t.size() > 60) {
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    t = t.substr(0, cut) + "...";
  }
  return "\"" + t + "\"";
}

/// True for ASCII letters and digits.
inline bool alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace listlint::rules::util
