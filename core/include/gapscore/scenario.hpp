#pragma once
/// The scenario: a backlog and everything needed to score it, read from a "gapscore/1"
/// document (docs/format.md). Numeric item inputs are stored column by column so that a
/// model re-scores thousands of items by walking contiguous arrays.
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gapscore/json.hpp"

namespace gapscore {

enum class Moscow : std::uint8_t { must = 0, should = 1, could = 2, wont = 3, none = 4 };
enum class Direction : std::uint8_t { benefit, cost };
enum class Normalization : std::uint8_t { minmax, max, vector, none };

/// Numeric item fields read by the models. The JSON name of each is field_name().
enum class Field : std::uint8_t {
  reach,            // RICE: people or events per period, >= 0
  impact,           // RICE: Intercom scale 3, 2, 1, 0.5, 0.25 (other positive values allowed)
  confidence,       // RICE: fraction in (0, 1]
  effort,           // RICE, value/effort, gap: person-months, > 0
  business_value,   // WSJF, >= 0
  time_criticality, // WSJF, >= 0
  risk_reduction,   // WSJF (risk reduction / opportunity enablement), >= 0
  job_size,         // WSJF, > 0
  ice_impact,       // ICE, 1..10
  ice_confidence,   // ICE, 1..10
  ease,             // ICE, 1..10
  value,            // value/effort: any positive scale, > 0
};
inline constexpr std::size_t kFieldCount = 12;

std::string_view field_name(Field f);
/// The field as people call it ("time criticality", "ICE impact"): describe's input names.
std::string_view field_label(Field f);
/// The field with that JSON name, if any.
std::optional<Field> field_from_name(std::string_view name);

std::string_view moscow_name(Moscow m);
std::string_view normalization_name(Normalization n);

/// Where a criterion's values come from.
enum class CriterionSource : std::uint8_t {
  scores, ///< each item's "scores" (the default)
  okr,    ///< "source": "okr": each item's OKR alignment, filled in when the document loads
  field,  ///< "source": "<field>": each item's own numeric field (one estimate, every model)
};

struct Criterion {
  std::string id;
  std::string name;
  double weight = 1;
  Direction direction = Direction::benefit;
  /// Optional fixed scale {"min", "max"}: minmax and max normalization then use it instead
  /// of the items' range, so a criterion's scores stay absolute when items come and go.
  double scale_min = std::numeric_limits<double>::quiet_NaN();
  double scale_max = std::numeric_limits<double>::quiet_NaN();
  CriterionSource source = CriterionSource::scores;
  Field field = Field::effort; ///< the item field, when source is CriterionSource::field
  bool has_scale() const { return !std::isnan(scale_min); }
};

/// The non-numeric part of an item.
struct ItemInfo {
  std::string id;
  std::string title;
  std::string description;
  std::vector<std::string> tags;
  Moscow moscow = Moscow::none;
  std::vector<std::string> depends_on;
};

/// An input given as a range {"low", "likely", "high"} instead of a number. The column keeps
/// the likely value, so every deterministic result uses it; simulation draws from the range.
struct UncertainInput {
  enum class Target : std::uint8_t { field, score, weight };
  Target target = Target::field;
  std::uint32_t column = 0; // Field index, criterion index (score/weight)
  std::uint32_t item = 0;   // item index (unused for weight)
  double low = 0, likely = 0, high = 0;
  std::string path; // JSON Pointer of the input, for messages
};

/// The document's other sections (customer outcomes, evidence, Kano, OKRs, stakeholders, AHP,
/// what-if scenarios, simulation and matrix settings), read once into typed data when the
/// document is loaded. Defined in the core's private document/sections.hpp: the features
/// that use a section include it.
struct Sections;

/// The document a scenario was read from, kept only to be written out again (the engine's
/// edited document, what-if variants) and never read to score. Read from text, it is that
/// text: one byte per byte of the document, where the DOM it replaces took about eight.
/// Copies of a scenario share it.
class SourceDocument {
public:
  SourceDocument() = default;
  /// A Json document, kept as it is.
  explicit SourceDocument(Json document);
  /// A copy of the text.
  static SourceDocument copy_of(std::string_view text);
  /// The text itself, not copied: whoever makes it keeps the text alive for as long as any
  /// scenario holding it (a command's document outlives the command's scenarios).
  static SourceDocument view_of(std::string_view text);

  /// The document as a Json: parsed again when it is kept as text (what the reader accepted
  /// parses again); null when there is none.
  Json json() const;

private:
  std::shared_ptr<const std::string> owned_; ///< copy_of's text
  std::string_view text_;                    ///< the text, when kept as text
  std::shared_ptr<const Json> dom_;          ///< the Json, when kept as one
};

/// Marks a numeric input that the document does not give.
inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
inline bool is_missing(double x) { return std::isnan(x); }

struct Scenario {
  /// The document as given, unknown fields included. Kept for what is written out again:
  /// the engine's edited document and the documents of what-if variants. Everything else
  /// was read from it once, by the loader, into the members below and sections().
  SourceDocument source;

  std::string title;
  std::string model = "rice"; ///< default model when a command names none
  bool model_given = false;   ///< the document names its model (else "rice" is assumed)
  std::optional<int> top;     ///< default top N

  std::vector<ItemInfo> items;
  std::array<std::vector<double>, kFieldCount> fields; ///< [field][item], kMissing if absent

  std::vector<Criterion> criteria;
  Normalization normalization = Normalization::minmax;
  /// [criterion][item], kMissing if absent (read a criterion's values through
  /// criterion_values: a criterion may take them from an item field instead).
  std::vector<std::vector<double>> scores;

  std::vector<UncertainInput> uncertain;

  /// "weights_from": "ahp": the criteria weights are the AHP priorities. An engine clears it
  /// when a weight is set by hand.
  bool weights_from_ahp = false;

  /// The typed sections (empty ones for a scenario not made by the loader).
  const Sections& sections() const;
  /// The sections for changing (the evidence loop scales lifts). Only for a scenario that
  /// holds them alone, as a freshly loaded one does: when a copy shares them it throws
  /// std::logic_error rather than let the copy see the change.
  Sections& edit_sections();
  void set_sections(std::shared_ptr<const Sections> sections) { sections_ = std::move(sections); }

  std::size_t size() const { return items.size(); }
  const std::vector<double>& column(Field f) const { return fields[static_cast<std::size_t>(f)]; }
  /// Criterion c's value for every item: its scores, or the item field it takes them from,
  /// so an edited estimate reaches every model that reads it.
  const std::vector<double>& criterion_values(std::size_t c) const {
    return criteria[c].source == CriterionSource::field ? column(criteria[c].field) : scores[c];
  }
  std::vector<double>& column(Field f) { return fields[static_cast<std::size_t>(f)]; }

  /// Index of the item with that id, or npos.
  std::size_t item_index(std::string_view id) const;
  std::size_t criterion_index(std::string_view id) const;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  /// Rebuilds the id lookup after items change.
  void index_items();

private:
  std::unordered_map<std::string, std::size_t> item_lookup_;
  std::shared_ptr<const Sections> sections_; ///< shared by copies (read-only)
};

} // namespace gapscore
