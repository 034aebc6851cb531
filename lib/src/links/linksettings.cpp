#include "listlint/links/linksettings.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <regex>

#include "listlint/model/text.h"

namespace listlint {

using json = nlohmann::json;
using K = LinkSettingKind;

const std::vector<LinkSettingInfo>& link_settings() {
  // One row per setting: key in the file, flag, kind, range, help, `links` only, field.
  static const std::vector<LinkSettingInfo> table = {
      {"concurrency", "--concurrency", K::Int, 1, 4096, "Requests in flight in all (default 64)", false,
       +[](LinkSettings& s) -> int& { return s.check.concurrency; }},
      {"per_host", "--per-host", K::Int, 1, 256, "Requests in flight to one host (default 2)", false,
       +[](LinkSettings& s) -> int& { return s.check.per_host; }},
      {"interval", "--interval", K::Number, 0, 600, "Seconds between two requests to one host (default 0.1)", false,
       +[](LinkSettings& s) -> double& { return s.check.interval; }},
      {"timeout", "--timeout", K::Number, 0.1, 3600, "Seconds for one request (default 20)", false,
       +[](LinkSettings& s) -> double& { return s.check.timeout; }},
      {"retries", "--retries", K::Int, 0, 20, "Further attempts after timeouts, resets, 408, 429, 5xx (default 2)", false,
       +[](LinkSettings& s) -> int& { return s.check.retries; }},
      {"exclude", "--exclude", K::Patterns, 0, 0, "Skip URLs matching this regular expression (repeatable)", false,
       +[](LinkSettings& s) -> std::vector<std::string>& { return s.exclude; }},
      {"include", "--include", K::Patterns, 0, 0, "Check only URLs matching this regular expression (repeatable)", false,
       +[](LinkSettings& s) -> std::vector<std::string>& { return s.include; }},
      {"accept", "--accept", K::StatusCodes, 0, 0,
       "Statuses that count as alive besides 2xx: codes and ranges, comma-separated (e.g. 200..299,403,999)", false,
       +[](LinkSettings& s) -> std::vector<int>& { return s.check.accept; }},
      {"max_redirects", "--max-redirects", K::Int, 0, 100, "Redirects followed at most; one more is dead (default 10)", false,
       +[](LinkSettings& s) -> int& { return s.check.max_redirects; }},
      {"max_retry_wait", "--max-retry-wait", K::Number, 0, 86400,
       "Longest Retry-After or GitHub API rate-limit reset waited for, in seconds; longer is unknown at once (default 60)", false,
       +[](LinkSettings& s) -> double& { return s.check.retry_after_cap; }},
      {"check_fragments", "--check-fragments", K::Switch, 0, 0,
       "Fetch the pages linked with a #fragment and check the fragment is on them", false,
       +[](LinkSettings& s) -> bool& { return s.check.check_fragments; }},
      {"user_agent", "--user-agent", K::Text, 0, 0, "User-Agent header", false,
       +[](LinkSettings& s) -> std::string& { return s.check.user_agent; }},
      {"headers", "--header", K::Headers, 0, 0, "An extra header 'Name: value' for every host (repeatable)", false,
       +[](LinkSettings& s) -> std::vector<std::string>& { return s.check.headers; }},
      {"host_headers", "--host-header", K::HostHeaders, 0, 0,
       "A header for one host only, 'HOST=Name: value' (HOST or *.DOMAIN; repeatable)", false,
       +[](LinkSettings& s) -> std::map<std::string, std::vector<std::string>>& { return s.check.host_headers; }},
      {"allow_private", "--allow-private", K::Switch, 0, 0, "Also request loopback, private and link-local addresses", false,
       +[](LinkSettings& s) -> bool& { return s.check.allow_private; }},
      {"fail_on_unknown", "--fail-on-unknown", K::Switch, 0, 0, "Exit 1 when a URL could not be verified too", true,
       +[](LinkSettings& s) -> bool& { return s.fail_on_unknown; }},
      {"cache", "--cache", K::Path, 0, 0, "The cache with history (default ~/.cache/listlint/links.sqlite)", false,
       +[](LinkSettings& s) -> std::string& { return s.cache; }},
      {"no_cache", "--no-cache", K::Switch, 0, 0, "Neither read nor write the cache", false,
       +[](LinkSettings& s) -> bool& { return s.no_cache; }},
      {"max_age", "--max-age", K::Duration, 0, 0, "Reuse alive results this recent: 90, 30m, 12h, 1d (default 1d)", false,
       +[](LinkSettings& s) -> std::string& { return s.max_age; }},
  };
  return table;
}

std::optional<double> parse_duration(const std::string& s) {
  if (s.empty()) return std::nullopt;
  std::size_t used = 0;
  double v;
  try {
    v = std::stod(s, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  const std::string unit = s.substr(used);
  if (v < 0 || !std::isfinite(v)) return std::nullopt;
  if (unit.empty() || unit == "s") return v;
  if (unit == "m") return v * 60;
  if (unit == "h") return v * 3600;
  if (unit == "d") return v * 86400;
  return std::nullopt;
}

std::optional<std::string> parse_status_codes(const std::string& text, std::vector<int>& codes) {
  // Codes and ranges ("200..299,403"), read by the link checker's own parser.
  if (std::string err = parse_accept(text, codes); !err.empty()) return err;
  return std::nullopt;
}

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// What a value of this kind must be, for messages.
std::string expected(const LinkSettingInfo& i) {
  switch (i.kind) {
    case K::Int: return "a whole number from " + num(i.min) + " to " + num(i.max);
    case K::Number: return "a number from " + num(i.min) + " to " + num(i.max);
    case K::Duration: return "seconds, or a number with s, m, h or d (90, 30m, 12h, 1d)";
    case K::Headers: return "a header 'Name: value'";
    case K::HostHeaders: return "'HOST=Name: value'";
    case K::Patterns: return "a regular expression";
    case K::StatusCodes: return "status codes and ranges, comma-separated";
    default: return "a string";
  }
}

std::optional<std::string> check_header(const std::string& h) {
  const std::size_t colon = h.find(':');
  if (colon == 0 || colon == std::string::npos) return "expected a header 'Name: value', got \"" + text::shorten(h) + "\"";
  for (std::size_t k = 0; k < colon; ++k)
    if (h[k] == ' ' || h[k] == '\t') return "a header's name has no spaces: \"" + text::shorten(h) + "\"";
  if (h.find_first_of("\r\n") != std::string::npos) return "a header is one line";
  return std::nullopt;
}

std::optional<std::string> check_host(const std::string& host) {
  const std::string name = host.rfind("*.", 0) == 0 ? host.substr(2) : host;
  if (name.empty() || name.find_first_of("/:@ *?#=") != std::string::npos)
    return "\"" + text::shorten(host) + "\" is not a host name (HOST or *.DOMAIN)";
  return std::nullopt;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Sets or adds one value given as text; the reason without the setting's name when invalid.
std::optional<std::string> apply_text(LinkSettings& s, const LinkSettingInfo& i, const std::string& v) {
  const std::string want = expected(i);
  switch (i.kind) {
    case K::Int: {
      std::size_t used = 0;
      long long n = 0;
      try {
        n = std::stoll(v, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != v.size() || static_cast<double>(n) < i.min || static_cast<double>(n) > i.max) return "expected " + want + ", got \"" + text::shorten(v) + "\"";
      std::get<int& (*)(LinkSettings&)>(i.field)(s) = static_cast<int>(n);
      return std::nullopt;
    }
    case K::Number: {
      std::size_t used = 0;
      double n = 0;
      try {
        n = std::stod(v, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != v.size() || !(n >= i.min && n <= i.max)) return "expected " + want + ", got \"" + text::shorten(v) + "\"";
      std::get<double& (*)(LinkSettings&)>(i.field)(s) = n;
      return std::nullopt;
    }
    case K::Duration:
      if (!parse_duration(v)) return "expected " + want + ", got \"" + text::shorten(v) + "\"";
      std::get<std::string& (*)(LinkSettings&)>(i.field)(s) = v;
      return std::nullopt;
    case K::Text:
    case K::Path:
      std::get<std::string& (*)(LinkSettings&)>(i.field)(s) = v;
      return std::nullopt;
    case K::Switch:
      if (v != "true" && v != "false") return "expected true or false, got \"" + text::shorten(v) + "\"";
      std::get<bool& (*)(LinkSettings&)>(i.field)(s) = v == "true";
      return std::nullopt;
    case K::List:
    case K::Patterns:
    case K::Headers:
      if (i.kind == K::Patterns) {
        try {
          std::regex r(v);
        } catch (const std::regex_error& e) {
          return "not a regular expression: \"" + text::shorten(v) + "\" (" + e.what() + ")";
        }
      }
      if (i.kind == K::Headers)
        if (auto err = check_header(v)) return err;
      std::get<std::vector<std::string>& (*)(LinkSettings&)>(i.field)(s).push_back(v);
      return std::nullopt;
    case K::StatusCodes:
      return parse_status_codes(v, std::get<std::vector<int>& (*)(LinkSettings&)>(i.field)(s));
    case K::HostHeaders: {
      const std::size_t eq = v.find('=');
      if (eq == std::string::npos) return "expected " + want + ", got \"" + text::shorten(v) + "\"";
      const std::string host = lower(v.substr(0, eq)), header = v.substr(eq + 1);
      if (auto err = check_host(host)) return err;
      if (auto err = check_header(header)) return err;
      std::get<std::map<std::string, std::vector<std::string>>& (*)(LinkSettings&)>(i.field)(s)[host].push_back(header);
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::string brief(const json& v) { return text::shorten(v.dump(-1, ' ', false, json::error_handler_t::replace)); }

}  // namespace

std::optional<std::string> apply_link_setting(LinkSettings& settings, const LinkSettingInfo& info, const std::string& text) {
  if (auto err = apply_text(settings, info, text)) return info.flag + ": " + *err;
  return std::nullopt;
}

std::optional<std::string> apply_link_settings_json(LinkSettings& s, const json& links, const std::string& base_dir) {
  if (!links.is_object()) return "\"links\" must be an object of link settings, not " + brief(links);
  const auto& table = link_settings();
  // Each key's mistake is reported (one per line), not only the first key's.
  std::vector<std::string> errors;
  auto apply_one = [&](const auto& item) -> std::optional<std::string> {
    // (Not a structured binding: clang 14 cannot capture one in the lambdas below.)
    const std::string& key = item.key();
    const json& v = item.value();
    const std::string& k = key;
    const auto it = std::find_if(table.begin(), table.end(), [&](const LinkSettingInfo& i) { return i.key == k; });
    if (it == table.end()) {
      std::string known;
      for (const auto& i : table) known += (known.empty() ? "" : ", ") + i.key;
      return "links: unknown key " + brief(key) + " (known: " + known + ")";
    }
    const LinkSettingInfo& i = *it;
    const std::string name = "links." + key;
    auto fail = [&](const std::string& want) { return name + " must be " + want + ", not " + brief(v); };
    auto each_string = [&](const json& arr, const std::string& what, auto&& f) -> std::optional<std::string> {
      if (!arr.is_array()) return fail("an array of " + what);
      for (const auto& e : arr) {
        if (!e.is_string()) return name + " must be an array of " + what + ", not " + brief(arr);
        if (auto err = f(e.get<std::string>())) return name + ": " + *err;
      }
      return std::nullopt;
    };
    switch (i.kind) {
      case K::Int:
        if (!v.is_number_integer() || v.get<double>() < i.min || v.get<double>() > i.max) return fail(expected(i));
        std::get<int& (*)(LinkSettings&)>(i.field)(s) = v.get<int>();
        break;
      case K::Number:
        if (!v.is_number() || !(v.get<double>() >= i.min && v.get<double>() <= i.max)) return fail(expected(i));
        std::get<double& (*)(LinkSettings&)>(i.field)(s) = v.get<double>();
        break;
      case K::Switch:
        if (!v.is_boolean()) return fail("true or false");
        std::get<bool& (*)(LinkSettings&)>(i.field)(s) = v.get<bool>();
        break;
      case K::Text:
      case K::Path:
      case K::Duration: {
        if (!v.is_string()) return fail(i.kind == K::Duration ? expected(i) : "a string");
        if (auto err = apply_text(s, i, v.get<std::string>())) return fail(expected(i));
        std::string& field = std::get<std::string& (*)(LinkSettings&)>(i.field)(s);
        if (i.kind == K::Path && !field.empty() && !base_dir.empty() && std::filesystem::path(field).is_relative())
          field = (std::filesystem::path(base_dir) / field).string();
        break;
      }
      case K::List:
      case K::Patterns:
      case K::Headers:
        if (auto err = each_string(v, i.kind == K::Headers ? "headers 'Name: value'" : i.kind == K::Patterns ? "regular expressions" : "strings",
                                   [&](const std::string& e) { return apply_text(s, i, e); }))
          return err;
        break;
      case K::StatusCodes:
        if (!v.is_array()) return fail("an array of status codes");
        for (const auto& e : v) {
          if (!e.is_number_integer() && !e.is_string()) return fail("an array of status codes");
          if (auto err = apply_text(s, i, e.is_string() ? e.get<std::string>() : e.dump())) return name + ": " + *err;
        }
        break;
      case K::HostHeaders:
        if (!v.is_object()) return fail("an object of host names, each with an array of headers");
        for (const auto& [host, headers] : v.items()) {
          if (auto err = check_host(host)) return name + ": " + *err;
          const std::string h = host;
          if (auto err = each_string(headers, "headers 'Name: value'",
                                     [&](const std::string& e) { return apply_text(s, i, h + "=" + e); }))
            return err;
        }
        break;
    }
    return std::nullopt;
  };
  for (const auto& item : links.items())
    if (auto err = apply_one(item)) errors.push_back(*err);
  if (errors.empty()) return std::nullopt;
  std::string all;
  for (const auto& e : errors) all += (all.empty() ? "" : "\n") + e;
  return all;
}

json link_settings_schema() {
  json props = json::object();
  for (const auto& i : link_settings()) {
    json p = {{"description", i.help + " (" + i.flag + (i.links_only ? "; listlint links only)" : ")")}};
    const json strings = {{"type", "array"}, {"items", {{"type", "string"}}}};
    switch (i.kind) {
      case K::Int: p["type"] = "integer"; p["minimum"] = i.min; p["maximum"] = i.max; break;
      case K::Number: p["type"] = "number"; p["minimum"] = i.min; p["maximum"] = i.max; break;
      case K::Switch: p["type"] = "boolean"; break;
      case K::Text: case K::Path: p["type"] = "string"; break;
      case K::Duration: p["type"] = "string"; p["pattern"] = "^[0-9]+(\\.[0-9]+)?[smhd]?$"; break;
      case K::List: case K::Patterns: case K::Headers: p.update(strings); break;
      case K::StatusCodes:
        p["type"] = "array";
        p["items"] = {{"type", {"integer", "string"}}};
        break;
      case K::HostHeaders:
        p["type"] = "object";
        p["additionalProperties"] = strings;
        break;
    }
    props[i.key] = p;
  }
  return {{"type", "object"},
          {"description", "how links are checked, by listlint links and check --links; the command line's flags override these"},
          {"properties", props},
          {"additionalProperties", false}};
}

}  // namespace listlint
