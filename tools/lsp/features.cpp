// What a client asks about an open list (server.h): code actions, hover, document symbols,
// go to definition of an in-page anchor, completion of anchors.

#include <algorithm>
#include <functional>
#include <set>

#include "lsp/server.h"
#include "registry.h"

namespace listlint::lsp {

using nlohmann::json;

namespace {

std::string eol_of(const Document& doc) {
  const auto& l = doc.lines();
  return l.crlf_count() > l.lf_count() ? "\r\n" : "\n";
}

// The smallest edit that turns `from` into `to`: one range around what differs.
json minimal_edit(const LineMap& map, std::string_view from, std::string_view to) {
  std::size_t p = 0;
  while (p < from.size() && p < to.size() && from[p] == to[p]) ++p;
  std::size_t s = 0;
  while (s < from.size() - p && s < to.size() - p && from[from.size() - 1 - s] == to[to.size() - 1 - s]) ++s;
  // Whole UTF-8 characters only: step back to a lead byte on both sides.
  while (p > 0 && p < from.size() && (static_cast<unsigned char>(from[p]) & 0xC0) == 0x80) --p;
  while (s > 0 && (static_cast<unsigned char>(from[from.size() - s]) & 0xC0) == 0x80) --s;
  return {{"range", range_json(map, p, from.size() - s)},
          {"newText", std::string(to.substr(p, to.size() - s - p))}};
}

bool kind_wanted(const json& params, const std::string& kind) {
  const json* ctx = params.contains("context") ? &params["context"] : nullptr;
  if (!ctx || !ctx->contains("only")) return true;
  for (const auto& o : (*ctx)["only"]) {
    const std::string w = o.get<std::string>();
    if (kind == w || kind.rfind(w + ".", 0) == 0) return true;
  }
  return false;
}

std::string shorten(std::string s, std::size_t n) {
  if (s.size() <= n) return s;
  s.resize(n);
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
  return s + "...";
}

}  // namespace

json Server::code_actions(OpenDocument& d, const json& params) {
  analyze(d);
  const LineMap& map = *d.map;
  const std::string_view bytes = d.linted.document->bytes();
  std::size_t rb = map.offset(position_from(params.at("range").at("start")));
  std::size_t re = map.offset(position_from(params.at("range").at("end")));
  if (re < rb) std::swap(rb, re);
  const std::string eol = eol_of(*d.linted.document);
  json actions = json::array();
  std::set<std::pair<std::string, int>> disable_offered;
  bool any_fix = false;
  for (const auto& f : d.linted.diagnostics) {
    if (f.fix) any_fix = true;
    const auto [b, e] = bytes_of(d, f.range);
    if (!(b <= re && rb <= e)) continue;
    const json diag = diagnostic_json(d, f);
    if (f.fix && kind_wanted(params, "quickfix")) {
      json edits = json::array();
      for (const auto& te : f.fix->edits) edits.push_back({{"range", range_json(map, te.begin, te.end)}, {"newText", te.replacement}});
      actions.push_back({{"title", "Fix: " + shorten(f.message, 120)},
                         {"kind", "quickfix"},
                         {"diagnostics", json::array({diag})},
                         {"isPreferred", true},
                         {"edit", {{"changes", {{d.uri, edits}}}}}});
    }
    if (!kind_wanted(params, "quickfix") || !disable_offered.insert({f.rule, f.range.begin.line}).second) continue;
    // "Disable RULE for this line": a directive on the line above, indented like the line. In a
    // table a comment line would end the table, so the table is wrapped in disable/enable.
    const int line = f.range.begin.line;  // 1-based
    json edits = json::array();
    std::string title = "Disable " + f.rule + " for this line";
    const Table* table = nullptr;
    // A table's last line (its span ends at the start of the next line when it takes the whole line).
    auto last_line = [](const Table& t) {
      return t.span.end.column == 1 && t.span.end.line > t.span.begin.line ? t.span.end.line - 1 : t.span.end.line;
    };
    for (const auto& t : d.linted.model->tables)
      if (t.span.begin.line <= line && line <= last_line(t)) table = &t;
    if (table) {
      title = "Disable " + f.rule + " for this table";
      const int first = table->span.begin.line;
      const int last = last_line(*table);
      const std::size_t at_begin = d.linted.document->lines().line_begin(first);
      const std::size_t indent_end = bytes.find_first_not_of(" \t", at_begin);
      const std::string indent(bytes.substr(at_begin, (indent_end == std::string_view::npos ? at_begin : indent_end) - at_begin));
      edits.push_back({{"range", range_json(map, at_begin, at_begin)},
                       {"newText", indent + "<!-- listlint-disable " + f.rule + " -->" + eol}});
      const std::size_t after = d.linted.document->lines().line_end(last);
      edits.push_back({{"range", range_json(map, after, after)},
                       {"newText", eol + indent + "<!-- listlint-enable " + f.rule + " -->"}});
    } else {
      const std::size_t at = d.linted.document->lines().line_begin(line);
      const std::size_t end = d.linted.document->lines().line_end(line);
      std::size_t i = at;
      while (i < end && (bytes[i] == ' ' || bytes[i] == '\t')) ++i;
      edits.push_back({{"range", range_json(map, at, at)},
                       {"newText", std::string(bytes.substr(at, i - at)) + "<!-- listlint-disable-next-line " + f.rule + " -->" + eol}});
    }
    actions.push_back({{"title", title},
                       {"kind", "quickfix"},
                       {"diagnostics", json::array({diag})},
                       {"edit", {{"changes", {{d.uri, edits}}}}}});
  }
  // Every safe fix of the file at once, as `check --fix` would write it.
  if (any_fix && !d.problem && (kind_wanted(params, "source.fixAll.listlint"))) {
    const FixResult fixed = fix_text(d.path, std::string(bytes), *d.config, rules_, d.resources);
    if (!fixed.not_converged && fixed.bytes != bytes)
      actions.push_back({{"title", "Fix all safe listlint fixes in this file (" + std::to_string(fixed.applied) + ")"},
                         {"kind", "source.fixAll.listlint"},
                         {"edit", {{"changes", {{d.uri, json::array({minimal_edit(map, bytes, fixed.bytes)})}}}}}});
  }
  return actions;
}

json Server::hover(OpenDocument& d, const json& params) {
  analyze(d);
  const std::size_t at = d.map->offset(position_from(params.at("position")));
  std::string text;
  std::size_t hb = 0, he = 0;
  bool any = false;
  for (const auto& f : d.linted.diagnostics) {
    const auto [b, e] = bytes_of(d, f.range);
    if (!(b <= at && (at < e || (b == e && at == b)))) continue;
    if (!any) hb = b, he = e;
    any = true;
    const Rule* r = rules::find(f.rule);
    if (!text.empty()) text += "\n\n---\n\n";
    text += "**" + f.rule + "** (" + to_string(f.severity) + "): " + f.message;
    if (!r) continue;
    const auto& info = r->info();
    text += "\n\n" + info.summary + (info.fixable ? " Fixable: the quick fix or `listlint check --fix`." : "");
    text += "\n\nConfigure it in `.listlint.json`: `\"rules\": {\"" + info.id + "\": \"warning\"}` (or \"error\", \"off\")";
    if (!info.options.empty()) {
      text += ", with options as `\"" + info.id + "\": {\"severity\": \"error\", ...}`:";
      for (const auto& o : info.options) text += "\n- `" + o.name + "` (default `" + o.default_value.dump() + "`): " + o.description;
      text += "\n";
    } else {
      text += ".";
    }
    text += "\n\nFor one line: `<!-- listlint-disable-next-line " + info.id + " -->` above it. [Documentation](" + o_.docs_url + info.id + ".md)";
  }
  if (!any) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", text}}}, {"range", range_json(*d.map, hb, he)}};
}

json Server::document_symbols(OpenDocument& d) {
  analyze(d);
  const ListModel& m = *d.linted.model;
  const std::string_view bytes = d.linted.document->bytes();
  auto symbol = [&](std::string name, int kind, std::size_t b, std::size_t e, std::size_t sb, std::size_t se, std::string detail) {
    if (name.empty()) name = "(untitled)";
    json s = {{"name", shorten(name, 200)}, {"kind", kind}, {"range", range_json(*d.map, b, e)},
              {"selectionRange", range_json(*d.map, sb, se)}, {"children", json::array()}};
    if (!detail.empty()) s["detail"] = detail;
    return s;
  };
  // Sections reach to the next heading of their level or above.
  std::vector<json> sec(m.sections.size());
  for (std::size_t i = 0; i < m.sections.size(); ++i) {
    const auto& s = m.sections[i];
    std::size_t end = bytes.size();
    for (std::size_t k = i + 1; k < m.sections.size(); ++k)
      if (m.sections[k].level <= s.level) {
        end = m.sections[k].span.bytes.begin;
        break;
      }
    sec[i] = symbol(s.text, 15, s.span.bytes.begin, std::max(end, s.span.bytes.end), s.span.bytes.begin, s.span.bytes.end,
                    "H" + std::to_string(s.level));
  }
  json top = json::array();
  auto attach = [&](int section, json s) {
    if (section >= 0 && static_cast<std::size_t>(section) < sec.size()) sec[static_cast<std::size_t>(section)]["children"].push_back(std::move(s));
    else top.push_back(std::move(s));
  };
  for (const auto& t : m.tables) {
    std::string cols;
    for (const auto& c : t.columns) cols += (cols.empty() ? "" : " | ") + c.text;
    attach(t.section, symbol("Table: " + cols, 23, t.span.bytes.begin, t.span.bytes.end, t.span.bytes.begin,
                             t.header.span.bytes.end > t.span.bytes.begin ? t.header.span.bytes.end : t.span.bytes.end,
                             std::to_string(t.rows.size()) + " rows"));
  }
  std::vector<json> cards(m.details.size());
  for (std::size_t i = 0; i < m.details.size(); ++i) {
    const auto& c = m.details[i];
    const Span& sel = c.summary_span ? *c.summary_span : c.span;
    cards[i] = symbol(c.title.empty() ? c.summary : c.title, 19, c.span.bytes.begin, c.span.bytes.end, sel.bytes.begin,
                      sel.bytes.end, std::to_string(c.links.size()) + " links" + (c.closed ? "" : ", not closed"));
  }
  // Innermost first, so that a card holds its nested cards when it is attached.
  for (std::size_t i = m.details.size(); i-- > 0;) {
    const int parent = m.details[i].parent;
    if (parent >= 0 && static_cast<std::size_t>(parent) < cards.size()) cards[static_cast<std::size_t>(parent)]["children"].insert(cards[static_cast<std::size_t>(parent)]["children"].begin(), std::move(cards[i]));
  }
  for (std::size_t i = 0; i < m.details.size(); ++i)
    if (m.details[i].parent < 0) attach(m.details[i].section, std::move(cards[i]));
  // Innermost sections first, likewise.
  for (std::size_t i = m.sections.size(); i-- > 0;) {
    const int parent = m.sections[i].parent;
    if (parent >= 0 && static_cast<std::size_t>(parent) < sec.size()) {
      auto& kids = sec[static_cast<std::size_t>(parent)]["children"];
      kids.push_back(std::move(sec[i]));
    }
  }
  for (std::size_t i = 0; i < m.sections.size(); ++i)
    if (m.sections[i].parent < 0) top.push_back(std::move(sec[i]));
  // Children in the order of the file.
  std::function<void(json&)> order = [&](json& list) {
    std::stable_sort(list.begin(), list.end(), [](const json& a, const json& b) {
      const auto& x = a["range"]["start"];
      const auto& y = b["range"]["start"];
      return std::make_pair(x["line"].get<int>(), x["character"].get<int>()) < std::make_pair(y["line"].get<int>(), y["character"].get<int>());
    });
    for (auto& s : list) order(s["children"]);
  };
  order(top);
  return top;
}

namespace {

// The in-page anchor a link at `at` names ("#install"), if any.
const Link* anchor_link_at(const ListModel& m, std::size_t at) {
  for (const auto& l : m.links)
    if (!l.url.empty() && l.url[0] == '#' && l.span.bytes.begin <= at && at < l.span.bytes.end) return &l;
  return nullptr;
}

}  // namespace

json Server::definition(OpenDocument& d, const json& params) {
  analyze(d);
  const ListModel& m = *d.linted.model;
  const Link* l = anchor_link_at(m, d.map->offset(position_from(params.at("position"))));
  if (!l) return nullptr;
  const std::string anchor = l->url.substr(1);
  auto location = [&](const Span& s) { return json{{"uri", d.uri}, {"range", range_json(*d.map, s.bytes.begin, s.bytes.end)}}; };
  for (const auto& s : m.sections)
    if (s.anchor == anchor || std::find(s.html_ids.begin(), s.html_ids.end(), anchor) != s.html_ids.end()) return location(s.span);
  for (const auto& a : m.html_anchors)
    if (a.id == anchor) return location(a.span);
  // GitHub matches anchors without regard to case (its ids are lower case).
  std::string lower = anchor;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& s : m.sections)
    if (s.anchor == lower) return location(s.span);
  return nullptr;
}

json Server::completion(OpenDocument& d, const json& params) {
  analyze(d);
  const Position pos = position_from(params.at("position"));
  // The line as the editor has it now (the analysis may be of an older text while typing).
  const LineMap now(d.text);
  const std::size_t cursor = now.offset(pos);
  const std::size_t line_start = now.line_bytes(pos.line).first;
  const std::string_view before = std::string_view(d.text).substr(line_start, cursor - line_start);
  const std::size_t open = before.rfind("](#");
  if (open == std::string_view::npos) return json::array();
  const std::string_view typed = before.substr(open + 3);
  if (typed.find_first_of(") \t") != std::string_view::npos) return json::array();
  const Position from = now.position(cursor - typed.size());
  json items = json::array();
  std::set<std::string> seen;
  auto add = [&](const std::string& anchor, const std::string& detail) {
    if (anchor.empty() || !seen.insert(anchor).second) return;
    items.push_back({{"label", "#" + anchor},
                     {"kind", 18},
                     {"detail", detail},
                     {"filterText", anchor},
                     {"textEdit", {{"range", {{"start", to_json(from)}, {"end", to_json(pos)}}}, {"newText", anchor}}}});
  };
  for (const auto& s : d.linted.model->sections) add(s.anchor, std::string(s.level, '#') + " " + s.text);
  for (const auto& a : d.linted.model->html_anchors) add(a.id, "<... " + a.attribute + "=\"" + a.id + "\">");
  return {{"isIncomplete", false}, {"items", items}};
}

}  // namespace listlint::lsp
