// JSON text -> Json, within limits, in one SAX pass that builds the DOM itself. nlohmann's
// own DOM parser cannot be used: with ordered_json every key it inserts is first searched
// for linearly, so an object of n keys costs n²/2 string compares (a stakeholder's ratings
// of 100 000 items took minutes; a hostile 64 MiB object, hours). Here keys are appended
// directly and duplicates are found with a hash set, and nesting is limited before a
// hostile document ("[[[[...") can exhaust the stack.
#include <algorithm>
#include <cmath>
#include <new>
#include <string>
#include <unordered_set>
#include <vector>

#include "document/limits.hpp"
#include "gapscore/load.hpp"

namespace gapscore {
namespace {

/// Builds the Json while checking nesting depth, finite numbers and duplicate keys.
class DomBuilder : public nlohmann::json_sax<Json> {
public:
  Json root;
  bool too_deep = false;
  bool non_finite = false;
  std::string non_finite_path; ///< JSON Pointer of the number too large to represent
  std::string duplicate_path; ///< JSON Pointer of a key given twice in one object
  std::size_t error_position = 0;
  std::string error_text;

  bool null() override { return add(Json(nullptr)); }
  bool boolean(bool v) override { return add(Json(v)); }
  bool number_integer(number_integer_t v) override { return add(Json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return add(Json(v)); }
  bool number_float(number_float_t v, const string_t&) override {
    if (!std::isfinite(v)) {
      non_finite = true;
      non_finite_path = path_of_next_value();
      return false;
    }
    return add(Json(v));
  }
  bool string(string_t& v) override { return add(Json(std::move(v))); }
  bool binary(binary_t&) override { return false; } // JSON text has no binary values
  bool start_object(std::size_t) override { return open(Json::object()); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(Json::array()); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    Frame& f = frames_[depth_ - 1];
    auto& object = f.value->get_ref<Json::object_t&>();
    if (is_duplicate(f, object, k)) {
      duplicate_path = pointer(path_to_top(), k);
      return false;
    }
    // Appended without ordered_map's linear search: the duplicate check above replaces it.
    object.Json::object_t::Container::emplace_back(std::move(k), nullptr);
    pending_ = &object.back().second;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    error_position = position;
    error_text = ex.what();
    if (ex.id == 406) { // nlohmann reports 1e999 as out_of_range.406
      non_finite = true;
      non_finite_path = path_of_next_value();
    }
    return false;
  }

private:
  /// An open object or array. Frames are reused, so their key sets keep their buckets.
  struct Frame {
    Json* value = nullptr;
    std::unordered_set<std::string> keys; ///< filled once the object has kSmallObject keys
    std::size_t last_object_size = 0;     ///< keys of the last object closed at this depth
  };
  /// Below this many keys a linear scan is cheaper than hashing: items have about 20 keys,
  /// and a set per item cost a quarter of the load time (its nodes and key copies).
  static constexpr std::size_t kSmallObject = 64;

  std::vector<Frame> frames_;
  std::size_t depth_ = 0;
  Json* pending_ = nullptr; ///< the value slot of the key just read

  /// Stores a value where the parser is: the root, the next array element, or the value of
  /// the key just read. Returns the stored value.
  Json* place(Json&& v) {
    if (depth_ == 0) {
      root = std::move(v);
      return &root;
    }
    Json& parent = *frames_[depth_ - 1].value;
    if (parent.is_array()) {
      auto& array = parent.get_ref<Json::array_t&>();
      array.push_back(std::move(v));
      return &array.back();
    }
    *pending_ = std::move(v);
    return pending_;
  }
  bool add(Json&& v) {
    place(std::move(v));
    return true;
  }
  bool open(Json&& container) {
    if (depth_ >= limits::nesting_depth) {
      too_deep = true;
      return false;
    }
    Json* at = place(std::move(container));
    if (frames_.size() == depth_) frames_.emplace_back();
    Frame& f = frames_[depth_];
    f.value = at;
    // Objects side by side tend to have the same keys (the items of a backlog): reserve what
    // the previous object at this depth had, instead of growing the key list six times.
    if (at->is_object() && f.last_object_size)
      at->get_ref<Json::object_t&>().reserve(std::min<std::size_t>(f.last_object_size, kSmallObject));
    // clear() costs the bucket count: after a large object, start afresh instead, or every
    // later object at this depth would pay for it.
    if (f.keys.bucket_count() > 4 * kSmallObject) std::unordered_set<std::string>().swap(f.keys);
    else if (!f.keys.empty()) f.keys.clear();
    ++depth_;
    return true;
  }
  bool close() {
    --depth_;
    Frame& f = frames_[depth_];
    if (f.value->is_object()) f.last_object_size = f.value->get_ref<const Json::object_t&>().size();
    return true;
  }

  static bool is_duplicate(Frame& f, const Json::object_t& object, const std::string& k) {
    if (object.size() < kSmallObject) {
      for (const auto& entry : object)
        if (entry.first == k) return true;
      return false;
    }
    if (f.keys.empty())
      for (const auto& entry : object) f.keys.insert(entry.first);
    return !f.keys.insert(k).second;
  }

  /// JSON Pointer of the innermost open container.
  std::string path_to_top() const {
    std::string out;
    for (std::size_t d = 1; d < depth_; ++d) {
      const Json& parent = *frames_[d - 1].value;
      if (parent.is_array()) out = pointer(out, parent.size() - 1);
      else out = pointer(out, parent.get_ref<const Json::object_t&>().back().first);
    }
    return out;
  }

  /// JSON Pointer of the value being read: the key just read, or the next array element.
  std::string path_of_next_value() const {
    if (depth_ == 0) return "";
    const Json& parent = *frames_[depth_ - 1].value;
    if (parent.is_array()) return pointer(path_to_top(), parent.size());
    const auto& object = parent.get_ref<const Json::object_t&>();
    return object.empty() ? path_to_top() : pointer(path_to_top(), object.back().first);
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

} // namespace

namespace {
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

std::optional<Json> parse_json_text(std::string_view text, Diagnostics& diag,
                                    std::string_view where) {
  const std::string path(where);
  if (text.size() > limits::document_bytes) {
    diag.error(path, code::too_large, "the document is " + std::to_string(text.size()) +
                         " bytes; the limit is " + std::to_string(limits::document_bytes));
    return std::nullopt;
  }
  // nlohmann's lexer takes a NUL byte for the end of the input: "{...}\0junk" would load
  // and "[\0]" would be called cut short. Name the byte instead.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    diag.error(path, code::invalid_text, "contains a NUL byte at " + line_column(text, nul) + "; JSON is text (is this a binary file?)");
    return std::nullopt;
  }
  DomBuilder builder;
  bool ok = false;
  try {
    ok = Json::sax_parse(text.begin(), text.end(), &builder);
  } catch (const std::bad_alloc&) {
    // Free what was built before anything else (see release_json).
    release_json(builder.root);
    diag.error(path, code::out_of_memory, "needs more memory than is available to load it (" + std::to_string(text.size()) +
                         " bytes of text); split it into smaller documents");
    return std::nullopt;
  } catch (const std::exception& ex) { // defensive: sax_parse reports through parse_error
    diag.error(path, code::not_json, std::string("not valid JSON: ") + ex.what());
    return std::nullopt;
  }
  if (builder.too_deep) {
    diag.error(path, code::too_large, "nested more than " + std::to_string(limits::nesting_depth) +
                         " levels deep; the limit keeps a hostile document from exhausting the stack");
    return std::nullopt;
  }
  if (builder.non_finite) {
    diag.error(path + builder.non_finite_path, code::overflow, "a number too large to represent (over about 1.8e308)" +
                         (builder.error_position > 0 ? " at " + line_column(text, builder.error_position - 1) : ""));
    return std::nullopt;
  }
  if (!builder.duplicate_path.empty()) {
    // nlohmann would keep the last value silently; a repeated key is almost always a
    // copy-paste slip that loses data, so name it.
    diag.error(path + builder.duplicate_path, code::duplicate, "this key appears twice in the same object; keep one");
    return std::nullopt;
  }
  if (!ok) {
    diag.error(path, code::not_json, "not valid JSON at " + line_column(text, builder.error_position > 0
                                                                  ? builder.error_position - 1
                                                                  : 0) +
                         ": " + reason_of(builder.error_text));
    return std::nullopt;
  }
  return std::move(builder.root);
}

} // namespace gapscore
