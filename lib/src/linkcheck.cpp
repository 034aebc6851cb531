#include "listlint/linkcheck.h"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <cctype>
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
