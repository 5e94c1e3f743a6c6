// gapscore import-csv: a spreadsheet of items -> a scenario document. A sheet with gapscore's
// own column names is read as it always was (document/csv.cpp); any other sheet, or any
// mapping option, goes through the mapping (import_mapping.hpp): a known tracker's export,
// the "map" option, the "locale" of its numbers. "detect": the mapping instead of the document.
#include "imports/commands.hpp"
#include "document/csv.hpp"
#include "gapscore/load.hpp"
#include "gapscore/models.hpp"
#include "imports/import_mapping.hpp"

namespace gapscore {

namespace {

/// A tracker's export rarely has RICE's columns. When the default model cannot rank what the
/// sheet gave, the document names the first model (in the registry's order) that can, so the
/// next command ranks the file as the widget would, without a --model the reader must guess.
void name_a_model_that_ranks(Json& doc, Diagnostics& diag) {
  if (doc.contains("model")) return;
  Diagnostics scratch;
  const auto s = load_scenario(doc, scratch);
  if (!s) return;
  const auto ranks = [&](const ModelInfo& m) {
    Diagnostics d;
    check_model_inputs(*s, m, d);
    return d.ok();
  };
  if (ranks(default_model())) return;
  for (const ModelInfo& m : models())
    if (ranks(m)) {
      doc["model"] = std::string(m.id);
      diag.warning("/model", code::mapped,
                   "model " + std::string(m.id) + " (" + std::string(m.label) + "): the first model the imported columns can rank with; " +
                       std::string(default_model().id) + ", the default, lacks some of its inputs");
      return;
    }
}

} // namespace

Json command_import_csv(Request& r) {
  bool detect = false;
  if (r.has("detect")) {
    const Json& d = r.options["detect"];
    if (!d.is_boolean()) r.usage("detect", code::invalid_option, "must be true or false (got " + describe(d) + ")");
    else detect = d.get<bool>();
  }
  if (!r.diag.ok()) return nullptr;
  if (!detect && !r.has("map") && !r.has("locale") && is_native_sheet(r.document)) {
    auto doc = document_from_csv(r.document, r.diag);
    if (!doc) return nullptr;
    return *doc;
  }
  auto plan = plan_import(r);
  if (!plan) return nullptr;
  if (detect) return describe_plan(*plan);
  auto doc = import_with_plan(*plan, r.diag);
  if (!doc) return nullptr;
  name_a_model_that_ranks(*doc, r.diag);
  return *doc;
}

const CommandSpec& import_csv_command() {
  static const CommandSpec spec{"import-csv", "turn a CSV of items into a scenario document",
                                {"map", "locale", "detect"}, command_import_csv, nullptr, nullptr};
  return spec;
}

} // namespace gapscore
