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

/// A parsed document. The tree is freed before the parser that made it.
struct Tree {
  std::unique_ptr<cmark_parser, ParserDeleter> parser;
  std::unique_ptr<cmark_node, NodeDeleter> root;
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
