#pragma once
// The value-vs-effort matrix's settings ("matrix": {"value_threshold", "effort_threshold"}):
// where the quadrants split. A threshold that is not a number is ignored (docs/format.md),
// and the median is used instead (scored.hpp, matrix_thresholds).
#include "gapscore/json.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

struct MatrixSettings {
  double value_threshold = kMissing;
  double effort_threshold = kMissing;
};

inline MatrixSettings read_matrix_settings(const Json& document) {
  MatrixSettings m;
  if (!document.is_object() || !document.contains("matrix") || !document["matrix"].is_object()) return m;
  const Json& j = document["matrix"];
  if (j.contains("value_threshold") && j["value_threshold"].is_number()) m.value_threshold = j["value_threshold"].get<double>();
  if (j.contains("effort_threshold") && j["effort_threshold"].is_number()) m.effort_threshold = j["effort_threshold"].get<double>();
  return m;
}

} // namespace gapscore
