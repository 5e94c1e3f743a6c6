#pragma once
// Pieces of the models' explanations: a term with its value and role, and the arithmetic of
// a product or quotient written out, so a stakeholder can redo it by hand.
#include "gapscore/models.hpp"

/// For a model's explain function, which sits in the same file as its hot scoring loop (one
/// file per model): the wasm build compiles that file for speed (core/CMakeLists.txt), but an
/// explanation is built once per click, so it is optimized for size there. Elsewhere nothing.
#if defined(__EMSCRIPTEN__) && defined(__clang__)
#define GAPSCORE_COLD __attribute__((minsize, cold))
#else
#define GAPSCORE_COLD
#endif

namespace gapscore {

/// {"term", "value", "role"} for term k of item i.
Json explain_term(const ScoreTable& t, std::size_t k, std::size_t i, const char* role);
/// Explanation for the product/quotient models: the last `divisors` terms divide, the
/// others multiply.
Json explain_product(const ScoreTable& t, std::size_t i, std::size_t divisors);

} // namespace gapscore
