#pragma once
// The man page and the shell completions, generated from the same CLI11 definitions as --help
// (`listlint man`, `listlint completions bash|zsh|fish`; the build installs their output).

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace listlint::cli {

/// A rule's doc page (docs/rules/ID.md), embedded at build time (rule_docs.cpp, generated).
struct RuleDoc {
  std::string_view id;
  std::string_view text;
};
extern const std::vector<RuleDoc> kRuleDocs;

/// Values to offer for options that take one of a known set without saying so to CLI11
/// (--enable and --disable take rule ids), by long option name; "<file>" offers file names.
using ValueHints = std::map<std::string, std::vector<std::string>>;

/// A man(7) page for `app` and its subcommands.
std::string man_page(const CLI::App& app, const std::string& version);

/// A completion script for "bash", "zsh" or "fish"; empty for another shell.
std::string completion_script(const CLI::App& app, const std::string& shell, const ValueHints& hints);

}  // namespace listlint::cli
