// The header rows of the trackers' CSV exports, as their vendors document them (sources in
// tests/fixtures/csv/README.md): one registry entry per export, with how it is recognized,
// which column holds each field, and what its mapping leaves out and why.
#include "imports/known_exports.hpp"

#include <algorithm>

namespace gapscore {

std::string column_key(std::string_view name) {
  std::string out;
  bool gap = false;
  for (char c : name) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out += ' ';
    gap = false;
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

bool HeaderKeys::has(std::string_view key) const { return std::find(keys.begin(), keys.end(), key) != keys.end(); }

const std::vector<KnownExport>& known_exports() {
  static const std::vector<KnownExport> list = {
      {"gapscore", "gapscore's own column names", "docs/format.md#csv-import", "gapscore's own column names",
       // gapscore's own names: an "id" column, written so.
       [](const HeaderKeys& h) { return std::find(h.names.begin(), h.names.end(), "id") != h.names.end(); },
       {}},
      {"jira", "Jira (Cloud or Data Center)", "https://support.atlassian.com/jira-software-cloud/docs/export-issues/",
       "a Jira (Cloud or Data Center) export",
       // Every export has the issue key and the summary (Cloud and Data Center alike).
       [](const HeaderKeys& h) { return h.has("issue key") && h.has("summary"); },
       {
           {"id", {"issue key"}, "Jira's issue key"},
           {"title", {"summary"}, "Jira's summary"},
           {"description", {"description"}, "Jira's description"},
           {"tags", {"labels"}, "Jira's labels (a column per label)"},
           {"depends_on", {"inward issue link blocks"}, "the issues that block it"},
           {"blocks", {"outward issue link blocks"}, "the issues it blocks depend on it"},
           {"effort", {"custom field effort", "custom field story points", "custom field story point estimate"}, "its estimate"},
           {"business_value", {"custom field business value"}, "Jira Software's business value"},
           {"value", {"custom field value", "custom field business value"}, "the business value, for value vs effort"},
       },
       [](const HeaderKeys& h) {
         std::vector<std::string> out;
         if (h.has("priority"))
           out.push_back("Priority is left out: it is a label, not a score (map it to moscow if it holds MoSCoW values)");
         if (h.has("issue links") && !h.has("inward issue link blocks") && !h.has("outward issue link blocks"))
           out.push_back("Issue links is left out: it does not say which issue blocks which; export all fields to get the "
                         "Inward and Outward issue link (Blocks) columns");
         return out;
       }},
      {"azure_devops", "Azure DevOps (Azure Boards query)",
       "https://learn.microsoft.com/azure/devops/boards/queries/import-work-items-from-csv",
       "an Azure DevOps query export",
       // A query's export always starts ID, Work Item Type, Title.
       [](const HeaderKeys& h) { return h.has("id") && h.has("work item type") && h.has("title"); },
       {
           {"id", {"id"}, "the work item's ID"},
           {"title", {"title"}, "the work item's title"},
           {"description", {"description"}, "the work item's description"},
           {"tags", {"tags"}, "the work item's tags"},
           {"effort", {"effort", "story points", "size"}, "its estimate (Scrum: Effort, Agile: Story Points, CMMI: Size)"},
           {"business_value", {"business value"}, "Azure Boards' business value"},
           {"value", {"value", "business value"}, "the business value, for value vs effort"},
           {"time_criticality", {"time criticality"}, "Azure Boards' time criticality"},
       },
       [](const HeaderKeys& h) {
         std::vector<std::string> out;
         if (h.has("title 1"))
           out.push_back("a tree query's Title 1, Title 2, ... columns are left out: export a flat list query (one Title column)");
         if (h.has("priority")) out.push_back("Priority is left out: Azure Boards' 1-4 priority is a label, not a score");
         return out;
       }},
      {"linear", "Linear (CSV export)", "https://linear.app/docs/exporting-data", "a Linear CSV export",
       // ID, Team, Title, ... with its cycle and estimate columns.
       [](const HeaderKeys& h) {
         return (h.has("id") || h.has("uuid")) && h.has("team") && h.has("title") &&
                (h.has("cycle name") || h.has("cycle number") || h.has("estimate") || h.has("creator"));
       },
       {
           {"id", {"id", "identifier"}, "Linear's issue ID"},
           {"title", {"title"}, "the issue's title"},
           {"description", {"description"}, "the issue's description"},
           {"tags", {"labels"}, "Linear's labels"},
           {"effort", {"estimate"}, "Linear's estimate (points)"},
           {"depends_on", {"blocked by"}, "the issues that block it"},
           {"blocks", {"blocks"}, "the issues it blocks depend on it"},
           {"team", {"team"}, "Linear's team"},
       },
       [](const HeaderKeys& h) {
         std::vector<std::string> out = {"a ' that Linear writes before a title or description starting with = + - @ is removed"};
         if (h.has("priority")) out.push_back("Priority is left out: Urgent, High, Medium, Low is a label, not a score");
         return out;
       },
       false, false, true},
      {"github_projects", "GitHub Projects (Export view data)",
       "https://docs.github.com/issues/planning-and-tracking-with-projects/managing-your-project/exporting-your-projects-data",
       "a GitHub Projects view export",
       // A view's fields: Title and at least two of the built-in ones.
       [](const HeaderKeys& h) {
         if (!h.has("title") || h.has("work item type")) return false;
         int builtin = 0;
         for (const char* k : {"url", "assignees", "status", "labels", "linked pull requests", "milestone", "repository",
                               "reviewers", "parent issue", "sub issues progress"})
           builtin += h.has(k);
         return builtin >= 2;
       },
       {
           {"id", {"url"}, "the item's URL, as owner/repo#number"},
           {"title", {"title"}, "the item's title"},
           {"tags", {"labels"}, "the issue's labels"},
       },
       [](const HeaderKeys& h) {
         std::vector<std::string> out;
         if (h.has("url"))
           out.push_back("ids are the items' URLs written owner/repo#number; a draft issue (no URL) gets an id made from its title");
         else
           out.push_back("the view has no URL field: ids are made from the titles (add the URL field to the view to keep "
                         "GitHub's numbers)");
         if (h.has("size")) out.push_back("Size is left out: a single-select field (S, M, L), not a number");
         return out;
       },
       true, true, false},
  };
  return list;
}

const KnownExport* recognize_export(const std::vector<std::string>& header) {
  HeaderKeys h{header, {}};
  for (const auto& name : header) h.keys.push_back(column_key(name));
  for (const auto& e : known_exports())
    if (e.recognizes(h)) return &e;
  return nullptr;
}

const std::vector<ColumnRule>& common_rules() {
  static const std::vector<ColumnRule> rules = {
      {"id", {"id", "key", "issue key", "identifier"}, "same name"},
      {"title", {"title", "summary", "name"}, "same name"},
      {"description", {"description", "details"}, "same name"},
      {"tags", {"tags", "labels", "label"}, "same name"},
      {"moscow", {"moscow"}, "same name"},
      {"depends_on", {"depends on", "dependencies", "blocked by"}, "same name"},
      {"blocks", {"blocks"}, "same name"},
      {"team", {"team"}, "same name"},
      {"reach", {"reach", "custom field reach"}, "same name"},
      {"impact", {"impact", "custom field impact"}, "same name"},
      {"confidence", {"confidence", "custom field confidence"}, "same name"},
      {"effort",
       {"effort", "custom field effort", "story points", "custom field story points", "story point estimate",
        "custom field story point estimate", "estimate"},
       "same name"},
      {"business_value", {"business value", "user business value", "custom field business value"}, "same name"},
      {"time_criticality", {"time criticality", "custom field time criticality"}, "same name"},
      {"risk_reduction", {"risk reduction", "risk reduction opportunity enablement", "rr oe", "custom field risk reduction"}, "same name"},
      {"job_size", {"job size", "custom field job size"}, "same name"},
      {"ice_impact", {"ice impact"}, "same name"},
      {"ice_confidence", {"ice confidence"}, "same name"},
      {"ease", {"ease", "custom field ease"}, "same name"},
      {"value", {"value", "custom field value"}, "same name"},
  };
  return rules;
}

} // namespace gapscore
