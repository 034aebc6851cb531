// The rule fixtures: each case runs with only its rule on and must match its golden
// <case>.expected.json; fixable cases must match <case>.fixed.md and lint clean of fixable findings
// afterwards. LISTLINT_UPDATE_GOLDEN=1 rewrites the golden files (review the diff). Beside a case:
// <case>.config.json (the rule's options), <case>.links.json (the link checker's verdicts) and
// <case>.workspace.json (the repository around the file, for local-link).
// Also the meta-test: rule list, sources, docs and fixture folders match one to one.
#include <doctest/doctest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "listlint/checking/config.h"
#include "listlint/checking/linter.h"
#include "listlint/checking/workspace.h"
#include "../rules/util.h"
#include "registry.h"
#include "support.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kRoot = LISTLINT_SOURCE_DIR;

json to_json(const std::vector<listlint::Diagnostic>& ds) {
  json out = json::array();
  for (const auto& d : ds)
    out.push_back({{"rule", d.rule}, {"severity", listlint::to_string(d.severity)}, {"message", d.message},
                   {"line", d.range.begin.line}, {"column", d.range.begin.column},
                   {"end_line", d.range.end.line}, {"end_column", d.range.end.column},
                   {"fixable", d.fix.has_value()}});
  return out;
}

// Only `id` on, with the options of <case>.config.json when there is one.
listlint::Config only(const std::string& id, const fs::path& case_md) {
  const auto& rules = listlint::rules::all();
  listlint::Config c = listlint::default_config(rules);
  for (auto& [rid, s] : c.rules)
    if (rid != id) s.severity = listlint::Severity::Off;
  // An opt-in rule is tested switched on.
  if (c.rules[id].severity == listlint::Severity::Off) c.rules[id].severity = listlint::Severity::Error;
  fs::path opts = case_md;
  opts.replace_extension(".config.json");
  if (fs::exists(opts)) {
    const json o = json::parse(test::read_file(opts.string()));
    const auto err = listlint::apply_config(c, json{{"rules", {{id, o}}}}.dump(), rules);
    REQUIRE_MESSAGE(!err, *err);
  }
  return c;
}

std::vector<fs::path> cases(const std::string& id) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(kRoot / "fixtures/rules" / id)) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() == ".md" && name.find(".fixed.md") == std::string::npos) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("rules: every fixture case matches its golden findings and fixes") {
  const bool update = std::getenv("LISTLINT_UPDATE_GOLDEN") != nullptr;
  const auto& rules = listlint::rules::all();
  for (const auto* rule : rules) {
    const std::string id = rule->info().id;
    int positive = 0, negative = 0;
    for (const auto& md : cases(id)) {
      INFO(md.string());
      const std::string bytes = test::read_file(md.string());
      const listlint::Config config = only(id, md);
      const std::string rel = fs::relative(md, kRoot).generic_string();
      listlint::Document doc(rel, bytes);
      const auto model = listlint::build_model(doc);
      // The link checker's verdicts for network rules come from <case>.links.json when there is one:
      // {"URL": {"verdict": "dead", "http_status": 404, "final_url": "...", "error": "HTTP 404"}}.
      listlint::Resources res = test::resources();
      std::unordered_map<std::string, listlint::LinkResult> links;
      fs::path links_path = md;
      links_path.replace_extension(".links.json");
      if (fs::exists(links_path)) {
        const json verdicts = json::parse(test::read_file(links_path.string()));
        for (auto it = verdicts.begin(); it != verdicts.end(); ++it) {
          const std::string url = it.key();
          const json& v = it.value();
          listlint::LinkResult r;
          r.url = url;
          const auto verdict = listlint::verdict_from_name(v.at("verdict").get<std::string>());
          REQUIRE_MESSAGE(verdict, links_path.string() << ": unknown verdict");
          r.verdict = *verdict;
          r.http_status = v.value("http_status", 0);
          r.final_url = v.value("final_url", url);
          r.error = v.value("error", "");
          r.permanent = r.verdict == listlint::Verdict::Redirected;
          links.emplace(url, r);
        }
        res.links = &links;
      }
      // The repository around the file, for local-link, from <case>.workspace.json when there is one:
      // {"path": "docs/README.md", "files": {"docs/setup.md": "# Setup\n", "img/logo.png": ""}}
      // (the case itself sits at "path", README.md by default; folders are those the paths imply).
      std::unique_ptr<listlint::Workspace> workspace;
      fs::path ws_path = md;
      ws_path.replace_extension(".workspace.json");
      if (fs::exists(ws_path)) {
        const json w = json::parse(test::read_file(ws_path.string()));
        std::map<std::string, std::string> files = w.value("files", std::map<std::string, std::string>{});
        res.workspace_path = w.value("path", std::string("README.md"));
        files[res.workspace_path] = bytes;
        workspace = listlint::memory_workspace(std::move(files));
        res.workspace = workspace.get();
      }
      const auto found = listlint::lint(doc, model, config, rules, res);
      for (const auto& d : found) CHECK(d.rule == id);
      (found.empty() ? negative : positive) += 1;
      fs::path expected = md;
      expected.replace_extension(".expected.json");
      const json got = to_json(found);
      if (update) test::write_file(expected.string(), got.dump(2) + "\n");
      REQUIRE_MESSAGE(fs::exists(expected), "missing " << expected.string());
      CHECK(got == json::parse(test::read_file(expected.string())));

      const bool has_fixes = std::any_of(found.begin(), found.end(), [](const auto& d) { return d.fix.has_value(); });
      if (!has_fixes) continue;
      CHECK_MESSAGE(rule->info().fixable, id << " reports fixes but is not declared fixable");
      fs::path fixed_path = md;
      fixed_path.replace_extension(".fixed.md");
      const auto fixed = listlint::fix_document(rel, bytes, config, rules, res);
      if (update) test::write_file(fixed_path.string(), fixed.bytes);
      REQUIRE_MESSAGE(fs::exists(fixed_path), "missing " << fixed_path.string());
      CHECK(fixed.bytes == test::read_file(fixed_path.string()));
      // Fixed means fixed: nothing fixable is left, and fixing again changes nothing.
      for (const auto& d : fixed.remaining) CHECK_MESSAGE(!d.fix, "still fixable: " << d.message);
      CHECK(listlint::fix_document(rel, fixed.bytes, config, rules, res).bytes == fixed.bytes);
    }
    CHECK_MESSAGE(positive > 0, id << " has no fixture with findings");
    CHECK_MESSAGE(negative > 0, id << " has no fixture without findings");
  }
}

TEST_CASE("rules: list, sources, docs and fixture folders match one to one") {
  const auto& rules = listlint::rules::all();
  std::set<std::string> ids, sources, docs, fixtures;
  std::string previous;
  for (const auto* r : rules) {
    const std::string id = r->info().id;
    CHECK_MESSAGE(ids.insert(id).second, "duplicate rule " << id);
    CHECK_MESSAGE(previous < id, "rules/all.def is not sorted at " << id);
    previous = id;
    CHECK(!r->info().summary.empty());
    // Off by default only for opt-in rules, which say so in their tags.
    const auto& tags = r->info().tags;
    CHECK((r->info().default_severity != listlint::Severity::Off ||
           std::find(tags.begin(), tags.end(), "opt-in") != tags.end()));
    CHECK(listlint::rules::find(id) == r);
  }
  for (const auto& e : fs::directory_iterator(kRoot / "rules"))
    if (e.path().extension() == ".cpp") sources.insert(e.path().stem().string());
  for (const auto& e : fs::directory_iterator(kRoot / "docs/rules"))
    if (e.path().extension() == ".md" && e.path().stem() != "README") docs.insert(e.path().stem().string());
  for (const auto& e : fs::directory_iterator(kRoot / "fixtures/rules"))
    if (e.is_directory()) fixtures.insert(e.path().filename().string());
  CHECK(sources == ids);
  CHECK(docs == ids);
  CHECK(fixtures == ids);
  // Each doc page starts with the header generated from the rule's metadata.
  for (const auto* r : rules) {
    const std::string doc = test::read_file((kRoot / "docs/rules" / (r->info().id + ".md")).string());
    const std::string header = listlint::rule_doc_header(r->info());
    CHECK_MESSAGE(doc.rfind(header, 0) == 0,
                  "docs/rules/" << r->info().id << ".md must start with the output of listlint rules --doc-header "
                                << r->info().id);
  }
}

TEST_CASE("rules: the configuration schema in docs/ is the generated one") {
  const std::string path = (kRoot / "docs/listlint.schema.json").string();
  const json want = listlint::config_schema(listlint::rules::all());
  if (std::getenv("LISTLINT_UPDATE_GOLDEN")) test::write_file(path, want.dump(2) + "\n");
  const std::string have = test::read_file(path);
  REQUIRE_MESSAGE(!have.empty(), "missing docs/listlint.schema.json (listlint rules --format schema)");
  CHECK(json::parse(have) == want);
}

TEST_CASE("rules/util: find_any and alnum answer as the standard library does") {
  namespace util = listlint::rules::util;
  for (int c = 0; c < 256; ++c) {
    const auto u = static_cast<unsigned char>(c);
    CHECK_MESSAGE(util::alnum(static_cast<char>(c)) == (u < 128 && std::isalnum(u) != 0), "byte " << c);
  }
  // Random strings and sets of ASCII and other bytes, every start: the first byte of the set.
  std::mt19937 rng(11);
  const std::string pool = std::string("ab/?#:- \t\x80\xE2\xFF") + '\0';
  int wrong = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string s, set;
    for (std::size_t n = rng() % 24; n > 0; --n) s += pool[rng() % pool.size()];
    for (std::size_t n = rng() % 4; n > 0; --n) set += pool[rng() % pool.size()];
    for (std::size_t from = 0; from <= s.size() + 1; ++from)
      wrong += util::find_any(s, set, from) != std::string_view(s).find_first_of(set, from);
  }
  CHECK(wrong == 0);
}
