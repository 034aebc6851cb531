// libcurl's callbacks and the small readers of the link checker's requests (curl_request.h).
// Part of the network module (listlint-net.so).

#include "links/curl_request.h"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <ctime>

namespace listlint::curl_request {

// A URL's host name, lowercase, without port; "" when malformed.
std::string host_name(const std::string& url) {
  CURLU* u = curl_url();
  std::string name;
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
    char* host = nullptr;
    if (curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) name = host;
    curl_free(host);
  }
  curl_url_cleanup(u);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

// The host a URL's requests count against: scheme://host:port, lowercase; "" when malformed.
std::string host_key(const std::string& url) {
  CURLU* u = curl_url();
  std::string key;
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
    char *scheme = nullptr, *host = nullptr, *port = nullptr;
    if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
      key = std::string(scheme) + "://" + host + ":" + port;
      for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
  }
  curl_url_cleanup(u);
  return key;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* p) {
  Job* j = static_cast<Job*>(p);
  const std::size_t len = size * n;
  std::string line(data, len);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (line.rfind("HTTP/", 0) == 0) {  // a new response: forget the last one's headers
    j->retry_after.clear();
    j->server.clear();
    j->cf_mitigated.clear();
    j->ratelimit_remaining.clear();
    j->ratelimit_reset.clear();
  }
  const std::size_t colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(value.begin());
    if (name == "retry-after") j->retry_after = value;
    if (name == "server") j->server = value;
    if (name == "cf-mitigated") j->cf_mitigated = value;
    if (name == "x-ratelimit-remaining") j->ratelimit_remaining = value;
    if (name == "x-ratelimit-reset") j->ratelimit_reset = value;
  }
  return len;
}

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* p) {
  Job* j = static_cast<Job*>(p);
  long status = 0;
  curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &status);
  // A success needs no body (but the API's, which names the repository's page, and a page whose
  // fragments are checked); an error page is read a little, to recognise bot challenges.
  const bool success = status >= 200 && status < 300;
  if (success && !j->api && !j->want_page) {
    j->aborted = true;
    return 0;
  }
  const std::size_t limit = success && j->want_page ? j->options->max_page_body : j->options->max_body;
  if (j->body.size() + size * n > limit) {
    j->body.append(data, limit - std::min(limit, j->body.size()));
    j->truncated = success && j->want_page;
    j->aborted = true;
    return 0;
  }
  j->body.append(data, size * n);
  return size * n;
}

curl_socket_t on_open_socket(void* p, curlsocktype, curl_sockaddr* addr) {
  Job* j = static_cast<Job*>(p);
  char text[INET6_ADDRSTRLEN] = {};
  if (addr->family == AF_INET)
    ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&addr->addr)->sin_addr, text, sizeof text);
  else if (addr->family == AF_INET6)
    ::inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&addr->addr)->sin6_addr, text, sizeof text);
  if (!j->options->allow_private && private_address(text)) {
    j->blocked = true;
    j->blocked_address = text;
    return CURL_SOCKET_BAD;
  }
  return ::socket(addr->family, addr->socktype | SOCK_CLOEXEC, addr->protocol);
}

// The value of the first string field `name` in a JSON text ("" when absent); enough for the
// API's "full_name", which comes before any nested object and holds no escapes.
std::string json_string_field(const std::string& body, const std::string& name) {
  const std::string key = "\"" + name + "\"";
  std::size_t at = body.find(key);
  if (at == std::string::npos) return "";
  at = body.find(':', at + key.size());
  if (at == std::string::npos) return "";
  at = body.find('"', at);
  if (at == std::string::npos) return "";
  const std::size_t end = body.find('"', at + 1);
  if (end == std::string::npos) return "";
  return body.substr(at + 1, end - at - 1);
}

// Seconds from a Retry-After value (delta-seconds or an HTTP date); -1 when absent or unreadable.
double retry_after_seconds(const std::string& v) {
  if (v.empty()) return -1;
  if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::stod(v);
  const time_t when = curl_getdate(v.c_str(), nullptr);
  if (when < 0) return -1;
  return std::max(0.0, static_cast<double>(when - std::time(nullptr)));
}

}  // namespace listlint::curl_request
