// The link checker's requests, over libcurl: part of the link checker's module (listlint-net.so,
// loaded only by the commands that check links; see net_api.h).
#include <arpa/inet.h>
#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <deque>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <unordered_map>

#include "listlint/links/linkcheck.h"
#include "links/curl_request.h"
#include "links/net_api.h"

namespace listlint {

namespace {

using namespace curl_request;

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
    ua_ = o.user_agent.empty() ? std::string("listlint/" LISTLINT_VERSION " (link checker; +https://github.com/listlint/listlint)") : o.user_agent;
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
    // One request per URL without its fragment: links that differ only in fragment share it.
    std::unordered_map<std::string, Job*> by_request;
    for (std::size_t i = 0; i < results_.size(); ++i) {
      LinkResult& r = results_[i];
      if (std::string why = skip_reason(r.url); !why.empty()) {
        settle(r, Verdict::Skipped, why);
        continue;
      }
      const std::size_t hash = r.url.find('#');
      const bool fragment = hash != std::string::npos && hash + 1 < r.url.size();
      std::string request = r.url.substr(0, hash);
      auto [it, fresh] = by_request.emplace(request, nullptr);
      if (fresh) {
        auto job = std::make_unique<Job>();
        job->origin = request;
        job->url = std::move(request);
        job->retries_left = std::max(0, o_.retries);
        job->options = &o_;
        job->seen.insert(job->url);
        it->second = job.get();
        jobs_.push_back(std::move(job));
      }
      it->second->indices.push_back(i);
      it->second->want_page |= o_.check_fragments && fragment;
    }
    const double start = now_s();
    for (auto& job : jobs_) {
      // A repository whose page must be read (a fragment to find) is no question for the API.
      if (!o_.github_token.empty() && !job->want_page) {
        if (const std::string repo = github_repository(job->url); !repo.empty()) {
          job->api = true;
          job->url = o_.github_api + "/repos/" + repo;
        }
      }
      job->get = job->api || job->want_page;  // a page is read whole: no HEAD first
      if (!enqueue(job.get(), start)) settle_job(job.get(), Verdict::Dead, "malformed URL");
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
        if (j->api && now < h.exhausted_until) {  // the API's rate limit is spent for long: no request
          settle_job(j, Verdict::Unknown, h.exhausted_reason);
          continue;
        }
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
    ++results_[j->indices.front()].attempts;
    j->started = now_s();
  }

  void settle(LinkResult& r, Verdict v, std::string error) {
    r.verdict = v;
    r.error = std::move(error);
    settled(r);
  }

  // Counts `r` settled and tells the progress callback.
  void settled(const LinkResult& r) {
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

  // Settles every URL of a request: the first result holds the request's story (status,
  // redirects, attempts); each URL gets it with its own fragment, checked on the page when asked.
  void settle_job(Job* j, Verdict v, std::string error) {
    LinkResult& first = results_[j->indices.front()];
    first.verdict = v;
    first.error = std::move(error);
    const std::string final_base = first.final_url;
    // The request's story as it is before the first URL's own fragment is looked at.
    const LinkResult shared = j->indices.size() > 1 ? first : LinkResult{};
    for (std::size_t k = 0; k < j->indices.size(); ++k) {
      LinkResult& r = results_[j->indices[k]];
      if (k > 0) {
        std::string url = std::move(r.url);
        r = shared;
        r.url = std::move(url);
      }
      const std::size_t hash = r.url.find('#');
      // Where the link ends: the URL itself, or the last hop with the link's fragment (a browser
      // keeps it across redirects that give none).
      if (r.redirects.empty()) r.final_url = r.url;
      else if (hash != std::string::npos && final_base.find('#') == std::string::npos && !r.likely_gone)
        r.final_url = final_base + r.url.substr(hash);
      else r.final_url = final_base;
      if (j->page_read && hash != std::string::npos && (v == Verdict::Alive || v == Verdict::Redirected)) {
        const std::string fragment = r.url.substr(hash + 1);
        if (!fragment_found(fragment, j->anchors, j->github_page)) {
          if (j->truncated) {
            r.verdict = Verdict::Unknown;
            r.error = "fragment #" + fragment + " not found in the first " + std::to_string(o_.max_page_body >> 10) +
                      " KiB of the page (the rest was not read)";
          } else {
            r.verdict = Verdict::Dead;
            r.missing_fragment = fragment;
            r.error = "fragment #" + fragment + " not found on the page";
          }
        }
      }
      settled(r);
    }
  }

  // The anchors of the page a job read (its fragments are looked up in them).
  void read_page(Job* j, const std::string& content_type) {
    std::string type = content_type;
    for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // A PDF's #page=2 or a text file's #L10 is for the viewer: only HTML pages are read.
    if (!type.empty() && type.find("html") == std::string::npos) return;
    j->page_read = true;
    const std::string host = host_name(j->url);
    j->github_page = std::find(o_.github_hosts.begin(), o_.github_hosts.end(), host) != o_.github_hosts.end();
    j->anchors = html_anchors(j->body);
    if (j->github_page) {
      // GitHub's newer pages carry a file's rendered Markdown in a JSON island: its user-content-
      // ids are found in the text as written there.
      static const std::string kPrefix = "user-content-";
      for (std::size_t at = j->body.find(kPrefix); at != std::string::npos; at = j->body.find(kPrefix, at + kPrefix.size())) {
        const std::size_t end = j->body.find_first_of("\"'\\<> &", at);
        j->anchors.push_back(j->body.substr(at, end == std::string::npos ? std::string::npos : end - at));
      }
    }
    std::sort(j->anchors.begin(), j->anchors.end());
    j->body.clear();
    j->body.shrink_to_fit();
  }

  // The GitHub API's rate limit, when a response says it is spent (X-RateLimit-Remaining: 0):
  // true when the job was put back to wait for the reset, or settled `unknown` (the reset too far).
  bool rate_limited(Job* j, long status, double now) {
    if (!j->api || j->ratelimit_remaining != "0" || j->ratelimit_reset.empty()) return false;
    char* end = nullptr;
    const double reset = std::strtod(j->ratelimit_reset.c_str(), &end);
    if (end == j->ratelimit_reset.c_str()) return false;
    const double wall = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    const double wait = std::max(0.0, reset - wall) + 0.25;  // a little past the reset: clocks differ
    const bool refused = status == 403 || status == 429;
    if (wait <= o_.retry_after_cap) {
      j->host->paused_until = std::max(j->host->paused_until, now + wait);  // every API request waits
      if (!refused) return false;
      if (j->rate_waits++ >= 3) return false;
      j->not_before = now + wait;
      j->host->queue.push_back(j);
      return true;
    }
    const std::time_t at = static_cast<std::time_t>(reset);
    std::tm tm{};
    gmtime_r(&at, &tm);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &tm);
    char why[200];
    std::snprintf(why, sizeof why, "GitHub API rate limit spent until %s (in %.0f s, more than --max-retry-wait %.0f s)", when,
                  wait, o_.retry_after_cap);
    j->host->exhausted_until = now + wait;
    j->host->exhausted_reason = why;
    if (!refused) return false;
    results_[j->indices.front()].http_status = static_cast<int>(status);
    settle_job(j, Verdict::Unknown, why);
    return true;
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
    char* type = nullptr;
    curl_easy_getinfo(j->easy, CURLINFO_CONTENT_TYPE, &type);
    const std::string content_type = type ? type : "";
    curl_multi_remove_handle(multi_, j->easy);
    pool_.push_back(j->easy);
    j->easy = nullptr;
    --j->host->in_flight;
    --active_;
    const double now = now_s();
    LinkResult& r = results_[j->indices.front()];
    r.final_url = j->url;
    if (j->blocked) {
      settle_job(j, Verdict::Skipped, "private address " + j->blocked_address + " (--allow-private checks it)");
      return;
    }
    const bool answered = rc == CURLE_OK || (rc == CURLE_WRITE_ERROR && j->aborted);
    if (!answered) {
      std::string why = j->error[0] ? j->error : curl_easy_strerror(rc);
      switch (rc) {
        case CURLE_COULDNT_RESOLVE_HOST:
          settle_job(j, Verdict::Dead, "DNS failure: " + why);
          return;
        case CURLE_COULDNT_CONNECT:
          settle_job(j, Verdict::Dead, "connection refused: " + why);
          return;
        case CURLE_OPERATION_TIMEDOUT:
          if (retry(j, now, -1, false)) return;
          settle_job(j, Verdict::Unknown, "timeout: " + why);
          return;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CONNECT_ERROR:
          settle_job(j, Verdict::Dead, "TLS: " + why);
          return;
        default:  // resets, empty replies, HTTP/2 stream errors
          if (retry(j, now, -1, false)) return;
          settle_job(j, Verdict::Unknown, "connection failed: " + why);
          return;
      }
    }
    r.http_status = static_cast<int>(status);
    if (rate_limited(j, status, now)) return;
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
        settle_job(j, moved ? Verdict::Redirected : Verdict::Alive, "");
        return;
      }
      if (status == 404) {
        r.redirects.clear();
        settle_job(j, Verdict::Dead, "HTTP 404 (GitHub API: no such repository, or a private one)");
        return;
      }
    }
    if ((status >= 200 && status < 300) || accepted) {
      // A deep link that lands on a home page: the page it named is likely gone, and the home page
      // is no replacement.
      if (!j->api && !r.redirects.empty() && redirected_home(j->origin, r.final_url)) {
        r.likely_gone = true;
        settle_job(j, Verdict::Unknown, "likely gone: redirects to the home page " + r.final_url);
        return;
      }
      if (j->want_page && status >= 200 && status < 300) read_page(j, content_type);
      settle_job(j, r.permanent ? Verdict::Redirected : Verdict::Alive, "");
      return;
    }
    if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
      if (redirect.empty()) {
        settle_job(j, Verdict::Dead, "HTTP " + std::to_string(status) + " without a Location");
        return;
      }
      r.redirects.push_back(redirect);
      r.final_url = redirect;
      r.permanent |= status == 301 || status == 308;
      if (!j->seen.insert(redirect).second) {
        settle_job(j, Verdict::Dead, "redirect loop");
        return;
      }
      if (static_cast<int>(r.redirects.size()) > o_.max_redirects) {
        settle_job(j, Verdict::Dead, "more than " + std::to_string(o_.max_redirects) + " redirects (--max-redirects)");
        return;
      }
      if (std::string why = skip_reason(redirect); !why.empty()) {
        settle_job(j, Verdict::Skipped, "redirected to a " + why);
        return;
      }
      j->url = redirect;
      if (status == 303) j->get = true;
      if (!enqueue(j, now)) settle_job(j, Verdict::Dead, "redirected to a malformed URL");
      return;
    }
    // Many servers answer HEAD wrongly (405, 403, 400, 501, even 404, or a made-up status such as
    // 999): ask again with GET.
    if (!j->get && ((status >= 400 && status < 500 && status != 429) || status == 501 || status >= 600)) {
      j->get = true;
      j->host->queue.push_front(j);
      j->not_before = now;
      return;
    }
    const bool cloudflare = j->cf_mitigated == "challenge" ||
                            ((status == 403 || status == 503) && j->server.find("cloudflare") != std::string::npos &&
                             (j->body.find("challenge-platform") != std::string::npos || j->body.find("Just a moment") != std::string::npos));
    if (cloudflare) {
      settle_job(j, Verdict::Unknown, "HTTP " + std::to_string(status) + " (a Cloudflare challenge: the site blocks checkers)");
      return;
    }
    if (status >= 600) {  // 999 (LinkedIn and others): no HTTP status, a refusal of checkers
      settle_job(j, Verdict::Unknown, "HTTP " + std::to_string(status) + " (not an HTTP status: the site blocks checkers)");
      return;
    }
    if (status == 408 || status == 429 || status >= 500) {
      const double after = retry_after_seconds(j->retry_after);
      if (after > o_.retry_after_cap) {
        // Come back in an hour: not dead, and not worth holding the host's other URLs for.
        char why[160];
        std::snprintf(why, sizeof why, "HTTP %ld with Retry-After %.0f s, more than --max-retry-wait %.0f s", status, after,
                      o_.retry_after_cap);
        settle_job(j, Verdict::Unknown, why);
        return;
      }
      j->get = true;  // a HEAD that failed this way is retried with GET
      if (retry(j, now, after, status == 429 || status == 503)) return;
      if (status == 429) settle_job(j, Verdict::Unknown, "HTTP 429 (rate limited)");
      else if (status == 408) settle_job(j, Verdict::Unknown, "HTTP 408 (request timeout)");
      else settle_job(j, Verdict::Dead, "HTTP " + std::to_string(status));
      return;
    }
    if (status == 403 || status == 401) {
      settle_job(j, Verdict::Unknown, "HTTP " + std::to_string(status) + " (the site may block checkers)");
      return;
    }
    settle_job(j, Verdict::Dead, "HTTP " + std::to_string(status));
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
