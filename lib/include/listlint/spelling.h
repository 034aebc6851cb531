#pragma once
// Spelling resources for the typo rule: a Hunspell dictionary and codespell's list of known
// misspellings, loaded once per run and handed to rules as data (rules do no I/O).

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace listlint {

/// Where the dictionaries are (Debian's packages by default).
struct SpellerPaths {
  std::string hunspell = "/usr/share/hunspell/en_US";  ///< without .aff/.dic
  std::string hunspell_alt = "/usr/share/hunspell/en_GB";  ///< also accepted (loaded on first need; optional)
  std::string corrections = "/usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt";
};

/// A Hunspell dictionary with a memo, and a misspelling -> corrections map.
class Speller {
 public:
  ~Speller();
  Speller(const Speller&) = delete;
  Speller& operator=(const Speller&) = delete;

  /// Loads both dictionaries; on failure returns null and sets `error` to a one-line reason.
  static std::unique_ptr<Speller> load(const SpellerPaths& paths, std::string* error);

  /// True when the dictionary knows `word` (ASCII). Each distinct word is looked up once.
  bool known(std::string_view word) const;
  /// True when `lower` is one of the dictionary's plain words (a hash lookup, no affix rules).
  bool stem(std::string_view lower) const { return stems_.count(std::string(lower)) > 0; }
  /// True when the second dictionary (British English) knows `word`.
  bool known_alt(std::string_view word) const;
  /// Hunspell's suggestions, best first.
  std::vector<std::string> suggest(std::string_view word) const;
  /// codespell's corrections for a lowercase word, or null when it is not a known misspelling.
  const std::vector<std::string>* corrections(std::string_view lower_word) const;

 private:
  Speller() = default;
  void* handle_ = nullptr;  // Hunhandle*
  std::string alt_path_;
  mutable void* alt_ = nullptr;
  mutable bool alt_tried_ = false;
  std::unordered_set<std::string> stems_;  // the .dic's plain words, lowercase: a fast first answer
  std::unordered_map<std::string, std::vector<std::string>> corrections_;
  mutable std::unordered_map<std::string, bool> memo_;
};

/// What the engine hands to rules besides the model.
struct Resources {
  const Speller* speller = nullptr;
  const std::unordered_set<std::string>* words = nullptr;  ///< the user's words (words files)
};

}  // namespace listlint
