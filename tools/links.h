#pragma once
// `listlint links`: a link-rot audit of every URL in the given lists.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "listlint/linkcache.h"
#include "listlint/linkcheck.h"

namespace listlint::cli {

struct LinksOptions {
  std::string format = "text";         ///< text, json, markdown, html
  LinkCheckOptions check;
  std::vector<std::string> exclude, include;  ///< regular expressions on the URL
  std::string shard;                   ///< "K/N": check only the K-th of N stable shares of the URLs
  std::vector<std::string> merge;      ///< JSON reports to merge instead of checking
  bool fail_on_unknown = false;
  std::string cache;                   ///< the cache file; empty: ~/.cache/listlint/links.sqlite
  bool no_cache = false;
  std::string max_age = "1d";          ///< reuse alive results this recent: 90, 30m, 12h, 1d
  bool progress = true;                ///< a progress bar when standard error is a terminal
};

/// One URL's verdict for this run, reused from the cache or fetched, with its history.
struct CheckedUrl {
  LinkResult result;
  bool cached = false;
  LinkHistory history;
};

/// A URL's history from the cache, in words: "failing since 2026-11-20, 4 checks in a row" or
/// "failed 3 of 9 checks (flaky)"; empty when there is nothing to say.
std::string history_text(const nlohmann::json& history);

/// The link checker's module (listlint-net.so): $LISTLINT_NET_MODULE, else lib/listlint/ beside the
/// executable's bin/ folder (an installed prefix, or the build tree: build/tools -> build/lib).
std::string link_checker_path();

/// Loads the link checker (link_checker_path()), then checks `urls` (distinct) with the cache as `options` say; `out` is in the order of `urls`.
/// Prints a one-line error and returns false for a missing link checker, a bad option, an
/// unusable cache, or a machine that resolves no host at all.
bool check_urls(const std::vector<std::string>& urls, const LinksOptions& options, std::vector<CheckedUrl>& out);

/// Checks the URLs of `files` (already expanded from folders); `errors` are files that could not be
/// listed. Returns the exit code: 0 all well, 1 a dead URL (or an unknown one with
/// fail_on_unknown), 2 bad input or usage.
int run_links(const LinksOptions& options, const std::vector<std::string>& files, std::vector<std::string> errors);

}  // namespace listlint::cli
