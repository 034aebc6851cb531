#pragma once
// The layout of share/listlint/words.bin, written by tools/words/make_words.cpp at build time and
// read page by page by the Speller (spelling.cpp). All integers are little-endian, as written.
//
//   Header, zeros to kBloomAt | bloom (Header::bloom_bits / 8 bytes) | Slot slots[Header::slots] | blob | two-edit index
//
// The Bloom filter answers most lookups of absent words, the usual case when suggestions try
// every one-edit candidate, from half a megabyte that stays in cache. It is blocked: a key's
// three bits (bloom_bits_of) are in one 64-byte block, so a lookup reads one cache line.
// A slot holds the blob offset of one entry (0 when empty) and the word's full hash, so that a
// probe reads the blob only for a likely match (open addressing, linear probing, first slot
// hash(word) & (slots - 1)). An entry is: uint8 flags, uint8 length, the word's bytes and,
// when flags has kMisspelling, uint16 length and codespell's corrections, comma-separated.
//
// The two-edit index (Header::index_size bytes) lists the words a two-edit suggestion may be:
// the common and technical words in lowercase ASCII letters, 5 to 40 of them (kIndexMin..kIndexMax),
// not kNoSuggest. They are bucketed by first letter and length, bucket b = (letter - 'a') *
// kIndexLengths + (length - kIndexMin); the index starts with kIndexBuckets + 1 uint32 offsets
// (from the index's start; bucket b is [offset[b], offset[b + 1])), then the buckets, each
// a run of sorted entries of fixed stride 4 + length: a uint32 letter mask (bit c - 'a' set when
// the word has the letter c) and the word's bytes. Two words two edits apart differ in at most
// four bits of their masks, which turns most of a bucket away before any distance is computed.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace listlint::words_format {

inline constexpr char kMagic[8] = {'L', 'L', 'W', 'O', 'R', 'D', 'S', '7'};

struct Slot {
  std::uint32_t offset, hash;
};

struct Header {
  char magic[8];
  std::uint32_t slots, entries, blob_size, bloom_bits;  ///< bloom_bits: a power of two
  std::uint32_t index_size;  ///< bytes of the two-edit index, after the blob
};

/// Where the Bloom filter starts: a multiple of 64, so that each 64-byte block is one cache line
/// of the page-aligned copy in memory.
inline constexpr std::size_t kBloomAt = 64;
static_assert(sizeof(Header) <= kBloomAt);

inline constexpr std::uint32_t kIndexMin = 5, kIndexMax = 40, kIndexLengths = kIndexMax - kIndexMin + 1,
                               kIndexBuckets = 26 * kIndexLengths;

/// The two-edit index's letter mask of a word: bit c - 'a' for each letter c in a..z.
inline std::uint32_t letter_mask(std::string_view s) {
  std::uint32_t m = 0;
  for (char c : s)
    if (c >= 'a' && c <= 'z') m |= 1u << (c - 'a');
  return m;
}

/// The three bits a key sets in the Bloom filter (from its hash), all in the 512-bit block
/// the hash's low bits choose; `bits` is a power of two of at least 512.
struct BloomBits {
  std::uint32_t block;      ///< the first bit of the block
  std::uint32_t offset[3];  ///< in the block
};
inline BloomBits bloom_bits_of(std::uint32_t h, std::uint32_t bits) {
  std::uint32_t g = (h ^ (h >> 15)) * 0x2C1B3C6Du;
  g ^= g >> 12;
  return {(h & (bits - 1)) & ~511u, {g & 511u, (g >> 9) & 511u, (g >> 18) & 511u}};
}

enum : std::uint8_t {
  kUS = 1,           ///< a form en_US accepts
  kGB = 2,           ///< a form en_GB accepts
  kNoSuggest = 4,    ///< never offered as a suggestion (Hunspell's NOSUGGEST: slurs)
  kMisspelling = 8,  ///< in codespell's list of misspellings
  kCapitalized = 16, ///< on a lowercase key: the word capitalised is a suggestible form (paris: Paris)
  kCommon = 32,      ///< in a list of common words (Debian's wamerican, SCOWL size 50)
  kTechnical = 64,   ///< on a lowercase key: technical vocabulary (Debian's package descriptions, rules/typo-vocabulary.txt)
  kFrequent = 128,   ///< in a list of frequent words (Debian's wamerican-small, SCOWL size 35)
};

/// FNV-1a, 32 bits: the hash of "" is kHashBasis, and each byte is one hash_step (so the
/// Speller hashes the one-edit candidates of a word from the hashes of its first letters).
inline constexpr std::uint32_t kHashBasis = 2166136261u;
inline std::uint32_t hash_step(std::uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }
inline std::uint32_t hash(std::string_view s) {
  std::uint32_t h = kHashBasis;
  for (unsigned char c : s) h = hash_step(h, c);
  return h;
}

}  // namespace listlint::words_format
