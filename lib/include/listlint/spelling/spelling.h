#pragma once
// Spelling resources for the typo rule: the word table built from the Hunspell dictionaries and
// codespell's list of misspellings (share/listlint/words.bin, see lib/src/spelling/words_format.h), opened
// once per run and handed to rules as data (rules do no I/O of their own).

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace listlint {

/// The word table, read-only: each lookup is one hash probe. The table (14 MB) is read 4 KB page by
/// page as lookups reach it, into reserved memory: a run holds only the pages its words touch. A
/// mapping of the file would do the same with no read calls, but the kernel maps 64 KB around
/// every page a lookup faults in ("fault-around"), so a few hundred lookups made most of the
/// file resident (6.5 MB on a 1 MB list whose 146 lookups touch 0.6 MB). Once a quarter of the
/// pages have been read one by one, the run is a large one whose lookups will reach most of the
/// rest (they hash uniformly): the rest is read at once, in a few large reads, instead of a read
/// call per page (3,600 calls, a tenth of a run over the 49 corpus lists). The reserved memory asks
/// for 2 MB pages (transparent huge pages, spelling.cpp). Safe to share between threads.
class Speller {
 public:
  ~Speller();
  Speller(const Speller&) = delete;
  Speller& operator=(const Speller&) = delete;

  /// Opens the table at `path`; on failure returns null and sets `error` to a one-line reason.
  static std::unique_ptr<Speller> load(const std::string& path, std::string* error);

  /// True when en_US accepts `word` as Hunspell would: as written, or capitalised or in capitals
  /// when the dictionary has it in lowercase.
  bool known(std::string_view word) const;
  /// The same for en_GB (British spellings: colour, programme).
  bool known_alt(std::string_view word) const;
  /// Dictionary words one edit away (a letter deleted, inserted, replaced, or two neighbours
  /// swapped), as the dictionary writes them (proper nouns capitalised); deletions first, then
  /// swaps, replacements and insertions. Slurs are never suggested. With `with_technical`, the
  /// technical words one edit away that no dictionary has (lowercase: kubectl, nginx) follow, in
  /// the same order of edits.
  std::vector<std::string> suggest(std::string_view word, bool with_technical = false) const;
  /// True when `word`, as the dictionary writes it, is in the list of common words.
  bool common(std::string_view word) const;
  /// True when `word`, as the dictionary writes it, is in the shorter list of frequent words (a
  /// subset of the common ones: "above", "table"; not "ioctl", "unbar").
  bool frequent(std::string_view word) const;
  /// common(word) || technical(word), in one lookup.
  bool common_or_technical(std::string_view lower_word) const;
  /// True when the dictionary has `lower_word` capitalised as a proper noun ("peter": Peter).
  bool proper_noun(std::string_view lower_word) const;
  /// True when a lowercase word is in the technical vocabulary: used in the package descriptions
  /// of at least three Debian source packages (and not one of codespell's misspellings), or in
  /// the hand supplement rules/typo-vocabulary.txt. Dictionary words so used are technical too
  /// ("library"): `technical(w) && !known(w)` is the vocabulary en_US lacks (stdout, kubectl).
  bool technical(std::string_view lower_word) const;
  /// The common and technical words (lowercase ASCII, 5 to 40 letters, no slur or known
  /// misspelling) that start with the word's first letter and are at optimal string alignment
  /// distance exactly 2 from it (two deletions, insertions, replacements or swaps of neighbours,
  /// no letter edited twice): `lighweigth`: lightweight. Ordered by length, then alphabetically.
  /// Reads only the index buckets of that first letter and the lengths within 2 of the word's.
  std::vector<std::string> within_two(std::string_view lower_word) const;
  /// codespell's corrections for a lowercase word; empty when it is not a known misspelling.
  std::vector<std::string> corrections(std::string_view lower_word) const;
  /// Entries in the table (word forms and misspellings).
  std::size_t size() const;
  /// Bytes of the table read so far (whole pages).
  std::size_t resident() const;

 private:
  Speller() = default;
  /// The flags of `word`'s entry, 0 when absent; `entry` receives where it starts.
  unsigned flags(std::string_view word, const unsigned char** entry = nullptr) const;
  /// flags() of a word whose hash (words_format::hash) is `h`.
  unsigned flags_hashed(std::string_view word, std::uint32_t h, const unsigned char** entry = nullptr) const;
  /// False when no word of hash `h` is in the table (the Bloom filter); true: perhaps.
  bool maybe(std::uint32_t h) const;
  /// Starts reading the Bloom filter's block for hash `h` into the cache (a hint; the block's
  /// page must be loaded: maybe() loads it).
  void prefetch(std::uint32_t h) const;
  bool known_with(std::string_view word, unsigned flag) const;
  /// Makes the `n` bytes at `p` (inside the table) readable; false when the file cannot be read.
  bool ensure(const unsigned char* p, std::size_t n) const {
    if (n == 0) return true;
    const std::size_t first = static_cast<std::size_t>(p - base_) / kPage, last = (static_cast<std::size_t>(p - base_) + n - 1) / kPage;
    for (std::size_t i = first; i <= last; ++i)
      if (pages_[i].load(std::memory_order_acquire) != kReady && !load_page(i)) return false;
    return true;
  }
  bool load_page(std::size_t index) const;
  /// Reads every page no thread has read or is reading, in runs of pages.
  void load_rest() const;
  static constexpr std::size_t kPage = 4096;
  int fd_ = -1;
  const unsigned char* base_ = nullptr;  ///< reserved for the whole file; pages filled by ensure()
  std::size_t size_ = 0;
  enum : unsigned char { kAbsent, kLoading, kReady, kFailed };
  std::unique_ptr<std::atomic<unsigned char>[]> pages_;  ///< each page's state
  mutable std::atomic<std::size_t> loaded_{0};  ///< pages read one by one
  std::size_t rest_after_ = 0;  ///< when that many are, the rest is read at once (load_rest)
  const unsigned char* blob_ = nullptr;
  std::size_t blob_size_ = 0;
  const unsigned char* bloom_ = nullptr;
  std::uint32_t bloom_bits_ = 0;
  const unsigned char* slots_ = nullptr;
  std::uint32_t nslots_ = 0, entries_ = 0;
  const unsigned char* index_ = nullptr;  ///< the two-edit index
  std::size_t index_size_ = 0;
};

}  // namespace listlint
