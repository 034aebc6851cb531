// Which files a run checks (listlint/checking/files.h).

#include "listlint/checking/files.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "listlint/checking/config.h"

namespace listlint {

namespace fs = std::filesystem;

bool skipped_dir(std::string_view name) {
  static const std::set<std::string, std::less<>> kSkip = {".git", "node_modules", "build", "_build", "dist", "target", ".venv", "venv"};
  return kSkip.count(name) > 0 || name.rfind("build-", 0) == 0 || name.rfind("cmake-build-", 0) == 0;
}

bool markdown_name(std::string_view path) {
  const std::string ext = fs::path(path).extension().string();
  return ext == ".md" || ext == ".markdown" || ext == ".MD" || ext == ".Md";
}

std::string shown_path(const std::string& path) {
  std::error_code ec;
  const fs::path rel = fs::relative(path, fs::current_path(ec), ec);
  if (ec || rel.empty() || *rel.begin() == "..") return path;
  return rel.generic_string();
}

std::vector<std::string> expand_glob(const std::string& pattern) {
  std::vector<std::string> out;
  const std::size_t magic = pattern.find_first_of("*?[");
  const std::size_t slash = pattern.rfind('/', magic);
  const std::string base = slash == std::string::npos ? "" : pattern.substr(0, slash);
  std::error_code ec;
  fs::recursive_directory_iterator it(base.empty() ? "." : base, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code e2;
    const fs::path f = it->path();
    if (it->is_directory(e2)) {
      if (skipped_dir(f.filename().string())) it.disable_recursion_pending();
      continue;
    }
    std::string rel = f.generic_string();
    if (base.empty() && rel.rfind("./", 0) == 0) rel = rel.substr(2);
    if (it->is_regular_file(e2) && glob_match(pattern, rel)) out.push_back(rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, std::vector<PathError>& errors) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p != "-" && !fs::exists(p, ec) && p.find_first_of("*?[") != std::string::npos) {
      const auto matched = expand_glob(p);
      if (matched.empty()) errors.push_back({p, "the pattern matches no file"});
      out.insert(out.end(), matched.begin(), matched.end());
      continue;
    }
    if (p == "-" || !fs::is_directory(p, ec)) {
      out.push_back(p);  // a missing or odd file is reported when it is read
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      errors.push_back({p, std::string("cannot read the directory: ") + ec.message()});
      continue;
    }
    // Symbolic links to folders are not followed (no loops); links to files are read, and a
    // *.md link that leads nowhere (dangling, or a loop) is an error, not a silent skip.
    while (it != end) {
      const fs::path f = it->path();
      std::error_code e2;
      if (it->is_directory(e2)) {
        if (skipped_dir(f.filename().string())) it.disable_recursion_pending();
      } else if (markdown_name(f.string())) {
        if (it->is_regular_file(e2)) {
          found.push_back(f.string());
        } else if (it->is_symlink(e2)) {
          std::error_code e3;
          (void)fs::status(f, e3);
          errors.push_back({f.string(), e3 ? e3.message() : std::string("not a regular file")});
        }
      }
      it.increment(ec);
      if (ec) {  // the iterator is at its end now: report and stop this folder
        errors.push_back({p, "cannot read the directory after " + f.string() + ": " + ec.message()});
        break;
      }
    }
    std::sort(found.begin(), found.end());
    // A folder without a list is a mistaken path (or a checkout step that fetched nothing), not a pass.
    if (found.empty() && std::none_of(errors.begin(), errors.end(), [&](const auto& e) { return e.path == p; }))
      errors.push_back({p, "holds no Markdown file (*.md, *.markdown)"});
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace listlint
