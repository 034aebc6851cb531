#pragma once
// The check pipeline every front end shares (listlint check, listlint lsp): the configuration of
// a file as the command line finds it, the resources its rules need, then lint or fix its text.
// Nothing here prints; errors come back as one-line reasons.
//
//   listlint::ConfigResolver configs(rules);               // .listlint.json lookup, cached
//   listlint::ResourceLoader loader(words_table_path);      // dictionaries, words files, repositories
//   auto [config, error] = configs.resolve("README.md");
//   listlint::Resources res;
//   if (auto err = loader.resources_for("README.md", *config, res)) ...;
//   auto findings = listlint::lint_text("README.md", text, *config, rules, res);

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "listlint/checking/config.h"
#include "listlint/checking/diagnostic.h"
#include "listlint/checking/linter.h"
#include "listlint/checking/report.h"
#include "listlint/checking/resources.h"
#include "listlint/checking/rule.h"
#include "listlint/checking/workspace.h"
#include "listlint/model/document.h"
#include "listlint/model/model.h"
#include "listlint/spelling/spelling.h"

namespace listlint {

/// Choices that apply over every configuration file (the command line's --config, --preset,
/// --enable, --disable, --report-unused-directives). The ids and presets are valid (checked by
/// the front end, which words its own errors).
struct ConfigOverrides {
  std::string config_file;              ///< use this file for every file instead of the lookup
  std::vector<std::string> presets;     ///< applied under every configuration file, as its "extends"
  std::vector<std::string> enable;      ///< turned on (at their default severity, else error)
  std::vector<std::string> disable;     ///< turned off
  bool report_unused_directives = false;
};

/// A file's configuration, or why it could not be read ("path: reason").
struct ResolvedConfig {
  const Config* config = nullptr;  ///< never null: the defaults when there is an error
  std::optional<std::string> error;
  std::string file;                ///< the configuration file ("" for the defaults)
};

/// The configuration of each file as `listlint check` finds it: the nearest .listlint.json from
/// the file's folder up to the repository root (or the fixed file of the overrides), over the
/// defaults and presets, with the overrides applied last. Each configuration file is read once;
/// forget() drops them (the files changed). Not safe to call from several threads at once; the
/// Config pointers stay valid until forget().
class ConfigResolver {
 public:
  explicit ConfigResolver(const std::vector<const Rule*>& rules, ConfigOverrides overrides = {});
  /// The configuration of `file` ("-": as if it were ./stdin).
  ResolvedConfig resolve(const std::string& file);
  /// Drops every configuration read so far.
  void forget() { loaded_.clear(); }

 private:
  Config base() const;
  const std::vector<const Rule*>& rules_;
  ConfigOverrides o_;
  std::map<std::string, std::pair<Config, std::optional<std::string>>> loaded_;  // by file ("" none)
};

/// A configuration file's errors (load_config_file's, one per line), each line prefixed with the
/// file's name as shown: "FILE: line 3, column 5: ...".
std::string name_config_errors(const std::string& shown, const std::string& errors);

/// One-shot form: the configuration of `file` without overrides; `error` receives the reason
/// when its configuration file is invalid (the defaults are returned then).
Config resolve_config(const std::string& file, const std::vector<const Rule*>& rules,
                      std::optional<std::string>* error = nullptr);

/// What the rules of a file need besides its text, loaded once and shared: the typo rule's
/// dictionaries (on the first configuration that turns it on), the words files configurations
/// name, the repository of the file (for local-link). Not safe to call from several threads at
/// once; what it hands out may be read from any thread.
class ResourceLoader {
 public:
  /// `words_table`: the typo rule's word table (share/listlint/words.bin).
  explicit ResourceLoader(std::string words_table);
  ~ResourceLoader();
  ResourceLoader(const ResourceLoader&) = delete;
  ResourceLoader& operator=(const ResourceLoader&) = delete;
  /// Fills `out` for `file` under `config` (links are left as they are); the reason when a
  /// resource the configuration asks for cannot be loaded ("typo: ..."), a run error.
  std::optional<std::string> resources_for(const std::string& file, const Config& config, Resources& out);
  /// Drops the words files read so far (they may have changed).
  void forget_words() { words_files_.clear(); }

 private:
  std::string words_table_;
  std::unique_ptr<Speller> speller_;
  std::optional<std::string> speller_error_;
  bool speller_tried_ = false;
  std::map<std::string, std::pair<std::unordered_set<std::string>, std::optional<std::string>>> words_files_;
  std::map<std::string, std::unique_ptr<Workspace>> workspaces_;  // by repository root
};

/// A text linted, with what the findings were computed from (a front end that also navigates
/// the list, like the language server, keeps them).
struct LintedText {
  std::unique_ptr<const Document> document;  ///< on the heap: the model and views point into it
  std::unique_ptr<const ListModel> model;
  std::vector<Diagnostic> diagnostics;
};

/// Lints `text` as the file at `path` and keeps its document and model.
LintedText analyze_text(const std::string& path, std::string text, const Config& config,
                        const std::vector<const Rule*>& rules, const Resources& resources);

/// The findings of a document: its model built, the enabled rules run, directives applied,
/// sorted by position.
std::vector<Diagnostic> lint_document(const Document& doc, const Config& config, const std::vector<const Rule*>& rules,
                                      const Resources& resources);

/// The findings of `text` (a file's bytes, saved or not) as if it were the file at `path`.
std::vector<Diagnostic> lint_text(const std::string& path, std::string text, const Config& config,
                                  const std::vector<const Rule*>& rules, const Resources& resources);

/// Applies the safe fixes of `text` until none is left (fix_document): the fixed bytes and the
/// findings that remain in them.
FixResult fix_text(const std::string& path, std::string text, const Config& config,
                   const std::vector<const Rule*>& rules, const Resources& resources);

/// What check_document does with the safe fixes.
enum class FixMode {
  None,   ///< lint only (listlint check)
  Write,  ///< fix and write the file atomically when the fixes change it (check --fix)
  Keep,   ///< fix in memory and hand the bytes back, write nothing (--fix --diff, --fix -)
};

/// One document checked: its report and, with fixes, what became of its bytes.
struct CheckedDocument {
  FileReport report;  ///< error set when the fixes did not settle or the file could not be written
  std::optional<std::string> fixed;    ///< FixMode::Keep: the fixed bytes (none when they did not settle)
  std::optional<std::string> written;  ///< the bytes the findings refer to, when they are not the document's
  int applied = 0;                     ///< fixes that went in (written or kept)
};

/// Lints the document read from `path`, or fixes it (fix_text) and writes or keeps the result.
/// When the fixes do not settle, or the file cannot be written, nothing is written and the
/// findings are those of the document as it is.
CheckedDocument check_document(const std::string& path, const Document& doc, const Config& config,
                               const std::vector<const Rule*>& rules, const Resources& resources, FixMode mode);

}  // namespace listlint
