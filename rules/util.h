#pragma once
// Small helpers shared by rule files (not a rule).

#include <string>
#include <string_view>
#include <vector>

#include "listlint/source.h"
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
inline std::string quote(std::string_view s) { return "\"" + text::shorten(s) + "\""; }

/// True for ASCII letters and digits.
inline bool alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// `text` without the spaces and tabs at its ends.
inline std::string_view trim_blanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

/// A table cell that hides a note on purpose: a Markdown comment ("[//]: # note", "[comment]: #")
/// or an HTML comment written past the header's width, where GitHub drops it unseen.
inline bool hidden_note(std::string_view text) {
  if (text.size() >= 7 && text.substr(0, 4) == "<!--" && text.substr(text.size() - 3) == "-->") return true;
  if (text.empty() || text.front() != '[') return false;
  const std::size_t close = text.find("]:");
  if (close == std::string_view::npos || close < 1 || text.find(']') != close) return false;
  std::size_t p = close + 2;
  while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
  return p < text.size() && text[p] == '#';
}

/// True when a row's cells past the header's width hold text (not only empty cells or hidden
/// notes): its cells are then likely out of their columns.
inline bool row_spills(std::string_view src, const std::vector<Span>& dropped) {
  for (const Span& d : dropped) {
    const std::string_view text = trim_blanks(src.substr(d.bytes.begin, d.bytes.size()));
    if (!text.empty() && !hidden_note(text)) return true;
  }
  return false;
}

}  // namespace listlint::rules::util
