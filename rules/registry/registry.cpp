#include "registry.h"

namespace listlint::rules {

#define LISTLINT_RULE(factory) std::unique_ptr<Rule> factory();
#include "../all.def"
#undef LISTLINT_RULE

const std::vector<const Rule*>& all() {
  static const std::vector<std::unique_ptr<Rule>> owned = [] {
    std::vector<std::unique_ptr<Rule>> v;
#define LISTLINT_RULE(factory) v.push_back(factory());
#include "../all.def"
#undef LISTLINT_RULE
    return v;
  }();
  static const std::vector<const Rule*> view = [] {
    std::vector<const Rule*> v;
    for (const auto& r : owned) v.push_back(r.get());
    return v;
  }();
  return view;
}

const Rule* find(std::string_view id) {
  for (const Rule* r : all())
    if (r->info().id == id) return r;
  return nullptr;
}

}  // namespace listlint::rules
