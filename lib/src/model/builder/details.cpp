// Details cards (<details>/<summary>). cmark-gfm ends a <details> HTML block at the first blank
// line, so a card is several sibling nodes: the walk collects the tags as tokens (html_tags.cpp)
// and they are paired here after the walk, then every link, table, entry and section is given the
// innermost card that holds it.

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "model/html.h"
#include "model/builder/builder.h"

namespace listlint::model_builder {

// ------------------------------------------------------------------------------------------------
// after the walk

void Builder::parse_summary(Details& d) const {
  std::string_view s = d.summary;
  std::string_view left = s;
  for (std::string_view arrow : {std::string_view("->"), std::string_view("\xE2\x86\x92")}) {
    const std::size_t p = s.rfind(arrow);
    if (p != std::string_view::npos) {
      d.target = std::string(text::trim(s.substr(p + arrow.size())));
      left = text::trim(s.substr(0, p));
      break;
    }
  }
  auto find_year = [](std::string_view t, std::size_t& at) {
    for (std::size_t i = 0; i + 4 <= t.size(); ++i) {
      const bool boundary_l = i == 0 || !std::isalnum(static_cast<unsigned char>(t[i - 1]));
      const bool boundary_r = i + 4 == t.size() || !std::isdigit(static_cast<unsigned char>(t[i + 4]));
      if (!boundary_l || !boundary_r) continue;
      if (!((t[i] == '1' && t[i + 1] == '9') || (t[i] == '2' && t[i + 1] == '0'))) continue;
      if (!std::isdigit(static_cast<unsigned char>(t[i + 2])) || !std::isdigit(static_cast<unsigned char>(t[i + 3]))) continue;
      at = i;
      return true;
    }
    return false;
  };
  // "Title, Venue Year": the venue and year follow the last comma (titles may hold commas).
  const std::size_t comma = left.rfind(',');
  std::size_t at = 0;
  if (comma != std::string_view::npos) {
    const std::string_view tail = text::trim(left.substr(comma + 1));
    if (find_year(tail, at)) {
      d.year = std::stoi(std::string(tail.substr(at, 4)));
      d.venue = text::collapse(std::string(tail.substr(0, at)) + " " + std::string(tail.substr(at + 4)));
      d.title = std::string(text::trim(left.substr(0, comma)));
      return;
    }
  }
  d.title = std::string(left);
}

void Builder::stitch_details() {
  std::vector<int> stack;
  int pending_summary = -1;
  std::size_t summary_begin = 0, summary_tag_begin = 0;
  for (const Token& t : tokens_) {
    switch (t.kind) {
      case TokenKind::DetailsOpen: {
        Details& d = m_.details.emplace_back();
        d.open = t.open_attr;
        d.parent = stack.empty() ? -1 : stack.back();
        d.span = span(t.begin, t.end);
        stack.push_back(static_cast<int>(m_.details.size()) - 1);
        break;
      }
      case TokenKind::SummaryOpen:
        if (!stack.empty() && !m_.details[static_cast<std::size_t>(stack.back())].has_summary &&
            pending_summary < 0) {
          pending_summary = stack.back();
          summary_begin = t.end;
          summary_tag_begin = t.begin;
        }
        break;
      case TokenKind::SummaryClose:
        if (pending_summary >= 0) {
          Details& d = m_.details[static_cast<std::size_t>(pending_summary)];
          d.has_summary = true;
          d.summary = text::collapse(html::strip_tags(doc_.slice(summary_begin, t.begin)));
          d.summary_span = span(summary_tag_begin, t.end);
          pending_summary = -1;
        }
        break;
      case TokenKind::DetailsClose: {
        if (stack.empty()) {
          Problem& p = m_.problems.emplace_back();
          p.kind = "stray-details-close";
          p.message = "</details> without an open <details>";
          p.span = span(t.begin, t.end);
          break;
        }
        Details& d = m_.details[static_cast<std::size_t>(stack.back())];
        d.closed = true;
        d.span = span(d.span.bytes.begin, t.end);
        if (pending_summary == stack.back()) pending_summary = -1;
        stack.pop_back();
        break;
      }
    }
  }
  for (int idx : stack) {
    Details& d = m_.details[static_cast<std::size_t>(idx)];
    d.span = span(d.span.bytes.begin, src_.size());
    Problem& p = m_.problems.emplace_back();
    p.kind = "unclosed-details";
    p.message = "<details> is never closed";
    p.span = span(d.span.bytes.begin, d.span.bytes.begin);
  }
  for (Details& d : m_.details) {
    // Content: anything after the summary (or the opening tag) but whitespace and comments.
    std::size_t from = d.summary_span ? d.summary_span->bytes.end : d.span.bytes.begin;
    if (!d.summary_span) {
      const std::size_t gt = src_.find('>', d.span.bytes.begin);
      from = gt == std::string_view::npos ? d.span.bytes.end : gt + 1;
    }
    std::size_t to = d.span.bytes.end;
    if (d.closed) {
      const std::size_t close = src_.rfind("</", to);
      if (close != std::string_view::npos && close >= from) to = close;
    }
    d.body = {std::min(from, to), to};
    std::string_view body = src_.substr(std::min(from, to), to - std::min(from, to));
    d.has_content = false;
    for (std::size_t i = 0; i < body.size();) {
      if (body.compare(i, 4, "<!--") == 0) {
        const std::size_t e = body.find("-->", i + 4);
        i = e == std::string_view::npos ? body.size() : e + 3;
        continue;
      }
      const char c = body[i++];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') { d.has_content = true; break; }
    }
    if (d.has_summary) parse_summary(d);
  }
}

void Builder::assign_details() {
  if (m_.details.empty()) return;
  // Innermost card holding a byte offset.
  auto card_at = [&](std::size_t off) {
    int best = -1;
    auto it = std::upper_bound(m_.details.begin(), m_.details.end(), off,
                               [](std::size_t o, const Details& d) { return o < d.span.bytes.begin; });
    if (it == m_.details.begin()) return best;
    int idx = static_cast<int>(it - m_.details.begin()) - 1;
    while (idx >= 0) {
      const Details& d = m_.details[static_cast<std::size_t>(idx)];
      if (d.span.bytes.contains(off)) return idx;
      idx = d.parent;
    }
    return best;
  };
  for (std::size_t i = 0; i < m_.links.size(); ++i) {
    Link& l = m_.links[i];
    l.details = card_at(l.span.bytes.begin);
    if (l.details >= 0) {
      m_.details[static_cast<std::size_t>(l.details)].links.push_back(static_cast<int>(i));
      if (l.context == LinkContext::Other) l.context = LinkContext::Details;
    }
  }
  for (auto& t : m_.tables) t.details = card_at(t.span.bytes.begin);
  for (auto& e : m_.entries) e.details = card_at(e.span.bytes.begin);
  for (auto& s : m_.sections) s.details = card_at(s.span.bytes.begin);
  // A card belongs to the section it opens in.
  std::size_t si = 0;
  int sec = -1;
  for (auto& d : m_.details) {
    while (si < m_.sections.size() && m_.sections[si].span.bytes.begin <= d.span.bytes.begin) sec = static_cast<int>(si++);
    d.section = sec;
  }
}

}  // namespace listlint::model_builder
