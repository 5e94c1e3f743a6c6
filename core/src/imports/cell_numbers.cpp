#include "imports/cell_numbers.hpp"

#include <cstdlib>

namespace gapscore {
namespace {

/// CLDR's default decimal and grouping symbols for each language ("s": a space, a no-break
/// space U+00A0 or a narrow no-break space U+202F; "'": an apostrophe or U+2019).
struct LocaleRow {
  std::string_view tag;
  char decimal;
  std::string_view groups;
};
constexpr LocaleRow kLocales[] = {
    // Regions that write numbers unlike their language's default, matched first.
    {"de-ch", '.', "'"}, {"de-li", '.', "'"}, {"it-ch", '.', "'"}, {"fr-ch", ',', "s"},
    {"de-at", ',', "s"}, {"pt-pt", ',', "s"}, {"es-mx", '.', ","}, {"es-us", '.', ","},
    {"en-za", ',', "s"},
    // Languages.
    {"en", '.', ","}, {"ja", '.', ","}, {"zh", '.', ","}, {"ko", '.', ","}, {"he", '.', ","},
    {"th", '.', ","}, {"ga", '.', ","}, {"ms", '.', ","},
    {"de", ',', "."}, {"nl", ',', "."}, {"es", ',', "."}, {"it", ',', "."}, {"pt", ',', "."},
    {"da", ',', "."}, {"id", ',', "."}, {"tr", ',', "."}, {"el", ',', "."}, {"ro", ',', "."},
    {"hr", ',', "."}, {"sl", ',', "."}, {"sr", ',', "."},
    {"fr", ',', "s"}, {"sv", ',', "s"}, {"nb", ',', "s"}, {"no", ',', "s"}, {"nn", ',', "s"},
    {"fi", ',', "s"}, {"pl", ',', "s"}, {"cs", ',', "s"}, {"sk", ',', "s"}, {"ru", ',', "s"},
    {"uk", ',', "s"}, {"hu", ',', "s"}, {"bg", ',', "s"}, {"et", ',', "s"}, {"lv", ',', "s"},
    {"lt", ',', "s"},
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '_') c = '-';
  }
  return out;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

/// Length of a space-like separator at s[i] (space, U+00A0, U+202F), or 0.
std::size_t space_at(std::string_view s, std::size_t i) {
  if (s[i] == ' ') return 1;
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  if (s.substr(i, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

/// Length of a thousands separator of `groups` at s[i], or 0.
std::size_t group_at(std::string_view s, std::size_t i, std::string_view groups) {
  for (char g : groups) {
    if (g == 's') {
      if (std::size_t n = space_at(s, i)) return n;
    } else if (g == '\'') {
      if (s[i] == '\'') return 1;
      if (s.substr(i, 3) == "\xE2\x80\x99") return 3;
    } else if (s[i] == g) {
      return 1;
    }
  }
  return 0;
}

std::string_view trim(std::string_view s) {
  for (;;) {
    if (s.empty()) return s;
    if (s.front() == '\t') s.remove_prefix(1);
    else if (std::size_t n = space_at(s, 0)) s.remove_prefix(n);
    else break;
  }
  for (;;) {
    if (s.empty()) return s;
    const std::size_t end = s.size();
    if (s.back() == '\t' || s.back() == ' ') s.remove_suffix(1);
    else if (end >= 2 && s.substr(end - 2) == "\xC2\xA0") s.remove_suffix(2);
    else if (end >= 3 && s.substr(end - 3) == "\xE2\x80\xAF") s.remove_suffix(3);
    else break;
  }
  return s;
}

/// A plain decimal number in full (digits, one point, an exponent), as the CSV import has
/// always read them; nullopt for anything else, hexadecimal and "nan" included.
std::optional<double> plain_number(std::string_view text) {
  if (text.empty() || text.size() > 64) return std::nullopt;
  if (text.find_first_not_of("+-.0123456789eE") != std::string_view::npos) return std::nullopt;
  bool any_digit = false;
  for (char c : text) any_digit |= digit(c);
  if (!any_digit) return std::nullopt;
  const std::string s(text);
  char* end = nullptr;
  const double x = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !(x == x) || x > 1.7976931348623157e308 || x < -1.7976931348623157e308)
    return std::nullopt;
  return x;
}

/// Whether `s` (no sign) is 1-3 digits, not starting with 0, then one or more groups of a
/// separator and three digits: a number written with thousands separators.
bool grouped_by(std::string_view s, char sep, std::size_t* groups = nullptr) {
  std::size_t i = 0;
  while (i < s.size() && digit(s[i])) ++i;
  if (i == 0 || i > 3 || s[0] == '0') return false;
  std::size_t n = 0;
  while (i < s.size()) {
    if (s[i] != sep || i + 4 > s.size()) return false;
    for (std::size_t k = 1; k <= 3; ++k)
      if (!digit(s[i + k])) return false;
    i += 4;
    ++n;
  }
  if (groups) *groups = n;
  return n > 0;
}

std::string without(std::string_view s, char c) {
  std::string out;
  for (char x : s)
    if (x != c) out += x;
  return out;
}

CellNumber fail(std::string problem, bool ambiguous = false) {
  CellNumber r;
  r.problem = std::move(problem);
  r.ambiguous = ambiguous;
  return r;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

/// With no locale declared: plain numbers, and a decimal comma where it cannot be read as a
/// thousands separator. Everything that two locales read differently is refused.
CellNumber read_without_locale(std::string_view body, std::string_view shown, char delimiter) {
  const bool sign = !body.empty() && (body[0] == '+' || body[0] == '-');
  const std::string_view digits = sign ? body.substr(1) : body;
  const std::string prefix = sign ? std::string(1, body[0]) : "";
  const bool comma = digits.find(',') != std::string_view::npos, point = digits.find('.') != std::string_view::npos;
  const std::string declare = ": declare the sheet's locale (the locale option)";
  if (comma && point)
    return fail(quoted(shown) + " uses a thousands separator, read differently by locale (en and de)" + declare, true);
  std::size_t groups = 0;
  if (comma && grouped_by(digits, ',', &groups)) {
    std::string problem = quoted(shown) + " reads as " + prefix + without(digits, ',') + " with a thousands comma (locale en)";
    if (groups == 1) problem += " or as " + prefix + std::string(digits.substr(0, digits.find(','))) + "." +
                                std::string(digits.substr(digits.find(',') + 1)) + " with a decimal comma (locale de)";
    return fail(problem + declare, true);
  }
  if (point && grouped_by(digits, '.', &groups) && (groups > 1 || delimiter != ',')) {
    std::string problem = quoted(shown) + " reads as " + prefix + without(digits, '.') + " with a thousands point (locale de)";
    if (groups == 1) problem += " or as " + std::string(body) + " with a decimal point (locale en)";
    return fail(problem + declare, true);
  }
  std::string text(body);
  if (comma) {
    if (digits.find(',') != digits.rfind(',')) return fail("not a number");
    text[text.find(',')] = '.'; // a decimal comma: 2,5 or 0,125 cannot be a thousands separator
  }
  CellNumber r;
  r.value = plain_number(text);
  if (!r.value) {
    bool spaced = false;
    for (std::size_t i = 0; i < digits.size(); ++i) spaced |= space_at(digits, i) > 0;
    return fail(spaced ? "not a number (spaces between digits: declare the sheet's locale if they separate thousands)"
                       : "not a number");
  }
  return r;
}

CellNumber read_with_locale(std::string_view body, const NumberLocale& l) {
  const auto refuse = [&] {
    return fail("not a number in locale " + l.tag + ", which groups thousands by three and writes the decimals after \"" +
                std::string(1, l.decimal) + "\" (got " + quoted(body) + ")");
  };
  std::size_t i = 0;
  std::string canonical;
  if (i < body.size() && (body[i] == '+' || body[i] == '-')) canonical += body[i++];
  const std::size_t first_digit = canonical.size();
  // The whole part: digits, in groups of three after a first group of one to three when
  // the locale's thousands separator is used.
  std::size_t run = 0, groups = 0;
  bool any = false;
  while (i < body.size() && body[i] != l.decimal) {
    if (digit(body[i])) {
      canonical += body[i++];
      ++run;
      any = true;
      continue;
    }
    const std::size_t g = group_at(body, i, l.groups);
    if (g == 0 || run == 0 || (groups == 0 && run > 3) || (groups > 0 && run != 3)) return refuse();
    ++groups;
    run = 0;
    i += g;
  }
  if (groups > 0 && (run != 3 || canonical[first_digit] == '0')) return refuse();
  if (i < body.size()) { // the decimals
    canonical += '.';
    for (++i; i < body.size(); ++i) {
      if (!digit(body[i])) return refuse();
      canonical += body[i];
      any = true;
    }
  }
  if (!any) return refuse();
  CellNumber r;
  r.value = plain_number(canonical);
  if (!r.value) return refuse();
  return r;
}

} // namespace

std::optional<NumberLocale> number_locale(std::string_view tag) {
  const std::string t = lower(tag);
  if (t.empty() || t.size() > 35) return std::nullopt;
  for (const auto& row : kLocales)
    if (row.tag.size() == 5 && t.compare(0, 5, row.tag) == 0 && (t.size() == 5 || t[5] == '-'))
      return NumberLocale{std::string(tag), row.decimal, row.groups};
  const std::string lang = t.substr(0, t.find('-'));
  for (const auto& row : kLocales)
    if (row.tag == lang) return NumberLocale{std::string(tag), row.decimal, row.groups};
  return std::nullopt;
}

std::string known_number_locales() {
  std::string out;
  for (const auto& row : kLocales) out += (out.empty() ? "" : ", ") + std::string(row.tag);
  return out;
}

CellNumber read_cell_number(std::string_view cell, const NumberLocale* locale, char delimiter) {
  std::string_view s = trim(cell);
  if (s.empty()) return {};
  if (s.size() > 64) return fail("not a number");
  bool percent = false;
  if (s.back() == '%') {
    percent = true;
    s = trim(s.substr(0, s.size() - 1));
    if (s.empty()) return fail("not a number");
  }
  CellNumber r = locale ? read_with_locale(s, *locale) : read_without_locale(s, s, delimiter);
  if (r.value && percent) {
    *r.value /= 100;
    r.percent = true;
  }
  return r;
}

} // namespace gapscore
