#pragma once
// Configuration: .listlint.json, its discovery, validation and ignore globs.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "listlint/checking/diagnostic.h"
#include "listlint/links/linksettings.h"
#include "listlint/checking/rule.h"

namespace listlint {

/// A rule's setting for a run.
struct RuleSetting {
  Severity severity = Severity::Error;
  nlohmann::json options = nlohmann::json::object();  ///< defaults merged with the user's values
};

/// The settings for a run.
struct Config {
  std::map<std::string, RuleSetting> rules;  ///< one entry per known rule
  std::vector<std::string> ignore;           ///< globs, relative to `base_dir`
  std::string base_dir;                      ///< folder of the configuration file ("" for none)
  std::string source;                        ///< the configuration file ("" for the defaults)
  LinkSettings links;                        ///< how links are checked: the defaults and the file's "links"
  nlohmann::json links_json;                 ///< the file's "links" object as written (null when absent)
  /// Report directives that silence nothing (rule "directive", warning): --report-unused-directives.
  bool report_unused_directives = false;
};

/// The defaults of every rule.
Config default_config(const std::vector<const Rule*>& rules);

/// JSON with comments (// and /* */) and trailing commas (JSONC, as in .markdownlint-cli2.jsonc)
/// turned into JSON: each comment and such comma becomes spaces, so offsets, lines and columns stay.
std::string jsonc_to_json(std::string_view text);
/// Applies a configuration document (JSON or JSONC) to `config`. Returns the reasons when it is invalid, one per
/// line, all of them (JSON that does not parse: that one reason): unknown keys, rule ids and options, values of the
/// wrong type, bad severities, bad presets, bad "links" settings.
std::optional<std::string> apply_config(Config& config, const std::string& json_text,
                                        const std::vector<const Rule*>& rules);

/// The built-in presets, by name, with a one-line summary each.
std::vector<std::pair<std::string, std::string>> presets();
/// Applies the preset `name` ("awesome") to `config`, as "extends" does. The reason when there is
/// no such preset.
std::optional<std::string> apply_preset(Config& config, std::string_view name, const std::vector<const Rule*>& rules);
/// Reads and applies a configuration file; `base_dir` becomes its folder.
std::optional<std::string> load_config_file(Config& config, const std::string& path,
                                            const std::vector<const Rule*>& rules);

/// The .listlint.json that governs `file`: searched from the file's folder upward, stopping at
/// the repository root (a folder holding .git). Empty when there is none.
std::string find_config_file(const std::string& file);

/// True when `path` matches one of the config's ignore globs (`*`, `?`, `**`, `[...]`).
bool is_ignored(const Config& config, const std::string& path);

/// Glob matching: `*` and `?` stay within a path segment, `**/` spans segments.
bool glob_match(std::string_view pattern, std::string_view path);

/// The JSON schema of .listlint.json for these rules.
nlohmann::json config_schema(const std::vector<const Rule*>& rules);

}  // namespace listlint
