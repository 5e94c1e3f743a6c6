#include "document/section_reader.hpp"

#include <cctype>

#include "document/limits.hpp"

namespace gapscore::detail {

const char* kind_of(const Json& v) {
  switch (v.type()) {
  case Json::value_t::null: return "null";
  case Json::value_t::boolean: return "true/false";
  case Json::value_t::string: return "text";
  case Json::value_t::array: return "a list";
  case Json::value_t::object: return "an object";
  default: return "a number";
  }
}

const Json* list_at(const Json& obj, std::string_view key, const std::string& path, Diagnostics& d,
                    bool required, std::string_view why) {
  const std::string k(key);
  if (!obj.is_object() || !obj.contains(k)) {
    if (required) d.error(path, code::missing, "missing: " + std::string(why));
    return nullptr;
  }
  const Json& v = obj[k];
  if (!v.is_array()) {
    d.error(path, code::wrong_type, std::string("must be a list (got ") + kind_of(v) + ")");
    return nullptr;
  }
  return &v;
}

bool expect_object(const Json& v, const std::string& path, std::string_view shape, Diagnostics& d) {
  if (v.is_object()) return true;
  d.error(path, code::wrong_type, "must be an object " + std::string(shape) + " (got " + kind_of(v) + ")");
  return false;
}

std::string read_id(const Json& obj, const std::string& path, const std::string& list,
                    std::size_t index, std::map<std::string, std::size_t>& seen, Diagnostics& d,
                    std::string_view what) {
  const std::string at = pointer(path, "id");
  if (!obj.contains("id")) {
    d.error(at, code::missing, "missing: every " + std::string(what) + " needs a unique id");
    return {};
  }
  const Json& v = obj["id"];
  if (!v.is_string()) {
    d.error(at, code::wrong_type, std::string("must be text (got ") + kind_of(v) + ")");
    return {};
  }
  const std::string& id = v.get_ref<const std::string&>();
  if (id.empty()) {
    d.error(at, code::invalid_value, "must not be empty");
    return {};
  }
  if (id.size() > limits::id_bytes) {
    d.error(at, code::too_large, "is " + std::to_string(id.size()) + " bytes long; the limit is " +
                    std::to_string(limits::id_bytes));
    return {};
  }
  auto [it, fresh] = seen.emplace(id, index);
  if (!fresh) {
    d.error(at, code::duplicate, "duplicate of " + pointer(pointer(list, it->second), "id") + " " + describe(v));
    return {};
  }
  return id;
}

std::string read_text(const Json& obj, std::string_view key, const std::string& path,
                      const std::string& fallback, Diagnostics& d) {
  const std::string k(key);
  if (!obj.contains(k)) return fallback;
  const Json& v = obj[k];
  if (!v.is_string()) {
    d.error(pointer(path, k), code::wrong_type, std::string("must be text (got ") + kind_of(v) + ")");
    return fallback;
  }
  const auto& s = v.get_ref<const std::string&>();
  if (s.size() > limits::string_bytes) {
    d.error(pointer(path, k), code::too_large, "is " + std::to_string(s.size()) + " bytes long; the limit is " +
                                  std::to_string(limits::string_bytes));
    return fallback;
  }
  return s;
}

double read_number(const Json& v, const std::string& path, const NumberRule& rule, Diagnostics& d) {
  if (!v.is_number()) {
    d.error(path, code::wrong_type, "must be a number (got " + describe(v) + ")");
    return kMissing;
  }
  const double x = v.get<double>();
  const std::string why = check_number(x, rule);
  if (!why.empty()) {
    d.error(path, code::out_of_range, why);
    return kMissing;
  }
  return x;
}

std::optional<std::size_t> read_ref(const Json& obj, const std::string& path, const RefKind& ref,
                                    const std::map<std::string, std::size_t>& ids, bool section_empty,
                                    Diagnostics& d) {
  const std::string p = pointer(path, ref.key);
  const std::string key(ref.key);
  if (!obj.contains(key)) {
    d.error(p, code::missing, "missing: " + std::string(ref.missing));
    return std::nullopt;
  }
  const Json& v = obj[key];
  if (!v.is_string()) {
    d.error(p, code::wrong_type, "must be " + std::string(ref.kind) + " (got " + kind_of(v) + ")");
    return std::nullopt;
  }
  auto it = ids.find(v.get_ref<const std::string&>());
  if (it == ids.end()) {
    d.error(p, code::unknown_reference, "no " + std::string(ref.noun) + " with id " + describe(v) + (section_empty ? " " + std::string(ref.none) : ""));
    return std::nullopt;
  }
  return it->second;
}

bool first_mention(std::map<std::size_t, std::size_t>& seen, std::size_t entry, const std::string& list,
                   std::size_t k, const RefKind& ref, Diagnostics& d) {
  auto [it, fresh] = seen.emplace(entry, k);
  if (!fresh)
    d.error(pointer(pointer(list, k), ref.key), code::duplicate, "duplicate of " + pointer(pointer(list, it->second), ref.key) +
                                                 ": list each " + std::string(ref.noun) + " once per item");
  return fresh;
}

void warn_unknown(const Json& obj, const std::string& path, std::initializer_list<std::string_view> known,
                  Diagnostics& d) {
  if (!obj.is_object()) return;
  for (const auto& [key, value] : obj.items()) {
    (void)value;
    bool ok = false;
    for (auto k : known) ok = ok || k == key;
    if (ok) continue;
    // The same name in other letter case is the typo people make ("a" for Kano's "A", "Weight").
    std::string_view near;
    const auto lower = [](std::string_view t) {
      std::string o(t);
      for (char& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return o;
    };
    for (auto k : known)
      if (near.empty() && lower(k) == lower(key)) near = k;
    d.warning(pointer(path, key), code::unknown_field, unknown_field_text(near), std::string(near));
  }
}

} // namespace gapscore::detail
