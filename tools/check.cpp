// `listlint check`: the files of the run, each linted (and fixed) with its configuration through
// the library's pipeline (listlint/checking/pipeline.h), on several threads; then the findings
// filtered (baseline, changed lines) and printed in the chosen format.

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "changed_lines.h"
#include "commands.h"
#include "links.h"
#include "errors.h"
#include "listlint/checking/baseline.h"
#include "listlint/checking/diff.h"
#include "listlint/checking/files.h"
#include "listlint/checking/linter.h"
#include "listlint/checking/parallel.h"
#include "listlint/checking/pipeline.h"
#include "listlint/checking/profile.h"
#include "listlint/checking/report.h"
#include "listlint/model/document.h"
#include "listlint/model/model.h"
#include "registry.h"

namespace listlint::cli {

namespace {

/// check --timing: the stages of a profile, most expensive first, on standard error.
void print_timing(const listlint::Profile& profile, double wall, std::size_t files, unsigned threads) {
  const auto totals = profile.totals();
  double sum = 0;
  for (const auto& [stage, s] : totals) sum += s;
  std::fprintf(stderr, "listlint: timing of %zu file%s on %u thread%s: %.1f ms wall, %.1f ms in the stages below (summed over threads)\n",
               files, files == 1 ? "" : "s", threads, threads == 1 ? "" : "s", wall * 1000, sum * 1000);
  std::fprintf(stderr, "  %-50s %10s %7s\n", "stage", "ms", "share");
  for (const auto& [stage, s] : totals)
    std::fprintf(stderr, "  %-50s %10.1f %6.1f%%\n", stage.c_str(), s * 1000, sum > 0 ? 100 * s / sum : 0.0);
}

namespace fs = std::filesystem;

// --baseline and --changed-since: drop the findings they leave out, after every file is linted,
// and say what was left out (the notes of the text summary). Returns an exit code on an error.
std::optional<int> filter_reports(const CheckOptions& o, std::optional<listlint::Baseline> baseline,
                                  std::vector<listlint::FileReport>& reports, std::vector<std::string>& notes) {
  if (baseline) {
    const int silenced = listlint::apply_baseline(reports, std::move(*baseline));
    notes.push_back(std::to_string(silenced) + " silenced by the baseline " + o.baseline);
  }
  if (!o.changed_since.empty()) {
    listlint::cli::GitChanges git(o.changed_since);
    int outside = 0;
    for (auto& r : reports) {
      if (r.error) continue;
      std::string err;
      const auto changed = git.of(r.path, err);
      if (!changed) {
        std::fprintf(stderr, "listlint: --changed-since: %s: %s\n", r.path.c_str(), err.c_str());
        return kExitError;
      }
      if (changed->all) continue;
      outside += listlint::keep_findings(r, [&](std::size_t i) { return listlint::touches(r.diagnostics[i], changed->lines); });
    }
    notes.push_back(std::to_string(outside) + " on lines not changed since " + o.changed_since);
  }
  return std::nullopt;
}

std::vector<std::string> split_ids(const std::vector<std::string>& values) {
  std::vector<std::string> ids;
  for (const auto& v : values) {
    std::string cur;
    for (char c : v + ",") {
      if (c == ',' || c == ' ') {
        if (!cur.empty()) ids.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
  }
  return ids;
}

}  // namespace

int run_check(CheckOptions o) {
  const auto started_at = std::chrono::steady_clock::now();
  listlint::Profile profile;
  listlint::Profile* const prof = o.timing ? &profile : nullptr;
  const auto& rules = listlint::rules::all();
  const auto enable = split_ids(o.enable), disable = split_ids(o.disable);
  for (const auto& id : enable)
    if (!listlint::rules::find(id)) { std::fprintf(stderr, "listlint: --enable: unknown rule \"%s\" (listlint rules lists them)\n", id.c_str()); return kExitError; }
  for (const auto& id : disable)
    if (!listlint::rules::find(id)) { std::fprintf(stderr, "listlint: --disable: unknown rule \"%s\" (listlint rules lists them)\n", id.c_str()); return kExitError; }
  if (o.diff && !o.fix) {
    std::fprintf(stderr, "listlint: --diff shows what --fix would change: give both\n");
    return kExitError;
  }
  // --fix --diff prints the changes and writes nothing; --fix - writes the fixed standard input to
  // standard output. Either way standard output carries that text, and the report goes to stderr.
  const bool fix_stdin = o.fix && std::find(o.paths.begin(), o.paths.end(), "-") != o.paths.end();
  const bool text_out = o.diff || fix_stdin;
  if (!o.changed_since.empty() && std::find(o.paths.begin(), o.paths.end(), "-") != o.paths.end()) {
    std::fprintf(stderr, "listlint: --changed-since cannot diff standard input; name the file instead\n");
    return kExitError;
  }
  if (!o.write_baseline.empty() && (!o.baseline.empty() || !o.changed_since.empty())) {
    std::fprintf(stderr, "listlint: --write-baseline records every finding; it does not combine with %s\n",
                 o.baseline.empty() ? "--changed-since" : "--baseline");
    return kExitError;
  }
  // The baseline is read first: a missing or broken one stops the run before any work.
  std::optional<listlint::Baseline> baseline;
  if (!o.baseline.empty()) {
    std::string err;
    baseline = listlint::load_baseline(o.baseline, err);
    if (!baseline) {
      std::fprintf(stderr, "listlint: %s: %s\n", o.baseline.c_str(), err.c_str());
      return kExitError;
    }
  }
  // The text of each finding's line: the baseline's key and SARIF's fingerprints.
  const bool line_keys = baseline || !o.write_baseline.empty() || o.format == "sarif";
  for (const auto& p : o.presets) {
    listlint::Config c = listlint::default_config(rules);
    if (auto err = listlint::apply_preset(c, p, rules)) {
      std::fprintf(stderr, "listlint: --preset: %s\n", err->c_str());
      return kExitError;
    }
  }
  // The configuration of each file, as the library finds it (the command line's choices over
  // every configuration file), and the resources its rules need.
  listlint::ConfigResolver resolver(rules, {o.config, o.presets, enable, disable, o.report_unused_directives});
  if (!o.config.empty()) {
    if (auto fixed = resolver.resolve(o.config); fixed.error) {
      listlint::cli::print_errors(*fixed.error);
      return kExitError;
    }
  }
  auto config_for = [&](const std::string& file) -> std::pair<const listlint::Config*, std::optional<std::string>> {
    const auto r = resolver.resolve(file);
    if (!r.error && !r.file.empty()) spdlog::debug("{}: using {}", file, r.file);
    return {r.config, r.error};
  };
  listlint::ResourceLoader loader(words_table_path());

  std::vector<listlint::FileReport> reports;
  if (o.paths.empty()) o.paths.push_back(".");
  std::vector<listlint::FileReport> walk_errors;
  std::vector<listlint::PathError> path_errors;
  const auto files = listlint::expand_paths(o.paths, path_errors);
  for (auto& e : path_errors) walk_errors.push_back({e.path, {}, std::move(e.reason)});
  bool bad_config = false;
  // check --links: every URL of every file is checked once, before the rules run (with the
  // https:// twin of each http:// URL, for insecure-url's fix).
  std::unordered_map<std::string, listlint::LinkResult> link_results;
  std::map<std::string, listlint::LoadResult> preloaded;  // check --links reads files before linting
  if (o.links) {
    // The link settings: the configuration files' "links", then the flags.
    listlint::cli::LinksOptions link;
    std::vector<const listlint::Config*> configs;
    for (const auto& file : files) {
      auto [config, config_error] = config_for(file);
      if (!config_error && (file == "-" || !listlint::is_ignored(*config, file))) configs.push_back(config);
    }
    if (!resolve_link_settings(configs, o.link_flags, link)) return kExitError;
    link.progress = o.progress;
    const listlint::cli::UrlFilter filter(link);
    std::vector<std::string> urls;
    std::set<std::string> seen;
    std::set<std::string> excluded;
    auto add = [&](const std::string& u) {
      if (!listlint::skip_reason(u).empty()) return;
      if (filter.excluded(u)) {
        excluded.insert(u);
        return;
      }
      if (seen.insert(u).second) urls.push_back(u);
    };
    for (const auto& file : files) {
      auto [config, config_error] = config_for(file);
      if (config_error || (file != "-" && listlint::is_ignored(*config, file))) continue;
      if (file == "-") continue;  // standard input is read once, by the lint below
      // Kept for the lint below: a file is read once (a FIFO cannot be read twice, and a file
      // that changes in between would be linted with other verdicts than its URLs got).
      auto& loaded = preloaded.emplace(file, listlint::load_document(file)).first->second;
      if (loaded.error) continue;  // reported by the lint below
      for (const auto& l : listlint::build_model(*loaded.document).links) {
        add(l.url);
        if (l.url.size() > 7 && (l.url.compare(0, 7, "http://") == 0 || l.url.compare(0, 7, "HTTP://") == 0) && !listlint::local_http_url(l.url))
          add("https://" + l.url.substr(7));
      }
    }
    std::vector<listlint::cli::CheckedUrl> checked;
    if (!listlint::cli::check_urls(urls, link, checked, excluded.size())) return kExitError;
    for (auto& c : checked) link_results.emplace(c.result.url, std::move(c.result));
  }
  // What needs shared state (configurations, dictionaries, the files --links read) is settled
  // here, in order; the files are then linted (and fixed) on several threads, each report kept
  // in its file's place so the output does not depend on the threads.
  struct Job {
    std::size_t slot;
    const std::string* file;
    const listlint::Config* config;
    listlint::Resources resources;
    std::optional<listlint::LoadResult> loaded;
  };
  std::vector<std::optional<listlint::FileReport>> slots(files.size());
  std::vector<std::optional<std::string>> fixed_text(files.size());  // --diff, --fix -: the fixed bytes
  std::vector<Job> jobs;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string& file = files[i];
    auto [config, config_error] = config_for(file);
    if (config_error) {
      if (!bad_config) listlint::cli::print_errors(*config_error);
      bad_config = true;
      slots[i] = listlint::FileReport{file, {}, "invalid configuration: " + *config_error};
      continue;
    }
    if (file != "-" && listlint::is_ignored(*config, file)) {
      spdlog::debug("{}: ignored by {}", file, config->source);
      continue;
    }
    listlint::Resources resources;
    if (o.links) resources.links = &link_results;
    resources.profile = prof;
    if (auto err = loader.resources_for(file, *config, resources)) {
      if (!bad_config) std::fprintf(stderr, "listlint: %s\n", err->c_str());
      bad_config = true;
      slots[i] = listlint::FileReport{file, {}, "invalid configuration: " + *err};
      continue;
    }
    Job& job = jobs.emplace_back(Job{i, &file, config, resources, std::nullopt});
    if (auto pre = preloaded.find(file); pre != preloaded.end()) {
      job.loaded = std::move(pre->second);
      preloaded.erase(pre);
    }
  }
  auto lint_one = [&](Job& job) {
    const std::string& file = *job.file;
    const listlint::Config& config = *job.config;
    listlint::Stopwatch clock(prof);
    auto loaded = job.loaded ? std::move(*job.loaded) : listlint::load_document(file);
    if (prof) prof->add("read (the file and its line index)", clock.lap());
    if (loaded.error) return listlint::FileReport{file, {}, loaded.error->reason};
    const auto mode = !o.fix ? listlint::FixMode::None
                      : (o.diff || file == "-") ? listlint::FixMode::Keep  // shown, not written
                                                : listlint::FixMode::Write;
    auto checked = listlint::check_document(file, *loaded.document, config, rules, job.resources, mode);
    if (mode == listlint::FixMode::Keep) {
      if (checked.fixed)  // the diff against the file, or the text for standard output
        fixed_text[job.slot] = o.diff ? listlint::unified_diff(file, loaded.document->bytes(), *checked.fixed) : std::move(*checked.fixed);
      else if (file == "-" && !o.diff)
        fixed_text[job.slot] = std::string(loaded.document->bytes());  // not settled: an editor's buffer stays as it was
    }
    if (mode == listlint::FixMode::Write && checked.written) spdlog::info("{}: {} fixes applied", file, checked.applied);
    listlint::FileReport& report = checked.report;
    const auto& written = checked.written;
    if (line_keys) listlint::attach_line_keys(report, written ? std::string_view(*written) : loaded.document->bytes());
    return std::move(report);
  };
  // A file named twice (also as a.md and ./a.md) is one piece of work: --fix must not rewrite
  // it from two threads.
  std::vector<std::size_t> first_of(jobs.size());
  {
    std::unordered_map<std::string, std::size_t> seen_file;
    for (std::size_t k = 0; k < jobs.size(); ++k) {
      std::error_code ec;
      std::string key = *jobs[k].file;
      if (key != "-") {
        const fs::path canonical = fs::weakly_canonical(key, ec);
        if (!ec) key = canonical.string();
      }
      first_of[k] = seen_file.emplace(std::move(key), k).first->second;
    }
  }
  std::vector<std::size_t> unique;
  for (std::size_t k = 0; k < jobs.size(); ++k)
    if (first_of[k] == k) unique.push_back(k);
  // Fewer files than threads: the threads left over go into each file (its parse, its rules).
  {
    const unsigned threads = listlint::job_count(o.jobs, SIZE_MAX);
    if (!unique.empty() && unique.size() < threads)
      for (std::size_t u : unique) jobs[u].resources.threads = static_cast<unsigned>(threads / unique.size());
  }
  listlint::parallel_for(unique.size(), listlint::job_count(o.jobs, unique.size()),
                         [&](std::size_t u) { slots[jobs[unique[u]].slot] = lint_one(jobs[unique[u]]); });
  if (prof) print_timing(profile, std::chrono::duration<double>(std::chrono::steady_clock::now() - started_at).count(),
                         unique.size(), listlint::job_count(o.jobs, SIZE_MAX));
  for (std::size_t k = 0; k < jobs.size(); ++k) {
    if (first_of[k] == k) continue;
    auto& copy = slots[jobs[k].slot] = slots[jobs[first_of[k]].slot];
    if (copy) copy->path = *jobs[k].file;  // reported under the name it was given
  }
  for (auto& s : slots)
    if (s) reports.push_back(std::move(*s));
  reports.insert(reports.end(), walk_errors.begin(), walk_errors.end());

  for (const auto& r : reports)
    if (r.error && r.error->rfind("invalid configuration", 0) != 0) std::fprintf(stderr, "listlint: %s: %s\n", r.path.c_str(), r.error->c_str());

  if (!o.write_baseline.empty()) {
    // Every finding of a complete run, or nothing: a file that could not be checked would be
    // missing from the baseline and all its findings would come back later.
    const auto s = listlint::summarize(reports);
    if (s.failed > 0 || bad_config) {
      std::fprintf(stderr, "listlint: %s not written: %d file%s could not be checked\n", o.write_baseline.c_str(),
                   s.failed, s.failed == 1 ? "" : "s");
      return kExitError;
    }
    // Written like --fix writes: a temporary file renamed into place.
    if (auto err = listlint::write_file_atomic(o.write_baseline, listlint::baseline_text(reports, o.write_baseline), /*create=*/true)) {
      std::fprintf(stderr, "listlint: %s: %s\n", o.write_baseline.c_str(), err->c_str());
      return kExitError;
    }
    std::fprintf(stderr, "listlint: wrote %s: %d finding%s in %d file%s\n", o.write_baseline.c_str(), s.errors + s.warnings,
                 s.errors + s.warnings == 1 ? "" : "s", s.files, s.files == 1 ? "" : "s");
    return kExitOk;
  }
  std::vector<std::string> notes;
  if (auto rc = filter_reports(o, std::move(baseline), reports, notes)) return *rc;

  if (text_out) {
    // The diffs (or the fixed standard input) alone on standard output, in the files' order.
    for (const auto& t : fixed_text)
      if (t) std::cout << *t;
    std::cout.flush();
  }
  std::ostream& out = text_out ? std::cerr : std::cout;
  bool color = o.color == "always";
  if (o.color == "auto") color = ::isatty(text_out ? STDERR_FILENO : STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
  if (o.format == "json") {
    out << listlint::format_json(reports).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else if (o.format == "sarif") {
    out << listlint::format_sarif(reports, rules, LISTLINT_VERSION, kDocsUrl)
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << '\n';
  } else if (o.format == "github") {
    out << listlint::format_github(reports);
  } else if (o.format == "markdown") {
    out << listlint::format_markdown(reports, notes);
  } else {
    out << listlint::format_text(reports, color, o.quiet, notes);
  }
  out.flush();
  const auto summary = listlint::summarize(reports);
  if (summary.failed > 0 || bad_config) return kExitError;
  if (o.max_warnings >= 0 && summary.warnings > o.max_warnings) {
    std::fprintf(stderr, "listlint: %d warning%s, more than --max-warnings %d\n", summary.warnings,
                 summary.warnings == 1 ? "" : "s", o.max_warnings);
    return kExitFindings;
  }
  return summary.errors > 0 ? kExitFindings : kExitOk;
}

}  // namespace listlint::cli
