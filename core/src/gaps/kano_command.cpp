// gapscore kano: each item's Kano category from its questionnaire answers, with the
// Better/Worse coefficients (kano.hpp gives the table and its sources).
#include "gaps/commands.hpp"
#include "document/sections.hpp"
#include "gaps/kano.hpp"
#include "commands/request.hpp"

namespace gapscore {

Json command_kano(Request& r) {
  auto s = r.load();
  if (!s) return nullptr;
  const auto& data = s->sections().kano;
  Json items = Json::array();
  for (std::size_t i = 0; i < s->size(); ++i) {
    if (!data[i]) continue;
    const KanoResult k = kano_result(*data[i]);
    Json counts = Json::object();
    for (std::size_t c = 0; c < kKanoCategories; ++c)
      counts[std::string(kano_letter(static_cast<KanoCategory>(c)))] = k.counts[c];
    Json row = {{"id", s->items[i].id},
                {"title", s->items[i].title},
                {"counts", counts},
                {"answers", k.total},
                {"category", kano_letter(k.category)},
                {"category_name", kano_name(k.category)},
                {"better", k.better ? Json(*k.better) : Json(nullptr)},
                {"worse", k.worse ? Json(*k.worse) : Json(nullptr)}};
    if (k.tied.size() > 1) {
      Json tied = Json::array();
      for (KanoCategory c : k.tied) tied.push_back(kano_letter(c));
      row["tied"] = tied;
      row["tie_break"] = "M > O > A > I > R > Q";
    }
    items.push_back(std::move(row));
  }
  if (items.empty()) {
    r.diag.error("/items", code::missing_input, "no item has Kano answers (items[].kano: {\"answers\": [...]} or {\"counts\": {...}})");
    return nullptr;
  }
  Json out = Json::object();
  out["variant"] = "Kano evaluation table (Kano et al. 1984; Berger et al. 1993)";
  out["formula"] = "category = most frequent; Better = (A + O) / (A + O + M + I), Worse = −(O + M) / (A + O + M + I)";
  out["items"] = std::move(items);
  return out;
}

const CommandSpec& kano_command() {
  static const CommandSpec spec{"kano", "Kano categories and Better/Worse coefficients from questionnaire answers", {}, command_kano, render_kano_table, nullptr, "table"};
  return spec;
}

} // namespace gapscore
