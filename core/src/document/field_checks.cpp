#include "document/field_checks.hpp"

#include "document/section_reader.hpp"

namespace gapscore {

using detail::kind_of; // "text", "a list", ... (section_reader.hpp)

UncertainInput input_at(UncertainInput::Target target, std::size_t column, std::size_t item) {
  UncertainInput in;
  in.target = target;
  in.column = static_cast<std::uint32_t>(column);
  in.item = static_cast<std::uint32_t>(item);
  return in;
}

std::string FieldChecks::text(const Json& v, const LazyPath& path, std::size_t limit) {
  if (!v.is_string()) {
    diag_.error(path, code::wrong_type, std::string("must be text (got ") + kind_of(v) + ")");
    return {};
  }
  const auto& s = v.get_ref<const std::string&>();
  if (s.size() > limit) {
    diag_.error(path, code::too_large, "is " + std::to_string(s.size()) + " bytes long; the limit is " +
                          std::to_string(limit));
    return {};
  }
  return s;
}

std::string FieldChecks::text(std::string&& s, const LazyPath& path, std::size_t limit) {
  if (s.size() > limit) {
    diag_.error(path, code::too_large, "is " + std::to_string(s.size()) + " bytes long; the limit is " +
                          std::to_string(limit));
    return {};
  }
  return std::move(s);
}

double FieldChecks::number(double x, const LazyPath& path, const NumberRule& rule) {
  if (obeys(x, rule)) return x + 0.0; // -0.0 reads as 0: no "-0" in any score or explanation
  const std::string why = check_number(x, rule);
  if (!why.empty()) {
    diag_.error(path, code::out_of_range, why);
    return kMissing;
  }
  return x + 0.0; // -0.0 reads as 0: no "-0" in any score or explanation
}

double FieldChecks::number(const Json& v, const LazyPath& path, const NumberRule& rule,
                           std::vector<UncertainInput>* ranges, UncertainInput where) {
  if (v.is_number()) return number(v.get<double>(), path, rule);
  if (v.is_object() && ranges) return range(v, path, rule, *ranges, where);
  diag_.error(path, code::wrong_type, std::string("must be a number") + (ranges ? " or a range {\"low\", \"likely\", \"high\"}" : "") +
                        " (got " + describe(v) + ")");
  return kMissing;
}

double FieldChecks::range(const Json& v, const LazyPath& path, const NumberRule& rule,
                          std::vector<UncertainInput>& ranges, UncertainInput where) {
  double parts[3] = {kMissing, kMissing, kMissing};
  const char* names[3] = {"low", "likely", "high"};
  bool ok = true;
  for (int k = 0; k < 3; ++k) {
    if (!v.contains(names[k])) {
      diag_.error(LazyPath(path, names[k]), code::missing, "missing: a range needs low, likely and high");
      ok = false;
      continue;
    }
    parts[k] = number(v[names[k]], LazyPath(path, names[k]), rule, nullptr, where);
    if (is_missing(parts[k])) ok = false;
  }
  for (const auto& [key, value] : v.items()) {
    (void)value;
    if (key != "low" && key != "likely" && key != "high")
      diag_.warning(LazyPath(path, key), code::unknown_field, "unknown field in a range, ignored");
  }
  if (!ok) return kMissing;
  if (!(parts[0] <= parts[1] && parts[1] <= parts[2])) {
    diag_.error(path, code::invalid_value, "low <= likely <= high is required (got " + number_text(parts[0]) + ", " +
                          number_text(parts[1]) + ", " + number_text(parts[2]) + ")");
    return kMissing;
  }
  // The triangular draw multiplies the width by itself (random.hpp): a wider range would
  // overflow there and every draw would silently become the low end.
  if (!(parts[2] - parts[0] < limits::range_width)) {
    diag_.error(path, code::overflow, "is too wide to draw from: high - low must stay below 1e154 (got " + number_text(parts[0]) +
                          " to " + number_text(parts[2]) + ")");
    return kMissing;
  }
  where.low = parts[0];
  where.likely = parts[1];
  where.high = parts[2];
  where.path = path.str();
  ranges.push_back(where);
  return parts[1];
}

void FieldChecks::unknown_field(const std::string& path, std::string_view key, bool item_field) {
  if (!diag_.lists_warnings()) return diag_.warning(path, code::unknown_field, std::string());
  std::string near = known_field_near(key, item_field);
  std::string text = unknown_field_text(near);
  diag_.warning(path, code::unknown_field, std::move(text), std::move(near));
}

} // namespace gapscore
