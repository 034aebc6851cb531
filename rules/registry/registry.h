#pragma once
// Every rule listlint ships, in the order of rules/all.def.

#include <memory>
#include <string_view>
#include <vector>

#include "listlint/checking/rule.h"

namespace listlint::rules {

/// All rules (built once; valid for the life of the program).
const std::vector<const Rule*>& all();
/// The rule with this id, or nullptr.
const Rule* find(std::string_view id);

}  // namespace listlint::rules
