// JSON text -> Json, within limits, in one SAX pass that builds the DOM itself. nlohmann's
// own DOM parser cannot be used: with ordered_json every key it inserts is first searched
// for linearly, so an object of n keys costs n²/2 string compares (a stakeholder's ratings
// of 100 000 items took minutes; a hostile 64 MiB object, hours). Here the reader finds
// duplicate keys (json_reader.hpp) and keys are appended directly, and nesting is limited
// before a hostile document ("[[[[...") can exhaust the stack.
//
// Scenario documents are read without this DOM (scenario_reader.cpp); this is for options,
// what-if variants and everything else that wants a whole Json.
#include <cmath>
#include <new>
#include <string>

#include "document/json_reader.hpp"
#include "gapscore/load.hpp"

namespace gapscore {
namespace {

/// Builds the whole document (JsonReader checks it on the way).
class DomReader final : public JsonReader<DomReader> {
public:
  Json root;
  DomReader() { builder_.start(root); }

  bool on_null() { return add(Json(nullptr)); }
  bool on_boolean(bool v) { return add(Json(v)); }
  bool on_integer(number_integer_t v) { return add(Json(v)); }
  bool on_unsigned(number_unsigned_t v) { return add(Json(v)); }
  bool on_float(number_float_t v) { return add(Json(v)); }
  bool on_string(string_t& v) { return add(Json(std::move(v))); }
  bool on_start(bool array) {
    builder_.open(array);
    return true;
  }
  bool on_key(string_t& k) {
    builder_.key(k);
    return true;
  }
  bool on_end() {
    builder_.close();
    return true;
  }

private:
  JsonBuilder builder_;
  bool add(Json&& v) {
    builder_.scalar(std::move(v));
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
/// column 2: "; keep only the human part after that prefix (the part itself may contain
/// ": ", as in "invalid literal; last read: 'tru'").
std::string reason_of(const std::string& what) {
  std::string reason = what;
  if (!reason.empty() && reason[0] == '[') {
    const auto close = reason.find("] ");
    if (close != std::string::npos) reason.erase(0, close + 2);
  }
  if (reason.rfind("parse error", 0) == 0) {
    const auto pos = reason.find(": ");
    if (pos != std::string::npos) reason.erase(0, pos + 2);
  }
  return reason;
}

void release_json(Json& value, std::size_t depth) noexcept {
  // Parsed documents nest at most limits::nesting_depth deep; a value built in code may nest
  // deeper, and is then left to nlohmann's own (iterative) destructor below that depth.
  if (depth > 4 * limits::nesting_depth) {
    value = nullptr;
    return;
  }
  if (value.is_array()) {
    auto& array = value.get_ref<Json::array_t&>();
    while (!array.empty()) {
      release_json(array.back(), depth + 1);
      array.pop_back();
    }
  } else if (value.is_object()) {
    auto& object = value.get_ref<Json::object_t&>();
    while (!object.empty()) {
      release_json(object.back().second, depth + 1);
      object.Json::object_t::Container::pop_back();
    }
  }
  value = nullptr;
}

} // namespace

void release_json(Json& value) noexcept { release_json(value, 0); }

bool check_json_text(std::string_view text, Diagnostics& diag, const std::string& path) {
  if (text.size() > limits::document_bytes) {
    diag.error(path, code::too_large, "the document is " + std::to_string(text.size()) +
                         " bytes; the limit is " + std::to_string(limits::document_bytes));
    return false;
  }
  // nlohmann's lexer takes a NUL byte for the end of the input: "{...}\0junk" would load
  // and "[\0]" would be called cut short. Name the byte instead.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    diag.error(path, code::invalid_text, "contains a NUL byte at " + line_column(text, nul) + "; JSON is text (is this a binary file?)");
    return false;
  }
  return true;
}

void report_json_out_of_memory(std::size_t bytes, Diagnostics& diag, const std::string& path) {
  diag.error(path, code::out_of_memory, "needs more memory than is available to load it (" + std::to_string(bytes) +
                       " bytes of text); split it into smaller documents");
}

void report_json_failure(const JsonTextFailure& failure, std::string_view text, Diagnostics& diag,
                         const std::string& path) {
  using Kind = JsonTextFailure::Kind;
  switch (failure.kind) {
  case Kind::too_deep:
    diag.error(path, code::too_large, "nested more than " + std::to_string(limits::nesting_depth) +
                         " levels deep; the limit keeps a hostile document from exhausting the stack");
    return;
  case Kind::non_finite:
    diag.error(path + failure.path, code::overflow, "a number too large to represent (over about 1.8e308)" +
                         (failure.position > 0 ? " at " + line_column(text, failure.position - 1) : ""));
    return;
  case Kind::duplicate_key:
    // nlohmann would keep the last value silently; a repeated key is almost always a
    // copy-paste slip that loses data, so name it.
    diag.error(path + failure.path, code::duplicate, "this key appears twice in the same object; keep one");
    return;
  case Kind::syntax:
  case Kind::none:
    break;
  }
  diag.error(path, code::not_json, "not valid JSON at " + line_column(text, failure.position > 0 ? failure.position - 1 : 0) +
                       ": " + reason_of(failure.message));
}

std::optional<Json> parse_json_text(std::string_view text, Diagnostics& diag, std::string_view where) {
  const std::string path(where);
  DomReader reader;
  try {
    // Free what was built before anything else on a failure (see release_json).
    if (!read_json_text(text, reader, diag, path, [&] { release_json(reader.root); })) return std::nullopt;
  } catch (const std::exception& ex) { // defensive: sax_parse reports through parse_error
    diag.error(path, code::not_json, std::string("not valid JSON: ") + ex.what());
    return std::nullopt;
  }
  return std::move(reader.root);
}

} // namespace gapscore
