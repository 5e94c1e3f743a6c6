#pragma once
/// AHP in documents (docs/models.md, "Stakeholders" > "AHP"): criteria weights from pairwise
/// comparisons, read from
///
///   ahp: {"criteria": [criterion ids], "comparisons": [[a, b, r], ...]}
///     [a, b, r]: criterion a is r times as important as b, on Saaty's 1-9 scale or its
///     reciprocals 1/9..1 (a number, or text "1/3" for an exact reciprocal). Every pair of the
///     listed criteria is compared exactly once, in either order.
///   weights_from: "ahp"   (top level, optional) the criteria weights ARE the AHP priorities:
///     every criterion must then be in ahp.criteria; a "weight" also given on a criterion is
///     ignored with a warning.
///
/// The weights are the principal eigenvector of the reciprocal matrix (ahp.hpp), with
/// lambda_max, CI = (lambda_max - n) / (n - 1) and CR = CI / RI(n) (Saaty's random index);
/// CR > 0.1 means the judgements contradict each other, and the warning names the ones that
/// disagree most with the derived weights.
#include <optional>
#include <string>
#include <vector>

#include "stakeholders/ahp.hpp"
#include "gapscore/diagnostics.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

/// One comparison as the document wrote it.
struct AhpComparison {
  std::size_t a = 0, b = 0; ///< positions in AhpSection::criteria
  double ratio = 1;         ///< a is `ratio` times as important as b
  std::string path;         ///< /ahp/comparisons/k
};

struct AhpSection {
  std::vector<std::string> criteria;      ///< ids, as listed in /ahp/criteria
  std::vector<std::size_t> criterion;     ///< per listed id: its index in Scenario::criteria
  std::vector<AhpComparison> comparisons; ///< document order
};

/// Reads and checks the "ahp" section against the scenario's criteria: ids known and listed
/// once, each comparison [a, b, r] with a != b both listed, r in [1/9, 9] (1 % tolerance for
/// rounded decimals like 0.11), no pair given twice (in either order) and none missing. Every
/// problem is reported at its path (/ahp/comparisons/3/2). nullopt when the document has no
/// "ahp" section or any error was found.
std::optional<AhpSection> read_ahp_section(const Json& document, const Scenario& s, Diagnostics& diag);

/// The n x n positive reciprocal matrix: m[a][b] = r, m[b][a] = 1 / r, m[i][i] = 1.
std::vector<std::vector<double>> ahp_matrix(const AhpSection& a);

/// A judgement of the result, oriented the way the document wrote it.
struct AhpJudgementView {
  const AhpComparison* comparison = nullptr;
  double given = 1;         ///< = comparison->ratio
  double implied = 1;       ///< weight[a] / weight[b] for the comparison's a and b
  double inconsistency = 1; ///< max(given / implied, implied / given)
};

/// The result's judgements (most inconsistent first) mapped back to the comparisons.
std::vector<AhpJudgementView> ahp_judgements(const AhpSection& a, const AhpResult& r);

/// "" when CR <= 0.1; else a warning that names the `shown` judgements that contribute most.
std::string ahp_inconsistency_warning(const AhpSection& a, const AhpResult& r, std::size_t shown = 3);

} // namespace gapscore
