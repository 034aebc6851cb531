// `listlint explain ID` for a terminal: the rule's Markdown page as wrapped plain text.
#include "explain.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sstream>
#include <vector>

namespace listlint::cli {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

/// Columns a string takes on a terminal: code points, wide ones (CJK, emoji) as two, combining
/// marks, zero-width joiners and variation selectors as none.
int display_width(std::string_view s) {
  int w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + n > s.size()) n = s.size() - i;
    char32_t cp = n == 1 ? c : static_cast<char32_t>(c & (0x7F >> n));
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    if ((cp >= 0x0300 && cp <= 0x036F) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F)) continue;
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x1F300 && cp <= 0x1FAFF);
    w += wide ? 2 : 1;
  }
  return w;
}

/// Inline Markdown as text: `**`/`__` dropped, `\x` escapes resolved, [text](url) as its text
/// (with the URL in parentheses when it is absolute), code spans kept with their backticks.
std::string inline_text(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '`') {  // a code span: copied as it is
      const std::size_t end = s.find('`', i + 1);
      if (end != std::string_view::npos) {
        out.append(s.substr(i, end - i + 1));
        i = end;
        continue;
      }
    }
    if (c == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) {
      out += s[++i];
      continue;
    }
    if ((c == '*' || c == '_') && i + 1 < s.size() && s[i + 1] == c) {
      ++i;
      continue;
    }
    if (c == '[') {
      const std::size_t close = s.find("](", i);
      const std::size_t nested = s.find('[', i + 1);
      if (close != std::string_view::npos && (nested == std::string_view::npos || nested > close)) {
        const std::size_t end = s.find(')', close + 2);
        if (end != std::string_view::npos) {
          const std::string_view url = s.substr(close + 2, end - close - 2);
          out += inline_text(s.substr(i + 1, close - i - 1));
          if (starts_with(url, "http://") || starts_with(url, "https://")) out += " (" + std::string(url) + ")";
          i = end;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}

/// `text` wrapped to `width`: the first line after `first`, the others after `rest` (indents).
void wrap(std::ostringstream& out, const std::string& text, int width, const std::string& first,
          const std::string& rest) {
  // Words, with a code span kept whole (`<!-- listlint-disable-line -->` is not cut in two) when
  // it fits on a line.
  std::vector<std::string> tokens;
  {
    std::istringstream in(text);
    std::vector<std::string> span;  // the words of an open code span
    auto close_span = [&] {
      std::string joined;
      for (const auto& w : span) joined += (joined.empty() ? "" : " ") + w;
      if (display_width(joined) <= width - display_width(rest)) tokens.push_back(joined);
      else tokens.insert(tokens.end(), span.begin(), span.end());
      span.clear();
    };
    bool open = false;
    for (std::string w; in >> w;) {
      if (open || std::count(w.begin(), w.end(), '`') % 2 == 1) span.push_back(w);
      else tokens.push_back(w);
      if (std::count(w.begin(), w.end(), '`') % 2 == 1) {
        open = !open;
        if (!open) close_span();
      }
    }
    if (!span.empty()) close_span();
  }
  std::string line = first;
  int line_w = display_width(first);
  bool empty = true;
  for (const std::string& word : tokens) {
    const int w = display_width(word);
    if (!empty && line_w + 1 + w > width) {
      out << line << '\n';
      line = rest;
      line_w = display_width(rest);
      empty = true;
    }
    if (!empty) {
      line += ' ';
      ++line_w;
    }
    line += word;
    line_w += w;
    empty = false;
  }
  out << line << '\n';
}

bool is_table_row(std::string_view line) { return starts_with(trim(line), "|"); }

std::vector<std::string> table_cells(std::string_view line) {
  line = trim(line);
  if (starts_with(line, "|")) line.remove_prefix(1);
  // A trailing HTML comment (an annotation in an example) is not a cell.
  std::vector<std::string> cells;
  std::string cell;
  bool code = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (c == '`') {
      code = !code;
      cell += c;
    } else if (c == '|' && !code) {
      cells.push_back(inline_text(trim(cell)));
      cell.clear();
    } else {
      cell += c;
    }
  }
  if (!trim(cell).empty()) cells.push_back(inline_text(trim(cell)));
  return cells;
}

bool is_separator_row(const std::vector<std::string>& cells) {
  if (cells.empty()) return false;
  for (const auto& c : cells)
    if (c.empty() || c.find_first_not_of("-:") != std::string::npos) return false;
  return true;
}

void render_table(std::ostringstream& out, const std::vector<std::vector<std::string>>& rows, int width) {
  if (rows.empty()) return;
  std::size_t cols = 0;
  for (const auto& r : rows) cols = std::max(cols, r.size());
  std::vector<int> w(cols, 0);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) w[i] = std::max(w[i], display_width(r[i]));
  int total = 0;
  for (int x : w) total += x + 2;
  if (total - 2 <= width) {  // aligned columns, a rule under the header
    for (std::size_t ri = 0; ri < rows.size(); ++ri) {
      std::string line;
      for (std::size_t i = 0; i < cols; ++i) {
        const std::string cell = i < rows[ri].size() ? rows[ri][i] : "";
        line += cell;
        if (i + 1 < cols) line += std::string(static_cast<std::size_t>(w[i] - display_width(cell) + 2), ' ');
      }
      out << "  " << std::string(trim(line)) << '\n';
      if (ri == 0) {
        std::string rule;
        for (std::size_t i = 0; i < cols; ++i) rule += std::string(static_cast<std::size_t>(w[i]), '-') + (i + 1 < cols ? "  " : "");
        out << "  " << rule << '\n';
      }
    }
    return;
  }
  // Too wide: one block per row, "header: value", the values wrapped.
  const auto& header = rows[0];
  for (std::size_t ri = 1; ri < rows.size(); ++ri) {
    for (std::size_t i = 0; i < rows[ri].size(); ++i) {
      const std::string name = i < header.size() ? header[i] : "";
      const std::string lead = (i == 0 ? "  - " : "    ") + (name.empty() ? "" : name + ": ");
      wrap(out, rows[ri][i], width, lead, "      ");
    }
  }
}

/// A list item's marker: "- ", "* ", "+ " or "N. ", after the indent; 0 when the line is none.
std::size_t list_marker(std::string_view line) {
  const std::size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos) return 0;
  const std::string_view rest = line.substr(indent);
  if (rest.size() >= 2 && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+') && rest[1] == ' ') return indent + 2;
  std::size_t d = 0;
  while (d < rest.size() && std::isdigit(static_cast<unsigned char>(rest[d]))) ++d;
  if (d > 0 && d + 1 < rest.size() && rest[d] == '.' && rest[d + 1] == ' ') return indent + d + 2;
  return 0;
}

}  // namespace

std::string render_for_terminal(std::string_view markdown, int width) {
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos <= markdown.size();) {
    std::size_t end = markdown.find('\n', pos);
    if (end == std::string_view::npos) end = markdown.size();
    lines.push_back(markdown.substr(pos, end - pos));
    pos = end + 1;
  }
  while (!lines.empty() && trim(lines.back()).empty()) lines.pop_back();

  std::ostringstream out;
  bool blank_pending = false;  // one empty line between blocks
  bool in_list = false;        // the items of one list follow each other without one
  auto block = [&] {
    if (blank_pending) out << '\n';
    blank_pending = true;
    in_list = false;
  };
  for (std::size_t i = 0; i < lines.size();) {
    const std::string_view line = lines[i];
    const std::string_view t = trim(line);
    if (t.empty()) {
      ++i;
      continue;
    }
    if (starts_with(t, "<!--")) {  // the generated header's markers, and other comments
      while (i < lines.size() && lines[i].find("-->") == std::string_view::npos) ++i;
      ++i;
      continue;
    }
    if (starts_with(t, "```") || starts_with(t, "~~~")) {  // code: as it is, indented
      block();
      const std::string_view fence = t.substr(0, 3);
      for (++i; i < lines.size() && !starts_with(trim(lines[i]), fence); ++i) out << "    " << lines[i] << '\n';
      ++i;
      continue;
    }
    if (starts_with(t, "#")) {
      const std::size_t level = t.find_first_not_of('#');
      const std::string title = inline_text(trim(t.substr(level == std::string_view::npos ? t.size() : level)));
      block();
      out << title << '\n';
      if (level <= 2) out << std::string(static_cast<std::size_t>(display_width(title)), level == 1 ? '=' : '-') << '\n';
      ++i;
      continue;
    }
    if (is_table_row(line)) {
      block();
      std::vector<std::vector<std::string>> rows;
      for (; i < lines.size() && is_table_row(lines[i]); ++i) {
        auto cells = table_cells(lines[i]);
        if (!is_separator_row(cells)) rows.push_back(std::move(cells));
      }
      render_table(out, rows, width - 2);
      continue;
    }
    // A paragraph, a quote or a list item, with the lines that continue it.
    const bool quote = starts_with(t, ">");
    const std::size_t marker = quote ? 0 : list_marker(line);
    std::string text(quote ? trim(t.substr(1)) : trim(line.substr(marker)));
    for (++i; i < lines.size(); ++i) {
      const std::string_view next = trim(lines[i]);
      if (next.empty() || starts_with(next, "#") || starts_with(next, "```") || starts_with(next, "<!--") ||
          is_table_row(lines[i]) || list_marker(lines[i]) || (starts_with(next, ">") != quote))
        break;
      text += ' ';
      text += quote ? trim(next.substr(1)) : next;
    }
    text = inline_text(text);
    if (!marker || !in_list) block();
    in_list = marker != 0;
    if (quote) {
      wrap(out, text, width, "  ", "  ");
    } else if (marker) {
      const std::string indent(line.find_first_not_of(' '), ' ');
      const std::string lead = indent + std::string(trim(line.substr(0, marker))) + " ";
      wrap(out, text, width, lead, std::string(lead.size(), ' '));
    } else {
      wrap(out, text, width, "", "");
    }
  }
  return out.str();
}

int terminal_width() {
  int width = 80;
  if (const char* c = std::getenv("COLUMNS"); c && std::atoi(c) > 0) {
    width = std::atoi(c);
  } else if (::isatty(STDOUT_FILENO)) {
    struct winsize ws {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) width = ws.ws_col;
  }
  return std::clamp(width, 40, 120);
}

}  // namespace listlint::cli
