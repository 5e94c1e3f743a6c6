#pragma once
/// The JSON type used everywhere in gapscore.
///
/// ordered_json keeps keys in document order, so unknown fields survive a round trip where
/// the user put them and every output lists its fields in a stable, readable order.
#include <nlohmann/json.hpp>

namespace gapscore {
using Json = nlohmann::ordered_json;

/// Empties a value leaves first, one element at a time, so that no step allocates.
/// nlohmann's destructor reserves a stack as large as the biggest container it frees: when
/// memory has run out (a std::bad_alloc unwinding past a large DOM) that fails again, inside
/// a destructor, which is std::terminate (an aborted instance in WebAssembly). Owners of
/// large documents call this in their destructors.
void release_json(Json& value) noexcept;
} // namespace gapscore
