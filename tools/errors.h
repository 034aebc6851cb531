#pragma once
// Printing errors the way every listlint error is printed: "listlint: " before each line (a
// configuration file's errors come one per line, each naming the file).
#include <cstdio>
#include <string>

namespace listlint::cli {

inline void print_errors(const std::string& lines) {
  std::size_t start = 0;
  while (start <= lines.size()) {
    std::size_t end = lines.find('\n', start);
    if (end == std::string::npos) end = lines.size();
    std::fprintf(stderr, "listlint: %.*s\n", static_cast<int>(end - start), lines.data() + start);
    start = end + 1;
  }
}

}  // namespace listlint::cli
