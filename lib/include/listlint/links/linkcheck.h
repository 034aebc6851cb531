#pragma once
// The link checker: every unique URL requested once, politely (a total and a per-host cap on
// requests in flight, a minimum interval between requests to one host, Retry-After honoured),
// over one libcurl multi handle (connection reuse, HTTP/2 where offered). No printing: progress
// is reported through a callback.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace listlint {

struct LinkCheckOptions {
  int concurrency = 64;           ///< requests in flight in all
  int per_host = 2;               ///< requests in flight to one host
  double interval = 0.1;          ///< seconds between the starts of two requests to one host
  double timeout = 20;            ///< seconds for one request, all included
  double connect_timeout = 10;    ///< seconds to connect
  int retries = 2;                ///< further attempts after a timeout, reset, 408, 429 or 5xx
  double backoff = 1.0;           ///< first retry delay in seconds; doubles each time, with jitter
  /// Longest wait honoured (seconds, --max-retry-wait): a Retry-After, or a GitHub API rate limit's
  /// reset. A longer one makes that URL `unknown` at once (the host is not held for it).
  double retry_after_cap = 60;
  int max_redirects = 10;
  std::size_t max_body = 16384;   ///< bytes of a GET body read at most (to recognise challenges)
  std::vector<int> accept;        ///< statuses to count as alive besides 2xx (parse_accept() reads "200..299,403")
  /// Fragments of remote pages checked (--check-fragments): a URL with a #fragment is fetched
  /// (GET, once per URL without its fragment) and the fragment must name an `id` or an `<a name>`
  /// of the page; when it does not, the URL is `dead` with `missing_fragment` set.
  bool check_fragments = false;
  std::size_t max_page_body = 8u << 20;  ///< bytes of a page read at most to find its fragments
  /// Hosts whose pages are GitHub's: a fragment there also matches `id="user-content-FRAGMENT"`
  /// (how GitHub renders a README's headings). Compared with the URL's host name (no port).
  std::vector<std::string> github_hosts = {"github.com", "www.github.com", "gist.github.com"};
  std::string user_agent;         ///< empty: "listlint/VERSION"
  std::vector<std::string> headers;  ///< "Name: value", sent to every host
  /// Headers sent to one host only (and never along a redirect to another): host name, or
  /// "*.example.com" for its subdomains, lowercase -> "Name: value" lines.
  std::map<std::string, std::vector<std::string>> host_headers;
  bool allow_private = false;     ///< allow loopback, private, link-local and metadata addresses
  /// With a token, github.com repository links (https://github.com/OWNER/REPO) are checked through
  /// the REST API instead of the HTML page (GitHub answers 429 to checkers sooner on pages). The
  /// token is sent to `github_api`'s host only.
  std::string github_token;
  std::string github_api = "https://api.github.com";
};

/// "OWNER/REPO" when `url` is a github.com repository's page (not a deep link, not a reserved
/// path such as /topics or /sponsors), else "".
std::string github_repository(const std::string& url);

enum class Verdict { Alive, Dead, Redirected, Unknown, Skipped };
const char* verdict_name(Verdict v);
/// The verdict named `name` ("alive", "dead", ...), or null when there is none of that name.
std::optional<Verdict> verdict_from_name(std::string_view name);

struct LinkResult {
  std::string url;
  Verdict verdict = Verdict::Unknown;
  int http_status = 0;            ///< the last status received (0: none)
  std::string final_url;          ///< where redirects ended
  std::vector<std::string> redirects;  ///< each hop's target, in order
  bool permanent = false;         ///< the chain holds a 301 or 308
  std::string error;              ///< why, when not alive: "HTTP 404", "DNS failure", ...
  int attempts = 0;               ///< requests made for this URL (HEAD, GET and retries)
  /// With check_fragments: the fragment (decoded, without "#") the page has no anchor for. The
  /// verdict is then `dead` (the page answered, the place the link names is gone).
  std::string missing_fragment;
  /// A deep link (a path other than "/") whose redirects end on a home page (path "/" or empty, on
  /// any host): the page it named is likely gone. The verdict is then `unknown`, never
  /// `redirected`: the home page is no replacement.
  bool likely_gone = false;
};

/// What the checker is doing, for a progress display.
struct LinkProgressInfo {
  std::size_t settled = 0, total = 0;  ///< URLs settled, of all
  const LinkResult* result = nullptr;  ///< the URL just settled; null on a tick of the timer
  struct InFlight {
    std::string url;      ///< the request under way (a redirect's hop: the hop's URL)
    std::string host;     ///< "host" or "host:port" (a port that is not the scheme's)
    double seconds = 0;   ///< since the request started
  };
  std::vector<InFlight> in_flight;     ///< on the timer's ticks only: the requests under way
  std::size_t paused_hosts = 0;        ///< on the timer's ticks only: hosts held back by a Retry-After
};

/// Called after each URL is settled (with `result`), and about every 0.25 s while the check runs
/// (a tick, with `in_flight`), on the calling thread.
using LinkProgress = std::function<void(const LinkProgressInfo&)>;

/// Loads the link checker's module (listlint-net.so: the requests and the cache, which need libcurl
/// and SQLite, so that runs that check no links never load them). Call it once before check_links()
/// and LinkCache::open(); later calls return true at once. On failure returns false and sets
/// `error` to a one-line reason naming `module_path`.
bool load_link_checker(const std::string& module_path, std::string* error);

/// Checks each URL (duplicates are checked once); results are in the order of `urls`, without
/// duplicates. Never throws for network failures: they are verdicts. Throws std::logic_error when
/// load_link_checker() has not succeeded.
std::vector<LinkResult> check_links(const std::vector<std::string>& urls, const LinkCheckOptions& options,
                                    const LinkProgress& progress = {});

/// Reads an --accept value: status codes and ranges, comma-separated ("200..299,403", "999"),
/// each within 100..999, appended to `codes`. Returns "" when it reads, else a one-line reason
/// (naming the part that does not), and `codes` is left as it was.
std::string parse_accept(std::string_view spec, std::vector<int>& codes);

/// The anchors a fragment can name in an HTML page: every `id` attribute and every `<a name>`
/// (entities decoded), in no order, duplicates allowed.
std::vector<std::string> html_anchors(std::string_view html);

/// True when `fragment` (as written after "#", percent-encoded or not) names a place of a page
/// whose anchors are `anchors` (sorted): an anchor of that name, "top" or "" (the top of any page),
/// a text fragment (":~:text="), or, on a GitHub page, "user-content-" + the fragment (any case),
/// "readme" and line anchors ("L10", "L10-L20").
bool fragment_found(std::string_view fragment, const std::vector<std::string>& anchors, bool github_page);

/// True when a request for `from` that ended at `to` left a deep link (a path other than "/", not
/// an index page) for a home page (path "/" or none), on any host.
bool redirected_home(std::string_view from, std::string_view to);

/// Why a URL is not checked at all ("mailto", "in-page anchor", "relative path"), or "" when it
/// is an http(s) URL to check.
std::string skip_reason(const std::string& url);

/// True for an http:// URL whose host is local or private by name (localhost, 127.*, 10.*,
/// 192.168.*, 0.0.0.0, [::1], *.local, *.test): such hosts have no https:// twin to offer.
bool local_http_url(std::string_view url);

/// True for loopback, private (RFC 1918, unique local), link-local, CGNAT, unspecified and cloud
/// metadata addresses, given as numeric text (IPv4 or IPv6).
bool private_address(const std::string& numeric_address);

}  // namespace listlint
