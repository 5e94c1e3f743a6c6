// The decision record as Markdown and as static HTML. Both are written from one list of
// blocks (headings, paragraphs, tables), so they always say the same thing. Item text is
// never markup: Markdown escapes every character a renderer would read as formatting or
// HTML; HTML escapes & < > " ' and has no script, no event handler, no style, no link.
#include <cstdio>
#include <string>
#include <vector>

#include "commands/text_table.hpp"
#include "report/report.hpp"

namespace gapscore {
namespace {

struct Span {
  std::string text;
  bool strong = false;
};

struct Block {
  enum Kind { heading, paragraph, table } kind = paragraph;
  int level = 2;
  std::vector<Span> spans;
  TextTable rows;
};

std::string str(const Json& v, const char* key) {
  const auto it = v.find(key);
  return it != v.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string fixed(double x, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

/// Up to 12 titles: "A, B and C".
std::string titles(const Json& list) {
  std::string out;
  const std::size_t n = list.size(), shown = n > 12 ? 12 : n;
  for (std::size_t k = 0; k < shown; ++k) {
    const std::string t = str(list[k], "title");
    out += (k == 0 ? "" : (k + 1 == n ? " and " : ", ")) + (t.empty() ? str(list[k], "id") : t);
  }
  if (n > shown) out += " and " + std::to_string(n - shown) + " more";
  return out;
}

std::string rank_text(const Json& v) { return v.is_number() ? table_number(v) : "—"; }

std::vector<Block> blocks(const Json& r) {
  std::vector<Block> out;
  const auto heading = [&](int level, std::string text) {
    Block b;
    b.kind = Block::heading;
    b.level = level;
    b.spans.push_back({std::move(text)});
    out.push_back(std::move(b));
  };
  const auto paragraph = [&](std::vector<Span> spans) {
    Block b;
    b.spans = std::move(spans);
    out.push_back(std::move(b));
  };
  const std::size_t top = r.value("top", 0u), items = r.value("items", 0u);
  const std::string top_n = "top " + std::to_string(top);

  const std::string title = str(r, "title");
  heading(2, title.empty() ? "Decision record" : "Decision record: " + title);
  // The variant usually names the model already ("RICE (Intercom)" for RICE): said once.
  const std::string label = str(r, "label"), variant = str(r, "variant");
  const std::string model = variant.rfind(label, 0) == 0 ? variant : label + " (" + variant + ")";
  paragraph({{"Ranked by "},
             {model, true},
             {": " + str(r, "formula") + ". " + std::to_string(items) + " item" +
              (items == 1 ? "" : "s") + (top < items ? "; the " + top_n + " below." : ", all below.")}});
  if (!str(r, "source").empty()) paragraph({{"Source of the model: " + str(r, "source") + "."}});
  if (r.contains("weights")) {
    std::string w, costs;
    for (const auto& c : r["weights"]) {
      w += (w.empty() ? "" : ", ") + str(c, "name") + " " + table_number(c["weight"]) + " (" +
           table_percent(c.value("share", 0.0)) + ")";
      if (str(c, "direction") == "cost") costs += (costs.empty() ? "" : ", ") + str(c, "name");
    }
    std::vector<Span> spans = {{"Weights", true}, {": " + w + "."}};
    if (r.contains("weights_from")) {
      const Json& from = r["weights_from"];
      char cr[32];
      std::snprintf(cr, sizeof cr, "%.3f", from["cr"].get<double>());
      spans.push_back({std::string(" From the pairwise comparisons (AHP, Saaty), consistency ratio ") + cr +
                       (from["consistent"].get<bool>()
                            ? " (at most 0.1: consistent enough)."
                            : ": over Saaty's 0.1, the judgements contradict each other and these weights are not "
                              "reliable (gapscore ahp lists the judgements to revisit).")});
    }
    if (!costs.empty()) spans.push_back({" Counted against an item (cost): " + costs + "."});
    paragraph(std::move(spans));
  }

  heading(3, top < items ? "The " + top_n : "The ranking");
  Block ranking;
  ranking.kind = Block::table;
  ranking.rows.header = {"#", "Item", "Score", "Why"};
  ranking.rows.right = {true, false, true, false};
  for (const auto& row : r["ranking"])
    ranking.rows.rows.push_back({table_number(row["rank"]) + (row.value("tied", false) ? "=" : ""), str(row, "title"),
                                 table_number(row["score"]), str(row, "why")});
  out.push_back(std::move(ranking));

  if (r.contains("changes")) {
    const Json& c = r["changes"];
    const bool scenario = str(c, "against") == "scenario";
    heading(3, scenario ? "What scenario \u201C" + str(c, "name") + "\u201D changes" : "What changed against the baseline");
    std::string moved;
    if (!c["entered_top"].empty()) moved += "Entered the " + top_n + ": " + titles(c["entered_top"]) + ". ";
    if (!c["left_top"].empty()) moved += "Left the " + top_n + ": " + titles(c["left_top"]) + ". ";
    if (moved.empty()) moved = "The same items are in the " + top_n + ". ";
    if (c["moved"].empty()) moved += "No item in it moved.";
    paragraph({{moved}});
    if (!c["moved"].empty()) {
      Block t;
      t.kind = Block::table;
      t.rows.header = {"Item", scenario ? "Now" : "Before", scenario ? "With the scenario" : "Now", "Why it moved"};
      t.rows.right = {false, true, true, false};
      for (const auto& row : c["moved"])
        t.rows.rows.push_back({str(row, "title"), rank_text(row["before_rank"]), rank_text(row["after_rank"]), str(row, "reason")});
      out.push_back(std::move(t));
    }
  }

  if (r.contains("agreement")) {
    const Json& a = r["agreement"];
    heading(3, "Stakeholders");
    paragraph({{"Agreement among the " + table_number(a["stakeholders"]) + " stakeholders over " +
                table_number(a["items_compared"]) + " items (Kendall's W): " +
                (a["kendall_w"].is_number() ? fixed(a["kendall_w"].get<double>(), 2) : "—") +
                (a.contains("interpretation") ? ", " + str(a, "interpretation") : std::string()) + "."}});
    const Json& d = a["biggest_disagreement"];
    std::string ranks;
    for (const auto& k : d["ranks"]) ranks += (ranks.empty() ? "" : ", ") + table_number(k["rank"]) + " by " + str(k, "name");
    paragraph({{"They disagree most on "},
               {str(d, "title"), true},
               {": ranked " + ranks + " (1 = most important; spread " +
                (d["dispersion"].is_number() ? fixed(d["dispersion"].get<double>(), 1) : "—") +
                "). That is where the conversation should go."}});
  }

  if (r.contains("underserved")) {
    heading(3, "Outcomes left underserved");
    if (r["underserved"].empty()) {
      paragraph({{"No customer outcome is underserved (opportunity score over 10)."}});
    } else {
      Block t;
      t.kind = Block::table;
      t.rows.header = {"Outcome", "Opportunity", "Status", "Lifted by the " + top_n};
      t.rows.right = {false, true, false, false};
      for (const auto& o : r["underserved"]) {
        std::string status = str(o, "status");
        for (char& ch : status)
          if (ch == '_') ch = ' ';
        t.rows.rows.push_back({str(o, "name").empty() ? str(o, "id") : str(o, "name"),
                               o["opportunity"].is_number() ? fixed(o["opportunity"].get<double>(), 1) : "",
                               status, o["addressed_by"].empty() ? "none" : titles(o["addressed_by"])});
      }
      out.push_back(std::move(t));
      paragraph({{"Opportunity score (Ulwick): importance + max(importance − satisfaction, 0), both 0–10; over 10 "
                  "underserved, over 15 extremely underserved."}});
    }
  }
  paragraph({{"Made with gapscore report from the document's data: gapscore rank and explain give the same numbers."}});
  return out;
}

// ---- Markdown

std::string md(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      o += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>|&~#").find(c) != std::string_view::npos) o += '\\';
    o += c;
  }
  return o;
}

// ---- HTML

std::string html(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
    case '&': o += "&amp;"; break;
    case '<': o += "&lt;"; break;
    case '>': o += "&gt;"; break;
    case '"': o += "&quot;"; break;
    case '\'': o += "&#39;"; break;
    default:
      // Control characters have no place in HTML text (the loader refuses only NUL).
      if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') o += "\xEF\xBF\xBD";
      else o += c;
    }
  }
  return o;
}

std::string spans_html(const std::vector<Span>& spans) {
  std::string o;
  for (const auto& s : spans) o += s.strong ? "<strong>" + html(s.text) + "</strong>" : html(s.text);
  return o;
}

} // namespace

std::string render_report_markdown(const Json& result, bool markdown) {
  (void)markdown; // the report is Markdown only (its spec refuses "table")
  std::string out;
  for (const auto& b : blocks(result)) {
    if (!out.empty()) out += "\n";
    switch (b.kind) {
    case Block::heading: out += std::string(static_cast<std::size_t>(b.level), '#') + " " + md(b.spans[0].text) + "\n"; break;
    case Block::paragraph:
      for (const auto& s : b.spans) out += s.strong ? "**" + md(s.text) + "**" : md(s.text);
      out += "\n";
      break;
    case Block::table: out += b.rows.render(true); break;
    }
  }
  return out;
}

std::string render_report_html(const Json& result) {
  std::string out = "<section class=\"gapscore-report\">\n";
  for (const auto& b : blocks(result)) {
    switch (b.kind) {
    case Block::heading: {
      const std::string tag = "h" + std::to_string(b.level);
      out += "<" + tag + ">" + html(b.spans[0].text) + "</" + tag + ">\n";
      break;
    }
    case Block::paragraph: out += "<p>" + spans_html(b.spans) + "</p>\n"; break;
    case Block::table: {
      out += "<table>\n<thead><tr>";
      for (const auto& h : b.rows.header) out += "<th scope=\"col\">" + html(h) + "</th>";
      out += "</tr></thead>\n<tbody>\n";
      for (const auto& row : b.rows.rows) {
        out += "<tr>";
        for (std::size_t c = 0; c < row.size(); ++c) {
          const bool number = c < b.rows.right.size() && b.rows.right[c];
          out += number ? "<td class=\"num\">" + html(row[c]) + "</td>" : "<td>" + html(row[c]) + "</td>";
        }
        out += "</tr>\n";
      }
      out += "</tbody>\n</table>\n";
      break;
    }
    }
  }
  return out + "</section>\n";
}

} // namespace gapscore
