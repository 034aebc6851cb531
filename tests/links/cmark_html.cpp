// The oracle for which links a list holds: cmark-gfm renders each file as GitHub does before it
// sanitises the HTML (the extensions GitHub attaches: autolink, table, strikethrough, tagfilter,
// tasklist; footnotes; raw HTML kept). tests/links/differential.py compares the URLs of this HTML
// with the links of `listlint model`.
//   listlint-cmark-html FILE   (the HTML on standard output)

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

extern "C" {
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
}

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: listlint-cmark-html FILE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "listlint-cmark-html: %s: cannot read it\n", argv[1]);
    return 2;
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  cmark_gfm_core_extensions_ensure_registered();
  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE;
  cmark_parser* p = cmark_parser_new(options);
  for (const char* name : {"autolink", "table", "strikethrough", "tagfilter", "tasklist"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(p, ext);
  cmark_parser_feed(p, text.data(), text.size());
  cmark_node* doc = cmark_parser_finish(p);
  char* html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(p));
  std::fputs(html, stdout);
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(p);
  return 0;
}
