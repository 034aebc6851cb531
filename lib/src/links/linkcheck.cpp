#include "listlint/links/linkcheck.h"

#include "model/html.h"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <set>

namespace listlint {

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Alive: return "alive";
    case Verdict::Dead: return "dead";
    case Verdict::Redirected: return "redirected";
    case Verdict::Unknown: return "unknown";
    case Verdict::Skipped: return "skipped";
  }
  return "unknown";
}

std::optional<Verdict> verdict_from_name(std::string_view name) {
  for (Verdict v : {Verdict::Alive, Verdict::Dead, Verdict::Redirected, Verdict::Unknown, Verdict::Skipped})
    if (name == verdict_name(v)) return v;
  return std::nullopt;
}

bool local_http_url(std::string_view url) {
  if (url.size() < 7) return false;
  const std::string_view rest = url.substr(7);  // after "http://"
  std::string host(rest.substr(0, rest.find_first_of("/:?#")));
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto ends = [&](std::string_view suffix) {
    return host.size() > suffix.size() && host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return host == "localhost" || host.rfind("127.", 0) == 0 || host.rfind("10.", 0) == 0 ||
         host.rfind("192.168.", 0) == 0 || host == "0.0.0.0" || host == "[::1]" || ends(".local") || ends(".test");
}

bool private_address(const std::string& a) {
  unsigned char b[16];
  if (::inet_pton(AF_INET, a.c_str(), b) == 1) {
    if (b[0] == 127 || b[0] == 10 || b[0] == 0) return true;              // loopback, private, "this network"
    if (b[0] == 172 && (b[1] & 0xF0) == 16) return true;                  // 172.16.0.0/12
    if (b[0] == 192 && b[1] == 168) return true;                          // 192.168.0.0/16
    if (b[0] == 169 && b[1] == 254) return true;                          // link-local, cloud metadata
    if (b[0] == 100 && (b[1] & 0xC0) == 64) return true;                  // 100.64.0.0/10 (CGNAT)
    if (b[0] >= 224) return true;                                         // multicast, reserved, broadcast
    return false;
  }
  if (::inet_pton(AF_INET6, a.c_str(), b) == 1) {
    static const unsigned char zero[16] = {};
    if (std::memcmp(b, zero, 15) == 0 && (b[15] == 0 || b[15] == 1)) return true;  // :: and ::1
    if ((b[0] & 0xFE) == 0xFC) return true;                               // fc00::/7 unique local (fd00:ec2::254)
    if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return true;               // fe80::/10 link-local
    if (b[0] == 0xFF) return true;                                        // multicast
    static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
    if (std::memcmp(b, mapped, 12) == 0) {                                // ::ffff:a.b.c.d
      char v4[INET_ADDRSTRLEN];
      ::inet_ntop(AF_INET, b + 12, v4, sizeof v4);
      return private_address(v4);
    }
    return false;
  }
  return true;  // not an address we understand: refuse
}

std::string skip_reason(const std::string& url) {
  if (url.empty()) return "empty URL";
  if (url[0] == '#') return "in-page anchor";
  const std::size_t colon = url.find(':');
  const std::size_t slash = url.find_first_of("/?#");
  if (colon == std::string::npos || (slash != std::string::npos && slash < colon)) return "relative path";
  std::string scheme = url.substr(0, colon);
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme == "http" || scheme == "https") return "";
  return scheme + " URL";
}

std::string parse_accept(std::string_view spec, std::vector<int>& codes) {
  std::vector<int> read;
  auto code = [](std::string_view t, int& v) {
    if (t.size() != 3) return false;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    return ec == std::errc() && end == t.data() + t.size() && v >= 100 && v <= 999;
  };
  std::size_t begin = 0;
  bool any = false;
  while (begin <= spec.size()) {
    std::size_t comma = spec.find(',', begin);
    if (comma == std::string_view::npos) comma = spec.size();
    std::string_view part = spec.substr(begin, comma - begin);
    while (!part.empty() && std::isspace(static_cast<unsigned char>(part.front()))) part.remove_prefix(1);
    while (!part.empty() && std::isspace(static_cast<unsigned char>(part.back()))) part.remove_suffix(1);
    begin = comma + 1;
    if (part.empty()) continue;
    any = true;
    const std::string quoted = "\"" + std::string(part.substr(0, 40)) + (part.size() > 40 ? "...\"" : "\"");
    if (const std::size_t dots = part.find(".."); dots != std::string_view::npos) {
      int lo = 0, hi = 0;
      if (!code(part.substr(0, dots), lo) || !code(part.substr(dots + 2), hi))
        return quoted + " is not a range of status codes (100..999, e.g. 200..299)";
      if (lo > hi) return quoted + " is an empty range (write the lower code first)";
      for (int c = lo; c <= hi; ++c) read.push_back(c);
    } else {
      int c = 0;
      if (!code(part, c)) return quoted + " is not a status code (100..999) or a range (e.g. 200..299,403)";
      read.push_back(c);
    }
  }
  if (!any) return "no status code given (e.g. 200..299,403)";
  codes.insert(codes.end(), read.begin(), read.end());
  return "";
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// A URL's path ("" for none), without query or fragment; `rest` gets what follows the path.
std::string_view url_path(std::string_view url, std::string_view* rest = nullptr) {
  const std::size_t scheme = url.find("://");
  if (rest) *rest = {};
  if (scheme == std::string_view::npos) return {};
  const std::size_t start = url.find_first_of("/?#", scheme + 3);
  if (start == std::string_view::npos) return {};
  std::string_view p = url.substr(start);
  const std::size_t end = p.find_first_of("?#");
  if (end != std::string_view::npos && rest) *rest = p.substr(end);
  return p.substr(0, end);
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

std::vector<std::string> html_anchors(std::string_view h) {
  std::vector<std::string> out;
  const std::size_t n = h.size();
  std::size_t i = 0;
  while ((i = h.find('<', i)) != std::string_view::npos) {
    if (h.compare(i, 4, "<!--") == 0) {
      const std::size_t end = h.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    ++i;
    if (i >= n || !std::isalpha(static_cast<unsigned char>(h[i]))) continue;
    const std::size_t name_start = i;
    while (i < n && !space(h[i]) && h[i] != '>' && h[i] != '/') ++i;
    const std::string tag = lower(h.substr(name_start, i - name_start));
    while (i < n && h[i] != '>') {
      if (space(h[i]) || h[i] == '/') {
        ++i;
        continue;
      }
      const std::size_t attr_start = i;
      while (i < n && !space(h[i]) && h[i] != '=' && h[i] != '>' && h[i] != '/') ++i;
      if (i == attr_start) {  // a stray '='
        ++i;
        continue;
      }
      const std::string attr = lower(h.substr(attr_start, i - attr_start));
      while (i < n && space(h[i])) ++i;
      if (i >= n || h[i] != '=') continue;
      ++i;
      while (i < n && space(h[i])) ++i;
      std::string_view value;
      if (i < n && (h[i] == '"' || h[i] == '\'')) {
        const std::size_t close = h.find(h[i], i + 1);
        if (close == std::string_view::npos) return out;
        value = h.substr(i + 1, close - i - 1);
        i = close + 1;
      } else {
        const std::size_t v = i;
        while (i < n && !space(h[i]) && h[i] != '>') ++i;
        value = h.substr(v, i - v);
      }
      if (attr == "id" || (attr == "name" && tag == "a")) out.push_back(html::decode_entities(value));
    }
    if (tag == "script" || tag == "style") {  // their text holds no elements
      const std::size_t end = h.find("</", i);
      std::size_t at = end;
      while (at != std::string_view::npos && lower(h.substr(at + 2, tag.size())) != tag) at = h.find("</", at + 2);
      if (at == std::string_view::npos) break;
      i = at;
    }
  }
  return out;
}

bool fragment_found(std::string_view fragment, const std::vector<std::string>& anchors, bool github_page) {
  if (const std::size_t directive = fragment.find(":~:"); directive != std::string_view::npos)
    fragment = fragment.substr(0, directive);  // a text fragment: the browser finds the text
  const std::string decoded = percent_decode(fragment);
  if (decoded.empty() || lower(decoded) == "top") return true;
  auto has = [&](const std::string& a) { return std::binary_search(anchors.begin(), anchors.end(), a); };
  if (has(decoded) || has(std::string(fragment))) return true;
  if (github_page) {
    // GitHub's pages find "user-content-" + the fragment, in any case, and #readme on a repository.
    const std::string want = "user-content-" + lower(decoded);
    if (lower(decoded) == "readme") return true;
    // A file's line anchors (#L10, #L10-L20), made by the page's script.
    if (decoded.size() > 1 && decoded[0] == 'L' && std::isdigit(static_cast<unsigned char>(decoded[1]))) return true;
    for (const auto& a : anchors)
      if (a.size() == want.size() && lower(a) == want) return true;
  }
  return false;
}

bool redirected_home(std::string_view from, std::string_view to) {
  std::string_view from_path = url_path(from), to_rest;
  const std::string_view to_path = url_path(to, &to_rest);
  if (!(to_path.empty() || to_path == "/") || to_rest.size() > 1) return false;  // "/?p=12" is no home page
  while (!from_path.empty() && from_path.back() == '/') from_path.remove_suffix(1);
  if (from_path.empty()) return false;
  // "/index.html", "/home", "/default.aspx": the home page by another name.
  if (from_path.rfind('/') == 0) {
    const std::string seg = lower(from_path.substr(1));
    if (seg == "home" || seg == "index" || seg.rfind("index.", 0) == 0 || seg.rfind("default.", 0) == 0) return false;
  }
  return true;
}

std::string github_repository(const std::string& url) {
  static const char* kPrefixes[] = {"https://github.com/", "http://github.com/", "https://www.github.com/"};
  std::string rest;
  for (const char* p : kPrefixes)
    if (url.rfind(p, 0) == 0) rest = url.substr(std::strlen(p));
  if (rest.empty()) return "";
  rest = rest.substr(0, rest.find_first_of("?#"));
  if (!rest.empty() && rest.back() == '/') rest.pop_back();
  if (rest.size() > 4 && rest.compare(rest.size() - 4, 4, ".git") == 0) rest.resize(rest.size() - 4);
  const std::size_t slash = rest.find('/');
  if (slash == std::string::npos || slash == 0 || rest.find('/', slash + 1) != std::string::npos || slash + 1 == rest.size()) return "";
  std::string owner = rest.substr(0, slash);
  for (char& c : owner) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::set<std::string> kReserved = {
      "about", "apps", "collections", "contact", "customer-stories", "enterprise", "events", "explore", "features",
      "join", "login", "marketplace", "new", "notifications", "orgs", "organizations", "pricing", "pulls", "issues",
      "readme", "search", "security", "settings", "site", "solutions", "sponsors", "stars", "team", "topics",
      "trending", "users", "codespaces", "copilot", "resources", "watching", "premium-support", "signup"};
  if (kReserved.count(owner)) return "";
  for (char c : rest)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/')) return "";
  return rest;
}

}  // namespace listlint
