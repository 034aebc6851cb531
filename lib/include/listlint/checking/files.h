#pragma once
// Which files a run checks: folders walked for Markdown files, quoted globs expanded, and paths
// shown as the user should read them. Shared by every front end (listlint check, links, init).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace listlint {

/// A path that could not be expanded, and why (one line).
struct PathError {
  std::string path;
  std::string reason;
};

/// True for the folders a walk skips: .git, node_modules, build, build-*, cmake-build-*, _build,
/// dist, target, .venv, venv.
bool skipped_dir(std::string_view name);

/// True for *.md, *.markdown (and .MD, .Md).
bool markdown_name(std::string_view path);

/// A glob given quoted ('docs/**/*.md'): the files it matches, sorted, walked from its literal
/// folder, skipping what a folder walk skips.
std::vector<std::string> expand_glob(const std::string& pattern);

/// Files to check, in a stable order: a folder is walked for Markdown files (symbolic links to
/// folders are not followed), a glob is expanded, "-" and other paths are kept as given (a missing
/// file is reported when it is read). A folder without a list, a glob that matches nothing or a
/// folder that cannot be read go to `errors`.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, std::vector<PathError>& errors);

/// A path relative to the working folder when it is below it, else as it is.
std::string shown_path(const std::string& path);

}  // namespace listlint
