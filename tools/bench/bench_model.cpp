// Times, in one process, cmark-gfm alone (parse + walk the tree: the floor) against listlint's
// whole modelling (document, parse, model) over the same files, and prints the ratio.
// Usage: listlint-bench-model [--rounds N] FILE...

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

extern "C" {
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
}

#include "listlint/model/document.h"
#include "listlint/model/model.h"

namespace {
using Clock = std::chrono::steady_clock;

std::size_t cmark_floor(const std::string& text) {
  cmark_parser* p = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : {"table", "strikethrough", "tasklist"})
    if (auto* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(p, ext);
  cmark_parser_feed(p, text.data(), text.size());
  cmark_node* doc = cmark_parser_finish(p);
  std::size_t nodes = 0;
  cmark_iter* it = cmark_iter_new(doc);
  while (cmark_iter_next(it) != CMARK_EVENT_DONE) ++nodes;
  cmark_iter_free(it);
  cmark_node_free(doc);
  cmark_parser_free(p);
  return nodes;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}
}  // namespace

int main(int argc, char** argv) {
  int rounds = 15;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) rounds = std::max(1, std::atoi(argv[++i]));
    else files.emplace_back(argv[i]);
  }
  std::vector<std::pair<std::string, std::string>> inputs;
  std::size_t bytes = 0;
  for (const auto& f : files) {
    auto r = listlint::load_document(f);
    if (r.error) { std::fprintf(stderr, "%s: %s\n", f.c_str(), r.error->reason.c_str()); return 2; }
    inputs.emplace_back(f, std::string(r.document->bytes()));
    bytes += inputs.back().second.size();
  }
  cmark_gfm_core_extensions_ensure_registered();
  std::vector<double> floor_s, model_s;
  std::size_t sink = 0;
  for (int r = 0; r < rounds + 1; ++r) {
    // Alternate the order so that neither side always runs on a warm cache.
    for (int side = 0; side < 2; ++side) {
      const bool floor_first = (r % 2 == 0);
      const bool do_floor = (side == 0) == floor_first;
      const auto t0 = Clock::now();
      for (const auto& [path, text] : inputs) {
        if (do_floor) {
          sink += cmark_floor(text);
        } else {
          listlint::Document doc(path, text);
          sink += listlint::build_model(doc).links.size();
        }
      }
      const double s = std::chrono::duration<double>(Clock::now() - t0).count();
      if (r == 0) continue;  // warm-up round
      (do_floor ? floor_s : model_s).push_back(s);
    }
  }
  const double f = median(floor_s), m = median(model_s);
  std::printf("files %zu, %.2f MB, %d rounds (medians)\n", inputs.size(), static_cast<double>(bytes) / 1e6, rounds);
  std::printf("cmark-gfm parse+walk (floor): %8.2f ms\n", f * 1e3);
  std::printf("listlint model             : %8.2f ms\n", m * 1e3);
  std::printf("ratio model/floor          : %8.2f\n", m / f);
  return sink == 0 ? 1 : 0;
}
