// Link settings on the command line (one table for `links` and `check --links`), and
// `listlint links`.

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "commands.h"
#include "errors.h"
#include "listlint/checking/files.h"
#include "listlint/checking/pipeline.h"
#include "listlint/checking/report.h"
#include "registry.h"

namespace listlint::cli {

namespace {

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

}  // namespace

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

// `listlint links`: the files, their configuration ("links" and "ignore"), then the audit.
int run_links_command(LinksOptions o, const LinkFlags& flags, const std::vector<std::string>& paths,
                      const std::string& config_path) {
  if (o.dump && !o.merge.empty()) {
    std::fprintf(stderr, "listlint: --dump lists the URLs of lists, not of merged reports\n");
    return kExitError;
  }
  if (o.dump && o.format != "text" && o.format != "json") {
    std::fprintf(stderr, "listlint: --dump prints text or json, not %s\n", o.format.c_str());
    return kExitError;
  }
  std::vector<listlint::PathError> walk_errors;
  std::vector<std::string> files;
  if (o.merge.empty()) files = listlint::expand_paths(paths.empty() ? std::vector<std::string>{"."} : paths, walk_errors);
  std::vector<std::string> error_lines;
  for (const auto& e : walk_errors) error_lines.push_back(e.path + ": " + e.reason);
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
          listlint::cli::print_errors(listlint::name_config_errors(listlint::shown_path(path), *err));
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
  return run_links(o, kept, error_lines);
}

}  // namespace listlint::cli
