#pragma once
// Reading JSON text through nlohmann's SAX interface (json::sax_parse) within the limits every
// document is held to: nesting depth, numbers too large to represent, a key given twice in
// one object. JsonReader checks those and keeps where the parser is, so that a refusal names
// its JSON Pointer; what the events build is the derived reader's business. parse_json.cpp
// builds a whole Json from them (DomReader); scenario_reader.cpp fills a Scenario's columns
// and builds small Jsons only for the values that are not an item's plain numbers and text.
//
// Both read the same text the same way up to the point where they differ, so a document is
// refused with the same error at the same place whichever of them reads it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <new>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "document/limits.hpp"
#include "gapscore/diagnostics.hpp"
#include "gapscore/json.hpp"

namespace gapscore {

/// Why reading stopped (the first reason met: the parser stops at it).
struct JsonTextFailure {
  enum class Kind : std::uint8_t { none, too_deep, non_finite, duplicate_key, syntax };
  Kind kind = Kind::none;
  std::string path;         ///< non_finite, duplicate_key: JSON Pointer of the value or key
  std::size_t position = 0; ///< from nlohmann's parse_error: one past the offending byte (0: none)
  std::string message;      ///< syntax: nlohmann's message
};

/// Size and NUL-byte checks, before any parsing; false (and the error) when the text fails.
bool check_json_text(std::string_view text, Diagnostics& diag, const std::string& path);
/// Reports `failure` (reading `text` stopped there) as the one error for it.
void report_json_failure(const JsonTextFailure& failure, std::string_view text, Diagnostics& diag,
                         const std::string& path);
/// The error for a text that needs more memory than there is.
void report_json_out_of_memory(std::size_t bytes, Diagnostics& diag, const std::string& path);

/// The SAX handler's checks and position, for a derived reader D (CRTP: nlohmann calls the
/// handler through its concrete type, so nothing here is virtual). D receives:
///   on_null(), on_boolean(bool), on_integer(std::int64_t), on_unsigned(std::uint64_t),
///   on_float(double), on_string(std::string&), on_start(bool array), on_key(std::string&),
///   on_end(): each returns false to stop reading.
/// depth() is the number of containers open around the event: a container's on_start and its
/// on_end see the same depth (that of the value it is), its keys and values one more.
template <class D> class JsonReader {
public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  bool null() { return counted() && self().on_null(); }
  bool boolean(bool v) { return counted() && self().on_boolean(v); }
  bool number_integer(number_integer_t v) { return counted() && self().on_integer(v); }
  bool number_unsigned(number_unsigned_t v) { return counted() && self().on_unsigned(v); }
  bool number_float(number_float_t v, const string_t&) {
    // nlohmann reports 1e999 through parse_error (below); this is the second line.
    if (!(v - v == 0)) return fail_non_finite();
    return counted() && self().on_float(v);
  }
  bool string(string_t& v) { return counted() && self().on_string(v); }
  bool binary(binary_t&) { return false; } // JSON text has no binary values
  bool start_object(std::size_t) { return open(false); }
  bool start_array(std::size_t) { return open(true); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(string_t& k) {
    Frame& f = frames_[depth_ - 1];
    if (is_duplicate(f, k)) {
      failure_.kind = JsonTextFailure::Kind::duplicate_key;
      failure_.path = pointer(path_to_top(), k);
      return false;
    }
    return self().on_key(k);
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    failure_.position = position;
    failure_.message = ex.what();
    if (ex.id == 406) return fail_non_finite(); // nlohmann reports 1e999 as out_of_range.406
    failure_.kind = JsonTextFailure::Kind::syntax;
    return false;
  }

  const JsonTextFailure& failure() const { return failure_; }
  std::size_t depth() const { return depth_; }
  /// JSON Pointer of the innermost open container.
  std::string path_to_top() const {
    std::string out;
    for (std::size_t d = 1; d < depth_; ++d) {
      const Frame& parent = frames_[d - 1];
      out = parent.array ? pointer(out, parent.count - 1) : pointer(out, parent.keys[parent.count - 1]);
    }
    return out;
  }

private:
  /// An open array or object. Frames are reused from container to container at the same
  /// depth, so their key strings keep their buffers: reading an item's keys allocates nothing.
  struct Frame {
    bool array = false;
    std::size_t count = 0;          ///< array: values begun; object: keys read
    std::vector<std::string> keys;  ///< object: the keys read, [0, count) (the last one is the current key)
    std::uint64_t key_bits = 0;     ///< one bit per key's small hash: most new keys skip the scan
    std::unordered_set<std::string> key_set; ///< filled once an object has kSmallObject keys
  };
  /// Below this many keys a scan is cheaper than hashing (items have about 20 keys).
  static constexpr std::size_t kSmallObject = 64;

  std::vector<Frame> frames_;
  std::size_t depth_ = 0;
  JsonTextFailure failure_;

  D& self() { return static_cast<D&>(*this); }

  /// Counts a value in the array around it (objects count their keys instead).
  bool counted() {
    if (depth_ && frames_[depth_ - 1].array) ++frames_[depth_ - 1].count;
    return true;
  }
  bool open(bool array) {
    if (depth_ >= limits::nesting_depth) {
      failure_.kind = JsonTextFailure::Kind::too_deep;
      return false;
    }
    counted();
    if (!self().on_start(array)) return false;
    if (frames_.size() == depth_) frames_.emplace_back();
    Frame& f = frames_[depth_];
    f.array = array;
    f.count = 0;
    f.key_bits = 0;
    // After a large object, start afresh: every later object at this depth would otherwise
    // pay to clear its buckets, and its thousands of strings would stay allocated.
    if (f.key_set.bucket_count() > 4 * kSmallObject) std::unordered_set<std::string>().swap(f.key_set);
    else if (!f.key_set.empty()) f.key_set.clear();
    if (f.keys.size() > 4 * kSmallObject) std::vector<std::string>().swap(f.keys);
    ++depth_;
    return true;
  }
  bool close() {
    --depth_;
    return self().on_end();
  }

  /// Whether `k` was read before in this object; if not, records it.
  static bool is_duplicate(Frame& f, const std::string& k) {
    const std::size_t h = k.empty() ? 0 : k.size() * 7 + static_cast<unsigned char>(k.front()) * 3 + static_cast<unsigned char>(k.back());
    const std::uint64_t bit = std::uint64_t{1} << (h & 63);
    if (f.count >= kSmallObject) {
      if (f.key_set.empty())
        for (std::size_t i = 0; i < f.count; ++i) f.key_set.insert(f.keys[i]);
      if (!f.key_set.insert(k).second) return true;
    } else if (f.key_bits & bit) {
      for (std::size_t i = 0; i < f.count; ++i)
        if (f.keys[i] == k) return true;
    }
    f.key_bits |= bit;
    if (f.count < f.keys.size()) f.keys[f.count].assign(k);
    else f.keys.push_back(k);
    ++f.count;
    return false;
  }

  bool fail_non_finite() {
    failure_.kind = JsonTextFailure::Kind::non_finite;
    failure_.path = path_of_next_value();
    return false;
  }
  /// JSON Pointer of the value being read: after the key just read, or the next array element.
  std::string path_of_next_value() const {
    if (depth_ == 0) return "";
    const Frame& parent = frames_[depth_ - 1];
    if (parent.array) return pointer(path_to_top(), parent.count);
    return parent.count == 0 ? path_to_top() : pointer(path_to_top(), parent.keys[parent.count - 1]);
  }
};

/// Builds a Json from the events of one value (a whole document, or one member of it): the
/// value's first event starts it, and the builder is done when that value is complete.
/// Keys are appended without ordered_map's linear search: the reader checked them already.
class JsonBuilder {
public:
  /// The next value read goes into `target`.
  void start(Json& target) {
    target_ = &target;
    depth_ = 0;
  }
  /// Whether a value is being built (started and not yet complete).
  bool building() const { return target_ != nullptr; }

  // Each returns true when the value started is complete.
  bool scalar(Json&& v) {
    place(std::move(v));
    return done_if_closed();
  }
  void open(bool array) {
    Json* at = place(array ? Json(Json::value_t::array) : Json(Json::value_t::object));
    if (stack_.size() == depth_) stack_.emplace_back();
    Level& level = stack_[depth_++];
    level.value = at;
    // Objects side by side tend to have the same keys (the items of a backlog): reserve what
    // the previous object at this depth had, instead of growing the key list six times.
    if (!array && level.last_object_size)
      at->get_ref<Json::object_t&>().reserve(std::min<std::size_t>(level.last_object_size, 64));
  }
  bool close() {
    Level& level = stack_[--depth_];
    if (level.value->is_object()) level.last_object_size = level.value->get_ref<const Json::object_t&>().size();
    return done_if_closed();
  }
  void key(std::string& k) {
    auto& object = stack_[depth_ - 1].value->get_ref<Json::object_t&>();
    object.Json::object_t::Container::emplace_back(std::move(k), nullptr);
    pending_ = &object.back().second;
  }

private:
  struct Level {
    Json* value = nullptr;
    std::size_t last_object_size = 0; ///< keys of the last object closed at this depth
  };
  Json* target_ = nullptr;
  std::vector<Level> stack_;
  std::size_t depth_ = 0;
  Json* pending_ = nullptr; ///< the value slot of the key just read

  /// Stores a value where the builder is: the target, the next array element, or the value
  /// of the key just read. Returns the stored value.
  Json* place(Json&& v) {
    if (depth_ == 0) {
      *target_ = std::move(v);
      return target_;
    }
    Json& parent = *stack_[depth_ - 1].value;
    if (parent.is_array()) {
      auto& array = parent.get_ref<Json::array_t&>();
      array.push_back(std::move(v));
      return &array.back();
    }
    *pending_ = std::move(v);
    return pending_;
  }
  bool done_if_closed() {
    if (depth_ != 0) return false;
    target_ = nullptr;
    return true;
  }
};

/// Runs `reader` over `text`: the size and NUL checks, then nlohmann's parser. False, with
/// the one error reading reports, when the text is refused. Exceptions other than
/// std::bad_alloc (which becomes an out_of_memory error, after `release` has freed what
/// the reader holds) pass to the caller.
template <class Reader, class Release>
bool read_json_text(std::string_view text, Reader& reader, Diagnostics& diag, const std::string& path,
                    Release release) {
  if (!check_json_text(text, diag, path)) return false;
  bool ok = false;
  try {
    ok = Json::sax_parse(text.begin(), text.end(), &reader);
  } catch (const std::bad_alloc&) {
    release();
    report_json_out_of_memory(text.size(), diag, path);
    return false;
  }
  if (!ok) {
    release();
    report_json_failure(reader.failure(), text, diag, path);
    return false;
  }
  return true;
}

} // namespace gapscore
