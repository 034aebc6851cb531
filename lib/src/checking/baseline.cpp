#include "listlint/checking/baseline.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "listlint/model/source.h"

namespace listlint {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Text as the baseline's JSON holds it: invalid UTF-8 replaced by U+FFFD, so that a key built
// from the file's bytes equals the key read back from the baseline.
std::string as_json_text(std::string_view s) {
  bool ascii = true;
  for (unsigned char c : s) ascii = ascii && c < 0x80;
  if (ascii) return std::string(s);
  return json::parse(json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace)).get<std::string>();
}

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

constexpr std::size_t kLongLine = 160, kKeptPrefix = 120;

}  // namespace

std::string stable_hash(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  static const char* digits = "0123456789abcdef";
  for (int i = 15; i >= 0; --i) {
    buf[i] = digits[h & 15];
    h >>= 4;
  }
  buf[16] = 0;
  return buf;
}

std::string line_key(std::string_view line_text) {
  const std::string text = as_json_text(trim(line_text));
  if (text.size() <= kLongLine) return text;
  std::size_t cut = kKeptPrefix;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // a whole character
  return text.substr(0, cut) + " ... #" + stable_hash(text);
}

std::string message_key(std::string_view message) {
  const std::string m = as_json_text(message);
  std::string out;
  out.reserve(m.size());
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::size_t i = 0;
  while (i < m.size()) {
    // "line 12", "lines 12 and 40", "lines 3, 7 and 9": the numbers after the word.
    const bool word_start = i == 0 || !letter(m[i - 1]);
    std::size_t after = std::string::npos;
    if (word_start && m.compare(i, 6, "lines ") == 0) after = i + 6;
    else if (word_start && m.compare(i, 5, "line ") == 0) after = i + 5;
    if (after == std::string::npos || after >= m.size() || !digit(m[after])) {
      out += m[i++];
      continue;
    }
    out.append(m, i, after - i);
    std::size_t j = after;
    for (;;) {
      while (j < m.size() && digit(m[j])) ++j;
      out += 'N';
      std::size_t sep = 0;
      if (m.compare(j, 5, " and ") == 0) sep = 5;
      else if (m.compare(j, 2, ", ") == 0) sep = 2;
      if (sep == 0 || j + sep >= m.size() || !digit(m[j + sep])) break;
      out.append(m, j, sep);
      j += sep;
    }
    i = j;
  }
  return out;
}

void attach_line_keys(FileReport& report, std::string_view bytes) {
  const std::size_t bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const LineIndex index(bytes, bom);
  report.lines.clear();
  report.lines.reserve(report.diagnostics.size());
  for (const auto& d : report.diagnostics) {
    const int line = d.range.begin.line;
    report.lines.push_back(line >= 1 && line <= index.line_count() ? line_key(index.line_text(line)) : std::string());
  }
}

std::string baseline_path(const std::string& file, const std::string& baseline_file) {
  if (file == "-") return file;
  std::error_code ec;
  const fs::path abs_file = fs::absolute(file, ec).lexically_normal();
  const fs::path dir = fs::absolute(baseline_file, ec).lexically_normal().parent_path();
  fs::path rel = abs_file.lexically_relative(dir);
  if (rel.empty()) rel = abs_file;  // another root: keep it absolute
  return rel.generic_string();
}

std::optional<Baseline> parse_baseline(std::string_view text, const std::string& baseline_file, std::string& error) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    error = std::string("not a JSON baseline: ") + e.what();
    return std::nullopt;
  }
  if (!j.is_object()) {
    error = "not a baseline: the top level must be an object with \"version\" and \"findings\"";
    return std::nullopt;
  }
  if (!j.contains("version") || !j["version"].is_number_integer()) {
    error = "not a baseline: no \"version\"";
    return std::nullopt;
  }
  if (j["version"].get<long long>() != kBaselineVersion) {
    error = "baseline version " + j["version"].dump() + " is not supported (this listlint reads version " +
            std::to_string(kBaselineVersion) + "); write it again with --write-baseline";
    return std::nullopt;
  }
  if (!j.contains("findings") || !j["findings"].is_array()) {
    error = "not a baseline: no \"findings\" array";
    return std::nullopt;
  }
  Baseline b;
  b.file = baseline_file;
  std::size_t n = 0;
  for (const auto& f : j["findings"]) {
    ++n;
    std::string fields[4];
    const char* names[4] = {"path", "rule", "message", "line"};
    for (int k = 0; k < 4; ++k) {
      if (!f.is_object() || !f.contains(names[k]) || !f[names[k]].is_string()) {
        error = "finding " + std::to_string(n) + " has no \"" + names[k] + "\" string";
        return std::nullopt;
      }
      fields[k] = f[names[k]].get<std::string>();
    }
    ++b.counts[{fields[0], fields[1], fields[2], fields[3]}];
  }
  return b;
}

std::optional<Baseline> load_baseline(const std::string& path, std::string& error) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    error = "no such baseline file (--write-baseline creates it)";
    return std::nullopt;
  }
  if (fs::is_directory(path, ec)) {
    error = "is a directory, not a baseline file";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read it";
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_baseline(ss.str(), path, error);
}

std::string baseline_text(const std::vector<FileReport>& reports, const std::string& baseline_file) {
  std::vector<std::string> rows;
  for (const auto& r : reports) {
    const std::string path = baseline_path(r.path, baseline_file);
    for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
      const auto& d = r.diagnostics[i];
      nlohmann::ordered_json row;
      row["path"] = path;
      row["rule"] = d.rule;
      row["message"] = message_key(d.message);
      row["line"] = i < r.lines.size() ? r.lines[i] : std::string();
      rows.push_back(row.dump(-1, ' ', false, json::error_handler_t::replace));
    }
  }
  std::sort(rows.begin(), rows.end());
  std::string out = "{\n  \"version\": " + std::to_string(kBaselineVersion) + ",\n  \"tool\": \"listlint\",\n  \"findings\": [";
  for (std::size_t i = 0; i < rows.size(); ++i) out += (i ? ",\n    " : "\n    ") + rows[i];
  out += rows.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

int apply_baseline(std::vector<FileReport>& reports, Baseline baseline) {
  int silenced = 0;
  for (auto& r : reports) {
    if (r.diagnostics.empty()) continue;
    const std::string path = baseline_path(r.path, baseline.file);
    silenced += keep_findings(r, [&](std::size_t i) {
      const auto& d = r.diagnostics[i];
      const auto it = baseline.counts.find({path, d.rule, message_key(d.message), i < r.lines.size() ? r.lines[i] : ""});
      if (it == baseline.counts.end() || it->second == 0) return true;
      --it->second;
      return false;
    });
  }
  return silenced;
}

std::set<int> added_lines(std::string_view diff) {
  std::set<int> out;
  std::size_t pos = 0;
  while (pos < diff.size()) {
    std::size_t eol = diff.find('\n', pos);
    if (eol == std::string_view::npos) eol = diff.size();
    const std::string_view line = diff.substr(pos, eol - pos);
    pos = eol + 1;
    // @@ -a[,b] +c[,d] @@: the new side starts at c and holds d lines (1 when ",d" is absent).
    if (line.rfind("@@ ", 0) != 0) continue;
    const auto plus = line.find(" +");
    if (plus == std::string_view::npos) continue;
    const char* p = line.data() + plus + 2;
    const char* end = line.data() + line.size();
    int start = 0, count = 1;
    auto r = std::from_chars(p, end, start);
    if (r.ec != std::errc()) continue;
    if (r.ptr < end && *r.ptr == ',') {
      auto r2 = std::from_chars(r.ptr + 1, end, count);
      if (r2.ec != std::errc()) continue;
    }
    for (int k = 0; k < count; ++k) out.insert(start + k);
  }
  return out;
}

bool touches(const Diagnostic& d, const std::set<int>& lines) {
  const int first = d.range.begin.line;
  int last = std::max(first, d.range.end.line);
  // A span that ends at column 1 of a line does not reach into it.
  if (last > first && d.range.end.column <= 1) --last;
  const auto it = lines.lower_bound(first);
  return it != lines.end() && *it <= last;
}

}  // namespace listlint
