#pragma once
// A small aligned-text / Markdown table for the gap, plan, portfolio, Kano and OKR commands'
// renderers (same conventions as the rank table: numbers right-aligned, six significant
// digits, Markdown cells escaped so item text is never read as markup).
#include <string>
#include <vector>

#include "gapscore/json.hpp"

namespace gapscore {

struct TextTable {
  std::vector<std::string> header;
  std::vector<bool> right; ///< per column: right-align (numbers)
  std::vector<std::vector<std::string>> rows;

  std::string render(bool markdown) const;
};

/// A cell from text: the string as it is, "" for anything else.
std::string text_cell(const Json& v);
/// A cell from any value: a string as it is, anything else as JSON ("null", 3).
std::string value_cell(const Json& v);
/// A whole number (a JSON integer) in full.
std::string whole_cell(const Json& v);
/// "a, b, c" from a list, "none" for an empty one.
std::string list_cell(const Json& list);
/// A line above a table: bold with a blank line after in Markdown.
std::string table_heading(const std::string& line, bool markdown);

/// Whole numbers in full, others with six significant digits ("%.6g"); "" for null.
std::string table_number(const Json& v);
/// A share as a percentage with one decimal, e.g. "42.5%".
std::string table_percent(double share);
/// Text with each control character (C0, DEL) as its Control Pictures symbol ("\u0000" as ␀,
/// ESC as ␛): raw, a NUL ends the text for many tools and an escape sequence drives a terminal.
std::string visible_text(const std::string& s);
/// Text cut to `width` terminal columns with "…" (titles in aligned tables).
std::string table_cut(const std::string& s, std::size_t width);
/// Terminal columns of UTF-8 text: wide (CJK, emoji) characters take two, combining marks none.
std::size_t display_width(const std::string& s);

} // namespace gapscore
