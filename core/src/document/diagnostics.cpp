#include "gapscore/diagnostics.hpp"

#include <algorithm>
#include <cmath>

namespace gapscore {

void Diagnostics::error(std::string path, std::string_view code, std::string message) {
  error(Problem{std::move(path), std::move(message), code, {}});
}

void Diagnostics::warning(std::string path, std::string_view code, std::string message, std::string suggestion) {
  warning(Problem{std::move(path), std::move(message), code, std::move(suggestion)});
}

void Diagnostics::error(Problem p) {
  // An empty message marks a hidden error (also when copied from another Diagnostics).
  if (p.message.empty() || shown_errors_ >= kShown) {
    errors_.emplace_back();
    return;
  }
  ++shown_errors_;
  errors_.push_back(std::move(p));
}

void Diagnostics::warning(Problem p) {
  if (warnings_.size() >= kShown) {
    ++hidden_warnings_;
    return;
  }
  warnings_.push_back(std::move(p));
}

void Diagnostics::add(const Diagnostics& other) {
  for (const Problem& p : other.errors_) error(p);
  for (const Problem& p : other.warnings_) warning(p);
  hidden_warnings_ += other.hidden_warnings_;
}

void Diagnostics::add(const Diagnostics& other, const Rewrite& rewrite) {
  for (const Problem& p : other.errors_) {
    if (p.message.empty()) { // hidden: nothing to rewrite
      error(p);
      continue;
    }
    Problem copy = p;
    if (rewrite(copy, Kind::error)) error(std::move(copy));
  }
  bool all_warnings = true;
  for (const Problem& p : other.warnings_) {
    Problem copy = p;
    if (rewrite(copy, Kind::warning)) warning(std::move(copy));
    else all_warnings = false;
  }
  if (all_warnings) hidden_warnings_ += other.hidden_warnings_;
}

std::size_t Diagnostics::hidden_errors() const { return errors_.size() - shown_errors_; }

namespace {
Json problems_array(const std::vector<Problem>& problems, std::size_t hidden, const char* kind) {
  Json out = Json::array();
  for (const auto& p : problems)
    if (!p.message.empty()) {
      Json j = {{"path", p.path}, {"message", p.message}, {"code", p.code}};
      if (!p.suggestion.empty()) j["suggestion"] = p.suggestion;
      out.push_back(std::move(j));
    }
  if (hidden)
    out.push_back(Json{{"path", ""},
                       {"message", "and " + std::to_string(hidden) + " more " + kind + " (only the first " +
                                       std::to_string(Diagnostics::kShown) + " are listed)"},
                       {"code", code::too_many_problems}});
  return out;
}
} // namespace

Json Diagnostics::errors_document() const {
  Json doc = {{"errors", problems_array(errors_, hidden_errors(), "errors")}};
  if (!warnings_.empty()) doc["warnings"] = warnings_array();
  return doc;
}

Json Diagnostics::warnings_array() const { return problems_array(warnings_, hidden_warnings_, "warnings"); }

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

// Rounded to 12 significant digits so that 13.8 / 10 reads 1.38, not 1.3800000000000001.
// Only IEEE basic operations (× and ÷ by ten, floor), no printf, so native and WebAssembly
// print the same text.
std::string display_number(double x, int digits) {
  const double a = std::fabs(x);
  if (!(a > 0) || !std::isfinite(a) || a >= 1e15 || a < 1e-6) return number_text(x);
  int e = 0; // 10^e <= a < 10^(e+1)
  double p = 1;
  while (p * 10 <= a) p *= 10, ++e;
  while (p > a) p /= 10, --e;
  // Keep `digits` significant digits, and every digit before the point: 72864.00000000001
  // with 3 reads 72864 (it read in full), never 72900.
  const int shift = std::max(0, digits - 1 - e);
  if (shift > 22) return number_text(x);
  double scale = 1;
  for (int k = 0; k < shift; ++k) scale *= 10;
  const double r = std::floor(a * scale + 0.5) / scale;
  return number_text(x < 0 ? -r : r);
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
