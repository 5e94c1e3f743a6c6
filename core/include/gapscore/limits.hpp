#pragma once
/// Input limits. Anything larger is refused with a clear error before it can exhaust memory
/// or time (docs/format.md lists them for users).
#include <cstddef>

namespace gapscore::limits {
inline constexpr std::size_t document_bytes = 64u << 20; ///< 64 MiB of JSON or CSV text
inline constexpr std::size_t nesting_depth = 64;         ///< arrays/objects inside each other
inline constexpr std::size_t items = 200000;
inline constexpr std::size_t criteria = 256;
inline constexpr std::size_t string_bytes = 65536;       ///< any single string
inline constexpr std::size_t id_bytes = 200;
inline constexpr std::size_t list_entries = 1000;        ///< tags, depends_on, ... per item
} // namespace gapscore::limits
