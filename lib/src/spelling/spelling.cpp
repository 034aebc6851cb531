#include "listlint/spelling/spelling.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <thread>

#include "spelling/words_format.h"

namespace listlint {

namespace wf = words_format;

Speller::~Speller() {
  if (base_) ::munmap(const_cast<unsigned char*>(base_), size_);
  if (fd_ >= 0) ::close(fd_);
}

namespace {

/// Reads `n` bytes at `offset` of `fd` into `dst`; false on an error or an early end of file.
bool read_at(int fd, unsigned char* dst, std::size_t n, std::size_t offset) {
  while (n > 0) {
    const ssize_t got = ::pread(fd, dst, n, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    dst += got;
    offset += static_cast<std::size_t>(got);
    n -= static_cast<std::size_t>(got);
  }
  return true;
}

}  // namespace

bool Speller::load_page(std::size_t index) const {
  std::atomic<unsigned char>& state = pages_[index];
  unsigned char expected = kAbsent;
  if (state.compare_exchange_strong(expected, kLoading, std::memory_order_acquire)) {
    const std::size_t at = index * kPage, n = std::min(kPage, size_ - at);
    const bool ok = read_at(fd_, const_cast<unsigned char*>(base_) + at, n, at);
    state.store(ok ? kReady : kFailed, std::memory_order_release);
    // Lookups hash uniformly over the table: a run that has read a quarter of it page by page (a
    // few thousand distinct words, a batch of lists) will read most of the rest the same way, a
    // read call per page. It reads the rest now, in a few large reads.
    if (ok && loaded_.fetch_add(1, std::memory_order_relaxed) + 1 == rest_after_) load_rest();
    return ok;
  }
  // Another thread is reading this page (a few microseconds): wait for it.
  while ((expected = state.load(std::memory_order_acquire)) == kLoading) std::this_thread::yield();
  return expected == kReady;
}

void Speller::load_rest() const {
  const std::size_t pages = (size_ + kPage - 1) / kPage;
  constexpr std::size_t kRun = 64;  // pages per read (256 KB): a thread waiting for one of them waits briefly
  for (std::size_t i = 0; i < pages;) {
    // Claim a run of absent pages (pages other threads are reading or have read stay theirs).
    std::size_t e = i;
    while (e < pages && e - i < kRun) {
      unsigned char expected = kAbsent;
      if (!pages_[e].compare_exchange_strong(expected, kLoading, std::memory_order_acquire)) break;
      ++e;
    }
    if (e == i) {
      ++i;
      continue;
    }
    const std::size_t at = i * kPage, n = std::min(e * kPage, size_) - at;
    const bool ok = read_at(fd_, const_cast<unsigned char*>(base_) + at, n, at);
    for (std::size_t k = i; k < e; ++k) pages_[k].store(ok ? kReady : kAbsent, std::memory_order_release);
    i = e;
  }
}

std::unique_ptr<Speller> Speller::load(const std::string& path, std::string* error) {
  auto fail = [&](const std::string& why) -> std::unique_ptr<Speller> {
    if (error) *error = path + ": " + why;
    return nullptr;
  };
  std::unique_ptr<Speller> s(new Speller());
  s->fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);  // a FIFO must not block: fstat refuses it
  if (s->fd_ < 0) return fail(std::string(std::strerror(errno)) + " (the build writes it: cmake --build build; or turn the typo rule off)");
  struct stat st {};
  if (::fstat(s->fd_, &st) != 0 || !S_ISREG(st.st_mode)) return fail("not a regular file");
  const auto size = static_cast<std::size_t>(st.st_size);
  wf::Header h;
  if (size < wf::kBloomAt) return fail("not a listlint word table (too short)");
  if (!read_at(s->fd_, reinterpret_cast<unsigned char*>(&h), sizeof h, 0)) return fail(std::string("cannot read it: ") + std::strerror(errno));
  if (std::memcmp(h.magic, wf::kMagic, sizeof h.magic) != 0) return fail("not a listlint word table (bad magic)");
  const std::size_t need =
      wf::kBloomAt + std::size_t{h.bloom_bits} / 8 + std::size_t{h.slots} * sizeof(wf::Slot) + h.blob_size + h.index_size;
  if (h.slots == 0 || (h.slots & (h.slots - 1)) != 0 || h.bloom_bits < 512 || (h.bloom_bits & (h.bloom_bits - 1)) != 0 ||
      need != size || h.entries >= h.slots || h.index_size < (wf::kIndexBuckets + 1) * 4)
    return fail("a damaged word table (sizes do not add up); rebuild it");
  // Reserved, not committed: only the pages read take memory. The reservation starts on a 2 MB
  // boundary and asks for transparent huge pages where the kernel gives them on request: the
  // first page read in each 2 MB is one page fault instead of one per 4 KB page read (512 at
  // most). A page fault costs as much as a thousand lookups on some virtual machines, where the
  // faults of a batch run were a tenth of its time. (It commits 2 MB at a time: the whole table,
  // 14 MB, once lookups have reached every 2 MB of it, a few hundred distinct words.)
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  void* map = ::mmap(nullptr, size + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (map == MAP_FAILED) return fail(std::string("cannot reserve memory for it: ") + std::strerror(errno));
  {
    auto* raw = static_cast<unsigned char*>(map);
    const std::size_t head = (kHuge - reinterpret_cast<std::uintptr_t>(raw) % kHuge) % kHuge;  // (pages: mmap's are)
    const std::size_t span = (size + kPage - 1) / kPage * kPage, total = span + kHuge;
    if (head > 0) ::munmap(raw, head);
    if (total - head - span > 0) ::munmap(raw + head + span, total - head - span);
    map = raw + head;
#ifdef MADV_HUGEPAGE
    ::madvise(map, size, MADV_HUGEPAGE);  // a hint: refused or ignored, the table reads as before
#endif
  }
  s->base_ = static_cast<const unsigned char*>(map);
  s->size_ = size;
  s->pages_ = std::make_unique<std::atomic<unsigned char>[]>((size + kPage - 1) / kPage);
  s->rest_after_ = (size + kPage - 1) / kPage / 4;
  s->bloom_ = s->base_ + wf::kBloomAt;
  s->bloom_bits_ = h.bloom_bits;
  s->slots_ = s->bloom_ + h.bloom_bits / 8;
  s->nslots_ = h.slots;
  s->entries_ = h.entries;
  s->blob_ = s->slots_ + std::size_t{h.slots} * sizeof(wf::Slot);
  s->blob_size_ = h.blob_size;
  s->index_ = s->blob_ + h.blob_size;
  s->index_size_ = h.index_size;
  return s;
}

std::size_t Speller::size() const { return entries_; }

std::size_t Speller::resident() const {
  std::size_t pages = 0;
  for (std::size_t i = 0; i < (size_ + kPage - 1) / kPage; ++i) pages += pages_[i].load(std::memory_order_relaxed) == kReady;
  return pages * kPage;
}

bool Speller::maybe(std::uint32_t h) const {
  const wf::BloomBits bb = wf::bloom_bits_of(h, bloom_bits_);
  const unsigned char* block = bloom_ + bb.block / 8;
  if (!ensure(block, 64)) return false;  // unreadable: treat as absent
  for (std::uint32_t off : bb.offset)
    if (!(block[off >> 3] & (1u << (off & 7)))) return false;  // surely absent
  return true;
}

void Speller::prefetch(std::uint32_t h) const {
  const wf::BloomBits bb = wf::bloom_bits_of(h, bloom_bits_);
  __builtin_prefetch(bloom_ + bb.block / 8);
}

unsigned Speller::flags(std::string_view word, const unsigned char** entry) const {
  if (word.empty() || word.size() > 255) return 0;
  return flags_hashed(word, wf::hash(word), entry);
}

unsigned Speller::flags_hashed(std::string_view word, std::uint32_t h, const unsigned char** entry) const {
  if (word.empty() || word.size() > 255 || !maybe(h)) return 0;
  std::uint32_t s = h & (nslots_ - 1);
  for (std::uint32_t probes = 0; probes < nslots_; ++probes, s = (s + 1) & (nslots_ - 1)) {
    wf::Slot slot;
    if (!ensure(slots_ + std::size_t{s} * sizeof(wf::Slot), sizeof slot)) return 0;  // unreadable: treat as absent
    std::memcpy(&slot, slots_ + std::size_t{s} * sizeof(wf::Slot), sizeof slot);
    const std::uint32_t off = slot.offset;
    if (off == 0) return 0;
    if (slot.hash != h) continue;
    if (std::size_t{off} + 2 > blob_size_) return 0;  // damaged: treat as absent
    const unsigned char* e = blob_ + off;
    if (!ensure(e, 2)) return 0;
    const std::size_t len = e[1];
    if (std::size_t{off} + 2 + len > blob_size_ || !ensure(e + 2, len)) return 0;
    if (len == word.size() && std::memcmp(e + 2, word.data(), len) == 0) {
      if (entry) *entry = e;
      return e[0];
    }
  }
  return 0;
}

bool Speller::known_with(std::string_view word, unsigned flag) const {
  if (word.empty()) return false;
  if (flags(word) & flag) return true;
  // Hunspell accepts "Construction" and "CONSTRUCTION" for "construction", never the reverse.
  const bool upper0 = word[0] >= 'A' && word[0] <= 'Z';
  if (!upper0) return false;
  bool all_upper = true;
  for (char c : word) all_upper &= !(c >= 'a' && c <= 'z');
  std::string w(word);
  if (all_upper) {
    for (char& c : w)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (flags(w) & flag) return true;
    w[0] = static_cast<char>(w[0] - 32);  // "PARIS" -> "Paris"
    return (flags(w) & flag) != 0;
  }
  w[0] = static_cast<char>(w[0] + 32);
  return (flags(w) & flag) != 0;
}

bool Speller::common(std::string_view word) const { return (flags(word) & wf::kCommon) != 0; }
bool Speller::frequent(std::string_view word) const { return (flags(word) & wf::kFrequent) != 0; }
bool Speller::common_or_technical(std::string_view lower_word) const {
  return (flags(lower_word) & (wf::kCommon | wf::kTechnical)) != 0;
}
bool Speller::proper_noun(std::string_view lower_word) const { return (flags(lower_word) & wf::kCapitalized) != 0; }

bool Speller::technical(std::string_view lower_word) const { return (flags(lower_word) & wf::kTechnical) != 0; }

bool Speller::known(std::string_view word) const { return known_with(word, wf::kUS); }
bool Speller::known_alt(std::string_view word) const { return known_with(word, wf::kGB); }

std::vector<std::string> Speller::suggest(std::string_view word, bool with_technical) const {
  std::string w(word);
  if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') w[0] = static_cast<char>(w[0] + 32);
  std::vector<std::string> out, technical;
  if (w.size() + 1 > 255) return out;  // (no word of the table is longer; `at` fits a byte)
  std::string cand;
  auto consider = [&](const std::string& c, std::uint32_t h) {
    for (const std::string& o : out)  // two edits can lead to one word
      if (o.size() == c.size() && (o[0] | 0x20) == (c[0] | 0x20) && o.compare(1, std::string::npos, c, 1) == 0) return;
    const unsigned f = flags_hashed(c, h);
    if ((f & (wf::kUS | wf::kGB)) && !(f & wf::kNoSuggest)) {
      out.push_back(c);
    } else if ((f & wf::kCapitalized) && c[0] >= 'a' && c[0] <= 'z') {
      out.push_back(c);  // a proper noun: Paris
      out.back()[0] = static_cast<char>(c[0] - 32);
    } else if (with_technical && (f & wf::kTechnical) && !(f & wf::kNoSuggest) &&
               std::find(technical.begin(), technical.end(), c) == technical.end()) {
      technical.push_back(c);
    }
  };
  // Every candidate one edit away, in the order of edits (deletions, swaps, replacements,
  // insertions), is hashed from the hash of the word's first i letters and then its edit and the
  // rest. The Bloom filter's blocks for all of them are fetched at once, then tested in order;
  // only a candidate that passes (a few in a hundred) is made into a string and looked up.
  const std::size_t n = w.size();
  std::vector<std::uint32_t> head(n + 1);
  head[0] = wf::kHashBasis;
  for (std::size_t i = 0; i < n; ++i) head[i + 1] = wf::hash_step(head[i], static_cast<unsigned char>(w[i]));
  auto rest = [&](std::uint32_t h, std::size_t from) {
    for (std::size_t j = from; j < n; ++j) h = wf::hash_step(h, static_cast<unsigned char>(w[j]));
    return h;
  };
  enum Edit : unsigned char { kDelete, kSwap, kReplace, kInsert };
  struct Candidate {
    std::uint32_t hash;
    Edit edit;
    unsigned char at;
    char letter;
  };
  thread_local std::vector<Candidate> cands;  // (kept between calls: no allocation per word)
  cands.clear();
  cands.reserve(n + n + 25 * n + 26 * (n + 1));
  for (std::size_t i = 0; i < n; ++i) cands.push_back({rest(head[i], i + 1), kDelete, static_cast<unsigned char>(i), 0});
  for (std::size_t i = 0; i + 1 < n; ++i)
    if (w[i] != w[i + 1])
      cands.push_back({rest(wf::hash_step(wf::hash_step(head[i], static_cast<unsigned char>(w[i + 1])), static_cast<unsigned char>(w[i])), i + 2),
                       kSwap, static_cast<unsigned char>(i), 0});
  for (std::size_t i = 0; i < n; ++i)
    for (char c = 'a'; c <= 'z'; ++c)
      if (c != w[i]) cands.push_back({rest(wf::hash_step(head[i], static_cast<unsigned char>(c)), i + 1), kReplace, static_cast<unsigned char>(i), c});
  for (std::size_t i = 0; i <= n; ++i)
    for (char c = 'a'; c <= 'z'; ++c)
      cands.push_back({rest(wf::hash_step(head[i], static_cast<unsigned char>(c)), i), kInsert, static_cast<unsigned char>(i), c});
  for (const Candidate& c : cands) prefetch(c.hash);
  for (const Candidate& c : cands) {
    if (!maybe(c.hash)) continue;
    cand = w;
    switch (c.edit) {
      case kDelete: cand.erase(c.at, 1); break;
      case kSwap: std::swap(cand[c.at], cand[c.at + 1u]); break;
      case kReplace: cand[c.at] = c.letter; break;
      case kInsert: cand.insert(cand.begin() + c.at, c.letter); break;
    }
    consider(cand, c.hash);
  }
  out.insert(out.end(), technical.begin(), technical.end());
  return out;
}

namespace {

/// The optimal string alignment distance of `a` and `b` (Damerau-Levenshtein where no letter is
/// edited twice), or `bound` + 1 when it exceeds `bound`. Both at most 64 bytes.
int osa_within(std::string_view a, std::string_view b, int bound) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > static_cast<std::size_t>(bound)) return bound + 1;
  int rows[3][65];
  int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
  for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    int best = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, prev2[j - 2] + 1);
      cur[j] = d;
      best = std::min(best, d);
    }
    if (best > bound) return bound + 1;  // every alignment is already past the bound
    int* t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return std::min(prev[m], bound + 1);
}

std::uint32_t read32(const unsigned char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace

std::vector<std::string> Speller::within_two(std::string_view w) const {
  std::vector<std::string> out;
  if (w.empty() || w[0] < 'a' || w[0] > 'z' || w.size() > wf::kIndexMax + 2) return out;
  const std::uint32_t mask = wf::letter_mask(w);
  const std::size_t lo = std::max<std::size_t>(wf::kIndexMin, w.size() < 2 ? 0 : w.size() - 2);
  const std::size_t hi = std::min<std::size_t>(wf::kIndexMax, w.size() + 2);
  for (std::size_t len = lo; len <= hi; ++len) {
    const std::size_t b = static_cast<std::size_t>(w[0] - 'a') * wf::kIndexLengths + (len - wf::kIndexMin);
    if (!ensure(index_ + b * 4, 8)) continue;  // unreadable: nothing from this bucket
    const std::size_t begin = read32(index_ + b * 4), end = read32(index_ + b * 4 + 4), stride = 4 + len;
    if (begin > end || end > index_size_ || (end - begin) % stride != 0 || !ensure(index_ + begin, end - begin)) continue;
    for (std::size_t at = begin; at < end; at += stride) {
      // Each edit changes at most two letters' presence: more than four differing bits is three edits or more.
      if (std::popcount(read32(index_ + at) ^ mask) > 4) continue;
      const std::string_view cand(reinterpret_cast<const char*>(index_ + at + 4), len);
      if (osa_within(w, cand, 2) == 2) out.emplace_back(cand);
    }
  }
  return out;
}

std::vector<std::string> Speller::corrections(std::string_view lower_word) const {
  const unsigned char* e = nullptr;
  std::vector<std::string> out;
  if (!(flags(lower_word, &e) & wf::kMisspelling)) return out;
  const std::size_t at = static_cast<std::size_t>(e - blob_) + 2 + e[1];
  if (at + 2 > blob_size_ || !ensure(blob_ + at, 2)) return out;
  const std::size_t len = blob_[at] | (std::size_t{blob_[at + 1]} << 8);
  if (at + 2 + len > blob_size_ || !ensure(blob_ + at + 2, len)) return out;
  std::string_view list(reinterpret_cast<const char*>(blob_ + at + 2), len);
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    out.emplace_back(list.substr(0, comma));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace listlint
