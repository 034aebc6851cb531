#include "model/markdown.h"

#include <mutex>

extern "C" {
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
// Exported by libcmark-gfm-extensions but declared in no installed header (Debian omits table.h).
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;
}

namespace listlint::md {

Tree parse(std::string_view text) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  Tree t;
  // The extensions and options GitHub renders a README with (tagfilter changes only the HTML):
  // its links are the links of the list, footnotes are not link reference definitions.
  t.parser.reset(cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES));
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
