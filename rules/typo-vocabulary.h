#pragma once
// Technical words that en_US does not know and curated lists use all the time (lowercase).
// Found by running the typo rule over the corpus lists; a word is here when it is a correct term
// in its field, not a name of one project (names are the list's own vocabulary).

#include <string_view>
#include <unordered_set>

namespace listlint::rules {

inline const std::unordered_set<std::string_view>& technical_words() {
  static const std::unordered_set<std::string_view> kWords = {
#include "typo-vocabulary.inc"
  };
  return kWords;
}

inline bool is_technical_word(std::string_view lower) { return technical_words().count(lower) > 0; }

}  // namespace listlint::rules
