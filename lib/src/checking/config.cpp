#include "listlint/checking/config.h"
#include "listlint/model/text.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace listlint {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const char* type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "true or false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "a whole number (at most 2147483647)";
    case json::value_t::number_float: return "a number";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "null";
  }
}

bool same_type(const json& want, const json& got) {
  // Integer options take integers that fit an int (1e10 or 2.5 would be cut by get<int>()).
  if (want.is_number_integer())
    return got.is_number_integer() && got.get<std::int64_t>() >= INT32_MIN && got.get<std::int64_t>() <= INT32_MAX &&
           !(got.is_number_unsigned() && got.get<std::uint64_t>() > INT32_MAX);
  if (want.is_number()) return got.is_number();
  if (want.type() != got.type()) return false;
  if (want.is_array() && !want.empty()) {
    for (const auto& e : got)
      if (!same_type(want.front(), e)) return false;
  }
  return true;
}

// A value or a key for a one-line message: JSON-escaped (no raw newline) and at most 60 bytes.
std::string brief(const json& v) { return text::shorten(v.dump(-1, ' ', false, json::error_handler_t::replace)); }

const Rule* find(const std::vector<const Rule*>& rules, const std::string& id) {
  for (const Rule* r : rules)
    if (r->info().id == id) return r;
  return nullptr;
}

}  // namespace

Config default_config(const std::vector<const Rule*>& rules) {
  Config c;
  for (const Rule* r : rules) {
    RuleSetting s;
    s.severity = r->info().default_severity;
    s.options = r->info().default_options();
    c.rules[r->info().id] = std::move(s);
  }
  return c;
}

std::string jsonc_to_json(std::string_view text) {
  // One pass that knows strings: comments become spaces (line breaks kept), and a comma whose next
  // character past blanks and comments is '}' or ']' becomes a space. Offsets do not move, so the
  // parser's line and column are the file's.
  std::string out(text);
  std::size_t pending_comma = std::string::npos;
  char last = 0;  // the last character outside comments and blanks
  const auto blank = [&](std::size_t b, std::size_t e) {
    for (std::size_t k = b; k < e; ++k)
      if (out[k] != '\n' && out[k] != '\r') out[k] = ' ';
  };
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '"') {
      pending_comma = std::string::npos;
      last = c;
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
      ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      const std::size_t e = std::min(text.find('\n', i), text.size());
      blank(i, e);
      i = e;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      const std::size_t close = text.find("*/", i + 2);
      if (close == std::string_view::npos) break;  // left for the parser to report
      blank(i, close + 2);
      i = close + 2;
    } else if (c == ',') {
      // After a value only: "{,}" and "[1,,]" stay errors.
      pending_comma = last == '{' || last == '[' || last == ',' ? std::string::npos : i;
      last = c;
      ++i;
      continue;
    } else if (c == '}' || c == ']') {
      if (pending_comma != std::string::npos) out[pending_comma] = ' ';
      pending_comma = std::string::npos;
      last = c;
      ++i;
    } else {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        pending_comma = std::string::npos;
        last = c;
      }
      ++i;
    }
  }
  return out;
}

std::optional<std::string> apply_config(Config& config, const std::string& json_text,
                                        const std::vector<const Rule*>& rules) {
  json doc;
  try {
    doc = json::parse(jsonc_to_json(json_text));
  } catch (const json::exception& e) {  // parse_error, and out_of_range for numbers like 2E01011
    std::string what = e.what();
    const auto p = what.find("] ");
    what = p == std::string::npos ? what : what.substr(p + 2);
    for (char& c : what)
      if (c == '\n' || c == '\r') c = ' ';
    return "invalid JSON: " + what;
  }
  if (!doc.is_object()) return "the configuration must be a JSON object";
  // Every mistake is reported, one per line, not only the first: a user fixes them in one go.
  std::vector<std::string> errors;
  // "extends": a preset (or a list of them) applied first; the file's own settings override it.
  if (const auto ext = doc.find("extends"); ext != doc.end()) {
    std::vector<std::string> names;
    bool ok = ext->is_string() || ext->is_array();
    if (ext->is_string()) names.push_back(ext->get<std::string>());
    else if (ext->is_array())
      for (const auto& n : *ext) {
        if (!n.is_string()) ok = false;
        else names.push_back(n.get<std::string>());
      }
    if (!ok) errors.push_back("\"extends\" must be a preset name or an array of them, not " + brief(*ext));
    for (const auto& n : names)
      if (auto err = apply_preset(config, n, rules)) errors.push_back(*err);
  }
  for (const auto& [key, value] : doc.items()) {
    if (key == "$schema" || key == "extends") continue;
    if (key == "ignore") {
      if (!value.is_array()) {
        errors.push_back("\"ignore\" must be an array of globs");
        continue;
      }
      for (const auto& g : value) {
        if (!g.is_string()) {
          errors.push_back("\"ignore\" must be an array of globs (strings)");
          break;
        }
        config.ignore.push_back(g.get<std::string>());
      }
      continue;
    }
    if (key == "links") {
      if (auto err = apply_link_settings_json(config.links, value, config.base_dir)) errors.push_back(*err);
      else config.links_json = value;
      continue;
    }
    if (key != "rules") {
      errors.push_back("unknown key " + brief(key) + " (expected \"extends\", \"rules\", \"ignore\" or \"links\")");
      continue;
    }
    if (!value.is_object()) {
      errors.push_back("\"rules\" must be an object of rule ids");
      continue;
    }
    for (const auto& [id, setting] : value.items()) {
      const Rule* rule = find(rules, id);
      if (!rule) {
        errors.push_back("unknown rule " + brief(id) + " (listlint rules lists them)");
        continue;
      }
      RuleSetting& s = config.rules[id];
      if (setting.is_string()) {
        const auto sev = parse_severity(setting.get<std::string>());
        if (!sev) errors.push_back("rule \"" + id + "\": severity must be \"off\", \"warning\" or \"error\", not " + brief(setting));
        else s.severity = *sev;
        continue;
      }
      if (setting.is_boolean()) {
        s.severity = setting.get<bool>() ? rule->info().default_severity : Severity::Off;
        continue;
      }
      if (!setting.is_object()) {
        errors.push_back("rule \"" + id + "\": expected a severity or an object, not " + brief(setting));
        continue;
      }
      for (const auto& [opt, v] : setting.items()) {
        if (opt == "severity") {
          const auto sev = v.is_string() ? parse_severity(v.get<std::string>()) : std::nullopt;
          if (!sev) errors.push_back("rule \"" + id + "\": severity must be \"off\", \"warning\" or \"error\", not " + brief(v));
          else s.severity = *sev;
          continue;
        }
        const auto& defaults = rule->info().options;
        const std::string& name = opt;  // clang 14 cannot capture a structured binding
        auto it = std::find_if(defaults.begin(), defaults.end(), [&](const OptionInfo& o) { return o.name == name; });
        if (it == defaults.end()) {
          std::string known;
          for (const auto& o : defaults) known += (known.empty() ? "" : ", ") + o.name;
          errors.push_back("rule \"" + id + "\": unknown option " + brief(opt) +
                           (known.empty() ? " (it has none)" : " (known: " + known + ")"));
          continue;
        }
        if (!same_type(it->default_value, v)) {
          std::string want = type_name(it->default_value);
          if (it->default_value.is_array() && !it->default_value.empty())
            want += std::string(" of ") + (it->default_value.front().is_string() ? "strings" : "numbers");
          errors.push_back("rule \"" + id + "\": option \"" + opt + "\" must be " + want + ", not " + brief(v));
          continue;
        }
        s.options[opt] = v;
      }
    }
  }
  if (errors.empty()) return std::nullopt;
  std::string all;
  for (const auto& e : errors) all += (all.empty() ? "" : "\n") + e;
  return all;
}

namespace {

// The presets: configuration documents applied before a file's own settings ("extends").
struct Preset {
  const char* name;
  const char* summary;
  const char* json;
};

// awesome: what a list submitted to sindresorhus/awesome must satisfy that can be checked offline
// (docs/configuration.md#presets lists it beside awesome-lint's rules).
constexpr Preset kPresets[] = {
    {"awesome", "what sindresorhus/awesome requires of a list, offline (awesome-lint's checks)",
     R"({
  "rules": {
    "awesome-readme": "error",
    "entry-format": { "severity": "error", "separator": " - ", "capital": "upper", "period": "yes" },
    "toc": "error"
  }
})"},
};

}  // namespace

std::vector<std::pair<std::string, std::string>> presets() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Preset& p : kPresets) out.emplace_back(p.name, p.summary);
  return out;
}

std::optional<std::string> apply_preset(Config& config, std::string_view name, const std::vector<const Rule*>& rules) {
  for (const Preset& p : kPresets)
    if (name == p.name) {
      if (auto err = apply_config(config, p.json, rules)) return "preset \"" + std::string(name) + "\": " + *err;
      return std::nullopt;
    }
  std::string known;
  for (const Preset& p : kPresets) known += (known.empty() ? "" : ", ") + std::string(p.name);
  return "unknown preset " + brief(std::string(name)) + " (known: " + known + ")";
}

std::optional<std::string> load_config_file(Config& config, const std::string& path,
                                            const std::vector<const Rule*>& rules) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return "No such file or directory";
  if (fs::is_directory(path, ec)) return "is a directory, not a file";
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot read the file";
  std::ostringstream ss;
  ss << in.rdbuf();
  config.source = path;
  config.base_dir = fs::absolute(fs::path(path), ec).parent_path().string();
  return apply_config(config, ss.str(), rules);
}

std::string find_config_file(const std::string& file) {
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(file), ec).parent_path();
  while (!dir.empty()) {
    const fs::path candidate = dir / ".listlint.json";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (fs::exists(dir / ".git", ec)) break;  // the repository root
    if (dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return "";
}

bool glob_match(std::string_view p, std::string_view s) {
  // One pass per pattern token over the sorted offsets of `s` that the pattern so far can
  // reach: no backtracking (exponential on "*a*a*a*a*b") and no recursion (once per character).
  // A run of literal characters is one token, so a plain pattern costs one comparison.
  const std::size_t n = s.size();
  std::vector<std::size_t> reach{0}, next;
  std::size_t i = 0;
  while (i < p.size() && !reach.empty()) {
    next.clear();
    if (p[i] == '*' && i + 1 < p.size() && p[i + 1] == '*') {
      const bool slash = i + 2 < p.size() && p[i + 2] == '/';
      if (slash) {
        // "**/": zero or more whole segments (nothing, or anything that ends with '/').
        std::size_t r = 0;
        for (std::size_t j = reach[0]; j <= n; ++j) {
          const bool here = r < reach.size() && reach[r] == j;
          if (here) ++r;
          if (here || (j > reach[0] && s[j - 1] == '/')) next.push_back(j);
        }
      } else {
        // "**": anything, across segments.
        for (std::size_t j = reach[0]; j <= n; ++j) next.push_back(j);
      }
      i += slash ? 3 : 2;
    } else if (p[i] == '*') {
      // '*': anything within one segment.
      std::size_t from = 0;
      for (std::size_t j : reach) {
        std::size_t k = std::max(j, from);
        if (!next.empty() && k <= next.back()) k = next.back() + 1;
        if (k != j && (k > n || s[k - 1] == '/')) continue;  // the run from j already ended
        for (; k <= n; ++k) {
          next.push_back(k);
          if (k == n || s[k] == '/') break;
        }
        from = k + 1;
      }
      i += 1;
    } else if (p[i] == '?' || (p[i] == '[' && p.find(']', i + 1) != std::string_view::npos)) {
      // One character of a segment: '?', or a set "[a-z]" / "[!a-z]".
      std::string_view set;
      bool negate = false;
      std::size_t len = 1;
      if (p[i] == '[') {
        const std::size_t close = p.find(']', i + 1);
        set = p.substr(i + 1, close - i - 1);
        negate = !set.empty() && (set[0] == '!' || set[0] == '^');
        if (negate) set.remove_prefix(1);
        len = close - i + 1;
      }
      for (std::size_t j : reach) {
        if (j >= n || s[j] == '/') continue;
        bool ok = true;
        if (p[i] == '[') {
          bool hit = false;
          for (std::size_t k = 0; k < set.size(); ++k) {
            if (k + 2 < set.size() && set[k + 1] == '-') {
              hit |= s[j] >= set[k] && s[j] <= set[k + 2];
              k += 2;
            } else {
              hit |= s[j] == set[k];
            }
          }
          ok = hit != negate;
        }
        if (ok) next.push_back(j + 1);
      }
      i += len;
    } else {
      // A run of literal characters ('[' without a ']' is one).
      std::size_t e = i + 1;
      while (e < p.size() && p[e] != '*' && p[e] != '?' && p[e] != '[') ++e;
      const std::string_view lit = p.substr(i, e - i);
      for (std::size_t j : reach)
        if (s.compare(j, lit.size(), lit) == 0 && j + lit.size() <= n) next.push_back(j + lit.size());
      i = e;
    }
    reach.swap(next);
  }
  return !reach.empty() && i >= p.size() && reach.back() == n;
}

bool is_ignored(const Config& config, const std::string& path) {
  if (config.ignore.empty()) return false;
  std::error_code ec;
  const fs::path abs = fs::absolute(fs::path(path), ec).lexically_normal();
  std::string rel = path;
  if (!config.base_dir.empty()) {
    const fs::path r = abs.lexically_relative(fs::path(config.base_dir));
    if (!r.empty() && r.native().rfind("..", 0) != 0) rel = r.generic_string();
  }
  if (rel.rfind("./", 0) == 0) rel = rel.substr(2);
  for (const auto& g : config.ignore) {
    std::string_view pat = g;
    if (pat.rfind("./", 0) == 0) pat.remove_prefix(2);
    if (glob_match(pat, rel)) return true;
    // A pattern without '/' matches a file name anywhere, as in .gitignore.
    if (pat.find('/') == std::string_view::npos && glob_match(pat, abs.filename().string())) return true;
  }
  return false;
}

json config_schema(const std::vector<const Rule*>& rules) {
  json severity = {{"enum", {"off", "warning", "error"}}};
  json rule_props = json::object();
  for (const Rule* r : rules) {
    const RuleInfo& info = r->info();
    json props = {{"severity", severity}};
    for (const auto& o : info.options) {
      json p = {{"description", o.description}, {"default", o.default_value}};
      if (o.default_value.is_string()) p["type"] = "string";
      else if (o.default_value.is_boolean()) p["type"] = "boolean";
      else if (o.default_value.is_number_integer()) p["type"] = "integer";
      else if (o.default_value.is_number()) p["type"] = "number";
      else if (o.default_value.is_array()) {
        p["type"] = "array";
        if (!o.default_value.empty()) p["items"] = {{"type", o.default_value.front().is_string() ? "string" : "number"}};
      }
      props[o.name] = p;
    }
    rule_props[info.id] = {
        {"description", info.summary},
        {"oneOf", json::array({severity, json{{"type", "boolean"}},
                               json{{"type", "object"}, {"properties", props}, {"additionalProperties", false}}})}};
  }
  json preset_names = json::array();
  for (const Preset& p : kPresets) preset_names.push_back(p.name);
  const json preset = {{"type", "string"}, {"enum", preset_names}};
  return {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
          {"$id", "https://raw.githubusercontent.com/listlint/listlint/main/docs/listlint.schema.json"},
          {"title", ".listlint.json"},
          {"description", "listlint configuration (generated by listlint rules --format schema)"},
          {"type", "object"},
          {"properties",
           {{"$schema", {{"type", "string"}}},
            {"extends", {{"description", "presets applied first, overridden by this file (listlint rules --presets)"},
                         {"oneOf", json::array({preset, {{"type", "array"}, {"items", preset}}})}}},
            {"rules", {{"type", "object"}, {"properties", rule_props}, {"additionalProperties", false}}},
            {"ignore", {{"type", "array"}, {"items", {{"type", "string"}}},
                        {"description", "globs of files to skip, relative to the configuration file"}}},
            {"links", link_settings_schema()}}},
          {"additionalProperties", false}};
}

}  // namespace listlint
