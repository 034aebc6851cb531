#pragma once
// Small text utilities shared by the model builder.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace listlint::text {

/// The first byte of `s` that is one of `set`, or npos: s.find_first_of(set) without the
/// library's call to memchr over `set` for every byte of `s` (a hot path of the model walk).
inline std::size_t find_any(std::string_view s, std::string_view set) {
  for (std::size_t i = 0; i < s.size(); ++i)
    for (const char c : set)
      if (s[i] == c) return i;
  return std::string_view::npos;
}
/// `s` cut to at most `max` bytes for a message: when longer, whole characters up to max - 3
/// bytes and "...".
std::string shorten(std::string_view s, std::size_t max = 60);
/// Trims ASCII whitespace at both ends.
std::string_view trim(std::string_view s);
/// Trims and collapses runs of ASCII whitespace to one space.
std::string collapse(std::string_view s);
/// collapse() in place (no allocation when there is nothing to change).
void collapse_inplace(std::string& s);
/// collapse(a + b), made from collapse(a) and `collapsed_b` (which is collapse(b)) without reading
/// b again: they are joined by a space where whitespace ends a or starts b.
std::string collapse_join(std::string_view a, std::string_view b, std::string_view collapsed_b);
/// ASCII lowercase with whitespace collapsed: names compared loosely.
std::string normalize_label(std::string_view s);
/// How CommonMark matches link reference labels: whitespace collapsed, Unicode case-folded (full
/// folding, as cmark-gfm's: "ß" and "SS" are one label). ASCII text takes normalize_label's path.
std::string fold_label(std::string_view s);
/// Decodes %XX escapes (invalid ones are kept).
std::string percent_decode(std::string_view s);
/// A URL's comparison key: scheme and host lowercased, the default port and trailing slashes of
/// the path dropped (http://Example.com:80/a/ and http://example.com/a are one URL).
/// Idempotent; text without "://" is returned as it is.
std::string normalize_url(std::string_view url);
/// The page a URL shows, for finding the same link written twice: normalize_url, and also http and
/// https, a leading "www." of the host, a final "index.html" / "index.htm" and a fragment that shows
/// the page from its top (#readme, #readme-ov-file, #top) do not count
/// (http://www.a.org/x/index.html#readme and https://a.org/x are one page; #c and #cpp are not).
/// Idempotent.
std::string page_key(std::string_view url);
/// Parses a quantity such as 150k, 1.6M, 1177.6K, 5.7k, 1,200, ~3B, 100k+.
std::optional<double> parse_quantity(std::string_view s);

}  // namespace listlint::text
