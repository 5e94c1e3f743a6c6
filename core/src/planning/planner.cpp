#include "planning/planner.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

// Determinism: a fused multiply-add rounds once instead of twice, so letting
// the compiler contract a*b+c would make bounds (and, after an interrupted
// search, selections) differ between FMA and non-FMA targets. Clang honours
// this pragma (unless built with -ffp-contract=fast); GCC has no equivalent
// and contracts by default even in ISO mode, so GCC builds for FMA-capable
// -march settings need -ffp-contract=off. Baseline x86-64 and wasm have no FMA.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

namespace gapscore {
namespace detail {

using Word = std::uint64_t;
constexpr std::size_t kWordBits = 64;
constexpr double kInf = std::numeric_limits<double>::infinity();

// Relative tolerances, documented on plan_capacity.
constexpr double kEffortRelTol = 1e-9;
constexpr double kValueRelTol = 1e-10;

inline bool test_bit(const Word* bits, std::size_t i) {
  return ((bits[i / kWordBits] >> (i % kWordBits)) & 1U) != 0;
}
inline void set_bit(Word* bits, std::size_t i) {
  bits[i / kWordBits] |= Word{1} << (i % kWordBits);
}
// Index of the lowest set bit of a non-zero word, without compiler builtins
// (portable to every toolchain we target; de Bruijn multiplication).
inline unsigned lowest_bit(Word w) {
  static constexpr unsigned char kTable[64] = {
      0,  1,  48, 2,  57, 49, 28, 3,  61, 58, 50, 42, 38, 29, 17, 4,
      62, 55, 59, 36, 53, 51, 43, 22, 45, 39, 33, 30, 24, 18, 12, 5,
      63, 47, 56, 27, 60, 41, 37, 16, 54, 35, 52, 21, 44, 32, 23, 11,
      46, 26, 40, 15, 34, 20, 31, 10, 25, 14, 19, 9,  13, 8,  7,  6};
  return kTable[((w & (~w + 1)) * 0x03f79d71b4cb0a89ULL) >> 58];
}
// Calls f(i) for every set bit of (a & ~b) in ascending order (b may be null).
template <class F>
inline void for_each_bit_andnot(const Word* a, const Word* b, std::size_t words, F&& f) {
  for (std::size_t w = 0; w < words; ++w) {
    Word x = a[w] & ~(b != nullptr ? b[w] : Word{0});
    while (x != 0) {
      f(w * kWordBits + lowest_bit(x));
      x &= x - 1;
    }
  }
}

// The input after defensive sanitising plus everything derived from the
// dependency graph that the search and the heuristics share.
struct Problem {
  std::size_t n = 0;
  std::size_t words = 0;                      // words per bitset row
  std::vector<double> v, e;                   // sanitised value / effort
  std::vector<std::vector<std::size_t>> deps; // in range, no self, sorted, unique
  std::vector<unsigned char> eligible;        // can be in some feasible selection
  std::vector<Word> closure;                  // n rows: item + transitive deps
  std::vector<Word> dependents;               // n rows: items whose closure has it
  std::vector<double> cv, ce;                 // value / effort of each closure
  std::vector<double> density;                // v / e, +inf for e == 0 < v
  std::vector<std::size_t> order;             // eligible, density desc, index asc
  std::size_t positive = 0;                   // order[0, positive) have v > 0
  double cap = 0;                             // effective capacity
  double eps = 0;                             // effort tolerance
  double limit = 0;                           // cap + eps: an effort sum fits iff <= limit
  double vtol = 0;                            // value tolerance
  double value_sum = 0;                       // sum of eligible values
  // Optional value shifts from the Lagrangian flow (see lagrangian_bound):
  // sv(S) >= v(S) for every dependency-closed S, so LP bounds computed with sv
  // respect dependencies while staying valid. sorder: eligible items with
  // sv > 0 by sv/effort descending, index ascending.
  bool has_shift = false;
  std::vector<double> sv;
  std::vector<std::size_t> sorder;
  const Word* row(const std::vector<Word>& m, std::size_t i) const { return m.data() + i * words; }
};

// Iterative DFS over `deps` (all indices in range). Fills `post` with a
// post-order (dependencies before dependents) and returns true, or returns
// false as soon as a cycle is met (then `post` is incomplete). When `cycle` is
// non-null the cycle is stored there in dependency order.
bool dfs_postorder(const std::vector<std::vector<std::size_t>>& deps, std::size_t n,
                   std::vector<std::size_t>* post, std::vector<std::size_t>* cycle) {
  std::vector<unsigned char> color(n, 0); // 0 new, 1 on stack, 2 done
  std::vector<std::pair<std::size_t, std::size_t>> stack; // node, next dep slot
  for (std::size_t root = 0; root < n; ++root) {
    if (color[root] != 0) continue;
    color[root] = 1;
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
      const std::size_t u = stack.back().first;
      const std::size_t slot = stack.back().second;
      const std::vector<std::size_t>* du = u < deps.size() ? &deps[u] : nullptr;
      if (du != nullptr && slot < du->size()) {
        ++stack.back().second;
        const std::size_t d = (*du)[slot];
        if (d >= n) continue; // dangling index: cannot close a cycle
        if (color[d] == 0) {
          color[d] = 1;
          stack.emplace_back(d, 0);
        } else if (color[d] == 1) {
          if (cycle != nullptr) {
            std::size_t k = stack.size();
            while (k > 0 && stack[k - 1].first != d) --k;
            cycle->clear();
            for (std::size_t j = (k > 0 ? k - 1 : 0); j < stack.size(); ++j)
              cycle->push_back(stack[j].first);
          }
          return false;
        }
      } else {
        color[u] = 2;
        if (post != nullptr) post->push_back(u);
        stack.pop_back();
      }
    }
  }
  return true;
}

void compute_closures(Problem& P) {
  const std::size_t n = P.n, W = P.words;
  P.closure.assign(n * W, 0);
  std::vector<std::size_t> post;
  post.reserve(n);
  if (dfs_postorder(P.deps, n, &post, nullptr)) {
    // Dependencies are finished before their dependents, so one OR per edge.
    for (std::size_t u : post) {
      Word* r = P.closure.data() + u * W;
      set_bit(r, u);
      for (std::size_t d : P.deps[u]) {
        const Word* rd = P.closure.data() + d * W;
        for (std::size_t w = 0; w < W; ++w) r[w] |= rd[w];
      }
    }
  } else {
    // Precondition violated (cycle). Plain reachability per item is still
    // well defined and makes every cycle an all-or-nothing group.
    std::vector<std::size_t> queue;
    for (std::size_t i = 0; i < n; ++i) {
      Word* r = P.closure.data() + i * W;
      queue.assign(1, i);
      set_bit(r, i);
      for (std::size_t q = 0; q < queue.size(); ++q) {
        for (std::size_t d : P.deps[queue[q]]) {
          if (!test_bit(r, d)) {
            set_bit(r, d);
            queue.push_back(d);
          }
        }
      }
    }
  }
  P.dependents.assign(n * W, 0);
  for (std::size_t i = 0; i < n; ++i) {
    for_each_bit_andnot(P.row(P.closure, i), nullptr, W,
                        [&](std::size_t j) { set_bit(P.dependents.data() + j * W, i); });
  }
}

Problem prepare(const PlanInput& in) {
  Problem P;
  const std::size_t n = in.value.size();
  P.n = n;
  P.words = (n + kWordBits - 1) / kWordBits;
  P.v.assign(n, 0.0);
  P.e.assign(n, 0.0);
  P.deps.assign(n, {});
  std::vector<unsigned char> pickable(n, 1);
  for (std::size_t i = 0; i < n; ++i) {
    const double val = in.value[i];
    P.v[i] = (std::isfinite(val) && val > 0) ? val : 0.0;
    if (i < in.effort.size() && std::isfinite(in.effort[i]) && in.effort[i] >= 0) {
      P.e[i] = in.effort[i] + 0.0; // + 0.0 turns -0.0 into +0.0
    } else {
      pickable[i] = 0;
    }
    if (i < in.depends_on.size()) {
      for (std::size_t d : in.depends_on[i]) {
        if (d >= n) {
          pickable[i] = 0;
        } else if (d != i) {
          P.deps[i].push_back(d);
        }
      }
      std::sort(P.deps[i].begin(), P.deps[i].end());
      P.deps[i].erase(std::unique(P.deps[i].begin(), P.deps[i].end()), P.deps[i].end());
    }
  }

  // Capacity: NaN / negative -> 0; anything above the total pickable effort is
  // clamped to it (every selection fits anyway) so later arithmetic stays finite.
  double cap = in.capacity;
  if (!(cap >= 0)) cap = 0;
  double total_e = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (pickable[i]) total_e += P.e[i];
  if (cap > total_e) cap = total_e;
  P.cap = cap;
  P.eps = kEffortRelTol * std::max(1.0, cap);
  P.limit = cap + P.eps;

  compute_closures(P);

  const std::size_t W = P.words;
  std::vector<Word> bad(W, 0);
  for (std::size_t i = 0; i < n; ++i)
    if (!pickable[i]) set_bit(bad.data(), i);
  P.eligible.assign(n, 0);
  P.cv.assign(n, 0.0);
  P.ce.assign(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    const Word* r = P.row(P.closure, i);
    bool ok = true;
    for (std::size_t w = 0; w < W && ok; ++w) ok = (r[w] & bad[w]) == 0;
    if (!ok) continue;
    double sv = 0, se = 0;
    for_each_bit_andnot(r, nullptr, W, [&](std::size_t j) {
      sv += P.v[j];
      se += P.e[j];
    });
    P.cv[i] = sv;
    P.ce[i] = se;
    // An item whose closure alone exceeds the budget can never be selected.
    P.eligible[i] = se <= P.limit ? 1 : 0;
  }

  P.density.assign(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    if (!P.eligible[i]) continue;
    P.value_sum += P.v[i];
    P.order.push_back(i);
    if (P.v[i] > 0) {
      ++P.positive;
      P.density[i] = P.e[i] > 0 ? P.v[i] / P.e[i] : kInf;
    }
  }
  P.vtol = kValueRelTol * std::max(1.0, P.value_sum);
  // Total order (ties by index), so every std::sort implementation agrees.
  std::sort(P.order.begin(), P.order.end(), [&](std::size_t a, std::size_t b) {
    if (P.density[a] != P.density[b]) return P.density[a] > P.density[b];
    return a < b;
  });
  return P;
}

// A selection and its sums (sums in ascending index order when final).
struct Plan {
  double v = 0, e = 0;
  std::vector<Word> bits;
};

// "Strictly better" in the documented sense: more value beyond the tolerance,
// or the same value (within tolerance) for less effort (beyond tolerance).
bool strictly_better(const Problem& P, double v, double e, double bv, double be) {
  if (v > bv + P.vtol) return true;
  if (v < bv - P.vtol) return false;
  return e < be - P.eps;
}

// Full documented tie-break: true if a should be preferred over b.
bool preferred(const Problem& P, const Plan& a, const Plan& b) {
  if (strictly_better(P, a.v, a.e, b.v, b.e)) return true;
  if (strictly_better(P, b.v, b.e, a.v, a.e)) return false;
  for (std::size_t k : P.order) {
    const bool ia = test_bit(a.bits.data(), k), ib = test_bit(b.bits.data(), k);
    if (ia != ib) return ia;
  }
  return false;
}

// True if the selection contains the dependency closure of each of its items.
bool is_closed(const Problem& P, const std::vector<Word>& bits) {
  bool ok = true;
  for_each_bit_andnot(bits.data(), nullptr, P.words, [&](std::size_t j) {
    const Word* r = P.row(P.closure, j);
    for (std::size_t w = 0; w < P.words && ok; ++w) ok = (r[w] & ~bits[w]) == 0;
  });
  return ok;
}

// Recomputes the sums of a selection in ascending index order.
void resum(const Problem& P, Plan& p) {
  p.v = 0;
  p.e = 0;
  for_each_bit_andnot(p.bits.data(), nullptr, P.words, [&](std::size_t j) {
    p.v += P.v[j];
    p.e += P.e[j];
  });
}

// Fractional (Dantzig) knapsack bound over the free items order[begin, end)
// (sorted by val/effort descending) with values `val`, ignoring precedence (a
// relaxation, hence valid). Items whose own effort exceeds the remaining
// budget R are skipped: they cannot be part of any completion. If need != null
// it receives a lower bound on the extra effort required to gain at least
// `target` more value (+inf if impossible even fractionally), from the same
// walk, which solves the LP "min effort s.t. value >= target".
double lp_walk(const Problem& P, const std::size_t* order, std::size_t begin, std::size_t end,
               const double* val, const Word* in, const Word* out, double R, double target,
               double* need) {
  double acc_v = 0, acc_e = 0;
  double nd = target <= 0 ? 0.0 : kInf;
  for (std::size_t p = begin; p < end; ++p) {
    const std::size_t k = order[p];
    const std::size_t w = k / kWordBits;
    const Word mask = Word{1} << (k % kWordBits);
    if (((in[w] | out[w]) & mask) != 0) continue;
    const double ek = P.e[k], vk = val[k];
    if (ek > R || !(vk > 0)) continue;
    const double left = R - acc_e;
    if (ek <= left) {
      if (nd == kInf && acc_v + vk >= target) nd = acc_e + ek * ((target - acc_v) / vk);
      acc_v += vk;
      acc_e += ek;
    } else {
      const double add = vk * (left / ek); // ek > left >= 0
      if (nd == kInf && acc_v + add >= target) nd = acc_e + ek * ((target - acc_v) / vk);
      acc_v += add;
      break;
    }
  }
  if (need != nullptr) *need = nd;
  return acc_v;
}

// Plain LP bound for the root (nothing decided).
double root_lp_bound(const Problem& P) {
  std::vector<Word> zero(P.words, 0);
  return lp_walk(P, P.order.data(), 0, P.positive, P.v.data(), zero.data(), zero.data(), P.limit,
                 0, nullptr);
}

enum class SearchStatus { kComplete, kExhausted };

// Bounds on what can still be gained below a node: `ub` bounds the value of
// any completion; `need` bounds from below the effort of any completion worth
// at least ref_v - vtol.
struct NodeBound {
  double ub, need;
};

// Plain LP bound: walk the branching order from `pos` (everything before it
// is decided), original values.
NodeBound plain_bound(const Problem& P, const Word* in, const Word* out, double v, double e,
                      std::size_t pos, double ref_v) {
  NodeBound b{0, 0};
  b.ub = v + lp_walk(P, P.order.data(), pos, P.positive, P.v.data(), in, out, P.limit - e,
                     ref_v - P.vtol - v, &b.need);
  return b;
}

// Shifted LP bound: the in-set counts sv(in) >= v(in) and the walk covers all
// free items in the shifted order (which differs from the branching order).
NodeBound shifted_bound(const Problem& P, const Word* in, const Word* out, double sv, double e,
                        double ref_v) {
  NodeBound b{0, 0};
  b.ub = sv + lp_walk(P, P.sorder.data(), 0, P.sorder.size(), P.sv.data(), in, out, P.limit - e,
                      ref_v - P.vtol - sv, &b.need);
  return b;
}

// Depth-first branch and bound with an explicit stack (no recursion, so no
// stack-depth limit on any platform). `best` must hold a feasible plan on
// entry (the empty selection will do); it is replaced only by strictly better
// plans, which makes the first optimal plan in depth-first order win ties.
// `hint` (value, effort of a known feasible plan, may be null) only sharpens
// pruning until the search itself has found a plan at least as good; until
// then a node is kept whenever it could reach a plan at least as good as the
// hint, so the plan the search returns does not depend on the hint.
SearchStatus branch_and_bound(const Problem& P, std::uint64_t budget, const Plan* hint,
                              Plan& best, std::uint64_t& nodes, double& frontier_ub) {
  const std::size_t W = P.words;
  struct Node {
    double v, e, sv;
    std::size_t pos;
  };
  // Each level leaves at most one pending sibling, plus the current pair.
  const std::size_t max_stack = 2 * P.positive + 2;
  std::vector<Node> stack;
  stack.reserve(max_stack);
  std::vector<Word> pool(max_stack * 2 * W, 0); // in/out bitsets per stack slot
  auto in_of = [&](std::size_t s) { return pool.data() + s * 2 * W; };
  auto out_of = [&](std::size_t s) { return pool.data() + s * 2 * W + W; };
  std::vector<Word> cin(W), cout(W);
  bool hint_active = hint != nullptr;

  stack.push_back(Node{0.0, 0.0, 0.0, 0});
  nodes = 0;
  while (!stack.empty()) {
    if (nodes >= budget) {
      // Every feasible selection not yet examined lies in an open subtree.
      // The margin covers rounding in the shifted values.
      const double margin = 1e-12 * (P.value_sum + 1.0);
      frontier_ub = best.v;
      for (std::size_t s = 0; s < stack.size(); ++s) {
        const Node& nd = stack[s];
        double ub = plain_bound(P, in_of(s), out_of(s), nd.v, nd.e, nd.pos, 0.0).ub;
        if (P.has_shift)
          ub = std::min(ub, shifted_bound(P, in_of(s), out_of(s), nd.sv, nd.e, 0.0).ub + margin);
        frontier_ub = std::max(frontier_ub, ub);
      }
      return SearchStatus::kExhausted;
    }
    ++nodes;
    const std::size_t s = stack.size() - 1;
    const Node nd = stack[s];
    std::copy(in_of(s), in_of(s) + W, cin.begin());
    std::copy(out_of(s), out_of(s) + W, cout.begin());
    stack.pop_back();

    // The node's own set is closed and fits, so it is a candidate plan.
    if (strictly_better(P, nd.v, nd.e, best.v, best.e)) {
      best.v = nd.v;
      best.e = nd.e;
      best.bits = cin;
      if (hint_active && !strictly_better(P, hint->v, hint->e, best.v, best.e))
        hint_active = false;
    }

    std::size_t pos = nd.pos;
    while (pos < P.positive) {
      const std::size_t k = P.order[pos];
      if (!test_bit(cin.data(), k) && !test_bit(cout.data(), k)) break;
      ++pos;
    }
    if (pos >= P.positive) continue;

    // Prune unless some completion could be strictly better than `best`
    // (or, while the hint is active, at least as good as the hint).
    const double ref_v = hint_active ? hint->v : best.v;
    auto hopeless = [&](const NodeBound& b) {
      if (b.ub > ref_v + P.vtol) return false;
      if (!(b.ub >= ref_v - P.vtol)) return true; // cannot even tie
      return hint_active ? !(nd.e + b.need <= hint->e + P.eps)
                         : !(nd.e + b.need < best.e - P.eps);
    };
    // Cheap bound first; the O(n) shifted one only when that fails to prune.
    if (hopeless(plain_bound(P, cin.data(), cout.data(), nd.v, nd.e, pos, ref_v))) continue;
    if (P.has_shift && hopeless(shifted_bound(P, cin.data(), cout.data(), nd.sv, nd.e, ref_v)))
      continue;

    const std::size_t item = P.order[pos];
    // Exclude child: the item and everything that needs it go out.
    {
      const std::size_t t = stack.size();
      stack.push_back(Node{nd.v, nd.e, nd.sv, pos + 1});
      Word* ti = in_of(t);
      Word* to = out_of(t);
      const Word* dep = P.row(P.dependents, item);
      for (std::size_t w = 0; w < W; ++w) {
        ti[w] = cin[w];
        to[w] = cout[w] | dep[w];
      }
    }
    // Include child (pushed last so it is explored first): the item and its
    // whole dependency closure go in, if that still fits.
    {
      const Word* cl = P.row(P.closure, item);
      double add_v = 0, add_e = 0, add_s = 0;
      for_each_bit_andnot(cl, cin.data(), W, [&](std::size_t j) {
        add_v += P.v[j];
        add_e += P.e[j];
        if (P.has_shift) add_s += P.sv[j];
      });
      const double ne = nd.e + add_e;
      if (ne <= P.limit) {
        const std::size_t t = stack.size();
        stack.push_back(Node{nd.v + add_v, ne, nd.sv + add_s, pos + 1});
        Word* ti = in_of(t);
        Word* to = out_of(t);
        for (std::size_t w = 0; w < W; ++w) {
          ti[w] = cin[w] | cl[w];
          to[w] = cout[w];
        }
      }
    }
  }
  frontier_ub = best.v;
  return SearchStatus::kComplete;
}

// Greedy: repeatedly add the positive-value item whose not-yet-selected
// closure has the best value per effort and still fits (ties: earlier in
// search order). Remaining closure sums are updated incrementally through the
// dependents bitsets, so the total cost is O(n^2) rather than O(n^3).
Plan greedy_closure_density(const Problem& P) {
  const std::size_t W = P.words;
  Plan g;
  g.bits.assign(W, 0);
  std::vector<double> rv(P.cv), re(P.ce);
  double used = 0;
  for (;;) {
    std::size_t best_k = P.n;
    double best_ratio = -1;
    for (std::size_t p = 0; p < P.positive; ++p) {
      const std::size_t k = P.order[p];
      if (test_bit(g.bits.data(), k)) continue;
      if (used + re[k] > P.limit) continue;
      const double ratio = re[k] > 0 ? rv[k] / re[k] : kInf;
      if (ratio > best_ratio) {
        best_ratio = ratio;
        best_k = k;
      }
    }
    if (best_k == P.n) break;
    std::vector<std::size_t> added;
    for_each_bit_andnot(P.row(P.closure, best_k), g.bits.data(), W,
                        [&](std::size_t j) { added.push_back(j); });
    for (std::size_t j : added) {
      set_bit(g.bits.data(), j);
      used += P.e[j];
    }
    for (std::size_t j : added) {
      for_each_bit_andnot(P.row(P.dependents, j), g.bits.data(), W, [&](std::size_t d) {
        rv[d] -= P.v[j];
        re[d] -= P.e[j];
      });
    }
  }
  resum(P, g);
  return g;
}

// The single most valuable closure that fits (guards the greedy against the
// classic "one big item" failure; greedy + this is >= OPT/2 without deps).
Plan best_single_closure(const Problem& P) {
  Plan b;
  b.bits.assign(P.words, 0);
  std::size_t best_k = P.n;
  for (std::size_t p = 0; p < P.positive; ++p) {
    const std::size_t k = P.order[p];
    if (best_k == P.n || strictly_better(P, P.cv[k], P.ce[k], P.cv[best_k], P.ce[best_k]))
      best_k = k;
  }
  if (best_k != P.n) {
    const Word* r = P.row(P.closure, best_k);
    std::copy(r, r + P.words, b.bits.begin());
  }
  resum(P, b);
  return b;
}

// Max-flow (Dinic, iterative) on the max-weight-closure network used by the
// Lagrangian bound. Only flow values are trusted for the bound: any feasible
// flow is <= the min cut, so stopping early still gives a valid bound.
class ClosureFlow {
 public:
  explicit ClosureFlow(const Problem& P) : P_(P) {
    for (std::size_t i = 0; i < P.n; ++i) {
      if (P.eligible[i]) {
        id_.push_back(i);
      }
    }
    std::vector<std::size_t> compact(P.n, P.n);
    for (std::size_t c = 0; c < id_.size(); ++c) compact[id_[c]] = c;
    nodes_ = id_.size() + 2;
    src_ = id_.size();
    snk_ = id_.size() + 1;
    adj_.assign(nodes_, {});
    for (std::size_t c = 0; c < id_.size(); ++c) {
      src_edge_.push_back(add_edge(src_, c));
      snk_edge_.push_back(add_edge(c, snk_));
    }
    // Dependency edges must never be cut: any flow through one is at most the
    // total positive weight <= value_sum, so residuals stay >= value_sum + 1.
    big_ = 2.0 * P.value_sum + 1.0;
    // A dependency of an eligible item is always eligible (its closure is a
    // subset); the check only keeps a broken invariant from indexing out of range.
    for (std::size_t c = 0; c < id_.size(); ++c)
      for (std::size_t d : P.deps[id_[c]])
        if (compact[d] < id_.size()) dep_edge_.push_back(add_edge(c, compact[d]));
  }

  struct Eval {
    double bound = kInf;  // valid upper bound lambda*C + max closure weight
    double set_v = 0, set_e = 0;
    std::vector<Word> bits; // source side of the final cut (a closed set)
    // v with the dependency-edge flows applied as value shifts (dependent ->
    // dependency); see Problem::sv. Any non-negative shifts keep
    // sv(S) >= v(S) for closed S; the optimal flow makes them tight.
    std::vector<double> shifted;
  };

  Eval evaluate(double lambda) {
    const std::size_t N = id_.size();
    double pos_sum = 0;
    for (std::size_t c = 0; c < N; ++c) {
      const std::size_t i = id_[c];
      const double w = P_.v[i] - lambda * P_.e[i];
      set_cap(src_edge_[c], w > 0 ? w : 0.0);
      set_cap(snk_edge_[c], w < 0 ? -w : 0.0);
      if (w > 0) pos_sum += w;
    }
    for (std::size_t e : dep_edge_) set_cap(e, big_);
    const double flow = max_flow(pos_sum);
    Eval r;
    // Margin covers rounding in the residual updates (which could let the
    // recorded flow exceed a capacity by a few ulps).
    const double margin = 1e-12 * (P_.value_sum + lambda * P_.cap + 1.0);
    r.bound = lambda * P_.cap + std::max(0.0, pos_sum - flow) + margin;
    r.bits.assign(P_.words, 0);
    for (std::size_t c = 0; c < N; ++c) {
      if (level_[c] >= 0) { // reachable from the source in the residual graph
        set_bit(r.bits.data(), id_[c]);
      }
    }
    for_each_bit_andnot(r.bits.data(), nullptr, P_.words, [&](std::size_t j) {
      r.set_v += P_.v[j];
      r.set_e += P_.e[j];
    });
    r.shifted = P_.v;
    for (std::size_t e : dep_edge_) {
      const double f = cap_[e ^ 1]; // net flow on dependent -> dependency, >= 0
      r.shifted[id_[to_[e ^ 1]]] -= f;
      r.shifted[id_[to_[e]]] += f;
    }
    return r;
  }

 private:
  std::size_t add_edge(std::size_t a, std::size_t b) {
    const std::size_t e = to_.size();
    to_.push_back(b);
    cap_.push_back(0);
    adj_[a].push_back(e);
    to_.push_back(a);
    cap_.push_back(0);
    adj_[b].push_back(e + 1);
    return e;
  }
  void set_cap(std::size_t e, double c) {
    cap_[e] = c;
    cap_[e ^ 1] = 0;
  }
  bool bfs(double feps) {
    level_.assign(nodes_, -1);
    queue_.assign(1, src_);
    level_[src_] = 0;
    for (std::size_t q = 0; q < queue_.size(); ++q) {
      const std::size_t u = queue_[q];
      for (std::size_t e : adj_[u]) {
        if (cap_[e] > feps && level_[to_[e]] < 0) {
          level_[to_[e]] = level_[u] + 1;
          queue_.push_back(to_[e]);
        }
      }
    }
    return level_[snk_] >= 0;
  }
  double max_flow(double scale) {
    const double feps = 1e-13 * (scale + 1.0);
    double flow = 0;
    // Dinic needs at most |V| phases; the augmentation cap is a guard against
    // pathological floating-point behaviour (the bound stays valid if hit).
    std::uint64_t augment_budget = 64 * static_cast<std::uint64_t>(to_.size() + nodes_) + 1024;
    for (std::size_t phase = 0; phase <= nodes_ && augment_budget > 0; ++phase) {
      if (!bfs(feps)) break;
      it_.assign(nodes_, 0);
      path_.clear();
      std::size_t u = src_;
      while (augment_budget > 0) {
        if (u == snk_) {
          double f = kInf;
          for (std::size_t e : path_) f = std::min(f, cap_[e]);
          for (std::size_t e : path_) {
            cap_[e] -= f;
            cap_[e ^ 1] += f;
          }
          flow += f;
          --augment_budget;
          path_.clear();
          u = src_;
          continue;
        }
        bool advanced = false;
        while (it_[u] < adj_[u].size()) {
          const std::size_t e = adj_[u][it_[u]];
          if (cap_[e] > feps && level_[to_[e]] == level_[u] + 1) {
            path_.push_back(e);
            u = to_[e];
            advanced = true;
            break;
          }
          ++it_[u];
        }
        if (advanced) continue;
        if (u == src_) break; // blocking flow reached
        level_[u] = -1;       // dead end for this phase
        const std::size_t e = path_.back();
        path_.pop_back();
        u = to_[e ^ 1];
        ++it_[u];
      }
    }
    bfs(feps); // final residual reachability for the cut side
    return flow;
  }

  const Problem& P_;
  std::vector<std::size_t> id_, src_edge_, snk_edge_, dep_edge_;
  std::size_t nodes_ = 0, src_ = 0, snk_ = 0;
  double big_ = 1;
  std::vector<std::size_t> to_;
  std::vector<double> cap_;
  std::vector<std::vector<std::size_t>> adj_;
  std::vector<long long> level_;
  std::vector<std::size_t> queue_, it_, path_;
};

// Lagrangian relaxation of the capacity constraint:
//   L(lambda) = lambda*C + max over closed sets S of sum_{i in S}(v_i - lambda e_i)
// is an upper bound for every lambda >= 0 and, unlike the LP bound above,
// respects the dependencies. L is convex and piecewise linear; we minimise it
// by intersecting the lines of the sets found at the two bracketing
// multipliers (a 1-D cutting-plane method that ends at a breakpoint after
// finitely many steps; capped at kMaxEvals). Fitting sets found on the way are
// offered as candidate plans.
double lagrangian_bound(const Problem& P, double lambda0, Plan& best,
                        std::vector<double>* shifted) {
  constexpr int kMaxEvals = 40;
  if (P.positive == 0 || !std::isfinite(P.cap) || !std::isfinite(P.value_sum)) return kInf;
  double lambda_max = 0;
  for (std::size_t p = 0; p < P.positive; ++p) {
    const double d = P.density[P.order[p]];
    if (std::isfinite(d)) lambda_max = std::max(lambda_max, d);
  }
  ClosureFlow flow(P);
  double ub = kInf;
  auto consider = [&](const ClosureFlow::Eval& r) {
    if (r.bound < ub) {
      ub = r.bound;
      if (shifted != nullptr) *shifted = r.shifted;
    }
    // The cut side is closed by construction; checked anyway because a plan
    // that is offered to the user must be feasible whatever rounding did.
    if (r.set_e <= P.limit && is_closed(P, r.bits)) {
      Plan c;
      c.bits = r.bits;
      resum(P, c);
      if (preferred(P, c, best)) best = std::move(c);
    }
  };
  struct Line {
    double lambda, v, e;
  };
  // lo: slope C - e < 0 (multiplier too small); hi: slope >= 0.
  bool have_lo = false, have_hi = false;
  Line lo{0, 0, 0}, hi{0, 0, 0};
  auto place = [&](double lambda, const ClosureFlow::Eval& r) {
    if (r.set_e > P.cap) {
      if (!have_lo || lambda > lo.lambda) lo = Line{lambda, r.set_v, r.set_e};
      have_lo = true;
    } else {
      if (!have_hi || lambda < hi.lambda) hi = Line{lambda, r.set_v, r.set_e};
      have_hi = true;
    }
  };
  int evals = 0;
  double lambda = std::min(std::max(lambda0, 0.0), lambda_max);
  {
    const ClosureFlow::Eval r = flow.evaluate(lambda);
    ++evals;
    consider(r);
    place(lambda, r);
  }
  if (!have_lo) {
    const ClosureFlow::Eval r = flow.evaluate(0.0);
    ++evals;
    consider(r);
    place(0.0, r);
  }
  if (!have_hi) {
    const ClosureFlow::Eval r = flow.evaluate(lambda_max);
    ++evals;
    consider(r);
    place(lambda_max, r);
  }
  while (evals < kMaxEvals && have_lo && have_hi && lo.lambda < hi.lambda) {
    // Intersection of lambda*C + (v_lo - lambda e_lo) and the hi line.
    const double denom = lo.e - hi.e; // > 0 since e_lo > C >= e_hi
    if (!(denom > 0)) break;
    double next = (lo.v - hi.v) / denom;
    if (!(next > lo.lambda && next < hi.lambda)) break;
    const double predicted = next * P.cap + (lo.v - next * lo.e);
    const ClosureFlow::Eval r = flow.evaluate(next);
    ++evals;
    consider(r);
    const double actual = next * P.cap + (r.set_v - next * r.set_e);
    if (!(actual > predicted + P.vtol)) break; // no better line: minimum reached
    place(next, r);
  }
  return ub;
}

} // namespace detail

std::vector<std::size_t> find_dependency_cycle(
    const std::vector<std::vector<std::size_t>>& depends_on) {
  std::vector<std::size_t> cycle;
  if (detail::dfs_postorder(depends_on, depends_on.size(), nullptr, &cycle)) return {};
  // Rotate so the smallest index comes first (stable, readable messages).
  const auto smallest = std::min_element(cycle.begin(), cycle.end());
  std::rotate(cycle.begin(), smallest, cycle.end());
  return cycle;
}

PlanResult plan_capacity(const PlanInput& input) {
  using namespace detail;
  Problem P = prepare(input);
  PlanResult res;

  Plan best;
  best.bits.assign(P.words, 0);
  bool optimal = false;
  bool complete = false;
  double ub = kInf;
  std::string method;

  // Fast path: all positive-value items and their closures fit together. That
  // selection is optimal (it contains every valuable item) and minimal in
  // effort (every one of its items is required by a valuable one).
  {
    Plan all;
    all.bits.assign(P.words, 0);
    for (std::size_t p = 0; p < P.positive; ++p) {
      const Word* r = P.row(P.closure, P.order[p]);
      for (std::size_t w = 0; w < P.words; ++w) all.bits[w] |= r[w];
    }
    resum(P, all);
    if (all.e <= P.limit) {
      best = std::move(all);
      optimal = true;
      complete = true;
      // Items whose closure alone is over the budget were left out before (prepare): said,
      // so "everything valuable" is not read as every valuable item.
      std::size_t too_large = 0;
      for (std::size_t i = 0; i < P.n; ++i) too_large += P.v[i] > 0 && P.ce[i] > P.limit;
      method = too_large == 0 ? "everything valuable fits (exact)"
                              : "everything valuable that fits the budget on its own fits together (exact); " +
                                    std::to_string(too_large) + " valuable item" + (too_large == 1 ? " does" : "s do") +
                                    " not fit the budget even alone (with what " + (too_large == 1 ? "it depends" : "they depend") + " on)";
    }
  }

  if (!optimal) {
    // Heuristic plans first: they are the fallback and a pruning hint.
    Plan heur = greedy_closure_density(P);
    Plan single = best_single_closure(P);
    if (preferred(P, single, heur)) heur = std::move(single);

    // Root LP bound; its critical density is the LP-optimal multiplier and a
    // good first guess for the Lagrangian one.
    double lambda0 = 0;
    {
      double used = 0;
      for (std::size_t p = 0; p < P.positive; ++p) {
        const std::size_t k = P.order[p];
        if (used + P.e[k] > P.limit) {
          lambda0 = P.density[k];
          break;
        }
        used += P.e[k];
      }
    }
    std::vector<double> shifted;
    ub = std::min(root_lp_bound(P), lagrangian_bound(P, lambda0, heur, &shifted));
    method = "greedy by closure value density + best single closure + Lagrangian closures; "
             "bound: min(LP relaxation, Lagrangian max-weight closure)";

    if (P.n <= input.exact_item_limit) {
      // Shifts help only where flow crossed a dependency edge.
      bool moved = false;
      if (shifted.size() == P.n)
        for (std::size_t k = 0; k < P.n && !moved; ++k) moved = shifted[k] != P.v[k];
      if (moved) {
        P.sv = std::move(shifted);
        for (std::size_t k : P.order)
          if (P.sv[k] > 0) P.sorder.push_back(k);
        auto sdens = [&](std::size_t k) { return P.e[k] > 0 ? P.sv[k] / P.e[k] : kInf; };
        std::sort(P.sorder.begin(), P.sorder.end(), [&](std::size_t a, std::size_t b) {
          const double da = sdens(a), db = sdens(b);
          if (da != db) return da > db;
          return a < b;
        });
        P.has_shift = true;
      }
      Plan found;
      found.bits.assign(P.words, 0);
      std::uint64_t nodes = 0;
      double frontier = kInf;
      const SearchStatus st =
          branch_and_bound(P, input.node_budget, &heur, found, nodes, frontier);
      res.nodes = nodes;
      if (st == SearchStatus::kComplete) {
        best = std::move(found);
        optimal = true;
        complete = true;
        method = "branch-and-bound with LP and Lagrangian-shifted LP bounds (exact, " +
                 std::to_string(nodes) + " nodes)";
      } else {
        ub = std::min(ub, frontier);
        best = preferred(P, found, heur) ? std::move(found) : std::move(heur);
        method = "branch-and-bound stopped at node budget (" + std::to_string(nodes) +
                 " nodes), best of search and " + method + " and open search nodes";
      }
    } else {
      best = std::move(heur);
    }
  }

  resum(P, best);
  for_each_bit_andnot(best.bits.data(), nullptr, P.words,
                      [&](std::size_t j) { res.selected.push_back(j); });
  res.total_value = best.v;
  res.total_effort = best.e;
  // A plan whose value meets the proven bound is value-optimal even when the
  // search did not finish (only the tie-break among equal plans is unproven).
  if (!optimal && !(best.v < ub - P.vtol)) {
    optimal = true;
    method += "; value proven optimal by the bound";
  }
  res.optimal = optimal;
  res.search_complete = complete;
  res.upper_bound = optimal ? best.v : std::max(best.v, ub);
  res.method = std::move(method);
  return res;
}

} // namespace gapscore
