#pragma once
// The repository a linted file belongs to, as rules read it: which files and folders exist, and
// the model of another Markdown file (rules do no I/O; the caller hands them a Workspace).

#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "listlint/model/model.h"

namespace listlint {

/// Files of one repository. Paths are relative to the repository's root, '/'-separated, without
/// "." or ".." parts or a leading '/'; "" is the root. Names compare exactly: case matters, as on
/// GitHub. Every member is safe to call from several threads at once.
class Workspace {
 public:
  enum class Kind { Missing, File, Directory };
  virtual ~Workspace() = default;
  /// What `path` is.
  virtual Kind kind(const std::string& path) const = 0;
  /// The names in folder `path`, sorted; empty when it is no folder.
  virtual std::vector<std::string> entries(const std::string& path) const = 0;
  /// The model of Markdown file `path`, built once and shared; null when it is no file or cannot
  /// be read as a document.
  virtual std::shared_ptr<const ListModel> model(const std::string& path) const = 0;

  bool exists(const std::string& path) const { return kind(path) != Kind::Missing; }
  bool is_directory(const std::string& path) const { return kind(path) == Kind::Directory; }
};

/// A workspace over the folder `root` of the filesystem (listings and models cached).
std::unique_ptr<Workspace> filesystem_workspace(std::string root);

/// A workspace in memory: file path -> bytes; folders are those the paths imply (tests, editors).
std::unique_ptr<Workspace> memory_workspace(std::map<std::string, std::string> files);

/// The repository root of `file`: the nearest folder above it that holds `.git` (a folder, or a
/// file as in worktrees and submodules), absolute, symbolic links left as they are; none when
/// the file is in no repository (a list copied out of its clone cannot tell which files its
/// repository has).
std::optional<std::string> repository_root(const std::string& file);

/// `file`'s path relative to `root` in workspace form ("docs/README.md").
std::string workspace_path(const std::string& root, const std::string& file);

}  // namespace listlint
