// The check pipeline the front ends share (listlint/checking/pipeline.h).

#include "listlint/checking/pipeline.h"

#include <cctype>
#include <filesystem>
#include <fstream>

#include "listlint/checking/files.h"
#include "listlint/model/model.h"

namespace listlint {

namespace fs = std::filesystem;

ConfigResolver::ConfigResolver(const std::vector<const Rule*>& rules, ConfigOverrides overrides)
    : rules_(rules), o_(std::move(overrides)) {}

// --preset NAME: as if every configuration file (and the defaults) began with "extends": NAME.
Config ConfigResolver::base() const {
  Config c = default_config(rules_);
  for (const auto& p : o_.presets) (void)apply_preset(c, p, rules_);  // checked by the front end
  return c;
}

ResolvedConfig ConfigResolver::resolve(const std::string& file) {
  const bool fixed = !o_.config_file.empty();
  const std::string path = fixed ? o_.config_file : find_config_file(file == "-" ? "./stdin" : file);
  auto it = loaded_.find(path);
  if (it == loaded_.end()) {
    Config c = base();
    std::optional<std::string> err;
    if (!path.empty())
      if (auto e = load_config_file(c, path, rules_)) {
        err = name_config_errors(fixed ? path : shown_path(path), *e);
      }
    // Command-line choices override every configuration file.
    for (const auto& id : o_.enable) {
      auto& s = c.rules[id];
      if (s.severity == Severity::Off)
        for (const auto* r : rules_)
          if (r->info().id == id) s.severity = r->info().default_severity;
      if (s.severity == Severity::Off) s.severity = Severity::Error;
    }
    for (const auto& id : o_.disable) c.rules[id].severity = Severity::Off;
    c.report_unused_directives = o_.report_unused_directives;
    it = loaded_.emplace(path, std::make_pair(std::move(c), std::move(err))).first;
  }
  return {&it->second.first, it->second.second, path};
}

std::string name_config_errors(const std::string& shown, const std::string& errors) {
  std::string lines;
  for (std::size_t start = 0; start <= errors.size();) {
    std::size_t end = errors.find('\n', start);
    if (end == std::string::npos) end = errors.size();
    lines += (lines.empty() ? "" : "\n") + shown + ": " + errors.substr(start, end - start);
    start = end + 1;
  }
  return lines;
}

Config resolve_config(const std::string& file, const std::vector<const Rule*>& rules, std::optional<std::string>* error) {
  ConfigResolver r(rules);
  const auto got = r.resolve(file);
  if (error) *error = got.error;
  return *got.config;
}

ResourceLoader::ResourceLoader(std::string words_table) : words_table_(std::move(words_table)) {}
ResourceLoader::~ResourceLoader() = default;

std::optional<std::string> ResourceLoader::resources_for(const std::string& file, const Config& c, Resources& res) {
  const auto local_link = c.rules.find("local-link");
  if (file != "-" && local_link != c.rules.end() && local_link->second.severity != Severity::Off) {
    // The repository the file is in, shared by its files (local-link reads it, on any thread).
    // Outside a repository there is none: local-link cannot know the list's other files.
    if (const auto root = repository_root(file)) {
      auto& ws = workspaces_[*root];
      if (!ws) ws = filesystem_workspace(*root);
      res.workspace = ws.get();
      res.workspace_path = workspace_path(*root, file);
    }
  }
  // Dictionaries for the typo rule: loaded once, on the first file whose configuration turns it
  // on; a failure is an error for the run, never a silent skip of the rule.
  const auto it = c.rules.find("typo");
  if (it == c.rules.end() || it->second.severity == Severity::Off) return std::nullopt;
  if (!speller_tried_) {
    speller_tried_ = true;
    std::string err;
    speller_ = Speller::load(words_table_, &err);
    if (!speller_) speller_error_ = "typo: " + err;
  }
  if (speller_error_) return speller_error_;
  res.speller = speller_.get();
  const std::string wf = it->second.options.value("words_file", "");
  if (!wf.empty()) {
    const std::string path = (fs::path(c.base_dir.empty() ? "." : c.base_dir) / wf).string();
    auto [w, fresh] = words_files_.try_emplace(path);
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
}

std::vector<Diagnostic> lint_document(const Document& doc, const Config& config, const std::vector<const Rule*>& rules,
                                      const Resources& resources) {
  ModelOptions options;
  options.profile = resources.profile;
  options.threads = resources.threads;
  const ListModel model = build_model(doc, options);
  return lint(doc, model, config, rules, resources);
}

std::vector<Diagnostic> lint_text(const std::string& path, std::string text, const Config& config,
                                  const std::vector<const Rule*>& rules, const Resources& resources) {
  const Document doc(path, std::move(text));
  return lint_document(doc, config, rules, resources);
}

LintedText analyze_text(const std::string& path, std::string text, const Config& config,
                        const std::vector<const Rule*>& rules, const Resources& resources) {
  LintedText out;
  out.document = std::make_unique<const Document>(path, std::move(text));
  out.model = std::make_unique<const ListModel>(build_model(*out.document));
  out.diagnostics = lint(*out.document, *out.model, config, rules, resources);
  return out;
}

FixResult fix_text(const std::string& path, std::string text, const Config& config,
                   const std::vector<const Rule*>& rules, const Resources& resources) {
  return fix_document(path, std::move(text), config, rules, resources);
}

CheckedDocument check_document(const std::string& path, const Document& doc, const Config& config,
                               const std::vector<const Rule*>& rules, const Resources& resources, FixMode mode) {
  CheckedDocument out{FileReport{path, {}, std::nullopt}, std::nullopt, std::nullopt, 0};
  FileReport& report = out.report;
  if (mode == FixMode::None) {
    report.diagnostics = lint_document(doc, config, rules, resources);
    return out;
  }
  const std::string original(doc.bytes());
  auto fixed = fix_text(path, original, config, rules, resources);
  if (fixed.not_converged) {
    report.error = *fixed.not_converged;
    report.diagnostics = lint_document(doc, config, rules, resources);
  } else if (mode == FixMode::Keep) {
    // Shown, not written: the caller prints a diff against the file, or the text itself.
    report.diagnostics = std::move(fixed.remaining);
    out.applied = fixed.applied;
    out.written = fixed.bytes;
    out.fixed = std::move(fixed.bytes);
  } else if (fixed.bytes != original) {
    if (auto err = write_file_atomic(path, fixed.bytes)) {
      report.error = *err;
      // Not written: the findings of the file as it is.
      report.diagnostics = lint_document(doc, config, rules, resources);
    } else {
      report.diagnostics = std::move(fixed.remaining);
      out.applied = fixed.applied;
      out.written = std::move(fixed.bytes);
    }
  } else {
    report.diagnostics = std::move(fixed.remaining);
  }
  return out;
}

}  // namespace listlint
