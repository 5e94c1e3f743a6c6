#pragma once
/// Which column of a spreadsheet becomes which item field: the import's mapping. It comes
/// from the request's "map" option where given, else from a known tracker's export
/// (known_exports.cpp), else from the sheet's own column names. The CLI, the WebAssembly
/// module and the widget all ask this code; none of them keeps a rule of its own.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "commands/request.hpp"
#include "document/csv.hpp"
#include "imports/cell_numbers.hpp"

namespace gapscore {

/// What a column can become.
enum class TargetKind : std::uint8_t {
  id,       ///< the item's id
  text,     ///< title, description, team
  list,     ///< tags, depends_on: a cell of values separated by ; or ,
  blocks,   ///< ids of items that depend on this one (added to their depends_on)
  moscow,   ///< must, should, could, wont ("Must have" too)
  number,   ///< a numeric item field
  fraction, ///< a numeric item field in (0, 1]: 80% is read as 0.8
  score,    ///< scores.<criterion>
};
std::string_view target_kind_name(TargetKind k);

struct ImportTarget {
  std::string id;   ///< "title", "effort", "scores.user_value", "blocks"
  std::string name; ///< for people: "Effort", "Score: user_value"
  TargetKind kind = TargetKind::text;
};

/// A tracker whose export gapscore recognizes by its header row (known_exports.hpp).
struct KnownExport;

/// One field read from one column (every column of that name: a Jira export repeats
/// "Labels" once per label).
struct MappedField {
  std::string field;
  std::string column;
  std::string how; ///< "the map option", "the export's issue key", "same name", ...
};

struct ImportPlan {
  const KnownExport* source = nullptr; ///< null: a header row no known export has
  char delimiter = ',';
  CsvTable table;                      ///< the header row first
  std::vector<ImportTarget> targets;   ///< every field a column may map to, in output order
  std::vector<MappedField> map;        ///< in target order
  std::vector<std::string> left_out;   ///< columns no field reads, in sheet order, each name once
  std::vector<std::string> notes;      ///< what the import converts (ids from URLs, link directions, ...)
  std::optional<NumberLocale> locale;
  bool user_map = false;               ///< the request gave a "map"
  bool strip_formula_quote = false;    ///< the export writes ' before text that starts like a formula (Linear)
  bool github_ids = false;             ///< ids from issue URLs, as owner/repo#number (GitHub)
  bool generated_ids = false;          ///< no id column, and the export allows it: ids made from the titles

  /// The column a field reads, or nullptr when the field is left out.
  const MappedField* find(std::string_view field) const;
  /// The sheet's column indices with that name (a name may repeat).
  std::vector<std::size_t> columns_named(std::string_view column) const;
};

/// The field separator of a sheet: the one of , ; and tab that occurs most in its first
/// row (outside quotes); a comma on a tie.
char detect_delimiter(std::string_view text);

/// Whether import-csv reads the text as it always has: a comma-separated sheet whose header
/// row has an "id" column (gapscore's own column names), with no mapping option.
bool is_native_sheet(std::string_view text);

/// Reads the request's "map" and "locale" options and the sheet, recognizes a known export
/// and plans which column each field reads. nullopt (with the problems in r.diag) when the
/// options or the sheet cannot be used.
std::optional<ImportPlan> plan_import(Request& r);

/// What `import-csv --detect` prints: the sheet's columns, the mapping, what is left out.
Json describe_plan(const ImportPlan& plan);

/// The document the plan reads from the sheet, validated; nullopt with the problems in
/// `diag` (each naming the row, the column and the field).
std::optional<Json> import_with_plan(const ImportPlan& plan, Diagnostics& diag);

/// A stable key of a header row (FNV-1a, 16 hex digits): the widget remembers a reader's
/// mapping under it, for the next sheet with the same columns.
std::string header_key(const std::vector<std::string>& header);

} // namespace gapscore
