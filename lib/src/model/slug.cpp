#include "listlint/model/slug.h"

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <vector>

namespace listlint {
namespace {

bool removed_by_slugger(UChar32 c) {
  if (c == 0x20 || c == 0x2D) return false;  // space and hyphen-minus survive
  switch (u_charType(c)) {
    case U_OTHER_NUMBER:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_DASH_PUNCTUATION:
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
    case U_CONTROL_CHAR:
    case U_PRIVATE_USE_CHAR:
    case U_FORMAT_CHAR:
    case U_UNASSIGNED:
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return !u_hasBinaryProperty(c, UCHAR_ALPHABETIC);
    default:
      return false;
  }
}

void append_utf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t len = 0;
  UBool err = false;
  U8_APPEND(buf, len, 4, c, err);
  if (!err) out.append(buf, static_cast<std::size_t>(len));
}

std::string slug_ascii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c + 32);
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') out += ch;
    else if (c == ' ') out += '-';
  }
  return out;
}

}  // namespace

std::string github_slug(std::string_view text) {
  bool ascii = true;
  for (char ch : text) {
    if (static_cast<unsigned char>(ch) >= 0x80) { ascii = false; break; }
  }
  if (ascii) return slug_ascii(text);

  // UTF-8 -> UTF-16 (dropping U+FE0F and invalid bytes), full lowercase, then filter.
  std::vector<UChar> u16;
  u16.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || c == 0xFE0F) continue;
    if (c <= 0xFFFF) {
      u16.push_back(static_cast<UChar>(c));
    } else {
      u16.push_back(U16_LEAD(c));
      u16.push_back(U16_TRAIL(c));
    }
  }
  std::vector<UChar> lower(u16.size() * 3 + 4);
  UErrorCode status = U_ZERO_ERROR;
  // The root locale ("") gives JavaScript's toLowerCase(): full mappings, final sigma.
  int32_t len = u_strToLower(lower.data(), static_cast<int32_t>(lower.size()), u16.data(),
                             static_cast<int32_t>(u16.size()), "", &status);
  if (U_FAILURE(status)) return slug_ascii(text);
  std::string out;
  out.reserve(text.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U16_NEXT(lower.data(), i, len, c);
    if (c == 0x20) out += '-';
    else if (!removed_by_slugger(c)) append_utf8(out, c);
  }
  return out;
}

std::string Slugger::next(std::string_view text) {
  const std::string original = github_slug(text);
  std::string slug = original;
  // github-slugger: while the candidate is taken, bump the counter of the *original* slug.
  while (occurrences_.count(slug) != 0) {
    const int n = ++occurrences_[original];
    slug = original + "-" + std::to_string(n);
  }
  occurrences_.emplace(slug, 0);
  return slug;
}

void Slugger::reset() {
  occurrences_.clear();
}

}  // namespace listlint
