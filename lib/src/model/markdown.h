#pragma once
// RAII ownership of a cmark-gfm parse (parser + tree), with the GFM extensions listlint uses.

#include <memory>
#include <string_view>

extern "C" {
#include <cmark-gfm.h>
}

namespace listlint::md {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

/// The memory of one parse: cmark-gfm's nodes, buffers and parser, taken from a few large blocks
/// and given back together with the tree, not one by one (malloc and free were a tenth of the
/// parse). Defined in markdown.cpp.
struct Arena;
struct ArenaDeleter {
  void operator()(Arena* a) const;
};

/// A parsed document. The tree is freed before the parser that made it, and both before their
/// arena. With an arena (a text of 256 KB or less, as a piece of a list is), when nothing of theirs
/// can be on the heap (no block cmark-gfm asked for outside an ArenaScope is still held), the
/// arena alone is given back, with no walk of the tree to free it.
struct Tree {
  std::unique_ptr<Arena, ArenaDeleter> arena;
  std::unique_ptr<cmark_parser, ParserDeleter> parser;
  std::unique_ptr<cmark_node, NodeDeleter> root;

  Tree() = default;
  Tree(Tree&&) noexcept = default;
  Tree& operator=(Tree&& other) noexcept;
  ~Tree();
};

/// While it lives, what cmark-gfm allocates on this thread for the nodes of `tree` (an iterator,
/// a literal's copy) comes from the tree's arena. Outside such a scope, it comes from the heap,
/// as usual, and is freed as usual. (Only the tree's own nodes may be worked on in its scope: a
/// buffer of another tree grown there would live in this tree's arena.) A tree parsed without an
/// arena (a text over 256 KB) makes the scope one of no arena.
class ArenaScope {
 public:
  explicit ArenaScope(const Tree& tree);
  ~ArenaScope();
  ArenaScope(const ArenaScope&) = delete;
  ArenaScope& operator=(const ArenaScope&) = delete;

 private:
  Arena* previous_;
};

/// Parses with the table, strikethrough and tasklist extensions. The autolink extension is not
/// attached: its positions are wrong (bare URLs are found by listlint's own scanner).
Tree parse(std::string_view text);

/// Node type ids of the table extension (valid after parse() has run once).
cmark_node_type table_type();
cmark_node_type table_row_type();
cmark_node_type table_cell_type();
cmark_node_type strikethrough_type();

}  // namespace listlint::md
