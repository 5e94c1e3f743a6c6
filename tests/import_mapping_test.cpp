// Imports from the tools backlogs live in (issue 22): column mapping, numbers as people write
// them (a declared locale, 80% in a fraction field), and the known exports of Jira, Azure
// DevOps, GitHub Projects and Linear, read from fixtures whose header rows are the vendors'
// own (tests/fixtures/csv/README.md cites each).
#include <gtest/gtest.h>

#include <string>

#include "imports/cell_numbers.hpp"
#include "imports/import_mapping.hpp"
#include "test_support.hpp"

namespace gapscore::test {
namespace {

Json import(const std::string& csv, Json options = Json::object(), int* code = nullptr) {
  return run_json("import-csv", csv, std::move(options), code);
}

Json fixture(const std::string& name, Json options = Json::object(), int* code = nullptr) {
  return import(read_file("tests/fixtures/csv/" + name), std::move(options), code);
}

const Json* item(const Json& doc, const std::string& id) {
  for (const auto& it : doc["items"])
    if (it["id"] == id) return &it;
  return nullptr;
}

bool has_code(const Json& list, const std::string& code) {
  for (const auto& p : list)
    if (p.value("code", "") == code) return true;
  return false;
}

const Json* problem_with_code(const Json& list, const std::string& code) {
  for (const auto& p : list)
    if (p.value("code", "") == code) return &p;
  return nullptr;
}

/// The document without the import's "warnings", as the widget keeps it.
Json document_only(Json doc) {
  doc.erase("warnings");
  return doc;
}

// ---------------------------------------------------------------- numbers in cells

TEST(CellNumbers, DeclaredLocalesReadTheirSeparators) {
  const auto read = [](const char* cell, const char* tag) {
    const auto locale = number_locale(tag);
    EXPECT_TRUE(locale.has_value()) << tag;
    const CellNumber x = read_cell_number(cell, &*locale, ';');
    EXPECT_TRUE(x.value.has_value()) << cell << " in " << tag << ": " << x.problem;
    return x.value.value_or(-1);
  };
  EXPECT_EQ(read("1.234,5", "de"), 1234.5);
  EXPECT_EQ(read("0,8", "de-DE"), 0.8);
  EXPECT_EQ(read("1.200", "de"), 1200);
  EXPECT_EQ(read("1,234.5", "en"), 1234.5);
  EXPECT_EQ(read("1,000,000", "en-GB"), 1000000);
  EXPECT_EQ(read("1 234,5", "fr"), 1234.5);
  EXPECT_EQ(read("1\xC2\xA0" "234,5", "fr"), 1234.5);      // no-break space
  EXPECT_EQ(read("1\xE2\x80\xAF" "234,5", "fr-FR"), 1234.5); // narrow no-break space
  EXPECT_EQ(read("1'234.5", "de-CH"), 1234.5);
  EXPECT_EQ(read("1\xE2\x80\x99" "234.5", "de-CH"), 1234.5);
  EXPECT_EQ(read("-12", "de"), -12);
  EXPECT_EQ(read("1234,5", "de"), 1234.5); // thousands separators are optional
}

TEST(CellNumbers, ALocaleRefusesTheOtherLocalesForms) {
  const auto de = number_locale("de");
  for (const char* cell : {"0.8", "12.5", "1.23.456", "1..000", ".5", "1,2,3", "0.500"}) {
    const CellNumber x = read_cell_number(cell, &*de, ';');
    EXPECT_FALSE(x.value.has_value()) << cell;
    EXPECT_NE(x.problem.find("locale de"), std::string::npos) << x.problem;
  }
  const auto en = number_locale("en");
  EXPECT_FALSE(read_cell_number("1,5", &*en, ',').value.has_value());
  EXPECT_FALSE(number_locale("xx").has_value());
  EXPECT_FALSE(number_locale("").has_value());
}

TEST(CellNumbers, WithoutALocaleOnlyUnambiguousFormsAreRead) {
  const auto read = [](const char* cell, char delimiter = ',') { return read_cell_number(cell, nullptr, delimiter); };
  EXPECT_EQ(read("1234.5").value, 1234.5);
  EXPECT_EQ(read("1.5e3").value, 1500);
  EXPECT_EQ(read(" 7 ").value, 7);
  EXPECT_EQ(read("2,5").value, 2.5);   // a decimal comma: no locale writes 2,5 for 25
  EXPECT_EQ(read("0,125").value, 0.125);
  EXPECT_EQ(read("1.000").value, 1);   // comma-separated sheet: a decimal point
  EXPECT_FALSE(read("").value.has_value());
  EXPECT_TRUE(read("").problem.empty()); // empty: not given, not a problem

  const CellNumber thousands = read("1,000");
  EXPECT_FALSE(thousands.value.has_value());
  EXPECT_TRUE(thousands.ambiguous);
  EXPECT_NE(thousands.problem.find("1000 with a thousands comma (locale en)"), std::string::npos) << thousands.problem;
  EXPECT_NE(thousands.problem.find("1.000 with a decimal comma (locale de)"), std::string::npos) << thousands.problem;
  // In a sheet separated by semicolons (Excel in much of Europe), 1.000 may well be a thousand.
  const CellNumber point = read("1.000", ';');
  EXPECT_TRUE(point.ambiguous) << point.problem;
  EXPECT_TRUE(read("1.000.000").ambiguous);
  EXPECT_TRUE(read("1,234.5").ambiguous);
  for (const char* bad : {"0x10", "nan", "inf", "1e999", "two", "1 000", "12abc", "--1"}) {
    const CellNumber x = read(bad);
    EXPECT_FALSE(x.value.has_value()) << bad;
    EXPECT_FALSE(x.problem.empty()) << bad;
  }
}

TEST(CellNumbers, PercentagesAreMarked) {
  CellNumber x = read_cell_number("80%", nullptr, ',');
  EXPECT_EQ(x.value, 0.8);
  EXPECT_TRUE(x.percent);
  x = read_cell_number("12,5 %", nullptr, ';');
  EXPECT_EQ(x.value, 0.125);
  const auto fr = number_locale("fr");
  x = read_cell_number("80\xC2\xA0%", &*fr, ';');
  EXPECT_EQ(x.value, 0.8);
  EXPECT_FALSE(read_cell_number("%", nullptr, ',').value.has_value());
}

// ---------------------------------------------------------------- the mapping option

TEST(ImportMapping, MapOptionNamesTheColumns) {
  const std::string csv = "Key,Summary,Story Points,Confidence,Users\nA-1,Alpha,3,80%,1200\nA-2,Beta,1,,300\n";
  int code = -1;
  const Json doc = import(csv, {{"map", {{"id", "Key"}, {"title", "Summary"}, {"effort", "Story Points"}, {"reach", "Users"}}}}, &code);
  ASSERT_EQ(code, 0) << doc.dump(2);
  ASSERT_EQ(doc["items"].size(), 2u);
  EXPECT_EQ(doc["items"][0], Json::parse(R"({"id": "A-1", "title": "Alpha", "reach": 1200.0, "confidence": 0.8, "effort": 3.0})"));
  // An empty cell is "not given": no confidence on A-2.
  EXPECT_FALSE(doc["items"][1].contains("confidence"));
  // The conversion is stated, never silent: one warning for the column, naming an example.
  const Json* converted = problem_with_code(doc["warnings"], "converted");
  ASSERT_NE(converted, nullptr) << doc["warnings"].dump(2);
  EXPECT_EQ((*converted)["path"], "/items/0/confidence");
  EXPECT_NE((*converted)["message"].get<std::string>().find("80% as 0.8"), std::string::npos);
  EXPECT_TRUE(has_code(doc["warnings"], "mapped"));
}

TEST(ImportMapping, PercentOutsideAFractionFieldIsAnError) {
  int code = -1;
  const Json out = import("Key,Summary,Effort\nA-1,Alpha,50%\n", {{"map", {{"id", "Key"}}}}, &code);
  EXPECT_EQ(code, 2);
  ASSERT_EQ(out["errors"].size(), 1u) << out.dump(2);
  EXPECT_EQ(out["errors"][0]["path"], "/items/0/effort");
  EXPECT_EQ(out["errors"][0]["code"], "wrong_type");
  // Row, column, field and the reason, in one line.
  EXPECT_EQ(out["errors"][0]["message"],
            "row 2, column \"Effort\" (effort): a percentage (50%), but effort is not a fraction: write the number itself");
}

TEST(ImportMapping, ErrorsNameTheRowTheColumnAndTheField) {
  int code = -1;
  const Json out = import("Key;Summary;Users\nA-1;Alpha;1.200\nA-2;\"Two\nlines\";lots\n", {{"map", {{"reach", "Users"}}}}, &code);
  EXPECT_EQ(code, 2);
  ASSERT_EQ(out["errors"].size(), 2u) << out.dump(2);
  EXPECT_EQ(out["errors"][0]["code"], "ambiguous_number");
  EXPECT_EQ(out["errors"][0]["path"], "/items/0/reach");
  EXPECT_NE(out["errors"][0]["message"].get<std::string>().find("row 2, column \"Users\""), std::string::npos)
      << out.dump(2);
  EXPECT_EQ(out["errors"][1]["code"], "wrong_type");
  EXPECT_EQ(out["errors"][1]["path"], "/items/1/reach");
  EXPECT_EQ(out["errors"][1]["message"], "row 3, column \"Users\" (reach): must be a number (got \"lots\"; not a number)");
}

TEST(ImportMapping, LocaleOptionReadsThousands) {
  int code = -1;
  const Json doc = import("Key;Summary;Users;Effort\nA-1;Alpha;1.200;2,5\n", {{"locale", "de"}, {"map", {{"reach", "Users"}}}}, &code);
  ASSERT_EQ(code, 0) << doc.dump(2);
  EXPECT_EQ(doc["items"][0]["reach"], 1200.0);
  EXPECT_EQ(doc["items"][0]["effort"], 2.5);
}

TEST(ImportMapping, OptionProblems) {
  int code = -1;
  Json out = import("Key,Summary\nA,B\n", {{"map", {{"titel", "Summary"}}}}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(out["errors"][0]["path"], "options/map/titel");
  EXPECT_EQ(out["errors"][0]["code"], "invalid_option");

  out = import("Key,Summary\nA,B\n", {{"map", {{"title", "Sumary"}}}}, &code);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(out["errors"][0]["path"], "options/map/title");
  EXPECT_EQ(out["errors"][0]["code"], "unknown_column");
  EXPECT_NE(out["errors"][0]["message"].get<std::string>().find("(is it \"Summary\"?)"), std::string::npos);

  out = import("Key,Summary\nA,B\n", {{"map", {{"title", 3}}}}, &code);
  EXPECT_EQ(code, 1);
  out = import("Key,Summary\nA,B\n", {{"map", "Summary"}}, &code);
  EXPECT_EQ(code, 1);
  out = import("Key,Summary\nA,B\n", {{"locale", "klingon"}}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(out["errors"][0]["path"], "options/locale");
  out = import("Key,Summary\nA,B\n", {{"detect", "yes"}}, &code);
  EXPECT_EQ(code, 1);
}

TEST(ImportMapping, NullLeavesAFieldOut) {
  int code = -1;
  const Json doc = import("Key,Summary,Description\nA,Alpha,long text\n",
                          {{"map", {{"id", "Key"}, {"description", nullptr}}}}, &code);
  ASSERT_EQ(code, 0) << doc.dump(2);
  EXPECT_FALSE(doc["items"][0].contains("description"));
  EXPECT_EQ(doc["items"][0]["title"], "Alpha"); // still found by its name
}

TEST(ImportMapping, AnUnknownHeaderSaysSoAndCanBeMapped) {
  int code = -1;
  const Json out = fixture("unknown_header.csv", Json::object(), &code);
  EXPECT_EQ(code, 2);
  ASSERT_EQ(out["errors"].size(), 1u) << out.dump(2);
  EXPECT_EQ(out["errors"][0]["code"], "unknown_header");
  EXPECT_NE(out["errors"][0]["message"].get<std::string>().find("\"Feature\", \"Aufwand\", \"Nutzen\""), std::string::npos);

  // --detect still answers: the columns, and what the mapping needs.
  const Json d = fixture("unknown_header.csv", {{"detect", true}}, &code);
  ASSERT_EQ(code, 0) << d.dump(2);
  EXPECT_TRUE(d["source"].is_null());
  EXPECT_EQ(d["needs"], Json::parse(R"(["id", "title"])"));
  EXPECT_EQ(d["delimiter"], ";");
  ASSERT_EQ(d["columns"].size(), 3u);
  EXPECT_EQ(d["columns"][0]["name"], "Feature");
  EXPECT_EQ(d["columns"][0]["sample"], "Händewaschen");

  // Mapped by hand, it imports and ranks.
  const Json doc = fixture("unknown_header.csv", {{"map", {{"id", "Feature"}, {"title", "Feature"}, {"effort", "Aufwand"}, {"value", "Nutzen"}}}}, &code);
  ASSERT_EQ(code, 0) << doc.dump(2);
  const Json ranked = run_json("rank", document_only(doc).dump(), {{"model", "value_effort"}}, &code);
  ASSERT_EQ(code, 0) << ranked.dump(2);
  EXPECT_EQ(ranked["ranking"][0]["id"], "Händewaschen");
}

TEST(ImportMapping, TheDetectedMapFedBackGivesTheSameDocument) {
  for (const char* name : {"jira_cloud.csv", "azure_devops.csv", "github_projects.tsv", "linear.csv"}) {
    int code = -1;
    const Json d = fixture(name, {{"detect", true}}, &code);
    ASSERT_EQ(code, 0) << name << d.dump(2);
    const Json a = fixture(name, Json::object(), &code);
    ASSERT_EQ(code, 0) << name << a.dump(2);
    const Json b = fixture(name, {{"map", d["map"]}}, &code);
    ASSERT_EQ(code, 0) << name << b.dump(2);
    EXPECT_EQ(a["items"], b["items"]) << name;
  }
}

TEST(ImportMapping, HeaderKeyIsStable) {
  EXPECT_EQ(header_key({"Summary", "Issue key"}), header_key({"Summary", "Issue key"}));
  EXPECT_NE(header_key({"Summary", "Issue key"}), header_key({"Issue key", "Summary"}));
  EXPECT_NE(header_key({"ab", "c"}), header_key({"a", "bc"}));
  EXPECT_EQ(header_key({"id"}).size(), 16u);
}

TEST(ImportMapping, GapscoreSheetsReadAsBeforeAndWithALocale) {
  // The native sheet without options: the old reader, the same bytes as ever (golden files).
  int code = -1;
  const std::string csv = read_file("tests/fixtures/csv/health_backlog.csv");
  const Json before = import(csv, Json::object(), &code);
  ASSERT_EQ(code, 0);
  EXPECT_FALSE(before.contains("warnings"));
  // Through the mapping (a locale given), the same items.
  const Json mapped = import(csv, {{"locale", "en"}}, &code);
  ASSERT_EQ(code, 0) << mapped.dump(2);
  // The same fields and values; the mapping writes them in its own field order.
  EXPECT_EQ(nlohmann::json::parse(mapped["items"].dump()), nlohmann::json::parse(before["items"].dump()));
  EXPECT_EQ(mapped.contains("criteria"), before.contains("criteria"));
  // Saved with semicolons by a European Excel, it imports instead of being refused.
  std::string semicolons = "id;title;reach;impact;confidence;effort\nwash;Hand-washing;5000;3;0,8;2\n";
  const Json eu = import(semicolons, Json::object(), &code);
  ASSERT_EQ(code, 0) << eu.dump(2);
  EXPECT_EQ(eu["items"][0]["confidence"], 0.8);
}

// ---------------------------------------------------------------- known exports

TEST(KnownExports, EachIsRecognizedByItsHeaderRow) {
  const std::pair<const char*, const char*> cases[] = {
      {"jira_cloud.csv", "jira"},         {"jira_datacenter_de.csv", "jira"}, {"azure_devops.csv", "azure_devops"},
      {"github_projects.tsv", "github_projects"}, {"linear.csv", "linear"}, {"health_backlog.csv", "gapscore"}};
  for (const auto& [file, source] : cases) {
    int code = -1;
    const Json d = fixture(file, {{"detect", true}}, &code);
    ASSERT_EQ(code, 0) << file << d.dump(2);
    ASSERT_TRUE(d["source"].is_object()) << file;
    EXPECT_EQ(d["source"]["id"], source) << file;
    EXPECT_TRUE(d["needs"].empty()) << file << d["needs"].dump();
    EXPECT_EQ(d["header_key"].get<std::string>().size(), 16u);
  }
}

TEST(KnownExports, JiraCloud) {
  int code = -1;
  const Json d = fixture("jira_cloud.csv", {{"detect", true}}, &code);
  ASSERT_EQ(code, 0);
  EXPECT_EQ(d["map"], Json::parse(R"json({
    "id": "Issue key", "title": "Summary", "description": "Description", "tags": "Labels",
    "depends_on": "Inward issue link (Blocks)", "blocks": "Outward issue link (Blocks)",
    "reach": "Custom field (Reach)", "impact": "Custom field (Impact)", "confidence": "Custom field (Confidence)",
    "effort": "Custom field (Story point estimate)"})json"));
  // Labels appears twice: both columns read.
  for (const auto& c : d["columns"])
    if (c["name"] == "Labels") {
      EXPECT_EQ(c["count"], 2);
    }
  EXPECT_NE(std::find(d["left_out"].begin(), d["left_out"].end(), "Priority"), d["left_out"].end());

  const Json doc = fixture("jira_cloud.csv", Json::object(), &code);
  ASSERT_EQ(code, 0) << doc.dump(2);
  ASSERT_EQ(doc["items"].size(), 4u);
  const Json& wash = *item(doc, "HEALTH-1");
  EXPECT_EQ(wash["title"], "Hand-washing alert");
  EXPECT_EQ(wash["description"], "Remind every user to wash their hands.\r\nOn for everyone during the pandemic, with a \"snooze\" option.");
  EXPECT_EQ(wash["tags"], Json::parse(R"(["pandemic", "notifications"])"));
  EXPECT_EQ(wash["depends_on"], Json::parse(R"(["HEALTH-2"])")); // inward and outward links agree, listed once
  EXPECT_EQ(wash["confidence"], 0.8);
  EXPECT_FALSE(item(doc, "HEALTH-4")->contains("depends_on")); // SEC-9 is not in the sheet
  EXPECT_EQ((*item(doc, "HEALTH-4"))["confidence"], 0.5);
  // What was mapped, what was left out, what was converted and which link went: all said.
  std::string warnings;
  for (const auto& w : doc["warnings"]) warnings += w["code"].get<std::string>() + ": " + w["message"].get<std::string>() + "\n";
  EXPECT_NE(warnings.find("mapped: read as a Jira (Cloud or Data Center) export: id from \"Issue key\""), std::string::npos) << warnings;
  EXPECT_NE(warnings.find("ignored: left out 15 columns"), std::string::npos) << warnings;
  EXPECT_NE(warnings.find("Priority is left out"), std::string::npos) << warnings;
  EXPECT_NE(warnings.find("converted: column \"Custom field (Confidence)\": 3 cells"), std::string::npos) << warnings;
  EXPECT_NE(warnings.find("dependencies on 1 issue not in this sheet left out: SEC-9"), std::string::npos) << warnings;

  const Json ranked = run_json("rank", document_only(doc).dump(), {{"model", "rice"}}, &code);
  ASSERT_EQ(code, 0) << ranked.dump(2);
  EXPECT_EQ(ranked["ranking"][0]["id"], "HEALTH-1"); // 480000 × 1 × 0.8 / 1
}

TEST(KnownExports, JiraDataCenterSavedByAGermanExcel) {
  int code = -1;
  // Without the locale, 1.200 could be 1.2 or 1200: refused, naming both readings.
  const Json refused = fixture("jira_datacenter_de.csv", Json::object(), &code);
  EXPECT_EQ(code, 2);
  // One cell, named once, though business_value and value both read its column.
  EXPECT_EQ(refused["errors"].size(), 1u) << refused.dump(2);
  const Json* ambiguous = problem_with_code(refused["errors"], "ambiguous_number");
  ASSERT_NE(ambiguous, nullptr) << refused.dump(2);
  EXPECT_EQ((*ambiguous)["path"], "/items/0/business_value");
  EXPECT_NE((*ambiguous)["message"].get<std::string>().find("1200 with a thousands point (locale de)"), std::string::npos);

  const Json doc = fixture("jira_datacenter_de.csv", {{"locale", "de"}}, &code);
  ASSERT_EQ(code, 0) << doc.dump(2);
  const Json& wash = *item(doc, "GES-11");
  EXPECT_EQ(wash["title"], "Händewaschen-Erinnerung"); // the byte order mark is not part of "Summary"
  EXPECT_EQ(wash["business_value"], 1200.0);
  EXPECT_EQ(wash["value"], 1200.0);
  EXPECT_EQ(wash["effort"], 2.5);
  EXPECT_EQ(wash["description"], "Erinnert alle ans Händewaschen;\nwährend der Pandemie für alle an.");
  EXPECT_EQ(wash["depends_on"], Json::parse(R"(["GES-12"])"));
  EXPECT_EQ((*item(doc, "GES-12"))["tags"], Json::parse(R"(["plattform", "backend"])"));
  const Json ranked = run_json("rank", document_only(doc).dump(), {{"model", "value_effort"}}, &code);
  ASSERT_EQ(code, 0) << ranked.dump(2);
}

TEST(KnownExports, AzureDevOps) {
  int code = -1;
  const Json doc = fixture("azure_devops.csv", Json::object(), &code);
  ASSERT_EQ(code, 0) << doc.dump(2);
  const Json& wash = *item(doc, "272");
  EXPECT_EQ(wash["title"], "Hand-washing alert");
  EXPECT_EQ(wash["tags"], Json::parse(R"(["pandemic", "notifications"])"));
  EXPECT_EQ(wash["effort"], 1.0);
  EXPECT_EQ(wash["business_value"], 13.0);
  EXPECT_EQ(wash["value"], 13.0);
  EXPECT_EQ(wash["time_criticality"], 20.0);
  EXPECT_EQ((*item(doc, "275"))["title"], "Two-factor sign-in");
  const Json ranked = run_json("rank", document_only(doc).dump(), {{"model", "value_effort"}}, &code);
  ASSERT_EQ(code, 0) << ranked.dump(2);
  EXPECT_EQ(ranked["ranking"][0]["id"], "272"); // 13 / 1
}

TEST(KnownExports, GithubProjects) {
  int code = -1;
  const Json doc = fixture("github_projects.tsv", Json::object(), &code);
  ASSERT_EQ(code, 0) << doc.dump(2);
  ASSERT_EQ(doc["items"].size(), 4u);
  EXPECT_EQ(doc["items"][0]["id"], "acme/health-app#14");
  EXPECT_EQ(doc["items"][0]["tags"], Json::parse(R"(["pandemic", "notifications"])"));
  EXPECT_EQ(doc["items"][0]["effort"], 1.0);
  EXPECT_EQ(doc["items"][0]["value"], 9.0);
  EXPECT_EQ(doc["items"][2]["id"], "birthday-wishes"); // a draft issue: no URL
  const Json ranked = run_json("rank", document_only(doc).dump(), {{"model", "value_effort"}}, &code);
  ASSERT_EQ(code, 0) << ranked.dump(2);
}

TEST(KnownExports, Linear) {
  int code = -1;
  const Json doc = fixture("linear.csv", Json::object(), &code);
  ASSERT_EQ(code, 0) << doc.dump(2);
  const Json& wash = *item(doc, "ENG-14");
  EXPECT_EQ(wash["description"], "Remind every user to wash their hands.\n\n- on for everyone\n- snooze for an hour");
  EXPECT_EQ(wash["team"], "Engineering");
  EXPECT_EQ(wash["effort"], 1.0);
  EXPECT_EQ((*item(doc, "ENG-21"))["title"], "=SUM(A1) in the export"); // the export's ' removed
  const Json ranked = run_json("rank", document_only(doc).dump(), {{"model", "value_effort"}}, &code);
  ASSERT_EQ(code, 0) << ranked.dump(2);
}

// What the CLI writes is what the next command reads: `gapscore import-csv sheet.csv --format
// json > backlog.json` keeps the import's notes in "warnings", and ranking that file must not
// warn that "warnings" is a field nobody knows.
TEST(ImportMapping, TheImportedDocumentRanksWithoutComplaint) {
  int code = -1;
  const Json doc = fixture("jira_cloud.csv", Json::object(), &code);
  ASSERT_EQ(code, 0) << doc.dump(2);
  ASSERT_TRUE(doc.contains("warnings")) << "the fixture's import has notes, else this proves nothing";
  const Json ranked = run_json("rank", doc.dump(), {{"format", "json"}}, &code);
  ASSERT_EQ(code, 0) << ranked.dump(2);
  for (const auto& w : ranked.value("warnings", Json::array()))
    EXPECT_NE(w["path"], "/warnings") << w.dump();
}

// A tracker's export seldom has RICE's columns: the imported document names a model its
// columns can rank with, so `gapscore rank` ranks it with no --model (Azure DevOps: Business
// Value and Effort, the value/effort model), and a sheet RICE can rank keeps the default.
TEST(ImportMapping, TheImportedDocumentNamesAModelThatRanksIt) {
  for (const char* name : {"azure_devops.csv", "github_projects.tsv", "linear.csv"}) {
    int code = -1;
    const Json doc = fixture(name, Json::object(), &code);
    ASSERT_EQ(code, 0) << name << doc.dump(2);
    EXPECT_TRUE(doc.contains("model")) << name;
    const Json ranked = run_json("rank", doc.dump(), {{"format", "json"}}, &code);
    EXPECT_EQ(code, 0) << name << ranked.dump(2);
    EXPECT_FALSE(ranked["ranking"].empty()) << name;
  }
  const Json rice = import("id,title,reach,impact,confidence,effort\na,A,10,1,0.5,2\n", {{"map", {{"title", "title"}}}});
  EXPECT_FALSE(rice.contains("model")) << rice.dump(2);
}

} // namespace
} // namespace gapscore::test
