#pragma once
// The models defined in scoring/, one file each, for the registry (models.cpp). The gap and
// stakeholder models live with their features (gaps/gap_model.hpp,
// stakeholders/stakeholder_model.hpp).
#include "gapscore/models.hpp"

namespace gapscore {
const ModelInfo& rice_model();         // rice.cpp
const ModelInfo& ice_model();          // ice.cpp
const ModelInfo& wsjf_model();         // wsjf.cpp
const ModelInfo& value_effort_model(); // value_effort.cpp
const ModelInfo& weighted_model();     // weighted.cpp
const ModelInfo& topsis_model();       // topsis.cpp
} // namespace gapscore
