#pragma once
// Shared by the fuzz targets: a check that aborts with a message (libFuzzer then keeps the
// input as a crash), and the rules and dictionaries of a real run, loaded once.

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "listlint/checking/config.h"
#include "listlint/checking/resources.h"
#include "listlint/spelling/spelling.h"
#include "registry.h"

#define FUZZ_CHECK(cond, ...)                                                    \
  do {                                                                           \
    if (!(cond)) {                                                               \
      std::fprintf(stderr, "fuzz check failed at %s:%d: %s: ", __FILE__, __LINE__, #cond); \
      std::fprintf(stderr, __VA_ARGS__);                                         \
      std::fputc('\n', stderr);                                                  \
      std::abort();                                                              \
    }                                                                            \
  } while (0)

namespace fuzz {

/// The offline rules (dead-url and redirected-url do nothing without link verdicts) with their
/// defaults, and the typo rule's word table from the build.
struct Setup {
  std::unique_ptr<listlint::Speller> speller;
  listlint::Resources resources;
  listlint::Config config;
  Setup() {
    std::string err;
    speller = listlint::Speller::load(LISTLINT_WORDS_FILE, &err);
    if (!speller) {
      std::fprintf(stderr, "fuzz: cannot load the word table %s: %s\n", LISTLINT_WORDS_FILE, err.c_str());
      std::abort();
    }
    resources.speller = speller.get();
    config = listlint::default_config(listlint::rules::all());
  }
};

inline const Setup& setup() {
  static const Setup s;
  return s;
}

}  // namespace fuzz
