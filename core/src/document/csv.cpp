#include "document/csv.hpp"

#include <cstdlib>
#include <map>

#include "document/limits.hpp"
#include "gapscore/load.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {
namespace {

/// Length of the UTF-8 sequence starting at s[i], or 0 when it is not valid UTF-8 (RFC 3629:
/// no overlong forms, no UTF-16 surrogates, nothing above U+10FFFF).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
  // The second byte's allowed range narrows for these lead bytes (RFC 3629, section 4).
  const auto b1 = len > 1 ? static_cast<unsigned char>(s[i + 1]) : 0;
  if (b == 0xC0 || b == 0xC1 || b > 0xF4) return 0;  // overlong 2-byte, or above U+10FFFF
  if (b == 0xE0 && b1 < 0xA0) return 0;              // overlong 3-byte
  if (b == 0xED && b1 > 0x9F) return 0;              // U+D800..U+DFFF surrogates
  if (b == 0xF0 && b1 < 0x90) return 0;              // overlong 4-byte
  if (b == 0xF4 && b1 > 0x8F) return 0;              // above U+10FFFF
  return len;
}

std::string line_text(std::size_t line) { return "line " + std::to_string(line); }

} // namespace

std::optional<CsvTable> parse_csv(std::string_view text, Diagnostics& diag, char delimiter) {
  if (text.size() > limits::document_bytes) {
    diag.error("", code::too_large, "the CSV is " + std::to_string(text.size()) + " bytes; the limit is " +
                       std::to_string(limits::document_bytes));
    return std::nullopt;
  }
  // Every leading byte order mark: a file saved twice by a BOM-writing editor has two, and
  // the second would otherwise become part of the first column's name (found by fuzzing).
  while (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CsvTable table;
  std::vector<std::string> row;
  std::string field;
  std::size_t line = 1, row_line = 1;
  bool quoted = false, field_started = false, after_quote = false;
  auto end_field = [&] {
    row.push_back(std::move(field));
    field.clear();
    field_started = quoted = after_quote = false;
  };
  auto end_row = [&] {
    end_field();
    const bool blank = row.size() == 1 && row[0].empty();
    if (!blank) {
      table.rows.push_back(std::move(row));
      table.line_of_row.push_back(row_line);
    }
    row.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8_length(text, i);
    if (len == 0) {
      diag.error("", code::invalid_text, line_text(line) + ": not valid UTF-8 text (save the file as UTF-8)");
      return std::nullopt;
    }
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        after_quote = true;
      } else {
        if (c == '\n') ++line;
        field.append(text.substr(i, len));
      }
      i += len;
      continue;
    }
    if (c == delimiter) {
      end_field();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
      row_line = line;
    } else if (c == '"' && !field_started) {
      quoted = field_started = true;
    } else if (after_quote) {
      diag.error("", code::csv_syntax, line_text(line) + ": text after a closing quote; a quote inside a quoted field is written \"\"");
      return std::nullopt;
    } else {
      field_started = true;
      field.append(text.substr(i, len));
    }
    i += len;
  }
  if (quoted) {
    diag.error("", code::csv_syntax, line_text(row_line) + ": a quoted field is never closed");
    return std::nullopt;
  }
  if (field_started || !row.empty()) end_row();
  return table;
}

std::string csv_field(std::string_view text) {
  // A leading byte order mark is quoted too: unquoted at the start of a file, parse_csv
  // would take it for the file's own mark and drop it (found by fuzzing).
  const bool leading_bom = text.substr(0, 3) == "\xEF\xBB\xBF";
  if (!leading_bom && text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_text_for_spreadsheets(std::string_view text) {
  // OWASP "CSV Injection": a cell starting with = + - @ (or a tab or carriage return before
  // one) is run as a formula by Excel and LibreOffice. A leading apostrophe makes it text.
  const bool formula = !text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos;
  return formula ? csv_field("'" + std::string(text)) : csv_field(text);
}

namespace {

/// A cell as a JSON number, when it is one in full (no trailing text, finite). Only decimal
/// notation: strtod also reads hexadecimal ("0x10" as 16), which no spreadsheet writes for 16.
std::optional<double> parse_number(const std::string& cell) {
  if (cell.empty() || cell.size() > 64) return std::nullopt;
  if (cell.find_first_not_of(" \t+-.0123456789eE") != std::string::npos) return std::nullopt;
  const char* begin = cell.c_str();
  char* end = nullptr;
  const double x = std::strtod(begin, &end);
  if (end != begin + cell.size() || !(x == x) || x > 1.7976931348623157e308 || x < -1.7976931348623157e308)
    return std::nullopt;
  return x;
}

std::vector<std::string> split_list(const std::string& cell) {
  std::vector<std::string> out;
  std::string part;
  for (char c : cell + ";") {
    if (c == ';') {
      const auto b = part.find_first_not_of(' '), e = part.find_last_not_of(' ');
      if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
      part.clear();
    } else {
      part += c;
    }
  }
  return out;
}

/// Adds " (CSV line N)" to problems that point into an item, so people find the row.
void report_with_lines(const Diagnostics& from, const CsvTable& t, Diagnostics& to) {
  to.add(from, [&](Problem& p, Diagnostics::Kind) {
    if (p.path.rfind("/items/", 0) != 0) return true;
    const std::size_t k = std::strtoul(p.path.c_str() + 7, nullptr, 10);
    if (k + 1 < t.line_of_row.size()) p.message += " (CSV line " + std::to_string(t.line_of_row[k + 1]) + ")";
    return true;
  });
}

/// Why a header has no "id" column, when the cause is a common one: a spreadsheet that
/// saved with semicolons or tabs (Excel in many locales), or headings in another case.
std::string missing_id_hint(const std::vector<std::string>& header) {
  if (header.size() == 1) {
    const std::string& only = header[0];
    for (const char sep : {';', '\t', '|'})
      if (only.find(sep) != std::string::npos)
        return std::string("; this header is one column with ") + (sep == ';' ? "semicolons" : sep == '\t' ? "tabs" : "bars") +
               " in it: save the file comma-separated (CSV, comma delimited)";
  }
  for (const std::string& h : header) {
    std::string lower = h;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (lower == "id") return " (column " + describe(Json(h)) + " must be written \"id\": column names are lower case)";
  }
  return "";
}

} // namespace

std::optional<Json> document_from_csv(std::string_view text, Diagnostics& diag) {
  auto table = parse_csv(text, diag);
  if (!table) return std::nullopt;
  if (table->rows.empty()) {
    diag.error("", code::missing, "the CSV is empty: it needs a header row (id, title, ...) and one row per item");
    return std::nullopt;
  }
  const auto& header = table->rows[0];
  bool has_id = false;
  std::map<std::string, std::size_t> seen;
  Json criteria = Json::array();
  for (std::size_t c = 0; c < header.size(); ++c) {
    const std::string& h = header[c];
    if (h == "id") has_id = true;
    if (!seen.emplace(h, c).second)
      diag.error("", code::duplicate, "line 1: column " + describe(Json(h)) + " appears twice");
    if (h.rfind("scores.", 0) == 0 && h.size() > 7)
      criteria.push_back(Json{{"id", h.substr(7)}, {"name", h.substr(7)}, {"weight", 1}, {"direction", "benefit"}});
    if (h.empty()) diag.error("", code::csv_syntax, "line 1: column " + std::to_string(c + 1) + " has no name");
    // A plain "scores" column would be text where scores.<criterion> columns build an object
    // (a JSON type error before this check; found by fuzzing).
    if (h == "scores")
      diag.error("", code::csv_syntax, "line 1: a column cannot be called \"scores\"; give each criterion its own column, "
                     "scores.<criterion id>");
  }
  if (!has_id) diag.error("", code::missing, "line 1: the header needs an \"id\" column" + missing_id_hint(header));
  if (table->rows.size() - 1 > limits::items)
    diag.error("/items", code::too_large, "has " + std::to_string(table->rows.size() - 1) + " rows; the limit is " +
                             std::to_string(limits::items));
  if (!diag.ok()) return std::nullopt;

  Json items = Json::array();
  for (std::size_t r = 1; r < table->rows.size(); ++r) {
    const auto& row = table->rows[r];
    const std::string where = "line " + std::to_string(table->line_of_row[r]);
    if (row.size() != header.size())
      diag.error(pointer("/items", r - 1), code::csv_syntax, where + ": has " + std::to_string(row.size()) +
                                               " fields; the header has " + std::to_string(header.size()));
    Json item = Json::object();
    for (std::size_t c = 0; c < header.size() && c < row.size(); ++c) {
      const std::string& h = header[c];
      const std::string& cell = row[c];
      if (cell.empty()) continue;
      const std::string path = pointer(pointer("/items", r - 1), h);
      const bool is_score = h.rfind("scores.", 0) == 0;
      if (is_score || field_from_name(h)) {
        auto x = parse_number(cell);
        if (!x) {
          diag.error(path, code::wrong_type, where + ", column " + describe(Json(h)) + ": must be a number (got " + describe(Json(cell)) + ")");
          continue;
        }
        if (is_score) item["scores"][h.substr(7)] = *x;
        else item[h] = *x;
      } else if (h == "tags" || h == "depends_on") {
        item[h] = split_list(cell);
      } else {
        item[h] = cell;
      }
    }
    items.push_back(std::move(item));
  }
  if (!diag.ok()) return std::nullopt;
  Json doc = {{"format", "gapscore/1"}};
  if (!criteria.empty()) doc["criteria"] = std::move(criteria);
  doc["items"] = std::move(items);

  Diagnostics check;
  load_scenario(doc, check);
  report_with_lines(check, *table, diag);
  if (!diag.ok()) return std::nullopt;
  return doc;
}

} // namespace gapscore
