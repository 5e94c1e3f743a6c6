#pragma once
// The "stakeholder" scoring model (stakeholder_model.cpp): each item's score is its
// stakeholders' ratings combined by the document's "stakeholder_aggregation" (mean, median
// or influence-weighted; stakeholders.hpp). Listed in the registry (scoring/models.cpp).
#include "gapscore/models.hpp"

namespace gapscore {
const ModelInfo& stakeholder_model();
} // namespace gapscore
