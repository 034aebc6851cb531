#pragma once
// What the engine hands to rules besides the model: data the caller loaded or fetched (rules do no
// I/O). Every member may be absent; a rule that needs one does nothing without it.

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "listlint/linkcheck.h"
#include "listlint/spelling.h"

namespace listlint {

struct Resources {
  const Speller* speller = nullptr;
  const std::unordered_set<std::string>* words = nullptr;  ///< the user's words (words files)
  /// Verdicts of the link checker by URL (check --links); null when the network is not used.
  const std::unordered_map<std::string, LinkResult>* links = nullptr;
};

}  // namespace listlint
