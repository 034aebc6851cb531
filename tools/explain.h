#pragma once
// `listlint explain ID`: a rule's doc page (docs/rules/ID.md), rendered for a terminal.

#include <string>
#include <string_view>

namespace listlint::cli {

/// The Markdown page as plain text `width` columns wide: paragraphs and list items wrapped,
/// headings underlined, tables aligned (or, when too wide, one block per row), code blocks kept as
/// they are (indented), inline markup dropped (`**`, `\` escapes; a link's text, with its URL in
/// parentheses when it is not a relative link), and the HTML comments of the generated header left
/// out.
std::string render_for_terminal(std::string_view markdown, int width);

/// The width to render for: $COLUMNS, else the terminal's width when standard output is one, else
/// 80; at least 40, at most 120 (long lines are hard to read).
int terminal_width();

}  // namespace listlint::cli
