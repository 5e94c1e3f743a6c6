// gapscore report: the decision record. The model and its weights, the top N with each item's
// reason in a sentence (the explain command's "why"), what changed against a baseline or a
// scenario, the stakeholders' agreement and where they disagree most, the customer outcomes
// left underserved. Each section only when the document has what it needs. The sections
// other features own come from their commands, run through the command table, so the
// report says exactly what `compare`, `diff`, `agreement` and `gaps` say.
#include <algorithm>

#include "commands/request.hpp"
#include "document/sections.hpp"
#include "report/commands.hpp"
#include "report/report.hpp"
#include "stakeholders/ahp_section.hpp"
#include "stakeholders/ahp_section.hpp"
#include "scoring/explain.hpp"
#include "scoring/scored.hpp"
#include "whatif/rank_changes.hpp"

namespace gapscore {
namespace {

/// Another command's result for the same input, or null when it has nothing to say (its
/// problems are that command's, not the report's: the section is left out).
Json run_part(std::string_view command, std::string_view document, Json options) {
  const auto& specs = command_specs();
  const auto spec = std::find_if(specs.begin(), specs.end(), [&](const CommandSpec& c) { return c.name == command; });
  if (spec == specs.end()) return nullptr;
  Request part;
  part.command = spec->name;
  part.document = document;
  part.options = std::move(options);
  Json result = spec->run(part);
  return part.diag.ok() ? result : Json(nullptr);
}

Json brief(const Json& row) { return Json{{"id", row.value("id", "")}, {"title", row.value("title", "")}}; }

/// The rank changes of a diff or compare result, for the top N: what entered and left it,
/// and each item in it before or after whose rank moved, with the reason.
Json changes_from(const Json& result, std::size_t top) {
  Json out = Json::object();
  Json entered = Json::array(), left = Json::array(), moved = Json::array();
  const auto title_of = [&](const std::string& id) -> Json {
    for (const auto& row : result["items"])
      if (row.value("id", "") == id) return brief(row);
    return Json{{"id", id}, {"title", id}};
  };
  for (const auto& id : result.value("entered_top", Json::array())) entered.push_back(title_of(id.get<std::string>()));
  for (const auto& id : result.value("left_top", Json::array())) left.push_back(title_of(id.get<std::string>()));
  for (const auto& row : result["items"]) {
    const Json& before = row["before_rank"];
    const Json& after = row["after_rank"];
    const bool in_top = (before.is_number() && before.get<double>() <= top) || (after.is_number() && after.get<double>() <= top);
    const std::string reason = row.value("reason_code", "");
    if (!in_top || reason == rank_change::unchanged) continue;
    Json m = brief(row);
    m["before_rank"] = before;
    m["after_rank"] = after;
    m["reason"] = row.value("reason", "");
    m["reason_code"] = reason;
    moved.push_back(std::move(m));
  }
  out["entered_top"] = std::move(entered);
  out["left_top"] = std::move(left);
  out["moved"] = std::move(moved);
  return out;
}

} // namespace

Json command_report(Request& r) {
  auto sc = load_and_score(r);
  if (!sc) return nullptr;
  const Scenario& s = sc->scenario;
  const ModelInfo& m = *sc->model;
  const std::size_t n = s.size();
  std::size_t top = s.top ? static_cast<std::size_t>(*s.top) : 10;
  if (auto t = r.integer("top", 1, 1 << 30)) top = static_cast<std::size_t>(*t);
  auto scenario = r.text("scenario");
  auto baseline = r.text("baseline");
  if (scenario && baseline)
    r.usage("baseline", code::invalid_option, "give a baseline or a scenario to compare with, not both");
  if (!r.diag.ok()) return nullptr;
  top = std::min(top, n);

  Json out = Json::object();
  if (!s.title.empty()) out["title"] = s.title;
  describe_model(out, m, s);
  out["label"] = m.label;
  out["source"] = m.source;
  if (m.reads_weights() && !s.criteria.empty()) {
    double total = 0;
    for (const auto& c : s.criteria) total += c.weight;
    Json weights = Json::array();
    for (const auto& c : s.criteria)
      weights.push_back({{"criterion", c.id},
                         {"name", c.name},
                         {"weight", c.weight},
                         {"share", total > 0 ? c.weight / total : 0.0},
                         {"direction", c.direction == Direction::cost ? "cost" : "benefit"}});
    out["weights"] = std::move(weights);
    // Where the weights came from, in the record itself: the loader's warning about an
    // inconsistent matrix goes to stderr, and is lost when the record is pasted into a wiki.
    if (s.weights_from_ahp && s.sections().ahp) {
      const AhpResult res = ahp_weights(ahp_matrix(*s.sections().ahp));
      out["weights_from"] = {{"method", "ahp"}, {"cr", res.cr}, {"consistent", res.consistent}};
    }
  }
  out["items"] = n;
  out["top"] = top;

  Json ranking = Json::array();
  for (std::size_t k = 0; k < top; ++k) {
    const std::size_t i = sc->ranking.order[k];
    const Json why = explain_item(s, m, sc->table, sc->ranking, i);
    Json row = {{"rank", sc->ranking.rank[i]}, {"id", s.items[i].id}, {"title", s.items[i].title}, {"score", sc->table.score[i]}};
    if (s.items[i].moscow != Moscow::none) row["moscow"] = moscow_name(s.items[i].moscow);
    if (why.contains("tied_with")) row["tied"] = true;
    row["why"] = why.value("why", "");
    ranking.push_back(std::move(row));
  }
  out["ranking"] = std::move(ranking);

  // What changed: the scenario against the document, or the document against its baseline,
  // both ranked by this report's model.
  if (scenario || baseline) {
    Json changes;
    if (scenario) {
      const Json compared = run_part("compare", r.document, {{"a", "base"}, {"b", *scenario}, {"model", std::string(m.id)}, {"top", top}});
      if (compared.is_null()) {
        r.usage("scenario", code::unknown_reference, "no scenario with id " + describe(Json(*scenario)) +
                                                         " that ranks by " + std::string(m.label) + " (gapscore compare lists why)");
        return nullptr;
      }
      changes = changes_from(compared, top);
      changes["against"] = "scenario";
      changes["id"] = *scenario;
      changes["name"] = compared["b"].value("name", *scenario);
    } else {
      const Json diffed = run_part("diff", *baseline, {{"after", std::string(r.document)}, {"model", std::string(m.id)}, {"top", top}});
      if (diffed.is_null()) {
        r.diag.error("/baseline", code::invalid_value, "the baseline cannot be ranked by " + std::string(m.label) +
                                                          " (gapscore validate on it says why)");
        return nullptr;
      }
      changes = changes_from(diffed, top);
      changes["against"] = "baseline";
    }
    out["changes"] = std::move(changes);
  }

  // Stakeholders: how much they agree, and the item they disagree on most.
  const auto& stakeholders = s.sections().stakeholders.stakeholders;
  if (stakeholders.size() >= 2) {
    const Json a = run_part("agreement", r.document, Json::object());
    if (a.is_object() && a.value("defined", false) && !a["items"].empty()) {
      const Json& most = a["items"][0];
      Json ranks = Json::array();
      for (const auto& [id, rank] : most["ranks"].items()) {
        std::string name = id;
        for (const auto& st : stakeholders)
          if (st.id == id) name = st.name;
        ranks.push_back({{"stakeholder", id}, {"name", name}, {"rank", rank}});
      }
      std::stable_sort(ranks.begin(), ranks.end(), [](const Json& x, const Json& y) { return x["rank"].get<double>() < y["rank"].get<double>(); });
      out["agreement"] = {{"kendall_w", a["kendall_w"]},
                          {"interpretation", a.value("interpretation", "")},
                          {"stakeholders", a["stakeholders"]},
                          {"items_compared", a["items_compared"]},
                          {"biggest_disagreement", {{"id", most["id"]}, {"title", most["title"]}, {"dispersion", most["dispersion"]}, {"ranks", std::move(ranks)}}}};
    }
  }

  // Outcomes still underserved (Ulwick: opportunity over 10), and which of the top N lift them.
  if (!s.sections().gap.outcomes.empty()) {
    const Json gaps = run_part("gaps", r.document, Json::object());
    if (gaps.is_object()) {
      Json underserved = Json::array();
      for (const auto& o : gaps["outcomes"]) {
        const std::string status = o.value("status", "");
        if (status != "underserved" && status != "extremely_underserved") continue;
        Json by = Json::array();
        for (const auto& id : o["lifted_by"]) {
          const std::size_t i = s.item_index(id.get<std::string>());
          if (i != Scenario::npos && sc->ranking.rank[i] <= top) by.push_back(Json{{"id", s.items[i].id}, {"title", s.items[i].title}});
        }
        underserved.push_back({{"id", o["id"]},
                               {"name", o["name"]},
                               {"opportunity", o["opportunity"]},
                               {"status", status},
                               {"unrealized_value", o["unrealized_value"]},
                               {"addressed_by", std::move(by)}});
      }
      out["underserved"] = std::move(underserved);
    }
  }
  return out;
}

const CommandSpec& report_command() {
  static const CommandSpec spec{"report",
                                "a decision record for the wiki: model and weights, the top N with reasons, what changed, "
                                "agreement, underserved outcomes",
                                {"model", "top", "scenario", "baseline"},
                                command_report,
                                render_report_markdown,
                                nullptr,
                                "markdown",
                                render_report_html,
                                true};
  return spec;
}

} // namespace gapscore
