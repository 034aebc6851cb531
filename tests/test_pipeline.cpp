// The check pipeline the CLI and the language server share (listlint/checking/pipeline.h): a
// file's configuration as `check` finds it, with the command line's overrides, read again after
// forget(); lint_text on text that is not saved; fix_text; the resources a configuration asks for.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "listlint/checking/files.h"
#include "listlint/checking/pipeline.h"
#include "listlint/checking/profile.h"
#include "listlint/model/model_json.h"
#include "registry.h"
#include "support.h"

namespace fs = std::filesystem;
using test::temp_dir;
using test::write_file;

namespace {

int count(const std::vector<listlint::Diagnostic>& ds, const std::string& rule) {
  int n = 0;
  for (const auto& d : ds) n += d.rule == rule;
  return n;
}

const char* kList = "# T\n\n- [ A ](https://example.com/a) - Works with Github.\n- [B](#nowhere) - B.\n";

}  // namespace

TEST_CASE("pipeline: the configuration of a file is the nearest .listlint.json up to the repository root") {
  const std::string root = temp_dir("pipeline-config");
  fs::create_directories(root + "/.git");
  fs::create_directories(root + "/docs/deep");
  write_file(root + "/.listlint.json", R"({"rules": {"proper-name": "off"}})");
  write_file(root + "/docs/.listlint.json", R"({"rules": {"broken-anchor": "warning"}})");
  const auto& rules = listlint::rules::all();
  listlint::ConfigResolver configs(rules);

  const auto top = configs.resolve(root + "/README.md");
  REQUIRE(!top.error);
  CHECK(top.file == root + "/.listlint.json");
  CHECK(top.config->rules.at("proper-name").severity == listlint::Severity::Off);
  CHECK(top.config->rules.at("broken-anchor").severity == listlint::Severity::Error);
  const auto deep = configs.resolve(root + "/docs/deep/list.md");
  CHECK(deep.file == root + "/docs/.listlint.json");
  CHECK(deep.config->rules.at("broken-anchor").severity == listlint::Severity::Warning);
  CHECK(configs.resolve(root + "/other.md").config == top.config);  // read once, shared

  // Unsaved text with that configuration: proper-name is off there.
  listlint::ResourceLoader loader(LISTLINT_WORDS_FILE);
  listlint::Resources res;
  REQUIRE(!loader.resources_for(root + "/README.md", *top.config, res));
  auto found = listlint::lint_text(root + "/README.md", kList, *top.config, rules, res);
  CHECK(count(found, "proper-name") == 0);
  CHECK(count(found, "broken-anchor") == 1);
  CHECK(count(found, "link-text-space") == 1);

  // The file changes: forget() reads it again; an invalid one is an error naming the file.
  write_file(root + "/.listlint.json", R"({"rules": {"no-such-rule": "error"}})");
  CHECK(!configs.resolve(root + "/README.md").error);  // still the one read before
  configs.forget();
  const auto bad = configs.resolve(root + "/README.md");
  REQUIRE(bad.error);
  CHECK(bad.error->find("no-such-rule") != std::string::npos);
  CHECK(bad.error->find(".listlint.json") != std::string::npos);
  std::optional<std::string> err;
  (void)listlint::resolve_config(root + "/README.md", rules, &err);
  CHECK(err.has_value());
}

TEST_CASE("pipeline: the command line's overrides apply over every configuration file") {
  const std::string root = temp_dir("pipeline-overrides");
  fs::create_directories(root + "/.git");
  write_file(root + "/.listlint.json", R"({"rules": {"proper-name": "off", "typo": "off"}})");
  write_file(root + "/fixed.json", R"({"rules": {"link-text-space": "off"}})");
  const auto& rules = listlint::rules::all();
  listlint::ConfigOverrides o;
  o.enable = {"proper-name"};
  o.disable = {"broken-anchor"};
  listlint::ConfigResolver configs(rules, o);
  const auto c = configs.resolve(root + "/README.md");
  CHECK(c.config->rules.at("proper-name").severity == listlint::Severity::Warning);  // its default
  CHECK(c.config->rules.at("broken-anchor").severity == listlint::Severity::Off);
  const auto found = listlint::lint_text("README.md", kList, *c.config, rules, {});
  CHECK(count(found, "proper-name") == 1);
  CHECK(count(found, "broken-anchor") == 0);

  o.config_file = root + "/fixed.json";  // --config: one file for every list, no lookup
  listlint::ConfigResolver fixed(rules, o);
  const auto f = fixed.resolve(root + "/README.md");
  CHECK(f.file == root + "/fixed.json");
  CHECK(f.config->rules.at("link-text-space").severity == listlint::Severity::Off);
}

TEST_CASE("pipeline: fix_text applies the safe fixes of unsaved text and reports what remains") {
  const auto& rules = listlint::rules::all();
  listlint::Config config = listlint::default_config(rules);
  config.rules["typo"].severity = listlint::Severity::Off;
  const auto fixed = listlint::fix_text("README.md", kList, config, rules, {});
  CHECK(fixed.bytes.find("- [A](https://example.com/a) - Works with GitHub.") != std::string::npos);
  CHECK(fixed.applied == 2);
  CHECK(count(fixed.remaining, "broken-anchor") == 1);
  CHECK(count(fixed.remaining, "proper-name") == 0);
  // The analysis keeps what the findings were computed from.
  const auto a = listlint::analyze_text("README.md", kList, config, rules, {});
  CHECK(a.document->bytes() == kList);
  CHECK(a.model->sections.size() == 1);
  CHECK(a.diagnostics.size() == listlint::lint_text("README.md", kList, config, rules, {}).size());
}

TEST_CASE("pipeline: a words file the configuration names is read once, and a missing one is an error") {
  const std::string root = temp_dir("pipeline-words");
  write_file(root + "/words.txt", "# names\nZorblax\n");
  const auto& rules = listlint::rules::all();
  listlint::Config config = listlint::default_config(rules);
  config.base_dir = root;
  config.rules["typo"].severity = listlint::Severity::Warning;
  config.rules["typo"].options["words_file"] = "words.txt";
  listlint::ResourceLoader loader(LISTLINT_WORDS_FILE);
  listlint::Resources res;
  REQUIRE(!loader.resources_for(root + "/README.md", config, res));
  REQUIRE(res.speller);
  REQUIRE(res.words);
  CHECK(res.words->count("zorblax") == 1);
  config.rules["typo"].options["words_file"] = "missing.txt";
  listlint::Resources res2;
  const auto err = loader.resources_for(root + "/README.md", config, res2);
  REQUIRE(err);
  CHECK(err->find("missing.txt") != std::string::npos);
  listlint::ResourceLoader broken(root + "/no-table.bin");
  listlint::Resources res3;
  const auto e3 = broken.resources_for(root + "/README.md", config, res3);
  REQUIRE(e3);
  CHECK(e3->rfind("typo: ", 0) == 0);
}

TEST_CASE("pipeline: folders are walked for lists, skipping build folders; an empty folder is an error") {
  const std::string root = temp_dir("pipeline-files");
  fs::create_directories(root + "/docs");
  fs::create_directories(root + "/node_modules/x");
  fs::create_directories(root + "/empty");
  write_file(root + "/README.md", "# A\n");
  write_file(root + "/docs/b.markdown", "# B\n");
  write_file(root + "/node_modules/x/c.md", "# C\n");
  std::vector<listlint::PathError> errors;
  const auto files = listlint::expand_paths({root, root + "/empty"}, errors);
  CHECK(files == std::vector<std::string>{root + "/README.md", root + "/docs/b.markdown"});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == root + "/empty");
  CHECK(listlint::markdown_name("a/b.MD"));
  CHECK(!listlint::markdown_name("a/b.txt"));
  CHECK(listlint::skipped_dir("cmake-build-debug"));
}

TEST_CASE("pipeline: check_document lints, or fixes and writes, or fixes and keeps the bytes") {
  const std::string root = temp_dir("pipeline-check-document");
  const std::string path = write_file(root + "/README.md", kList);
  const auto& rules = listlint::rules::all();
  listlint::Config config = listlint::default_config(rules);
  config.rules["typo"].severity = listlint::Severity::Off;
  auto loaded = listlint::load_document(path);
  REQUIRE(loaded.document);

  const auto linted = listlint::check_document(path, *loaded.document, config, rules, {}, listlint::FixMode::None);
  CHECK(linted.report.diagnostics.size() == 4);  // link-text-space, proper-name, broken-anchor, entry-format
  CHECK(!linted.fixed);
  CHECK(!linted.written);

  const auto kept = listlint::check_document(path, *loaded.document, config, rules, {}, listlint::FixMode::Keep);
  REQUIRE(kept.fixed);
  CHECK(kept.fixed->find("Works with GitHub.") != std::string::npos);
  CHECK(kept.written == kept.fixed);
  CHECK(kept.applied == 2);
  CHECK(kept.report.diagnostics.size() == 2);  // broken-anchor and entry-format, in the fixed bytes
  CHECK(test::read_file(path) == kList);       // nothing written

  // A read-only file is not written: the findings are those of the file as it is.
  fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const auto refused = listlint::check_document(path, *loaded.document, config, rules, {}, listlint::FixMode::Write);
  CHECK(refused.report.error.has_value());
  CHECK(refused.report.diagnostics.size() == 4);
  CHECK(!refused.written);
  CHECK(test::read_file(path) == kList);

  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
  const auto written = listlint::check_document(path, *loaded.document, config, rules, {}, listlint::FixMode::Write);
  CHECK(!written.report.error);
  REQUIRE(written.written);
  CHECK(test::read_file(path) == *written.written);
  CHECK(written.report.diagnostics.size() == 2);
}

namespace {

// Every rule fixture without link reference definitions (which keep a text whole) or directives
// (one that disables every rule for the file), each under a heading of its own: a list of several
// pieces with findings of most rules.
std::string fixtures_as_one_list() {
  std::vector<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(std::string(LISTLINT_SOURCE_DIR) + "/fixtures/rules"))
    if (e.path().extension() == ".md") names.push_back(e.path().string());
  std::sort(names.begin(), names.end());
  std::string text = "# All the fixtures\n";
  int k = 0;
  for (const auto& n : names) {
    const std::string bytes = test::read_file(n);
    if (bytes.find("]:") != std::string::npos || bytes.find("listlint-") != std::string::npos) continue;
    text += "\n\n## Fixture " + std::to_string(++k) + "\n\n" + bytes;
  }
  return text;
}

std::string rendered(const std::vector<listlint::Diagnostic>& ds) {
  std::string s;
  for (const auto& d : ds)
    s += d.rule + " " + std::to_string(d.range.begin.line) + ":" + std::to_string(d.range.begin.column) + " " +
         d.message + (d.fix ? " (fix)" : "") + "\n";
  return s;
}

}  // namespace

TEST_CASE("pipeline (jobs): one list on two threads has the model and the findings it has on one") {
  const listlint::Document doc("all.md", fixtures_as_one_list());
  // Small pieces, so that the parsing thread runs ahead of the walk over many of them.
  REQUIRE(listlint::parse_pieces(doc, 4096).size() > 20);
  listlint::ModelOptions one, two;
  one.chunk_bytes = two.chunk_bytes = 4096;
  two.threads = 2;
  const auto m1 = listlint::build_model(doc, one), m2 = listlint::build_model(doc, two);
  CHECK(listlint::model_to_json(m2) == listlint::model_to_json(m1));
  CHECK(m1.entries.size() > 100);

  const auto& rules = listlint::rules::all();
  const listlint::Config config = listlint::default_config(rules);
  listlint::ResourceLoader loader(LISTLINT_WORDS_FILE);
  listlint::Resources res;
  REQUIRE(!loader.resources_for("all.md", config, res));
  const auto f1 = listlint::lint_document(doc, config, rules, res);
  res.threads = 2;
  listlint::Profile profile;
  res.profile = &profile;
  const auto f2 = listlint::lint_document(doc, config, rules, res);
  CHECK(rendered(f2) == rendered(f1));
  std::set<std::string> found_rules;
  for (const auto& d : f1) found_rules.insert(d.rule);
  CHECK(found_rules.size() >= 15);  // findings of most rules, merged in the same order
  // The profile has every pass of the model and every rule that ran.
  std::set<std::string> stages;
  for (const auto& [stage, seconds] : profile.totals()) {
    CHECK(seconds >= 0);
    stages.insert(stage);
  }
  CHECK(stages.count("model: walk (entries, links, tables, text)") == 1);
  // The document is more than one piece of the default size: the pipeline gave the model its threads.
  REQUIRE(listlint::parse_pieces(doc, listlint::ModelOptions{}.chunk_bytes).size() > 1);
  CHECK(stages.count("model: parse (cmark-gfm), on the parsing thread") == 1);
  CHECK(stages.count("model: parse (cmark-gfm), waiting for the parsing thread") == 1);
  CHECK(stages.count("model: references") == 1);
  CHECK(stages.count("rule: typo") == 1);
  CHECK(stages.count("rule: entry-format") == 1);
}
