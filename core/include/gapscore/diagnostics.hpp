#pragma once
/// Validation problems, collected in one pass and reported together.
#include <string>
#include <string_view>
#include <vector>

#include "gapscore/json.hpp"

namespace gapscore {

/// One problem: a JSON Pointer into the document (RFC 6901) and a reason a product owner
/// understands, e.g. {"/items/3/effort", "must be greater than 0 (got 0)"}.
struct Problem {
  std::string path;
  std::string message;
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

  void error(std::string path, std::string message);
  void warning(std::string path, std::string message);
  /// Reports every problem of `other` here, errors and warnings each in their order (a
  /// section read at load and reported later by the commands that use it).
  void add(const Diagnostics& other);
  /// Errors and warnings past kShown, whose text was not kept.
  std::size_t hidden_errors() const;
  std::size_t hidden_warnings() const { return hidden_warnings_; }
  /// Whether another warning would still be listed: skip composing costly text when not.
  bool lists_warnings() const { return warnings_.size() < kShown; }

  bool ok() const { return errors_.empty(); }
  const std::vector<Problem>& errors() const { return errors_; }
  const std::vector<Problem>& warnings() const { return warnings_; }

  /// {"errors": [{"path", "message"}...]} — the error document every interface prints.
  Json errors_document() const;
  /// [{"path", "message"}...] for the "warnings" field of a successful result.
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
/// significant digits, so 3 × 0.1 reads 0.3, not 0.30000000000000004. The JSON numbers beside
/// it keep every digit.
std::string display_number(double value);

} // namespace gapscore
