// The link checker's requests, over libcurl: part of the link checker's module (listlint-net.so,
// loaded only by the commands that check links; see net_api.h).
#include <arpa/inet.h>
#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <deque>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <unordered_map>

#include "listlint/linkcheck.h"
#include "net_api.h"

namespace listlint {

namespace {

using Clock = std::chrono::steady_clock;
double now_s() { return std::chrono::duration<double>(Clock::now().time_since_epoch()).count(); }

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~CurlGlobal() { curl_global_cleanup(); }
};

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

struct Host;

struct Job {
  std::size_t index = 0;
  std::string url;            // the URL requested now (after redirects)
  bool get = false;           // GET instead of HEAD
  int retries_left = 0;
  int backoff_step = 0;
  double not_before = 0;
  std::set<std::string> seen;  // for redirect loops
  Host* host = nullptr;
  bool api = false;           // checked through the GitHub API: the body names the repository's page
  double started = 0;         // when the request under way started
  // One attempt:
  CURL* easy = nullptr;
  std::string body, retry_after, server, cf_mitigated;
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
};

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* p) {
  Job* j = static_cast<Job*>(p);
  const std::size_t len = size * n;
  std::string line(data, len);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (line.rfind("HTTP/", 0) == 0) {  // a new response: forget the last one's headers
    j->retry_after.clear();
    j->server.clear();
    j->cf_mitigated.clear();
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
  }
  return len;
}

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* p) {
  Job* j = static_cast<Job*>(p);
  long status = 0;
  curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &status);
  // A success needs no body (but the API's, which names the repository's page); an error page is
  // read a little, to recognise bot challenges.
  if ((status >= 200 && status < 300 && !j->api) || j->body.size() >= j->options->max_body) {
    j->aborted = true;
    return 0;
  }
  j->body.append(data, std::min(size * n, j->options->max_body - j->body.size()));
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

class Checker {
 public:
  Checker(const std::vector<std::string>& urls, const LinkCheckOptions& o, const LinkProgress& progress)
      : o_(o), progress_(progress), rng_(std::random_device{}()) {
    std::unordered_map<std::string, std::size_t> index;
    for (const auto& u : urls) {
      if (!index.emplace(u, results_.size()).second) continue;
      LinkResult r;
      r.url = u;
      results_.push_back(std::move(r));
    }
    ua_ = o.user_agent.empty() ? std::string("listlint/0.1 (link checker; +https://github.com/listlint/listlint)") : o.user_agent;
    for (const auto& h : o.headers) headers_ = curl_slist_append(headers_, h.c_str());
    for (const auto& [host, extra] : o.host_headers) {
      curl_slist*& list = host_headers_[host];
      for (const auto& h : o.headers) list = curl_slist_append(list, h.c_str());
      for (const auto& h : extra) list = curl_slist_append(list, h.c_str());
    }
    if (!o.github_token.empty()) {
      api_key_ = host_key(o.github_api);
      for (const auto& h : o.headers) api_headers_ = curl_slist_append(api_headers_, h.c_str());
      api_headers_ = curl_slist_append(api_headers_, ("Authorization: Bearer " + o.github_token).c_str());
      api_headers_ = curl_slist_append(api_headers_, "Accept: application/vnd.github+json");
      api_headers_ = curl_slist_append(api_headers_, "X-GitHub-Api-Version: 2022-11-28");
    }
    multi_ = curl_multi_init();
    curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(std::max(1, o.per_host)));
    curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(std::max(1, o.concurrency)));
    curl_multi_setopt(multi_, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  }
  ~Checker() {
    for (auto& j : jobs_)
      if (j->easy) {
        curl_multi_remove_handle(multi_, j->easy);
        curl_easy_cleanup(j->easy);
      }
    for (CURL* e : pool_) curl_easy_cleanup(e);
    curl_multi_cleanup(multi_);
    curl_slist_free_all(headers_);
    curl_slist_free_all(api_headers_);
    for (auto& [host, list] : host_headers_) curl_slist_free_all(list);
  }

  std::vector<LinkResult> run() {
    for (std::size_t i = 0; i < results_.size(); ++i) {
      LinkResult& r = results_[i];
      if (std::string why = skip_reason(r.url); !why.empty()) {
        settle(r, Verdict::Skipped, why);
        continue;
      }
      auto job = std::make_unique<Job>();
      job->index = i;
      job->url = r.url;
      job->retries_left = std::max(0, o_.retries);
      job->options = &o_;
      job->seen.insert(r.url);
      if (!o_.github_token.empty()) {
        if (const std::string repo = github_repository(r.url); !repo.empty()) {
          job->api = true;
          job->get = true;
          job->url = o_.github_api + "/repos/" + repo;
        }
      }
      if (!enqueue(job.get(), now_s())) settle(r, Verdict::Dead, "malformed URL");
      jobs_.push_back(std::move(job));
    }
    double next_tick = now_s() + kTick;
    while (settled_ < results_.size()) {
      const double now = now_s();
      if (progress_ && now >= next_tick) {
        tick(now);
        next_tick = now + kTick;
      }
      start_ready(now);
      int running = 0;
      curl_multi_perform(multi_, &running);
      int left = 0;
      while (CURLMsg* m = curl_multi_info_read(multi_, &left)) {
        if (m->msg != CURLMSG_DONE) continue;
        Job* j = nullptr;
        curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &j);
        finish(j, m->data.result);
      }
      if (settled_ >= results_.size()) break;
      curl_multi_poll(multi_, nullptr, 0, wait_ms(now_s()), nullptr);
    }
    return std::move(results_);
  }

 private:
  bool enqueue(Job* j, double not_before) {
    const std::string key = host_key(j->url);
    if (key.empty()) return false;
    Host& h = hosts_[key];
    if (h.name.empty()) {
      const std::size_t colon = key.rfind(':');
      const std::string port = key.substr(colon + 1);
      h.name = key.substr(key.find("://") + 3, colon - key.find("://") - 3);
      if (!((key.rfind("http:", 0) == 0 && port == "80") || (key.rfind("https:", 0) == 0 && port == "443"))) h.name += ":" + port;
    }
    j->host = &h;
    j->not_before = not_before;
    h.queue.push_back(j);
    return true;
  }

  void start_ready(double now) {
    for (auto& [key, h] : hosts_) {
      if (active_ >= o_.concurrency) return;
      if (h.queue.empty() || h.in_flight >= o_.per_host || now < h.next_start || now < h.paused_until) continue;
      while (active_ < o_.concurrency && h.in_flight < o_.per_host) {
        auto it = std::find_if(h.queue.begin(), h.queue.end(), [&](Job* j) { return j->not_before <= now; });
        if (it == h.queue.end()) break;
        Job* j = *it;
        h.queue.erase(it);
        start(j);
        if (o_.interval > 0) {  // one start per host per interval
          h.next_start = now + o_.interval;
          break;
        }
      }
    }
  }

  int wait_ms(double now) const {
    double next = now + 0.1;
    for (const auto& [key, h] : hosts_) {
      if (h.queue.empty() || h.in_flight >= o_.per_host) continue;
      double t = std::max(h.next_start, h.paused_until);
      double earliest = 1e300;
      for (const Job* j : h.queue) earliest = std::min(earliest, j->not_before);
      next = std::min(next, std::max(t, earliest));
    }
    return std::max(0, static_cast<int>((next - now) * 1000));
  }

  void start(Job* j) {
    // Easy handles are reused (reset between requests): fewer allocations per URL.
    if (!pool_.empty()) {
      j->easy = pool_.back();
      pool_.pop_back();
      curl_easy_reset(j->easy);
    } else {
      j->easy = curl_easy_init();
    }
    j->body.clear();
    j->retry_after.clear();
    j->server.clear();
    j->cf_mitigated.clear();
    j->aborted = j->blocked = false;
    j->error[0] = 0;
    CURL* e = j->easy;
    curl_easy_setopt(e, CURLOPT_URL, j->url.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, j);
    if (j->get) curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    else curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);  // redirects are followed here, hop by hop
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(o_.timeout * 1000));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o_.connect_timeout * 1000));
    curl_easy_setopt(e, CURLOPT_USERAGENT, ua_.c_str());
    if (j->api && host_key(j->url) == api_key_) curl_easy_setopt(e, CURLOPT_HTTPHEADER, api_headers_);
    else if (curl_slist* list = headers_for(j->url)) curl_easy_setopt(e, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, j);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, j);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, j);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, j->error);
    curl_multi_add_handle(multi_, e);
    ++j->host->in_flight;
    ++active_;
    ++results_[j->index].attempts;
    j->started = now_s();
  }

  void settle(LinkResult& r, Verdict v, std::string error) {
    r.verdict = v;
    r.error = std::move(error);
    ++settled_;
    if (progress_) {
      LinkProgressInfo info;
      info.settled = settled_;
      info.total = results_.size();
      info.result = &r;
      progress_(info);
    }
  }

  // The progress callback on the timer: what is in flight, for how long.
  void tick(double now) {
    LinkProgressInfo info;
    info.settled = settled_;
    info.total = results_.size();
    for (const auto& j : jobs_)
      if (j->easy) info.in_flight.push_back({j->url, j->host->name, now - j->started});
    for (const auto& [key, h] : hosts_) info.paused_hosts += h.paused_until > now && !h.queue.empty();
    progress_(info);
  }

  // The headers for a request to `url`'s host: those for every host, and the host's own.
  curl_slist* headers_for(const std::string& url) const {
    if (host_headers_.empty()) return headers_;
    CURLU* u = curl_url();
    std::string host;
    char* h = nullptr;
    if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK && curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK) host = h;
    curl_free(h);
    curl_url_cleanup(u);
    for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (auto it = host_headers_.find(host); it != host_headers_.end()) return it->second;
    for (std::size_t dot = host.find('.'); dot != std::string::npos; dot = host.find('.', dot + 1))
      if (auto it = host_headers_.find("*" + host.substr(dot)); it != host_headers_.end()) return it->second;
    return headers_;
  }

  // Tries again later: a retry with exponential backoff and jitter, or after Retry-After.
  bool retry(Job* j, double now, double retry_after, bool pause_host) {
    if (j->retries_left <= 0) return false;
    --j->retries_left;
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    double delay = o_.backoff * static_cast<double>(1 << std::min(j->backoff_step++, 10)) * jitter(rng_);
    if (retry_after >= 0) delay = std::min(retry_after, o_.retry_after_cap);
    if (pause_host) j->host->paused_until = std::max(j->host->paused_until, now + delay);
    j->not_before = now + delay;
    j->host->queue.push_back(j);
    return true;
  }

  void finish(Job* j, CURLcode rc) {
    long status = 0;
    curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &status);
    char* location = nullptr;
    curl_easy_getinfo(j->easy, CURLINFO_REDIRECT_URL, &location);
    const std::string redirect = location ? location : "";
    curl_multi_remove_handle(multi_, j->easy);
    pool_.push_back(j->easy);
    j->easy = nullptr;
    --j->host->in_flight;
    --active_;
    const double now = now_s();
    LinkResult& r = results_[j->index];
    r.final_url = j->url;
    if (j->blocked) {
      settle(r, Verdict::Skipped, "private address " + j->blocked_address + " (--allow-private checks it)");
      return;
    }
    const bool answered = rc == CURLE_OK || (rc == CURLE_WRITE_ERROR && j->aborted);
    if (!answered) {
      std::string why = j->error[0] ? j->error : curl_easy_strerror(rc);
      switch (rc) {
        case CURLE_COULDNT_RESOLVE_HOST:
          settle(r, Verdict::Dead, "DNS failure: " + why);
          return;
        case CURLE_COULDNT_CONNECT:
          settle(r, Verdict::Dead, "connection refused: " + why);
          return;
        case CURLE_OPERATION_TIMEDOUT:
          if (retry(j, now, -1, false)) return;
          settle(r, Verdict::Unknown, "timeout: " + why);
          return;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CONNECT_ERROR:
          settle(r, Verdict::Dead, "TLS: " + why);
          return;
        default:  // resets, empty replies, HTTP/2 stream errors
          if (retry(j, now, -1, false)) return;
          settle(r, Verdict::Unknown, "connection failed: " + why);
          return;
      }
    }
    r.http_status = static_cast<int>(status);
    const bool accepted = std::find(o_.accept.begin(), o_.accept.end(), status) != o_.accept.end();
    if (j->api) {
      // The repository answered through the API: what matters is its page, not the API's URL.
      r.final_url = r.url;
      if (status >= 200 && status < 300) {
        const std::string name = json_string_field(j->body, "full_name");  // OWNER/REPO, as it is now
        const std::string page = name.empty() ? "" : "https://github.com/" + name;
        const bool moved = r.permanent && !page.empty();
        r.redirects.clear();
        if (moved) r.redirects.push_back(page);
        r.final_url = moved ? page : r.url;
        r.permanent = moved;
        settle(r, moved ? Verdict::Redirected : Verdict::Alive, "");
        return;
      }
      if (status == 404) {
        r.redirects.clear();
        settle(r, Verdict::Dead, "HTTP 404 (GitHub API: no such repository, or a private one)");
        return;
      }
    }
    if ((status >= 200 && status < 300) || accepted) {
      settle(r, r.permanent ? Verdict::Redirected : Verdict::Alive, "");
      return;
    }
    if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
      if (redirect.empty()) {
        settle(r, Verdict::Dead, "HTTP " + std::to_string(status) + " without a Location");
        return;
      }
      r.redirects.push_back(redirect);
      r.final_url = redirect;
      r.permanent |= status == 301 || status == 308;
      if (!j->seen.insert(redirect).second) {
        settle(r, Verdict::Dead, "redirect loop");
        return;
      }
      if (static_cast<int>(r.redirects.size()) > o_.max_redirects) {
        settle(r, Verdict::Dead, "more than " + std::to_string(o_.max_redirects) + " redirects");
        return;
      }
      if (std::string why = skip_reason(redirect); !why.empty()) {
        settle(r, Verdict::Skipped, "redirected to a " + why);
        return;
      }
      j->url = redirect;
      if (status == 303) j->get = true;
      if (!enqueue(j, now)) settle(r, Verdict::Dead, "redirected to a malformed URL");
      return;
    }
    // Many servers answer HEAD wrongly (405, 403, 400, 501, even 404): ask again with GET.
    if (!j->get && status >= 400 && status != 429 && !(status >= 500 && status != 501)) {
      j->get = true;
      j->host->queue.push_front(j);
      j->not_before = now;
      return;
    }
    const bool cloudflare = j->cf_mitigated == "challenge" ||
                            ((status == 403 || status == 503) && j->server.find("cloudflare") != std::string::npos &&
                             (j->body.find("challenge-platform") != std::string::npos || j->body.find("Just a moment") != std::string::npos));
    if (cloudflare) {
      settle(r, Verdict::Unknown, "HTTP " + std::to_string(status) + " (a Cloudflare challenge: the site blocks checkers)");
      return;
    }
    if (status == 408 || status == 429 || status >= 500) {
      const double after = retry_after_seconds(j->retry_after);
      j->get = true;  // a HEAD that failed this way is retried with GET
      if (retry(j, now, after, status == 429 || status == 503)) return;
      if (status == 429) settle(r, Verdict::Unknown, "HTTP 429 (rate limited)");
      else if (status == 408) settle(r, Verdict::Unknown, "HTTP 408 (request timeout)");
      else settle(r, Verdict::Dead, "HTTP " + std::to_string(status));
      return;
    }
    if (status == 403 || status == 999 || status == 401) {
      settle(r, Verdict::Unknown, "HTTP " + std::to_string(status) + " (the site may block checkers)");
      return;
    }
    settle(r, Verdict::Dead, "HTTP " + std::to_string(status));
  }

  const LinkCheckOptions& o_;
  const LinkProgress& progress_;
  std::mt19937 rng_;
  std::vector<LinkResult> results_;
  std::vector<std::unique_ptr<Job>> jobs_;
  std::map<std::string, Host> hosts_;
  CURLM* multi_ = nullptr;
  curl_slist* headers_ = nullptr;
  std::vector<CURL*> pool_;            // finished easy handles, for the next requests
  curl_slist* api_headers_ = nullptr;  // the extra headers, the token and the API's media type
  std::map<std::string, curl_slist*> host_headers_;  // host (or "*.domain") -> every host's headers and its own
  static constexpr double kTick = 0.25;  // seconds between two progress ticks
  std::string api_key_;                // the API's scheme://host:port: the only one the token goes to
  std::string ua_;
  int active_ = 0;
  std::size_t settled_ = 0;
};

}  // namespace

namespace net {

std::vector<LinkResult> check_links(const std::vector<std::string>& urls, const LinkCheckOptions& options,
                                    const LinkProgress& progress) {
  static CurlGlobal global;
  Checker c(urls, options, progress);
  return c.run();
}

}  // namespace net

}  // namespace listlint
