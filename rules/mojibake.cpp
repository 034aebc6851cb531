// mojibake: UTF-8 text that was misread as Windows-1252 (or Latin-1) and saved again, and other
// damage from encoding conversions: U+FFFD, invalid bytes, stray BOMs and zero-width characters.

#include <string>
#include <unordered_set>
#include <vector>

#include "listlint/checking/rule.h"

namespace listlint::rules {
namespace {

struct Cp {
  char32_t cp;
  std::size_t begin, end;  // byte offsets in the file
};

// Decodes [b, e) of the file; invalid bytes become U+FFFD of one byte.
std::vector<Cp> decode(std::string_view s, std::size_t b, std::size_t e) {
  std::vector<Cp> out;
  for (std::size_t i = b; i < e;) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    bool ok = len != 0 && i + len <= e;
    for (std::size_t k = 1; ok && k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok) {
      out.push_back({0xFFFD, i, i + 1});
      ++i;
      continue;
    }
    out.push_back({cp, i, i + len});
    i += len;
  }
  return out;
}

// The byte Windows-1252 (or Latin-1 for its gaps) shows as `cp`, or -1.
int cp1252_byte(char32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);  // Latin-1, and C1 for cp1252's gaps
  switch (cp) {
    case 0x20AC: return 0x80; case 0x201A: return 0x82; case 0x0192: return 0x83; case 0x201E: return 0x84;
    case 0x2026: return 0x85; case 0x2020: return 0x86; case 0x2021: return 0x87; case 0x02C6: return 0x88;
    case 0x2030: return 0x89; case 0x0160: return 0x8A; case 0x2039: return 0x8B; case 0x0152: return 0x8C;
    case 0x017D: return 0x8E; case 0x2018: return 0x91; case 0x2019: return 0x92; case 0x201C: return 0x93;
    case 0x201D: return 0x94; case 0x2022: return 0x95; case 0x2013: return 0x96; case 0x2014: return 0x97;
    case 0x02DC: return 0x98; case 0x2122: return 0x99; case 0x0161: return 0x9A; case 0x203A: return 0x9B;
    case 0x0153: return 0x9C; case 0x017E: return 0x9E; case 0x0178: return 0x9F;
    default: return -1;
  }
}

// Length of the valid multi-byte UTF-8 sequence at bytes[i], or 0.
std::size_t seq(const std::vector<int>& bytes, std::size_t i) {
  const int c = bytes[i];
  const std::size_t len = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
  if (len == 0 || i + len > bytes.size()) return 0;
  for (std::size_t k = 1; k < len; ++k)
    if ((bytes[i + k] & 0xC0) != 0x80) return 0;
  if (c == 0xE0 && bytes[i + 1] < 0xA0) return 0;
  if (c == 0xED && bytes[i + 1] >= 0xA0) return 0;
  if (c == 0xF0 && bytes[i + 1] < 0x90) return 0;
  if (c == 0xF4 && bytes[i + 1] >= 0x90) return 0;
  return len;
}

// Undoes one misreading of `text` (every character must map back to a byte, and the bytes must be
// valid multi-byte UTF-8 throughout). Empty when it is not mojibake.
std::string undo(const std::u32string& text) {
  std::vector<int> bytes;
  for (char32_t c : text) {
    const int b = cp1252_byte(c);
    if (b < 0) return "";
    bytes.push_back(b);
  }
  std::string out;
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t len = seq(bytes, i);
    if (len == 0) return "";
    for (std::size_t k = 0; k < len; ++k) out += static_cast<char>(bytes[i + k]);
    i += len;
  }
  return out;
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  for (const Cp& c : decode(s, 0, s.size())) out += c.cp;
  return out;
}

std::string quote(const std::string& s) { return "\"" + s + "\""; }

std::string hex(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

/// Flags text that is UTF-8 misread as Windows-1252 or Latin-1 (once or twice) and fixes it by
/// reversing the misreading; also U+FFFD, invalid UTF-8, NUL bytes, a BOM inside the text and
/// zero-width characters.
class Mojibake final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "mojibake",
        "Text was damaged by an encoding conversion: UTF-8 misread as Windows-1252 or Latin-1 "
        "(\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xA5 for \xF0\x9F\x94\xA5), replacement characters, invalid bytes, "
        "a BOM or zero-width characters inside the text.",
        {"encoding", "content"},
        Severity::Error,
        true,
        {}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const std::string_view src = ctx.doc.bytes();
    const auto& lines = ctx.doc.lines();
    std::vector<char> in_code(static_cast<std::size_t>(lines.line_count()) + 2, 0);
    for (const CodeBlock& c : ctx.model.code_blocks)
      for (int l = c.span.begin.line; l <= c.span.end.line && l <= lines.line_count(); ++l) in_code[static_cast<std::size_t>(l)] = 1;
    std::unordered_set<std::size_t> invalid_at;
    for (const auto& bad : ctx.doc.invalid_utf8()) {
      invalid_at.insert(bad.offset);
      out.report(lines.span(bad.offset, bad.offset + bad.length),
                 std::to_string(bad.length) + " byte(s) of invalid UTF-8: the file was saved in another encoding "
                 "or damaged; re-save it as UTF-8");
    }
    for (std::size_t nul : ctx.doc.nul_bytes())
      out.report(lines.span(nul, nul + 1), "NUL byte in the text; remove it");

    for (int ln = 1; ln <= lines.line_count(); ++ln) {
      if (lines.ascii(ln) || in_code[static_cast<std::size_t>(ln)]) continue;
      // Only the characters beyond ASCII can be reported: the line is decoded in segments, each a
      // run of bytes beyond ASCII with the ASCII character on either side of it (whether an
      // invisible character stands between ASCII ones). (A character beyond ASCII holds no ASCII
      // byte, so the segments decode as the whole line would.)
      const std::size_t lb = lines.line_begin(ln), le = lines.line_end(ln);
      for (std::size_t q = lb; q < le;) {
        while (q < le && static_cast<unsigned char>(src[q]) < 0x80) ++q;
        if (q == le) break;
        std::size_t r = q;
        while (r < le && static_cast<unsigned char>(src[r]) >= 0x80) ++r;
        scan_segment(decode(src, q > lb ? q - 1 : q, r < le ? r + 1 : r), src, lines, invalid_at, out);
        q = r;
      }
    }
  }

 private:
  // Reports what the characters `cps` (a segment of a line) hold.
  void scan_segment(const std::vector<Cp>& cps, std::string_view src, const LineIndex& lines,
                    const std::unordered_set<std::size_t>& invalid_at, Reporter& out) const {
    for (std::size_t i = 0; i < cps.size();) {
      const Cp& c = cps[i];
      // Invisible characters that conversions and copy-paste leave behind.
      const bool ascii_around = i > 0 && i + 1 < cps.size() && cps[i - 1].cp < 0x80 && cps[i + 1].cp < 0x80;
      if (c.cp == 0xFEFF || c.cp == 0x200B || c.cp == 0x2060 ||
          ((c.cp == 0x200C || c.cp == 0x200D) && ascii_around)) {
        const bool bom = c.cp == 0xFEFF;
        out.report(lines.span(c.begin, c.end),
                   (bom ? std::string("A byte order mark (U+FEFF) inside the text") : "An invisible " + hex(c.cp) + " character") +
                       "; remove it",
                   Fix{{TextEdit{c.begin, c.end, ""}}});
        ++i;
        continue;
      }
      if (c.cp == 0xFFFD && !invalid_at.count(c.begin)) {
        out.report(lines.span(c.begin, c.end),
                   "Replacement character U+FFFD: a character was lost in an encoding conversion; restore it");
        ++i;
        continue;
      }
      // A run of characters that Windows-1252 shows for bytes >= 0x80.
      std::size_t j = i;
      while (j < cps.size() && cps[j].cp >= 0x80 && cp1252_byte(cps[j].cp) >= 0) ++j;
      if (j == i) { ++i; continue; }
      // Within the run, the longest stretches that decode as UTF-8.
      std::size_t k = i;
      while (k < j) {
        std::size_t best_end = k;
        std::string fixed;
        for (std::size_t end = j; end > k + 1; --end) {
          std::u32string piece;
          for (std::size_t q = k; q < end; ++q) piece += cps[q].cp;
          std::string once = undo(piece);
          if (once.empty()) continue;
          // Misread twice? Undo again while it still decodes.
          for (int round = 0; round < 2; ++round) {
            const std::u32string again = to_u32(once);
            bool all_high = !again.empty();
            for (char32_t a : again) all_high &= a >= 0x80 && cp1252_byte(a) >= 0;
            if (!all_high) break;
            const std::string twice = undo(again);
            if (twice.empty()) break;
            once = twice;
          }
          best_end = end;
          fixed = once;
          break;
        }
        if (best_end == k) { ++k; continue; }
        const std::size_t b = cps[k].begin, e = cps[best_end - 1].end;
        const std::string shown(src.substr(b, e - b));
        out.report(lines.span(b, e),
                   "Mojibake: " + quote(shown) + " is " + quote(fixed) +
                       " misread as Windows-1252 and saved again; --fix restores it",
                   Fix{{TextEdit{b, e, fixed}}});
        k = best_end;
      }
      i = j;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_mojibake() { return std::make_unique<Mojibake>(); }

}  // namespace listlint::rules
