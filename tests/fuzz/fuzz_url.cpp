// Fuzz target: URL handling (normalisation, percent-decoding, the link
// checker's skip and GitHub tests; bare URLs are cmark-gfm's, fuzzed by fuzz_model) and the HTML scanner (tags, attributes, entities).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz.h"
#include "model/html.h"
#include "listlint/model/document.h"
#include "listlint/links/linkcheck.h"
#include "listlint/model/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string s(reinterpret_cast<const char*>(data), size);

  // URLs.
  const std::string n = listlint::text::normalize_url(s);
  FUZZ_CHECK(listlint::text::normalize_url(n) == n, "normalize_url is not idempotent on %s", s.c_str());
  FUZZ_CHECK(n.size() <= s.size(), "normalize_url grew %zu bytes into %zu", s.size(), n.size());
  const std::string page = listlint::text::page_key(s);
  FUZZ_CHECK(listlint::text::page_key(page) == page, "page_key is not idempotent on %s", s.c_str());
  FUZZ_CHECK(listlint::text::percent_decode(s).size() <= s.size(), "percent_decode grew");
  (void)listlint::skip_reason(s);
  (void)listlint::local_http_url(s);
  const std::string repo = listlint::github_repository(s);
  FUZZ_CHECK(repo.empty() || repo.find('/') != std::string::npos, "github_repository gave %s", repo.c_str());
  (void)listlint::private_address(s);

  // HTML.
  std::size_t last = 0;
  for (const auto& t : listlint::html::scan_tags(s)) {
    FUZZ_CHECK(t.begin >= last && t.begin < t.end && t.end <= s.size(), "tag [%zu, %zu) of %zu", t.begin, t.end,
               s.size());
    // A comment left open runs to the end of the text, as in HTML.
    FUZZ_CHECK(s[t.begin] == '<' && (s[t.end - 1] == '>' || (t.comment && t.end == s.size())),
               "tag [%zu, %zu) is not <...>", t.begin, t.end);
    for (const auto& a : t.attributes) {
      FUZZ_CHECK(a.value_begin <= a.value_end && a.value_begin >= t.begin && a.value_end <= t.end,
                 "attribute %s value [%zu, %zu) outside its tag [%zu, %zu)", a.name.c_str(), a.value_begin,
                 a.value_end, t.begin, t.end);
      FUZZ_CHECK(s.compare(a.value_begin, a.value_end - a.value_begin, a.value) == 0, "attribute %s value misplaced",
                 a.name.c_str());
    }
    last = t.end;
  }
  const std::string decoded = listlint::html::decode_entities(s);
  if (listlint::is_valid_utf8(s))
    FUZZ_CHECK(listlint::is_valid_utf8(decoded), "decode_entities made invalid UTF-8 from valid input");
  (void)listlint::html::strip_tags(s);
  return 0;
}
