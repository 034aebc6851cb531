#include "listlint/checking/profile.h"

#include <algorithm>

namespace listlint {

void Profile::add(std::string_view stage, double seconds) {
  const std::lock_guard<std::mutex> lock(mu_);
  auto it = seconds_.find(stage);
  if (it == seconds_.end()) it = seconds_.emplace(std::string(stage), 0.0).first;
  it->second += seconds;
}

std::vector<std::pair<std::string, double>> Profile::totals() const {
  std::vector<std::pair<std::string, double>> out;
  {
    const std::lock_guard<std::mutex> lock(mu_);
    out.assign(seconds_.begin(), seconds_.end());
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

}  // namespace listlint
