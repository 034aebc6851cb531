#pragma once
// Where a check's time goes (listlint check --timing): seconds per stage, the model's passes
// ("model: parse", "model: walk", ...) and each rule ("rule: typo"), added up over every file and
// every thread (so on several threads the total is CPU time, not wall time). Safe to add to from
// several threads at once.

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace listlint {

class Profile {
 public:
  /// Adds `seconds` to `stage`.
  void add(std::string_view stage, double seconds);
  /// Every stage and its seconds, the most expensive first.
  std::vector<std::pair<std::string, double>> totals() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, double, std::less<>> seconds_;
};

/// Seconds since a point, for adding to a Profile; costs nothing when the profile is null.
class Stopwatch {
 public:
  explicit Stopwatch(Profile* p) : on_(p != nullptr) {
    if (on_) start_ = std::chrono::steady_clock::now();
  }
  /// Seconds since construction or the last lap (0 when the profile is null).
  double lap() {
    if (!on_) return 0;
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - start_).count();
    start_ = now;
    return s;
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point start_{};
};

}  // namespace listlint
