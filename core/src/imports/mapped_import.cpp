// A sheet read through its mapping: each row an item, each mapped column converted to its
// field, every problem naming the row, the column and the field; then the document is
// validated like any other.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "document/limits.hpp"
#include "gapscore/load.hpp"
#include "imports/import_mapping.hpp"
#include "imports/known_exports.hpp"

namespace gapscore {
namespace {

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

/// "row 4" (the header is row 1, as a spreadsheet numbers them), with the text line when a
/// cell above spans several lines.
std::string row_text(const CsvTable& t, std::size_t k) {
  std::string out = "row " + std::to_string(k + 1);
  if (k < t.line_of_row.size() && t.line_of_row[k] != k + 1) out += " (line " + std::to_string(t.line_of_row[k]) + ")";
  return out;
}

/// owner/repo#number for a GitHub issue or pull request URL; the text itself otherwise.
std::string github_id(const std::string& cell) {
  for (const std::string prefix : {"https://github.com/", "http://github.com/"}) {
    if (cell.rfind(prefix, 0) != 0) continue;
    const std::string rest = cell.substr(prefix.size());
    const auto a = rest.find('/');
    const auto b = a == std::string::npos ? a : rest.find('/', a + 1);
    const auto c = b == std::string::npos ? b : rest.find('/', b + 1);
    if (c == std::string::npos) break;
    const std::string kind = rest.substr(b + 1, c - b - 1);
    std::string number = rest.substr(c + 1);
    while (!number.empty() && (number.back() == '/' || number.back() == ' ')) number.pop_back();
    if ((kind == "issues" || kind == "pull") && !number.empty() &&
        number.find_first_not_of("0123456789") == std::string::npos)
      return rest.substr(0, b) + "#" + number;
  }
  return cell;
}

/// An id from a title: lower-case ASCII letters and digits joined by "-", at most 60.
std::string slug(const std::string& title) {
  std::string out;
  for (char c : title) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (alnum || (c >= 'a' && c <= 'z')) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
    if (out.size() >= 60) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "item" : out;
}

/// A list cell split on ; and , with each entry trimmed; empty entries dropped.
std::vector<std::string> split_list(const std::string& cell) {
  std::vector<std::string> out;
  std::string part;
  for (char c : cell + ";") {
    if (c == ';' || c == ',') {
      std::string t = trim(part);
      if (!t.empty()) out.push_back(std::move(t));
      part.clear();
    } else {
      part += c;
    }
  }
  return out;
}

std::string moscow_value(const std::string& cell) {
  std::string s;
  for (char c : trim(cell)) s += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  for (const char* suffix : {" have", "-have", "_have"})
    if (s.size() > 5 && s.compare(s.size() - 5, 5, suffix) == 0) s.resize(s.size() - 5);
  if (s == "won't" || s == "won\xE2\x80\x99t" || s == "won t" || s == "will not") s = "wont";
  return s == "must" || s == "should" || s == "could" || s == "wont" ? s : trim(cell);
}

struct Conversion {
  std::string first_path;
  std::size_t count = 0;
  std::string example;
};

} // namespace

std::optional<Json> import_with_plan(const ImportPlan& p, Diagnostics& diag) {
  const CsvTable& t = p.table;
  const auto& header = t.rows[0];
  const MappedField* id_field = p.find("id");
  const MappedField* title_field = p.find("title");
  if (!id_field && !p.generated_ids) {
    std::string columns;
    for (std::size_t c = 0; c < header.size() && c < 12; ++c) columns += (c ? ", " : "") + describe(Json(header[c]));
    if (header.size() > 12) columns += " and " + std::to_string(header.size() - 12) + " more";
    if (!title_field)
      diag.error("", code::unknown_header,
                 "line 1: no column holds the items' ids or titles, and the header row is not one of an export "
                 "gapscore knows (Jira, Azure DevOps, GitHub Projects, Linear): map the columns (map id=COLUMN, "
                 "title=COLUMN; import-csv --detect lists them). The columns: " + columns);
    else
      diag.error("", code::missing, "line 1: the header needs an \"id\" column, or a mapping naming the column that "
                                    "holds each item's id (map id=COLUMN; import-csv --detect lists the columns)");
    return std::nullopt;
  }
  if (t.rows.size() - 1 > limits::items) {
    diag.error("/items", code::too_large, "has " + std::to_string(t.rows.size() - 1) + " rows; the limit is " +
                                             std::to_string(limits::items));
    return std::nullopt;
  }
  const std::size_t n = t.rows.size() - 1;
  for (std::size_t k = 1; k <= n; ++k)
    if (t.rows[k].size() != header.size())
      diag.error(pointer("/items", k - 1), code::csv_syntax, row_text(t, k) + ": has " + std::to_string(t.rows[k].size()) +
                                                                " fields; the header has " + std::to_string(header.size()));
  if (!diag.ok()) return std::nullopt;

  // The cells of a mapped field in row k: every column with its name (a Jira export repeats
  // "Labels" once per label), in sheet order.
  std::unordered_map<std::string, std::vector<std::size_t>> columns_of;
  for (const auto& m : p.map) columns_of[m.field] = p.columns_named(m.column);
  const auto first_cell = [&](const MappedField& m, std::size_t k) -> std::string {
    for (std::size_t c : columns_of[m.field])
      if (!t.rows[k][c].empty()) return t.rows[k][c];
    return "";
  };
  const auto text_of = [&](const MappedField& m, std::size_t k) {
    std::string s = first_cell(m, k);
    // Linear's export writes ' before text a spreadsheet would run as a formula.
    if (p.strip_formula_quote && s.size() > 1 && s[0] == '\'' && std::string_view("=+-@").find(s[1]) != std::string_view::npos)
      s.erase(0, 1);
    return s;
  };
  const auto list_of = [&](const MappedField& m, std::size_t k) {
    std::vector<std::string> out;
    for (std::size_t c : columns_of[m.field])
      for (auto& v : split_list(t.rows[k][c])) {
        std::string entry = p.github_ids ? github_id(v) : v;
        if (std::find(out.begin(), out.end(), entry) == out.end()) out.push_back(std::move(entry));
      }
    return out;
  };
  const auto where = [&](std::size_t k, const MappedField& m) {
    return row_text(t, k) + ", column " + describe(Json(m.column)) + " (" + m.field + ")";
  };

  // Ids first: links name them.
  std::vector<std::string> ids(n);
  std::unordered_map<std::string, std::size_t> index;
  std::set<std::string> taken;
  for (std::size_t k = 1; k <= n; ++k) {
    std::string id = id_field ? trim(first_cell(*id_field, k)) : "";
    if (p.github_ids) id = github_id(id);
    if (id.empty() && (p.generated_ids || p.github_ids)) {
      const std::string base = slug(title_field ? trim(text_of(*title_field, k)) : "");
      id = base;
      for (int suffix = 2; taken.count(id); ++suffix) id = base + "-" + std::to_string(suffix);
    }
    if (id.empty()) {
      diag.error(pointer(pointer("/items", k - 1), "id"), code::missing,
                 where(k, *id_field) + ": empty; every item needs an id");
      continue;
    }
    taken.insert(id);
    index.emplace(id, k - 1); // a duplicate is reported by the validation below
    ids[k - 1] = id;
  }
  if (!diag.ok()) return std::nullopt;

  // Dependencies: depends_on as given, and "blocks" turned around (the items it blocks
  // depend on it). A link to an issue that is not in the sheet is left out and counted.
  std::vector<std::vector<std::string>> depends(n);
  std::map<std::string, std::vector<std::string>> outside; // field -> ids not in the sheet
  const auto note_outside = [&](const std::string& field, const std::string& other) {
    auto& list = outside[field];
    if (std::find(list.begin(), list.end(), other) == list.end()) list.push_back(other);
  };
  const MappedField* depends_field = p.find("depends_on");
  const MappedField* blocks_field = p.find("blocks");
  for (std::size_t k = 1; k <= n; ++k) {
    if (depends_field)
      for (auto& other : list_of(*depends_field, k)) {
        if (!index.count(other)) note_outside("depends_on", other);
        else if (std::find(depends[k - 1].begin(), depends[k - 1].end(), other) == depends[k - 1].end())
          depends[k - 1].push_back(other);
      }
    if (blocks_field)
      for (auto& other : list_of(*blocks_field, k)) {
        auto it = index.find(other);
        if (it == index.end()) {
          note_outside("blocks", other);
          continue;
        }
        auto& list = depends[it->second];
        if (std::find(list.begin(), list.end(), ids[k - 1]) == list.end()) list.push_back(ids[k - 1]);
      }
  }

  std::map<std::string, Conversion> percents; // column -> cells read as percentages
  // A cell that is not a number is named once, though two fields read its column (Jira's
  // business value is both business_value and value).
  std::set<std::pair<std::size_t, std::string>> refused; // (row, column)
  Json criteria = Json::array();
  for (const auto& m : p.map)
    if (m.field.rfind("scores.", 0) == 0) {
      const std::string c = m.field.substr(7);
      criteria.push_back(Json{{"id", c}, {"name", c}, {"weight", 1}, {"direction", "benefit"}});
    }

  Json items = Json::array();
  for (std::size_t k = 1; k <= n; ++k) {
    Json item = Json::object();
    item["id"] = ids[k - 1];
    const std::string item_path = pointer("/items", k - 1);
    for (const auto& target : p.targets) {
      const MappedField* m = p.find(target.id);
      if (target.kind == TargetKind::list && target.id == "depends_on") {
        if (!depends[k - 1].empty()) item["depends_on"] = depends[k - 1];
        continue;
      }
      if (!m || target.kind == TargetKind::id || target.kind == TargetKind::blocks) continue;
      const std::string path = pointer(item_path, target.id);
      switch (target.kind) {
      case TargetKind::text: {
        std::string s = text_of(*m, k);
        if (!s.empty()) item[target.id] = std::move(s);
        break;
      }
      case TargetKind::list: {
        auto list = list_of(*m, k);
        if (!list.empty()) item[target.id] = std::move(list);
        break;
      }
      case TargetKind::moscow: {
        const std::string s = first_cell(*m, k);
        if (!trim(s).empty()) item["moscow"] = moscow_value(s);
        break;
      }
      case TargetKind::number:
      case TargetKind::fraction:
      case TargetKind::score: {
        const std::string cell = first_cell(*m, k);
        const CellNumber x = read_cell_number(cell, p.locale ? &*p.locale : nullptr, p.delimiter);
        if (!x.value && x.problem.empty()) break; // empty: not given
        if (!x.value) {
          if (!refused.insert({k, m->column}).second) break;
          diag.error(path, x.ambiguous ? code::ambiguous_number : code::wrong_type,
                     where(k, *m) + ": " + (x.ambiguous ? x.problem : "must be a number (got " + describe(Json(cell)) + "; " + x.problem + ")"));
          break;
        }
        if (x.percent && target.kind != TargetKind::fraction) {
          diag.error(path, code::wrong_type, where(k, *m) + ": a percentage (" + trim(cell) + "), but " + target.id +
                                                 " is not a fraction: write the number itself");
          break;
        }
        if (x.percent) {
          Conversion& c = percents[m->column];
          if (c.count++ == 0) {
            c.first_path = path;
            c.example = trim(cell) + " as " + number_text(*x.value);
          }
        }
        if (target.kind == TargetKind::score) item["scores"][target.id.substr(7)] = *x.value;
        else item[target.id] = *x.value;
        break;
      }
      default: break;
      }
    }
    items.push_back(std::move(item));
  }
  if (!diag.ok()) return std::nullopt;

  Json doc = {{"format", "gapscore/1"}};
  if (!criteria.empty()) doc["criteria"] = std::move(criteria);
  doc["items"] = std::move(items);

  // What was read, and how: the mapping, the columns left out, every conversion.
  std::string read;
  for (const auto& m : p.map)
    if (m.field != "id" || !p.generated_ids)
      read += (read.empty() ? "" : ", ") + m.field + " from " + describe(Json(m.column));
  if (p.generated_ids) read += std::string(read.empty() ? "" : ", ") + "ids made from the titles";
  const std::string as = p.source ? "read as " + std::string(p.source->read_as) : "read by the mapping";
  diag.warning("", code::mapped, as + (p.user_map && p.source ? " with the map option" : "") + ": " + read);
  if (!p.left_out.empty()) {
    std::string names;
    for (std::size_t k = 0; k < p.left_out.size() && k < 10; ++k) names += (k ? ", " : "") + describe(Json(p.left_out[k]));
    if (p.left_out.size() > 10) names += " and " + std::to_string(p.left_out.size() - 10) + " more";
    diag.warning("", code::ignored, "left out " + std::to_string(p.left_out.size()) + " column" +
                                        (p.left_out.size() == 1 ? "" : "s") + " no field reads: " + names +
                                        " (import-csv --detect lists the mapping)");
  }
  for (const auto& note : p.notes) diag.warning("", code::ignored, note);
  for (const auto& [column, c] : percents)
    diag.warning(c.first_path, code::converted,
                 "column " + describe(Json(column)) + ": " + std::to_string(c.count) + " cell" + (c.count == 1 ? "" : "s") +
                     " written as a percentage read as a fraction (" + c.example + ")");
  for (const auto& [field, list] : outside) {
    std::string names;
    for (std::size_t k = 0; k < list.size() && k < 5; ++k) names += (k ? ", " : "") + list[k];
    if (list.size() > 5) names += " and " + std::to_string(list.size() - 5) + " more";
    diag.warning("", code::ignored, std::string(field == "blocks" ? "blocking links" : "dependencies") + " on " +
                                        std::to_string(list.size()) + " issue" + (list.size() == 1 ? "" : "s") +
                                        " not in this sheet left out: " + names);
  }

  // Validated like any document, with the row of each item's problem.
  Diagnostics check;
  load_scenario(doc, check);
  diag.add(check, [&](Problem& pr, Diagnostics::Kind) {
    if (pr.path.rfind("/items/", 0) != 0) return true;
    const std::size_t k = std::strtoul(pr.path.c_str() + 7, nullptr, 10);
    if (k < n) pr.message += " (" + row_text(t, k + 1) + ")";
    return true;
  });
  if (!diag.ok()) return std::nullopt;
  return doc;
}

} // namespace gapscore
