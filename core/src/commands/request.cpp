#include "commands/request.hpp"

#include <cmath>

#include "document/scenario_reader.hpp"
#include "stakeholders/weight_set.hpp"

namespace gapscore {

void Request::usage(std::string_view option, std::string_view code, std::string message) {
  usage_error = true;
  diag.error("options/" + std::string(option), code, std::move(message));
}

std::optional<std::string> Request::text(std::string_view name) {
  const std::string key(name);
  if (!options.contains(key)) return std::nullopt;
  const Json& v = options[key];
  if (!v.is_string()) {
    usage(name, code::invalid_option, "must be text (got " + describe(v) + ")");
    return std::nullopt;
  }
  return v.get<std::string>();
}

std::optional<long long> Request::integer(std::string_view name, long long min, long long max) {
  const std::string key(name);
  if (!options.contains(key)) return std::nullopt;
  const Json& v = options[key];
  // Accept 10 and 10.0, not 10.5: scripts often pass numbers through floating point.
  const double x = v.is_number() ? v.get<double>() : 0.5;
  if (!v.is_number() || std::floor(x) != x) {
    usage(name, code::invalid_option, "must be a whole number (got " + describe(v) + ")");
    return std::nullopt;
  }
  if (x < static_cast<double>(min) || x > static_cast<double>(max)) {
    usage(name, code::invalid_option, "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                    " (got " + describe(v) + ")");
    return std::nullopt;
  }
  return static_cast<long long>(x);
}

std::optional<double> Request::number(std::string_view name, double min, double max) {
  const std::string key(name);
  if (!options.contains(key)) return std::nullopt;
  const Json& v = options[key];
  if (!v.is_number() || !(v.get<double>() >= min && v.get<double>() <= max)) {
    usage(name, code::invalid_option, "must be a number between " + number_text(min) + " and " + number_text(max) +
                    " (got " + describe(v) + ")");
    return std::nullopt;
  }
  return v.get<double>();
}

std::optional<Scenario> Request::load() {
  // The scenario keeps the caller's text as its document instead of a copy: the text
  // outlives the command (prepare_command), and a copy is one more document's worth of memory.
  auto s = read_scenario(document, diag, SourceDocument::view_of(document));
  // {"weights": stakeholder id}: a named weight set (weight_set.hpp).
  if (s && !apply_requested_weight_set(*this, *s)) return std::nullopt;
  return s;
}

const ModelInfo* Request::model(const Scenario& s) {
  std::string id = s.model;
  if (auto m = text("model")) id = *m;
  else if (has("model")) return nullptr;
  const ModelInfo* info = find_model(id);
  if (!info) {
    usage("model", code::unknown_model, "unknown model " + describe(Json(id)) + " (choose " + model_list() + ")");
    return nullptr;
  }
  check_model_inputs(s, *info, diag);
  return diag.ok() ? info : nullptr;
}

std::size_t Request::top(const Scenario& s) {
  if (auto n = integer("top", 1, 1 << 30)) return static_cast<std::size_t>(*n);
  return s.top ? static_cast<std::size_t>(*s.top) : 0;
}

} // namespace gapscore
