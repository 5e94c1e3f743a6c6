// gapscore diff: what changed between two scenarios, and why each item moved.
#include <algorithm>

#include "whatif/commands.hpp"
#include "whatif/rank_changes.hpp"

namespace gapscore {
namespace {

std::optional<Scored> load_after(Request& r, const ModelInfo& model) {
  auto text = r.text("after");
  if (!text) {
    if (!r.has("after")) r.usage("after", code::missing, "missing: give the second scenario (the document text)");
    return std::nullopt;
  }
  // Problems in the second document are reported under /after so both can be told apart.
  Diagnostics d;
  auto s = load_scenario_text(*text, d);
  if (s) check_model_inputs(*s, model, d);
  r.diag.add(d, [](Problem& p, Diagnostics::Kind) {
    p.path = "/after" + p.path;
    return true;
  });
  if (!s || !d.ok()) return std::nullopt;
  return score_and_rank(std::move(*s), model);
}

/// The inputs of item i (before) and j (after) that differ. For models that read criteria
/// these are the item's own criterion values, not the table's terms: those are normalized
/// against the other items (TOPSIS; the weighted scorecard without a fixed scale), so a
/// change to one item would move every item's terms and "its own terms changed" would be
/// false. Other models' terms are the item's own inputs already (RICE's reach, the gap
/// model's value).
Json moved_terms(const Scored& a, std::size_t i, const Scored& b, std::size_t j) {
  Json out = Json::array();
  auto add = [&](const std::string& name, double before, double after) {
    if (before != after) out.push_back(Json{{"term", name}, {"before", before}, {"after", after}});
  };
  if (a.model->needs_criteria) {
    const Scenario &sa = a.scenario, &sb = b.scenario;
    for (std::size_t c = 0; c < sa.criteria.size(); ++c) {
      const std::size_t cb = sb.criterion_index(sa.criteria[c].id);
      if (cb != Scenario::npos) add(sa.criteria[c].id, sa.criterion_values(c)[i], sb.criterion_values(cb)[j]);
    }
    return out;
  }
  for (std::size_t k = 0; k < a.table.term_names.size(); ++k) {
    const auto& name = a.table.term_names[k];
    auto it = std::find(b.table.term_names.begin(), b.table.term_names.end(), name);
    if (it == b.table.term_names.end()) continue;
    const std::size_t kb = static_cast<std::size_t>(it - b.table.term_names.begin());
    add(name, a.table.terms[k][i], b.table.terms[kb][j]);
  }
  return out;
}

Json weight_changes(const Scenario& a, const Scenario& b) {
  Json out = Json::array();
  for (const auto& ca : a.criteria) {
    const std::size_t c = b.criterion_index(ca.id);
    const double after = c == Scenario::npos ? kMissing : b.criteria[c].weight;
    if (c == Scenario::npos || after != ca.weight)
      out.push_back(Json{{"criterion", ca.id}, {"before", ca.weight},
                         {"after", c == Scenario::npos ? Json(nullptr) : Json(after)}});
  }
  for (const auto& cb : b.criteria)
    if (a.criterion_index(cb.id) == Scenario::npos)
      out.push_back(Json{{"criterion", cb.id}, {"before", nullptr}, {"after", cb.weight}});
  return out;
}

} // namespace

void add_rank_changes(Json& out, const Scored& before_scored, const Scored& after_scored, std::size_t top,
                      bool model_changed) {
  const Scored* before = &before_scored;
  const Scored* after = &after_scored;
  const Scenario& sa = before->scenario;
  const Scenario& sb = after->scenario;
  const Json weights = weight_changes(sa, sb);
  out["weights"] = weights;
  // The weighted scorecard re-normalizes every criterion: a different normalization moves
  // items without any input of theirs changing.
  const bool normalization_changed =
      !model_changed && before->model->uses_normalization && sa.normalization != sb.normalization;
  std::string normalization_reason;
  if (normalization_changed) {
    const std::string from(normalization_name(sa.normalization)), to(normalization_name(sb.normalization));
    out["normalization_change"] = Json{{"before", from}, {"after", to}};
    normalization_reason = "the normalization changed (" + from + " → " + to + ")";
  }

  // A weight change is a reason only for a model that reads weights (RICE ignores them).
  const bool weights_matter = !weights.empty() && before->model->reads_weights() && after->model->reads_weights();
  // Items that moved without a change of their own moved because others crossed them: the
  // ones that went down (to name who dropped below an item that rose) and up.
  std::vector<std::size_t> went_down, went_up; // indices in `after`, by rank before
  for (std::size_t j = 0; j < sb.size(); ++j) {
    const std::size_t i = sa.item_index(sb.items[j].id);
    if (i == Scenario::npos) continue;
    const std::uint32_t ra = before->ranking.rank[i], rb = after->ranking.rank[j];
    if (rb > ra) went_down.push_back(j);
    if (rb < ra) went_up.push_back(j);
  }
  auto rank_before = [&](std::size_t j) { return before->ranking.rank[sa.item_index(sb.items[j].id)]; };
  auto by_rank_before = [&](std::size_t x, std::size_t y) { return rank_before(x) < rank_before(y); };
  std::sort(went_down.begin(), went_down.end(), by_rank_before);
  std::sort(went_up.begin(), went_up.end(), by_rank_before);
  /// Items of `movers` on the other side of item j before and after (it rose: they were
  /// above and are now below; it fell: they were below and are now above), at most three.
  auto crossed = [&](std::size_t j, const std::vector<std::size_t>& movers, bool rose) {
    constexpr std::size_t kNamed = 3;
    const std::uint32_t ra = rank_before(j), rb = after->ranking.rank[j];
    Json ids = Json::array();
    for (std::size_t k : movers) {
      if (k == j || ids.size() == kNamed) continue;
      const std::uint32_t ka = rank_before(k), kb = after->ranking.rank[k];
      if (rose ? (ka < ra && kb > rb) : (ka > ra && kb < rb)) ids.push_back(sb.items[k].id);
    }
    return ids;
  };
  auto names = [](const Json& ids) {
    std::string out;
    for (std::size_t k = 0; k < ids.size(); ++k)
      out += (k == 0 ? "" : k + 1 == ids.size() ? " and " : ", ") + ids[k].get<std::string>();
    return out;
  };

  struct Row {
    std::size_t sort_key;
    Json json;
  };
  std::vector<Row> rows;
  Json added = Json::array(), removed = Json::array(), entered = Json::array(), left = Json::array();
  for (std::size_t j = 0; j < sb.size(); ++j) {
    const std::size_t i = sa.item_index(sb.items[j].id);
    const std::uint32_t rb = after->ranking.rank[j];
    Json row = {{"id", sb.items[j].id}, {"title", sb.items[j].title}};
    if (i == Scenario::npos) {
      row["before_rank"] = nullptr;
      row["after_rank"] = rb;
      row["after_score"] = after->table.score[j];
      row["reason"] = "added";
      row["reason_code"] = rank_change::added;
      added.push_back(sb.items[j].id);
      if (top && rb <= top) entered.push_back(sb.items[j].id);
    } else {
      const std::uint32_t ra = before->ranking.rank[i];
      row["before_rank"] = ra;
      row["after_rank"] = rb;
      row["change"] = static_cast<long long>(ra) - static_cast<long long>(rb);
      row["before_score"] = before->table.score[i];
      row["after_score"] = after->table.score[j];
      Json moved = moved_terms(*before, i, *after, j);
      // Under another model the terms are other numbers anyway: the model is the reason.
      std::string reason;
      std::string_view reason_code;
      Json others;                        // the items it crossed, when they are the reason
      const char* others_member = nullptr; // and the member that names them
      if (ra == rb) reason = "unchanged", reason_code = rank_change::unchanged;
      else if (model_changed) reason = "the model changed", reason_code = rank_change::model_changed;
      else if (normalization_changed) reason = normalization_reason, reason_code = rank_change::normalization_changed;
      else if (!moved.empty()) reason = "its own terms changed", reason_code = rank_change::own_terms_changed;
      else if (weights_matter) reason = "criterion weights changed", reason_code = rank_change::weights_changed;
      else if (rb < ra) {
        others = crossed(j, went_down, true);
        reason = others.empty() ? "items above it dropped below it" : names(others) + " dropped below it";
        reason_code = rank_change::others_dropped_below;
        others_member = "dropped_below";
      } else {
        others = crossed(j, went_up, false);
        reason = others.empty() ? "other items moved past it" : names(others) + " moved past it";
        reason_code = rank_change::others_moved_past;
        others_member = "moved_past";
      }
      row["moved_by"] = std::move(moved);
      row["reason"] = reason;
      row["reason_code"] = reason_code;
      if (others_member) row[others_member] = std::move(others);
      if (top && ra > top && rb <= top) entered.push_back(sb.items[j].id);
      if (top && ra <= top && rb > top) left.push_back(sb.items[j].id);
    }
    rows.push_back({rb, std::move(row)});
  }
  for (std::size_t i = 0; i < sa.size(); ++i) {
    if (sb.item_index(sa.items[i].id) != Scenario::npos) continue;
    const std::uint32_t ra = before->ranking.rank[i];
    removed.push_back(sa.items[i].id);
    if (top && ra <= top) left.push_back(sa.items[i].id);
    rows.push_back({sb.size() + ra, Json{{"id", sa.items[i].id}, {"title", sa.items[i].title},
                                          {"before_rank", ra}, {"after_rank", nullptr},
                                          {"before_score", before->table.score[i]},
                                          {"reason", "removed"},
                                          {"reason_code", rank_change::removed}}});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.sort_key < b.sort_key; });
  Json items = Json::array();
  for (auto& row : rows) items.push_back(std::move(row.json));
  out["items"] = std::move(items);
  out["added"] = std::move(added);
  out["removed"] = std::move(removed);
  if (top) {
    out["top"] = top;
    out["entered_top"] = std::move(entered);
    out["left_top"] = std::move(left);
  }
}

Json command_diff(Request& r) {
  auto before = load_and_score(r);
  if (!before) return nullptr;
  auto after = load_after(r, *before->model);
  if (!after) return nullptr;
  const std::size_t top = r.top(before->scenario);
  if (!r.diag.ok()) return nullptr;

  Json out = Json::object();
  describe_model(out, *before->model, before->scenario);
  add_rank_changes(out, *before, *after, top);
  return out;
}

const CommandSpec& diff_command() {
  static const CommandSpec spec{"diff", "compare two scenarios: rank changes and the terms that moved them", {"model", "after", "top"}, command_diff, nullptr, nullptr};
  return spec;
}

} // namespace gapscore
