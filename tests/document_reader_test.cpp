// The two readers of a document agree: load_scenario_text (the text's SAX events straight
// into the scenario, no DOM) and parse_json_text + load_scenario (the DOM path, used for
// documents built in code) give the same problems, in the same order and at the same paths,
// and the same Scenario, on every example document, every bad-input case and thousands of
// generated ones: key orders shuffled (criteria after the items, items before the title),
// members dropped, values of every wrong type, ranges, typos, hostile text.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "bad_inputs_catalogue.hpp"
#include "document/item_loader.hpp"
#include "document/schema.hpp"
#include "document/sections.hpp"
#include "gapscore/engine.hpp"
#include "test_support.hpp"

namespace gapscore {
namespace {

using test::SplitMix64;

/// Numbers as Json, NaN (a missing input) as null.
Json num(double x) { return std::isnan(x) ? Json() : Json(x); }
Json column(const std::vector<double>& v) {
  Json out = Json::array();
  for (double x : v) out.push_back(num(x));
  return out;
}

/// Everything a Scenario holds, as Json, to compare two of them.
Json summary(const Scenario& s) {
  Json out;
  out["title"] = s.title;
  out["model"] = s.model;
  out["model_given"] = s.model_given;
  out["top"] = s.top ? Json(*s.top) : Json();
  out["normalization"] = normalization_name(s.normalization);
  out["weights_from_ahp"] = s.weights_from_ahp;
  for (const ItemInfo& i : s.items)
    out["items"].push_back({i.id, i.title, i.description, i.tags, moscow_name(i.moscow), i.depends_on});
  for (std::size_t f = 0; f < kFieldCount; ++f) out["fields"].push_back(column(s.fields[f]));
  for (const Criterion& c : s.criteria)
    out["criteria"].push_back({c.id, c.name, num(c.weight), c.direction == Direction::cost, num(c.scale_min), num(c.scale_max),
                               static_cast<int>(c.source), field_name(c.field)});
  for (const auto& col : s.scores) out["scores"].push_back(column(col));
  for (const UncertainInput& u : s.uncertain)
    out["uncertain"].push_back({static_cast<int>(u.target), u.column, u.item, u.low, u.likely, u.high, u.path});
  for (std::size_t i = 0; i < s.size(); ++i) out["lookup"].push_back(s.item_index(s.items[i].id));

  const Sections& x = s.sections();
  for (const Segment& g : x.gap.segments) out["segments"].push_back({g.id, g.name, g.size});
  for (const Outcome& o : x.gap.outcomes) out["outcomes"].push_back({o.id, o.name, o.importance, o.satisfaction, num(o.current), num(o.desired), o.unit});
  // The per-item sections: which ones have room, and every item's value.
  out["per_item_given"] = {x.gap.lifts.given(), x.gap.lists_outcomes.given(), x.evidence.status.given(),
                           x.evidence.released.given(), x.evidence.team.given(), x.kano.given(), x.okr.contributes.given()};
  out["measurements"] = x.evidence.measurements.size();
  out["lag_days"] = x.evidence.lag_days;
  out["objectives"] = x.okr.objectives.size();
  for (std::size_t i = 0; i < s.size(); ++i) {
    Json lifts = Json::array();
    for (const Lift& l : x.gap.lifts[i]) lifts.push_back({l.outcome, l.fraction});
    out["lifts"].push_back(lifts);
    out["lists_outcomes"].push_back(x.gap.lists_outcomes[i]);
    out["evidence"].push_back({static_cast<int>(x.evidence.status[i]), x.evidence.released[i], x.evidence.team[i]});
    out["kano"].push_back(x.kano[i] ? Json(*x.kano[i]) : Json());
    Json contributes = Json::array();
    for (const Contribution& c : x.okr.contributes[i]) contributes.push_back({c.key_result, c.amount});
    out["contributes"].push_back(contributes);
  }
  for (const Stakeholder& st : x.stakeholders.stakeholders)
    out["stakeholders"].push_back({st.id, st.name, st.role, st.influence, column(st.ratings), column(st.weights), st.rated});
  out["ahp"] = x.ahp ? Json(x.ahp->criteria) : Json();
  for (const auto& v : x.scenarios.variants) out["variants"].push_back(v.id);
  out["listed"] = x.scenarios.listed_ids;
  out["scenario_problems"] = x.scenarios.problems.errors_document();
  out["simulation"] = {x.simulation.present, x.simulation.not_an_object, x.simulation.runs.shown, x.simulation.seed.shown};
  out["matrix"] = {num(x.matrix.value_threshold), num(x.matrix.effort_threshold)};
  return out;
}

/// A Json as text for a comparison: invalid UTF-8 (hostile documents have some) replaced.
std::string text_of(const Json& j) { return j.dump(1, ' ', false, Json::error_handler_t::replace); }

/// Reads `text` both ways and checks they agree; returns whether it loaded.
bool expect_same_reading(const std::string& text, const std::string& what) {
  Diagnostics streamed, dom;
  const auto a = load_scenario_text(text, streamed);
  std::optional<Scenario> b;
  if (auto document = parse_json_text(text, dom)) b = load_scenario(std::move(*document), dom);
  EXPECT_EQ(text_of(streamed.errors_document()), text_of(dom.errors_document())) << what << "\n" << text.substr(0, 3000);
  EXPECT_EQ(text_of(streamed.warnings_array()), text_of(dom.warnings_array())) << what << "\n" << text.substr(0, 3000);
  EXPECT_EQ(streamed.hidden_warnings(), dom.hidden_warnings()) << what;
  EXPECT_EQ(a.has_value(), b.has_value()) << what;
  if (a && b) {
    EXPECT_EQ(text_of(summary(*a)), text_of(summary(*b))) << what << "\n" << text.substr(0, 3000);
    EXPECT_EQ(a->source.json(), b->source.json()) << what;
  }
  return a.has_value();
}

TEST(DocumentReader, ItemKeysAreClassifiedAsTheSchemaNamesThem) {
  const std::vector<std::string> names = {
      "id", "title", "description", "tags", "moscow", "depends_on", "scores", "outcomes", "contributes", "kano",
      "status", "released", "team", "notes", "reach", "impact", "confidence", "effort", "business_value",
      "time_criticality", "risk_reduction", "job_size", "ice_impact", "ice_confidence", "ease", "value",
      // near misses: every length the classifier switches on, and case
      "ID", "i", "idd", "efort", "eases", "Reach", "valu", "note", "scores ", "", "time_criticalitY", "outcome",
      "released_", "kanO", "teams", "status_", "risk-reduction"};
  for (const std::string& k : names) {
    const ItemKeyClass c = classify_item_key(k);
    EXPECT_EQ(c.kind != ItemKey::unknown, is_known_item_field(k)) << k;
    EXPECT_EQ(c.kind == ItemKey::field, field_from_name(k).has_value()) << k;
    if (c.kind == ItemKey::field) {
      EXPECT_EQ(c.field, *field_from_name(k)) << k;
    }
    if (item_names_customer_section(k)) {
      EXPECT_EQ(c.kind, ItemKey::section) << k;
    }
  }
  SplitMix64 r{7};
  for (int n = 0; n < 20000; ++n) { // random keys over the names' letters
    std::string k;
    const std::size_t len = r.below(18);
    for (std::size_t i = 0; i < len; ++i) k += "abcdeijklmnoprstuvy_"[r.below(20)];
    EXPECT_EQ(classify_item_key(k).kind != ItemKey::unknown, is_known_item_field(k)) << k;
  }
}

TEST(DocumentReader, AgreesOnEveryExampleDocument) {
  std::size_t files = 0;
  for (const char* dir : {"tests/fixtures/documents", "examples", "tests/golden"})
    if (std::filesystem::exists(test::source_path(dir)))
      for (const auto& e : std::filesystem::recursive_directory_iterator(test::source_path(dir)))
        if (e.path().extension() == ".json") {
          expect_same_reading(test::read_path(e.path().string()), e.path().string());
          ++files;
        }
  EXPECT_GT(files, 20u);
}

TEST(DocumentReader, AgreesOnEveryBadInputCase) {
  std::size_t cases = 0;
  for (const auto& c : catalogue::read_cases(test::source_path("tests/bad-inputs"))) {
    if (c.command == "import-csv") continue;
    expect_same_reading(c.document, c.name);
    ++cases;
  }
  EXPECT_GT(cases, 50u);
}

// ---- generated documents ---------------------------------------------------------------

/// A Json with the same members in a random order (objects all the way down).
Json shuffled(const Json& v, SplitMix64& r) {
  if (v.is_array()) {
    Json out = Json::array();
    for (const Json& e : v) out.push_back(shuffled(e, r));
    return out;
  }
  if (!v.is_object()) return v;
  std::vector<std::string> keys;
  for (const auto& [k, x] : v.items()) keys.push_back(k);
  for (std::size_t i = keys.size(); i > 1; --i) std::swap(keys[i - 1], keys[r.below(i)]);
  Json out = Json::object();
  for (const auto& k : keys) out[k] = shuffled(v[k], r);
  return out;
}

/// A value of some other kind than the format wants (or an edge of the right one).
Json odd_value(SplitMix64& r) {
  switch (r.below(22)) {
  case 0: return nullptr;
  case 1: return true;
  case 2: return "1000";
  case 3: return Json::array({1, 2});
  case 4: return Json::object();
  case 5: return -1;
  case 6: return 0;
  case 7: return 1e-320;
  case 8: return -0.0;
  case 9: return 80;
  case 10: return {{"low", 1}, {"likely", 2}, {"high", 3}};
  case 11: return {{"low", 3}, {"likely", 2}, {"high", 1}};
  case 12: return {{"low", 1}, {"high", 3}, {"lickly", 2}};
  case 13: return {{"low", -1e300}, {"likely", 0}, {"high", 1e300}};
  case 14: return "";
  case 15: return std::string(300, 'x');
  case 16: return 4.5;
  case 17: return 18446744073709551615ull;
  case 18: return -9223372036854775807ll;
  case 19: return Json::array({"a", 5, Json::object()});
  case 20: return "must";
  default: return 0.5;
  }
}

const std::vector<std::string> kItemKeys = {
    "id", "title", "description", "tags", "moscow", "depends_on", "scores", "outcomes", "contributes", "kano", "status",
    "released", "team", "notes", "reach", "impact", "confidence", "effort", "business_value", "time_criticality",
    "risk_reduction", "job_size", "ice_impact", "ice_confidence", "ease", "value", "efort", "mosocw", "xyz"};
const std::vector<std::string> kTopKeys = {
    "format", "title", "description", "model", "top", "normalization", "criteria", "items", "segments", "outcomes",
    "objectives", "stakeholders", "ahp", "scenarios", "measurements", "simulation", "notes", "matrix",
    "stakeholder_aggregation", "weights_from", "titel", "extra"};

/// all_sections.json changed at random: members dropped, moved, given odd values, added.
Json mutated(const Json& base, SplitMix64& r) {
  Json doc = base;
  const std::size_t changes = r.below(8);
  for (std::size_t n = 0; n < changes; ++n) {
    // A change that meets a value of another type (an earlier change put it there) is skipped.
    try {
      Json& items = doc["items"];
      switch (r.below(10)) {
      case 0: // an item member: dropped, or given an odd value
      case 1:
      case 2:
        if (items.is_array() && !items.empty()) {
          Json& item = items[r.below(items.size())];
          if (!item.is_object()) break;
          const std::string& k = kItemKeys[r.below(kItemKeys.size())];
          if (r.below(3) == 0) item.erase(k);
          else item[k] = odd_value(r);
        }
        break;
      case 3: // a score: unknown criterion, odd value
        if (items.is_array() && !items.empty() && items[0].is_object())
          items[0]["scores"][r.below(2) ? "revenue" : "nope"] = odd_value(r);
        break;
      case 4: { // a top-level member
        const std::string& k = kTopKeys[r.below(kTopKeys.size())];
        if (r.below(3) == 0) doc.erase(k);
        else if (k != "items" || r.below(4) == 0) doc[k] = odd_value(r);
        break;
      }
      case 5: // a criterion member
        if (doc["criteria"].is_array() && !doc["criteria"].empty())
          doc["criteria"][r.below(doc["criteria"].size())][r.below(2) ? "weight" : "source"] = odd_value(r);
        break;
      case 6: // an item that is not an object, or a copy of another (a duplicate id)
        if (items.is_array() && !items.empty()) items.push_back(r.below(2) ? odd_value(r) : items[r.below(items.size())]);
        break;
      case 7: // a dependency
        if (items.is_array() && items.size() > 1 && items[1].is_object())
          items[1]["depends_on"] = Json::array({r.below(2) ? "online-booking" : "nobody", items[1].contains("id") && items[1]["id"].is_string() ? items[1]["id"] : Json("x")});
        break;
      case 8: // a section value
        if (doc["outcomes"].is_array() && !doc["outcomes"].empty()) doc["outcomes"][0]["lift"] = odd_value(r);
        if (doc["stakeholders"].is_array() && !doc["stakeholders"].empty())
          doc["stakeholders"][0]["ratings"]["export"] = odd_value(r);
        break;
      default: // the OKR criterion scored by hand
        if (items.is_array() && !items.empty() && items[0].is_object()) items[0]["scores"]["okr"] = 3;
        break;
      }
    } catch (const Json::type_error&) {
    }
  }
  return r.below(3) ? shuffled(doc, r) : doc;
}

TEST(DocumentReader, AgreesOnGeneratedDocuments) {
  const Json base = test::document_json("all_sections.json");
  const std::vector<Json> bases = {base, test::document_json("gap_okr.json"), test::document_json("uncertain_weighted.json"),
                                   test::document_json("stakeholders_team.json"), test::document_json("evidence_small.json")};
  SplitMix64 r{20261207};
  std::size_t loaded = 0, refused = 0;
  for (int n = 0; n < 2500; ++n) {
    const Json doc = mutated(bases[r.below(bases.size())], r);
    const std::string text = doc.dump(r.below(2) ? -1 : 2);
    (expect_same_reading(text, "generated #" + std::to_string(n)) ? loaded : refused)++;
    if (HasFailure()) break;
  }
  // Both kinds are exercised.
  EXPECT_GT(loaded, 100u);
  EXPECT_GT(refused, 100u);
}

TEST(DocumentReader, AgreesOnHostileText) {
  const std::string doc = test::document_text("all_sections.json");
  std::vector<std::string> texts = {
      "", " ", "[]", "5", "\"x\"", "null", "{}", "{\"items\": 5}", "{\"items\": {}}", "{\"items\": [5, [], null, \"a\"]}",
      "{\"items\": [{\"id\": \"a\", \"id\": \"b\"}]}",                               // a key twice in an item
      "{\"items\": [{\"id\": \"a\", \"reach\": 1e999}]}",                             // too large, in an item
      "{\"items\": [{\"id\": \"a\", \"tags\": [1e999]}]}",                            // ... inside an item member
      "{\"title\": 1e999, \"items\": []}", "[1, 2, 1e999]",
      "{\"items\": [{\"id\": \"a\", \"x\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}]}",
      "{\"items\": [{\"id\": \"a\"}], \"items\": []}",                                 // "items" twice
      "{\"items\": [{\"id\": \"a\", \"reach\": 5}], \"criteria\": [{\"id\": \"c\"}]}", // criteria after items
      "{\"items\": [{\"id\": \"a\", \"scores\": {\"c\": 5}}], \"criteria\": [{\"id\": \"c\"}]}",
      "{\"items\": [{\"id\": \"a\", \"scores\": {\"c\": 5, \"d\": 1}}], \"title\": 5, \"criteria\": [{\"id\": \"c\", \"weight\": {\"low\": 1, \"likely\": 2, \"high\": 3}}]}",
      "{\"items\": [{\"id\": \"a\", \"effort\": {\"low\": 1, \"likely\": 2, \"high\": 3}}], \"criteria\": [{\"id\": \"c\", \"weight\": {\"low\": 1, \"likely\": 2, \"high\": 3}}]}",
      "{\"items\": [{\"id\": \"a\", \"outcomes\": []}]}",                               // a customer section from an item alone
      "{\"items\": [{\"reach\": 1, \"id\": 5, \"title\": [], \"moscow\": \"may\", \"impact\": 7}, {\"id\": \"\"}], \"format\": \"gapscore/2\"}",
      "{\"items\": [{\"id\": \"a\", \"tags\": \"x\", \"depends_on\": [\"a\", 5, \"b\"]}]}",
      "{\"items\": [{\"id\": \"a\", \"depends_on\": [\"b\"]}, {\"id\": \"b\", \"depends_on\": [\"a\"]}]}",
      "{\"items\": [{\"id\": \"a\"}], \"x\": {\"y\": [1, {\"z\": 2, \"z\": 3}]}}",         // a duplicate deep in an unknown member
      "{\"items\": [{\"id\": \"a\", \"unknown\": {\"k\": 1, \"k\": 2}}]}",
      "{\"items\": [{\"id\": \"a\", \"notes\": {\"k\": [1, 2, {\"k\": 1, \"k\": 2}]}}]}",
      "{\"items\": [{\"id\": \"a\"}, ]}", "{\"items\": [{\"id\": \"a\"", "{\"items\": [{\"id\": \"\\ud800\"}]}",
      std::string("{\"items\": [{\"id\": \"a\0\"}]}", 19), "{\"items\": [{\"id\": \"\xff\"}]}",
      doc.substr(0, doc.size() / 2), doc + "x", "\xEF\xBB\xBF" + doc};
  // A million problems: the lists stop at 1,000 each, the items' after the top level's.
  std::string many = "{\"items\": [";
  for (int i = 0; i < 3000; ++i) many += std::string(i ? "," : "") + "{\"id\": \"a\", \"reach\": -1, \"efort\": 1}";
  many += "], \"titel\": 1, \"title\": 5, \"criteria\": 7}";
  texts.push_back(many);
  // 200,001 items: the list is refused whole; an item past the limit still names a section.
  std::string over = "{\"items\": [";
  for (int i = 0; i <= 200000; ++i) over += std::string(i ? "," : "") + "{\"id\": \"i" + std::to_string(i) + "\"}";
  over += ", {\"kano\": 5}], \"segments\": 5}";
  texts.push_back(over);
  for (std::size_t n = 0; n < texts.size(); ++n) expect_same_reading(texts[n], "hostile #" + std::to_string(n));
}

/// The per-item sections take memory only when an item gives a value (document/per_item.hpp):
/// a 100,000-item backlog without them would hold about 14 MB of empty slots.
TEST(DocumentReader, PerItemSectionsTakeNoMemoryUntilAnItemGivesOne) {
  for (const bool streamed : {true, false}) {
    const auto load = [&](const std::string& text) {
      Diagnostics d;
      std::optional<Scenario> s;
      if (streamed) s = load_scenario_text(text, d);
      else if (auto document = parse_json_text(text, d)) s = load_scenario(std::move(*document), d);
      EXPECT_TRUE(s.has_value()) << d.errors_document().dump();
      return s;
    };
    const auto plain = load(R"({"format": "gapscore/1", "items": [{"id": "a", "reach": 1}, {"id": "b", "team": "x"}]})");
    ASSERT_TRUE(plain);
    const Sections& p = plain->sections();
    EXPECT_FALSE(p.gap.lifts.given() || p.gap.lists_outcomes.given() || p.evidence.status.given() ||
                 p.evidence.released.given() || p.evidence.team.given() || p.kano.given() || p.okr.contributes.given());
    EXPECT_TRUE(p.gap.lifts[1].empty());
    EXPECT_EQ(p.evidence.released[1], kNoDay);
    EXPECT_EQ(p.evidence.status[0], ItemStatus::unset);
    EXPECT_EQ(p.evidence.team[1], ""); // read only with the customer sections

    const auto some = load(R"({"format": "gapscore/1", "items": [{"id": "a", "status": "planned", "team": "x"},
                                {"id": "b", "kano": {"counts": {"A": 3}}}, {"id": "c"}]})");
    ASSERT_TRUE(some);
    const Sections& s = some->sections();
    EXPECT_TRUE(s.kano.given());
    EXPECT_EQ(s.kano.values().size(), 3u);
    EXPECT_FALSE(s.kano[0].has_value());
    EXPECT_EQ((*s.kano[1])[0], 3);
    EXPECT_TRUE(s.evidence.status.given());
    EXPECT_EQ(s.evidence.status[0], ItemStatus::planned);
    EXPECT_EQ(s.evidence.status[2], ItemStatus::unset);
    EXPECT_EQ(s.evidence.team[0], "x");
    EXPECT_FALSE(s.evidence.released.given() || s.gap.lifts.given() || s.okr.contributes.given());
  }
}

// ---- the document written out again -----------------------------------------------------

/// The engine's document after edits is the document as given with the edits applied in
/// order, as when the engine kept and changed a Json (the reference below does that).
TEST(DocumentReader, TheEngineWritesTheDocumentWithItsEdits) {
  const std::string text = test::document_text("all_sections.json");
  Engine e;
  ASSERT_TRUE(e.load(text));
  Json reference = Json::parse(text);
  // weights_from "ahp": the first weight set writes every weight in use and drops it.
  ASSERT_TRUE(e.set_weight("cost", 2));
  for (std::size_t k = 0; k < e.scenario().criteria.size(); ++k)
    reference["criteria"][k]["weight"] = k == 2 ? 2.0 : e.scenario().criteria[k].weight;
  reference.erase("weights_from");
  ASSERT_TRUE(e.set_field("export", "reach", 7)); // a field the item has
  reference["items"][4]["reach"] = 7.0;
  ASSERT_TRUE(e.set_field("dark-mode", "confidence", 0.5)); // a range replaced by a number
  reference["items"][3]["confidence"] = 0.5;
  ASSERT_TRUE(e.set_score("export", "revenue", 3));
  reference["items"][4]["scores"]["revenue"] = 3.0;
  ASSERT_TRUE(e.set_model("rice"));
  reference["model"] = "rice";
  ASSERT_TRUE(e.set_weight("revenue", 9)); // set again: changed where it is
  reference["criteria"][0]["weight"] = 9.0;
  ASSERT_TRUE(e.set_field("export", "reach", 8));
  reference["items"][4]["reach"] = 8.0;
  EXPECT_EQ(e.document_json(), reference.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");

  // A field the item does not have is added at its end, and stays there when set again.
  Engine f;
  ASSERT_TRUE(f.load(R"({"format": "gapscore/1", "items": [{"id": "a", "reach": 1, "impact": 1, "confidence": 1, "effort": 1, "x": 1}]})"));
  ASSERT_TRUE(f.set_field("a", "value", 2));
  ASSERT_TRUE(f.set_model("ice"));
  ASSERT_TRUE(f.set_field("a", "value", 3));
  EXPECT_EQ(Json::parse(f.document_json()).dump(),
            R"({"format":"gapscore/1","items":[{"id":"a","reach":1,"impact":1,"confidence":1,"effort":1,"x":1,"value":3.0}],"model":"ice"})");
  // A failed load keeps the edits of the document before it.
  EXPECT_FALSE(f.load("{"));
  EXPECT_NE(f.document_json().find("\"value\": 3.0"), std::string::npos);
}

} // namespace
} // namespace gapscore
