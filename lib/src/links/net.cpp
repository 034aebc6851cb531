// Loading the link checker's module (net_api.h), and check_links() through it.
#include <dlfcn.h>

#include <atomic>
#include <mutex>
#include <stdexcept>

#include "listlint/links/linkcheck.h"
#include "links/net_api.h"

namespace listlint {

namespace {
std::mutex load_mutex;
std::atomic<const net::Api*> loaded{nullptr};
}  // namespace

const net::Api* net::api() { return loaded.load(std::memory_order_acquire); }

bool load_link_checker(const std::string& module_path, std::string* error) {
  const std::lock_guard<std::mutex> lock(load_mutex);
  if (loaded.load(std::memory_order_relaxed)) return true;
  auto fail = [&](const std::string& why) {
    if (error) *error = module_path + ": cannot load the link checker: " + why;
    return false;
  };
  // Never closed: the module stays for the rest of the run.
  void* handle = ::dlopen(module_path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* e = ::dlerror();
    std::string why = e ? e : "unknown error";
    if (why.rfind(module_path + ": ", 0) == 0) why.erase(0, module_path.size() + 2);  // the path, said once
    // The module links the system's libcurl (the portable release carries everything else).
    if (why.find("libcurl") != std::string::npos) {
      if (why.find("cannot open shared object file") != std::string::npos)
        why = "libcurl is not installed (install libcurl4, e.g. apt-get install libcurl4): " + why;
      else  // e.g. a libcurl.so.4 without the OpenSSL flavour's symbol versions (CURL_OPENSSL_4)
        why = "the system's libcurl does not fit this build (a Debian or Ubuntu libcurl4 does): " + why;
    }
    return fail(why);
  }
  using Entry = const net::Api* (*)();
  const auto entry = reinterpret_cast<Entry>(::dlsym(handle, "listlint_net_api"));
  if (!entry) return fail("not a listlint link checker module (no listlint_net_api)");
  const net::Api* api = entry();
  if (!api || api->version != net::kApiVersion || api->options_size != sizeof(LinkCheckOptions) ||
      api->result_size != sizeof(LinkResult))
    return fail("built for another version of listlint");
  loaded.store(api, std::memory_order_release);
  return true;
}

std::vector<LinkResult> check_links(const std::vector<std::string>& urls, const LinkCheckOptions& options,
                                    const LinkProgress& progress) {
  const net::Api* api = net::api();
  if (!api) throw std::logic_error("check_links: the link checker is not loaded (call load_link_checker first)");
  return api->check_links(urls, options, progress);
}

}  // namespace listlint
