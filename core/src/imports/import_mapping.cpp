#include "imports/import_mapping.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "document/limits.hpp"
#include "gapscore/load.hpp"
#include "imports/known_exports.hpp"

namespace gapscore {

std::string_view target_kind_name(TargetKind k) {
  switch (k) {
  case TargetKind::id: return "id";
  case TargetKind::text: return "text";
  case TargetKind::list: return "list";
  case TargetKind::blocks: return "list";
  case TargetKind::moscow: return "moscow";
  case TargetKind::number: return "number";
  case TargetKind::fraction: return "fraction";
  case TargetKind::score: return "score";
  }
  return "text";
}

const MappedField* ImportPlan::find(std::string_view field) const {
  for (const auto& m : map)
    if (m.field == field) return &m;
  return nullptr;
}

std::vector<std::size_t> ImportPlan::columns_named(std::string_view column) const {
  std::vector<std::size_t> out;
  if (table.rows.empty()) return out;
  const auto& header = table.rows[0];
  for (std::size_t c = 0; c < header.size(); ++c)
    if (header[c] == column) out.push_back(c);
  return out;
}

namespace {

/// The fields a column may fill, in the order an item lists them.
std::vector<ImportTarget> import_targets(const std::vector<std::string>& criteria) {
  std::vector<ImportTarget> t = {
      {"id", "Id", TargetKind::id},
      {"title", "Title", TargetKind::text},
      {"description", "Description", TargetKind::text},
      {"tags", "Tags (labels)", TargetKind::list},
      {"moscow", "MoSCoW", TargetKind::moscow},
      {"depends_on", "Depends on (ids of the items it needs)", TargetKind::list},
      {"blocks", "Blocks (ids of the items that need it)", TargetKind::blocks},
      {"team", "Team", TargetKind::text},
      {"reach", "Reach (RICE)", TargetKind::number},
      {"impact", "Impact (RICE: 3, 2, 1, 0.5, 0.25)", TargetKind::number},
      {"confidence", "Confidence (RICE, a fraction: 80% reads 0.8)", TargetKind::fraction},
      {"effort", "Effort", TargetKind::number},
      {"business_value", "Business value (WSJF)", TargetKind::number},
      {"time_criticality", "Time criticality (WSJF)", TargetKind::number},
      {"risk_reduction", "Risk reduction / opportunity enablement (WSJF)", TargetKind::number},
      {"job_size", "Job size (WSJF)", TargetKind::number},
      {"ice_impact", "Impact (ICE, 1-10)", TargetKind::number},
      {"ice_confidence", "Confidence (ICE, 1-10)", TargetKind::number},
      {"ease", "Ease (ICE, 1-10)", TargetKind::number},
      {"value", "Value (value vs effort)", TargetKind::number},
  };
  for (const auto& c : criteria) t.push_back({"scores." + c, "Score: " + c, TargetKind::score});
  return t;
}

std::string target_list(const std::vector<ImportTarget>& targets) {
  std::string out;
  for (const auto& t : targets)
    if (t.kind != TargetKind::score) out += (out.empty() ? "" : ", ") + t.id;
  return out + ", scores.<criterion>";
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

/// Edit distance, ASCII case-insensitive, for "did you mean" on column names.
std::size_t distance(std::string_view a, std::string_view b) {
  const std::string x = lower(a), y = lower(b);
  std::vector<std::size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

/// Up to `most` names, quoted, "and N more" after.
std::string names_text(const std::vector<std::string>& names, std::size_t most) {
  std::string out;
  for (std::size_t k = 0; k < names.size() && k < most; ++k) out += (k ? ", " : "") + describe(Json(names[k]));
  if (names.size() > most) out += " and " + std::to_string(names.size() - most) + " more";
  return out;
}

/// The sheet's column names, each once, in order.
std::vector<std::string> unique_columns(const std::vector<std::string>& header) {
  std::vector<std::string> out;
  for (const auto& h : header)
    if (std::find(out.begin(), out.end(), h) == out.end()) out.push_back(h);
  return out;
}

/// The first record of the text (up to the first line break outside quotes), byte order
/// marks skipped: enough to read a header row without parsing the whole sheet.
std::string_view first_record(std::string_view text) {
  while (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    else if (!quoted && (text[i] == '\n' || text[i] == '\r')) return text.substr(0, i);
  }
  return text;
}

} // namespace

char detect_delimiter(std::string_view text) {
  const std::string_view first = first_record(text);
  std::size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : first) {
    if (c == '"') quoted = !quoted;
    else if (!quoted) comma += c == ',', semicolon += c == ';', tab += c == '\t';
  }
  if (tab > comma && tab >= semicolon) return '\t';
  if (semicolon > comma) return ';';
  return ',';
}

bool is_native_sheet(std::string_view text) {
  if (detect_delimiter(text) != ',') return false;
  Diagnostics ignore;
  const auto header = parse_csv(first_record(text), ignore);
  if (!header || header->rows.empty()) return true; // the usual errors say what is wrong
  const auto& h = header->rows[0];
  return std::find(h.begin(), h.end(), "id") != h.end();
}

std::string header_key(const std::vector<std::string>& header) {
  std::uint64_t hash = 1469598103934665603ull; // FNV-1a, 64 bits
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (c) hash = (hash ^ 0x1Fu) * 1099511628211ull;
    for (unsigned char ch : header[c]) hash = (hash ^ ch) * 1099511628211ull;
  }
  static const char* hex = "0123456789abcdef";
  std::string out(16, '0');
  for (int k = 15; k >= 0; --k, hash >>= 4) out[static_cast<std::size_t>(k)] = hex[hash & 0xF];
  return out;
}

std::optional<ImportPlan> plan_import(Request& r) {
  ImportPlan p;
  if (auto tag = r.text("locale")) {
    p.locale = number_locale(*tag);
    if (!p.locale)
      r.usage("locale", code::invalid_option, "unknown locale " + describe(Json(*tag)) +
                                                  " for numbers (choose a language tag such as " + known_number_locales() + ")");
  }
  const Json* map = nullptr;
  if (r.has("map")) {
    const Json& m = r.options["map"];
    if (!m.is_object()) r.usage("map", code::invalid_option, "must be an object {field: column name} (got " + describe(m) + ")");
    else map = &m;
  }
  if (!r.diag.ok()) return std::nullopt;

  p.delimiter = detect_delimiter(r.document);
  auto table = parse_csv(r.document, r.diag, p.delimiter);
  if (!table) return std::nullopt;
  if (table->rows.empty()) {
    r.diag.error("", code::missing, "the CSV is empty: it needs a header row and one row per item");
    return std::nullopt;
  }
  p.table = std::move(*table);
  const std::vector<std::string>& header = p.table.rows[0];
  p.source = recognize_export(header);

  std::vector<std::string> criteria;
  const auto add_criterion = [&](const std::string& name) {
    if (name.size() > 7 && name.rfind("scores.", 0) == 0 &&
        std::find(criteria.begin(), criteria.end(), name.substr(7)) == criteria.end())
      criteria.push_back(name.substr(7));
  };
  for (const auto& h : header) add_criterion(h);
  if (map)
    for (const auto& [field, column] : map->items()) {
      (void)column;
      add_criterion(field);
    }
  p.targets = import_targets(criteria);

  // The map option: field -> column (null or "" leaves the field out).
  std::map<std::string, std::optional<std::string>> chosen;
  if (map) {
    p.user_map = true;
    for (const auto& entry : map->items()) {
      // Named copies, not structured bindings: C++17 lambdas cannot capture those (clang).
      const std::string& field = entry.key();
      const Json& value = entry.value();
      const auto target = std::find_if(p.targets.begin(), p.targets.end(), [&](const ImportTarget& t) { return t.id == field; });
      const std::string where = "map/" + field;
      if (target == p.targets.end()) {
        r.usage(where, code::invalid_option, "not a field the import fills (choose " + target_list(p.targets) + ")");
        continue;
      }
      if (value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty())) {
        chosen[field] = std::nullopt;
        continue;
      }
      if (!value.is_string()) {
        r.usage(where, code::invalid_option, "must be a column name of the sheet (got " + describe(value) + ")");
        continue;
      }
      const std::string& wanted = value.get_ref<const std::string&>();
      std::optional<std::string> found;
      if (std::find(header.begin(), header.end(), wanted) != header.end()) found = wanted;
      else {
        // The same name in another case or with spaces around it, when only one column has it.
        std::vector<std::string> near;
        for (const auto& h : unique_columns(header))
          if (lower(trim(h)) == lower(trim(wanted))) near.push_back(h);
        if (near.size() == 1) found = near[0];
      }
      if (!found) {
        std::string best;
        std::size_t best_d = 3;
        for (const auto& h : unique_columns(header)) {
          const std::size_t d = distance(h, wanted);
          if (d < best_d) best_d = d, best = h;
        }
        r.diag.error("options/" + where, code::unknown_column,
                     "the sheet has no column " + describe(Json(wanted)) +
                         (best.empty() ? "" : " (is it " + describe(Json(best)) + "?)") + "; its columns are " +
                         names_text(unique_columns(header), 12));
        continue;
      }
      chosen[field] = *found;
    }
  }
  if (!r.diag.ok()) return std::nullopt;

  // Each field: the map option's column; else the export's column for it; else a column
  // named like it.
  std::vector<std::string> keys;
  for (const auto& h : header) keys.push_back(column_key(h));
  const auto first_with_key = [&](std::string_view key) -> const std::string* {
    for (std::size_t c = 0; c < header.size(); ++c)
      if (keys[c] == key) return &header[c];
    return nullptr;
  };
  for (const auto& t : p.targets) {
    if (auto it = chosen.find(t.id); it != chosen.end()) {
      if (it->second) p.map.push_back({t.id, *it->second, "the map option"});
      continue;
    }
    if (t.kind == TargetKind::score) {
      if (std::find(header.begin(), header.end(), t.id) != header.end()) p.map.push_back({t.id, t.id, "same name"});
      continue;
    }
    const std::string* column = nullptr;
    std::string how;
    const auto try_rules = [&](const std::vector<ColumnRule>& rules) {
      for (const auto& rule : rules) {
        if (column || rule.field != t.id) continue;
        for (auto key : rule.keys)
          if ((column = first_with_key(key))) {
            how = rule.how;
            break;
          }
      }
    };
    if (p.source) try_rules(p.source->rules);
    try_rules(common_rules());
    if (column) p.map.push_back({t.id, *column, how});
  }

  const MappedField* id = p.find("id");
  if (p.source) {
    p.github_ids = p.source->ids_from_urls && id && column_key(id->column) == "url";
    p.generated_ids = p.source->titles_make_ids && !id;
    p.strip_formula_quote = p.source->strips_formula_quote;
    if (p.source->notes) p.notes = p.source->notes(HeaderKeys{header, keys});
  }

  std::set<std::string> read;
  for (const auto& m : p.map) read.insert(m.column);
  for (const auto& h : unique_columns(header))
    if (!read.count(h)) p.left_out.push_back(h.empty() ? "" : h);
  return p;
}

Json describe_plan(const ImportPlan& p) {
  const auto& header = p.table.rows[0];
  Json out = Json::object();
  out["source"] = p.source ? Json{{"id", p.source->id}, {"name", p.source->name}, {"reference", p.source->reference}, {"read_as", p.source->read_as}}
                           : Json(nullptr);
  out["delimiter"] = std::string(1, p.delimiter);
  if (p.locale) out["locale"] = p.locale->tag;
  out["header_key"] = header_key(header);
  out["rows"] = p.table.rows.size() - 1;
  Json columns = Json::array();
  for (const auto& name : unique_columns(header)) {
    const auto at = p.columns_named(name);
    std::string sample;
    for (std::size_t r = 1; r < p.table.rows.size() && sample.empty(); ++r)
      for (std::size_t c : at)
        if (c < p.table.rows[r].size() && !p.table.rows[r][c].empty()) {
          sample = p.table.rows[r][c];
          break;
        }
    if (sample.size() > 80) {
      std::size_t cut = 77;
      while (cut > 0 && (static_cast<unsigned char>(sample[cut]) & 0xC0) == 0x80) --cut; // a whole character
      sample = sample.substr(0, cut) + "...";
    }
    Json fields = Json::array();
    for (const auto& m : p.map)
      if (m.column == name) fields.push_back(m.field);
    Json col = {{"name", name}, {"count", at.size()}, {"sample", sample}, {"fields", std::move(fields)}};
    columns.push_back(std::move(col));
  }
  out["columns"] = std::move(columns);
  Json map = Json::object(), mapped = Json::array();
  for (const auto& m : p.map) {
    map[m.field] = m.column;
    mapped.push_back({{"field", m.field}, {"column", m.column}, {"how", m.how}});
  }
  out["map"] = std::move(map);
  out["mapped"] = std::move(mapped);
  out["left_out"] = p.left_out;
  Json notes = p.notes;
  out["notes"] = std::move(notes);
  Json needs = Json::array();
  if (!p.find("id") && !p.generated_ids) needs.push_back("id");
  if (!p.find("title") && !p.find("id")) needs.push_back("title");
  out["needs"] = std::move(needs);
  Json targets = Json::array();
  for (const auto& t : p.targets) targets.push_back({{"id", t.id}, {"name", t.name}, {"kind", target_kind_name(t.kind)}});
  out["targets"] = std::move(targets);
  return out;
}

} // namespace gapscore
