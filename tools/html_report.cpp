#include "html_report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

#include "links.h"

namespace listlint::cli {
namespace {

using json = nlohmann::json;

std::string esc(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Only http(s) URLs become links (a javascript: URL in a list must not run from the report).
std::string link_to(const std::string& url, const std::string& text) {
  if (url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0)
    return "<a href=\"" + esc(url) + "\" rel=\"noopener noreferrer\">" + esc(text) + "</a>";
  return "<code>" + esc(text) + "</code>";
}

struct Verdict {
  const char* name;
  const char* label;
  const char* color;
};
constexpr Verdict kVerdicts[] = {{"alive", "alive", "#1a7f37"},
                                 {"redirected", "moved", "#9a6700"},
                                 {"dead", "dead", "#cf222e"},
                                 {"unknown", "unknown", "#8250df"},
                                 {"skipped", "skipped", "#6e7781"}};

const char* color_of(const std::string& v) {
  for (const auto& k : kVerdicts)
    if (v == k.name) return k.color;
  return "#6e7781";
}

// A horizontal bar of the verdict counts, as SVG: one rect per verdict, with a tooltip.
std::string bar(const std::map<std::string, int>& counts, int total, int width, int height, const std::string& label) {
  std::ostringstream s;
  s << "<svg class=\"bar\" width=\"" << width << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << ' ' << height
    << "\" role=\"img\" aria-label=\"" << esc(label) << "\">";
  double x = 0;
  for (const auto& k : kVerdicts) {
    const auto it = counts.find(k.name);
    const int n = it == counts.end() ? 0 : it->second;
    if (n == 0 || total == 0) continue;
    const double w = static_cast<double>(width) * n / total;
    char buf[256];
    std::snprintf(buf, sizeof buf, "<rect x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"%d\" fill=\"%s\"><title>%s: %d</title></rect>",
                  x, w, height, k.color, k.label, n);
    s << buf;
    x += w;
  }
  if (total == 0) s << "<rect x=\"0\" y=\"0\" width=\"" << width << "\" height=\"" << height << "\" fill=\"#d0d7de\"/>";
  s << "</svg>";
  return s.str();
}

const char* kStyle = R"css(
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --head: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --bg: #0d1117; --head: #151b23; } }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 1200px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.muted { color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 16px; list-style: none; padding: 0; margin: 8px 0; }
.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
.big { font-size: 20px; font-weight: 600; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--head); position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.url { word-break: break-all; max-width: 380px; }
.entry { font-family: system-ui, sans-serif; font-weight: 600; }
.entry::before { content: "· "; font-weight: normal; }
.where { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
.pill { display: inline-block; padding: 0 8px; border-radius: 10px; color: #fff; font-size: 12px; }
input[type=search] { font: inherit; padding: 6px 10px; width: 100%; max-width: 420px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
a { color: #0969da; } @media (prefers-color-scheme: dark) { a { color: #4493f8; } }
.empty { color: var(--muted); font-style: italic; }
)css";

// Filters every problem table by the text typed (URL, file, section, error); counts what is shown.
const char* kScript = R"js(
(function () {
  'use strict';
  var box = document.getElementById('filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('table.links tbody tr'));
  var shown = document.getElementById('shown');
  function apply() {
    var q = box.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (tr) {
      var hit = q === '' || tr.textContent.toLowerCase().indexOf(q) !== -1;
      tr.hidden = !hit;
      if (hit) n += 1;
    });
    shown.textContent = q === '' ? '' : n + ' of ' + rows.length + ' shown';
  }
  box.addEventListener('input', apply);
  document.body.setAttribute('data-ready', 'true');
})();
)js";

}  // namespace

std::string html_report(const json& report, const std::string& generated) {
  const json& links = report.contains("links") ? report["links"] : json::array();
  const json& summary = report.contains("summary") ? report["summary"] : json::object();
  const int total = summary.value("total", static_cast<int>(links.size()));
  std::map<std::string, int> counts;
  for (const auto& k : kVerdicts) counts[k.name] = summary.value(k.name, 0);

  // Health per section: each URL counts once in each (file, heading) it appears in.
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>> sections;
  std::set<std::string> files;
  for (const auto& l : links) {
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& o : l.value("occurrences", json::array())) {
      const auto key = std::make_pair(o.value("path", std::string()), o.value("section", std::string()));
      files.insert(key.first);
      if (seen.insert(key).second) ++sections[key][l.value("verdict", std::string("unknown"))];
    }
  }
  std::vector<std::pair<std::pair<std::string, std::string>, std::map<std::string, int>>> by_health(sections.begin(), sections.end());
  auto bad = [](const std::map<std::string, int>& c) {
    auto get = [&](const char* k) { auto it = c.find(k); return it == c.end() ? 0 : it->second; };
    return get("dead") * 4 + get("redirected") * 2 + get("unknown");
  };
  std::stable_sort(by_health.begin(), by_health.end(), [&](const auto& a, const auto& b) { return bad(a.second) > bad(b.second); });

  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
       "script-src 'unsafe-inline'; img-src data:\">\n"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<meta name=\"generator\" content=\"listlint links --format html\">\n"
    << "<title>Link report: " << counts["dead"] << " dead, " << counts["redirected"] << " moved</title>\n"
    << "<style>" << kStyle << "</style>\n</head>\n<body>\n";
  h << "<header><h1>Link report</h1><p class=\"muted\">" << total << " URL" << (total == 1 ? "" : "s") << " in "
    << files.size() << " file" << (files.size() == 1 ? "" : "s") << ", checked " << esc(generated)
    << " by listlint.</p></header>\n";

  // Totals and the chart.
  h << "<section id=\"totals\"><h2>Verdicts</h2>\n"
    << bar(counts, total, 800, 28, "verdicts of " + std::to_string(total) + " URLs") << "\n<ul class=\"legend\">";
  for (const auto& k : kVerdicts) {
    const int n = counts[k.name];
    char pct[32];
    std::snprintf(pct, sizeof pct, "%.1f%%", total ? 100.0 * n / total : 0.0);
    h << "<li data-verdict=\"" << k.name << "\"><span class=\"swatch\" style=\"background:" << k.color
      << "\"></span><span class=\"big\">" << n << "</span> " << k.label << " <span class=\"muted\">(" << pct
      << ")</span></li>";
  }
  h << "</ul></section>\n";

  // Per section.
  h << "<section id=\"sections\"><h2>Link health per section</h2>\n<table><thead><tr><th>Section</th><th>File</th>"
       "<th class=\"num\">URLs</th><th class=\"num\">dead</th><th class=\"num\">moved</th><th class=\"num\">unknown</th>"
       "<th>health</th></tr></thead><tbody>\n";
  for (const auto& [key, c] : by_health) {
    int n = 0;
    for (const auto& [v, k] : c) n += k;
    auto get = [&](const char* k) { auto it = c.find(k); return it == c.end() ? 0 : it->second; };
    h << "<tr><td>" << (key.second.empty() ? "<span class=\"muted\">(before the first heading)</span>" : esc(key.second))
      << "</td><td class=\"where\">" << esc(key.first) << "</td><td class=\"num\">" << n << "</td><td class=\"num\">"
      << get("dead") << "</td><td class=\"num\">" << get("redirected") << "</td><td class=\"num\">" << get("unknown")
      << "</td><td>" << bar(c, n, 160, 12, key.second) << "</td></tr>\n";
  }
  if (by_health.empty()) h << "<tr><td colspan=\"7\" class=\"empty\">No links.</td></tr>\n";
  h << "</tbody></table></section>\n";

  // The problems.
  h << "<section id=\"problems\"><h2>What to fix</h2>\n<p><input id=\"filter\" type=\"search\" "
       "placeholder=\"Filter by URL, file, section, entry or error\" aria-label=\"Filter\"> <span id=\"shown\" "
       "class=\"muted\"></span></p>\n";
  // Each URL in one group: a missing fragment apart from the dead pages, a likely gone page (a deep
  // link that lands on a home page) apart from what could not be verified.
  struct Group {
    const char* id;
    const char* verdict;
    const char* title;
    const char* note;
  };
  const Group groups[] = {
      {"dead", "dead", "Dead", "These URLs answer 404 or 410, do not resolve, refuse connections, or fail after retries."},
      {"fragment", "dead", "Fragment not found",
       "The page answers, but the #fragment names no anchor on it: point at the section's new anchor."},
      {"redirected", "redirected", "Moved permanently", "Replace each URL with its new address."},
      {"gone", "unknown", "Likely gone",
       "Deep links that now land on the site's home page: find where the page moved, or remove the entry."},
      {"unknown", "unknown", "Could not be verified", "Bot blocking, rate limits or timeouts: check these by hand."}};
  auto group_of = [](const json& l) -> std::string {
    const std::string v = l.value("verdict", std::string());
    if (v == "dead" && !l.value("missing_fragment", std::string()).empty()) return "fragment";
    if (v == "unknown" && l.value("likely_gone", false)) return "gone";
    return v;
  };
  for (const auto& g : groups) {
    std::vector<const json*> rows;
    for (const auto& l : links)
      if (group_of(l) == g.id) rows.push_back(&l);
    h << "<h3 id=\"" << g.id << "\"><span class=\"pill\" style=\"background:" << color_of(g.verdict) << "\">"
      << rows.size() << "</span> " << g.title << "</h3>\n";
    if (rows.empty()) {
      h << "<p class=\"empty\">None.</p>\n";
      continue;
    }
    h << "<p class=\"muted\">" << g.note << "</p>\n<table class=\"links\" data-verdict=\"" << g.id
      << "\"><thead><tr><th>URL</th><th>What happened</th><th>Where</th><th>History</th><th>Suggested replacement</th>"
         "</tr></thead><tbody>\n";
    for (const json* l : rows) {
      const std::string url = l->value("url", std::string());
      std::string what = l->value("error", std::string());
      const int status = l->value("http_status", 0);
      if (what.empty() && status) what = "HTTP " + std::to_string(status);
      if (std::string(g.id) == "redirected") {
        const std::size_t hops = l->value("redirects", json::array()).size();
        what = "moved permanently (" + std::to_string(hops) + (hops == 1 ? " hop" : " hops") + "), then HTTP " +
               std::to_string(status);
      }
      h << "<tr><td class=\"url\">" << link_to(url, url) << "</td><td>" << esc(what) << "</td><td class=\"where\">";
      for (const auto& o : l->value("occurrences", json::array())) {
        h << esc(o.value("path", std::string())) << ':' << o.value("line", 0);
        if (const std::string sec = o.value("section", std::string()); !sec.empty()) h << " <span class=\"muted\">(" << esc(sec) << ")</span>";
        if (const std::string entry = o.value("entry", std::string()); !entry.empty()) h << " <span class=\"entry\">" << esc(entry) << "</span>";
        h << "<br>";
      }
      h << "</td><td>" << esc(history_text(l->value("history", json::object()))) << "</td><td class=\"url\">";
      const std::string final_url = l->value("final_url", std::string());
      const std::string id = g.id;
      if (id == "redirected" && !final_url.empty() && final_url != url) {
        h << link_to(final_url, final_url);
      } else if (id == "fragment") {
        const std::string page = url.substr(0, url.find('#'));
        h << link_to(page, "the page, to find the section");
      } else if (archive_suggested(g.verdict, status, l->value("error", std::string())) &&
                 (url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0)) {
        h << "<a href=\"" << esc(archive_url(url)) << "\" rel=\"noopener noreferrer\">archived copies</a>";
      } else {
        h << "<span class=\"muted\">check by hand</span>";
      }
      h << "</td></tr>\n";
    }
    h << "</tbody></table>\n";
  }
  h << "</section>\n<footer><p class=\"muted\">Generated by <code>listlint links --format html</code>. "
       "Self-contained: no scripts, styles or fonts are loaded from elsewhere.</p></footer>\n"
    << "<script>" << kScript << "</script>\n</body>\n</html>\n";
  return h.str();
}

}  // namespace listlint::cli
