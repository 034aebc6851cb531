#pragma once
// The layout of share/listlint/words.bin, written by tools/words/make_words.cpp at build time and
// read page by page by the Speller (spelling.cpp). All integers are little-endian, as written.
//
//   Header | bloom (Header::bloom_bits / 8 bytes) | Slot slots[Header::slots] | blob
//
// The Bloom filter (two bits per entry key) answers most lookups of absent words, the usual case
// when suggestions try every one-edit candidate, from half a megabyte that stays in cache.
// A slot holds the blob offset of one entry (0 when empty) and the word's full hash, so that a
// probe reads the blob only for a likely match (open addressing, linear probing, first slot
// hash(word) & (slots - 1)). An entry is: uint8 flags, uint8 length, the word's bytes and,
// when flags has kMisspelling, uint16 length and codespell's corrections, comma-separated.

#include <cstdint>
#include <string_view>

namespace listlint::words_format {

inline constexpr char kMagic[8] = {'L', 'L', 'W', 'O', 'R', 'D', 'S', '4'};

struct Slot {
  std::uint32_t offset, hash;
};

struct Header {
  char magic[8];
  std::uint32_t slots, entries, blob_size, bloom_bits;  ///< bloom_bits: a power of two
};

/// The two bits a key sets in the Bloom filter (from its hash).
inline std::uint32_t bloom_a(std::uint32_t h, std::uint32_t bits) { return h & (bits - 1); }
inline std::uint32_t bloom_b(std::uint32_t h, std::uint32_t bits) { return ((h >> 16) | (h << 16)) * 0x9E3779B1u & (bits - 1); }

enum : std::uint8_t {
  kUS = 1,           ///< a form en_US accepts
  kGB = 2,           ///< a form en_GB accepts
  kNoSuggest = 4,    ///< never offered as a suggestion (Hunspell's NOSUGGEST: slurs)
  kMisspelling = 8,  ///< in codespell's list of misspellings
  kCapitalized = 16, ///< on a lowercase key: the word capitalised is a suggestible form (paris: Paris)
  kCommon = 32,      ///< in a list of common words (Debian's wamerican, SCOWL size 50)
};

/// FNV-1a, 32 bits.
inline std::uint32_t hash(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : s) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

}  // namespace listlint::words_format
