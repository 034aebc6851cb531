#pragma once
// What the engine hands to rules besides the model: data the caller loaded or fetched (rules do no
// I/O). Every member may be absent; a rule that needs one does nothing without it.

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "listlint/links/linkcheck.h"
#include "listlint/spelling/spelling.h"

namespace listlint {

class Profile;  // listlint/checking/profile.h
class Workspace;

struct Resources {
  const Speller* speller = nullptr;
  const std::unordered_set<std::string>* words = nullptr;  ///< the user's words (words files)
  /// Verdicts of the link checker by URL (check --links); null when the network is not used.
  const std::unordered_map<std::string, LinkResult>* links = nullptr;
  /// The repository the file is in (listlint/checking/workspace.h), for rules that check links to its
  /// other files; null when there is none to read (local-link then reports nothing).
  const Workspace* workspace = nullptr;
  /// The file's own path in `workspace` ("docs/README.md").
  std::string workspace_path;
  /// When set, the time of each model pass and each rule is added to it (check --timing).
  Profile* profile = nullptr;
  /// Threads the check of this one document may use (the model's parse, the rules): more than
  /// one when there are fewer files than cores. The findings are the same.
  unsigned threads = 1;
};

}  // namespace listlint
