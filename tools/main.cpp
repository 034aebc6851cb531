// listlint: the command-line front end. Parses the arguments and runs a subcommand (commands.h:
// check.cpp, commands.cpp, link_flags.cpp; the language server in lsp/), which reads files, prints
// and sets the exit code.

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <malloc.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli_docs.h"
#include "commands.h"
#include "lsp/server.h"
#include "registry.h"

using namespace listlint::cli;

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

  CheckOptions check_opts;
  auto* check = app.add_subcommand("check", "Lint lists (files, directories, - for standard input)");
  check->add_option("PATH", check_opts.paths, "Files or directories (default: the current directory)");
  check->add_option("--format", check_opts.format, "Output format (markdown: a table for a job summary or a comment)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "markdown"}))->capture_default_str();
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
  check->add_flag("--timing", check_opts.timing,
                  "Print where the time went on standard error: reading, each model pass, each rule (summed over threads)");
  check->add_option("-j,--jobs", check_opts.jobs, "Files linted at once (default: one per core)")->check(CLI::Range(1, 1024));
  check->add_option("--color", check_opts.color, "Colour the text output")->check(CLI::IsMember({"auto", "always", "never"}))->capture_default_str();
  check->add_flag("--links", check_opts.links, "Check every URL too (network): dead-url, redirected-url, insecure-url's fix");
  add_link_options(check, check_opts.link_flags, /*for_check=*/true);
  check->add_flag("--no-progress", [&](std::int64_t) { check_opts.progress = false; }, "With --links: no progress display on a terminal");

  listlint::cli::LinksOptions links_opts;
  LinkFlags links_flags;
  std::vector<std::string> links_paths;
  std::string links_config;
  auto* links = app.add_subcommand("links", "Audit every URL in the lists: dead, moved, unknown (network)");
  links->add_option("PATH", links_paths, "Files or directories (default: the current directory)");
  links->add_option("--format", links_opts.format, "Output format (html: one self-contained page)")->check(CLI::IsMember({"text", "json", "markdown", "html"}))->capture_default_str();
  links->add_option("--config", links_config, "Use this configuration file instead of .listlint.json lookup");
  add_link_options(links, links_flags, /*for_check=*/false);
  links->add_option("--shard", links_opts.shard, "Check only share K of N (K/N), a stable split of the URLs");
  links->add_option("--merge", links_opts.merge, "Merge these JSON reports (of the shards) instead of checking")->take_all();
  links->add_flag("--dump", links_opts.dump, "Print the URLs that would be checked, where each is written, and stop (no request)");
  links->add_flag("--no-progress", [&](std::int64_t) { links_opts.progress = false; }, "No progress display on a terminal");

  std::vector<std::string> init_paths;
  bool init_force = false;
  auto* init = app.add_subcommand("init", "Write a starter .listlint.json for the lists in the current folder");
  init->add_option("PATH", init_paths, "The lists to read (default: the Markdown files of the current folder)");
  init->add_flag("--force", init_force, "Replace an existing .listlint.json");

  std::string explain_id;
  auto* explain = app.add_subcommand("explain", "Show a rule's documentation: what it checks, why, options, examples");
  explain->add_option("ID", explain_id, "A rule id (listlint rules lists them)")->required();

  std::string rules_format = "text", doc_header;
  bool list_presets = false;
  auto* rules_cmd = app.add_subcommand("rules", "List every rule with its default severity");
  rules_cmd->add_option("--format", rules_format, "text, json, or the configuration's JSON schema")
      ->check(CLI::IsMember({"text", "json", "schema"}))->capture_default_str();
  rules_cmd->add_option("--doc-header", doc_header, "Print the generated header of a rule's doc page");
  rules_cmd->add_flag("--presets", list_presets, "List the presets (\"extends\", --preset) and what each turns on");

  std::vector<std::string> model_files;
  bool pretty = false, summary = false;
  auto* model = app.add_subcommand("model", "Print the typed model of each FILE as JSON");
  model->add_option("FILE", model_files, "Markdown files ('-' reads standard input)")->required();
  model->add_flag("--pretty", pretty, "Indent the JSON");
  model->add_flag("--summary", summary, "Print a short human-readable summary instead of JSON");

  std::string shell;
  auto* completions = app.add_subcommand("completions", "Print a shell completion script");
  completions->add_option("SHELL", shell, "bash, zsh or fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
  auto* man = app.add_subcommand("man", "Print the manual page (roff)");

  listlint::lsp::Options lsp_opts;
  auto* lsp = app.add_subcommand("lsp", "Run the language server (LSP over standard input and output) for editors");
  lsp->add_option("--debounce", lsp_opts.debounce_ms, "Milliseconds of quiet after a change before linting again")
      ->type_name("MS")->check(CLI::Range(0, 10000));

  std::vector<std::string> ast_files;
  auto* debug = app.add_subcommand("debug", "Developer tools");
  debug->require_subcommand(1);
  auto* ast = debug->add_subcommand("ast", "Dump cmark-gfm's tree with its raw positions");
  ast->add_option("FILE", ast_files, "Markdown files")->required();

  // The commands above are defined in the order a new user needs them; after them (a subcommand
  // would inherit it), the first steps.
  app.footer(
      "Start here:\n"
      "  listlint check [PATH...]          lint the Markdown files (default: those below .)\n"
      "  listlint check --fix [PATH...]    apply the safe fixes (--diff: show them, write nothing)\n"
      "  listlint links [PATH...]          audit every URL (network)\n"
      "  listlint init                     write a starter .listlint.json\n"
      "  listlint explain ID               what a rule checks, why, its options\n"
      "  listlint lsp                      the language server, for editors (docs/editors.md)\n"
      "listlint COMMAND --help shows a command's options and their defaults.");

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
    if (lsp->parsed()) {
      lsp_opts.words_table = words_table_path();
      lsp_opts.docs_url = kDocsUrl;
      lsp_opts.version = LISTLINT_VERSION;
      return listlint::lsp::serve(lsp_opts, 0, 1);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "listlint: internal error: %s\n", e.what());
    return kExitError;
  }
  return kExitError;
}
