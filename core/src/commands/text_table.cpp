#include "text_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gapscore {
namespace {

std::size_t display_width(const std::string& s) {
  std::size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80; // code points, not bytes
  return w;
}

std::string markdown_cell(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '|' || c == '\\' || c == '<' || c == '>' || c == '*' || c == '_' || c == '`' || c == '[' ||
        c == ']')
      o += '\\';
    o += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return o;
}

} // namespace

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
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80 && ++w > width - 1) break;
    out += ch;
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
    for (std::size_t c = 0; c < cols && c < row.size(); ++c) width[c] = std::max(width[c], display_width(row[c]));
  };
  measure(header);
  for (const auto& r : rows) measure(r);
  auto line = [&](const std::vector<std::string>& row) {
    std::string l;
    for (std::size_t c = 0; c < cols; ++c) {
      const std::string cell = c < row.size() ? row[c] : "";
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

} // namespace gapscore
