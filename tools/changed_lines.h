#pragma once
// --changed-since REF: the lines of a file added or changed since a git ref, from the git binary
// (`git diff --unified=0 REF -- FILE`), as reviewdog's diff filter reads them.

#include <map>
#include <optional>
#include <set>
#include <string>

namespace listlint::cli {

/// The lines of one file that count as changed.
struct ChangedLines {
  bool all = false;     ///< the file is not tracked yet: every line counts
  std::set<int> lines;  ///< else: the new side of each hunk of the diff
};

/// Asks git, once per repository for the ref, once per file for the diff.
class GitChanges {
 public:
  explicit GitChanges(std::string ref) : ref_(std::move(ref)) {}
  /// The changed lines of `file`, or nullopt with `error` set (one line, without the file name):
  /// git missing, not in a git repository, an unknown ref, a failed diff.
  std::optional<ChangedLines> of(const std::string& file, std::string& error);

 private:
  std::string ref_;
  std::map<std::string, std::optional<std::string>> checked_roots_;  // repository -> error, if the ref is bad
};

}  // namespace listlint::cli
