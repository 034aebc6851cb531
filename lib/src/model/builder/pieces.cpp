// parse_pieces (declared in listlint/model/model.h): where a large document can be cut into pieces that
// cmark-gfm parses one at a time into the same blocks as the whole (build() in walk.cpp).

#include <algorithm>
#include <string_view>
#include <vector>

#include "model/builder/builder.h"

namespace listlint {

using model_builder::starts_with_ci;

// Where the document can be cut into pieces that cmark-gfm parses into the same blocks as the
// whole: before an ATX heading at the start of a line that follows a blank line, outside fenced
// code and outside the HTML blocks that run past blank lines (comments, <pre>, <script>,
// <style>, <textarea>, <?...?>, <!...>, CDATA). Such a heading closes every open block (a list
// item or quote needs indentation or a marker to go on, and a blank line has ended any
// paragraph). Link reference definitions reach across the whole document, so a text that may
// hold one (a line, past quote and list markers, that opens "[label]:") is parsed whole, and so
// is a text with invalid UTF-8 (cmark-gfm's scanners then miss "-->" and fences). The first
// start is line 1.
std::vector<int> parse_pieces(const Document& doc, std::size_t chunk_bytes) {
  const LineIndex& lines = doc.lines();
  std::vector<int> starts{1};
  const std::string_view text = doc.parse_text();
  const int n = lines.line_count();
  if (text.size() <= chunk_bytes) return starts;
  // cmark-gfm's scanners match UTF-8: invalid bytes before a "-->" keep a comment open, in an
  // info string they make a fence line text. Such a file is parsed whole.
  if (!doc.invalid_utf8().empty()) return starts;
  // A definition starts a block, maybe in a quote or list item: "[label]:", the label at most
  // 999 characters, perhaps over several lines.
  for (int l = 1; l <= n; ++l) {
    const std::string_view line = lines.line_text(l);
    std::size_t p = 0;
    for (bool more = true; more;) {
      more = false;
      while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
      if (p < line.size() && line[p] == '>') {
        ++p;
        more = true;
        continue;
      }
      std::size_t q = p;
      if (q < line.size() && (line[q] == '-' || line[q] == '*' || line[q] == '+')) {
        ++q;
      } else {
        while (q < line.size() && q - p < 9 && line[q] >= '0' && line[q] <= '9') ++q;
        if (q > p && q < line.size() && (line[q] == '.' || line[q] == ')')) ++q;
        else q = p;
      }
      if (q > p && (q == line.size() || line[q] == ' ' || line[q] == '\t')) {
        p = q;
        more = true;
      }
    }
    if (p < line.size() && line[p] == '[') {
      const std::size_t from = lines.line_begin(l) + p - (doc.bytes().size() - text.size());
      if (text.substr(from, 1004).find("]:") != std::string_view::npos) return starts;
    }
  }
  auto contains_ci = [](std::string_view s, std::string_view p) {
    for (std::size_t i = 0; i + p.size() <= s.size(); ++i)
      if (starts_with_ci(s.substr(i), p)) return true;
    return false;
  };
  char fence_char = 0;
  std::size_t fence_len = 0;
  std::string_view html_end;  // the end marker of the raw HTML block or comment we are in
  bool prev_blank = false;
  std::size_t piece_begin = lines.line_begin(1);
  for (int l = 1; l <= n; ++l) {
    const std::string_view line = lines.line_text(l);
    std::size_t ind = 0;
    while (ind < line.size() && line[ind] == ' ') ++ind;
    const std::string_view rest = line.substr(std::min(ind, line.size()));
    const bool blank = rest.find_first_not_of(" \t") == std::string_view::npos;
    if (fence_char == 0 && html_end.empty() && prev_blank && !line.empty() && line[0] == '#' &&
        lines.line_begin(l) - piece_begin >= chunk_bytes) {
      std::size_t h = 0;
      while (h < line.size() && line[h] == '#') ++h;
      if (h <= 6 && (h == line.size() || line[h] == ' ' || line[h] == '\t')) {
        starts.push_back(l);
        piece_begin = lines.line_begin(l);
      }
    }
    prev_blank = blank;
    if (fence_char != 0) {
      // A closing fence: the same character, at least as many, at most 3 spaces in, nothing after.
      if (ind <= 3 && !rest.empty() && rest[0] == fence_char) {
        std::size_t k = 0;
        while (k < rest.size() && rest[k] == fence_char) ++k;
        if (k >= fence_len && rest.find_first_not_of(" \t", k) == std::string_view::npos) fence_char = 0;
      }
      continue;
    }
    // Comments are followed through every line (also inline ones: a comment opened in a
    // paragraph keeps us from cutting until it is closed, which costs nothing but a cut).
    for (std::size_t p = 0; p < line.size();) {
      if (html_end.empty()) {
        const std::size_t o = line.find("<!--", p);
        if (o == std::string_view::npos) break;
        html_end = "-->";
        p = o + 4;
      } else {
        const std::size_t c = line.find(html_end, p);
        if (c == std::string_view::npos) break;
        p = c + html_end.size();
        html_end = {};
      }
    }
    if (!html_end.empty()) {
      if (html_end != "-->" && contains_ci(rest, html_end)) html_end = {};
      continue;
    }
    if (ind > 3) continue;
    if (!rest.empty() && (rest[0] == '`' || rest[0] == '~')) {
      std::size_t k = 0;
      while (k < rest.size() && rest[k] == rest[0]) ++k;
      if (k >= 3 && !(rest[0] == '`' && rest.find('`', k) != std::string_view::npos)) {
        fence_char = rest[0];
        fence_len = k;
      }
      continue;
    }
    if (rest.size() >= 2 && rest[0] == '<') {
      std::string_view end;
      for (std::string_view tag : {"script", "pre", "style", "textarea"}) {
        if (starts_with_ci(rest.substr(1), tag)) {
          const std::size_t after = 1 + tag.size();
          if (after == rest.size() || rest[after] == '>' || rest[after] == ' ' || rest[after] == '\t') {
            end = tag == "script" ? "</script>" : tag == "pre" ? "</pre>" : tag == "style" ? "</style>" : "</textarea>";
          }
        }
      }
      if (starts_with_ci(rest, "<![cdata[")) end = "]]>";
      else if (rest[1] == '?') end = "?>";
      else if (rest[1] == '!' && ((rest.size() > 2 && ((rest[2] | 0x20) >= 'a' && (rest[2] | 0x20) <= 'z')))) end = ">";
      if (!end.empty() && !contains_ci(rest.substr(1), end)) html_end = end;
    }
  }
  return starts;
}

}  // namespace listlint
