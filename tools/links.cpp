#include "links.h"

#include "html_report.h"
#include "install_paths.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "listlint/model/document.h"
#include "listlint/links/linkcache.h"
#include "listlint/model/model.h"
#include "listlint/model/text.h"

namespace listlint::cli {

namespace {

using json = nlohmann::json;

struct Occurrence {
  std::string path, section;
  int line = 0, column = 0;
  std::string entry;  // the entry's name, or the table row's key ("" outside both)
};

struct Entry {
  LinkResult result;
  std::vector<Occurrence> occurrences;
  bool cached = false;  // this run reused a recent alive result
  json history;         // from the cache: {"checks", "alive", "failing_in_a_row", "failing_since", "last_alive"}
};

std::string iso_date(std::int64_t t) {
  if (t <= 0) return "";
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string default_cache_path() {
  namespace fs = std::filesystem;
  fs::path base;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) base = x;
  else if (const char* home = std::getenv("HOME"); home && *home) base = fs::path(home) / ".cache";
  else return "";
  return (base / "listlint" / "links.sqlite").string();
}

std::uint64_t fnv1a64(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

json to_json(const std::vector<Entry>& entries) {
  json links = json::array();
  std::map<std::string, int> summary{{"alive", 0}, {"dead", 0}, {"redirected", 0}, {"unknown", 0}, {"skipped", 0}};
  int missing_fragment = 0, likely_gone = 0;
  for (const auto& e : entries) {
    const auto& r = e.result;
    json occ = json::array();
    for (const auto& o : e.occurrences)
      occ.push_back({{"path", o.path}, {"line", o.line}, {"column", o.column}, {"section", o.section}, {"entry", o.entry}});
    links.push_back({{"url", r.url},
                     {"verdict", verdict_name(r.verdict)},
                     {"http_status", r.http_status},
                     {"final_url", r.final_url},
                     {"redirects", r.redirects},
                     {"error", r.error},
                     {"attempts", r.attempts},
                     {"missing_fragment", r.missing_fragment},
                     {"likely_gone", r.likely_gone},
                     {"cached", e.cached},
                     {"history", e.history.is_null() ? json::object() : e.history},
                     {"occurrences", occ}});
    ++summary[verdict_name(r.verdict)];
    missing_fragment += !r.missing_fragment.empty();
    likely_gone += r.likely_gone;
  }
  json s = summary;
  s["missing_fragment"] = missing_fragment;  // of the dead: the page answered, the fragment is not on it
  s["likely_gone"] = likely_gone;            // of the unknown: a deep link that lands on a home page
  s["total"] = entries.size();
  return {{"links", links}, {"summary", s}};
}

// The entry a link belongs to, as a maintainer finds it: the entry's name (its main link's text,
// else the start of its text), or the key of the table row (its first cell that is not empty).
std::string entry_of(const ListModel& m, const Link& l) {
  if (l.entry >= 0) {
    const auto& e = m.entries[static_cast<std::size_t>(l.entry)];
    return text::shorten(e.name.empty() ? e.text : e.name);
  }
  if (l.table >= 0 && l.row >= 0) {
    const auto& t = m.tables[static_cast<std::size_t>(l.table)];
    if (static_cast<std::size_t>(l.row) < t.rows.size())
      for (const auto& c : t.rows[static_cast<std::size_t>(l.row)].cells)
        if (!c.text.empty()) return text::shorten(c.text);
  }
  return "";
}

// Markdown text that shows `s` as it is: the characters that could start emphasis, a link, code,
// HTML, a table cell or an entity are backslash-escaped.
std::string md_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::strchr("\\`*_[]()<>|~&!#", c) && c != 0) out += '\\';
    out += c == '\n' || c == '\r' ? ' ' : c;
  }
  return out;
}

// A Markdown link to `url` showing the URL itself; the destination in <...> with the characters
// that end it escaped, so that any URL (with |, ), ], <, *, _ or spaces) stays one link.
std::string md_link(const std::string& url, const std::string& text) {
  std::string dest;
  for (char c : url) {
    if (c == '<' || c == '>' || c == '\\') dest += '\\';
    if (c == '\n' || c == '\r') continue;
    dest += c;
  }
  return "[" + md_text(text) + "](<" + dest + ">)";
}

std::string md_where(const Occurrence& o) {
  return md_text(o.path) + ":" + std::to_string(o.line) + (o.section.empty() ? "" : " (" + md_text(o.section) + ")") +
         (o.entry.empty() ? "" : ", entry \"" + md_text(o.entry) + "\"");
}

void print_text(const std::vector<Entry>& entries, const json& summary) {
  for (const auto& e : entries) {
    const auto& r = e.result;
    if (r.verdict == Verdict::Alive || r.verdict == Verdict::Skipped) continue;
    for (const auto& o : e.occurrences) {
      std::string what = r.error;
      if (r.verdict == Verdict::Redirected) what = "moved permanently to " + r.final_url;
      if (const std::string h = history_text(e.history); !h.empty()) what += "; " + h;
      std::string place;
      if (!o.entry.empty()) place += "entry \"" + o.entry + "\"";
      if (!o.section.empty()) place += (place.empty() ? "section \"" : " in \"") + o.section + "\"";
      std::printf("%s:%d:%d: %s: %s%s%s%s\n", o.path.c_str(), o.line, o.column, verdict_name(r.verdict), r.url.c_str(),
                  what.empty() ? "" : " ", what.empty() ? "" : ("(" + what + ")").c_str(),
                  place.empty() ? "" : ("; " + place).c_str());
    }
  }
  std::string notes;
  if (const int n = summary.value("missing_fragment", 0)) notes += " (" + std::to_string(n) + " of the dead: fragment not found)";
  if (const int n = summary.value("likely_gone", 0)) notes += " (" + std::to_string(n) + " of the unknown: likely gone)";
  std::printf("%d URLs: %d alive, %d dead, %d redirected, %d unknown, %d skipped%s\n", summary["total"].get<int>(),
              summary["alive"].get<int>(), summary["dead"].get<int>(), summary["redirected"].get<int>(),
              summary["unknown"].get<int>(), summary["skipped"].get<int>(), notes.c_str());
}

void print_markdown(const std::vector<Entry>& entries, const json& summary) {
  std::printf("# Link report\n\n| verdict | URLs |\n|---|---:|\n");
  for (const char* v : {"dead", "redirected", "unknown", "alive", "skipped"}) std::printf("| %s | %d |\n", v, summary[v].get<int>());
  std::printf("| **total** | %d |\n", summary["total"].get<int>());
  // Each URL in one group: a missing fragment apart from the dead pages, a likely gone page apart
  // from what could not be verified.
  enum Kind { kDead, kFragment, kMoved, kGone, kUnknown, kNone };
  auto kind = [](const LinkResult& r) {
    switch (r.verdict) {
      case Verdict::Dead: return r.missing_fragment.empty() ? kDead : kFragment;
      case Verdict::Redirected: return kMoved;
      case Verdict::Unknown: return r.likely_gone ? kGone : kUnknown;
      default: return kNone;
    }
  };
  struct Group { Kind k; const char* title; const char* note; };
  const Group groups[] = {
      {kDead, "Dead", "These URLs answer 404 or 410, do not resolve, refuse connections, or fail after retries."},
      {kFragment, "Fragment not found", "The page answers, but the #fragment names no anchor on it: point at the section's new anchor."},
      {kMoved, "Moved permanently", "Replace each URL with its new address."},
      {kGone, "Likely gone", "Deep links that now land on the site's home page: find where the page moved, or remove the entry."},
      {kUnknown, "Could not be verified", "Bot blocking, rate limits or timeouts: check these by hand."}};
  for (const auto& g : groups) {
    int n = 0;
    for (const auto& e : entries) n += kind(e.result) == g.k;
    if (n == 0) continue;
    std::printf("\n## %s (%d)\n\n%s\n\n", g.title, n, g.note);
    for (const auto& e : entries) {
      if (kind(e.result) != g.k) continue;
      const auto& r = e.result;
      std::string what = g.k == kMoved ? "→ " + md_link(r.final_url, r.final_url) : md_text(r.error);
      if (const std::string h = history_text(e.history); !h.empty()) what += " (" + md_text(h) + ")";
      if (archive_suggested(verdict_name(r.verdict), r.http_status, r.error))
        what += " (" + md_link(archive_url(r.url), "archived copies") + ")";
      std::printf("- [ ] %s %s\n", md_link(r.url, r.url).c_str(), what.c_str());
      for (const auto& o : e.occurrences) std::printf("  - %s\n", md_where(o).c_str());
    }
  }
}

// "waiting on 3: slow.example (12 s), other.example:8080 (5 s)": the hosts of the requests in
// flight for more than a second, slowest first.
std::string waiting_text(const LinkProgressInfo& p) {
  std::map<std::string, std::pair<double, int>> hosts;  // host -> (longest, requests)
  int n = 0;
  for (const auto& f : p.in_flight) {
    if (f.seconds < 1.0) continue;
    ++n;
    auto& h = hosts[f.host];
    h.first = std::max(h.first, f.seconds);
    ++h.second;
  }
  const std::string paused = p.paused_hosts == 0 ? ""
                             : std::to_string(p.paused_hosts) + (p.paused_hosts == 1 ? " host" : " hosts") + " paused by Retry-After";
  if (n == 0) return paused;
  std::vector<std::pair<double, std::string>> order;
  for (const auto& [h, v] : hosts) order.push_back({-v.first, h});
  std::sort(order.begin(), order.end());
  std::string out = "waiting on " + std::to_string(n) + ":";
  std::size_t shown = 0;
  for (const auto& [neg, h] : order) {
    if (shown++ == 3) {
      out += ", ...";
      break;
    }
    const auto& v = hosts[h];
    out += (shown == 1 ? " " : ", ") + h + " (" + std::to_string(static_cast<int>(-neg)) + " s" +
           (v.second > 1 ? ", " + std::to_string(v.second) + " requests" : "") + ")";
  }
  return paused.empty() ? out : out + "; " + paused;
}

// Why URLs were skipped, counted by kind ("loopback", "private network", or the checker's reason).
std::string skip_kind(const LinkResult& r) {
  if (r.error.rfind("private address ", 0) == 0) {
    const std::string a = r.error.substr(16, r.error.find(' ', 16) - 16);
    const bool loopback = a.rfind("127.", 0) == 0 || a == "::1" || a.rfind("::ffff:127.", 0) == 0;
    return loopback ? "loopback URLs skipped without --allow-private" : "private-network URLs skipped without --allow-private";
  }
  return "URLs skipped (" + r.error + ")";
}

std::string skipped_text(const std::map<std::string, std::size_t>& skipped) {
  std::string out;
  for (const auto& [why, n] : skipped) {
    std::string w = why;
    if (n == 1) w.replace(w.find("URLs"), 4, "URL");
    out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + w;
  }
  return out;
}

// The terminal's width (80 when it cannot say).
std::size_t terminal_width() {
  winsize w{};
  if (::ioctl(2, TIOCGWINSZ, &w) == 0 && w.ws_col > 10) return w.ws_col;
  return 80;
}

// One line that fits the terminal (a wrapped line could not be redrawn with \r).
std::string fit(std::string line, std::size_t width) {
  if (line.size() >= width) line = text::shorten(line, width - 1);
  return line;
}

}  // namespace

// "dead since 2026-11-20, 4 checks in a row" or "failed 3 of the last 9 checks (flaky)".
std::string history_text(const nlohmann::json& h) {
  if (!h.is_object() || h.value("checks", 0) < 2) return "";
  const int checks = h.value("checks", 0), alive = h.value("alive", 0), row = h.value("failing_in_a_row", 0);
  if (alive == 0) return "failing since " + h.value("failing_since", std::string()) + ", " + std::to_string(row) + " checks in a row";
  if (row > 0 && alive > 0 && checks - alive > row) return "failed " + std::to_string(checks - alive) + " of " + std::to_string(checks) + " checks (flaky)";
  if (row > 0) return "failing since " + h.value("failing_since", std::string()) + " (" + std::to_string(row) + " checks), alive before";
  return "";
}

bool archive_suggested(const std::string& verdict, int http_status, const std::string& error) {
  return verdict == "dead" && (http_status == 404 || http_status == 410 || error.rfind("DNS failure", 0) == 0);
}

std::string archive_url(const std::string& url) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = "https://web.archive.org/web/*/";
  for (unsigned char c : url) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/' || c == ':') out += static_cast<char>(c);
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

UrlFilter::UrlFilter(const LinkSettings& s) {
  for (const auto& r : s.exclude) exclude_.emplace_back(r);
  for (const auto& r : s.include) include_.emplace_back(r);
}

bool UrlFilter::excluded(const std::string& url) const {
  for (const auto& r : exclude_)
    if (std::regex_search(url, r)) return true;
  if (include_.empty()) return false;
  for (const auto& r : include_)
    if (std::regex_search(url, r)) return false;
  return true;
}

void expand_header_variables(LinkSettings& s, const std::string& source) {
  // Returns false when a variable is not set (the header is then dropped).
  auto expand = [&](std::string& h) {
    std::string out;
    for (std::size_t i = 0; i < h.size(); ++i) {
      const std::size_t close = h.compare(i, 2, "${") == 0 ? h.find('}', i + 2) : std::string::npos;
      if (close == std::string::npos) {
        out += h[i];
        continue;
      }
      const std::string name = h.substr(i + 2, close - i - 2);
      const char* v = std::getenv(name.c_str());
      if (!v || !*v) {
        std::fprintf(stderr, "listlint: %s: links: $%s is not set: the header \"%s\" is not sent\n", source.c_str(), name.c_str(),
                     h.substr(0, h.find(':')).c_str());
        return false;
      }
      out += v;
      i = close;
    }
    h = out;
    return true;
  };
  auto expand_all = [&](std::vector<std::string>& hs) {
    std::vector<std::string> kept;
    for (auto& h : hs)
      if (expand(h)) kept.push_back(h);
    hs = kept;
  };
  expand_all(s.check.headers);
  for (auto& [host, hs] : s.check.host_headers) expand_all(hs);
}

std::string link_checker_path() {
  return installed_file("LISTLINT_NET_MODULE", std::filesystem::path(LISTLINT_LIBDIR) / "listlint" / "listlint-net.so");
}

bool check_urls(const std::vector<std::string>& urls, const LinksOptions& o, std::vector<CheckedUrl>& out, std::size_t excluded) {
  out.assign(urls.size(), CheckedUrl{});
  if (std::string err; !load_link_checker(link_checker_path(), &err)) {
    std::fprintf(stderr, "listlint: %s\n", err.c_str());
    return false;
  }
  // The cache: recent alive results are reused; everything checked now is recorded.
  std::unique_ptr<LinkCache> cache;
  const double max_age = parse_duration(o.max_age).value_or(-1);
  if (max_age < 0) {
    std::fprintf(stderr, "listlint: --max-age: expected seconds or a number with s, m, h or d, got \"%s\"\n", o.max_age.c_str());
    return false;
  }
  const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
  if (!o.no_cache) {
    const std::string path = o.cache.empty() ? default_cache_path() : o.cache;
    if (!path.empty()) {
      std::error_code ec;
      const auto parent = std::filesystem::path(path).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent, ec);
      std::string err;
      cache = LinkCache::open(path, &err);
      if (!cache) {
        std::fprintf(stderr, "listlint: %s (--no-cache runs without it)\n", err.c_str());
        return false;
      }
    }
  }
  std::vector<std::string> to_check;
  std::vector<std::size_t> index;
  for (std::size_t i = 0; i < urls.size(); ++i) {
    // A cached "alive" says nothing of a fragment (the run that recorded it may not have looked).
    const bool fragment_to_check = o.check.check_fragments && urls[i].find('#') != std::string::npos;
    if (cache && !fragment_to_check) {
      if (auto r = cache->fresh_alive(urls[i], max_age, now)) {
        out[i].result = *r;
        out[i].cached = true;
        continue;
      }
    }
    to_check.push_back(urls[i]);
    index.push_back(i);
  }
  // The progress display, on a terminal: redrawn on the checker's timer too, so that a run that
  // waits on slow hosts says on which; one line, cut to the terminal's width, ended cleanly.
  const bool bar = o.progress && ::isatty(2);
  const auto t0 = std::chrono::steady_clock::now();
  const std::size_t cached = urls.size() - to_check.size();
  std::map<std::string, std::size_t> skipped;
  if (excluded) skipped["URLs skipped by --exclude/--include"] = excluded;
  std::string waiting;
  double last_draw = -1;
  const std::size_t width = bar ? terminal_width() : 80;
  auto draw = [&](std::size_t done, std::size_t total, bool final) {
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    char head[160];
    if (final) {
      std::snprintf(head, sizeof head, "%zu URL%s checked in %.1f s", total, total == 1 ? "" : "s", s);
    } else {
      const double rate = s > 0 ? static_cast<double>(done) / s : 0;
      std::snprintf(head, sizeof head, "%zu/%zu URLs checked, %.1f/s", done, total, rate);
    }
    std::string line = head;
    if (cached) line += ", " + std::to_string(cached) + " reused from the cache";
    if (const std::string sk = skipped_text(skipped); !sk.empty()) line += "; " + sk;
    if (!final && !waiting.empty()) line += "; " + waiting;
    std::fprintf(stderr, "\r%s\033[K%s", fit(line, width).c_str(), final ? "\n" : "");
    std::fflush(stderr);
    last_draw = s;
  };
  LinkProgress progress;
  if (bar) {
    progress = [&](const LinkProgressInfo& p) {
      if (p.result && p.result->verdict == Verdict::Skipped) ++skipped[skip_kind(*p.result)];
      if (!p.result) waiting = waiting_text(p);
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (!p.result || s - last_draw >= 0.1) draw(p.settled, p.total, false);
    };
    draw(0, to_check.size(), false);
  }
  // A GitHub token in the environment: repository links go through the API (docs/links.md).
  LinkCheckOptions check = o.check;
  for (const char* var : {"GITHUB_TOKEN", "GH_TOKEN"})
    if (const char* t = std::getenv(var); t && *t && check.github_token.empty()) check.github_token = t;
  if (const char* api = std::getenv("LISTLINT_GITHUB_API"); api && *api) check.github_api = api;
  auto results = check_links(to_check, check, progress);
  if (bar) draw(results.size(), results.size(), true);
  // When no host at all resolves, the machine is offline: that is no verdict on the list.
  std::size_t dns = 0, network = 0;
  for (const auto& r : results) {
    if (r.verdict == Verdict::Skipped) continue;
    ++network;
    dns += r.error.rfind("DNS failure", 0) == 0;
  }
  if (network >= 3 && dns == network) {
    std::fprintf(stderr, "listlint: links: no host name of the %zu URLs resolved: is this machine offline?\n", network);
    return false;
  }
  if (cache) {
    std::string err;
    if (!cache->record(results, now, &err)) std::fprintf(stderr, "listlint: %s (results not cached)\n", err.c_str());
  }
  for (std::size_t i = 0; i < results.size(); ++i) {
    CheckedUrl& c = out[index[i]];
    if (cache && results[i].verdict != Verdict::Alive && results[i].verdict != Verdict::Skipped) c.history = cache->history(results[i].url);
    c.result = std::move(results[i]);
  }
  return true;
}

int run_links(const LinksOptions& o, const std::vector<std::string>& files, std::vector<std::string> errors) {
  std::vector<Entry> entries;
  std::map<std::string, std::size_t> index;
  if (!o.merge.empty()) {
    // Merge the JSON reports of several shards into one.
    for (const auto& path : o.merge) {
      std::ifstream in(path);
      if (!in) {
        std::fprintf(stderr, "listlint: %s: cannot read it\n", path.c_str());
        return 2;
      }
      try {
        const json j = json::parse(in);
        for (const auto& l : j.at("links")) {
          const std::string url = l.at("url").get<std::string>();
          auto [it, fresh] = index.emplace(url, entries.size());
          if (fresh) {
            Entry e;
            e.result.url = url;
            const std::string verdict = l.at("verdict").get<std::string>();
            const auto v = verdict_from_name(verdict);
            if (!v) throw std::runtime_error("unknown verdict \"" + verdict + "\"");
            e.result.verdict = *v;
            e.result.http_status = l.value("http_status", 0);
            e.result.final_url = l.value("final_url", "");
            e.result.redirects = l.value("redirects", std::vector<std::string>{});
            e.result.error = l.value("error", "");
            e.result.attempts = l.value("attempts", 0);
            e.result.missing_fragment = l.value("missing_fragment", "");
            e.result.likely_gone = l.value("likely_gone", false);
            e.cached = l.value("cached", false);
            e.history = l.value("history", json::object());
            entries.push_back(std::move(e));
          }
          for (const auto& oc : l.value("occurrences", json::array()))
            entries[it->second].occurrences.push_back(
                {oc.value("path", ""), oc.value("section", ""), oc.value("line", 0), oc.value("column", 0), oc.value("entry", "")});
        }
      } catch (const std::exception& e) {
        std::fprintf(stderr, "listlint: %s: not a links report: %s\n", path.c_str(), e.what());
        return 2;
      }
    }
  } else {
    std::size_t k = 0, n = 0;
    if (!o.shard.empty()) {
      char slash = 0;
      std::istringstream ss(o.shard);
      if (!(ss >> k >> slash >> n) || slash != '/' || n == 0 || k == 0 || k > n || !ss.eof()) {
        std::fprintf(stderr, "listlint: --shard: expected K/N with 1 <= K <= N, got \"%s\"\n", o.shard.c_str());
        return 2;
      }
    }
    const UrlFilter filter(o);  // its patterns were checked when they were given
    for (const auto& path : files) {
      LoadResult lr = load_document(path);
      if (!lr.document) {
        errors.push_back(path + ": " + lr.error->reason);
        continue;
      }
      const ListModel m = build_model(*lr.document);
      for (const Link& l : m.links) {
        if (l.url.empty()) continue;
        if (n && fnv1a64(l.url) % n != k - 1) continue;
        auto [it, fresh] = index.emplace(l.url, entries.size());
        if (fresh) {
          Entry e;
          e.result.url = l.url;
          entries.push_back(std::move(e));
        }
        entries[it->second].occurrences.push_back({path, l.section >= 0 ? m.sections[static_cast<std::size_t>(l.section)].text : "",
                                                   l.span.begin.line, l.span.begin.column, entry_of(m, l)});
      }
    }
    // Excluded URLs are reported as skipped; the rest are checked.
    std::vector<std::string> to_check;
    std::vector<std::size_t> checked_index;
    std::size_t excluded = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::string& u = entries[i].result.url;
      if (filter.excluded(u)) {
        entries[i].result.verdict = Verdict::Skipped;
        entries[i].result.error = "excluded";
        ++excluded;
        continue;
      }
      to_check.push_back(u);
      checked_index.push_back(i);
    }
    if (o.dump) {
      // What would be checked, and where it is written: no request, no cache.
      for (const auto& e : errors) std::fprintf(stderr, "listlint: %s\n", e.c_str());
      json out = json::array();
      std::size_t shown = 0;
      for (std::size_t i : checked_index) {
        const Entry& e = entries[i];
        if (!skip_reason(e.result.url).empty()) continue;
        ++shown;
        if (o.format == "json") {
          json occ = json::array();
          for (const auto& oc : e.occurrences)
            occ.push_back({{"path", oc.path}, {"line", oc.line}, {"column", oc.column}, {"section", oc.section}, {"entry", oc.entry}});
          out.push_back({{"url", e.result.url}, {"occurrences", occ}});
          continue;
        }
        for (const auto& oc : e.occurrences)
          std::printf("%s\t%s:%d\t%s\t%s\n", e.result.url.c_str(), oc.path.c_str(), oc.line, oc.section.c_str(), oc.entry.c_str());
      }
      if (o.format == "json")
        std::printf("%s\n", json({{"links", out}, {"total", shown}}).dump(2, ' ', false, json::error_handler_t::replace).c_str());
      return errors.empty() ? 0 : 2;
    }
    std::vector<CheckedUrl> checked;
    if (!check_urls(to_check, o, checked, excluded)) return 2;
    for (std::size_t i = 0; i < checked.size(); ++i) {
      Entry& e = entries[checked_index[i]];
      e.result = std::move(checked[i].result);
      e.cached = checked[i].cached;
      if (checked[i].history.checks > 0 && e.result.verdict != Verdict::Alive)
        e.history = {{"checks", checked[i].history.checks},
                     {"alive", checked[i].history.alive},
                     {"failing_in_a_row", checked[i].history.failing_in_a_row},
                     {"failing_since", iso_date(checked[i].history.failing_since)},
                     {"last_alive", iso_date(checked[i].history.last_alive)}};
    }
  }
  for (const auto& e : errors) std::fprintf(stderr, "listlint: %s\n", e.c_str());
  const json report = to_json(entries);
  // File names and headings need not be UTF-8: replace what is not, rather than throw.
  if (o.format == "json") std::printf("%s\n", report.dump(2, ' ', false, json::error_handler_t::replace).c_str());
  else if (o.format == "html") std::fputs(html_report(report, iso_date(static_cast<std::int64_t>(std::time(nullptr)))).c_str(), stdout);
  else if (o.format == "markdown") print_markdown(entries, report["summary"]);
  else print_text(entries, report["summary"]);
  if (!errors.empty()) return 2;
  const auto& s = report["summary"];
  if (s["dead"].get<int>() > 0 || (o.fail_on_unknown && s["unknown"].get<int>() > 0)) return 1;
  return 0;
}

}  // namespace listlint::cli
