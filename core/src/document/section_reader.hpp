#pragma once
// Small readers shared by the parsers of the customer sections (segments, outcomes,
// objectives, Kano answers). Each reports a problem at its JSON Pointer and carries on, so
// one pass lists every problem, like the scenario loader does.
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "gapscore/diagnostics.hpp"
#include "gapscore/json.hpp"
#include "gapscore/scenario.hpp"
#include "document/schema.hpp"

namespace gapscore::detail {

/// "text", "a list", "an object", ... for "must be X (got Y)" messages.
const char* kind_of(const Json& v);

/// obj[key] when it is a list; nullptr when absent (an error if `required`, with `why` as
/// the reason) or not a list (always an error).
const Json* list_at(const Json& obj, std::string_view key, const std::string& path, Diagnostics& d,
                    bool required = false, std::string_view why = {});

/// A list entry that must be an object; false (and an error) otherwise.
bool expect_object(const Json& v, const std::string& path, std::string_view shape, Diagnostics& d);

/// The "id" of a list entry: present, non-empty text within the id limit, and not seen
/// before in this list (`seen` maps id -> index; `list` is the list's pointer). "" on error.
std::string read_id(const Json& obj, const std::string& path, const std::string& list,
                    std::size_t index, std::map<std::string, std::size_t>& seen, Diagnostics& d,
                    std::string_view what);

/// obj[key] as text when present (fallback otherwise); an error when it is not text.
std::string read_text(const Json& obj, std::string_view key, const std::string& path,
                      const std::string& fallback, Diagnostics& d);

/// A number following `rule`; kMissing (and an error) otherwise.
double read_number(const Json& v, const std::string& path, const NumberRule& rule, Diagnostics& d);

/// How an item names an entry of another section (an outcome, a key result), for messages.
struct RefKind {
  std::string_view key;     ///< "outcome"
  std::string_view missing; ///< "the id of the outcome this item improves"
  std::string_view kind;    ///< "an outcome id"
  std::string_view noun;    ///< "outcome"
  std::string_view none;    ///< "(the document has no outcomes)"
};

/// obj[ref.key] as the id of an entry in `ids` (id -> index): the index, or nullopt with the
/// problem reported at path/key (missing, not text, or no such entry; `section_empty` adds
/// ref.none to the last).
std::optional<std::size_t> read_ref(const Json& obj, const std::string& path, const RefKind& ref,
                                    const std::map<std::string, std::size_t>& ids, bool section_empty,
                                    Diagnostics& d);

/// True the first time an item's list (at `list`) names `entry`; afterwards false, with a
/// "duplicate of <first mention>" error at entry k. `seen` maps entry -> list position.
bool first_mention(std::map<std::size_t, std::size_t>& seen, std::size_t entry, const std::string& list,
                   std::size_t k, const RefKind& ref, Diagnostics& d);

/// Warns about keys of obj not in `known` (likely typos), as the loader does for items.
void warn_unknown(const Json& obj, const std::string& path, std::initializer_list<std::string_view> known,
                  Diagnostics& d);

} // namespace gapscore::detail
