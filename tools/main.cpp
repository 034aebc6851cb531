// listlint: the command-line front end. Parses arguments, reads files, prints, sets the exit code.

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <malloc.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unordered_map>
#include <unordered_set>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "listlint/checking/baseline.h"
#include "listlint/checking/config.h"
#include "listlint/checking/diff.h"
#include "listlint/model/document.h"
#include "listlint/links/linksettings.h"
#include "listlint/checking/linter.h"
#include "listlint/model/model.h"
#include "listlint/model/model_json.h"
#include "listlint/checking/parallel.h"
#include "listlint/checking/report.h"
#include "listlint/spelling/spelling.h"
#include "listlint/checking/workspace.h"
#include "changed_lines.h"
#include "cli_docs.h"
#include "install_paths.h"
#include "links.h"
#include "registry.h"

namespace {

namespace fs = std::filesystem;

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;  // at least one error-severity finding
constexpr int kExitError = 2;     // usage, configuration, I/O or bad input

const std::string kDocsUrl = LISTLINT_DOCS_URL;

void print_error(const listlint::LoadError& e) {
  std::fprintf(stderr, "listlint: %s: %s\n", e.path.c_str(), e.reason.c_str());
}

std::string summary_text(const listlint::ListModel& m) {
  std::string out;
  auto line = [&](const std::string& s) { out += s + "\n"; };
  line(m.path + ": " + (m.title ? "\"" + m.title_text + "\"" : std::string("(no H1 title)")) + ", " +
       std::to_string(m.line_count) + " lines");
  std::map<std::string, int> kinds;
  for (const auto& l : m.links) ++kinds[listlint::to_string(l.kind)];
  std::string ks;
  for (const auto& [k, v] : kinds) ks += (ks.empty() ? "" : ", ") + std::to_string(v) + " " + k;
  line("  sections: " + std::to_string(m.sections.size()) + "   entries: " + std::to_string(m.entries.size()) +
       "   links: " + std::to_string(m.links.size()) + (ks.empty() ? "" : " (" + ks + ")"));
  if (m.toc) line("  table of contents: " + std::to_string(m.toc->items.size()) + " items at line " +
                  std::to_string(m.toc->span.begin.line));
  for (const auto& t : m.tables) {
    std::string cols;
    for (const auto& c : t.columns) cols += (cols.empty() ? "" : " | ") + c.text;
    line("  table at line " + std::to_string(t.span.begin.line) + ": " + std::to_string(t.rows.size()) +
         " rows, columns: " + cols);
  }
  for (const auto& d : m.details) {
    line("  details at line " + std::to_string(d.span.begin.line) + ": " +
         (d.title.empty() ? d.summary : d.title) + (d.year ? " (" + std::to_string(d.year) + ")" : "") +
         (d.target.empty() ? "" : " -> " + d.target) + ", " + std::to_string(d.links.size()) + " links" +
         (d.closed ? "" : ", NOT CLOSED"));
  }
  for (const auto& u : m.undefined_refs) {
    if (!u.link_like) continue;
    line("  undefined reference " + u.text + " at " + std::to_string(u.span.begin.line) + ":" +
         std::to_string(u.span.begin.column));
  }
  for (const auto& p : m.problems) {
    line("  " + p.kind + " at " + std::to_string(p.span.begin.line) + ":" + std::to_string(p.span.begin.column) +
         ": " + p.message);
  }
  return out;
}

int run_model(const std::vector<std::string>& files, bool pretty, bool summary) {
  int rc = kExitOk;
  nlohmann::json all = nlohmann::json::array();
  for (const auto& path : files) {
    spdlog::debug("modelling {}", path);
    auto loaded = listlint::load_document(path);
    if (loaded.error) {
      print_error(*loaded.error);
      rc = kExitError;
      continue;
    }
    const listlint::ListModel model = listlint::build_model(*loaded.document);
    if (summary) {
      std::fputs(summary_text(model).c_str(), stdout);
      continue;
    }
    all.push_back(listlint::model_to_json(model));
  }
  if (!summary && !all.empty()) {
    const nlohmann::json& out = files.size() == 1 ? all[0] : all;
    std::cout << out.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  std::cout.flush();
  return rc;
}

int run_ast(const std::vector<std::string>& files) {
  int rc = kExitOk;
  for (const auto& path : files) {
    auto loaded = listlint::load_document(path);
    if (loaded.error) {
      print_error(*loaded.error);
      rc = kExitError;
      continue;
    }
    std::cout << listlint::dump_ast(*loaded.document);
  }
  return rc;
}


// ---- link settings: one table for `links` and `check --links` ------------------------------

// The link settings given on the command line, in their order: applied over the configuration
// file's "links" (lists add up, single values replace).
struct LinkFlags {
  std::vector<std::pair<const listlint::LinkSettingInfo*, std::string>> given;
};

// Adds every link setting of listlint::link_settings() to a subcommand (`check` prefixes the
// help with "With --links:" and leaves out the settings only `links` has): a new setting is a row
// of that table, not a line here.
const char* value_name(listlint::LinkSettingKind kind) {
  using K = listlint::LinkSettingKind;
  switch (kind) {
    case K::Int: return "N";
    case K::Number: return "SECONDS";
    case K::Path: return "FILE";
    case K::Duration: return "AGE";
    case K::Patterns: return "REGEX";
    case K::StatusCodes: return "CODES";
    case K::Headers: return "'NAME: VALUE'";
    case K::HostHeaders: return "'HOST=NAME: VALUE'";
    default: return "TEXT";
  }
}

void add_link_options(CLI::App* cmd, LinkFlags& flags, bool for_check) {
  for (const auto& info : listlint::link_settings()) {
    if (for_check && info.links_only) continue;
    const listlint::LinkSettingInfo* i = &info;
    std::string help = info.help;
    if (for_check) help = "With --links: " + std::string(1, static_cast<char>(std::tolower(static_cast<unsigned char>(help[0])))) + help.substr(1);
    if (info.kind == listlint::LinkSettingKind::Switch) {
      cmd->add_flag_callback(info.flag, [&flags, i] { flags.given.push_back({i, "true"}); }, help);
      continue;
    }
    // One value per occurrence, or a vector option would swallow the paths that follow it.
    cmd->add_option_function<std::string>(info.flag, [&flags, i](const std::string& v) { flags.given.push_back({i, v}); }, help)
        ->trigger_on_parse()
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->type_name(value_name(info.kind));
  }
}

// The link settings of a run: the "links" of the configuration files that govern its files (a file
// without one takes the others'; two different ones cannot share a run), then the flags. Prints a
// one-line error and returns false when they disagree or a value is invalid.
bool resolve_link_settings(const std::vector<const listlint::Config*>& configs, const LinkFlags& flags,
                           listlint::LinkSettings& out) {
  const listlint::Config* chosen = nullptr;
  for (const auto* c : configs) {
    if (!c || c->links_json.is_null()) continue;
    if (chosen && chosen->links_json != c->links_json) {
      std::fprintf(stderr,
                   "listlint: %s and %s have different \"links\" settings: check their files in separate runs, or "
                   "name one with --config\n",
                   chosen->source.c_str(), c->source.c_str());
      return false;
    }
    if (!chosen) chosen = c;
  }
  if (chosen) {
    out = chosen->links;
    listlint::cli::expand_header_variables(out, chosen->source);
  }
  for (const auto& [info, value] : flags.given) {
    if (auto err = listlint::apply_link_setting(out, *info, value)) {
      std::fprintf(stderr, "listlint: %s\n", err->c_str());
      return false;
    }
  }
  return true;
}

// ---- check ----------------------------------------------------------------------------------

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string config;
  std::vector<std::string> enable, disable;
  std::vector<std::string> presets;  ///< applied under every configuration file, as its "extends"
  bool fix = false, quiet = false;
  bool report_unused_directives = false;  ///< directives that silence nothing are warnings
  bool diff = false;                      ///< with --fix: print a unified diff, write nothing
  std::string color = "auto";
  bool links = false;                  ///< check the URLs too (network rules)
  bool progress = true;                ///< with --links: the progress display on a terminal
  unsigned jobs = 0;                   ///< files linted at once (0: one per core)
  LinkFlags link_flags;                ///< with --links: the link settings given
  std::string baseline;                ///< report only the findings this baseline file does not hold
  std::string write_baseline;          ///< record every finding in this file instead of reporting
  std::string changed_since;           ///< report only findings on lines changed since this git ref
  int max_warnings = -1;               ///< exit 1 above this many warnings (-1: no limit)
};

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

bool skipped_dir(const std::string& name) {
  static const std::set<std::string> kSkip = {".git", "node_modules", "build", "_build", "dist", "target", ".venv", "venv"};
  return kSkip.count(name) > 0 || name.rfind("build-", 0) == 0 || name.rfind("cmake-build-", 0) == 0;
}

bool markdown_name(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".md" || ext == ".markdown" || ext == ".MD" || ext == ".Md";
}

// Files to check, in a stable order; a directory is walked for *.md and *.markdown.
// A path as the user should read it: relative to the working folder when it is below it (the
// configuration lookup finds absolute paths), else as it is.
std::string shown_path(const std::string& path) {
  std::error_code ec;
  const fs::path rel = fs::relative(path, fs::current_path(ec), ec);
  if (ec || rel.empty() || *rel.begin() == "..") return path;
  return rel.generic_string();
}

// A glob given quoted ('**/*.md', as the Action's paths input passes it): the files it matches,
// sorted, walked from its literal folder ("docs" for docs/**/*.md), skipping what a folder walk skips.
std::vector<std::string> expand_glob(const std::string& pattern) {
  std::vector<std::string> out;
  const std::size_t magic = pattern.find_first_of("*?[");
  const std::size_t slash = pattern.rfind('/', magic);
  const std::string base = slash == std::string::npos ? "" : pattern.substr(0, slash);
  std::error_code ec;
  fs::recursive_directory_iterator it(base.empty() ? "." : base, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code e2;
    const fs::path f = it->path();
    if (it->is_directory(e2)) {
      if (skipped_dir(f.filename().string())) it.disable_recursion_pending();
      continue;
    }
    std::string rel = f.generic_string();
    if (base.empty() && rel.rfind("./", 0) == 0) rel = rel.substr(2);
    if (it->is_regular_file(e2) && listlint::glob_match(pattern, rel)) out.push_back(rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, std::vector<listlint::FileReport>& errors) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p != "-" && !fs::exists(p, ec) && p.find_first_of("*?[") != std::string::npos) {
      const auto matched = expand_glob(p);
      if (matched.empty()) errors.push_back({p, {}, "the pattern matches no file"});
      out.insert(out.end(), matched.begin(), matched.end());
      continue;
    }
    if (p == "-" || !fs::is_directory(p, ec)) {
      out.push_back(p);  // a missing or odd file is reported when it is read
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      errors.push_back({p, {}, std::string("cannot read the directory: ") + ec.message()});
      continue;
    }
    // Symbolic links to folders are not followed (no loops); links to files are read, and a
    // *.md link that leads nowhere (dangling, or a loop) is an error, not a silent skip.
    while (it != end) {
      const fs::path f = it->path();
      std::error_code e2;
      if (it->is_directory(e2)) {
        if (skipped_dir(f.filename().string())) it.disable_recursion_pending();
      } else if (markdown_name(f)) {
        if (it->is_regular_file(e2)) {
          found.push_back(f.string());
        } else if (it->is_symlink(e2)) {
          std::error_code e3;
          (void)fs::status(f, e3);
          errors.push_back({f.string(), {}, e3 ? e3.message() : std::string("not a regular file")});
        }
      }
      it.increment(ec);
      if (ec) {  // the iterator is at its end now: report and stop this folder
        errors.push_back({p, {}, "cannot read the directory after " + f.string() + ": " + ec.message()});
        break;
      }
    }
    std::sort(found.begin(), found.end());
    // A folder without a list is a mistaken path (or a checkout step that fetched nothing), not a pass.
    if (found.empty() && std::none_of(errors.begin(), errors.end(), [&](const auto& e) { return e.path == p; }))
      errors.push_back({p, {}, "holds no Markdown file (*.md, *.markdown)"});
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

// The typo rule's word table: $LISTLINT_WORDS, else share/listlint/words.bin beside the
// executable's bin/ folder (an installed prefix, or the build tree: build/tools -> build/share).
std::string words_table_path() { return listlint::cli::installed_file("LISTLINT_WORDS", "share/listlint/words.bin"); }

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

int run_check(CheckOptions o) {
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
  // Command-line choices override every configuration file.
  auto finish = [&](listlint::Config& c) {
    for (const auto& id : enable) {
      auto& s = c.rules[id];
      if (s.severity == listlint::Severity::Off) s.severity = listlint::rules::find(id)->info().default_severity;
      if (s.severity == listlint::Severity::Off) s.severity = listlint::Severity::Error;
    }
    for (const auto& id : disable) c.rules[id].severity = listlint::Severity::Off;
    c.report_unused_directives = o.report_unused_directives;
  };
  // --preset NAME: as if every configuration file (and the defaults) began with "extends": NAME.
  auto base_config = [&]() {
    listlint::Config c = listlint::default_config(rules);
    for (const auto& p : o.presets) (void)listlint::apply_preset(c, p, rules);  // checked below
    return c;
  };
  for (const auto& p : o.presets) {
    listlint::Config c = listlint::default_config(rules);
    if (auto err = listlint::apply_preset(c, p, rules)) {
      std::fprintf(stderr, "listlint: --preset: %s\n", err->c_str());
      return kExitError;
    }
  }
  std::optional<listlint::Config> fixed_config;
  if (!o.config.empty()) {
    listlint::Config c = base_config();
    if (auto err = listlint::load_config_file(c, o.config, rules)) {
      std::fprintf(stderr, "listlint: %s: %s\n", o.config.c_str(), err->c_str());
      return kExitError;
    }
    finish(c);
    fixed_config = std::move(c);
  }
  std::map<std::string, std::pair<listlint::Config, std::optional<std::string>>> discovered;
  auto config_for = [&](const std::string& file) -> std::pair<const listlint::Config*, std::optional<std::string>> {
    if (fixed_config) return {&*fixed_config, std::nullopt};
    const std::string path = file == "-" ? listlint::find_config_file("./stdin") : listlint::find_config_file(file);
    auto it = discovered.find(path);
    if (it == discovered.end()) {
      listlint::Config c = base_config();
      std::optional<std::string> err;
      if (!path.empty()) {
        if (auto e = listlint::load_config_file(c, path, rules)) err = shown_path(path) + ": " + *e;
        else spdlog::debug("{}: using {}", file, path);
      }
      finish(c);
      it = discovered.emplace(path, std::make_pair(std::move(c), err)).first;
    }
    return {&it->second.first, it->second.second};
  };

  // Dictionaries for the typo rule: loaded once, on the first file whose configuration turns it
  // on; a failure is an error for the run, never a silent skip of the rule.
  std::unique_ptr<listlint::Speller> speller;
  std::optional<std::string> speller_error;
  bool speller_tried = false;
  std::map<std::string, std::pair<std::unordered_set<std::string>, std::optional<std::string>>> words_files;
  auto resources_for = [&](const listlint::Config& c, listlint::Resources& res) -> std::optional<std::string> {
    const auto it = c.rules.find("typo");
    if (it == c.rules.end() || it->second.severity == listlint::Severity::Off) return std::nullopt;
    if (!speller_tried) {
      speller_tried = true;
      std::string err;
      speller = listlint::Speller::load(words_table_path(), &err);
      if (!speller) speller_error = "typo: " + err;
    }
    if (speller_error) return speller_error;
    res.speller = speller.get();
    const std::string wf = it->second.options.value("words_file", "");
    if (!wf.empty()) {
      const std::string path = (fs::path(c.base_dir.empty() ? "." : c.base_dir) / wf).string();
      auto [w, fresh] = words_files.try_emplace(path);
      if (fresh) {
        std::ifstream in(path);
        if (!in) {
          w->second.second = "typo: words_file " + path + ": cannot read it";
        } else {
          std::string line;
          while (std::getline(in, line)) {
            while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
            if (line.empty() || line[0] == '#') continue;
            for (char& ch : line) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            w->second.first.insert(line);
          }
        }
      }
      if (w->second.second) return w->second.second;
      res.words = &w->second.first;
    }
    return std::nullopt;
  };

  std::vector<listlint::FileReport> reports;
  if (o.paths.empty()) o.paths.push_back(".");
  std::vector<listlint::FileReport> walk_errors;
  const auto files = expand_paths(o.paths, walk_errors);
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
  std::map<std::string, std::unique_ptr<listlint::Workspace>> workspaces;  // by repository root
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string& file = files[i];
    auto [config, config_error] = config_for(file);
    if (config_error) {
      if (!bad_config) std::fprintf(stderr, "listlint: %s\n", config_error->c_str());
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
    const auto local_link = config->rules.find("local-link");
    if (file != "-" && local_link != config->rules.end() && local_link->second.severity != listlint::Severity::Off) {
      // The repository the file is in, shared by its files (local-link reads it, on any thread).
      // Outside a repository there is none: local-link cannot know the list's other files.
      if (const auto root = listlint::repository_root(file)) {
        auto& ws = workspaces[*root];
        if (!ws) ws = listlint::filesystem_workspace(*root);
        resources.workspace = ws.get();
        resources.workspace_path = listlint::workspace_path(*root, file);
      }
    }
    if (auto err = resources_for(*config, resources)) {
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
    auto loaded = job.loaded ? std::move(*job.loaded) : listlint::load_document(file);
    if (loaded.error) return listlint::FileReport{file, {}, loaded.error->reason};
    listlint::FileReport report{file, {}, std::nullopt};
    std::optional<std::string> written;  // with --fix: the bytes the remaining findings refer to
    if (o.fix) {
      const std::string original(loaded.document->bytes());
      auto fixed = listlint::fix_document(file, original, config, rules, job.resources);
      if (fixed.not_converged) {
        report.error = *fixed.not_converged;
        if (file == "-" && !o.diff) fixed_text[job.slot] = original;  // an editor's buffer stays as it was
        const auto model = listlint::build_model(*loaded.document);
        report.diagnostics = listlint::lint(*loaded.document, model, config, rules, job.resources);
      } else if (o.diff || file == "-") {
        // Shown, not written: the diff against the file, or the text for standard output.
        report.diagnostics = std::move(fixed.remaining);
        written = fixed.bytes;
        fixed_text[job.slot] = o.diff ? listlint::unified_diff(file, original, fixed.bytes) : std::move(fixed.bytes);
      } else if (fixed.bytes != original) {
        if (auto err = listlint::write_file_atomic(file, fixed.bytes)) {
          report.error = *err;
          // Not written: report the findings of the file as it is.
          const auto model = listlint::build_model(*loaded.document);
          report.diagnostics = listlint::lint(*loaded.document, model, config, rules, job.resources);
        } else {
          spdlog::info("{}: {} fixes applied", file, fixed.applied);
          report.diagnostics = std::move(fixed.remaining);
          written = std::move(fixed.bytes);
        }
      } else {
        report.diagnostics = std::move(fixed.remaining);
      }
    } else {
      const auto model = listlint::build_model(*loaded.document);
      report.diagnostics = listlint::lint(*loaded.document, model, config, rules, job.resources);
    }
    if (line_keys) listlint::attach_line_keys(report, written ? std::string_view(*written) : loaded.document->bytes());
    return report;
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
  listlint::parallel_for(unique.size(), listlint::job_count(o.jobs, unique.size()),
                         [&](std::size_t u) { slots[jobs[unique[u]].slot] = lint_one(jobs[unique[u]]); });
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

// ---- rules ----------------------------------------------------------------------------------

int run_rules(const std::string& format, const std::string& doc_header, bool list_presets) {
  const auto& rules = listlint::rules::all();
  if (list_presets) {
    // Each preset with what it changes against the defaults: severities and options.
    const listlint::Config defaults = listlint::default_config(rules);
    for (const auto& [name, summary] : listlint::presets()) {
      listlint::Config c = listlint::default_config(rules);
      (void)listlint::apply_preset(c, name, rules);
      std::printf("%s: %s\n", name.c_str(), summary.c_str());
      for (const auto& [id, s] : c.rules) {
        const auto& d = defaults.rules.at(id);
        if (s.severity == d.severity && s.options == d.options) continue;
        std::string opts;
        for (const auto& [k, v] : s.options.items())
          if (!d.options.contains(k) || d.options.at(k) != v) opts += " " + k + "=" + v.dump();
        std::printf("  %-18s %-7s%s\n", id.c_str(), listlint::to_string(s.severity), opts.c_str());
      }
    }
    return kExitOk;
  }
  if (!doc_header.empty()) {
    const auto* r = listlint::rules::find(doc_header);
    if (!r) { std::fprintf(stderr, "listlint: unknown rule \"%s\"\n", doc_header.c_str()); return kExitError; }
    std::cout << listlint::rule_doc_header(r->info());
    return kExitOk;
  }
  if (format == "schema") {
    std::cout << listlint::config_schema(rules).dump(2) << '\n';
    return kExitOk;
  }
  if (format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto* r : rules) {
      const auto& i = r->info();
      nlohmann::json opts = nlohmann::json::array();
      for (const auto& o : i.options) opts.push_back({{"name", o.name}, {"default", o.default_value}, {"description", o.description}});
      out.push_back({{"id", i.id}, {"summary", i.summary}, {"tags", i.tags},
                     {"severity", listlint::to_string(i.default_severity)}, {"fixable", i.fixable},
                     {"options", opts}, {"docs", kDocsUrl + i.id + ".md"}});
    }
    std::cout << out.dump(2) << '\n';
    return kExitOk;
  }
  for (const auto* r : rules) {
    const auto& i = r->info();
    std::printf("%-18s %-7s %-8s %s\n", i.id.c_str(), listlint::to_string(i.default_severity),
                i.fixable ? "fixable" : "", i.summary.c_str());
  }
  return kExitOk;
}

// `listlint explain ID`: the rule's doc page, embedded at build time from docs/rules/ID.md.
int run_explain(const std::string& id) {
  for (const auto& d : listlint::cli::kRuleDocs)
    if (id == d.id) {
      std::fwrite(d.text.data(), 1, d.text.size(), stdout);
      return kExitOk;
    }
  std::string known;
  for (const auto* r : listlint::rules::all()) known += (known.empty() ? "" : ", ") + r->info().id;
  std::fprintf(stderr, "listlint: explain: unknown rule \"%s\" (known: %s)\n", id.c_str(), known.c_str());
  return kExitError;
}

// `listlint init`: a starter .listlint.json for the lists in the current folder. Every rule is
// written out at its default severity (the file shows what can be tuned), and the words of the
// lists that the typo rule's dictionary layer would flag are pre-listed in typo.words as
// candidates to review: most are names and jargon, a few are typos to fix instead. Known
// misspellings (codespell's list) are never listed: those are typos.
int run_init(const std::vector<std::string>& paths_in, bool force) {
  const std::string target = ".listlint.json";
  std::error_code ec;
  if (fs::exists(target, ec) && !force) {
    std::fprintf(stderr, "listlint: init: %s already exists (--force replaces it)\n", target.c_str());
    return kExitError;
  }
  std::vector<listlint::FileReport> errors;
  std::vector<std::string> paths = paths_in;
  if (paths.empty()) {
    // The lists of this folder (not its subfolders): README.md and the other Markdown files.
    for (const auto& e : fs::directory_iterator(".", ec))
      if (e.is_regular_file(ec) && markdown_name(e.path())) paths.push_back(e.path().filename().string());
    std::sort(paths.begin(), paths.end());
  }
  const auto files = expand_paths(paths, errors);
  for (const auto& e : errors) std::fprintf(stderr, "listlint: %s: %s\n", e.path.c_str(), e.error->c_str());
  const auto& rules = listlint::rules::all();
  const listlint::Config config = listlint::default_config(rules);
  std::string werr;
  const auto speller = listlint::Speller::load(words_table_path(), &werr);
  listlint::Resources resources;
  resources.speller = speller.get();
  std::map<std::string, std::pair<int, std::string>> words;  // word -> (times, where first)
  int checked = 0;
  for (const auto& f : files) {
    auto loaded = listlint::load_document(f);
    if (loaded.error) {
      std::fprintf(stderr, "listlint: %s: %s\n", f.c_str(), loaded.error->reason.c_str());
      continue;
    }
    ++checked;
    const auto model = listlint::build_model(*loaded.document);
    for (const auto& d : listlint::lint(*loaded.document, model, config, {listlint::rules::find("typo")}, resources)) {
      // "W" is not a word; did you mean ...: the dictionary layer.
      const auto q1 = d.message.find('"'), q2 = d.message.find('"', q1 + 1);
      if (q1 == 0 && q2 != std::string::npos && d.message.compare(q2, 15, "\" is not a word") == 0) {
        auto& [times, where] = words[d.message.substr(1, q2 - 1)];
        if (times++ == 0) where = f + ":" + std::to_string(d.range.begin.line);
      }
    }
  }
  nlohmann::ordered_json out;
  out["$schema"] = "https://raw.githubusercontent.com/listlint/listlint/main/docs/listlint.schema.json";
  nlohmann::ordered_json rj = nlohmann::ordered_json::object();
  for (const auto* r : rules) {
    const auto& i = r->info();
    if (i.id == "typo") {
      rj[i.id] = {{"severity", listlint::to_string(i.default_severity)}, {"words", nlohmann::ordered_json::array()}};
    } else {
      rj[i.id] = listlint::to_string(i.default_severity);
    }
  }
  out["rules"] = rj;
  out["ignore"] = nlohmann::ordered_json::array();
  std::string text = out.dump(2) + "\n";
  // The words the typo rule flags go above "words" as comments (the file is JSONC), for review:
  // none is allowed until the maintainer moves it in. Known misspellings are never among them.
  if (!words.empty()) {
    const std::string key = "      \"words\": []";
    std::string review =
        "      // Words the typo rule flags in these lists, with how often and where first. Move names and\n"
        "      // jargon into \"words\" (\"words\": [\"Zorblax\"]); fix the typos in the list instead.\n";
    for (const auto& [w, tw] : words)
      review += "      //   " + nlohmann::json(w).dump() + "  " + std::to_string(tw.first) + "x, " + tw.second + "\n";
    if (const auto at = text.find(key); at != std::string::npos) text.insert(at, review);
  }
  // Written like --fix writes: a temporary file renamed into place.
  if (auto err = listlint::write_file_atomic(target, text, /*create=*/true)) {
    std::fprintf(stderr, "listlint: init: %s: %s\n", target.c_str(), err->c_str());
    return kExitError;
  }
  std::fprintf(stderr,
               "listlint: wrote %s for %d file%s: every rule at its default severity; %zu word%s the typo rule "
               "flags listed for review in a comment above rules.typo.words (none allowed yet): move names and "
               "jargon into words, fix the typos in the list.\n",
               target.c_str(), checked, checked == 1 ? "" : "s", words.size(), words.size() == 1 ? "" : "s");
  return errors.empty() ? kExitOk : kExitError;
}

// `listlint links`: the files, their configuration ("links" and "ignore"), then the audit.
int run_links_command(listlint::cli::LinksOptions o, const LinkFlags& flags, const std::vector<std::string>& paths,
                      const std::string& config_path) {
  if (o.dump && !o.merge.empty()) {
    std::fprintf(stderr, "listlint: --dump lists the URLs of lists, not of merged reports\n");
    return kExitError;
  }
  if (o.dump && o.format != "text" && o.format != "json") {
    std::fprintf(stderr, "listlint: --dump prints text or json, not %s\n", o.format.c_str());
    return kExitError;
  }
  std::vector<listlint::FileReport> walk_errors;
  std::vector<std::string> files;
  if (o.merge.empty()) files = expand_paths(paths.empty() ? std::vector<std::string>{"."} : paths, walk_errors);
  std::vector<std::string> error_lines;
  for (const auto& e : walk_errors) error_lines.push_back(e.path + ": " + e.error.value_or("cannot read it"));
  const auto& rules = listlint::rules::all();
  std::map<std::string, listlint::Config> loaded;  // by configuration file ("" for none)
  std::vector<const listlint::Config*> configs;
  std::vector<std::string> kept;
  for (const auto& file : files) {
    const std::string path = !config_path.empty() ? config_path : listlint::find_config_file(file == "-" ? "./stdin" : file);
    auto it = loaded.find(path);
    if (it == loaded.end()) {
      listlint::Config c = listlint::default_config(rules);
      if (!path.empty())
        if (auto err = listlint::load_config_file(c, path, rules)) {
          std::fprintf(stderr, "listlint: %s: %s\n", shown_path(path).c_str(), err->c_str());
          return kExitError;
        }
      it = loaded.emplace(path, std::move(c)).first;
    }
    if (file != "-" && listlint::is_ignored(it->second, file)) continue;
    configs.push_back(&it->second);
    kept.push_back(file);
  }
  listlint::LinkSettings& settings = o;
  if (!resolve_link_settings(configs, flags, settings)) return kExitError;
  return listlint::cli::run_links(o, kept, error_lines);
}

}  // namespace

int main(int argc, char** argv) {
  // Keep freed memory instead of giving it back at once: the model walk frees the parse tree block
  // by block while the model grows, and returning and refaulting those pages cost a tenth of a run.
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
  CLI::App app{"listlint: a fast parser and linter for curated Markdown lists"};
  app.set_version_flag("--version", std::string("listlint ") + LISTLINT_VERSION);
  app.require_subcommand(1);
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "Log what listlint does to standard error");

  std::vector<std::string> model_files;
  bool pretty = false, summary = false;
  auto* model = app.add_subcommand("model", "Print the typed model of each FILE as JSON");
  model->add_option("FILE", model_files, "Markdown files ('-' reads standard input)")->required();
  model->add_flag("--pretty", pretty, "Indent the JSON");
  model->add_flag("--summary", summary, "Print a short human-readable summary instead of JSON");

  CheckOptions check_opts;
  auto* check = app.add_subcommand("check", "Lint lists (files, directories, - for standard input)");
  check->add_option("PATH", check_opts.paths, "Files or directories (default: the current directory)");
  check->add_option("--format", check_opts.format, "Output format")->check(CLI::IsMember({"text", "json", "sarif", "github"}));
  check->add_option("--config", check_opts.config, "Use this configuration file instead of .listlint.json lookup");
  // One value per occurrence, or a vector option would swallow the paths that follow it.
  check->add_option_function<std::string>("--enable", [&](const std::string& v) { check_opts.enable.push_back(v); },
                                           "Turn rules on (comma-separated ids)")
      ->trigger_on_parse()->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  check->add_option_function<std::string>("--disable", [&](const std::string& v) { check_opts.disable.push_back(v); },
                                           "Turn rules off (comma-separated ids)")
      ->trigger_on_parse()->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  check->add_option_function<std::string>("--preset", [&](const std::string& v) { check_opts.presets.push_back(v); },
                                           "Apply a preset under the configuration (awesome); listlint rules --presets lists them")
      ->trigger_on_parse()->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  check->add_flag("--fix", check_opts.fix, "Apply safe fixes and rewrite the files (atomically)");
  check->add_option("--baseline", check_opts.baseline, "Report only the findings this baseline file does not hold")
      ->type_name("FILE");
  check->add_option("--write-baseline", check_opts.write_baseline,
                    "Record every finding in this baseline file (atomically) and exit 0")
      ->type_name("FILE");
  check->add_option("--changed-since", check_opts.changed_since,
                    "Report only findings on lines added or changed since this git ref (git diff REF)")
      ->type_name("REF");
  check->add_option("--max-warnings", check_opts.max_warnings, "Exit 1 when there are more than N warnings")
      ->type_name("N")->check(CLI::NonNegativeNumber);
  check->add_flag("--diff", check_opts.diff, "With --fix: print the changes as a unified diff and write nothing");
  check->add_flag("--report-unused-directives", check_opts.report_unused_directives,
                  "Warn about listlint-disable comments that silence nothing");
  check->add_flag("-q,--quiet", check_opts.quiet, "Show errors only, without the summary line");
  check->add_option("-j,--jobs", check_opts.jobs, "Files linted at once (default: one per core)")->check(CLI::Range(1, 1024));
  check->add_option("--color", check_opts.color, "Colour the text output")->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_flag("--links", check_opts.links, "Check every URL too (network): dead-url, redirected-url, insecure-url's fix");
  add_link_options(check, check_opts.link_flags, /*for_check=*/true);
  check->add_flag("--no-progress", [&](std::int64_t) { check_opts.progress = false; }, "With --links: no progress display on a terminal");

  std::string rules_format = "text", doc_header;
  bool list_presets = false;
  auto* rules_cmd = app.add_subcommand("rules", "List every rule with its default severity");
  rules_cmd->add_option("--format", rules_format, "text, json, or the configuration's JSON schema")
      ->check(CLI::IsMember({"text", "json", "schema"}));
  rules_cmd->add_option("--doc-header", doc_header, "Print the generated header of a rule's doc page");
  rules_cmd->add_flag("--presets", list_presets, "List the presets (\"extends\", --preset) and what each turns on");

  listlint::cli::LinksOptions links_opts;
  LinkFlags links_flags;
  std::vector<std::string> links_paths;
  std::string links_config;
  auto* links = app.add_subcommand("links", "Audit every URL in the lists: dead, moved, unknown (network)");
  links->add_option("PATH", links_paths, "Files or directories (default: the current directory)");
  links->add_option("--format", links_opts.format, "Output format (html: one self-contained page)")->check(CLI::IsMember({"text", "json", "markdown", "html"}));
  links->add_option("--config", links_config, "Use this configuration file instead of .listlint.json lookup");
  add_link_options(links, links_flags, /*for_check=*/false);
  links->add_option("--shard", links_opts.shard, "Check only share K of N (K/N), a stable split of the URLs");
  links->add_option("--merge", links_opts.merge, "Merge these JSON reports (of the shards) instead of checking")->take_all();
  links->add_flag("--dump", links_opts.dump, "Print the URLs that would be checked, where each is written, and stop (no request)");
  links->add_flag("--no-progress", [&](std::int64_t) { links_opts.progress = false; }, "No progress display on a terminal");

  std::string explain_id;
  auto* explain = app.add_subcommand("explain", "Show a rule's documentation: what it checks, why, options, examples");
  explain->add_option("ID", explain_id, "A rule id (listlint rules lists them)")->required();

  std::vector<std::string> init_paths;
  bool init_force = false;
  auto* init = app.add_subcommand("init", "Write a starter .listlint.json for the lists in the current folder");
  init->add_option("PATH", init_paths, "The lists to read (default: the Markdown files of the current folder)");
  init->add_flag("--force", init_force, "Replace an existing .listlint.json");

  std::string shell;
  auto* completions = app.add_subcommand("completions", "Print a shell completion script");
  completions->add_option("SHELL", shell, "bash, zsh or fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
  auto* man = app.add_subcommand("man", "Print the manual page (roff)");

  std::vector<std::string> ast_files;
  auto* debug = app.add_subcommand("debug", "Developer tools");
  debug->require_subcommand(1);
  auto* ast = debug->add_subcommand("ast", "Dump cmark-gfm's tree with its raw positions");
  ast->add_option("FILE", ast_files, "Markdown files")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    // One line, like every other error.
    std::string what = e.what();
    for (char& c : what)
      if (c == '\n') c = ' ';
    std::fprintf(stderr, "listlint: %s (listlint --help lists the options)\n", what.c_str());
    return kExitError;
  }
  auto logger = spdlog::stderr_color_mt("listlint");
  spdlog::set_default_logger(logger);
  spdlog::set_level(verbose ? spdlog::level::debug : spdlog::level::warn);

  try {
    if (check->parsed()) return run_check(check_opts);
    if (rules_cmd->parsed()) return run_rules(rules_format, doc_header, list_presets);
    if (links->parsed()) return run_links_command(links_opts, links_flags, links_paths, links_config);
    if (model->parsed()) return run_model(model_files, pretty, summary);
    if (explain->parsed()) return run_explain(explain_id);
    if (init->parsed()) return run_init(init_paths, init_force);
    if (man->parsed()) {
      std::cout << listlint::cli::man_page(app, LISTLINT_VERSION);
      return kExitOk;
    }
    if (completions->parsed()) {
      std::vector<std::string> ids;
      for (const auto* r : listlint::rules::all()) ids.push_back(r->info().id);
      std::cout << listlint::cli::completion_script(
          app, shell, {{"enable", ids}, {"disable", ids}, {"doc-header", ids}, {"ID", ids}, {"config", {"<file>"}}, {"cache", {"<file>"}},
           {"baseline", {"<file>"}}, {"write-baseline", {"<file>"}},
           {"merge", {"<file>"}}});
      return kExitOk;
    }
    if (ast->parsed()) return run_ast(ast_files);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "listlint: internal error: %s\n", e.what());
    return kExitError;
  }
  return kExitError;
}
