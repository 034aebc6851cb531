#include "listlint/checking/report.h"

#include "listlint/checking/baseline.h"

#include <algorithm>
#include <functional>
#include <map>
#include <sstream>

namespace listlint {
using nlohmann::json;

Summary summarize(const std::vector<FileReport>& files) {
  Summary s;
  for (const auto& f : files) {
    ++s.files;
    if (f.error) ++s.failed;
    for (const auto& d : f.diagnostics) {
      if (d.severity == Severity::Error) ++s.errors;
      else if (d.severity == Severity::Warning) ++s.warnings;
      if (d.fix) ++s.fixable;
    }
  }
  return s;
}

namespace {
std::string plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

/// Per rule, its errors and warnings, the rule with most findings first (then by id).
std::vector<std::pair<std::string, std::pair<int, int>>> counts_by_rule(const std::vector<FileReport>& files) {
  std::map<std::string, std::pair<int, int>> by_rule;  // rule -> errors, warnings
  for (const auto& f : files)
    for (const auto& d : f.diagnostics) {
      auto& c = by_rule[d.rule];
      (d.severity == Severity::Error ? c.first : c.second) += 1;
    }
  std::vector<std::pair<std::string, std::pair<int, int>>> rows(by_rule.begin(), by_rule.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second.first + a.second.second > b.second.first + b.second.second;
  });
  return rows;
}
}  // namespace

std::string format_text(const std::vector<FileReport>& files, bool color, bool quiet,
                        const std::vector<std::string>& notes) {
  const char* red = color ? "\033[31m" : "";
  const char* yellow = color ? "\033[33m" : "";
  const char* dim = color ? "\033[2m" : "";
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  std::ostringstream out;
  for (const auto& f : files) {
    for (const auto& d : f.diagnostics) {
      if (quiet && d.severity != Severity::Error) continue;
      const bool err = d.severity == Severity::Error;
      out << bold << f.path << ":" << d.range.begin.line << ":" << d.range.begin.column << ":" << reset << " "
          << (err ? red : yellow) << to_string(d.severity) << ":" << reset << " " << d.message << " " << dim << "["
          << d.rule << "]" << reset << "\n";
    }
  }
  if (!quiet) {
    const Summary s = summarize(files);
    out << (s.errors ? red : "") << plural(s.errors, "error") << reset << ", " << plural(s.warnings, "warning")
        << " in " << plural(s.files, "file");
    if (s.fixable) out << " (" << s.fixable << " fixable with --fix)";
    if (s.failed) out << "; " << s.failed << " could not be checked";
    for (const auto& n : notes) out << "; " << n;
    out << "\n";
    // Then the counts per rule, most first: the one error among hundreds of warnings is seen, and
    // --max-warnings shows where the warnings come from.
    const auto rows = counts_by_rule(files);
    if (!rows.empty()) {
      out << "by rule:";
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& [rule, c] = rows[i];
        out << (i ? ", " : " ") << rule << " " << c.first + c.second;
        if (c.first && c.second) out << " (" << plural(c.first, "error") << ")";
      }
      out << "\n";
    }
  }
  return out.str();
}

json format_json(const std::vector<FileReport>& files) {
  json out_files = json::array();
  for (const auto& f : files) {
    json diags = json::array();
    for (const auto& d : f.diagnostics) {
      diags.push_back({{"rule", d.rule},
                       {"severity", to_string(d.severity)},
                       {"message", d.message},
                       {"line", d.range.begin.line},
                       {"column", d.range.begin.column},
                       {"end_line", d.range.end.line},
                       {"end_column", d.range.end.column},
                       {"fixable", d.fix.has_value()}});
    }
    json jf = {{"path", f.path}, {"diagnostics", std::move(diags)}};
    if (f.error) jf["error"] = *f.error;
    out_files.push_back(std::move(jf));
  }
  const Summary s = summarize(files);
  return {{"files", std::move(out_files)},
          {"summary", {{"files", s.files}, {"errors", s.errors}, {"warnings", s.warnings},
                       {"fixable", s.fixable}, {"failed", s.failed}}}};
}

json format_sarif(const std::vector<FileReport>& files, const std::vector<const Rule*>& rules,
                  const std::string& version, const std::string& docs_base_url) {
  json sarif_rules = json::array();
  std::map<std::string, int> index;
  for (const Rule* r : rules) {
    const RuleInfo& info = r->info();
    index[info.id] = static_cast<int>(sarif_rules.size());
    sarif_rules.push_back(
        {{"id", info.id},
         {"name", info.id},
         {"shortDescription", {{"text", info.summary}}},
         {"fullDescription", {{"text", info.summary}}},
         {"helpUri", docs_base_url + info.id + ".md"},
         {"help", {{"text", info.summary + " See " + docs_base_url + info.id + ".md"}}},
         {"defaultConfiguration", {{"level", info.default_severity == Severity::Error ? "error" : "warning"}}},
         {"properties", {{"tags", info.tags}}}});
  }
  json results = json::array();
  for (const auto& f : files) {
    std::string uri = f.path;
    if (uri.rfind("./", 0) == 0) uri = uri.substr(2);
    std::map<std::string, int> occurrences;  // of each fingerprint in this file
    for (std::size_t i = 0; i < f.diagnostics.size(); ++i) {
      const auto& d = f.diagnostics[i];
      json region = {{"startLine", d.range.begin.line}, {"startColumn", d.range.begin.column},
                     {"endLine", d.range.end.line}, {"endColumn", std::max(d.range.end.column, 1)}};
      json result = {{"ruleId", d.rule},
                     {"level", d.severity == Severity::Error ? "error" : "warning"},
                     {"message", {{"text", d.message}}},
                     {"locations", json::array({{{"physicalLocation",
                                                  {{"artifactLocation", {{"uri", uri}, {"uriBaseId", "%SRCROOT%"}}},
                                                   {"region", region}}}}})}};
      if (auto it = index.find(d.rule); it != index.end()) result["ruleIndex"] = it->second;
      // Stable across runs and unrelated edits: the baseline's key (rule, message, the text of
      // the finding's line; not its number), then which occurrence of that key in the file it is,
      // as GitHub's primaryLocationLineHash counts them.
      const std::string h =
          stable_hash(d.rule + "\n" + message_key(d.message) + "\n" + (i < f.lines.size() ? f.lines[i] : std::string()));
      result["partialFingerprints"] = {{"listlint/v2", h + ":" + std::to_string(++occurrences[h])}};
      results.push_back(std::move(result));
    }
  }
  json run = {{"tool",
               {{"driver",
                 {{"name", "listlint"},
                  {"version", version},
                  {"semanticVersion", version},
                  {"informationUri", docs_base_url},
                  {"rules", std::move(sarif_rules)}}}}},
              {"columnKind", "unicodeCodePoints"},
              {"results", std::move(results)}};
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", json::array({std::move(run)})}};
}

namespace {
// Workflow command escaping (actions/toolkit: escapeData and escapeProperty).
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}
std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}
}  // namespace

std::string format_github(const std::vector<FileReport>& files) {
  std::ostringstream out;
  for (const auto& f : files) {
    if (f.error) out << "::error file=" << escape_property(f.path) << ",title=listlint::" << escape_data(*f.error) << "\n";
    for (const auto& d : f.diagnostics) {
      out << "::" << (d.severity == Severity::Error ? "error" : "warning") << " file=" << escape_property(f.path)
          << ",line=" << d.range.begin.line << ",col=" << d.range.begin.column << ",endLine=" << d.range.end.line
          << ",endColumn=" << d.range.end.column << ",title=" << escape_property(d.rule)
          << "::" << escape_data(d.message) << "\n";
    }
  }
  return out.str();
}

namespace {
// A table cell: one line, with what Markdown would read as syntax shown as text (the pipe that
// ends a cell, HTML, emphasis, links, code spans).
std::string md_cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\n': case '\r': out += ' '; break;
      case '\\': case '*': case '_': case '`': case '[': case ']': case '#': case '~':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}
}  // namespace

std::string format_markdown(const std::vector<FileReport>& files, const std::vector<std::string>& notes) {
  const Summary s = summarize(files);
  std::ostringstream out;
  out << "### listlint: " << plural(s.errors, "error") << ", " << plural(s.warnings, "warning") << " in "
      << plural(s.files, "file");
  if (s.fixable) out << " (" << s.fixable << " fixable with `--fix`)";
  if (s.failed) out << "; " << s.failed << " could not be checked";
  for (const auto& n : notes) out << "; " << md_cell(n);
  out << "\n\n";
  const auto rows = counts_by_rule(files);
  if (!rows.empty()) {
    out << "| rule | errors | warnings |\n|---|---:|---:|\n";
    for (const auto& [rule, c] : rows) out << "| " << md_cell(rule) << " | " << c.first << " | " << c.second << " |\n";
    out << "\n";
  }
  if (s.errors + s.warnings + s.failed > 0) {
    out << "| file | line | column | severity | rule | message |\n|---|---:|---:|---|---|---|\n";
    for (const auto& f : files) {
      if (f.error) out << "| " << md_cell(f.path) << " | | | error | | " << md_cell(*f.error) << " |\n";
      for (const auto& d : f.diagnostics)
        out << "| " << md_cell(f.path) << " | " << d.range.begin.line << " | " << d.range.begin.column << " | "
            << to_string(d.severity) << " | " << md_cell(d.rule) << " | " << md_cell(d.message) << " |\n";
    }
  }
  return out.str();
}

}  // namespace listlint
