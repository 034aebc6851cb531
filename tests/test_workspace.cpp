// The repository view rules read (listlint/checking/workspace.h): in memory, over the filesystem, the
// repository root of a file, and local-link through `listlint check` on a real folder tree.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "listlint/checking/workspace.h"
#include "support.h"

namespace fs = std::filesystem;
using nlohmann::json;
using Kind = listlint::Workspace::Kind;

namespace {
std::string q(const std::string& s) { return "'" + s + "'"; }
}  // namespace

TEST_CASE("workspace: in memory, folders are those the paths imply, names compare by case") {
  const auto ws = listlint::memory_workspace({{"README.md", "# A\n"},
                                              {"docs/setup.md", "# Setup\n\n## Install\n"},
                                              {"docs/img/logo.png", ""}});
  CHECK(ws->kind("") == Kind::Directory);
  CHECK(ws->kind("docs") == Kind::Directory);
  CHECK(ws->kind("docs/img") == Kind::Directory);
  CHECK(ws->kind("docs/setup.md") == Kind::File);
  CHECK(ws->kind("Docs/setup.md") == Kind::Missing);
  CHECK(ws->kind("docs/setup") == Kind::Missing);
  CHECK(ws->kind("doc") == Kind::Missing);
  CHECK(ws->entries("") == std::vector<std::string>{"README.md", "docs"});
  CHECK(ws->entries("docs") == std::vector<std::string>{"img", "setup.md"});
  CHECK(ws->entries("docs/setup.md").empty());
  const auto m = ws->model("docs/setup.md");
  REQUIRE(m);
  REQUIRE(m->sections.size() == 2);
  CHECK(m->sections[1].anchor == "install");
  CHECK(ws->model("docs/setup.md") == m);  // built once
  CHECK(!ws->model("docs/missing.md"));
  CHECK(!ws->model("docs"));
}

TEST_CASE("workspace: over the filesystem, exact names, one model shared by every thread") {
  const std::string root = test::temp_dir("workspace-fs");
  test::write_file(root + "/docs/setup.md", "# Setup\n\n## Install\n");
  test::write_file(root + "/README.md", "# A\n");
  test::write_file(root + "/img/logo.png", "");
  const auto ws = listlint::filesystem_workspace(root);
  CHECK(ws->kind("") == Kind::Directory);
  CHECK(ws->kind("docs") == Kind::Directory);
  CHECK(ws->kind("docs/setup.md") == Kind::File);
  CHECK(ws->kind("docs/Setup.md") == Kind::Missing);
  CHECK(ws->kind("img/logo.png/x") == Kind::Missing);
  CHECK(ws->entries("") == std::vector<std::string>{"README.md", "docs", "img"});
  std::vector<std::shared_ptr<const listlint::ListModel>> got(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < got.size(); ++i) threads.emplace_back([&, i] { got[i] = ws->model("docs/setup.md"); });
  for (auto& t : threads) t.join();
  REQUIRE(got[0]);
  CHECK(got[0]->sections.size() == 2);
  for (const auto& g : got) CHECK(g == got[0]);
  CHECK(!ws->model("img"));
}

TEST_CASE("workspace: the repository root is the nearest folder holding .git, else there is none") {
  const std::string base = test::temp_dir("workspace-root");
  test::write_file(base + "/repo/.git", "gitdir: /elsewhere\n");  // a worktree's .git is a file
  const std::string nested = test::write_file(base + "/repo/docs/guide/README.md", "# G\n");
  const std::string alone = test::write_file(base + "/alone/list.md", "# L\n");
  CHECK(listlint::repository_root(nested).value_or("") == base + "/repo");
  CHECK(listlint::workspace_path(base + "/repo", nested) == "docs/guide/README.md");
  CHECK_FALSE(listlint::repository_root(alone).has_value());
  CHECK(listlint::workspace_path(base + "/alone", alone) == "list.md");
  fs::create_directories(base + "/git-dir/.git");
  CHECK(listlint::repository_root(test::write_file(base + "/git-dir/a/b.md", "")).value_or("") == base + "/git-dir");
}

TEST_CASE("check: local-link on a repository's files, from the file's folder and from the root") {
  const std::string repo = test::temp_dir("local-link-repo");
  fs::create_directories(repo + "/.git");
  test::write_file(repo + "/CONTRIBUTING.md", "# Contributing\n\n## How to contribute\n");
  test::write_file(repo + "/docs/setup.md", "# Setup\n");
  test::write_file(repo + "/img/logo.png", "");
  const std::string readme = test::write_file(repo + "/README.md",
                                              "# List\n\n"
                                              "- [Setup](docs/setup.md) - There.\n"
                                              "- [Case](Docs/setup.md) - Spelled docs/.\n"
                                              "- [How](CONTRIBUTING.md#how-to-contribute) - There.\n"
                                              "- [Nope](CONTRIBUTING.md#nope) - No such anchor.\n"
                                              "- [Issues](../../issues) - GitHub's page.\n\n"
                                              "![Logo](img/logo.png)\n");
  const std::string guide = test::write_file(repo + "/docs/guide.md",
                                             "# Guide\n\n"
                                             "- [Root](/CONTRIBUTING.md#how-to-contribute) - From the root.\n"
                                             "- [Up](../img/logo.png) - One folder up.\n"
                                             "- [Gone](/docs/gone.md) - Not there.\n");
  auto r = test::listlint("check --format json -j 2 " + q(readme) + " " + q(guide));
  CHECK(r.exit_code == 1);
  const json j = json::parse(r.out);
  REQUIRE(j["files"].size() == 2);
  std::vector<std::string> found;
  for (const auto& f : j["files"])
    for (const auto& d : f["diagnostics"])
      if (d["rule"] == "local-link") found.push_back(std::to_string(d["line"].get<int>()) + " " + d["message"].get<std::string>());
  REQUIRE(found.size() == 3);
  CHECK(found[0] == "4 Link \"Case\" goes to Docs/setup.md, but the repository has no Docs/setup.md: GitHub matches "
                    "names by case, and it is spelled docs/setup.md");
  CHECK(found[1] == "6 Link \"Nope\" goes to CONTRIBUTING.md#nope, but no heading or id in CONTRIBUTING.md has the "
                    "anchor #nope");
  CHECK(found[2].rfind("5 Link \"Gone\" goes to /docs/gone.md, but the repository has no file or folder docs/gone.md", 0) == 0);
  // Without .git above it, a list copied out of its clone is in no repository: nothing to look up.
  const std::string alone = test::temp_dir("local-link-alone");
  const std::string copy = test::write_file(alone + "/guide.md", test::read_file(guide));
  r = test::listlint("check --format json " + q(copy));
  const json ja = json::parse(r.out);
  int n = 0;
  for (const auto& d : ja["files"][0]["diagnostics"]) n += d["rule"] == "local-link";
  CHECK(r.exit_code == 0);
  CHECK(n == 0);
}
