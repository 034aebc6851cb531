#include "listlint/model/text.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>

namespace listlint::text {
namespace {
bool ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && ws(s[b])) ++b;
  while (e > b && ws(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string collapse(std::string_view s) {
  std::string out(s);
  collapse_inplace(out);
  return out;
}

std::string collapse_join(std::string_view a, std::string_view b, std::string_view collapsed_b) {
  std::string out(a);
  collapse_inplace(out);
  if (collapsed_b.empty()) return out;
  if (!out.empty() && (ws(a.back()) || ws(b.front()))) out += ' ';
  out += collapsed_b;
  return out;
}

std::string shorten(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t cut = max >= 3 ? max - 3 : 0;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole characters
  return std::string(s.substr(0, cut)) + "...";
}

void collapse_inplace(std::string& s) {
  // One pass: whitespace runs become one space, none at either end (the check for space and
  // below comes first: most bytes are neither).
  char* p = s.data();
  const std::size_t n = s.size();
  // (Most text is collapsed already: single spaces between words. It is only read up to its first
  // other whitespace, and written from there.)
  std::size_t r = 0;
  if (n > 0 && !ws(p[0])) {
    for (r = 1; r < n; ++r) {
      if (static_cast<unsigned char>(p[r]) > ' ' || !ws(p[r])) continue;
      if (p[r] == ' ' && r + 1 < n && !ws(p[r + 1])) {
        ++r;  // (a single space before a word: kept as it is)
        continue;
      }
      break;
    }
    if (r == n) return;
  }
  std::size_t w = r;
  bool pending = false;
  for (; r < n; ++r) {
    const char c = p[r];
    if (static_cast<unsigned char>(c) <= ' ' && ws(c)) {
      pending = w > 0;
      continue;
    }
    if (pending) p[w++] = ' ';
    pending = false;
    p[w++] = c;
  }
  s.resize(w);
}

std::string normalize_label(std::string_view s) {
  std::string out = collapse(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

std::string fold_label(std::string_view s) {
  std::string out = normalize_label(s);
  if (std::all_of(out.begin(), out.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return out;
  std::vector<UChar> u16;
  u16.reserve(out.size());
  const auto* b = reinterpret_cast<const std::uint8_t*>(out.data());
  const auto n = static_cast<int32_t>(out.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(b, i, n, c);
    if (c < 0) c = 0xFFFD;
    if (c <= 0xFFFF) {
      u16.push_back(static_cast<UChar>(c));
    } else {
      u16.push_back(U16_LEAD(c));
      u16.push_back(U16_TRAIL(c));
    }
  }
  std::vector<UChar> folded(u16.size() * 3 + 4);
  UErrorCode status = U_ZERO_ERROR;
  const int32_t len = u_strFoldCase(folded.data(), static_cast<int32_t>(folded.size()), u16.data(),
                                    static_cast<int32_t>(u16.size()), U_FOLD_CASE_DEFAULT, &status);
  if (U_FAILURE(status)) return out;
  std::string r;
  r.reserve(out.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U16_NEXT(folded.data(), i, len, c);
    char buf[4];
    int32_t k = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<std::uint8_t*>(buf), k, 4, c, error);
    if (!error) r.append(buf, static_cast<std::size_t>(k));
  }
  return r;
}

std::string normalize_url(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  auto lower = [](std::string_view v) {
    std::string out(v);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
  };
  const std::string scheme = lower(url.substr(0, scheme_end));
  const std::string_view rest = url.substr(scheme_end + 3);
  const std::size_t host_end = std::min(find_any(rest, "/?#"), rest.size());
  std::string host = lower(rest.substr(0, host_end));
  const std::string_view port = scheme == "http" ? ":80" : scheme == "https" ? ":443" : "";
  while (!port.empty() && host.size() > port.size() && host.ends_with(port)) host.resize(host.size() - port.size());
  const std::string_view tail = rest.substr(host_end);
  std::string_view path = tail.substr(0, std::min(find_any(tail, "?#"), tail.size()));
  const std::string_view after = tail.substr(path.size());
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  std::string out;
  out.reserve(url.size());
  out.append(scheme).append("://").append(host).append(path).append(after);
  return out;
}

std::string page_key(std::string_view url) {
  std::string u = normalize_url(url);
  const std::size_t scheme_end = u.find("://");
  if (scheme_end == std::string::npos) return u;
  std::string_view scheme = std::string_view(u).substr(0, scheme_end);
  if (scheme == "http") scheme = "https";
  std::string_view rest = std::string_view(u).substr(scheme_end + 3);
  // A fragment that picks a section is another target ("#c" and "#cpp" of one book list); those
  // that show the page from its top are not (GitHub's "#readme" and "#readme-ov-file", "#top").
  const std::size_t hash = rest.find('#');
  std::string_view fragment;
  if (hash != std::string_view::npos) {
    fragment = rest.substr(hash);
    rest = rest.substr(0, hash);
    if (fragment == "#" || fragment == "#readme" || fragment == "#readme-ov-file" || fragment == "#top")
      fragment = {};
  }
  const std::size_t host_end = std::min(find_any(rest, "/?"), rest.size());
  const std::size_t path_end = std::min(rest.find('?'), rest.size());
  std::string_view host = rest.substr(0, host_end);
  std::string_view path = rest.substr(host_end, path_end - host_end);
  for (bool again = true; again;) {  // "www.a.org:443" -> "a.org"
    again = false;
    for (std::string_view port : {":80", ":443"})
      if (host.size() > port.size() && host.ends_with(port)) host.remove_suffix(port.size()), again = true;
    if (host.size() > 4 && host.starts_with("www.")) host.remove_prefix(4), again = true;
  }
  for (;;) {  // "/x/index.html/" -> "/x"
    const std::size_t before = path.size();
    while (!path.empty() && path.back() == '/') path.remove_suffix(1);
    for (std::string_view index : {"/index.html", "/index.htm"})
      if (path.size() >= index.size() && path.substr(path.size() - index.size()) == index)
        path.remove_suffix(index.size());
    if (path.size() == before) break;
  }
  std::string out;
  out.reserve(u.size());
  out.append(scheme).append("://").append(host).append(path).append(rest.substr(path_end)).append(fragment);
  return out;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int h = hexval(s[i + 1]), l = hexval(s[i + 2]);
      if (h >= 0 && l >= 0) {
        out += static_cast<char>(h * 16 + l);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::optional<double> parse_quantity(std::string_view s) {
  s = trim(s);
  if (!s.empty() && (s[0] == '~' || s[0] == '>' || s[0] == '<')) s = trim(s.substr(1));
  if (s.size() >= 2 && s.compare(0, 2, "\xE2\x89") == 0) return std::nullopt;
  if (!s.empty() && s.back() == '+') s = trim(s.substr(0, s.size() - 1));
  if (s.empty()) return std::nullopt;
  std::string digits;
  std::size_t i = 0;
  bool seen_digit = false, seen_dot = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') { digits += c; seen_digit = true; }
    else if (c == '.' && !seen_dot) { digits += c; seen_dot = true; }
    else if (c == ',' && seen_digit && !seen_dot) {
      // 1,200: a comma must be followed by exactly three digits
      if (i + 3 < s.size() && s[i + 3] >= '0' && s[i + 3] <= '9') return std::nullopt;
      for (std::size_t k = 1; k <= 3; ++k)
        if (i + k >= s.size() || s[i + k] < '0' || s[i + k] > '9') return std::nullopt;
    } else break;
  }
  if (!seen_digit) return std::nullopt;
  std::string_view rest = trim(s.substr(i));
  double mult = 1;
  if (!rest.empty()) {
    if (rest.size() != 1) return std::nullopt;
    switch (rest[0]) {
      case 'k': case 'K': mult = 1e3; break;
      case 'm': case 'M': mult = 1e6; break;
      case 'b': case 'B': mult = 1e9; break;
      case 't': case 'T': mult = 1e12; break;
      default: return std::nullopt;
    }
  }
  char* end = nullptr;
  const double v = std::strtod(digits.c_str(), &end);
  if (end == digits.c_str() || !std::isfinite(v)) return std::nullopt;
  return v * mult;
}

}  // namespace listlint::text
