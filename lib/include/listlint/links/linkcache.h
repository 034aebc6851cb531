#pragma once
// The link checker's cache with history, in SQLite (WAL mode: two runs may share one file). Every
// verdict is kept with its time; a recent `alive` is reused instead of a request, a failure never
// is. The history tells a URL that is dead (failing every time since a date) from a flaky one.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "listlint/links/linkcheck.h"

namespace listlint {

/// What the cache knows of one URL's past checks.
struct LinkHistory {
  int checks = 0;               ///< verdicts recorded (this run's included once recorded)
  int alive = 0;                ///< of which alive or redirected
  int failing_in_a_row = 0;     ///< dead or unknown verdicts since the last alive one
  std::int64_t failing_since = 0;  ///< unix time of the first of those (0: none)
  std::int64_t last_alive = 0;     ///< unix time of the last alive verdict (0: never)
};

class LinkCache {
 public:
  ~LinkCache();
  LinkCache(const LinkCache&) = delete;
  LinkCache& operator=(const LinkCache&) = delete;

  /// Opens (creating) the cache; on failure returns null and sets `error` to a one-line reason.
  static std::unique_ptr<LinkCache> open(const std::string& path, std::string* error);  // after load_link_checker()

  /// The last result for `url` when it is alive and no older than `max_age` seconds at `now`.
  std::optional<LinkResult> fresh_alive(const std::string& url, double max_age, std::int64_t now);
  /// Records this run's results (one transaction); false and `error` set on failure.
  bool record(const std::vector<LinkResult>& results, std::int64_t now, std::string* error);
  /// The history of one URL.
  LinkHistory history(const std::string& url);

 private:
  LinkCache() = default;
  void* db_ = nullptr;  // sqlite3*
};

}  // namespace listlint
