#include "gapscore/scenario.hpp"

#include "gapscore/load.hpp"

namespace gapscore {

namespace {
constexpr std::array<std::string_view, kFieldCount> kFieldNames = {
    "reach",          "impact",           "confidence",     "effort",
    "business_value", "time_criticality", "risk_reduction", "job_size",
    "ice_impact",     "ice_confidence",   "ease",           "value"};
/// What people call each field: the JSON name with spaces, ICE's two named for their model
/// (the widget showed "Ice impact").
constexpr std::array<std::string_view, kFieldCount> kFieldLabels = {
    "reach",          "impact",           "confidence",     "effort",
    "business value", "time criticality", "risk reduction", "job size",
    "ICE impact",     "ICE confidence",   "ease",           "value"};
} // namespace

std::string_view field_name(Field f) { return kFieldNames[static_cast<std::size_t>(f)]; }
std::string_view field_label(Field f) { return kFieldLabels[static_cast<std::size_t>(f)]; }

std::optional<Field> field_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kFieldCount; ++i)
    if (kFieldNames[i] == name) return static_cast<Field>(i);
  return std::nullopt;
}

std::string_view moscow_name(Moscow m) {
  switch (m) {
  case Moscow::must: return "must";
  case Moscow::should: return "should";
  case Moscow::could: return "could";
  case Moscow::wont: return "wont";
  case Moscow::none: break;
  }
  return "";
}

std::string_view normalization_name(Normalization n) {
  switch (n) {
  case Normalization::minmax: return "minmax";
  case Normalization::max: return "max";
  case Normalization::vector: return "vector";
  case Normalization::none: break;
  }
  return "none";
}

std::size_t Scenario::item_index(std::string_view id) const {
  auto it = item_lookup_.find(std::string(id));
  return it == item_lookup_.end() ? npos : it->second;
}

std::size_t Scenario::criterion_index(std::string_view id) const {
  for (std::size_t c = 0; c < criteria.size(); ++c)
    if (criteria[c].id == id) return c;
  return npos;
}

void Scenario::index_items() {
  item_lookup_.clear();
  item_lookup_.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) item_lookup_.emplace(items[i].id, i);
}

SourceDocument::SourceDocument(Json document)
    : dom_(new Json(std::move(document)), [](const Json* j) {
        // Freed with release_json: a scenario is often what a std::bad_alloc unwinds past.
        Json* owned = const_cast<Json*>(j);
        release_json(*owned);
        delete owned;
      }) {}

SourceDocument SourceDocument::copy_of(std::string_view text) {
  SourceDocument d;
  d.owned_ = std::make_shared<const std::string>(text);
  d.text_ = *d.owned_;
  return d;
}

SourceDocument SourceDocument::view_of(std::string_view text) {
  SourceDocument d;
  d.text_ = text;
  return d;
}

Json SourceDocument::json() const {
  if (dom_) return *dom_;
  if (text_.empty()) return nullptr;
  Diagnostics ignored;
  auto document = parse_json_text(text_, ignored);
  return document ? std::move(*document) : Json();
}

} // namespace gapscore
