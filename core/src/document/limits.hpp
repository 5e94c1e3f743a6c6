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
/// Items `plan` takes: it keeps every item's dependency closure as a bit row, items² bits
/// twice (2 × 50 MB at this limit; 200 000 items would need 10 GB).
inline constexpr std::size_t plan_items = 20000;
/// Widest uncertain range, high - low: the triangular draw squares it (random.hpp).
inline constexpr double range_width = 1e154;
} // namespace gapscore::limits
