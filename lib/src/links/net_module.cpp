// The link checker's module (listlint-net.so): its one export, the table of its functions.
#include "links/net_api.h"

extern "C" __attribute__((visibility("default"))) const listlint::net::Api* listlint_net_api() {
  using namespace listlint;
  static const net::Api kApi{net::kApiVersion, sizeof(LinkCheckOptions), sizeof(LinkResult), net::check_links,
                             net::cache_open, net::cache_close, net::cache_fresh_alive, net::cache_record,
                             net::cache_history};
  return &kApi;
}
