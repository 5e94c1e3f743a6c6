// The header rows of the trackers' CSV exports, as their vendors document them (sources in
// tests/fixtures/csv/README.md): how each is recognized and which column holds each field.
#include "imports/known_exports.hpp"

#include <algorithm>

namespace gapscore {
namespace {

const KnownExport kGapscore{"gapscore", "gapscore's own column names", "docs/format.md#csv-import"};
const KnownExport kJira{"jira", "Jira (Cloud or Data Center)",
                        "https://support.atlassian.com/jira-software-cloud/docs/export-issues/"};
const KnownExport kAzure{"azure_devops", "Azure DevOps (Azure Boards query)",
                         "https://learn.microsoft.com/azure/devops/boards/queries/import-work-items-from-csv"};
const KnownExport kGithub{"github_projects", "GitHub Projects (Export view data)",
                          "https://docs.github.com/issues/planning-and-tracking-with-projects/managing-your-project/exporting-your-projects-data"};
const KnownExport kLinear{"linear", "Linear (CSV export)", "https://linear.app/docs/exporting-data"};

bool has(const std::vector<std::string>& keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

} // namespace

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

const KnownExport* recognize_export(const std::vector<std::string>& header) {
  if (std::find(header.begin(), header.end(), "id") != header.end()) return &kGapscore;
  std::vector<std::string> keys;
  for (const auto& h : header) keys.push_back(column_key(h));
  // Jira: every export has the issue key and the summary (Cloud and Data Center alike).
  if (has(keys, "issue key") && has(keys, "summary")) return &kJira;
  // Azure Boards: a query's export always starts ID, Work Item Type, Title.
  if (has(keys, "id") && has(keys, "work item type") && has(keys, "title")) return &kAzure;
  // Linear: ID, Team, Title, ... with its cycle and estimate columns.
  if ((has(keys, "id") || has(keys, "uuid")) && has(keys, "team") && has(keys, "title") &&
      (has(keys, "cycle name") || has(keys, "cycle number") || has(keys, "estimate") || has(keys, "creator")))
    return &kLinear;
  // GitHub Projects: a view's fields, Title and at least two of the built-in ones.
  if (has(keys, "title") && !has(keys, "work item type")) {
    int builtin = 0;
    for (const char* k : {"url", "assignees", "status", "labels", "linked pull requests", "milestone", "repository",
                          "reviewers", "parent issue", "sub issues progress"})
      builtin += has(keys, k);
    if (builtin >= 2) return &kGithub;
  }
  return nullptr;
}

const std::vector<ColumnRule>& export_rules(const KnownExport& source) {
  static const std::vector<ColumnRule> none;
  static const std::vector<ColumnRule> jira = {
      {"id", {"issue key"}, "Jira's issue key"},
      {"title", {"summary"}, "Jira's summary"},
      {"description", {"description"}, "Jira's description"},
      {"tags", {"labels"}, "Jira's labels (a column per label)"},
      {"depends_on", {"inward issue link blocks"}, "the issues that block it"},
      {"blocks", {"outward issue link blocks"}, "the issues it blocks depend on it"},
      {"effort", {"custom field effort", "custom field story points", "custom field story point estimate"}, "its estimate"},
      {"business_value", {"custom field business value"}, "Jira Software's business value"},
      {"value", {"custom field value", "custom field business value"}, "the business value, for value vs effort"},
  };
  static const std::vector<ColumnRule> azure = {
      {"id", {"id"}, "the work item's ID"},
      {"title", {"title"}, "the work item's title"},
      {"description", {"description"}, "the work item's description"},
      {"tags", {"tags"}, "the work item's tags"},
      {"effort", {"effort", "story points", "size"}, "its estimate (Scrum: Effort, Agile: Story Points, CMMI: Size)"},
      {"business_value", {"business value"}, "Azure Boards' business value"},
      {"value", {"value", "business value"}, "the business value, for value vs effort"},
      {"time_criticality", {"time criticality"}, "Azure Boards' time criticality"},
  };
  static const std::vector<ColumnRule> linear = {
      {"id", {"id", "identifier"}, "Linear's issue ID"},
      {"title", {"title"}, "the issue's title"},
      {"description", {"description"}, "the issue's description"},
      {"tags", {"labels"}, "Linear's labels"},
      {"effort", {"estimate"}, "Linear's estimate (points)"},
      {"depends_on", {"blocked by"}, "the issues that block it"},
      {"blocks", {"blocks"}, "the issues it blocks depend on it"},
      {"team", {"team"}, "Linear's team"},
  };
  static const std::vector<ColumnRule> github = {
      {"id", {"url"}, "the item's URL, as owner/repo#number"},
      {"title", {"title"}, "the item's title"},
      {"tags", {"labels"}, "the issue's labels"},
  };
  if (source.id == kJira.id) return jira;
  if (source.id == kAzure.id) return azure;
  if (source.id == kLinear.id) return linear;
  if (source.id == kGithub.id) return github;
  return none;
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

std::vector<std::string> export_notes(const KnownExport& source, const std::vector<std::string>& header) {
  std::vector<std::string> keys;
  for (const auto& h : header) keys.push_back(column_key(h));
  std::vector<std::string> out;
  if (source.id == kJira.id) {
    if (has(keys, "priority"))
      out.push_back("Priority is left out: it is a label, not a score (map it to moscow if it holds MoSCoW values)");
    if (has(keys, "issue links") && !has(keys, "inward issue link blocks") && !has(keys, "outward issue link blocks"))
      out.push_back("Issue links is left out: it does not say which issue blocks which; export all fields to get the "
                    "Inward and Outward issue link (Blocks) columns");
  }
  if (source.id == kAzure.id && has(keys, "title 1"))
    out.push_back("a tree query's Title 1, Title 2, ... columns are left out: export a flat list query (one Title column)");
  if (source.id == kAzure.id && has(keys, "priority"))
    out.push_back("Priority is left out: Azure Boards' 1-4 priority is a label, not a score");
  if (source.id == kLinear.id) {
    out.push_back("a ' that Linear writes before a title or description starting with = + - @ is removed");
    if (has(keys, "priority")) out.push_back("Priority is left out: Urgent, High, Medium, Low is a label, not a score");
  }
  if (source.id == kGithub.id) {
    if (has(keys, "url"))
      out.push_back("ids are the items' URLs written owner/repo#number; a draft issue (no URL) gets an id made from its title");
    else
      out.push_back("the view has no URL field: ids are made from the titles (add the URL field to the view to keep "
                    "GitHub's numbers)");
    if (has(keys, "size")) out.push_back("Size is left out: a single-select field (S, M, L), not a number");
  }
  return out;
}

} // namespace gapscore
