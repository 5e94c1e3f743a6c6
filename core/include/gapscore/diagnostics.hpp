#pragma once
/// Validation problems, collected in one pass and reported together.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "gapscore/json.hpp"

namespace gapscore {

/// Stable codes of problems: what kind of problem it is, for programs (the widget, scripts,
/// tests) to act on without reading the English of the message. Documented, with when each
/// is used, in docs/format.md ("Problem codes"); a code, once published, keeps its meaning.
namespace code {
// Reading the input
inline constexpr std::string_view not_json = "not_json";            ///< not valid JSON (syntax)
inline constexpr std::string_view invalid_text = "invalid_text";    ///< not UTF-8 text, or a NUL byte
inline constexpr std::string_view unreadable = "unreadable";        ///< a file that cannot be read (the CLI)
inline constexpr std::string_view csv_syntax = "csv_syntax";        ///< a CSV quote, header or row that cannot be read
inline constexpr std::string_view unknown_header = "unknown_header"; ///< import-csv: a header no known export has, no id or title column, no mapping
inline constexpr std::string_view unknown_column = "unknown_column"; ///< import-csv: the mapping names a column the sheet does not have
inline constexpr std::string_view ambiguous_number = "ambiguous_number"; ///< import-csv: 1,000 without a declared locale
inline constexpr std::string_view too_large = "too_large";          ///< over a documented limit (size, count, depth, length)
// Fields
inline constexpr std::string_view missing = "missing";              ///< a required field or section is absent
inline constexpr std::string_view wrong_type = "wrong_type";        ///< text where a number belongs, and the like
inline constexpr std::string_view out_of_range = "out_of_range";    ///< a number outside what the field allows
inline constexpr std::string_view invalid_value = "invalid_value";  ///< not one of the allowed values, or malformed
inline constexpr std::string_view duplicate = "duplicate";          ///< an id, key, column or pair given twice
inline constexpr std::string_view unknown_reference = "unknown_reference"; ///< names an item, criterion, outcome... that does not exist
inline constexpr std::string_view dependency_cycle = "dependency_cycle";   ///< depends_on loops back
inline constexpr std::string_view overflow = "overflow";            ///< a number or result beyond what doubles hold
inline constexpr std::string_view unknown_field = "unknown_field";  ///< warning: a field the format does not know (see suggestion)
inline constexpr std::string_view ignored = "ignored";              ///< warning: given, but not used, and why
inline constexpr std::string_view unusual_value = "unusual_value";  ///< warning: allowed, but probably not meant
inline constexpr std::string_view superseded = "superseded";        ///< warning: a later entry replaces this one
inline constexpr std::string_view mapped = "mapped";                ///< warning: import-csv read the sheet through a mapping (which column is which field)
inline constexpr std::string_view converted = "converted";          ///< warning: import-csv converted a cell (80% as 0.8)
// Models and commands
inline constexpr std::string_view unknown_model = "unknown_model";
inline constexpr std::string_view missing_input = "missing_input";  ///< the model or command needs an input the document lacks
inline constexpr std::string_view incomplete = "incomplete";        ///< warning: computed over part of the data (unrated items...)
inline constexpr std::string_view inconsistent = "inconsistent";    ///< the judgements contradict each other (AHP CR > 0.1)
inline constexpr std::string_view mixed_units = "mixed_units";      ///< warning: a total adds values in different units
inline constexpr std::string_view over_claimed = "over_claimed";    ///< warning: lifts claim more than an outcome's whole gap
inline constexpr std::string_view unknown_command = "unknown_command";
inline constexpr std::string_view unknown_option = "unknown_option";
inline constexpr std::string_view invalid_option = "invalid_option"; ///< an option's value is refused
inline constexpr std::string_view unsupported = "unsupported";      ///< the command or option does not apply to this model
inline constexpr std::string_view over_budget = "over_budget";      ///< the work asked for is over a documented budget
inline constexpr std::string_view no_result = "no_result";          ///< nothing to compute over (no measurement in the window...)
inline constexpr std::string_view cancelled = "cancelled";
inline constexpr std::string_view out_of_memory = "out_of_memory";
inline constexpr std::string_view internal_error = "internal_error"; ///< a bug: please report the input
inline constexpr std::string_view too_many_problems = "too_many_problems"; ///< the closing "and N more" of a long list
} // namespace code

/// One problem: a JSON Pointer into the document (RFC 6901), a stable code, and a reason a
/// product owner understands, e.g. {"/items/3/effort", "out_of_range", "must be greater than
/// 0 (got 0)"}.
struct Problem {
  std::string path;
  std::string message;
  std::string_view code;  ///< one of gapscore::code (static storage)
  /// unknown_field: the known field one typo away, when there is one ("moscow" for "mosocw").
  std::string suggestion;
};

/// Collects every error and warning found while reading a document or running a command.
///
/// A hostile document can produce millions of problems (one per unknown key); only the
/// first kShown of each kind keep their text. Later errors are still counted and stored as
/// empty problems (no heap memory), so `errors().size()` still grows with every error and
/// code that compares it before and after a step keeps working; later warnings are only
/// counted. The outputs list the kept ones and say how many more there were.
class Diagnostics {
public:
  static constexpr std::size_t kShown = 1000;

  void error(std::string path, std::string_view code, std::string message);
  void warning(std::string path, std::string_view code, std::string message, std::string suggestion = {});
  /// Reports `p` here again, as an error or a warning (a problem passed on from another run).
  void error(Problem p);
  void warning(Problem p);
  /// Reports every problem of `other` here, errors and warnings each in their order (a
  /// section read at load and reported later by the commands that use it).
  void add(const Diagnostics& other);
  /// Which list a problem is in, for a rewrite that treats errors and warnings apart.
  enum class Kind { error, warning };
  /// Rewrites one problem of another Diagnostics before it is reported here (a path under a
  /// prefix, a message with its CSV line); returns false to leave the problem out.
  using Rewrite = std::function<bool(Problem&, Kind)>;
  /// Same as add(other), each listed problem passed through `rewrite` first. Hidden errors
  /// (past kShown: no text, no path) are copied as hidden, not rewritten. Hidden warnings are
  /// counted here too, unless `rewrite` left out a listed warning: a filter cannot be applied
  /// to warnings whose text was not kept, so then they are dropped with the rest.
  void add(const Diagnostics& other, const Rewrite& rewrite);
  /// Errors and warnings past kShown, whose text was not kept.
  std::size_t hidden_errors() const;
  std::size_t hidden_warnings() const { return hidden_warnings_; }
  /// Whether another warning would still be listed: skip composing costly text when not.
  bool lists_warnings() const { return warnings_.size() < kShown; }

  bool ok() const { return errors_.empty(); }
  const std::vector<Problem>& errors() const { return errors_; }
  const std::vector<Problem>& warnings() const { return warnings_; }

  /// {"errors": [{"path", "message", "code"}...]} — the error document every interface
  /// prints (with "suggestion" where there is one).
  Json errors_document() const;
  /// [{"path", "message", "code"}...] for the "warnings" field of a successful result.
  Json warnings_array() const;

private:
  std::vector<Problem> errors_; ///< past kShown: empty problems, counted but not listed
  std::vector<Problem> warnings_;
  std::size_t shown_errors_ = 0;
  std::size_t hidden_warnings_ = 0;
};

/// Appends one reference token to a JSON Pointer, escaping '~' and '/' as RFC 6901 says.
std::string pointer(std::string_view base, std::string_view token);
/// Same for an array index.
std::string pointer(std::string_view base, std::size_t index);

/// A short, readable rendering of a JSON value for messages: numbers as written, strings
/// quoted and cut at 40 characters, objects and arrays by kind.
std::string describe(const Json& value);

/// A number the way people write it (shortest text that reads back the same).
std::string number_text(double value);

/// A number for written-out arithmetic (an explanation's "computation"): rounded to 12
/// significant digits (or `digits`), so 3 × 0.1 reads 0.3, not 0.30000000000000004; a number
/// with more digits before the point than that is rounded to a whole number. The JSON
/// numbers beside it keep every digit.
std::string display_number(double value, int digits = 12);

} // namespace gapscore
