// Validation: every bad-input class gets an error with the exact JSON Pointer path and a reason
// a product owner understands, all of them in one pass, exit code 2 (options: 1). Never a crash.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "document/limits.hpp"
#include "gapscore/load.hpp"
#include "document/schema.hpp"
#include "test_support.hpp"

using gapscore::Json;
using gapscore::test::run_json;

namespace {

struct Outcome {
  int code = -1;
  Json out;
};

Outcome run(const std::string& command, const std::string& text, Json options = Json::object()) {
  Outcome o;
  o.out = run_json(command, text, std::move(options), &o.code);
  return o;
}

Outcome rank(const Json& doc, Json options = Json::object()) { return run("rank", doc.dump(), std::move(options)); }

/// The message of the error at `path`, or "" (and a test failure listing the errors).
std::string error_at(const Json& out, const std::string& path) {
  if (out.contains("errors"))
    for (const auto& e : out["errors"])
      if (e["path"] == path) return e["message"].get<std::string>();
  ADD_FAILURE() << "no error at " << path << " in " << out.dump(2);
  return "";
}

bool has_warning(const Json& out, const std::string& path) {
  if (out.contains("warnings"))
    for (const auto& w : out["warnings"])
      if (w["path"] == path) return true;
  return false;
}

Json doc_with_items(Json items) { return {{"format", "gapscore/1"}, {"items", std::move(items)}}; }

/// A valid RICE item, to change one field at a time.
Json rice_item(const std::string& id) {
  return {{"id", id}, {"reach", 100}, {"impact", 1}, {"confidence", 0.5}, {"effort", 1}};
}

} // namespace

// ---------------------------------------------------------------- document level

TEST(Validation, NotJsonGivesLineAndColumn) {
  const auto o = run("rank", "{\n  \"items\": [1,]\n}");
  EXPECT_EQ(o.code, 2);
  const std::string m = error_at(o.out, "");
  EXPECT_NE(m.find("not valid JSON"), std::string::npos) << m;
  EXPECT_NE(m.find("line 2, column 15"), std::string::npos) << m;
  EXPECT_EQ(m.find("json.exception"), std::string::npos) << "library jargon leaked: " << m;
}

TEST(Validation, NotJsonKeepsTheWholeReason) {
  const auto o = run("rank", R"({"items": tru})");
  const std::string m = error_at(o.out, "");
  EXPECT_NE(m.find("line 1, column 14: syntax error"), std::string::npos) << m;
  EXPECT_NE(m.find("invalid literal"), std::string::npos) << m;
}

TEST(Validation, EmptyDocumentIsNotJson) {
  const auto o = run("rank", "");
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(error_at(o.out, "").find("not valid JSON"), std::string::npos);
}

TEST(Validation, DocumentMustBeAnObject) {
  const auto o = run("rank", "[1, 2]");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(error_at(o.out, ""), "the document must be a JSON object (got a list)");
}

TEST(Validation, WrongFormatString) {
  Json doc = doc_with_items(Json::array({rice_item("a")}));
  doc["format"] = "gapscore/2";
  const auto o = rank(doc);
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(error_at(o.out, "/format"), "must be \"gapscore/1\" (got \"gapscore/2\")");
}

TEST(Validation, MissingFormatIsOnlyAWarning) {
  const auto o = rank({{"items", Json::array({rice_item("a")})}});
  EXPECT_EQ(o.code, 0) << o.out.dump(2);
  EXPECT_TRUE(has_warning(o.out, "/format"));
}

TEST(Validation, ItemsMissingOrNotAList) {
  auto o = rank({{"format", "gapscore/1"}});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(error_at(o.out, "/items").find("missing"), std::string::npos);
  o = rank({{"format", "gapscore/1"}, {"items", {{"id", "a"}}}});
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(error_at(o.out, "/items"), "must be a list (got an object)");
}

TEST(Validation, ItemMustBeAnObject) {
  const auto o = rank(doc_with_items({rice_item("a"), "b"}));
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(error_at(o.out, "/items/1"), "must be an object with at least an id (got text)");
}

// ---------------------------------------------------------------- ids

TEST(Validation, IdsMissingEmptyOrDuplicated) {
  Json items = Json::array();
  for (const char* id : {"a", "b", "login", "c", "d", "e", "f", "login"}) items.push_back(rice_item(id));
  items[3].erase("id");
  items[4]["id"] = "";
  items[5]["id"] = 42;
  const auto o = rank(doc_with_items(items));
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(error_at(o.out, "/items/7/id"), "duplicate of /items/2/id \"login\"");
  EXPECT_NE(error_at(o.out, "/items/3/id").find("missing"), std::string::npos);
  EXPECT_EQ(error_at(o.out, "/items/4/id"), "must not be empty");
  EXPECT_EQ(error_at(o.out, "/items/5/id"), "must be text (got a number)");
}

TEST(Validation, OverlongIdAndTitleAreRefused) {
  Json item = rice_item(std::string(gapscore::limits::id_bytes + 1, 'x'));
  item["title"] = std::string(gapscore::limits::string_bytes + 1, 't');
  const auto o = rank(doc_with_items({item}));
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(error_at(o.out, "/items/0/id").find("the limit is 200"), std::string::npos);
  EXPECT_NE(error_at(o.out, "/items/0/title").find("the limit is 65536"), std::string::npos);
}

// ---------------------------------------------------------------- numeric fields

TEST(Validation, EffortZeroNamesPathAndValue) {
  Json items = Json::array();
  for (const char* id : {"a", "b", "c", "d"}) items.push_back(rice_item(id));
  items[3]["effort"] = 0;
  const auto o = rank(doc_with_items(items));
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(error_at(o.out, "/items/3/effort"), "must be greater than 0 (got 0)");
}

TEST(Validation, NegativeReach) {
  Json item = rice_item("a");
  item["reach"] = -5;
  EXPECT_EQ(error_at(rank(doc_with_items({item})).out, "/items/0/reach"), "must be at least 0 (got -5)");
}

TEST(Validation, ConfidenceAsPercentGetsAFractionHint) {
  Json item = rice_item("a");
  item["confidence"] = 80;
  const auto o = rank(doc_with_items({item}));
  EXPECT_EQ(o.code, 2);
  const std::string m = error_at(o.out, "/items/0/confidence");
  EXPECT_NE(m.find("fraction"), std::string::npos) << m;
  EXPECT_NE(m.find("write 0.8"), std::string::npos) << m;
}

TEST(Validation, ConfidenceAboveAHundredOrZero) {
  Json a = rice_item("a"), b = rice_item("b");
  a["confidence"] = 150;
  b["confidence"] = 0;
  const auto o = rank(doc_with_items({a, b}));
  EXPECT_NE(error_at(o.out, "/items/0/confidence").find("(got 150)"), std::string::npos);
  EXPECT_NE(error_at(o.out, "/items/1/confidence").find("(got 0)"), std::string::npos);
}

TEST(Validation, ImpactMustBePositive) {
  Json item = rice_item("a");
  item["impact"] = 0;
  EXPECT_EQ(error_at(rank(doc_with_items({item})).out, "/items/0/impact"), "must be greater than 0 (got 0)");
}

TEST(Validation, ImpactOffIntercomScaleIsAWarning) {
  Json item = rice_item("a");
  item["impact"] = 1.5;
  const auto o = rank(doc_with_items({item}));
  EXPECT_EQ(o.code, 0);
  EXPECT_TRUE(has_warning(o.out, "/items/0/impact"));
}

TEST(Validation, IceFieldsOutsideOneToTen) {
  const Json item = {{"id", "a"}, {"ice_impact", 0}, {"ice_confidence", 11}, {"ease", 10.5}};
  const auto o = rank(doc_with_items({item}), {{"model", "ice"}});
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(error_at(o.out, "/items/0/ice_impact"), "must be between 1 and 10 (got 0)");
  EXPECT_EQ(error_at(o.out, "/items/0/ice_confidence"), "must be between 1 and 10 (got 11)");
  EXPECT_EQ(error_at(o.out, "/items/0/ease"), "must be between 1 and 10 (got 10.5)");
}

TEST(Validation, WsjfFields) {
  const Json item = {{"id", "a"}, {"business_value", -1}, {"time_criticality", 1}, {"risk_reduction", 1}, {"job_size", 0}};
  const auto o = rank(doc_with_items({item}), {{"model", "wsjf"}});
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(error_at(o.out, "/items/0/business_value"), "must be at least 0 (got -1)");
  EXPECT_EQ(error_at(o.out, "/items/0/job_size"), "must be greater than 0 (got 0)");
}

TEST(Validation, StringWhereANumberIsExpected) {
  Json item = rice_item("a");
  item["reach"] = "450";
  item["effort"] = true;
  const auto o = rank(doc_with_items({item}));
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(error_at(o.out, "/items/0/reach").find("must be a number"), std::string::npos);
  EXPECT_NE(error_at(o.out, "/items/0/reach").find("(got \"450\")"), std::string::npos);
  EXPECT_NE(error_at(o.out, "/items/0/effort").find("(got true)"), std::string::npos);
}

TEST(Validation, RangesNeedOrderedLowLikelyHigh) {
  Json a = rice_item("a"), b = rice_item("b"), c = rice_item("c");
  a["reach"] = {{"low", 500}, {"likely", 300}, {"high", 900}};
  b["effort"] = {{"low", 1}, {"high", 3}};
  c["effort"] = {{"low", 0}, {"likely", 1}, {"high", 2}};
  const auto o = rank(doc_with_items({a, b, c}));
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(error_at(o.out, "/items/0/reach"), "low <= likely <= high is required (got 500, 300, 900)");
  EXPECT_EQ(error_at(o.out, "/items/1/effort/likely"), "missing: a range needs low, likely and high");
  // Each bound follows the field's own rule.
  EXPECT_EQ(error_at(o.out, "/items/2/effort/low"), "must be greater than 0 (got 0)");
}

TEST(Validation, AValidRangeRanksByItsLikelyValue) {
  Json a = rice_item("a");
  a["reach"] = {{"low", 50}, {"likely", 100}, {"high", 400}};
  const auto o = run("validate", doc_with_items({a}).dump());
  EXPECT_EQ(o.code, 0) << o.out.dump(2);
  EXPECT_EQ(o.out["uncertain_inputs"], 1);
  // 100 × 1 × 0.5 / 1
  EXPECT_DOUBLE_EQ(rank(doc_with_items({a})).out["ranking"][0]["score"].get<double>(), 50);
}

// ---------------------------------------------------------------- labels and dependencies

TEST(Validation, MoscowMustBeAKnownLabel) {
  Json item = rice_item("a");
  item["moscow"] = "Must";
  EXPECT_EQ(error_at(rank(doc_with_items({item})).out, "/items/0/moscow"),
            "must be one of must, should, could, wont (got \"Must\")");
}

TEST(Validation, DependenciesMustNameOtherItems) {
  Json a = rice_item("a"), b = rice_item("b");
  a["depends_on"] = {"b", "ghost"};
  b["depends_on"] = {"b"};
  const auto o = rank(doc_with_items({a, b}));
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(error_at(o.out, "/items/0/depends_on/1"), "no item with id \"ghost\"");
  EXPECT_EQ(error_at(o.out, "/items/1/depends_on/0"), "an item cannot depend on itself");
}

// ---------------------------------------------------------------- criteria and scores

TEST(Validation, CriteriaErrors) {
  Json doc = doc_with_items({{{"id", "a"}, {"scores", {{"q", 1}}}}});
  doc["criteria"] = {{{"id", "q"}, {"weight", -1}},
                     {{"id", "r"}, {"direction", "higher"}},
                     {{"id", "s"}, {"scale", {{"min", 10}, {"max", 0}}}},
                     {{"id", "t"}, {"scale", "0-10"}},
                     {{"id", "q"}}};
  const auto o = rank(doc, {{"model", "weighted"}});
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(error_at(o.out, "/criteria/0/weight"), "must be at least 0 (got -1)");
  EXPECT_EQ(error_at(o.out, "/criteria/1/direction"), "must be \"benefit\" or \"cost\" (got \"higher\")");
  EXPECT_EQ(error_at(o.out, "/criteria/2/scale"), "min must be less than max (got 10 and 0)");
  EXPECT_NE(error_at(o.out, "/criteria/3/scale").find("must be {\"min\": number, \"max\": number}"),
            std::string::npos);
  EXPECT_EQ(error_at(o.out, "/criteria/4/id"), "duplicate of /criteria/0/id \"q\"");
}

TEST(Validation, ScoresForUnknownCriterion) {
  Json doc = doc_with_items({{{"id", "a"}, {"scores", {{"value", 3}, {"valeu", 4}}}}});
  doc["criteria"] = {{{"id", "value"}}};
  const auto o = rank(doc, {{"model", "weighted"}});
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(error_at(o.out, "/items/0/scores/valeu"), "no criterion with id \"valeu\"");
}

TEST(Validation, PointerEscapesSlashAndTilde) {
  Json doc = doc_with_items({{{"id", "a"}, {"scores", {{"a/b~c", 1}}}}});
  doc["criteria"] = {{{"id", "x"}}};
  EXPECT_EQ(error_at(rank(doc, {{"model", "weighted"}}).out, "/items/0/scores/a~1b~0c"),
            "no criterion with id \"a/b~c\"");
}

TEST(Validation, WeightedModelNeedsCriteriaAndEveryScore) {
  auto o = rank(doc_with_items({{{"id", "a"}}}), {{"model", "weighted"}});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(error_at(o.out, "/criteria").find("missing"), std::string::npos);

  Json doc = doc_with_items({{{"id", "a"}, {"scores", {{"v", 1}}}}, {{"id", "b"}}});
  doc["criteria"] = {{{"id", "v"}}};
  o = rank(doc, {{"model", "topsis"}});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(error_at(o.out, "/items/1/scores/v").find("needs a score for every criterion"), std::string::npos);
}

// ---------------------------------------------------------------- models and options

TEST(Validation, UnknownModelInDocument) {
  Json doc = doc_with_items({rice_item("a")});
  doc["model"] = "moscow";
  const auto o = rank(doc);
  EXPECT_EQ(o.code, 2);
  const std::string m = error_at(o.out, "/model");
  EXPECT_NE(m.find("unknown model \"moscow\""), std::string::npos) << m;
  EXPECT_NE(m.find("rice, ice, wsjf"), std::string::npos) << m;
}

TEST(Validation, UnknownModelInOptionsIsAUsageError) {
  const auto o = rank(doc_with_items({rice_item("a")}), {{"model", "nope"}});
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(error_at(o.out, "options/model").find("unknown model \"nope\""), std::string::npos);
}

TEST(Validation, TopZero) {
  auto o = rank(doc_with_items({rice_item("a")}), {{"top", 0}});
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(error_at(o.out, "options/top").find("between 1 and"), std::string::npos);

  Json doc = doc_with_items({rice_item("a")});
  doc["top"] = 0;
  o = rank(doc);
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(error_at(o.out, "/top"), "must be a whole number of at least 1 (got 0)");
}

TEST(Validation, BadOptions) {
  const std::string doc = doc_with_items({rice_item("a")}).dump();
  auto o = run("rank", doc, {{"colour", "red"}});
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(error_at(o.out, "options/colour").find("unknown option"), std::string::npos);
  o = run("rank", doc, {{"format", "xml"}});
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(error_at(o.out, "options/format").find("xml"), std::string::npos);
  o = run("rank", doc, {{"top", 2.5}});
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(error_at(o.out, "options/top").find("whole number"), std::string::npos);

  const auto r = gapscore::run_command("rank", doc, "[1]");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(error_at(Json::parse(r.output), "options"), "must be a JSON object");
  const auto u = gapscore::run_command("launch", doc, "");
  EXPECT_EQ(u.exit_code, 1);
  EXPECT_NE(error_at(Json::parse(u.output), "command").find("unknown command \"launch\""), std::string::npos);
}

TEST(Validation, ModelInputsMissingAreReportedPerItem) {
  Json items = Json::array({rice_item("a"), {{"id", "b"}, {"impact", 1}, {"confidence", 1}, {"effort", 1}},
                            {{"id", "c"}, {"reach", 1}, {"confidence", 1}}});
  const auto o = rank(doc_with_items(items), {{"model", "rice"}});
  EXPECT_EQ(o.code, 2);
  ASSERT_EQ(o.out["errors"].size(), 3u) << o.out.dump(2);
  EXPECT_NE(error_at(o.out, "/items/1/reach").find("missing: model rice needs"), std::string::npos);
  error_at(o.out, "/items/2/impact");
  error_at(o.out, "/items/2/effort");
}

// ---------------------------------------------------------------- one pass, warnings

TEST(Validation, EveryProblemIsReportedInOnePass) {
  Json a = rice_item("a"), b = rice_item("a"), c = rice_item("c");
  a["effort"] = 0;
  b["confidence"] = 80;
  c["moscow"] = "urgent";
  Json doc = doc_with_items({a, b, c});
  doc["normalization"] = "zscore";
  const auto o = rank(doc);
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.out["errors"].size(), 5u) << o.out.dump(2);
  for (const char* path : {"/normalization", "/items/0/effort", "/items/1/id", "/items/1/confidence", "/items/2/moscow"})
    error_at(o.out, path);
}

TEST(Validation, UnknownFieldsAreKeptAndReportedAsWarnings) {
  Json item = rice_item("a");
  item["jira_key"] = "HEALTH-12";
  item["efort"] = 3;
  Json doc = doc_with_items({item});
  doc["owner"] = {{"team", "growth"}};
  const auto o = rank(doc);
  EXPECT_EQ(o.code, 0) << o.out.dump(2);
  EXPECT_TRUE(has_warning(o.out, "/owner"));
  EXPECT_TRUE(has_warning(o.out, "/items/0/jira_key"));
  EXPECT_TRUE(has_warning(o.out, "/items/0/efort"));
  EXPECT_FALSE(o.out.contains("errors"));

  // Kept: the loaded scenario holds the document whole (as its text).
  gapscore::Diagnostics diag;
  const auto s = gapscore::load_scenario_text(doc.dump(), diag);
  ASSERT_TRUE(s.has_value());
  const Json kept = s->source.json();
  EXPECT_EQ(kept["owner"]["team"], "growth");
  EXPECT_EQ(kept["items"][0]["jira_key"], "HEALTH-12");
  EXPECT_EQ(diag.warnings().size(), 3u);
}

TEST(Validation, ValidateSummarizesAValidDocument) {
  const auto o = run("validate", doc_with_items({rice_item("a"), rice_item("b")}).dump());
  EXPECT_EQ(o.code, 0) << o.out.dump(2);
  EXPECT_EQ(o.out["valid"], true);
  EXPECT_EQ(o.out["items"], 2);
  EXPECT_EQ(o.out["model"], "rice");
}

// ---------------------------------------------------------------- limits

TEST(Validation, NestingDeeperThan64IsRefused) {
  auto nested = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  gapscore::Diagnostics ok_diag;
  EXPECT_TRUE(gapscore::parse_json_text(nested(64), ok_diag).has_value());

  const auto o = run("rank", nested(65));
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(error_at(o.out, "").find("nested more than 64 levels"), std::string::npos);
  // Far deeper must not exhaust the stack either.
  EXPECT_EQ(run("rank", nested(1'000'000)).code, 2);
}

TEST(Validation, NumberTooLargeToRepresent) {
  const auto o = run("rank", R"({"format": "gapscore/1", "items": [{"id": "a", "reach": 1e999}]})");
  EXPECT_EQ(o.code, 2);
  // Named at the number itself, though the document never finished parsing.
  const std::string m = error_at(o.out, "/items/0/reach");
  EXPECT_NE(m.find("too large"), std::string::npos) << m;
  EXPECT_NE(m.find("line 1"), std::string::npos) << m;
  EXPECT_EQ(m.find("json.exception"), std::string::npos) << "library jargon leaked: " << m;
}

TEST(Validation, NumberTooLargeIsNamedWhereverItIs) {
  EXPECT_NE(error_at(run("rank", R"({"items": [{"id": "a"}, {"id": "b", "reach": [1, 2e999]}]})").out, "/items/1/reach/1")
                .find("too large"),
            std::string::npos);
  EXPECT_NE(error_at(run("rank", "1e999").out, "").find("too large"), std::string::npos);
  EXPECT_NE(error_at(run("rank", R"({"top": -1e400})").out, "/top").find("too large"), std::string::npos);
}

TEST(Validation, DocumentOverTheSizeLimit) {
  // 70 MB of valid JSON: a string padded with spaces. The size is refused before parsing.
  std::string text = "{\"items\": []" + std::string(70u << 20, ' ') + "}";
  const auto o = run("rank", text);
  EXPECT_EQ(o.code, 2);
  const std::string m = error_at(o.out, "");
  EXPECT_NE(m.find("the limit is " + std::to_string(gapscore::limits::document_bytes)), std::string::npos) << m;
}

TEST(Validation, TooManyItems) {
  std::string text = R"({"format":"gapscore/1","items":[)";
  const std::size_t n = gapscore::limits::items + 1;
  text.reserve(n * 12 + 64);
  for (std::size_t i = 0; i < n; ++i) {
    if (i) text += ',';
    text += "{\"id\":\"a" + std::to_string(i) + "\"}";
  }
  text += "]}";
  const auto o = run("validate", text);
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(error_at(o.out, "/items"), "has 200001 items; the limit is 200000");
}

TEST(Validation, TooManyListEntries) {
  Json item = rice_item("a");
  item["tags"] = Json::array();
  for (std::size_t i = 0; i <= gapscore::limits::list_entries; ++i) item["tags"].push_back("t");
  EXPECT_NE(error_at(rank(doc_with_items({item})).out, "/items/0/tags").find("the limit is 1000"), std::string::npos);
}

TEST(Validation, InvalidUtf8InJsonIsRefused) {
  const auto o = run("rank", "{\"items\": [{\"id\": \"\xC3\x28\"}]}");
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(error_at(o.out, "").find("not valid JSON"), std::string::npos);
}

// A format a command cannot print is a usage error naming it, not JSON in its place.
TEST(Options, FormatTheCommandCannotPrintIsAUsageError) {
  const std::string doc = gapscore::test::document_text("intercom_rice.json");
  for (const auto& [command, options] : std::vector<std::pair<std::string, std::string>>{
           {"explain", R"({"format": "table", "item": "x"})"}, {"validate", R"({"format": "markdown"})"},
           {"gaps", R"({"format": "csv"})"}}) {
    const auto r = gapscore::run_command(command, doc, options);
    EXPECT_EQ(r.exit_code, 1) << command;
    const auto out = gapscore::Json::parse(r.output);
    EXPECT_EQ(out["errors"][0]["path"], "options/format") << r.output;
    EXPECT_NE(out["errors"][0]["message"].get<std::string>().find("is not available for " + command), std::string::npos)
        << r.output;
  }
}

// An unknown field is kept and warned about; the warning names the known field a typing slip
// away (one letter missing, added, changed, or two swapped), so "efort" is found at once.
TEST(Validation, UnknownFieldNamesTheFieldItIsATypoOf) {
  using gapscore::unknown_field_message;
  const std::string plain = "unknown field, kept as is (is it a typo?)";
  EXPECT_EQ(unknown_field_message("efort", true), "unknown field, kept as is (is it a typo of \"effort\"?)");
  EXPECT_EQ(unknown_field_message("impcat", true), "unknown field, kept as is (is it a typo of \"impact\"?)");  // swap
  EXPECT_EQ(unknown_field_message("Reach", true), "unknown field, kept as is (is it a typo of \"reach\"?)");     // case
  EXPECT_EQ(unknown_field_message("confidance", true), "unknown field, kept as is (is it a typo of \"confidence\"?)");
  EXPECT_EQ(unknown_field_message("jobsize", true), "unknown field, kept as is (is it a typo of \"job_size\"?)");
  EXPECT_EQ(unknown_field_message("titel", false), "unknown field, kept as is (is it a typo of \"title\"?)");
  // Top-level names are not offered for item fields, nor the other way round.
  EXPECT_EQ(unknown_field_message("critera", true), plain);
  EXPECT_EQ(unknown_field_message("critera", false), "unknown field, kept as is (is it a typo of \"criteria\"?)");
  // Far from every name, or too short to guess from: no suggestion.
  EXPECT_EQ(unknown_field_message("favourite_colour", true), plain);
  EXPECT_EQ(unknown_field_message("xy", true), plain);
  EXPECT_EQ(unknown_field_message("cost", true), plain); // 4 letters: one slip at most (and "cost" is 3 from "ease")
}

TEST(Validation, UnknownFieldWarningInALoadedDocument) {
  const Json out = run_json("validate", R"({"format": "gapscore/1", "items": [
    {"id": "a", "reach": 1, "impact": 1, "confidence": 1, "effort": 1, "efort": 2}]})");
  ASSERT_TRUE(out.contains("warnings")) << out.dump(2);
  EXPECT_EQ(out["warnings"][0]["path"], "/items/0/efort");
  EXPECT_EQ(out["warnings"][0]["message"], "unknown field, kept as is (is it a typo of \"effort\"?)");
}

// Found by a review: a depends_on entry refused for what it is (a number, 300 bytes of text)
// got a second error, "no item with id \"\"", naming an id the document does not have. A
// real "" still names its missing item.
TEST(Validation, RefusedDependencyIsReportedOnce) {
  Json a = rice_item("a"), b = rice_item("b"), c = rice_item("c");
  a["depends_on"] = Json::array({5});
  b["depends_on"] = Json::array({std::string(300, 'x')});
  c["depends_on"] = Json::array({""});
  const Outcome o = rank(doc_with_items({a, b, c}));
  ASSERT_EQ(o.code, 2) << o.out.dump(2);
  std::map<std::string, std::vector<std::string>> codes;
  for (const auto& e : o.out["errors"]) codes[e["path"].get<std::string>()].push_back(e["code"].get<std::string>());
  EXPECT_EQ(codes["/items/0/depends_on/0"], std::vector<std::string>{"wrong_type"});
  EXPECT_EQ(codes["/items/1/depends_on/0"], std::vector<std::string>{"too_large"});
  EXPECT_EQ(codes["/items/2/depends_on/0"], std::vector<std::string>{"unknown_reference"});
}

// Found by a review: validate called a document valid whose "simulation" or "scenarios"
// section simulate and compare then refused (exit 2). It checks them as those commands do.
TEST(Validation, ValidateChecksTheSimulationAndScenariosSections) {
  Json doc = doc_with_items({rice_item("a"), rice_item("b")});
  doc["simulation"] = {{"runs", 0}, {"seed", -1}};
  Outcome o = run("validate", doc.dump());
  EXPECT_EQ(o.code, 2) << o.out.dump(2);
  EXPECT_NE(error_at(o.out, "/simulation/runs").find("between 1 and"), std::string::npos);
  EXPECT_NE(error_at(o.out, "/simulation/seed").find("(got -1)"), std::string::npos);
  // The same problems simulate reports.
  EXPECT_EQ(run("simulate", doc.dump()).code, 2);

  doc.erase("simulation");
  doc["scenarios"] = Json::array({{{"id", "lean"}, {"changes", Json::array({{{"item", "zz"}, {"field", "effort"}, {"value", 1}}})}},
                                  {{"id", "bad-value"}, {"changes", Json::array({{{"item", "a"}, {"field", "effort"}, {"value", -3}}})}}});
  o = run("validate", doc.dump());
  EXPECT_EQ(o.code, 2) << o.out.dump(2);
  EXPECT_NE(error_at(o.out, "/scenarios/0/changes/0/item").find("zz"), std::string::npos);
  // A value the format refuses, found by loading the scenario as compare does.
  doc["scenarios"].erase(0);
  o = run("validate", doc.dump());
  EXPECT_EQ(o.code, 2) << o.out.dump(2);
  EXPECT_NE(error_at(o.out, "/scenarios/0/changes/0/value").find("(got -3)"), std::string::npos);
  EXPECT_EQ(run("compare", doc.dump(), {{"a", "base"}, {"b", "bad-value"}}).code, 2);
  // Sections that are fine: valid.
  doc["scenarios"][0]["changes"][0]["value"] = 3;
  doc["simulation"] = {{"runs", 100}, {"seed", 7}};
  o = run("validate", doc.dump());
  EXPECT_EQ(o.code, 0) << o.out.dump(2);
  EXPECT_EQ(o.out["valid"], true);
}
