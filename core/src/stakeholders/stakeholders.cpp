// Reading the "stakeholders" section: ids, influence, ratings of items and weights of
// criteria, each problem reported at its JSON Pointer.
#include "stakeholders/stakeholders.hpp"

#include <map>

#include "document/limits.hpp"
#include "document/section_reader.hpp"

namespace gapscore {
namespace {

constexpr const char* kShape =
    "{\"id\", \"name\", \"role\", \"influence\", \"ratings\": {item id: number}, \"weights\": {criterion id: number}}";

void read_ratings(const Json& j, const std::string& path, const Scenario& s, Stakeholder& st, Diagnostics& d) {
  if (!j.is_object()) {
    d.error(path, code::wrong_type, "must be an object {item id: rating} (got " + describe(j) + ")");
    return;
  }
  if (j.size() > limits::items) {
    d.error(path, code::too_large, "has " + std::to_string(j.size()) + " ratings; the limit is " + std::to_string(limits::items));
    return;
  }
  for (const auto& [id, value] : j.items()) {
    const std::string at = pointer(path, id);
    const std::size_t i = s.item_index(id);
    if (i == Scenario::npos) {
      d.error(at, code::unknown_reference, "no item with id " + describe(Json(id)));
      continue;
    }
    const double r = detail::read_number(value, at, NumberRule{}, d);
    if (is_missing(r)) continue;
    st.ratings[i] = r;
    ++st.rated;
  }
}

void read_weights(const Json& j, const std::string& path, const Scenario& s, Stakeholder& st, Diagnostics& d) {
  if (!j.is_object()) {
    d.error(path, code::wrong_type, "must be an object {criterion id: weight} (got " + describe(j) + ")");
    return;
  }
  bool positive = false, complete = true;
  for (const auto& [id, value] : j.items()) {
    const std::string at = pointer(path, id);
    const std::size_t c = s.criterion_index(id);
    if (c == Scenario::npos) {
      d.error(at, code::unknown_reference, "no criterion with id " + describe(Json(id)) +
                      (s.criteria.empty() ? " (the document has no criteria)" : ""));
      complete = false;
      continue;
    }
    const double w = detail::read_number(value, at, NumberRule{0, true}, d);
    if (is_missing(w)) {
      complete = false;
      continue;
    }
    st.weights[c] = w;
    positive = positive || w > 0;
    st.has_weights = true;
  }
  if (st.has_weights && complete && !positive)
    d.error(path, code::out_of_range, "every weight is 0: give at least one criterion a weight above 0");
}

Stakeholder read_one(const Json& j, std::size_t k, const Scenario& s, std::map<std::string, std::size_t>& seen,
                     Diagnostics& d) {
  const std::string path = pointer("/stakeholders", k);
  Stakeholder st;
  st.ratings.assign(s.size(), kMissing);
  st.weights.assign(s.criteria.size(), kMissing);
  if (!detail::expect_object(j, path, kShape, d)) return st;
  detail::warn_unknown(j, path, {"id", "name", "role", "influence", "ratings", "weights", "description", "notes"}, d);
  st.id = detail::read_id(j, path, "/stakeholders", k, seen, d, "stakeholder");
  st.name = detail::read_text(j, "name", path, st.id, d);
  st.role = detail::read_text(j, "role", path, "", d);
  if (j.contains("influence")) {
    const double x = detail::read_number(j["influence"], pointer(path, "influence"), NumberRule{0, true}, d);
    if (!is_missing(x)) st.influence = x;
  }
  if (j.contains("ratings")) read_ratings(j["ratings"], pointer(path, "ratings"), s, st, d);
  if (j.contains("weights")) read_weights(j["weights"], pointer(path, "weights"), s, st, d);
  return st;
}

} // namespace

std::string_view aggregation_name(Aggregation a) {
  switch (a) {
  case Aggregation::mean: return "mean";
  case Aggregation::median: return "median";
  case Aggregation::influence_weighted: return "influence_weighted";
  }
  return "mean";
}

StakeholderData read_stakeholders(const Json& document, const Scenario& s, Diagnostics& diag) {
  StakeholderData out;
  if (!document.is_object()) return out;
  if (document.contains("stakeholder_aggregation")) {
    const Json& a = document["stakeholder_aggregation"];
    if (a == "mean") out.aggregation = Aggregation::mean;
    else if (a == "median") out.aggregation = Aggregation::median;
    else if (a == "influence_weighted") out.aggregation = Aggregation::influence_weighted;
    else
      diag.error("/stakeholder_aggregation", code::invalid_value,
                 "must be \"mean\", \"median\" or \"influence_weighted\" (got " + describe(a) + ")");
  }
  const Json* list = detail::list_at(document, "stakeholders", "/stakeholders", diag);
  if (!list) return out;
  if (list->size() > kMaxStakeholders) {
    diag.error("/stakeholders", code::too_large, "has " + std::to_string(list->size()) + " stakeholders; the limit is " +
                                    std::to_string(kMaxStakeholders));
    return out;
  }
  std::map<std::string, std::size_t> seen;
  for (std::size_t k = 0; k < list->size(); ++k) out.stakeholders.push_back(read_one((*list)[k], k, s, seen, diag));
  return out;
}

std::size_t find_stakeholder(const StakeholderData& d, std::string_view id) {
  for (std::size_t k = 0; k < d.stakeholders.size(); ++k)
    if (d.stakeholders[k].id == id) return k;
  return Scenario::npos;
}

std::string stakeholder_ids(const StakeholderData& d) {
  std::string out;
  for (const auto& st : d.stakeholders) out += (out.empty() ? "" : ", ") + st.id;
  return out;
}

std::string unrated_items_text(const Stakeholder& st, const Scenario& s, std::size_t shown) {
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < st.ratings.size() && i < s.size(); ++i) {
    if (!is_missing(st.ratings[i])) continue;
    if (++count <= shown) out += (out.empty() ? "" : ", ") + s.items[i].id;
  }
  if (count > shown) out += " and " + std::to_string(count - shown) + " more";
  return out;
}

} // namespace gapscore
