#include "listlint/checking/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace listlint {

unsigned job_count(unsigned requested, std::size_t work_items) {
  unsigned n = requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
  if (work_items < n) n = static_cast<unsigned>(std::max<std::size_t>(1, work_items));
  return n;
}

void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& fn) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first;
  std::mutex first_mutex;
  auto work = [&] {
    for (std::size_t i; !failed.load(std::memory_order_relaxed) && (i = next.fetch_add(1)) < n;) {
      try {
        fn(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(first_mutex);
        if (!first) first = std::current_exception();
        failed = true;
      }
    }
  };
  const unsigned extra = jobs > 1 && n > 1 ? static_cast<unsigned>(std::min<std::size_t>(jobs, n)) - 1 : 0;
  std::vector<std::thread> threads;
  threads.reserve(extra);
  for (unsigned t = 0; t < extra; ++t) {
    try {
      threads.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: the ones started and this one do the work
    }
  }
  work();
  for (auto& t : threads) t.join();
  if (first) std::rethrow_exception(first);
}

}  // namespace listlint
