#pragma once
// How links are checked, said once: the table of link settings that both the command line
// (`links` and `check --links`) and the "links" section of .listlint.json are made from. A new
// setting is one row of link_settings() (and, when it is new, its field in LinkSettings or
// LinkCheckOptions): its flag, its key in the file, its value check, its help and its schema
// entry all come from that row.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "listlint/links/linkcheck.h"

namespace listlint {

/// Every setting of a link check: the checker's options and what the front end does around them.
struct LinkSettings {
  LinkCheckOptions check;                     ///< concurrency, per-host cap, timeouts, headers, ...
  std::vector<std::string> exclude, include;  ///< regular expressions on the URL
  std::string cache;                          ///< the cache file; empty: ~/.cache/listlint/links.sqlite
  bool no_cache = false;
  std::string max_age = "1d";                 ///< reuse alive results this recent: 90, 30m, 12h, 1d
  bool fail_on_unknown = false;               ///< `links` only: exit 1 for unknown URLs too
};

/// What a setting's value is, on the command line and in the file.
enum class LinkSettingKind {
  Int,          ///< a whole number within [min, max]
  Number,       ///< a number within [min, max]
  Text,         ///< a string
  Path,         ///< a string; in the file, relative to the file's folder
  Duration,     ///< "90", "30m", "12h", "1d" (parse_duration)
  Switch,       ///< a flag; true or false in the file
  List,         ///< repeatable; an array of strings in the file; values add up
  Patterns,     ///< a List of regular expressions (checked when given)
  Headers,      ///< a List of headers "Name: value"
  StatusCodes,  ///< repeatable, comma-separated codes and ranges; an array of codes (or strings of them) in the file
  HostHeaders,  ///< repeatable "HOST=Name: value"; an object {"HOST": ["Name: value"]} in the file
};

/// Where a setting's value lives in LinkSettings (a function, so that nested fields fit too).
using LinkSettingField =
    std::variant<int& (*)(LinkSettings&), double& (*)(LinkSettings&), std::string& (*)(LinkSettings&),
                 bool& (*)(LinkSettings&), std::vector<std::string>& (*)(LinkSettings&), std::vector<int>& (*)(LinkSettings&),
                 std::map<std::string, std::vector<std::string>>& (*)(LinkSettings&)>;

struct LinkSettingInfo {
  std::string key;          ///< in .listlint.json's "links": "per_host"
  std::string flag;         ///< on the command line: "--per-host"
  LinkSettingKind kind;
  double min = 0, max = 0;  ///< for Int and Number
  std::string help;         ///< one line, for --help, the man page and the schema
  bool links_only = false;  ///< meaningful for `listlint links` only (not `check --links`)
  LinkSettingField field;
};

/// The table, in the order of --help.
const std::vector<LinkSettingInfo>& link_settings();

/// Sets one setting from its command-line text (one occurrence; List, StatusCodes and HostHeaders
/// add to what is there). Returns a one-line reason when the text is not a valid value.
std::optional<std::string> apply_link_setting(LinkSettings& settings, const LinkSettingInfo& info, const std::string& text);

/// Applies a "links" object of a configuration file; `base_dir` resolves Path values. Returns the
/// reasons, one per line, each naming its key ("links.timeout: ..."), when keys or values are invalid.
std::optional<std::string> apply_link_settings_json(LinkSettings& settings, const nlohmann::json& links,
                                                    const std::string& base_dir);

/// The JSON schema of the "links" object.
nlohmann::json link_settings_schema();

/// Seconds in "90", "90s", "30m", "12h", "1d"; nullopt when unreadable or negative.
std::optional<double> parse_duration(const std::string& text);

/// Adds the status codes of `text` ("403", "403,999", "200..299,403") to `codes`; a reason when
/// one is not a status code (100..999) or a range of them (parse_accept() in linkcheck.h).
std::optional<std::string> parse_status_codes(const std::string& text, std::vector<int>& codes);

}  // namespace listlint
