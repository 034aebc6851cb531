#pragma once
// `listlint links`: a link-rot audit of every URL in the given lists.

#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "listlint/links/linkcache.h"
#include "listlint/links/linkcheck.h"
#include "listlint/links/linksettings.h"

namespace listlint::cli {

/// `links` and `check --links`: the link settings (the table of linksettings.h: the defaults, the
/// configuration file's "links", then the flags) and what only `links` has.
struct LinksOptions : LinkSettings {
  std::string format = "text";         ///< text, json, markdown, html
  std::string shard;                   ///< "K/N": check only the K-th of N stable shares of the URLs
  std::vector<std::string> merge;      ///< JSON reports to merge instead of checking
  bool progress = true;                ///< a progress display when standard error is a terminal
  bool dump = false;                   ///< print the URLs that would be checked; no request
};

/// The exclude and include patterns of `settings` (already checked), compiled once.
class UrlFilter {
 public:
  explicit UrlFilter(const LinkSettings& settings);
  /// True when the URL matches an exclude pattern, or no include pattern when there are some.
  bool excluded(const std::string& url) const;

 private:
  std::vector<std::regex> exclude_, include_;
};

/// Replaces ${NAME} in the headers of `settings` with the environment's value (so that a
/// configuration file can name a token without holding it). A header naming a variable that is
/// not set is dropped, with a one-line note naming `source` on standard error.
void expand_header_variables(LinkSettings& settings, const std::string& source);

/// One URL's verdict for this run, reused from the cache or fetched, with its history.
struct CheckedUrl {
  LinkResult result;
  bool cached = false;
  LinkHistory history;
};

/// A URL's history from the cache, in words: "failing since 2026-11-20, 4 checks in a row" or
/// "failed 3 of 9 checks (flaky)"; empty when there is nothing to say.
std::string history_text(const nlohmann::json& history);

/// True when a link archive is worth suggesting: the URL is dead and answered 404 or 410, or its
/// host no longer resolves (not for timeouts, 5xx, refused connections or TLS failures, which may pass).
bool archive_suggested(const std::string& verdict, int http_status, const std::string& error);

/// The Wayback Machine's list of archived copies of `url`.
std::string archive_url(const std::string& url);

/// The link checker's module (listlint-net.so): $LISTLINT_NET_MODULE, else lib/listlint/ beside the
/// executable's bin/ folder (an installed prefix, or the build tree: build/tools -> build/lib).
std::string link_checker_path();

/// Loads the link checker (link_checker_path()), then checks `urls` (distinct) with the cache as `options` say; `out` is in the order of `urls`.
/// Prints a one-line error and returns false for a missing link checker, a bad option, an
/// unusable cache, or a machine that resolves no host at all. On a terminal (and with
/// options.progress) a progress display on standard error; `excluded` URLs left out by the caller's
/// filters are counted in it.
bool check_urls(const std::vector<std::string>& urls, const LinksOptions& options, std::vector<CheckedUrl>& out,
                std::size_t excluded = 0);

/// Checks the URLs of `files` (already expanded from folders); `errors` are files that could not be
/// listed. Returns the exit code: 0 all well, 1 a dead URL (or an unknown one with
/// fail_on_unknown), 2 bad input or usage.
int run_links(const LinksOptions& options, const std::vector<std::string>& files, std::vector<std::string> errors);

}  // namespace listlint::cli
