// Text renderings of a ranking: an aligned table for terminals, Markdown for wikis, CSV for
// spreadsheets. They read only the result document, so every interface renders alike.
#include <algorithm>
#include <array>
#include <cstdio>

#include "document/csv.hpp"
#include "commands/request.hpp"
#include "commands/text_table.hpp"

namespace gapscore {
namespace {

/// Six significant digits: enough to tell items apart, short enough to read.
std::string short_number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

/// The terms column: the largest contributions for additive models, every input otherwise.
std::string terms_text(const Json& terms, bool contributions) {
  std::vector<std::pair<std::string, double>> list;
  for (const auto& [k, v] : terms.items()) list.emplace_back(k, v.get<double>());
  if (contributions) {
    std::stable_sort(list.begin(), list.end(), [](auto& a, auto& b) { return a.second > b.second; });
    if (list.size() > 3) list.resize(3);
  }
  std::string out;
  for (const auto& [k, v] : list) out += (out.empty() ? "" : " ") + k + "=" + short_number(v);
  return out;
}

} // namespace

std::string render_rank_table(const Json& result, bool markdown) {
  const ModelInfo* model = result["model"].is_string() ? find_model(result["model"].get<std::string>()) : nullptr;
  const bool contributions = model && model->needs_criteria;
  std::vector<std::array<std::string, 5>> rows;
  bool ties = false;
  // Said under the table in both formats (in Markdown as a paragraph of its own).
  static const std::string kTieRule = "(= tied score, ordered by MoSCoW then id)\n";
  rows.push_back({"rank", "id", "title", "score", contributions ? "top contributions" : "terms"});
  for (const auto& row : result["ranking"]) {
    std::string rank = std::to_string(row["rank"].get<long long>());
    if (row.contains("tied_with")) {
      rank += "=";
      ties = true;
    }
    rows.push_back({rank, row["id"].get<std::string>(), table_cut(row["title"].get<std::string>(), 40),
                    short_number(row["score"].get<double>()), terms_text(row["terms"], contributions)});
  }
  std::string out;
  if (markdown) {
    auto esc = [](std::string s) {
      std::string o;
      for (char c : s) {
        if (c == '|' || c == '\\' || c == '<' || c == '>' || c == '*' || c == '_' || c == '`') o += '\\';
        o += c == '\n' ? ' ' : c;
      }
      return visible_text(o); // any other control character as its symbol (␀)
    };
    for (std::size_t r = 0; r < rows.size(); ++r) {
      out += "|";
      for (auto& cell : rows[r]) out += " " + esc(cell) + " |";
      out += "\n";
      if (r == 0) out += "|---:|---|---|---:|---|\n";
    }
    return ties ? out + "\n" + kTieRule : out;
  }
  for (auto& row : rows)
    for (auto& cell : row) cell = visible_text(cell); // a title's NUL or ESC as ␀ or ␛, not raw
  std::array<std::size_t, 5> width{};
  for (auto& row : rows)
    for (std::size_t c = 0; c < 5; ++c) width[c] = std::max(width[c], display_width(row[c]));
  out += result["variant"].get<std::string>() + ": " + result["formula"].get<std::string>() + "\n";
  for (auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < 5; ++c) {
      const std::string pad(width[c] - display_width(row[c]), ' ');
      const bool right = c == 0 || c == 3;
      line += (c ? "  " : "") + (right ? pad + row[c] : row[c] + (c == 4 ? "" : pad));
    }
    out += line + "\n";
  }
  return ties ? out + kTieRule : out;
}

std::string render_rank_csv(const Json& result) {
  std::string out = "rank,id,title,score,moscow,tied_with\r\n";
  for (const auto& row : result["ranking"]) {
    std::string tied;
    if (row.contains("tied_with"))
      for (const auto& t : row["tied_with"]) tied += (tied.empty() ? "" : ";") + t.get<std::string>();
    out += std::to_string(row["rank"].get<long long>()) + "," + csv_text_for_spreadsheets(row["id"].get<std::string>()) + "," +
           csv_text_for_spreadsheets(row["title"].get<std::string>()) + "," + number_text(row["score"].get<double>()) + "," +
           (row.contains("moscow") ? row["moscow"].get<std::string>() : "") + "," + csv_text_for_spreadsheets(tied) + "\r\n";
  }
  return out;
}

} // namespace gapscore
