#pragma once
// The loader's steps above and after the items, in the order their problems are reported:
// the top level, the criteria, (the items, item_loader.hpp), then the dependencies between
// items. load_scenario (over a Json) runs them all; the text reader (scenario_reader.cpp)
// runs them on the small Json it keeps of everything but the items.
#include "gapscore/diagnostics.hpp"
#include "gapscore/json.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

class DocumentLoader {
public:
  explicit DocumentLoader(Diagnostics& diag) : diag_(diag) {}

  /// "the document must be a JSON object": false (and the error) when it is not.
  bool check_object(const Json& doc);
  /// format, the unknown top-level fields, title, model, description, top, normalization.
  void load_top_level(const Json& doc, Scenario& s);
  /// "criteria", into s.criteria (and s.scores, one empty column each; weight ranges into
  /// s.uncertain).
  void load_criteria(const Json& doc, Scenario& s);
  /// "items" of a Json document, each through ItemLoader.
  void load_items(const Json& doc, Scenario& s);
  /// After the items: the id index, then depends_on naming no item, the item itself, or a cycle.
  void check_dependencies(Scenario& s);

private:
  Diagnostics& diag_;
  void check_format(const Json& doc);
  void load_normalization(const Json& doc, Scenario& s);
  void load_source(const Json& v, const std::string& path, Criterion& crit);
  void load_scale(const Json& j, const std::string& path, Criterion& crit);
  void report_cycle(const Scenario& s);
};

/// Whether the item list can be read: false, with the error, when it is missing, not a list,
/// or over the item limit (then none of its items is read).
bool check_item_list(bool present, Json::value_t kind, std::size_t size, Diagnostics& diag);

} // namespace gapscore
