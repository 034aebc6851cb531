// A benchmark server for the link checker: one HTTP server per loopback address 127.0.0.2 ...,
// each answering 200 after a fixed latency. Prints "http://127.0.0.N:PORT" per host on standard
// output, then serves until standard input closes; then prints, per host, the requests it got and
// the most it handled at once.
//   listlint-bench-server HOSTS LATENCY_MS

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "http_server.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: listlint-bench-server HOSTS LATENCY_MS\n");
    return 2;
  }
  const int hosts = std::stoi(argv[1]), latency = std::stoi(argv[2]);
  std::vector<std::unique_ptr<test::HttpServer>> servers;
  for (int i = 0; i < hosts; ++i) {
    servers.push_back(std::make_unique<test::HttpServer>(
        [latency](const test::HttpRequest&, int) {
          test::HttpAction a;
          a.delay_ms = latency;
          a.body = "ok";
          return a;
        },
        "127.0.0." + std::to_string(i + 2)));
    std::printf("%s\n", servers.back()->base().c_str());
  }
  std::fflush(stdout);
  std::string line;
  while (std::getline(std::cin, line)) {
  }
  for (const auto& s : servers) std::fprintf(stderr, "%s requests=%d peak=%d\n", s->base().c_str(), s->requests(), s->peak_concurrency());
  return 0;
}
