#pragma once
// The "gap" scoring model (gap_model.cpp): value = the opportunity-weighted unrealized value
// an item closes; score = value / effort. Listed in the registry (scoring/models.cpp); the
// gap features (portfolio, agreement's customer reference, plan's gap closure) use it by name
// here rather than by its id.
#include "gapscore/models.hpp"

namespace gapscore {
const ModelInfo& gap_model();
} // namespace gapscore
