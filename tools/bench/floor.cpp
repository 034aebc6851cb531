// The floor for listlint's speed: cmark-gfm alone (with the extensions and options listlint and
// GitHub use: autolink, table, strikethrough, tasklist; footnotes) reading,
// parsing and walking each file's tree, nothing else. The benchmark (tools/bench/peers.sh) runs
// it as a process, like the linters it is compared with.
//   listlint-floor FILE...

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

extern "C" {
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
}

int main(int argc, char** argv) {
  cmark_gfm_core_extensions_ensure_registered();
  std::size_t nodes = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "listlint-floor: %s: cannot read it\n", argv[i]);
      return 2;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    cmark_parser* p = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES);
    for (const char* name : {"table", "strikethrough", "tasklist", "autolink"})
      if (auto* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(p, ext);
    cmark_parser_feed(p, text.data(), text.size());
    cmark_node* doc = cmark_parser_finish(p);
    cmark_iter* it = cmark_iter_new(doc);
    while (cmark_iter_next(it) != CMARK_EVENT_DONE) ++nodes;
    cmark_iter_free(it);
    cmark_node_free(doc);
    cmark_parser_free(p);
  }
  std::printf("%zu nodes\n", nodes);
  return 0;
}
