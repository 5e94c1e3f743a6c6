// JSON text -> Json, within limits. A depth-checking SAX pass runs first so a hostile
// document ("[[[[...") is refused before a DOM is built for it.
#include <cmath>
#include <string>

#include "gapscore/limits.hpp"
#include "gapscore/load.hpp"

namespace gapscore {
namespace {

/// Counts nesting and rejects non-finite numbers (1e999 parses to infinity).
class DepthCheck : public nlohmann::json_sax<Json> {
public:
  std::size_t depth = 0;
  bool too_deep = false;
  bool non_finite = false;
  std::size_t error_position = 0;
  std::string error_text;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t v, const string_t&) override {
    if (!std::isfinite(v)) non_finite = true;
    return !non_finite;
  }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return enter(); }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t) override { return enter(); }
  bool end_array() override { return leave(); }
  bool key(string_t&) override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    error_position = position;
    error_text = ex.what();
    return false;
  }

private:
  bool enter() {
    if (++depth > limits::nesting_depth) too_deep = true;
    return !too_deep;
  }
  bool leave() {
    --depth;
    return true;
  }
};

/// Line and column (1-based) of a byte offset, for messages people can act on.
std::string line_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

/// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1,
/// column 2: "; keep only the human part after the last ": ".
std::string reason_of(const std::string& what) {
  auto pos = what.rfind(": ");
  std::string reason = pos == std::string::npos ? what : what.substr(pos + 2);
  return reason;
}

} // namespace

std::optional<Json> parse_json_text(std::string_view text, Diagnostics& diag,
                                    std::string_view where) {
  const std::string path(where);
  if (text.size() > limits::document_bytes) {
    diag.error(path, "the document is " + std::to_string(text.size()) +
                         " bytes; the limit is " + std::to_string(limits::document_bytes));
    return std::nullopt;
  }
  DepthCheck check;
  bool ok = false;
  try {
    ok = Json::sax_parse(text.begin(), text.end(), &check);
  } catch (const std::exception& ex) { // defensive: sax_parse reports through parse_error
    diag.error(path, std::string("not valid JSON: ") + ex.what());
    return std::nullopt;
  }
  if (check.too_deep) {
    diag.error(path, "nested more than " + std::to_string(limits::nesting_depth) +
                         " levels deep; the limit keeps a hostile document from exhausting the stack");
    return std::nullopt;
  }
  if (check.non_finite) {
    diag.error(path, "contains a number too large to represent (over about 1.8e308)");
    return std::nullopt;
  }
  if (!ok) {
    diag.error(path, "not valid JSON at " + line_column(text, check.error_position > 0
                                                                  ? check.error_position - 1
                                                                  : 0) +
                         ": " + reason_of(check.error_text));
    return std::nullopt;
  }
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const std::exception& ex) {
    diag.error(path, std::string("not valid JSON: ") + ex.what());
    return std::nullopt;
  }
}

} // namespace gapscore
