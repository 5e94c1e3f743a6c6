#include "document/json_text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace gapscore {
namespace {

/// Length of the well-formed UTF-8 sequence starting at s[i] (a byte >= 0x80), or 0 when
/// it is not one (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing above
/// U+10FFFF). nlohmann's decoder accepts exactly these sequences.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const auto continuation = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return k < s.size() && at(k) >= lo && at(k) <= hi;
  };
  const unsigned c = at(i);
  if (c >= 0xC2 && c <= 0xDF) return continuation(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return continuation(i + 1, lo, hi) && continuation(i + 2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return continuation(i + 1, lo, hi) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
  }
  return 0;
}

/// What a byte below 0x80 becomes inside a JSON string: 0 when it is copied as it is, else
/// the letter after the backslash ('u' for the \u00XX form of other control characters).
constexpr char escape_letter(unsigned char c) {
  switch (c) {
  case '"': return '"';
  case '\\': return '\\';
  case '\b': return 'b';
  case '\t': return 't';
  case '\n': return 'n';
  case '\f': return 'f';
  case '\r': return 'r';
  default: return c < 0x20 ? 'u' : 0;
  }
}

class PrettyWriter {
public:
  /// False when `j` holds something JSON text cannot (a binary value, a discarded one); the
  /// caller then lets nlohmann print the whole document.
  bool value(const Json& j, std::size_t depth) {
    switch (j.type()) {
    case Json::value_t::object: return object(j.get_ref<const Json::object_t&>(), depth);
    case Json::value_t::array: return array(j.get_ref<const Json::array_t&>(), depth);
    case Json::value_t::string: quoted(j.get_ref<const Json::string_t&>()); return true;
    case Json::value_t::number_float: number(j.get<double>()); return true;
    case Json::value_t::number_integer: integer(j.get<std::int64_t>()); return true;
    case Json::value_t::number_unsigned: integer(j.get<std::uint64_t>()); return true;
    case Json::value_t::boolean: j.get<bool>() ? put("true") : put("false"); return true;
    case Json::value_t::null: put("null"); return true;
    default: return false;
    }
  }

  std::string take() && {
    out_.resize(used_);
    return std::move(out_);
  }

private:
  bool object(const Json::object_t& members, std::size_t depth) {
    if (members.empty()) return put("{}"), true;
    put("{\n");
    bool first = true;
    for (const auto& [key, member] : members) {
      if (!first) put(",\n");
      first = false;
      spaces(2 * (depth + 1));
      quoted(key);
      put(": ");
      if (!value(member, depth + 1)) return false;
    }
    put("\n");
    spaces(2 * depth);
    put("}");
    return true;
  }

  bool array(const Json::array_t& elements, std::size_t depth) {
    if (elements.empty()) return put("[]"), true;
    put("[\n");
    bool first = true;
    for (const auto& element : elements) {
      if (!first) put(",\n");
      first = false;
      spaces(2 * (depth + 1));
      if (!value(element, depth + 1)) return false;
    }
    put("\n");
    spaces(2 * depth);
    put("]");
    return true;
  }

  void quoted(const std::string& s) {
    // First pass: the room the escaped text needs, and whether the string is valid UTF-8.
    std::size_t extra = 0;
    for (std::size_t i = 0; i < s.size();) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        const std::size_t n = utf8_sequence_length(s, i);
        if (n == 0) return put(Json(s).dump(-1, ' ', false, Json::error_handler_t::replace));
        i += n;
        continue;
      }
      if (const char letter = escape_letter(c)) extra += letter == 'u' ? 5 : 1;
      ++i;
    }
    char* p = room(s.size() + extra + 2);
    char* const start = p;
    *p++ = '"';
    if (extra == 0) {
      std::memcpy(p, s.data(), s.size());
      p += s.size();
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        const char letter = c < 0x80 ? escape_letter(c) : 0;
        if (letter == 0) {
          *p++ = ch;
          continue;
        }
        *p++ = '\\';
        *p++ = letter;
        if (letter == 'u') {
          *p++ = '0';
          *p++ = '0';
          *p++ = kHex[c >> 4];
          *p++ = kHex[c & 15];
        }
      }
    }
    *p++ = '"';
    used_ += static_cast<std::size_t>(p - start);
  }

  void number(double x) {
    if (!std::isfinite(x)) return put("null");
    char* p = room(64);
    used_ += static_cast<std::size_t>(nlohmann::detail::to_chars(p, p + 64, x) - p);
  }

  template <typename Int> void integer(Int x) {
    char* p = room(24);
    used_ += static_cast<std::size_t>(std::to_chars(p, p + 24, x).ptr - p);
  }

  void put(std::string_view text) {
    std::memcpy(room(text.size()), text.data(), text.size());
    used_ += text.size();
  }

  void spaces(std::size_t n) {
    std::memset(room(n), ' ', n);
    used_ += n;
  }

  /// Room for n more bytes at out_.data() + used_; the string doubles, so appending stays
  /// linear, and it is cut to size once at the end.
  char* room(std::size_t n) {
    if (out_.size() - used_ < n) out_.resize(std::max(2 * out_.size(), used_ + n + 256));
    return out_.data() + used_;
  }

  std::string out_;
  std::size_t used_ = 0;
};

} // namespace

std::string pretty_json(const Json& j) {
  PrettyWriter w;
  if (!w.value(j, 0)) return j.dump(2, ' ', false, Json::error_handler_t::replace);
  return std::move(w).take();
}

} // namespace gapscore
