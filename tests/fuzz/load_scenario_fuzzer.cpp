// Fuzzes the JSON scenario loader (load_scenario_text, and parse_json_text + load_scenario)
// and what every command does right after it: check a model's inputs, score, rank.
// Properties checked beyond "no crash, no sanitizer report":
// - a document parse_json_text accepts parses to the same Json with nlohmann's own parser;
// - the two readers agree: load_scenario_text (no DOM) reports the same problems, in the
//   same order, as parse_json_text + load_scenario, and loads exactly when it does;
// - a document that loads also scores: for every model whose inputs check out, every score
//   is a finite number (no infinity or NaN ever reaches a ranking);
// - the Engine (the widget's path) loads it too, ranks it, and what it saves loads again.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "fuzz_support.hpp"
#include "gapscore/engine.hpp"
#include "scoring/finite_scores.hpp"
#include "gapscore/load.hpp"
#include "gapscore/models.hpp"
#include "scoring/ranking.hpp"

using namespace gapscore;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::write_seeds_if_asked([](const std::filesystem::path& dir) {
    for (const auto& [name, text] : fuzz::repository_files(".json")) fuzz::write_seed(dir, name, text);
    for (const auto& c : fuzz::catalogue_seeds())
      if (c.command != "import-csv") fuzz::write_seed(dir, c.name, c.document);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  {
    // parse_json_text builds the DOM itself (for speed): it must equal nlohmann's.
    Diagnostics parse_diag;
    if (auto mine = parse_json_text(text, parse_diag)) {
      const Json theirs = Json::parse(text.begin(), text.end(), nullptr, false);
      if (theirs.is_discarded() || theirs != *mine) fuzz::broken("parse_json_text agrees with Json::parse", std::string(text));
    }
  }
  Diagnostics diag;
  auto s = load_scenario_text(text, diag);
  {
    Diagnostics dom_diag;
    std::optional<Scenario> dom;
    if (auto document = parse_json_text(text, dom_diag)) dom = load_scenario(std::move(*document), dom_diag);
    if (dom.has_value() != s.has_value() || dom_diag.errors_document() != diag.errors_document() ||
        dom_diag.warnings_array() != diag.warnings_array())
      fuzz::broken("load_scenario_text agrees with parse_json_text + load_scenario", std::string(text));
    if (dom && s && (dom->size() != s->size() || dom->uncertain.size() != s->uncertain.size()))
      fuzz::broken("both readers load the same scenario", std::string(text));
  }
  if (!s) {
    if (diag.ok()) fuzz::broken("a refused document has an error", std::string(text));
    return 0;
  }
  for (const ModelInfo& m : models()) {
    Diagnostics d;
    check_model_inputs(*s, m, d);
    if (!d.ok()) continue;
    const ScoreTable t = score_items(*s, m);
    if (first_non_finite(t.score) != t.score.size()) fuzz::broken("inputs that check out score finitely", std::string(m.id));
    Ranking ranking;
    Ranker(*s).rank(t.score, ranking);
  }

  Engine engine;
  if (!engine.load(text)) fuzz::broken("the Engine loads what load_scenario loads", engine.last_errors());
  if (engine.rank())
    for (std::size_t i = 0; i < engine.size(); ++i)
      if (!std::isfinite(engine.score_data()[i])) fuzz::broken("Engine scores are finite", std::string(text));
  const std::string saved = engine.document_json();
  Engine again;
  if (!again.load(saved)) fuzz::broken("a saved document loads again", again.last_errors());
  return 0;
}
