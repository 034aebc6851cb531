// listlint: the command-line front end. Parses arguments, reads files, prints, sets the exit code.

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "listlint/document.h"
#include "listlint/model.h"
#include "listlint/model_json.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 2;  // usage, I/O or bad input

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

}  // namespace

int main(int argc, char** argv) {
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

  std::vector<std::string> ast_files;
  auto* debug = app.add_subcommand("debug", "Developer tools");
  debug->require_subcommand(1);
  auto* ast = debug->add_subcommand("ast", "Dump cmark-gfm's tree with its raw positions");
  ast->add_option("FILE", ast_files, "Markdown files")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitError;
  }
  auto logger = spdlog::stderr_color_mt("listlint");
  spdlog::set_default_logger(logger);
  spdlog::set_level(verbose ? spdlog::level::debug : spdlog::level::warn);

  try {
    if (model->parsed()) return run_model(model_files, pretty, summary);
    if (ast->parsed()) return run_ast(ast_files);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "listlint: internal error: %s\n", e.what());
    return kExitError;
  }
  return kExitError;
}
