#include "gapscore/diagnostics.hpp"

namespace gapscore {

void Diagnostics::error(std::string path, std::string message) {
  errors_.push_back({std::move(path), std::move(message)});
}

void Diagnostics::warning(std::string path, std::string message) {
  warnings_.push_back({std::move(path), std::move(message)});
}

namespace {
Json problems_array(const std::vector<Problem>& problems) {
  Json out = Json::array();
  for (const auto& p : problems) out.push_back(Json{{"path", p.path}, {"message", p.message}});
  return out;
}
} // namespace

Json Diagnostics::errors_document() const {
  Json doc = {{"errors", problems_array(errors_)}};
  if (!warnings_.empty()) doc["warnings"] = problems_array(warnings_);
  return doc;
}

Json Diagnostics::warnings_array() const { return problems_array(warnings_); }

std::string pointer(std::string_view base, std::string_view token) {
  std::string out(base);
  out += '/';
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string pointer(std::string_view base, std::size_t index) {
  return std::string(base) + "/" + std::to_string(index);
}

std::string number_text(double value) {
  // nlohmann's serializer prints the shortest round-trip form with its own code, so the text
  // is the same natively and in WebAssembly; people write 4, not 4.0.
  std::string text = Json(value).dump();
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text;
}

std::string describe(const Json& value) {
  switch (value.type()) {
  case Json::value_t::null: return "null";
  case Json::value_t::boolean: return value.get<bool>() ? "true" : "false";
  case Json::value_t::string: {
    const auto& s = value.get_ref<const std::string&>();
    std::string cut = s.size() > 40 ? s.substr(0, 40) + "..." : s;
    return Json(cut).dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  case Json::value_t::array: return "an array";
  case Json::value_t::object: return "an object";
  case Json::value_t::number_float: return number_text(value.get<double>());
  default: return value.dump();
  }
}

} // namespace gapscore
