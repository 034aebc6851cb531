#include "support.h"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "listlint/model/model_json.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace test {

listlint::ListModel model_of(std::string text, std::string path) {
  listlint::Document doc(std::move(path), std::move(text));
  return listlint::build_model(doc);
}

std::string model_fingerprint(const listlint::ListModel& model) {
  std::string out = listlint::model_to_json(model).dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
  out += "\ntext runs:\n";
  for (const auto& r : model.text_runs) {
    out += std::to_string(r.bytes.begin) + "-" + std::to_string(r.bytes.end) + " " + std::to_string(r.section) + " " +
           std::to_string(r.in_link) + std::to_string(r.in_heading) + std::to_string(r.in_table) +
           std::to_string(r.in_table_header) + "\n";
  }
  return out;
}

std::string pieces_differ(const listlint::Document& doc) {
  const std::string whole = model_fingerprint(listlint::build_model(doc, {SIZE_MAX}));
  const std::string pieces = model_fingerprint(listlint::build_model(doc, {1}));
  if (whole == pieces) return "";
  std::size_t i = 0;
  while (i < whole.size() && i < pieces.size() && whole[i] == pieces[i]) ++i;
  const std::size_t from = i > 300 ? i - 300 : 0;
  return "whole: ..." + whole.substr(from, 600) + "\npieces: ..." + pieces.substr(from, 600);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string write_file(const std::string& path, std::string_view bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

std::string temp_dir(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / ("listlint-test-" + std::to_string(::getpid())) / name;
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

std::string corpus_dir() {
  if (const char* env = std::getenv("LISTLINT_CORPUS")) return fs::is_directory(env) ? env : "";
  return fs::is_directory(LISTLINT_CORPUS_DIR) ? LISTLINT_CORPUS_DIR : "";
}

const listlint::Resources& resources() {
  static std::unique_ptr<listlint::Speller> speller = [] {
    std::string err;
    auto sp = listlint::Speller::load(LISTLINT_WORDS_FILE, &err);
    if (!sp) std::fprintf(stderr, "cannot load the dictionaries: %s\n", err.c_str());
    return sp;
  }();
  static const listlint::Resources res = [&] {
    listlint::Resources r;
    r.speller = speller.get();
    return r;
  }();
  return res;
}

void skip(const std::string& why) {
  std::printf("SKIPPED: %s\n", why.c_str());
  std::fflush(stdout);
}

Run listlint(const std::string& args) {
  const std::string dir = temp_dir("run");
  const std::string out = dir + "/out", err = dir + "/err";
  std::string a = args, runner;
  if (a.rfind("--setpriv-nobody ", 0) == 0) {
    runner = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    a = a.substr(17);
  }
  const std::string cmd = runner + "'" + LISTLINT_EXE + "' " + a + " >'" + out + "' 2>'" + err + "' </dev/null";
  const int status = std::system(cmd.c_str());
  Run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

}  // namespace test
