#pragma once
/// CSV (RFC 4180) in and out: items from a spreadsheet, rankings back to one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gapscore/diagnostics.hpp"
#include "gapscore/json.hpp"

namespace gapscore {

struct CsvTable {
  std::vector<std::vector<std::string>> rows; ///< first row is the header
  std::vector<std::size_t> line_of_row;       ///< 1-based line where each row starts
};

/// Parses RFC 4180 CSV: quoted fields with "" escapes, embedded commas and line breaks,
/// CRLF or LF line ends, an optional UTF-8 byte order mark. Reports the line of a broken
/// quote or invalid UTF-8. `delimiter` separates fields (',', or ';' and tab for the sheets
/// other tools write). Never throws.
std::optional<CsvTable> parse_csv(std::string_view text, Diagnostics& diag, char delimiter = ',');

/// Builds a "gapscore/1" document from a CSV of items: header names are item field names,
/// "scores.<criterion>" columns become criteria scores (criteria created with weight 1),
/// tags and depends_on are split on ';'. Numbers must be plain numbers. Every problem names
/// the CSV line and column. The document is validated before it is returned.
std::optional<Json> document_from_csv(std::string_view text, Diagnostics& diag);

/// Quotes a field when it holds a comma, quote or line break.
std::string csv_field(std::string_view text);

/// csv_field for a text cell of a report meant for spreadsheets (rank and simulate --format
/// csv): text starting with = + - @, tab or carriage return gets a leading ' so a spreadsheet
/// shows it instead of running it as a formula. Not for documents read back by import-csv.
std::string csv_text_for_spreadsheets(std::string_view text);

} // namespace gapscore
