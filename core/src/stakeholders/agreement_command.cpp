// gapscore agreement: how much the stakeholders agree with each other (Kendall's W), where
// they disagree most, and how each one's priorities align with a reference ranking (by
// default the customers' outcomes, through the gap model).
#include "stakeholders/commands.hpp"
#include "document/sections.hpp"
#include "gaps/gap_model.hpp"
#include "stakeholders/agreement.hpp"
#include "scoring/ranking.hpp"
#include "commands/request.hpp"

namespace gapscore {
namespace {

bool has_outcomes(const Scenario& s) { return !s.sections().gap.outcomes.empty(); }

struct Reference {
  const ModelInfo* model = nullptr;
  std::string reason;
  /// What the reference stands for, as a code an interface can label by: "customer_outcomes"
  /// (the gap model over the document's outcomes), "document_model" or "option".
  std::string_view basis;
};

/// The model the stakeholders are aligned with: the "reference" option; else the gap model
/// when the document has customer outcomes; else the document's model. A default that
/// cannot score the items is skipped with a warning (alignment is then left out).
std::optional<Reference> choose_reference(Request& r, const Scenario& s) {
  Reference ref;
  if (auto id = r.text("reference")) {
    ref.model = find_model(*id);
    if (!ref.model) {
      r.usage("reference", code::unknown_model, "unknown model " + describe(Json(*id)) + " (choose " + model_list() + ")");
      return std::nullopt;
    }
    check_model_inputs(s, *ref.model, r.diag);
    if (!r.diag.ok()) return std::nullopt;
    ref.reason = "chosen with the reference option";
    ref.basis = "option";
    return ref;
  }
  if (r.has("reference")) return std::nullopt; // not text: reported by r.text
  struct Candidate {
    const ModelInfo* model;
    std::string reason;
    std::string_view basis;
  };
  std::vector<Candidate> candidates;
  if (has_outcomes(s))
    candidates.push_back({&gap_model(), "the customer-outcome ranking: the document has outcomes", "customer_outcomes"});
  if (const ModelInfo* doc = find_model(s.model))
    if (candidates.empty() || candidates.front().model != doc)
      candidates.push_back({doc, "the document's model", "document_model"});
  std::string skipped;
  for (const auto& [model, reason, basis] : candidates) {
    Diagnostics probe;
    check_model_inputs(s, *model, probe);
    if (probe.ok()) {
      ref.model = model;
      ref.reason = reason;
      ref.basis = basis;
      if (!skipped.empty()) r.diag.warning("options/reference", code::missing_input, skipped + "; aligning with model " + std::string(model->id));
      return ref;
    }
    const Problem& p = probe.errors().front();
    skipped += (skipped.empty() ? "" : "; ") + std::string("model ") + std::string(model->id) +
               " cannot rank these items (" + p.path + ": " + p.message + ")";
  }
  r.diag.warning("options/reference", code::missing_input, (skipped.empty() ? std::string("no reference model") : skipped) +
                                          "; alignment is left out (choose a model with the reference option)");
  return ref; // model null: no alignment
}

Json item_row(const Scenario& s, const StakeholderData& d, const StakeholderAgreement& a, std::size_t pos,
              const Ranking* reference) {
  const std::size_t i = a.items[pos];
  const ConcordanceResult& c = a.concordance;
  Json ratings = Json::object(), ranks = Json::object();
  double lo = 0, hi = 0;
  for (std::size_t k = 0; k < a.raters.size(); ++k) {
    const Stakeholder& st = d.stakeholders[a.raters[k]];
    const double rank = a.ranks[k][pos];
    ratings[st.id] = st.ratings[i];
    ranks[st.id] = rank;
    if (k == 0 || rank < lo) lo = rank;
    if (k == 0 || rank > hi) hi = rank;
  }
  Json row = {{"id", s.items[i].id},
              {"title", s.items[i].title},
              {"mean_rank", c.mean_rank[pos]},
              {"rank_sum", c.rank_sums[pos]},
              {"dispersion", c.rank_sd[pos]},
              {"rank_range", Json::array({lo, hi})},
              {"ratings", std::move(ratings)},
              {"ranks", std::move(ranks)}};
  if (reference) row["reference_rank"] = reference->rank[i];
  return row;
}

void warn_missing(Request& r, const Scenario& s, const StakeholderData& d, const StakeholderAgreement& a) {
  for (std::size_t k = 0; k < d.stakeholders.size(); ++k) {
    const Stakeholder& st = d.stakeholders[k];
    if (st.rated == 0) {
      r.diag.warning(pointer("/stakeholders", k), code::incomplete, st.id + " rates no item and is left out of the agreement");
      continue;
    }
    std::string missed;
    std::size_t count = 0;
    for (std::size_t i : a.excluded_items)
      if (is_missing(st.ratings[i]) && ++count <= 5) missed += (missed.empty() ? "" : ", ") + s.items[i].id;
    if (count > 5) missed += " and " + std::to_string(count - 5) + " more";
    if (count)
      r.diag.warning(pointer(pointer("/stakeholders", k), "ratings"), code::incomplete,
                     st.id + " did not rate " + missed + ": Kendall's W needs every stakeholder's rank of every "
                     "item, so " + (count > 1 ? "these items are" : "this item is") + " left out of it");
  }
  std::string nobody;
  for (std::size_t k = 0; k < a.unrated_items.size() && k < 5; ++k)
    nobody += (k ? ", " : "") + s.items[a.unrated_items[k]].id;
  if (a.unrated_items.size() > 5) nobody += " and " + std::to_string(a.unrated_items.size() - 5) + " more";
  if (!nobody.empty()) r.diag.warning("/stakeholders", code::incomplete, "no stakeholder rated " + nobody);
}

} // namespace

Json command_agreement(Request& r) {
  auto s = r.load();
  if (!s) return nullptr;
  const StakeholderData& d = s->sections().stakeholders;
  if (d.stakeholders.empty()) {
    r.diag.error("/stakeholders", code::missing_input, "missing: list the stakeholders with their ratings "
                                  "[{\"id\", \"ratings\": {item id: number}}]");
    return nullptr;
  }
  const StakeholderAgreement a = stakeholder_agreement(d, s->size());
  if (a.raters.size() < 2) {
    r.diag.error("/stakeholders", code::out_of_range, "agreement needs at least two stakeholders who rate items (" +
                                      std::to_string(a.raters.size()) + " do)");
    return nullptr;
  }
  if (a.items.size() < 2) {
    r.diag.error("/stakeholders", code::out_of_range, "agreement needs at least two items rated by every stakeholder who rates (" +
                                      std::to_string(a.items.size()) + " are)");
    return nullptr;
  }
  auto ref = choose_reference(r, *s);
  if (!ref) return nullptr;
  warn_missing(r, *s, d, a);

  const ConcordanceResult& c = a.concordance;
  Json out = Json::object();
  out["kendall_w"] = c.w;
  out["chi_square"] = c.chi_square;
  out["df"] = c.df;
  out["p_value"] = c.p_value;
  out["defined"] = c.defined;
  if (c.defined) out["interpretation"] = agreement_strength(c.w);
  else r.diag.warning("/stakeholders", code::no_result, "Kendall's W is undefined: every stakeholder gave every compared item the same rating");
  if (a.items.size() < 8)
    r.diag.warning("/stakeholders", code::unusual_value, "the p-value uses the chi-square approximation, which needs about 8 items or more; "
                                    "with " + std::to_string(a.items.size()) + " treat it as indicative");
  out["stakeholders"] = a.raters.size();
  out["items_compared"] = a.items.size();

  std::optional<Ranking> reference;
  std::vector<double> reference_key;
  if (ref->model) {
    const ScoreTable t = score_items(*s, *ref->model);
    reference.emplace();
    Ranker(*s).rank(t.score, *reference);
    reference_key.resize(s->size());
    for (std::size_t i = 0; i < s->size(); ++i) reference_key[i] = score_key(t.score[i]);
  }
  Json items = Json::array();
  for (std::size_t pos : a.disputed) items.push_back(item_row(*s, d, a, pos, reference ? &*reference : nullptr));
  out["items"] = std::move(items);

  Json alignment = Json::array();
  if (ref->model)
    for (const Alignment& al : stakeholder_alignment(d, reference_key)) {
      const Stakeholder& st = d.stakeholders[al.stakeholder];
      Json row = {{"stakeholder", st.id}, {"name", st.name}};
      if (!st.role.empty()) row["role"] = st.role;
      row["tau_b"] = al.tau_b;
      row["items"] = al.items;
      row["defined"] = al.defined;
      alignment.push_back(std::move(row));
    }
  out["alignment"] = std::move(alignment);
  if (ref->model)
    out["reference"] = {{"model", ref->model->id}, {"variant", ref->model->variant}, {"why", ref->reason}, {"basis", ref->basis}};
  else
    out["reference"] = nullptr;

  const PairwiseAgreement p = pairwise_agreement(d, a.raters);
  Json ids = Json::array();
  for (std::size_t k : a.raters) ids.push_back(d.stakeholders[k].id);
  out["pairwise"] = {{"stakeholders", std::move(ids)}, {"tau_b", p.tau_b}, {"items", p.items}};

  Json excluded = Json::array();
  for (std::size_t i : a.excluded_items) {
    Json missing = Json::array();
    for (std::size_t k : a.raters)
      if (is_missing(d.stakeholders[k].ratings[i])) missing.push_back(d.stakeholders[k].id);
    excluded.push_back({{"id", s->items[i].id}, {"title", s->items[i].title}, {"not_rated_by", std::move(missing)}});
  }
  out["excluded_items"] = std::move(excluded);
  Json unrated = Json::array();
  for (std::size_t i : a.unrated_items) unrated.push_back(s->items[i].id);
  out["unrated_items"] = std::move(unrated);
  out["method"] = "Kendall's W with the correction for ties (Siegel & Castellan 1988, 9.4) over the items every "
                  "rating stakeholder rated; p-value from the chi-square approximation with n - 1 degrees of "
                  "freedom; dispersion = standard deviation of an item's ranks (1 = most important); alignment "
                  "and pairwise = Kendall's tau-b (1945) over the items both sides rank";
  return out;
}

const CommandSpec& agreement_command() {
  static const CommandSpec spec{"agreement", "stakeholders' agreement (Kendall's W), where they disagree, and alignment with the customers' ranking (tau-b)", {"reference"}, command_agreement, render_agreement_table, nullptr, "table"};
  return spec;
}

} // namespace gapscore
