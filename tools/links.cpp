#include "links.h"

#include "html_report.h"
#include "install_paths.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "listlint/document.h"
#include "listlint/linkcache.h"
#include "listlint/model.h"

namespace listlint::cli {

namespace {

using json = nlohmann::json;

struct Occurrence {
  std::string path, section;
  int line = 0, column = 0;
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

// Seconds in "90", "30m", "12h", "1d"; -1 when unreadable.
double parse_age(const std::string& s) {
  if (s.empty()) return -1;
  std::size_t used = 0;
  double v;
  try {
    v = std::stod(s, &used);
  } catch (const std::exception&) {
    return -1;
  }
  const std::string unit = s.substr(used);
  if (v < 0) return -1;
  if (unit.empty() || unit == "s") return v;
  if (unit == "m") return v * 60;
  if (unit == "h") return v * 3600;
  if (unit == "d") return v * 86400;
  return -1;
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
      occ.push_back({{"path", o.path}, {"line", o.line}, {"column", o.column}, {"section", o.section}});
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

std::string where(const Occurrence& o) {
  return o.path + ":" + std::to_string(o.line) + (o.section.empty() ? "" : " (" + o.section + ")");
}

void print_text(const std::vector<Entry>& entries, const json& summary) {
  for (const auto& e : entries) {
    const auto& r = e.result;
    if (r.verdict == Verdict::Alive || r.verdict == Verdict::Skipped) continue;
    for (const auto& o : e.occurrences) {
      std::string what = r.error;
      if (r.verdict == Verdict::Redirected) what = "moved permanently to " + r.final_url;
      if (const std::string h = history_text(e.history); !h.empty()) what += "; " + h;
      std::printf("%s:%d:%d: %s: %s%s%s\n", o.path.c_str(), o.line, o.column, verdict_name(r.verdict), r.url.c_str(),
                  what.empty() ? "" : " ", what.empty() ? "" : ("(" + what + ")").c_str());
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
      std::string what = g.k == kMoved ? "→ " + r.final_url : r.error;
      if (const std::string h = history_text(e.history); !h.empty()) what += " (" + h + ")";
      std::printf("- [ ] <%s> %s\n", r.url.c_str(), what.c_str());
      for (const auto& o : e.occurrences) std::printf("  - %s\n", where(o).c_str());
    }
  }
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

std::string link_checker_path() {
  return installed_file("LISTLINT_NET_MODULE", std::filesystem::path(LISTLINT_LIBDIR) / "listlint" / "listlint-net.so");
}

bool check_urls(const std::vector<std::string>& urls, const LinksOptions& o, std::vector<CheckedUrl>& out) {
  out.assign(urls.size(), CheckedUrl{});
  if (std::string err; !load_link_checker(link_checker_path(), &err)) {
    std::fprintf(stderr, "listlint: %s\n", err.c_str());
    return false;
  }
  // The cache: recent alive results are reused; everything checked now is recorded.
  std::unique_ptr<LinkCache> cache;
  const double max_age = parse_age(o.max_age);
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
  const bool bar = o.progress && ::isatty(2);
  const auto t0 = std::chrono::steady_clock::now();
  LinkProgress progress;
  if (bar) {
    progress = [&](std::size_t done, std::size_t total) {
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      const double rate = s > 0 ? static_cast<double>(done) / s : 0;
      const double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0;
      std::fprintf(stderr, "\r%zu/%zu URLs checked, %.1f/s, about %.0f s left   ", done, total, rate, eta);
      if (done == total) std::fprintf(stderr, "\n");
    };
  }
  // A GitHub token in the environment: repository links go through the API (docs/links.md).
  LinkCheckOptions check = o.check;
  for (const char* var : {"GITHUB_TOKEN", "GH_TOKEN"})
    if (const char* t = std::getenv(var); t && *t && check.github_token.empty()) check.github_token = t;
  if (const char* api = std::getenv("LISTLINT_GITHUB_API"); api && *api) check.github_api = api;
  auto results = check_links(to_check, check, progress);
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
            entries[it->second].occurrences.push_back({oc.value("path", ""), oc.value("section", ""), oc.value("line", 0), oc.value("column", 0)});
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
    std::vector<std::regex> exclude, include;
    try {
      for (const auto& r : o.exclude) exclude.emplace_back(r);
      for (const auto& r : o.include) include.emplace_back(r);
    } catch (const std::regex_error& e) {
      std::fprintf(stderr, "listlint: --exclude/--include: not a regular expression: %s\n", e.what());
      return 2;
    }
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
        entries[it->second].occurrences.push_back(
            {path, l.section >= 0 ? m.sections[static_cast<std::size_t>(l.section)].text : "", l.span.begin.line, l.span.begin.column});
      }
    }
    // Excluded URLs are reported as skipped; the rest are checked.
    std::vector<std::string> to_check;
    std::vector<std::size_t> checked_index;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::string& u = entries[i].result.url;
      bool skip = false;
      for (const auto& r : exclude) skip |= std::regex_search(u, r);
      if (!include.empty()) {
        bool in = false;
        for (const auto& r : include) in |= std::regex_search(u, r);
        skip |= !in;
      }
      if (skip) {
        entries[i].result.verdict = Verdict::Skipped;
        entries[i].result.error = "excluded";
        continue;
      }
      to_check.push_back(u);
      checked_index.push_back(i);
    }
    std::vector<CheckedUrl> checked;
    if (!check_urls(to_check, o, checked)) return 2;
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
