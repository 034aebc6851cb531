#pragma once
// Spelling resources for the typo rule: the word table built from the Hunspell dictionaries and
// codespell's list of misspellings (share/listlint/words.bin, see lib/src/words_format.h), mapped
// into memory once per run and handed to rules as data (rules do no I/O).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace listlint {

/// The word table, read-only and mapped into memory: each lookup is one hash probe.
class Speller {
 public:
  ~Speller();
  Speller(const Speller&) = delete;
  Speller& operator=(const Speller&) = delete;

  /// Maps the table at `path`; on failure returns null and sets `error` to a one-line reason.
  static std::unique_ptr<Speller> load(const std::string& path, std::string* error);

  /// True when en_US accepts `word` as Hunspell would: as written, or capitalised or in capitals
  /// when the dictionary has it in lowercase.
  bool known(std::string_view word) const;
  /// The same for en_GB (British spellings: colour, programme).
  bool known_alt(std::string_view word) const;
  /// Dictionary words one edit away (a letter deleted, inserted, replaced, or two neighbours
  /// swapped), as the dictionary writes them (proper nouns capitalised); deletions first, then
  /// swaps, replacements and insertions. Slurs are never suggested.
  std::vector<std::string> suggest(std::string_view word) const;
  /// True when `word`, as the dictionary writes it, is in the list of common words.
  bool common(std::string_view word) const;
  /// codespell's corrections for a lowercase word; empty when it is not a known misspelling.
  std::vector<std::string> corrections(std::string_view lower_word) const;
  /// Entries in the table (word forms and misspellings).
  std::size_t size() const;

 private:
  Speller() = default;
  /// The flags of `word`'s entry, 0 when absent; `entry` receives where it starts.
  unsigned flags(std::string_view word, const unsigned char** entry = nullptr) const;
  bool known_with(std::string_view word, unsigned flag) const;
  const unsigned char* base_ = nullptr;
  std::size_t size_ = 0;
  const unsigned char* blob_ = nullptr;
  std::size_t blob_size_ = 0;
  const unsigned char* bloom_ = nullptr;
  std::uint32_t bloom_bits_ = 0;
  const unsigned char* slots_ = nullptr;
  std::uint32_t nslots_ = 0, entries_ = 0;
};

}  // namespace listlint
