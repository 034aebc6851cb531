#include "links.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "listlint/document.h"
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
};

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
                     {"occurrences", occ}});
    ++summary[verdict_name(r.verdict)];
  }
  json s = summary;
  s["total"] = entries.size();
  return {{"links", links}, {"summary", s}};
}

Verdict verdict_from(const std::string& name) {
  for (Verdict v : {Verdict::Alive, Verdict::Dead, Verdict::Redirected, Verdict::Unknown, Verdict::Skipped})
    if (name == verdict_name(v)) return v;
  throw std::runtime_error("unknown verdict \"" + name + "\"");
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
      std::printf("%s:%d:%d: %s: %s%s%s\n", o.path.c_str(), o.line, o.column, verdict_name(r.verdict), r.url.c_str(),
                  what.empty() ? "" : " ", what.empty() ? "" : ("(" + what + ")").c_str());
    }
  }
  std::printf("%d URLs: %d alive, %d dead, %d redirected, %d unknown, %d skipped\n", summary["total"].get<int>(),
              summary["alive"].get<int>(), summary["dead"].get<int>(), summary["redirected"].get<int>(),
              summary["unknown"].get<int>(), summary["skipped"].get<int>());
}

void print_markdown(const std::vector<Entry>& entries, const json& summary) {
  std::printf("# Link report\n\n| verdict | URLs |\n|---|---:|\n");
  for (const char* v : {"dead", "redirected", "unknown", "alive", "skipped"}) std::printf("| %s | %d |\n", v, summary[v].get<int>());
  std::printf("| **total** | %d |\n", summary["total"].get<int>());
  struct Group { Verdict v; const char* title; const char* note; };
  const Group groups[] = {
      {Verdict::Dead, "Dead", "These URLs answer 404 or 410, do not resolve, refuse connections, or fail after retries."},
      {Verdict::Redirected, "Moved permanently", "Replace each URL with its new address."},
      {Verdict::Unknown, "Could not be verified", "Bot blocking, rate limits or timeouts: check these by hand."}};
  for (const auto& g : groups) {
    int n = 0;
    for (const auto& e : entries) n += e.result.verdict == g.v;
    if (n == 0) continue;
    std::printf("\n## %s (%d)\n\n%s\n\n", g.title, n, g.note);
    for (const auto& e : entries) {
      if (e.result.verdict != g.v) continue;
      const auto& r = e.result;
      std::string what = g.v == Verdict::Redirected ? "→ " + r.final_url : r.error;
      std::printf("- [ ] <%s> %s\n", r.url.c_str(), what.c_str());
      for (const auto& o : e.occurrences) std::printf("  - %s\n", where(o).c_str());
    }
  }
}

}  // namespace

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
            e.result.verdict = verdict_from(l.at("verdict").get<std::string>());
            e.result.http_status = l.value("http_status", 0);
            e.result.final_url = l.value("final_url", "");
            e.result.redirects = l.value("redirects", std::vector<std::string>{});
            e.result.error = l.value("error", "");
            e.result.attempts = l.value("attempts", 0);
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
    auto results = check_links(to_check, o.check, progress);
    // When no host at all resolves, the machine is offline: that is no verdict on the list.
    std::size_t dns = 0, network = 0;
    for (const auto& r : results) {
      if (r.verdict == Verdict::Skipped) continue;
      ++network;
      dns += r.error.rfind("DNS failure", 0) == 0;
    }
    if (network >= 3 && dns == network) {
      std::fprintf(stderr, "listlint: links: no host name of the %zu URLs resolved: is this machine offline?\n", network);
      return 2;
    }
    for (std::size_t i = 0; i < results.size(); ++i) entries[checked_index[i]].result = std::move(results[i]);
  }
  for (const auto& e : errors) std::fprintf(stderr, "listlint: %s\n", e.c_str());
  const json report = to_json(entries);
  if (o.format == "json") std::printf("%s\n", report.dump(2).c_str());
  else if (o.format == "markdown") print_markdown(entries, report["summary"]);
  else print_text(entries, report["summary"]);
  if (!errors.empty()) return 2;
  const auto& s = report["summary"];
  if (s["dead"].get<int>() > 0 || (o.fail_on_unknown && s["unknown"].get<int>() > 0)) return 1;
  return 0;
}

}  // namespace listlint::cli
