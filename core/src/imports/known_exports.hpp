#pragma once
/// The trackers whose CSV exports gapscore recognizes by their header row, and the column
/// each of them holds for each field (docs/format.md, "Exports from trackers"). The column
/// names are the vendors' own, cited in tests/fixtures/csv/README.md beside the fixtures.
#include <string>
#include <string_view>
#include <vector>

#include "imports/import_mapping.hpp"

namespace gapscore {

/// A column name for matching: ASCII lower case, every run of other characters one space
/// ("Story Points" and "story_points" both "story points").
std::string column_key(std::string_view name);

/// The known export whose header this is, or nullptr. `gapscore` for a header with an "id"
/// column (gapscore's own names).
const KnownExport* recognize_export(const std::vector<std::string>& header);

/// A candidate column for a field: the first column of the sheet whose key is one of `keys`.
struct ColumnRule {
  std::string_view field;
  std::vector<std::string_view> keys; ///< column keys (column_key), most specific first
  std::string_view how;
};

/// The export's own rules (tried first), then the rules that read any sheet by the names
/// people give columns ("Summary" is a title, "Story Points" an effort).
const std::vector<ColumnRule>& export_rules(const KnownExport& source);
const std::vector<ColumnRule>& common_rules();

/// What the export's mapping converts or leaves out, to tell the reader (for the columns
/// the sheet has).
std::vector<std::string> export_notes(const KnownExport& source, const std::vector<std::string>& header);

} // namespace gapscore
