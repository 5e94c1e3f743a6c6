// OKRs: reading objectives and contributions, alignment per item, coverage of a plan, and
// the "source": "okr" criterion of the weighted model.
#include "planning/okr.hpp"

#include <map>

#include "document/section_reader.hpp"

namespace gapscore {
namespace {

using detail::expect_object;
using detail::list_at;
using detail::read_id;
using detail::read_number;
using detail::first_mention;
using detail::read_ref;
using detail::RefKind;
using detail::read_text;
using detail::warn_unknown;

class OkrReader {
public:
  OkrReader(const Json& doc, Diagnostics& d) : doc_(doc), d_(d) {}

  void read(std::size_t items, OkrData& okr) {
    read_objectives(okr);
    read_contributions(items, okr);
  }

private:
  const Json& doc_;
  Diagnostics& d_;
  std::map<std::string, std::size_t> objective_ids_, kr_ids_;
  std::map<std::string, std::string> kr_paths_; // key result id -> its list, for duplicates

  void read_objectives(OkrData& okr) {
    const Json* list = list_at(doc_, "objectives", "/objectives", d_);
    if (!list) return;
    double total = 0;
    for (std::size_t k = 0; k < list->size(); ++k) {
      const std::string path = pointer("/objectives", k);
      const Json& j = (*list)[k];
      Objective obj;
      if (expect_object(j, path, "{\"id\", \"name\", \"weight\", \"key_results\"}", d_)) {
        obj.id = read_id(j, path, "/objectives", k, objective_ids_, d_, "objective");
        obj.name = read_text(j, "name", path, obj.id, d_);
        if (j.contains("weight")) obj.weight = read_number(j["weight"], pointer(path, "weight"), NumberRule{0, true, 1e12, true}, d_);
        if (!is_missing(obj.weight)) total += obj.weight;
        read_key_results(j, path, okr.objectives.size(), okr, obj);
        warn_unknown(j, path, {"id", "name", "description", "weight", "key_results"}, d_);
      }
      okr.objectives.push_back(obj);
    }
    if (!okr.objectives.empty() && d_.ok() && !(total > 0))
      d_.warning("/objectives", code::unusual_value, "every objective has weight 0, so no item aligns with them");
  }

  void read_key_results(const Json& j, const std::string& path, std::size_t objective, OkrData& okr,
                        Objective& obj) {
    const std::string kr_path = pointer(path, "key_results");
    const Json* list = list_at(j, "key_results", kr_path, d_, true,
                               "an objective needs at least one key result items can contribute to");
    if (!list) return;
    if (list->empty()) d_.error(kr_path, code::out_of_range, "is empty: an objective needs at least one key result");
    for (std::size_t k = 0; k < list->size(); ++k) {
      const std::string at = pointer(kr_path, k);
      const Json& kj = (*list)[k];
      KeyResult kr;
      kr.objective = objective;
      if (expect_object(kj, at, "{\"id\", \"name\", \"target\"}", d_)) {
        // Key result ids are unique across all objectives: items name them alone.
        std::map<std::string, std::size_t> local;
        kr.id = read_id(kj, at, kr_path, k, local, d_, "key result");
        if (!kr.id.empty()) {
          auto [it, fresh] = kr_ids_.emplace(kr.id, okr.key_results.size());
          if (!fresh) {
            d_.error(pointer(at, "id"), code::duplicate, "duplicate of " + kr_paths_[kr.id] + " " + describe(kj["id"]) +
                                            " (key result ids are unique across objectives)");
            kr.id.clear();
          } else {
            kr_paths_[kr.id] = pointer(at, "id");
          }
        }
        kr.name = read_text(kj, "name", at, kr.id, d_);
        if (kj.contains("target")) kr.target = read_number(kj["target"], pointer(at, "target"), NumberRule{0, false, 1e15, true}, d_);
        warn_unknown(kj, at, {"id", "name", "description", "target", "unit", "current"}, d_);
      }
      obj.key_results.push_back(okr.key_results.size());
      okr.key_results.push_back(kr);
    }
  }

  void read_contributions(std::size_t items, OkrData& okr) {
    const Json* list = doc_.contains("items") && doc_["items"].is_array() ? &doc_["items"] : nullptr;
    if (!list) return;
    for (std::size_t i = 0; i < items && i < list->size(); ++i) {
      const Json& item = (*list)[i];
      if (!item.is_object() || !item.contains("contributes")) continue;
      const std::string path = pointer(pointer("/items", i), "contributes");
      const Json* entries = list_at(item, "contributes", path, d_);
      if (!entries) continue;
      std::map<std::size_t, std::size_t> seen;
      for (std::size_t k = 0; k < entries->size(); ++k) {
        const std::string at = pointer(path, k);
        const Json& j = (*entries)[k];
        if (!expect_object(j, at, "{\"key_result\": id, \"amount\": number}", d_)) continue;
        warn_unknown(j, at, {"key_result", "amount", "note"}, d_);
        Contribution c;
        static constexpr RefKind kKeyResult{"key_result", "the id of the key result this item contributes to",
                                            "a key result id", "key result", "(the document has no objectives)"};
        const auto kr_index = read_ref(j, at, kKeyResult, kr_ids_, okr.key_results.empty(), d_);
        if (!kr_index) continue;
        c.key_result = *kr_index;
        if (!j.contains("amount")) {
          d_.error(pointer(at, "amount"), code::missing, "missing: how much of the key result this item achieves");
          continue;
        }
        const KeyResult& kr = okr.key_results[c.key_result];
        const bool fraction = is_missing(kr.target);
        c.amount = read_number(j["amount"], pointer(at, "amount"),
                               fraction ? NumberRule{0, false, 1, true} : NumberRule{0, false, 1e15, true}, d_);
        if (is_missing(c.amount)) {
          if (fraction && j["amount"].is_number() && j["amount"].get<double>() > 1)
            d_.error(pointer(at, "amount"), code::out_of_range, "key result " + describe(Json(kr.id)) +
                                                " has no target, so the amount is the fraction of it achieved; "
                                                "give the key result a target to count in its own unit");
          continue;
        }
        if (first_mention(seen, c.key_result, path, k, kKeyResult, d_)) okr.contributes.edit(i, items).push_back(c);
      }
    }
  }
};

} // namespace

OkrData read_okr_data(const Json& document, std::size_t items, Diagnostics& diag) {
  OkrData okr;
  if (!document.is_object()) return okr;
  try {
    OkrReader(document, diag).read(items, okr);
  } catch (const std::exception& ex) { // defensive: types are checked before every read
    diag.error("", code::internal_error, std::string("could not read the objectives: ") + ex.what());
  }
  return okr;
}

double contribution_progress(const OkrData& okr, const Contribution& c) {
  const KeyResult& kr = okr.key_results[c.key_result];
  const double p = is_missing(kr.target) ? c.amount : c.amount / kr.target;
  return p < 1 ? p : 1;
}

std::vector<double> key_result_weights(const OkrData& okr) {
  double total = 0;
  for (const Objective& o : okr.objectives) total += o.weight;
  std::vector<double> w(okr.key_results.size(), 0.0);
  if (!(total > 0)) return w;
  for (const Objective& o : okr.objectives) {
    if (o.key_results.empty()) continue;
    const double each = o.weight / total / static_cast<double>(o.key_results.size());
    for (std::size_t k : o.key_results) w[k] = each;
  }
  return w;
}

std::vector<double> okr_alignment(const OkrData& okr, std::size_t items) {
  const std::vector<double> w = key_result_weights(okr);
  std::vector<double> out(items, 0.0);
  for (std::size_t i = 0; i < out.size(); ++i)
    for (const Contribution& c : okr.contributes[i]) out[i] += w[c.key_result] * contribution_progress(okr, c);
  return out;
}

OkrCoverage okr_coverage(const OkrData& okr, const std::vector<std::size_t>& items) {
  OkrCoverage cov;
  cov.key_result_progress.assign(okr.key_results.size(), 0.0);
  for (std::size_t i : items)
    for (const Contribution& c : okr.contributes[i]) cov.key_result_progress[c.key_result] += contribution_progress(okr, c);
  for (double& p : cov.key_result_progress) p = p < 1 ? p : 1;
  double total = 0;
  for (const Objective& o : okr.objectives) total += o.weight;
  for (const Objective& o : okr.objectives) {
    double sum = 0;
    for (std::size_t k : o.key_results) sum += cov.key_result_progress[k];
    const double score = o.key_results.empty() ? 0 : sum / static_cast<double>(o.key_results.size());
    cov.objective_score.push_back(score);
    if (total > 0) cov.overall += o.weight / total * score;
  }
  return cov;
}

void apply_okr_criteria(const Json& document, const OkrData& okr, Scenario& s, Diagnostics& diag) {
  if (!document.is_object() || !document.contains("criteria") || !document["criteria"].is_array()) return;
  const Json& list = document["criteria"];
  std::vector<double> alignment;
  for (std::size_t c = 0; c < list.size() && c < s.criteria.size(); ++c) {
    const Json& j = list[c];
    // "source" itself is read and checked by the loader; only the OKR source is filled here.
    if (!j.is_object() || s.criteria[c].source != CriterionSource::okr) continue;
    const std::string path = pointer(pointer("/criteria", c), "source");
    if (okr.objectives.empty()) {
      diag.error(path, code::missing, "the document has no objectives to align items with");
      continue;
    }
    const std::string& id = s.criteria[c].id;
    // const operator[] on a missing key is undefined behaviour (found by fuzzing): the
    // loader reports a missing "items" list and carries on.
    const Json& items = document.contains("items") ? document["items"] : Json::array();
    for (std::size_t i = 0; i < s.size() && items.is_array() && i < items.size(); ++i) {
      const Json& item = items[i];
      if (item.is_object() && item.contains("scores") && item["scores"].is_object() && item["scores"].contains(id))
        diag.error(pointer(pointer(pointer("/items", i), "scores"), id), code::duplicate,
                   "criterion " + describe(Json(id)) + " takes its scores from the objectives (\"source\": "
                   "\"okr\"); remove this score");
    }
    if (alignment.empty()) alignment = okr_alignment(okr, s.size());
    s.scores[c] = alignment;
    // Alignment is a share in [0, 1]: a fixed scale keeps each item's score absolute.
    if (!s.criteria[c].has_scale()) {
      s.criteria[c].scale_min = 0;
      s.criteria[c].scale_max = 1;
    }
  }
}

} // namespace gapscore
