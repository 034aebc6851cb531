#pragma once
// Running independent pieces of work on several threads.

#include <cstddef>
#include <functional>

namespace listlint {

/// The number of threads to use when the user asked for `requested` (0: one per core).
unsigned job_count(unsigned requested, std::size_t work_items);

/// Calls `fn(i)` for every i in [0, n) on up to `jobs` threads (the calling thread is one of
/// them) and returns when all calls have returned. Items are taken in order, one at a time, so
/// large and small items balance. If calls throw, the first exception is rethrown here after
/// the other threads have stopped taking items. When no more threads can be started, the ones
/// that could (at least the calling thread) do the work.
void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& fn);

}  // namespace listlint
