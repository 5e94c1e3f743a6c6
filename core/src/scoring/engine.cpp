#include "gapscore/engine.hpp"

#include <algorithm>

#include "commands/request.hpp"
#include "document/describe.hpp"
#include "document/json_text.hpp"
#include "scoring/explain.hpp"
#include "scoring/finite_scores.hpp"
#include "scoring/ranking.hpp"
#include "gapscore/load.hpp"
#include "document/schema.hpp"

namespace gapscore {

struct Engine::Ranked {
  explicit Ranked(const Scenario& s) : ranker(s) {}
  Ranker ranker;
  Ranking ranking;
};

Engine::Engine() = default;
Engine::~Engine() = default;

const std::uint32_t* Engine::order_data() const { return ranked_ ? ranked_->ranking.order.data() : nullptr; }
const std::uint32_t* Engine::rank_data() const { return ranked_ ? ranked_->ranking.rank.data() : nullptr; }
const std::uint32_t* Engine::tie_size_data() const { return ranked_ ? ranked_->ranking.tie_size.data() : nullptr; }

bool Engine::fail(std::string path, std::string_view code, std::string message) {
  Diagnostics d;
  d.error(std::move(path), code, std::move(message));
  errors_ = pretty_json(d.errors_document()) + "\n";
  return false;
}

bool Engine::load(std::string_view document_json) {
  Diagnostics d;
  auto s = load_scenario_text(document_json, d);
  if (!s) {
    errors_ = pretty_json(d.errors_document()) + "\n";
    return false;
  }
  warnings_ = Diagnostics();
  for (const Problem& w : d.warnings()) warnings_.warning(w);
  const ModelInfo* m = find_model(s->model);
  scenario_ = std::move(*s);
  edits_.clear();
  model_ = m ? m : &default_model();
  model_id_ = std::string(model_->id);
  ranked_ = std::make_unique<Ranked>(scenario_);
  table_ = ScoreTable{};
  table_stale_ = true;
  weights_stale_ = false;
  errors_.clear();
  return true;
}

bool Engine::set_model(std::string_view model_id) {
  const ModelInfo* m = find_model(model_id);
  if (!m) return fail("model", code::unknown_model, "unknown model " + describe(Json(std::string(model_id))) + " (choose " + model_list() + ")");
  model_ = m;
  model_id_ = std::string(m->id);
  scenario_.model = model_id_;
  scenario_.model_given = true; // the document now names it: describe() as for documentJson()
  set_in_document("/model", model_id_);
  table_stale_ = true;
  errors_.clear();
  return true;
}

void Engine::set_number_in_document(const std::string& pointer_text, double value) {
  set_in_document(pointer_text, Json(value));
}

void Engine::set_in_document(const std::string& pointer_text, Json value) {
  for (auto it = edits_.rbegin(); it != edits_.rend(); ++it)
    if (it->pointer == pointer_text) {
      if (it->erase) break; // set again after being erased: a new edit, at the end
      it->value = std::move(value);
      return;
    }
  edits_.push_back(DocumentEdit{pointer_text, std::move(value), false});
}

namespace {
/// Drops the range recorded for an input that now holds a plain number.
void forget_range(std::vector<UncertainInput>& u, UncertainInput::Target target, std::uint32_t column,
                  std::uint32_t item) {
  u.erase(std::remove_if(u.begin(), u.end(),
                         [&](const UncertainInput& x) {
                           return x.target == target && x.column == column &&
                                  (target == UncertainInput::Target::weight || x.item == item);
                         }),
          u.end());
}
} // namespace

bool Engine::set_weight(std::string_view criterion_id, double weight) {
  const std::size_t c = scenario_.criterion_index(criterion_id);
  if (c == Scenario::npos) return fail("criterion", code::unknown_reference, "no criterion with id " + describe(Json(std::string(criterion_id))));
  const std::string path = pointer(pointer("/criteria", c), "weight");
  const std::string why = check_number(weight, NumberRule{0, true});
  if (!std::isfinite(weight)) return fail(path, code::out_of_range, "must be a finite number");
  if (!why.empty()) return fail(path, code::out_of_range, why);
  // With "weights_from": "ahp" the weights in use are the AHP priorities, not the document's
  // numbers. A weight set by hand overrides them: every criterion's weight in use is written
  // into the document and "weights_from" dropped, so the document ranks as the engine does.
  if (scenario_.weights_from_ahp) {
    for (std::size_t k = 0; k < scenario_.criteria.size(); ++k)
      set_number_in_document(pointer(pointer("/criteria", k), "weight"), scenario_.criteria[k].weight);
    edits_.push_back(DocumentEdit{"/weights_from", nullptr, true});
    scenario_.weights_from_ahp = false;
  }
  scenario_.criteria[c].weight = weight;
  forget_range(scenario_.uncertain, UncertainInput::Target::weight, static_cast<std::uint32_t>(c), 0);
  set_number_in_document(path, weight);
  weights_stale_ = true;
  errors_.clear();
  return true;
}

bool Engine::set_field(std::string_view item_id, std::string_view field, double value) {
  const std::size_t i = scenario_.item_index(item_id);
  if (i == Scenario::npos) return fail("item", code::unknown_reference, "no item with id " + describe(Json(std::string(item_id))));
  const auto f = field_from_name(field);
  if (!f) return fail("field", code::unknown_reference, "no numeric item field " + describe(Json(std::string(field))));
  const std::string path = pointer(pointer("/items", i), field);
  if (!std::isfinite(value)) return fail(path, code::out_of_range, "must be a finite number");
  const std::string why = check_number(value, rule_for(*f));
  if (!why.empty()) return fail(path, code::out_of_range, why);
  scenario_.column(*f)[i] = value;
  forget_range(scenario_.uncertain, UncertainInput::Target::field, static_cast<std::uint32_t>(*f),
               static_cast<std::uint32_t>(i));
  set_number_in_document(path, value);
  note_field_value(i, *f, value);
  table_stale_ = true;
  errors_.clear();
  return true;
}

void Engine::note_field_value(std::size_t item, Field f, double value) {
  // The loader warns at the field's path (a range's too, about its likely value).
  const std::string path = pointer(pointer("/items", item), field_name(f));
  Diagnostics now;
  now.add(warnings_, [&](Problem& p, Diagnostics::Kind) { return !(p.path == path && p.code == code::unusual_value); });
  if (std::string note = unusual_value_note(f, value); !note.empty()) now.warning(path, code::unusual_value, std::move(note));
  warnings_ = std::move(now);
}

bool Engine::set_score(std::string_view item_id, std::string_view criterion_id, double value) {
  const std::size_t i = scenario_.item_index(item_id);
  if (i == Scenario::npos) return fail("item", code::unknown_reference, "no item with id " + describe(Json(std::string(item_id))));
  const std::size_t c = scenario_.criterion_index(criterion_id);
  if (c == Scenario::npos) return fail("criterion", code::unknown_reference, "no criterion with id " + describe(Json(std::string(criterion_id))));
  const std::string path = pointer(pointer(pointer("/items", i), "scores"), criterion_id);
  if (!std::isfinite(value)) return fail(path, code::out_of_range, "must be a finite number");
  const Criterion& crit = scenario_.criteria[c];
  if (crit.source == CriterionSource::field)
    return fail(path, code::unsupported, "criterion " + describe(Json(crit.id)) + " takes its values from each item's " +
                                             std::string(field_name(crit.field)) + ": set the item's " +
                                             std::string(field_name(crit.field)) + " instead");
  if (crit.source == CriterionSource::okr)
    return fail(path, code::unsupported, "criterion " + describe(Json(crit.id)) +
                                             " takes its values from the items' OKR alignment: change their contributions instead");
  scenario_.scores[c][i] = value;
  forget_range(scenario_.uncertain, UncertainInput::Target::score, static_cast<std::uint32_t>(c),
               static_cast<std::uint32_t>(i));
  set_number_in_document(path, value);
  table_stale_ = true;
  errors_.clear();
  return true;
}

namespace {
UncertainInput* find_range(std::vector<UncertainInput>& u, UncertainInput::Target target, std::size_t column, std::size_t item) {
  for (UncertainInput& x : u)
    if (x.target == target && x.column == column && x.item == item) return &x;
  return nullptr;
}
} // namespace

bool Engine::set_likely(UncertainInput& u, double& cell, double value, const std::string& rule_problem) {
  const std::string path = u.path + "/likely";
  if (!std::isfinite(value)) return fail(path, code::out_of_range, "must be a finite number");
  if (!rule_problem.empty()) return fail(path, code::out_of_range, rule_problem);
  // low <= likely <= high, as the document reader requires; moving low or high is a change
  // of the range, made in the data, not by typing one number.
  if (value < u.low || value > u.high)
    return fail(path, code::out_of_range,
                "the likely value of the range " + number_text(u.low) + "–" + number_text(u.high) +
                    " must lie within it (got " + number_text(value) +
                    "); the range is kept: to go beyond it, change its low or high in the data");
  cell = value;
  u.likely = value;
  set_number_in_document(path, value);
  errors_.clear();
  return true;
}

bool Engine::set_field_likely(std::string_view item_id, std::string_view field, double value) {
  const std::size_t i = scenario_.item_index(item_id);
  const auto f = field_from_name(field);
  UncertainInput* u = i == Scenario::npos || !f ? nullptr
                      : find_range(scenario_.uncertain, UncertainInput::Target::field, static_cast<std::size_t>(*f), i);
  if (!u) return set_field(item_id, field, value);
  if (!set_likely(*u, scenario_.column(*f)[i], value, check_number(value, rule_for(*f)))) return false;
  note_field_value(i, *f, value);
  table_stale_ = true;
  return true;
}

bool Engine::set_score_likely(std::string_view item_id, std::string_view criterion_id, double value) {
  const std::size_t i = scenario_.item_index(item_id);
  const std::size_t c = scenario_.criterion_index(criterion_id);
  UncertainInput* u = i == Scenario::npos || c == Scenario::npos ? nullptr
                      : find_range(scenario_.uncertain, UncertainInput::Target::score, c, i);
  // A criterion fed from a field or the OKRs has no score to set: set_score says so.
  if (!u || scenario_.criteria[c].source != CriterionSource::scores) return set_score(item_id, criterion_id, value);
  // Scores take any finite number (docs/format.md), so only the range's own bounds apply.
  if (!set_likely(*u, scenario_.scores[c][i], value, "")) return false;
  table_stale_ = true;
  return true;
}

bool Engine::set_weight_likely(std::string_view criterion_id, double weight) {
  const std::size_t c = scenario_.criterion_index(criterion_id);
  UncertainInput* u = c == Scenario::npos ? nullptr : find_range(scenario_.uncertain, UncertainInput::Target::weight, c, 0);
  // With "weights_from": "ahp" the document's weight is not the one in use: set_weight says
  // what a weight set by hand does then.
  if (!u || scenario_.weights_from_ahp) return set_weight(criterion_id, weight);
  if (!set_likely(*u, scenario_.criteria[c].weight, weight, check_number(weight, NumberRule{0, true}))) return false;
  weights_stale_ = true;
  return true;
}

bool Engine::rank() {
  if (!model_) return fail("", code::missing, "no document loaded");
  if (table_stale_) {
    Diagnostics d;
    check_model_inputs(scenario_, *model_, d);
    if (!d.ok()) {
      table_ = ScoreTable{};
      ranked_->ranking = Ranking{};
      errors_ = pretty_json(d.errors_document()) + "\n";
      return false;
    }
    table_ = score_items(scenario_, *model_);
  } else if (weights_stale_ && model_->reads_weights()) {
    // The drag path: normalized columns do not depend on weights, so only recombine.
    model_->combine(scenario_, table_);
  }
  table_stale_ = weights_stale_ = false;
  // A weight drag re-combines without check_model_inputs: guard against overflow here too,
  // so no infinity or NaN ever reaches the ranking (finite_scores.hpp).
  Diagnostics overflow;
  if (!check_finite_scores(scenario_, *model_, table_, overflow)) {
    table_ = ScoreTable{};
    ranked_->ranking = Ranking{};
    table_stale_ = true;
    errors_ = pretty_json(overflow.errors_document()) + "\n";
    return false;
  }
  ranked_->ranker.rank(table_.score, ranked_->ranking);
  errors_.clear();
  return true;
}

std::string Engine::document_json() const {
  Json document = scenario_.source.json();
  for (const DocumentEdit& e : edits_) {
    if (e.erase) document.erase(e.pointer.substr(1));
    else document[Json::json_pointer(e.pointer)] = e.value;
  }
  return pretty_json(document) + "\n";
}

std::string Engine::describe_json() const {
  if (!model_) return "null";
  return json_result_text(describe_scenario(scenario_), warnings_);
}

std::string Engine::explain_json(std::string_view item_id) const {
  const std::size_t i = scenario_.item_index(item_id);
  if (i == Scenario::npos || table_.score.size() != scenario_.size() || !model_) return "null";
  return pretty_json(explain_item(scenario_, *model_, table_, ranked_->ranking, i)) + "\n";
}

} // namespace gapscore
