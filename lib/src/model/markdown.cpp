#include "model/markdown.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <cstdint>
#include <vector>

extern "C" {
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
// Exported by libcmark-gfm-extensions but declared in no installed header (Debian omits table.h).
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;
}

namespace listlint::md {

// Each block cmark-gfm asks for is preceded by a header: its size, and whether it came from the
// heap (asked for outside an ArenaScope) rather than from an arena. Blocks are 16-byte aligned,
// as malloc's are.
struct Arena {
  static constexpr std::size_t kHeader = 16;
  static constexpr std::size_t kFirstChunk = 64u << 10, kLargestChunk = 4u << 20;
  struct Header {
    std::size_t size;
    std::size_t heap;
  };
  std::vector<char*> chunks;
  char* cur = nullptr;
  char* end = nullptr;
  char* last = nullptr;  // the last block given (for a buffer growing in place)
  std::size_t next_chunk = kFirstChunk;

  ~Arena() {
    for (char* c : chunks) std::free(c);
  }
  static Header* header(void* p) { return reinterpret_cast<Header*>(static_cast<char*>(p) - kHeader); }
  static std::size_t rounded(std::size_t n) { return (n + 15) & ~std::size_t{15}; }
  void* take(std::size_t size) {
    const std::size_t need = kHeader + rounded(size);
    if (static_cast<std::size_t>(end - cur) < need) grow(need);
    char* block = cur + kHeader;
    cur += need;
    *header(block) = {size, 0};
    last = block;
    return block;
  }
  [[gnu::noinline]] void grow(std::size_t need) {
    const std::size_t chunk = std::max(need, next_chunk);
    next_chunk = std::min(next_chunk * 2, kLargestChunk);
    char* c = static_cast<char*>(std::malloc(chunk));
    if (c == nullptr) std::abort();
    chunks.push_back(c);
    cur = c;
    end = c + chunk;
  }
};

void ArenaDeleter::operator()(Arena* a) const { delete a; }

namespace {

constexpr std::size_t kArenaText = 256u << 10;
thread_local Arena* t_arena = nullptr;
std::atomic<long> heap_blocks{0};  // blocks of heap_block() not yet freed, on any thread

void* heap_block(std::size_t size, bool zero) {
  void* raw = zero ? std::calloc(1, Arena::kHeader + size) : std::malloc(Arena::kHeader + size);
  if (raw == nullptr) std::abort();
  void* block = static_cast<char*>(raw) + Arena::kHeader;
  *Arena::header(block) = {size, 1};
  heap_blocks.fetch_add(1, std::memory_order_relaxed);
  return block;
}

// (Out of memory, they abort, as cmark-gfm's own allocator does: no exception can cross its C
// frames and leave its shared tables sound.)
void* arena_calloc(std::size_t n, std::size_t size) {
  std::size_t bytes;
  if (__builtin_mul_overflow(n, size, &bytes) || bytes > SIZE_MAX / 2) std::abort();
  if (Arena* a = t_arena) return std::memset(a->take(bytes), 0, bytes);
  return heap_block(bytes, true);
}

void* arena_realloc(void* old, std::size_t size) {
  if (size > SIZE_MAX / 2) std::abort();
  Arena* a = t_arena;
  if (old == nullptr) return a ? a->take(size) : heap_block(size, false);
  Arena::Header* h = Arena::header(old);
  if (h->heap) {
    void* raw = std::realloc(h, Arena::kHeader + size);
    if (raw == nullptr) std::abort();
    void* block = static_cast<char*>(raw) + Arena::kHeader;
    Arena::header(block)->size = size;
    return block;
  }
  // The last block of this thread's arena grows in place when its chunk has room.
  if (a && old == a->last && static_cast<std::size_t>(a->end - static_cast<char*>(old)) >= Arena::rounded(size)) {
    a->cur = static_cast<char*>(old) + Arena::rounded(size);
    h->size = size;
    return old;
  }
  void* block = a ? a->take(size) : heap_block(size, false);
  std::memcpy(block, old, std::min(h->size, size));
  return block;
}

void arena_free(void* p) {
  if (p != nullptr && Arena::header(p)->heap) {
    std::free(Arena::header(p));
    heap_blocks.fetch_sub(1, std::memory_order_relaxed);
  }
}

cmark_mem kArenaMem = {arena_calloc, arena_realloc, arena_free};

}  // namespace

Tree& Tree::operator=(Tree&& other) noexcept {
  Tree old(std::move(*this));  // (freed in order, below, when it goes)
  arena = std::move(other.arena);
  parser = std::move(other.parser);
  root = std::move(other.root);
  return *this;
}

Tree::~Tree() {
  if (arena && heap_blocks.load(std::memory_order_relaxed) == 0) {
    (void)root.release();
    (void)parser.release();
  }
  root.reset();
  parser.reset();
}

ArenaScope::ArenaScope(const Tree& tree) : previous_(t_arena) { t_arena = tree.arena.get(); }
ArenaScope::~ArenaScope() { t_arena = previous_; }

Tree parse(std::string_view text) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  Tree t;
  // An arena holds what a parse frees until the tree goes (a buffer grown is copied, not given
  // back): some thirty times the text, which is a few megabytes for a piece of a list (64 KB or
  // so). A larger text, one table or one list that cannot be cut, is parsed on the heap, freed as
  // it goes.
  if (text.size() <= kArenaText) t.arena.reset(new Arena);
  ArenaScope scope(t);
  // The extensions and options GitHub renders a README with (tagfilter changes only the HTML):
  // its links are the links of the list, footnotes are not link reference definitions.
  constexpr int options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES;
  t.parser.reset(t.arena ? cmark_parser_new_with_mem(options, &kArenaMem) : cmark_parser_new(options));
  for (const char* name : {"table", "strikethrough", "tasklist", "autolink"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(t.parser.get(), ext);
  }
  // cmark-gfm is not reentrant: cmark_parser_finish adds the extensions' special characters to
  // a table shared by all parsers and takes them out when done (blocks.c, process_inlines), so
  // one parse at a time; the trees themselves are independent.
  static std::mutex parsing;
  std::lock_guard<std::mutex> lock(parsing);
  cmark_parser_feed(t.parser.get(), text.data(), text.size());
  t.root.reset(cmark_parser_finish(t.parser.get()));
  return t;
}

cmark_node_type table_type() { return CMARK_NODE_TABLE; }
cmark_node_type table_row_type() { return CMARK_NODE_TABLE_ROW; }
cmark_node_type table_cell_type() { return CMARK_NODE_TABLE_CELL; }
cmark_node_type strikethrough_type() { return CMARK_NODE_STRIKETHROUGH; }

}  // namespace listlint::md
