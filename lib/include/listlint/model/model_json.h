#pragma once
// The model as JSON (the schema is documented in docs/model.md).

#include <nlohmann/json.hpp>

#include "listlint/model/model.h"

namespace listlint {

/// The whole model as one JSON object.
nlohmann::json model_to_json(const ListModel& model);

}  // namespace listlint
