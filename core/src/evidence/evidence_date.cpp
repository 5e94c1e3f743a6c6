// ISO 8601 dates for the evidence loop, parsed by hand: std::get_time depends on the locale
// and differs between glibc and the WebAssembly libc, and dates here only need the calendar
// day. Day numbers are Howard Hinnant's days_from_civil / civil_from_days
// (https://howardhinnant.github.io/date_algorithms.html), integer arithmetic only.
#include <cstdio>

#include "evidence/evidence.hpp"

namespace gapscore {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

/// Reads exactly `n` digits at text[pos]; -1 when they are not all digits.
int digits(std::string_view text, std::size_t pos, std::size_t n) {
  if (pos + n > text.size()) return -1;
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const char c = text[pos + k];
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

const char* const kShape = "must be a date YYYY-MM-DD, optionally with a time such as 2024-03-15T09:30Z";

/// The time part after 'T': HH:MM[:SS[.fraction]][Z|±HH:MM|±HHMM|±HH]. True when valid.
bool valid_time(std::string_view t, std::string& why) {
  const int hh = digits(t, 0, 2), mm = digits(t, 3, 2);
  if (hh < 0 || t.size() < 5 || t[2] != ':' || mm < 0) {
    why = "has a time that is not HH:MM";
    return false;
  }
  if (hh > 23 || mm > 59) {
    why = "has no such time of day";
    return false;
  }
  std::size_t p = 5;
  if (p < t.size() && t[p] == ':') {
    const int ss = digits(t, p + 1, 2);
    if (ss < 0 || ss > 60) { // 60: a leap second
      why = "has seconds that are not 00-60";
      return false;
    }
    p += 3;
    if (p < t.size() && (t[p] == '.' || t[p] == ',')) {
      std::size_t q = p + 1;
      while (q < t.size() && t[q] >= '0' && t[q] <= '9') ++q;
      if (q == p + 1) {
        why = "has a decimal point without digits";
        return false;
      }
      p = q;
    }
  }
  if (p == t.size()) return true;
  if (t[p] == 'Z' && p + 1 == t.size()) return true;
  if (t[p] == '+' || t[p] == '-') {
    const std::string_view z = t.substr(p + 1);
    const int zh = digits(z, 0, 2);
    int zm = 0;
    bool ok = zh >= 0 && zh <= 23;
    if (ok && z.size() == 5 && z[2] == ':') zm = digits(z, 3, 2);
    else if (ok && z.size() == 4) zm = digits(z, 2, 2);
    else ok = ok && z.size() == 2;
    if (ok && zm >= 0 && zm <= 59) return true;
  }
  why = "has a time zone that is not Z or ±HH:MM";
  return false;
}

} // namespace

DayNumber day_number(int year, int month, int day) {
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;                                       // [0, 399]
  const std::int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1; // [0, 365]
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;               // [0, 146096]
  return era * 146097 + doe - 719468;
}

std::string format_day(DayNumber z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[64]; // room for any int64 the compiler cannot rule out (-Wformat-truncation)
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d));
  return buf;
}

std::optional<DayNumber> parse_iso_date(std::string_view text, std::string& why) {
  const int y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0 || text[4] != '-' || text[7] != '-') {
    why = kShape;
    return std::nullopt;
  }
  if (y < 1) {
    why = "must be a date from the year 0001 on";
    return std::nullopt;
  }
  if (m < 1 || m > 12) {
    why = "has no month " + std::to_string(m) + " (months are 01-12)";
    return std::nullopt;
  }
  if (d < 1 || d > days_in_month(y, m)) {
    why = "is not a day of the calendar (" + std::string(text.substr(0, 7)) + " has " +
          std::to_string(days_in_month(y, m)) + " days)";
    return std::nullopt;
  }
  if (text.size() > 10) {
    if (text[10] != 'T') {
      why = kShape;
      return std::nullopt;
    }
    if (!valid_time(text.substr(11), why)) return std::nullopt;
  }
  return day_number(y, m, d);
}

std::string_view measure_kind_name(MeasureKind k) {
  switch (k) {
  case MeasureKind::current: return "current";
  case MeasureKind::satisfaction: return "satisfaction";
  case MeasureKind::survey: return "survey";
  }
  return "current";
}

std::string_view item_status_name(ItemStatus s) {
  switch (s) {
  case ItemStatus::unset: return "";
  case ItemStatus::idea: return "idea";
  case ItemStatus::planned: return "planned";
  case ItemStatus::in_progress: return "in_progress";
  case ItemStatus::done: return "done";
  }
  return "";
}

} // namespace gapscore
