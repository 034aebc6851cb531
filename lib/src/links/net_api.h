#pragma once
// The link checker's module: the code that needs libcurl and SQLite (requests, the cache), built as
// listlint-net.so and loaded with dlopen only by the commands that check links. An offline run
// thus never loads libcurl and the TLS, Kerberos, LDAP and SSH libraries it pulls in (about 6 MB
// of every run's memory, and their start-up). The module exports one C function,
// listlint_net_api(), giving this table; the library's check_links() and LinkCache call through it
// once load_link_checker() has loaded the module (net.cpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "listlint/links/linkcache.h"
#include "listlint/links/linkcheck.h"

namespace listlint::net {

/// Changes whenever the table or a type crossing it changes; the module and the program must agree.
inline constexpr int kApiVersion = 2;

struct Api {
  int version;
  std::size_t options_size, result_size;  ///< sizeof(LinkCheckOptions), sizeof(LinkResult): a cheap guard
  std::vector<LinkResult> (*check_links)(const std::vector<std::string>&, const LinkCheckOptions&, const LinkProgress&);
  void* (*cache_open)(const std::string& path, std::string* error);
  void (*cache_close)(void* handle);
  std::optional<LinkResult> (*cache_fresh_alive)(void* handle, const std::string& url, double max_age, std::int64_t now);
  bool (*cache_record)(void* handle, const std::vector<LinkResult>& results, std::int64_t now, std::string* error);
  LinkHistory (*cache_history)(void* handle, const std::string& url);
};

// The implementations, in the module.
std::vector<LinkResult> check_links(const std::vector<std::string>& urls, const LinkCheckOptions& options,
                                    const LinkProgress& progress);
void* cache_open(const std::string& path, std::string* error);
void cache_close(void* handle);
std::optional<LinkResult> cache_fresh_alive(void* handle, const std::string& url, double max_age, std::int64_t now);
bool cache_record(void* handle, const std::vector<LinkResult>& results, std::int64_t now, std::string* error);
LinkHistory cache_history(void* handle, const std::string& url);

/// The loaded module's table, or null before load_link_checker() succeeded.
const Api* api();

}  // namespace listlint::net

/// The module's one export.
extern "C" const listlint::net::Api* listlint_net_api();
