#pragma once
// The link checker's requests over libcurl, the pieces around the scheduler (linkcheck_curl.cpp):
// one request's state (Job), a host's queue (Host), libcurl's callbacks that fill a Job, and small
// readers of URLs and headers. Part of the network module (listlint-net.so).

#include <curl/curl.h>

#include <chrono>
#include <deque>
#include <set>
#include <string>
#include <vector>

#include "listlint/links/linkcheck.h"

namespace listlint::curl_request {

using Clock = std::chrono::steady_clock;
inline double now_s() { return std::chrono::duration<double>(Clock::now().time_since_epoch()).count(); }

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~CurlGlobal() { curl_global_cleanup(); }
};

struct Host;

struct Job {
  std::vector<std::size_t> indices;  // the results this request settles: the URLs that differ only in fragment
  std::string origin;         // the URL first requested (without fragment)
  std::string url;            // the URL requested now (after redirects)
  bool get = false;           // GET instead of HEAD
  int retries_left = 0;
  int backoff_step = 0;
  double not_before = 0;
  std::set<std::string> seen;  // for redirect loops
  Host* host = nullptr;
  bool api = false;           // checked through the GitHub API: the body names the repository's page
  bool want_page = false;     // a fragment to find: a successful body is read (up to max_page_body)
  int rate_waits = 0;         // waits for the GitHub API's rate limit to reset
  // The page's anchors (want_page, after a 2xx HTML answer):
  bool page_read = false, truncated = false, github_page = false;
  std::vector<std::string> anchors;
  double started = 0;         // when the request under way started
  // One attempt:
  CURL* easy = nullptr;
  std::string body, retry_after, server, cf_mitigated, ratelimit_remaining, ratelimit_reset;
  bool aborted = false, blocked = false;
  std::string blocked_address;
  char error[CURL_ERROR_SIZE] = {};
  const LinkCheckOptions* options = nullptr;
};

struct Host {
  std::string name;  // "host" or "host:port", for the progress display
  std::deque<Job*> queue;
  int in_flight = 0;
  double next_start = 0, paused_until = 0;
  double exhausted_until = 0;     // the GitHub API's rate limit is spent until then (far): API jobs are unknown at once
  std::string exhausted_reason;
};

/// A URL's host name, lowercase, without port; "" when malformed.
std::string host_name(const std::string& url);
/// The host a URL's requests count against: scheme://host:port, lowercase; "" when malformed.
std::string host_key(const std::string& url);

/// libcurl's callbacks; `p` is the Job. Headers: Retry-After, Server, cf-mitigated and the GitHub
/// API's rate limit are kept. Body: read only when needed (the API's answer, a page whose
/// fragments are checked, a little of an error page). Sockets: private addresses are refused
/// unless allowed.
std::size_t on_header(char* data, std::size_t size, std::size_t n, void* p);
std::size_t on_body(char* data, std::size_t size, std::size_t n, void* p);
curl_socket_t on_open_socket(void* p, curlsocktype, curl_sockaddr* addr);

/// The value of the first string field `name` in a JSON text ("" when absent); enough for the
/// API's "full_name", which comes before any nested object and holds no escapes.
std::string json_string_field(const std::string& body, const std::string& name);
/// Seconds from a Retry-After value (delta-seconds or an HTTP date); -1 when absent or unreadable.
double retry_after_seconds(const std::string& v);

}  // namespace listlint::curl_request
