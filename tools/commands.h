#pragma once
// The subcommands of the listlint program, one function each; main.cpp parses the arguments and
// calls them. Each returns the exit code.

#include <CLI/CLI.hpp>
#include <string>
#include <utility>
#include <vector>

#include "listlint/checking/config.h"
#include "listlint/links/linksettings.h"
#include "links.h"

namespace listlint::cli {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;  // at least one error-severity finding
constexpr int kExitError = 2;     // usage, configuration, I/O or bad input

// ---- link settings: one table for `links` and `check --links` (link_flags.cpp) --------------

/// The link settings given on the command line, in their order: applied over the configuration
/// file's "links" (lists add up, single values replace).
struct LinkFlags {
  std::vector<std::pair<const LinkSettingInfo*, std::string>> given;
};

/// Adds every link setting of link_settings() to a subcommand (`check` prefixes the help with
/// "With --links:" and leaves out the settings only `links` has).
void add_link_options(CLI::App* cmd, LinkFlags& flags, bool for_check);

/// The link settings of a run: the "links" of the configuration files that govern its files (a
/// file without one takes the others'; two different ones cannot share a run), then the flags.
/// Prints a one-line error and returns false when they disagree or a value is invalid.
bool resolve_link_settings(const std::vector<const Config*>& configs, const LinkFlags& flags, LinkSettings& out);

/// `listlint links`: the files, their configuration ("links" and "ignore"), then the audit.
int run_links_command(LinksOptions o, const LinkFlags& flags, const std::vector<std::string>& paths,
                      const std::string& config_path);

// ---- check (check.cpp) ------------------------------------------------------------------------

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
  bool timing = false;                 ///< print where the time went (model passes, rules) on stderr
};

int run_check(CheckOptions o);

// ---- the others (commands.cpp) ----------------------------------------------------------------

int run_model(const std::vector<std::string>& files, bool pretty, bool summary);
int run_ast(const std::vector<std::string>& files);
int run_rules(const std::string& format, const std::string& doc_header, bool list_presets);
int run_explain(const std::string& id);
int run_init(const std::vector<std::string>& paths, bool force);

/// The typo rule's word table: $LISTLINT_WORDS, else share/listlint/words.bin beside the
/// executable's bin/ folder (an installed prefix, or the build tree: build/tools -> build/share).
std::string words_table_path();

/// The rule pages' base URL (SARIF helpUri, rules --format json, the language server).
extern const std::string kDocsUrl;

}  // namespace listlint::cli
