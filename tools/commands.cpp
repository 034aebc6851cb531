// The smaller subcommands: model, debug ast, rules, explain, init.

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "commands.h"
#include "cli_docs.h"
#include "explain.h"
#include "install_paths.h"
#include "listlint/checking/files.h"
#include "listlint/checking/linter.h"
#include "listlint/checking/pipeline.h"
#include "listlint/model/document.h"
#include "listlint/model/model.h"
#include "listlint/model/model_json.h"
#include "listlint/spelling/spelling.h"
#include "registry.h"

namespace listlint::cli {

const std::string kDocsUrl = LISTLINT_DOCS_URL;

// The typo rule's word table: $LISTLINT_WORDS, else share/listlint/words.bin beside the
// executable's bin/ folder (an installed prefix, or the build tree: build/tools -> build/share).
std::string words_table_path() { return listlint::cli::installed_file("LISTLINT_WORDS", "share/listlint/words.bin"); }

namespace {

namespace fs = std::filesystem;

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

}  // namespace

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

// `listlint explain ID`: the rule's doc page, embedded at build time from docs/rules/ID.md, for a terminal (explain.cpp).
int run_explain(const std::string& id) {
  for (const auto& d : listlint::cli::kRuleDocs)
    if (id == d.id) {
      const std::string page = listlint::cli::render_for_terminal(d.text, listlint::cli::terminal_width());
      std::fwrite(page.data(), 1, page.size(), stdout);
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
  std::vector<listlint::PathError> errors;
  std::vector<std::string> paths = paths_in;
  if (paths.empty()) {
    // The lists of this folder (not its subfolders): README.md and the other Markdown files.
    for (const auto& e : fs::directory_iterator(".", ec))
      if (e.is_regular_file(ec) && listlint::markdown_name(e.path().string())) paths.push_back(e.path().filename().string());
    std::sort(paths.begin(), paths.end());
  }
  const auto files = listlint::expand_paths(paths, errors);
  for (const auto& e : errors) std::fprintf(stderr, "listlint: %s: %s\n", e.path.c_str(), e.reason.c_str());
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
    for (const auto& d : listlint::lint_document(*loaded.document, config, {listlint::rules::find("typo")}, resources)) {
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

}  // namespace listlint::cli
