#include "commands/text_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gapscore {
namespace {

/// The code point starting at s[i] (well-formed UTF-8: the loader checked it) and its length.
char32_t decode(const std::string& s, std::size_t i, std::size_t& len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + len > s.size()) len = 1;
  char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

/// Terminal columns of a code point: 2 for East Asian wide and fullwidth characters and
/// emoji, 0 for combining marks and joiners, 1 otherwise (the common ranges of wcwidth).
std::size_t columns(char32_t cp) {
  if ((cp >= 0x0300 && cp <= 0x036F) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F)) return 0;
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  return 1;
}

/// Columns a terminal gives the text, so a title in Chinese or with an emoji keeps the
/// columns after it aligned.
std::size_t width_of(const std::string& s) {
  std::size_t w = 0;
  for (std::size_t i = 0, len = 1; i < s.size(); i += len) w += columns(decode(s, i, len));
  return w;
}

/// A control character: C0 or DEL, one byte in UTF-8 (visible_text says why).
bool is_control(char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }
void append_picture(std::string& o, char c) {
  const char32_t cp = c == 0x7F ? 0x2421 : 0x2400 + static_cast<unsigned char>(c);
  o += static_cast<char>(0xE0 | (cp >> 12));
  o += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  o += static_cast<char>(0x80 | (cp & 0x3F));
}

std::string markdown_cell(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '|' || c == '\\' || c == '<' || c == '>' || c == '*' || c == '_' || c == '`' || c == '[' ||
        c == ']')
      o += '\\';
    if (c == '\n' || c == '\r') o += ' ';
    else if (is_control(c)) append_picture(o, c);
    else o += c;
  }
  return o;
}

} // namespace

std::size_t display_width(const std::string& s) { return width_of(s); }

std::string visible_text(const std::string& s) {
  if (std::none_of(s.begin(), s.end(), is_control)) return s;
  std::string o;
  for (char c : s) {
    if (is_control(c)) append_picture(o, c);
    else o += c;
  }
  return o;
}

std::string table_number(const Json& v) {
  if (!v.is_number()) return "";
  const double x = v.get<double>();
  char buf[40];
  // Whole numbers such as customers or unrealized value read better in full than as 1.2e+07.
  if (x == std::floor(x) && std::fabs(x) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", x);
  else std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

std::string table_percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", share * 100);
  return buf;
}

std::string table_cut(const std::string& s, std::size_t width) {
  if (display_width(s) <= width) return s;
  std::string out;
  std::size_t w = 0;
  for (std::size_t i = 0, len = 1; i < s.size(); i += len) {
    w += columns(decode(s, i, len));
    if (w > width - 1) break; // room for the ellipsis
    out.append(s, i, len);
  }
  return out + "…";
}

std::string TextTable::render(bool markdown) const {
  const std::size_t cols = header.size();
  auto is_right = [&](std::size_t c) { return c < right.size() && right[c]; };
  std::string out;
  if (markdown) {
    auto line = [&](const std::vector<std::string>& row) {
      out += "|";
      for (std::size_t c = 0; c < cols; ++c) out += " " + markdown_cell(c < row.size() ? row[c] : "") + " |";
      out += "\n";
    };
    line(header);
    out += "|";
    for (std::size_t c = 0; c < cols; ++c) out += is_right(c) ? "---:|" : "---|";
    out += "\n";
    for (const auto& r : rows) line(r);
    return out;
  }
  std::vector<std::size_t> width(cols, 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < cols && c < row.size(); ++c)
      width[c] = std::max(width[c], display_width(visible_text(row[c])));
  };
  measure(header);
  for (const auto& r : rows) measure(r);
  auto line = [&](const std::vector<std::string>& row) {
    std::string l;
    for (std::size_t c = 0; c < cols; ++c) {
      const std::string cell = c < row.size() ? visible_text(row[c]) : "";
      const std::string pad(width[c] - display_width(cell), ' ');
      l += (c ? "  " : "") + (is_right(c) ? pad + cell : cell + (c + 1 == cols ? "" : pad));
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  line(header);
  for (const auto& r : rows) line(r);
  return out;
}

std::string text_cell(const Json& v) { return v.is_string() ? v.get<std::string>() : ""; }

std::string value_cell(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

std::string whole_cell(const Json& v) { return std::to_string(v.get<long long>()); }

std::string list_cell(const Json& list) {
  std::string out;
  for (const auto& v : list) out += (out.empty() ? "" : ", ") + value_cell(v);
  return out.empty() ? "none" : out;
}

std::string table_heading(const std::string& line, bool markdown) {
  return markdown ? "**" + line + "**\n\n" : line + "\n";
}

} // namespace gapscore
