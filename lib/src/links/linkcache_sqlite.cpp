// The link checker's cache in SQLite: part of the link checker's module (listlint-net.so; see
// net_api.h). The schema and its use are described in listlint/links/linkcache.h.
#include <sqlite3.h>

#include "listlint/links/linkcache.h"
#include "links/net_api.h"

namespace listlint {

namespace {

sqlite3* db(void* p) { return static_cast<sqlite3*>(p); }

// A prepared statement that finalizes itself.
struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(sqlite3* d, const char* sql) { sqlite3_prepare_v2(d, sql, -1, &s, nullptr); }
  ~Stmt() { sqlite3_finalize(s); }
  explicit operator bool() const { return s != nullptr; }
  void text(int i, const std::string& v) { sqlite3_bind_text(s, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
  void integer(int i, std::int64_t v) { sqlite3_bind_int64(s, i, v); }
  std::string column_text(int i) {
    const auto* t = sqlite3_column_text(s, i);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
};

bool positive(const std::string& verdict) { return verdict == "alive" || verdict == "redirected"; }

}  // namespace

namespace net {

void cache_close(void* handle) {
  if (handle) sqlite3_close(db(handle));
}

void* cache_open(const std::string& path, std::string* error) {
  sqlite3* d = nullptr;
  if (sqlite3_open_v2(path.c_str(), &d, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
    if (error) *error = path + ": cannot open the link cache: " + (d ? sqlite3_errmsg(d) : "out of memory");
    if (d) sqlite3_close(d);
    return nullptr;
  }
  sqlite3_busy_timeout(d, 10000);  // another run writing: wait for it rather than fail
  const char* setup =
      "PRAGMA journal_mode=WAL;"
      "PRAGMA synchronous=NORMAL;"
      "CREATE TABLE IF NOT EXISTS checks ("
      "  url TEXT NOT NULL, time INTEGER NOT NULL, verdict TEXT NOT NULL, http_status INTEGER,"
      "  final_url TEXT, error TEXT);"
      "CREATE INDEX IF NOT EXISTS checks_url_time ON checks(url, time);";
  char* msg = nullptr;
  if (sqlite3_exec(d, setup, nullptr, nullptr, &msg) != SQLITE_OK) {
    if (error) *error = path + ": not a usable link cache: " + (msg ? msg : "unknown error");
    sqlite3_free(msg);
    sqlite3_close(d);
    return nullptr;
  }
  return d;
}

std::optional<LinkResult> cache_fresh_alive(void* handle, const std::string& url, double max_age, std::int64_t now) {
  Stmt s(db(handle), "SELECT time, verdict, http_status, final_url FROM checks WHERE url = ? ORDER BY time DESC, rowid DESC LIMIT 1");
  if (!s) return std::nullopt;
  s.text(1, url);
  if (sqlite3_step(s.s) != SQLITE_ROW) return std::nullopt;
  const std::int64_t when = sqlite3_column_int64(s.s, 0);
  if (s.column_text(1) != "alive" || static_cast<double>(now - when) >= max_age) return std::nullopt;
  LinkResult r;
  r.url = url;
  r.verdict = Verdict::Alive;
  r.http_status = sqlite3_column_int(s.s, 2);
  r.final_url = s.column_text(3);
  r.attempts = 0;  // no request this run
  return r;
}

bool cache_record(void* handle, const std::vector<LinkResult>& results, std::int64_t now, std::string* error) {
  sqlite3* d = db(handle);
  auto fail = [&](const char* what) {
    if (error) *error = std::string("link cache: ") + what + ": " + sqlite3_errmsg(d);
    sqlite3_exec(d, "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
  };
  if (sqlite3_exec(d, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) return fail("cannot start writing");
  {
    Stmt s(d, "INSERT INTO checks (url, time, verdict, http_status, final_url, error) VALUES (?, ?, ?, ?, ?, ?)");
    if (!s) return fail("cannot prepare");
    for (const auto& r : results) {
      if (r.verdict == Verdict::Skipped || r.attempts == 0) continue;  // not checked this run
      sqlite3_reset(s.s);
      s.text(1, r.url);
      s.integer(2, now);
      s.text(3, verdict_name(r.verdict));
      s.integer(4, r.http_status);
      s.text(5, r.final_url);
      s.text(6, r.error);
      if (sqlite3_step(s.s) != SQLITE_DONE) return fail("cannot write");
    }
  }
  if (sqlite3_exec(d, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return fail("cannot commit");
  return true;
}

LinkHistory cache_history(void* handle, const std::string& url) {
  LinkHistory h;
  Stmt s(db(handle), "SELECT time, verdict FROM checks WHERE url = ? ORDER BY time DESC, rowid DESC");
  if (!s) return h;
  s.text(1, url);
  bool streak = true;
  while (sqlite3_step(s.s) == SQLITE_ROW) {
    const std::int64_t t = sqlite3_column_int64(s.s, 0);
    const bool ok = positive(s.column_text(1));
    ++h.checks;
    h.alive += ok;
    if (ok && h.last_alive == 0) h.last_alive = t;
    if (streak && !ok) {
      ++h.failing_in_a_row;
      h.failing_since = t;
    } else {
      streak = false;
    }
  }
  return h;
}

}  // namespace net

}  // namespace listlint
