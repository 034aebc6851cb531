#pragma once
// Helpers shared by the tests.

#include <string>
#include <string_view>

#include "listlint/model/document.h"
#include "listlint/checking/resources.h"
#include "listlint/model/model.h"

namespace test {

/// The model of an in-memory Markdown text.
listlint::ListModel model_of(std::string text, std::string path = "test.md");
/// Everything a model holds (its JSON and its text runs), to compare two models.
std::string model_fingerprint(const listlint::ListModel& model);
/// Where the model of `doc` parsed in the smallest pieces differs from the model of it parsed
/// whole: "" when they are the same, else the first difference.
std::string pieces_differ(const listlint::Document& doc);
/// The whole content of a file (empty when it cannot be read).
std::string read_file(const std::string& path);
/// Writes a file, creating folders; returns its path.
std::string write_file(const std::string& path, std::string_view bytes);
/// A fresh temporary folder for one test.
std::string temp_dir(const std::string& name);
/// The corpus folder (LISTLINT_CORPUS overrides), or "" when it is absent.
std::string corpus_dir();
/// Says on standard output that a test is skipped (CTest reports it as Skipped).
void skip(const std::string& why);

/// The dictionaries, loaded once for all tests (Debian's packages).
const listlint::Resources& resources();

/// Result of running a command.
struct Run {
  int exit_code = -1;
  std::string out, err;
};
/// Runs the listlint executable with the given argument string (shell-quoted by the caller).
/// A leading "--setpriv-nobody " runs it as user nobody (for permission tests as root).
Run listlint(const std::string& args);

}  // namespace test
