#include "listlint/model/model_json.h"

namespace listlint {
namespace {

using nlohmann::json;

void put_span(json& j, const Span& s) {
  j["line"] = s.begin.line;
  j["column"] = s.begin.column;
  j["end_line"] = s.end.line;
  j["end_column"] = s.end.column;
  j["bytes"] = json::array({s.bytes.begin, s.bytes.end});
}

json index_or_null(int i) { return i >= 0 ? json(i) : json(nullptr); }

json link_brief(const ListModel& m, int i) {
  const Link& l = m.links[static_cast<std::size_t>(i)];
  json j = {{"text", l.text}, {"url", l.url}, {"line", l.span.begin.line}, {"column", l.span.begin.column}};
  if (l.image) j["image"] = true;
  return j;
}

}  // namespace

json model_to_json(const ListModel& m) {
  json out = json::object();
  out["path"] = m.path;
  out["title"] = m.title ? json(m.title_text) : json(nullptr);
  out["title_section"] = m.title ? json(*m.title) : json(nullptr);
  out["description"] = m.description_span ? json(m.description) : json(nullptr);
  out["lines"] = m.line_count;
  out["bom"] = m.has_bom;
  out["line_endings"] = {{"lf", m.line_endings.lf},
                         {"crlf", m.line_endings.crlf},
                         {"cr", m.line_endings.cr},
                         {"final_newline", m.line_endings.final_newline}};

  json sections = json::array();
  for (const Section& s : m.sections) {
    json j = {{"level", s.level}, {"text", s.text}, {"anchor", s.anchor}, {"parent", index_or_null(s.parent)}};
    put_span(j, s.span);
    if (!s.html_ids.empty()) j["html_ids"] = s.html_ids;
    if (s.setext) j["setext"] = true;
    if (s.details >= 0) j["details"] = s.details;
    sections.push_back(std::move(j));
  }
  out["sections"] = std::move(sections);

  if (m.toc) {
    json t = {{"section", index_or_null(m.toc->section)}, {"lists", m.toc->lists}};
    put_span(t, m.toc->span);
    json items = json::array();
    for (const TocItem& it : m.toc->items) {
      const Link& l = m.links[static_cast<std::size_t>(it.link)];
      items.push_back({{"text", it.text}, {"target", it.target}, {"depth", it.depth},
                       {"line", l.span.begin.line}, {"column", l.span.begin.column}, {"link", it.link}});
    }
    t["items"] = std::move(items);
    out["toc"] = std::move(t);
  } else {
    out["toc"] = nullptr;
  }

  json lists = json::array();
  for (const ListBlock& l : m.lists) {
    json j = {{"ordered", l.ordered}, {"marker", std::string(1, l.marker)}, {"depth", l.depth},
              {"entries", l.entries}, {"parent_entry", index_or_null(l.parent_entry)},
              {"root", l.root}, {"section", index_or_null(l.section)}};
    put_span(j, l.span);
    lists.push_back(std::move(j));
  }
  out["lists"] = std::move(lists);

  json entries = json::array();
  for (const Entry& e : m.entries) {
    json j = {{"depth", e.depth}, {"name", e.name}, {"url", e.url}, {"description", e.description},
              {"separator", e.separator}, {"text", e.text}, {"link", index_or_null(e.link)}, {"section", index_or_null(e.section)},
              {"list", e.list}, {"parent", index_or_null(e.parent)}};
    put_span(j, e.span);
    if (e.task) { j["task"] = true; j["checked"] = e.checked; }
    if (e.in_toc) j["in_toc"] = true;
    if (e.details >= 0) j["details"] = e.details;
    entries.push_back(std::move(j));
  }
  out["entries"] = std::move(entries);

  auto row_json = [&](const Row& r) {
    json j = {{"source_cells", r.source_cells}, {"leading_pipe", r.leading_pipe},
              {"trailing_pipe", r.trailing_pipe}};
    put_span(j, r.span);
    json cells = json::array();
    for (const Cell& c : r.cells) {
      json cj = {{"text", c.text}, {"line", c.span.begin.line}, {"column", c.span.begin.column},
                 {"bytes", json::array({c.span.bytes.begin, c.span.bytes.end})}};
      json links = json::array();
      for (int i : c.links) links.push_back(link_brief(m, i));
      cj["links"] = std::move(links);
      if (!c.items.empty()) {
        json items = json::array();
        for (const auto& it : c.items) {
          json lk = json::array();
          for (int i : it.links) lk.push_back(link_brief(m, i));
          items.push_back({{"text", it.text}, {"links", std::move(lk)}});
        }
        cj["items"] = std::move(items);
      }
      if (c.number) cj["number"] = *c.number;
      if (c.padded) cj["padded"] = true;
      cells.push_back(std::move(cj));
    }
    j["cells"] = std::move(cells);
    if (!r.dropped.empty()) {
      json dropped = json::array();
      for (const Span& d : r.dropped) {
        json dj = json::object();
        put_span(dj, d);
        dropped.push_back(std::move(dj));
      }
      j["dropped"] = std::move(dropped);
    }
    return j;
  };
  json tables = json::array();
  for (const Table& t : m.tables) {
    json j = {{"section", index_or_null(t.section)}, {"details", index_or_null(t.details)}};
    put_span(j, t.span);
    json cols = json::array();
    for (const Column& c : t.columns) {
      cols.push_back({{"text", c.text},
                      {"align", c.align == 'l' ? "left" : c.align == 'c' ? "center" : c.align == 'r' ? "right" : "none"},
                      {"numeric", c.numeric}});
    }
    j["columns"] = std::move(cols);
    j["header"] = row_json(t.header);
    j["delimiter"] = {{"line", t.delimiter_line}, {"cells", t.delimiter_cells}};
    json rows = json::array();
    for (const Row& r : t.rows) rows.push_back(row_json(r));
    j["rows"] = std::move(rows);
    tables.push_back(std::move(j));
  }
  out["tables"] = std::move(tables);

  json details = json::array();
  for (const Details& d : m.details) {
    json j = {{"summary", d.has_summary ? json(d.summary) : json(nullptr)},
              {"title", d.title}, {"venue", d.venue}, {"year", d.year > 0 ? json(d.year) : json(nullptr)},
              {"target", d.target}, {"closed", d.closed}, {"open", d.open},
              {"has_content", d.has_content}, {"section", index_or_null(d.section)},
              {"parent", index_or_null(d.parent)}};
    put_span(j, d.span);
    if (d.summary_span) j["summary_line"] = d.summary_span->begin.line;
    json links = json::array();
    for (int i : d.links) links.push_back(link_brief(m, i));
    j["links"] = std::move(links);
    details.push_back(std::move(j));
  }
  out["details"] = std::move(details);

  json links = json::array();
  for (const Link& l : m.links) {
    json j = {{"url", l.url}, {"text", l.text}, {"kind", to_string(l.kind)},
              {"context", to_string(l.context)}, {"section", index_or_null(l.section)}};
    put_span(j, l.span);
    if (l.image) j["image"] = true;
    if (!l.label.empty()) j["label"] = l.label;
    if (!l.attribute.empty()) j["attribute"] = l.attribute;
    if (l.url_bytes.end > l.url_bytes.begin) j["url_bytes"] = json::array({l.url_bytes.begin, l.url_bytes.end});
    if (l.text_bytes.end > l.text_bytes.begin) j["text_bytes"] = json::array({l.text_bytes.begin, l.text_bytes.end});
    if (l.entry >= 0) j["entry"] = l.entry;
    if (l.table >= 0) { j["table"] = l.table; j["row"] = l.row; j["cell"] = l.cell; }
    if (l.details >= 0) j["details"] = l.details;
    if (l.in_code) j["in_code"] = true;
    links.push_back(std::move(j));
  }
  out["links"] = std::move(links);

  json defs = json::array();
  for (const RefDef& d : m.definitions) {
    json j = {{"label", d.label}, {"url", d.url}, {"uses", d.uses}};
    put_span(j, d.span);
    defs.push_back(std::move(j));
  }
  out["definitions"] = std::move(defs);

  json undef = json::array();
  for (const UndefinedRef& u : m.undefined_refs) {
    json j = {{"text", u.text}, {"label", u.label}, {"shape", u.shape}, {"link_like", u.link_like},
              {"section", index_or_null(u.section)}};
    put_span(j, u.span);
    undef.push_back(std::move(j));
  }
  out["undefined_references"] = std::move(undef);

  json anchors = json::array();
  for (const HtmlAnchor& a : m.html_anchors) {
    json j = {{"id", a.id}, {"attribute", a.attribute}};
    put_span(j, a.span);
    anchors.push_back(std::move(j));
  }
  out["html_anchors"] = std::move(anchors);

  json comments = json::array();
  for (const Comment& c : m.comments) {
    json j = {{"text", c.text}};
    put_span(j, c.span);
    comments.push_back(std::move(j));
  }
  out["comments"] = std::move(comments);

  json code = json::array();
  for (const CodeBlock& c : m.code_blocks) {
    json j = {{"fenced", c.fenced}, {"info", c.info}};
    put_span(j, c.span);
    code.push_back(std::move(j));
  }
  out["code_blocks"] = std::move(code);

  json problems = json::array();
  for (const Problem& p : m.problems) {
    json j = {{"kind", p.kind}, {"message", p.message}};
    put_span(j, p.span);
    problems.push_back(std::move(j));
  }
  out["problems"] = std::move(problems);
  return out;
}

}  // namespace listlint
