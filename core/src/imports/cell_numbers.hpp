#pragma once
/// Numbers as people write them in a spreadsheet cell: a declared locale's thousands and
/// decimal separators, and a percentage where a fraction belongs. Nothing is guessed: a
/// cell whose reading depends on a locale nobody declared is refused with both readings.
#include <optional>
#include <string>
#include <string_view>

namespace gapscore {

/// How a locale writes numbers: its decimal separator and the thousands separators it allows.
struct NumberLocale {
  std::string tag;           ///< as given ("de", "fr-CH")
  char decimal = '.';
  std::string_view groups;   ///< thousands separators, one byte each; "s" stands for the spaces (U+0020, U+00A0, U+202F)
};

/// The locale for a BCP 47 tag ("en", "en-GB", "de", "de-CH", "fr", ...): nullopt when
/// gapscore does not know how it writes numbers.
std::optional<NumberLocale> number_locale(std::string_view tag);
/// The tags number_locale knows, for messages: "en, de, fr, ...".
std::string known_number_locales();

/// A cell read as a number.
struct CellNumber {
  std::optional<double> value;
  bool percent = false;  ///< written with % (the value is already divided by 100)
  std::string problem;   ///< why it is not a number, when value is empty ("" for an empty cell)
  bool ambiguous = false; ///< the reading depends on a locale that was not declared
};

/// Reads a cell. `locale` null: only unambiguous forms (1234.5, 1.5e3, 2,5 as a decimal
/// comma); 1,000 or (in a sheet separated by semicolons or tabs) 1.000 is refused as
/// ambiguous. `delimiter` is the sheet's separator. A trailing % gives a percentage.
CellNumber read_cell_number(std::string_view cell, const NumberLocale* locale, char delimiter);

} // namespace gapscore
