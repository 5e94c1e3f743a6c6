#pragma once
// The loader's checks on single values (text, lists of text, numbers and ranges), shared by
// the top level, the criteria and the items, and so by both readers of a document: the one
// over a Json (load_scenario.cpp) and the one over the text's events (scenario_reader.cpp).
// Each reports a problem at its JSON Pointer and carries on, so one pass lists every problem.
#include <string>
#include <string_view>
#include <vector>

#include "document/limits.hpp"
#include "document/schema.hpp"
#include "gapscore/diagnostics.hpp"
#include "gapscore/json.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

/// A JSON Pointer spelled out only when a message needs it. Building "/items/7/reach" for
/// every field of every item cost a tenth of the load time, for paths almost never shown.
/// It refers to its parent and its token: use it within the expression that makes it (or
/// while the parent lives), as the loaders do.
class LazyPath {
public:
  // Explicit: an implicit conversion would make a temporary parent that dies too soon.
  explicit LazyPath(const std::string& text) : text_(&text) {} // a path already spelled out
  LazyPath(const LazyPath& parent, std::string_view token) : parent_(&parent), token_(token) {}
  LazyPath(const LazyPath& parent, std::size_t index) : parent_(&parent), index_(index) {}
  std::string str() const {
    if (text_) return *text_;
    return index_ == kNoIndex ? pointer(parent_->str(), token_) : pointer(parent_->str(), index_);
  }
  operator std::string() const { return str(); }

private:
  static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
  const std::string* text_ = nullptr;
  const LazyPath* parent_ = nullptr;
  std::string_view token_;
  std::size_t index_ = kNoIndex;
};

/// Where a range would go if the value is one (the checks fill in the numbers and path).
UncertainInput input_at(UncertainInput::Target target, std::size_t column, std::size_t item);

class FieldChecks {
public:
  explicit FieldChecks(Diagnostics& diag) : diag_(diag) {}
  Diagnostics& diag() { return diag_; }

  /// A string within `limit` bytes; "" (and an error) otherwise.
  std::string text(const Json& v, const LazyPath& path, std::size_t limit = limits::string_bytes);
  /// The same for text read straight from the document (taken, not copied).
  std::string text(std::string&& s, const LazyPath& path, std::size_t limit = limits::string_bytes);

  /// A number following `rule`, or a range {"low", "likely", "high"} of such numbers (then
  /// the likely value is returned and the range appended to `ranges`, when given). kMissing
  /// on error.
  double number(const Json& v, const LazyPath& path, const NumberRule& rule, std::vector<UncertainInput>* ranges,
                UncertainInput where);
  /// The same for a number read straight from the document.
  double number(double x, const LazyPath& path, const NumberRule& rule);

  /// An unknown field is kept and warned about, with the known field it is a typo of. The
  /// suggestion is worked out only while warnings are still listed (a hostile document can
  /// have millions of unknown keys).
  void unknown_field(const std::string& path, std::string_view key, bool item_field);

private:
  Diagnostics& diag_;
  double range(const Json& v, const LazyPath& path, const NumberRule& rule, std::vector<UncertainInput>& ranges,
               UncertainInput where);
};

} // namespace gapscore
