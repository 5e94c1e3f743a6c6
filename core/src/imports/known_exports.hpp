#pragma once
/// The trackers whose CSV exports gapscore recognizes by their header row: one registry
/// entry per export, holding how it is recognized, which column holds each field and what
/// its mapping leaves out (docs/format.md, "Exports from trackers"). The column names are the
/// vendors' own, cited in tests/fixtures/csv/README.md beside the fixtures. A new export is
/// a new entry in known_exports.cpp; nothing else compares export names.
#include <string>
#include <string_view>
#include <vector>

#include "imports/import_mapping.hpp"

namespace gapscore {

/// A column name for matching: ASCII lower case, every run of other characters one space
/// ("Story Points" and "story_points" both "story points").
std::string column_key(std::string_view name);

/// A candidate column for a field: the first column of the sheet whose key is one of `keys`.
struct ColumnRule {
  std::string_view field;
  std::vector<std::string_view> keys; ///< column keys (column_key), most specific first
  std::string_view how;
};

/// A header row: the columns as written, and their keys (column_key), in sheet order.
struct HeaderKeys {
  const std::vector<std::string>& names;
  std::vector<std::string> keys;
  bool has(std::string_view key) const;
};

struct KnownExport {
  std::string_view id;        ///< "jira", "azure_devops", "github_projects", "linear", "gapscore"
  std::string_view name;      ///< "Jira (Cloud or Data Center)"
  std::string_view reference; ///< where its column names are documented
  std::string_view read_as;   ///< for the "mapped" warning: "a Jira (Cloud or Data Center) export"
  bool (*recognizes)(const HeaderKeys& header);
  std::vector<ColumnRule> rules; ///< its own columns, tried before common_rules()
  /// What its mapping converts or leaves out, for the columns this sheet has.
  std::vector<std::string> (*notes)(const HeaderKeys& header) = nullptr;
  bool ids_from_urls = false;       ///< ids are issue URLs, written owner/repo#number (GitHub)
  bool titles_make_ids = false;     ///< without an id column, ids are made from the titles
  bool strips_formula_quote = false; ///< the export writes ' before text that starts like a formula
};

/// The known exports, in the order they are tried.
const std::vector<KnownExport>& known_exports();

/// The first known export whose header this is, or nullptr. `gapscore` for a header with an
/// "id" column (gapscore's own names).
const KnownExport* recognize_export(const std::vector<std::string>& header);

/// The rules that read any sheet by the names people give columns ("Summary" is a title,
/// "Story Points" an effort), tried after the export's own.
const std::vector<ColumnRule>& common_rules();

} // namespace gapscore
