// LinkCache: a handle on the SQLite cache, which lives in the link checker's module (net_api.h).
#include "listlint/links/linkcache.h"

#include "links/net_api.h"

namespace listlint {

LinkCache::~LinkCache() {
  if (db_) net::api()->cache_close(db_);
}

std::unique_ptr<LinkCache> LinkCache::open(const std::string& path, std::string* error) {
  const net::Api* api = net::api();
  if (!api) {
    if (error) *error = path + ": cannot open the link cache: the link checker is not loaded (load_link_checker)";
    return nullptr;
  }
  std::unique_ptr<LinkCache> c(new LinkCache());
  c->db_ = api->cache_open(path, error);
  if (!c->db_) return nullptr;
  return c;
}

std::optional<LinkResult> LinkCache::fresh_alive(const std::string& url, double max_age, std::int64_t now) {
  return net::api()->cache_fresh_alive(db_, url, max_age, now);
}

bool LinkCache::record(const std::vector<LinkResult>& results, std::int64_t now, std::string* error) {
  return net::api()->cache_record(db_, results, now, error);
}

LinkHistory LinkCache::history(const std::string& url) { return net::api()->cache_history(db_, url); }

}  // namespace listlint
