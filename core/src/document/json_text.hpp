#pragma once
/// The JSON text every command answers with, written without nlohmann's serializer.
///
/// Why this exists: a command's answer can be large (run("rank") on 10,000 items prints
/// 2.9 MB, simulate over 1,000 items 13 MB of rank probabilities), and nlohmann's serializer
/// writes it a few bytes at a time through a virtual output adapter, escaping every string
/// byte by byte through a UTF-8 state machine. In WebAssembly that was a sixth of
/// run("rank") (BENCHMARKS.md, "Reading without a DOM"). This writer keeps the same bytes
/// and copies runs of plain text whole.

#include <string>

#include "gapscore/json.hpp"

namespace gapscore {

/// Exactly the text of `j.dump(2, ' ', false, Json::error_handler_t::replace)`, byte for
/// byte (tests/json_text_test.cpp compares the two on generated documents and strings that
/// are not valid UTF-8): two-space indentation, numbers as nlohmann prints them (its
/// shortest round-trip form for doubles, "null" for NaN and infinities), UTF-8 copied as
/// it is, control characters escaped, and a string that is not valid UTF-8 printed as
/// nlohmann prints it (each bad sequence replaced by U+FFFD).
std::string pretty_json(const Json& j);

} // namespace gapscore
