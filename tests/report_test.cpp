// The decision record (issue 22): `report` in JSON, Markdown and HTML. Each item's reason is
// the explain command's sentence; sections appear only when the document has what they need;
// the HTML is static and escapes every title, tested with hostile ones.
#include <gtest/gtest.h>

#include <cstdio>
#include <regex>
#include <set>
#include <string>

#include "test_support.hpp"

namespace gapscore::test {
namespace {

std::string report_text(const std::string& doc, Json options, int* code = nullptr) {
  const auto r = run_command("report", doc, options.dump());
  if (code) *code = r.exit_code;
  return r.output;
}

const std::string kDemo = "demo/health-app.json";

TEST(Report, TopNWithTheExplainSentence) {
  int code = -1;
  const std::string doc = read_file(kDemo);
  const Json r = run_json("report", doc, Json::object(), &code);
  ASSERT_EQ(code, 0) << r.dump(2);
  EXPECT_EQ(r["model"], "rice");
  EXPECT_EQ(r["label"], "RICE");
  EXPECT_EQ(r["items"], 30);
  EXPECT_EQ(r["top"], 10); // the document names no top: 10
  ASSERT_EQ(r["ranking"].size(), 10u);
  EXPECT_FALSE(r.contains("weights")); // RICE reads no weights
  for (const auto& row : r["ranking"]) {
    const Json ex = run_json("explain", doc, {{"item", row["id"]}});
    EXPECT_EQ(row["why"], ex["why"]) << row["id"];
    EXPECT_EQ(row["rank"], ex["rank"]);
  }
  // The demo has stakeholders and outcomes: both sections, and no "changes" (none asked for).
  EXPECT_TRUE(r.contains("agreement"));
  EXPECT_TRUE(r.contains("underserved"));
  EXPECT_FALSE(r.contains("changes"));
  const Json agreement = run_json("agreement", doc);
  EXPECT_EQ(r["agreement"]["kendall_w"], agreement["kendall_w"]);
  EXPECT_EQ(r["agreement"]["biggest_disagreement"]["id"], agreement["items"][0]["id"]);
  // The Markdown sentence ends with the agreement command's own interpretation, said once
  // (it printed "moderate agreement agreement").
  const std::string md = report_text(doc, {{"format", "markdown"}});
  char w[8];
  std::snprintf(w, sizeof w, "%.2f", agreement["kendall_w"].get<double>());
  const std::string sentence = "(Kendall's W): " + std::string(w) + ", " + agreement["interpretation"].get<std::string>() + ".\n";
  EXPECT_NE(md.find(sentence), std::string::npos) << sentence << "\n" << md;
}

TEST(Report, WeightsForModelsThatReadThem) {
  int code = -1;
  const Json r = run_json("report", read_file(kDemo), {{"model", "weighted"}, {"top", 3}}, &code);
  ASSERT_EQ(code, 0) << r.dump(2);
  ASSERT_TRUE(r.contains("weights"));
  double shares = 0;
  for (const auto& w : r["weights"]) shares += w["share"].get<double>();
  EXPECT_NEAR(shares, 1, 1e-12);
  EXPECT_EQ(r["ranking"].size(), 3u);
  const std::string md = report_text(read_file(kDemo), {{"model", "weighted"}, {"top", 3}, {"format", "markdown"}});
  EXPECT_NE(md.find("**Weights**: "), std::string::npos) << md;
  EXPECT_NE(md.find("### The top 3"), std::string::npos) << md;
}

TEST(Report, OnlyTheSectionsTheDocumentHas) {
  int code = -1;
  const Json r = run_json("report", document_text("intercom_rice.json"), Json::object(), &code);
  ASSERT_EQ(code, 0) << r.dump(2);
  EXPECT_FALSE(r.contains("agreement"));
  EXPECT_FALSE(r.contains("underserved"));
  const std::string md = report_text(document_text("intercom_rice.json"), {{"format", "markdown"}});
  EXPECT_EQ(md.find("Stakeholders"), std::string::npos);
  EXPECT_EQ(md.find("underserved"), std::string::npos);
}

TEST(Report, ChangesAgainstAScenario) {
  int code = -1;
  const std::string doc = document_text("all_sections.json");
  const Json r = run_json("report", doc, {{"scenario", "sales-weights"}}, &code);
  ASSERT_EQ(code, 0) << r.dump(2);
  ASSERT_TRUE(r.contains("changes"));
  EXPECT_EQ(r["changes"]["against"], "scenario");
  const Json compared = run_json("compare", doc, {{"a", "base"}, {"b", "sales-weights"}, {"top", r["top"]}});
  std::size_t moved = 0;
  for (const auto& row : compared["items"])
    if (row["reason_code"] != "unchanged" &&
        ((row["before_rank"].is_number() && row["before_rank"].get<int>() <= r["top"].get<int>()) ||
         (row["after_rank"].is_number() && row["after_rank"].get<int>() <= r["top"].get<int>())))
      ++moved;
  EXPECT_EQ(r["changes"]["moved"].size(), moved);
  EXPECT_EQ(r["changes"]["entered_top"].size(), compared["entered_top"].size());

  const Json unknown = run_json("report", doc, {{"scenario", "nope"}}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(unknown["errors"][0]["path"], "options/scenario");
}

TEST(Report, ChangesAgainstABaseline) {
  int code = -1;
  const Json before = document_json("intercom_rice.json");
  Json after = before;
  after["items"][0]["effort"] = after["items"][0]["effort"].get<double>() * 20; // falls down the ranking
  const Json r = run_json("report", after.dump(), {{"baseline", before.dump()}, {"top", 2}}, &code);
  ASSERT_EQ(code, 0) << r.dump(2);
  EXPECT_EQ(r["changes"]["against"], "baseline");
  ASSERT_FALSE(r["changes"]["moved"].empty());
  bool found = false;
  for (const auto& m : r["changes"]["moved"])
    if (m["id"] == before["items"][0]["id"]) found = m["reason_code"] == "own_terms_changed";
  EXPECT_TRUE(found) << r["changes"].dump(2);
  const Json both = run_json("report", after.dump(), {{"baseline", before.dump()}, {"scenario", "x"}}, &code);
  EXPECT_EQ(code, 1);
}

TEST(Report, FormatsMarkdownHtmlJsonNotTable) {
  int code = -1;
  report_text(read_file(kDemo), {{"format", "table"}}, &code);
  EXPECT_EQ(code, 1);
  const std::string html = report_text(read_file(kDemo), {{"format", "html"}}, &code);
  EXPECT_EQ(code, 0);
  EXPECT_EQ(html.rfind("<section class=\"gapscore-report\">\n", 0), 0u);
  // html is the report's own: other commands refuse it.
  run_command("rank", read_file(kDemo), R"({"format": "html"})");
  EXPECT_EQ(run_command("rank", read_file(kDemo), R"({"format": "html"})").exit_code, 1);
}

// ---------------------------------------------------------------- hostile titles

Json hostile_document() {
  const char* titles[] = {
      "<script>alert(1)</script>",
      "\"><img src=x onerror=alert(1)>",
      "</td></tr></table><iframe src=javascript:alert(1)>",
      "[click](javascript:alert(1)) **bold** | pipe `code`",
      "&lt;b&gt; entity & ampersand 'quote'",
      "line\nbreak <!-- comment -->",
      "<style>body{display:none}</style>",
  };
  Json items = Json::array();
  int k = 0;
  for (const char* t : titles) {
    items.push_back({{"id", "item-" + std::to_string(k)}, {"title", t}, {"reach", 1000 - k * 10}, {"impact", 1},
                     {"confidence", 0.8}, {"effort", 1}});
    ++k;
  }
  return {{"format", "gapscore/1"}, {"title", "<b>Q3</b> & <script>x()</script>"}, {"items", items}};
}

TEST(Report, HtmlHasNoScriptAndEscapesEveryTitle) {
  int code = -1;
  const std::string html = report_text(hostile_document().dump(), {{"format", "html"}, {"top", 7}}, &code);
  ASSERT_EQ(code, 0) << html;
  // Only these tags, with only these attributes: nothing can run, load or restyle the page.
  const std::set<std::string> allowed = {"section", "h2", "h3", "p", "strong", "table", "thead", "tbody", "tr", "th", "td"};
  const std::regex tag("<(/?)([a-zA-Z0-9]+)([^>]*)>");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it) {
    const std::string name = (*it)[2], attributes = (*it)[3];
    EXPECT_TRUE(allowed.count(name)) << "tag <" << name << "> in\n" << html;
    EXPECT_TRUE(attributes.empty() || attributes == " class=\"gapscore-report\"" || attributes == " scope=\"col\"" ||
                attributes == " class=\"num\"")
        << attributes;
  }
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<!--"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find("&amp;lt;b&amp;gt; entity &amp; ampersand &#39;quote&#39;"), std::string::npos);
  EXPECT_NE(html.find("Decision record: &lt;b&gt;Q3&lt;/b&gt; &amp; &lt;script&gt;x()&lt;/script&gt;"), std::string::npos);
}

TEST(Report, MarkdownEscapesEveryTitle) {
  int code = -1;
  const std::string md = report_text(hostile_document().dump(), {{"format", "markdown"}, {"top", 7}}, &code);
  ASSERT_EQ(code, 0) << md;
  // No raw < (a Markdown renderer passes HTML through), no unescaped link, emphasis or pipe.
  for (std::size_t i = 0; i < md.size(); ++i) {
    const char c = md[i];
    if (c == '<' || c == '>' || c == '[' || c == ']' || c == '`') {
      EXPECT_TRUE(i > 0 && md[i - 1] == '\\') << "unescaped " << c << " at " << i << " in\n" << md;
    }
  }
  EXPECT_NE(md.find("\\<script\\>alert(1)\\</script\\>"), std::string::npos) << md;
  EXPECT_NE(md.find("\\*\\*bold\\*\\* \\| pipe"), std::string::npos) << md;
  // Every table row keeps its four columns: a title's | and line break cannot split a cell.
  std::size_t rows = 0;
  std::size_t start = 0;
  while (start < md.size()) {
    const std::size_t end = md.find('\n', start);
    const std::string line = md.substr(start, end - start);
    if (line.rfind("| ", 0) == 0 && line.find("---") == std::string::npos) {
      std::size_t bars = 0;
      for (std::size_t i = 0; i < line.size(); ++i) bars += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
      EXPECT_EQ(bars, 5u) << line;
      ++rows;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  EXPECT_EQ(rows, 8u) << md; // the header and 7 items
}

} // namespace
} // namespace gapscore::test
