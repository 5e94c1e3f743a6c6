#pragma once
/// The JSON type used everywhere in gapscore.
///
/// ordered_json keeps keys in document order, so unknown fields survive a round trip where
/// the user put them and every output lists its fields in a stable, readable order.
#include <nlohmann/json.hpp>

namespace gapscore {
using Json = nlohmann::ordered_json;
} // namespace gapscore
