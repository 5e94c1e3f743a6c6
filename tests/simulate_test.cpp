// Monte Carlo rank acceptability (core/src/whatif/simulate.hpp) and the `simulate`
// command.
#include "whatif/simulate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "scoring/packed_ranker.hpp"
#include "gapscore/command.hpp"
#include "gapscore/load.hpp"
#include "math/random.hpp"
#include "test_support.hpp"

namespace gapscore {
namespace {

using test::document_json;
using test::document_text;
using test::load;
using test::read_file;
using test::run_json;

Json range(double low, double likely, double high) { return Json{{"low", low}, {"likely", likely}, {"high", high}}; }

/// The same value as a degenerate range {x, x, x}.
Json fixed(double x) { return range(x, x, x); }

/// Told the fraction done after each step; returning false cancels.
using Progress = std::function<bool(double)>;

/// The core's simulation primitive driven as the CLI drives it: a hundredth of the runs per
/// step, told the fraction done after each step (1.0 once at the end), cancelled when the
/// callback says so.
SimulationResult run(const Scenario& s, const std::string& model, std::uint64_t runs, std::uint64_t seed,
                     std::size_t top = 1, const Progress& progress = {}) {
  SimulationSettings settings;
  settings.runs = runs;
  settings.seed = seed;
  settings.top = top;
  SimulationRun sim(s, *find_model(model), settings);
  const std::uint64_t slice = std::max<std::uint64_t>(1, runs / 100);
  while (!sim.advance(slice))
    if (progress && !progress(sim.fraction_done())) sim.cancel();
  if (progress && sim.result().error.empty() && !sim.result().cancelled) progress(1.0);
  return sim.result();
}

// ---------------------------------------------------------------------------------------
// Degenerate ranges: every input low = likely = high reproduces the deterministic ranking
// with probability 1, for every model, with ties (broken by MoSCoW then id) and negative
// scores.

Json degenerate_document() {
  Json items = Json::array();
  // twin-a and twin-b are identical (tie by score, broken by id); must-x ties them too
  // but wins by MoSCoW.
  const char* ids[] = {"twin-b", "twin-a", "must-x", "low", "high", "mid"};
  const double base[] = {3, 3, 3, 1, 5, 2};
  for (int k = 0; k < 6; ++k) {
    const double x = base[k];
    Json item = {{"id", ids[k]},
                 {"reach", fixed(100 * x)},
                 {"impact", fixed(1)},
                 {"confidence", fixed(0.5)},
                 {"effort", fixed(2)},
                 {"business_value", fixed(x)},
                 {"time_criticality", fixed(2)},
                 {"risk_reduction", fixed(1)},
                 {"job_size", fixed(3)},
                 {"ice_impact", fixed(x)},
                 {"ice_confidence", fixed(5)},
                 {"ease", fixed(4)},
                 {"value", fixed(x)},
                 {"scores", {{"gain", fixed(x)}, {"pain", fixed(6 - x)}, {"cost", fixed(x * x)}}}};
    if (k == 2) item["moscow"] = "must";
    items.push_back(item);
  }
  return Json{{"format", "gapscore/1"},
              {"criteria",
               {{{"id", "gain"}, {"weight", fixed(3)}},
                {{"id", "pain"}, {"weight", fixed(1)}},
                {{"id", "cost"}, {"weight", fixed(0.5)}, {"direction", "cost"}}}},
              {"items", items}};
}

TEST(Simulate, DegenerateRangesReproduceTheRankingWithProbabilityOne) {
  Json doc = degenerate_document();
  for (const char* normalization : {"minmax", "none", "max", "vector"}) {
    doc["normalization"] = normalization;
    const Scenario s = load(doc.dump());
    ASSERT_GT(s.uncertain.size(), 60u);
    for (const char* model : {"rice", "ice", "wsjf", "value_effort", "weighted", "topsis"}) {
      SCOPED_TRACE(std::string(model) + " / " + normalization);
      const Json ranked = run_json("rank", doc.dump(), {{"model", model}});
      const SimulationResult res = run(s, model, 300, 11);
      ASSERT_TRUE(res.error.empty()) << res.error;
      ASSERT_GT(res.inputs, 0u);
      EXPECT_EQ(res.runs, 300u);
      for (const auto& row : ranked["ranking"]) {
        const std::size_t i = s.item_index(row["id"].get<std::string>());
        const std::size_t rank = row["rank"].get<std::size_t>();
        EXPECT_EQ(res.likely.rank[i], rank);
        EXPECT_EQ(res.count(i, rank), 300u) << row["id"];
        EXPECT_EQ(res.rank_probability(i, rank), 1.0);
        EXPECT_EQ(res.expected_rank(i), static_cast<double>(rank));
        EXPECT_EQ(res.rank_interval(i), std::make_pair(static_cast<std::uint32_t>(rank), static_cast<std::uint32_t>(rank)));
      }
    }
  }
  // The none normalization with a cost criterion gives negative scores: covered above.
}

TEST(Simulate, NoUncertainInputMeansTheLikelyRankingEveryRun) {
  const std::string doc = document_text("intercom_rice.json");
  const Json out = run_json("simulate", doc, {{"runs", 500}, {"seed", 3}});
  EXPECT_EQ(out["uncertain_inputs"], 0);
  // Intercom's three example projects: RICE 800 (project 3), 675 (project 1), 400 (project 2).
  ASSERT_EQ(out["items"].size(), 3u);
  EXPECT_EQ(out["items"][0]["id"], "project-3");
  EXPECT_EQ(out["items"][1]["id"], "project-1");
  EXPECT_EQ(out["items"][2]["id"], "project-2");
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(out["items"][k]["rank_probabilities"][k], 1.0);
    EXPECT_EQ(out["items"][k]["expected_rank"], static_cast<double>(k + 1));
  }
}

// ---------------------------------------------------------------------------------------
// The numbers, checked independently.

// Two items, value/effort: A's value is triangular(0, 5, 10), B's is 4, same effort. A ranks
// first exactly when its value exceeds 4: P = 1 - F(4) = 1 - 4²/(10·5) = 0.68.
TEST(Simulate, RankProbabilitiesMatchTheTriangularDistribution) {
  const Json doc = {{"format", "gapscore/1"},
                    {"model", "value_effort"},
                    {"items",
                     {{{"id", "a"}, {"value", range(0, 5, 10)}, {"effort", 1}},
                      {{"id", "b"}, {"value", 4}, {"effort", 1}}}}};
  const Scenario s = load(doc.dump());
  const std::uint64_t runs = 100000;
  const SimulationResult res = run(s, "value_effort", runs, 99);
  const double p = 0.68, tolerance = 5 * std::sqrt(p * (1 - p) / runs);
  EXPECT_NEAR(res.rank_probability(0, 1), p, tolerance);
  EXPECT_NEAR(res.rank_probability(1, 2), p, tolerance);
  EXPECT_NEAR(res.expected_rank(0), 2 - p, tolerance);
  EXPECT_EQ(res.rank_interval(0), std::make_pair(1u, 2u));
  EXPECT_EQ(res.p_top(0, 1), res.rank_probability(0, 1));
}

/// Replays the documented contract with the plain pieces: one xoshiro256** stream, per run
/// one triangular draw per input the model reads (in Scenario::uncertain order), then the
/// full score_items and Ranker. The simulation's fast paths (cached columns, packed radix
/// ranking) must give the same counts.
std::vector<std::uint32_t> replay(const Scenario& s, const ModelInfo& m, std::uint64_t runs, std::uint64_t seed) {
  const std::size_t n = s.size();
  std::vector<std::uint32_t> counts(n * n, 0);
  Scenario work = s;
  Xoshiro256StarStar rng(seed);
  const Ranker ranker(s);
  Ranking ranking;
  for (std::uint64_t r = 0; r < runs; ++r) {
    for (const UncertainInput& in : s.uncertain) {
      const bool reads = in.target == UncertainInput::Target::field
                             ? std::count(m.required_fields.begin(), m.required_fields.end(), static_cast<Field>(in.column)) > 0
                             : m.needs_criteria;
      if (!reads) continue;
      const double x = triangular(rng.uniform(), in.low, in.likely, in.high);
      if (in.target == UncertainInput::Target::field) work.fields[in.column][in.item] = x;
      else if (in.target == UncertainInput::Target::score) work.scores[in.column][in.item] = x;
      else work.criteria[in.column].weight = x;
    }
    ranker.rank(score_items(work, m).score, ranking);
    for (std::size_t k = 0; k < n; ++k) ++counts[ranking.order[k] * n + k];
  }
  return counts;
}

TEST(Simulate, FastPathsGiveTheSameCountsAsAPlainReplay) {
  struct Case {
    std::string name, document, model;
  };
  std::vector<Case> cases = {
      {"rice", document_text("uncertain_rice.json"), "rice"},
      {"weighted: weights and scores", document_text("uncertain_weighted.json"), "weighted"},
      {"topsis: weights and scores", document_text("uncertain_weighted.json"), "topsis"},
  };
  // Weights only: the weighted model recombines cached columns, TOPSIS re-does closeness.
  Json doc = document_json("uncertain_weighted.json");
  for (auto& item : doc["items"])
    for (auto& [c, v] : item["scores"].items())
      if (v.is_object()) v = v["likely"];
  cases.push_back({"weighted: weights only", doc.dump(), "weighted"});
  cases.push_back({"topsis: weights only", doc.dump(), "topsis"});
  // Ranges on fields the model does not read take no draw.
  Json rice = document_json("uncertain_rice.json");
  rice["items"][0]["value"] = range(1, 2, 3);
  rice["items"][3]["job_size"] = range(1, 2, 3);
  cases.push_back({"rice with unread ranges", rice.dump(), "rice"});
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Scenario s = load(c.document);
    const ModelInfo& m = *find_model(c.model);
    const SimulationResult res = run(s, c.model, 3000, 2718);
    ASSERT_TRUE(res.error.empty()) << res.error;
    EXPECT_EQ(res.rank_counts, replay(s, m, 3000, 2718));
  }
}

TEST(Simulate, RangesOnFieldsTheModelDoesNotReadChangeNothing) {
  const std::string plain = document_text("uncertain_rice.json");
  Json extra = Json::parse(plain);
  extra["items"][1]["value"] = range(1, 5, 9);
  extra["items"][2]["job_size"] = range(1, 2, 8);
  const Json options = {{"runs", 2000}, {"seed", 5}};
  const Json a = run_json("simulate", plain, options), b = run_json("simulate", extra.dump(), options);
  EXPECT_EQ(a["items"], b["items"]);
  EXPECT_EQ(a["uncertain_inputs"], b["uncertain_inputs"]);
}

// ---------------------------------------------------------------------------------------
// Probability tables.

TEST(Simulate, ProbabilityTablesSumToOnePerItemAndPerRank) {
  for (const char* fixture : {"uncertain_rice.json", "uncertain_weighted.json"}) {
    SCOPED_TRACE(fixture);
    const std::string doc = document_text(fixture);
    const Scenario s = load(doc);
    const SimulationResult res = run(s, s.model, 4321, 17);
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n; ++i) {
      std::uint64_t item_total = 0, rank_total = 0;
      for (std::size_t r = 1; r <= n; ++r) {
        item_total += res.count(i, r);
        rank_total += res.count(r - 1, i + 1);
      }
      EXPECT_EQ(item_total, 4321u);
      EXPECT_EQ(rank_total, 4321u);
    }
    const Json out = run_json("simulate", doc, {{"runs", 4321}, {"seed", 17}});
    std::vector<double> per_rank(n, 0.0);
    for (const auto& item : out["items"]) {
      ASSERT_EQ(item["rank_probabilities"].size(), n);
      double total = 0, top = 0, expected = 0;
      for (std::size_t r = 0; r < n; ++r) {
        const double p = item["rank_probabilities"][r].get<double>();
        total += p;
        per_rank[r] += p;
        if (r < out["top"].get<std::size_t>()) top += p;
        expected += p * static_cast<double>(r + 1);
      }
      EXPECT_NEAR(total, 1.0, 1e-12);
      EXPECT_NEAR(item["p_top"].get<double>(), top, 1e-12);
      EXPECT_NEAR(item["expected_rank"].get<double>(), expected, 1e-9);
      const auto lo = item["rank_interval"][0].get<std::size_t>(), hi = item["rank_interval"][1].get<std::size_t>();
      EXPECT_LE(lo, hi);
      EXPECT_GT(item["rank_probabilities"][lo - 1].get<double>(), 0.0);
      EXPECT_GT(item["rank_probabilities"][hi - 1].get<double>(), 0.0);
    }
    for (double p : per_rank) EXPECT_NEAR(p, 1.0, 1e-12);
    // Items come by expected rank.
    for (std::size_t k = 1; k < out["items"].size(); ++k)
      EXPECT_LE(out["items"][k - 1]["expected_rank"].get<double>(), out["items"][k]["expected_rank"].get<double>());
  }
}

TEST(Simulate, RankIntervalIsTheFiveAndNinetyFivePercentQuantile) {
  // 3 items; a's value range puts it first about half the time. Check the interval against
  // the counts directly: the smallest rank whose cumulative share reaches 5 % and 95 %.
  const Scenario s = load(document_text("uncertain_rice.json"));
  const SimulationResult res = run(s, "rice", 5000, 8);
  for (std::size_t i = 0; i < s.size(); ++i) {
    double cumulative = 0;
    std::uint32_t lo = 0, hi = 0;
    for (std::size_t r = 1; r <= s.size(); ++r) {
      cumulative += res.rank_probability(i, r);
      if (!lo && cumulative >= 0.05 - 1e-12) lo = static_cast<std::uint32_t>(r);
      if (!hi && cumulative >= 0.95 - 1e-12) hi = static_cast<std::uint32_t>(r);
    }
    EXPECT_EQ(res.rank_interval(i), std::make_pair(lo, hi)) << s.items[i].id;
  }
}

// ---------------------------------------------------------------------------------------
// Reproducibility.

TEST(Simulate, FixedSeedReproducesTheCheckedInResult) {
  // The files were written once by the CLI (`gapscore simulate FILE --runs R --seed S
  // --format json`) after the checks above; a change to the generator, the distribution or
  // the draw order shows up here as a byte difference.
  struct Case {
    const char* fixture;
    Json options;
    const char* expected;
  };
  const Case cases[] = {
      {"uncertain_rice.json", {{"format", "json"}, {"runs", 10000}, {"seed", 42}},
       "tests/fixtures/expected/simulate_rice_seed42.json"},
      {"uncertain_weighted.json", {{"format", "json"}, {"runs", 2000}, {"seed", 7}},
       "tests/fixtures/expected/simulate_weighted_seed7.json"},
  };
  for (const Case& c : cases) {
    const auto r = run_command("simulate", document_text(c.fixture), c.options.dump());
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.output, read_file(c.expected)) << c.expected;
  }
}

TEST(Simulate, SameSeedSameBytesDifferentSeedDifferentNumbers) {
  const std::string doc = document_text("uncertain_rice.json");
  const Json a = {{"runs", 3000}, {"seed", 1234}}, b = {{"runs", 3000}, {"seed", 1235}};
  EXPECT_EQ(run_command("simulate", doc, a.dump()).output, run_command("simulate", doc, a.dump()).output);
  EXPECT_NE(run_json("simulate", doc, a)["items"], run_json("simulate", doc, b)["items"]);
}

TEST(Simulate, SettingsComeFromOptionsThenTheDocument) {
  Json doc = document_json("uncertain_rice.json");
  Json out = run_json("simulate", doc.dump());
  EXPECT_EQ(out["runs"], 10000);
  EXPECT_EQ(out["seed"], 1);
  EXPECT_EQ(out["top"], 2); // the document's top
  EXPECT_EQ(out["distribution"], "triangular");
  doc["simulation"] = {{"runs", 700}, {"seed", 9}};
  out = run_json("simulate", doc.dump());
  EXPECT_EQ(out["runs"], 700);
  EXPECT_EQ(out["seed"], 9);
  out = run_json("simulate", doc.dump(), {{"runs", 800}, {"top", 1}});
  EXPECT_EQ(out["runs"], 800);
  EXPECT_EQ(out["seed"], 9);
  EXPECT_EQ(out["top"], 1);
  doc["simulation"]["runs"] = 0;
  int code = 0;
  out = run_json("simulate", doc.dump(), Json::object(), &code);
  EXPECT_EQ(code, kInputError);
  EXPECT_EQ(out["errors"][0]["path"], "/simulation/runs");
}

// ---------------------------------------------------------------------------------------
// Progress, cancellation, budget.

TEST(Simulate, ReportsProgressAndCanBeCancelled) {
  const Scenario s = load(document_text("uncertain_rice.json"));
  std::vector<double> seen;
  SimulationResult res = run(s, "rice", 1000, 4, 1, [&](double f) {
    seen.push_back(f);
    return true;
  });
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back(), 1.0);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_FALSE(res.cancelled);

  res = run(s, "rice", 1000, 4, 1, [&](double f) { return f < 0.3; });
  EXPECT_TRUE(res.cancelled);
  EXPECT_GT(res.runs, 0u);
  EXPECT_LT(res.runs, 1000u);
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::uint64_t total = 0;
    for (std::size_t r = 1; r <= s.size(); ++r) total += res.count(i, r);
    EXPECT_EQ(total, res.runs);
  }
}

// The CLI's bar relies on the pattern: stepped a hundredth at a time, the fraction done moves
// by 1 % per step up to 1.0, and a cancel stops the run where it is.
TEST(Simulate, ProgressReportsEveryHundredthAndNothingAfterCancel) {
  const Scenario s = load(document_text("uncertain_rice.json"));
  std::vector<double> seen;
  run(s, "rice", 1000, 4, 1, [&](double f) {
    seen.push_back(f);
    return true;
  });
  ASSERT_EQ(seen.size(), 100u); // one per 10 runs, the last one 1.0
  for (std::size_t k = 0; k < 100; ++k) EXPECT_DOUBLE_EQ(seen[k], static_cast<double>(k + 1) / 100);

  seen.clear();
  const SimulationResult res = run(s, "rice", 1000, 4, 1, [&](double f) {
    seen.push_back(f);
    return seen.size() < 3;
  });
  EXPECT_EQ(seen.size(), 3u);
  EXPECT_EQ(res.runs, 30u);
  EXPECT_TRUE(res.cancelled);
}

/// The command stepped as the CLI's progress bar steps it, cancelled when `go_on` says so.
CommandResult stepped_command(const std::string& doc, const std::string& options, const Progress& go_on) {
  SteppedSimulation sim(doc, options);
  const std::uint64_t slice = std::max<std::uint64_t>(1, sim.runs_requested() / 100);
  while (!sim.step(slice))
    if (!go_on(sim.fraction_done())) sim.cancel();
  return sim.result();
}

TEST(Simulate, CommandWithProgressGivesTheSameBytesAndMarksCancellation) {
  const std::string doc = document_text("uncertain_rice.json");
  const std::string options = Json{{"runs", 2000}, {"seed", 77}}.dump();
  int calls = 0;
  const auto with = stepped_command(doc, options, [&](double) { return ++calls > 0; });
  EXPECT_GT(calls, 0);
  EXPECT_EQ(with.output, run_command("simulate", doc, options).output);

  const auto cancelled = stepped_command(doc, options, [](double f) { return f < 0.5; });
  EXPECT_EQ(cancelled.exit_code, 0);
  const Json out = Json::parse(cancelled.output);
  EXPECT_EQ(out["cancelled"], true);
  EXPECT_EQ(out["runs"], 2000);
  EXPECT_LT(out["runs_completed"].get<int>(), 2000);
}

// The widget steps a simulation a slice per frame (SteppedSimulation). However it is
// sliced, the bytes must be run_command's.
TEST(SteppedSimulation, AnySlicingGivesRunCommandsBytes) {
  const std::string doc = document_text("uncertain_rice.json");
  for (const std::string options : {R"({"runs": 2000, "seed": 77})", R"({"runs": 999, "seed": 3, "top": 2})",
                                    R"({"runs": 500, "seed": 9, "format": "csv"})"}) {
    const CommandResult expected = run_command("simulate", doc, options);
    ASSERT_EQ(expected.exit_code, 0) << expected.output;
    for (const std::uint64_t slice : {1u, 7u, 333u, 5000u}) {
      SteppedSimulation sim(doc, options);
      double last = 0;
      std::size_t steps = 0;
      while (!sim.step(slice)) {
        EXPECT_GE(sim.fraction_done(), last);
        last = sim.fraction_done();
        ++steps;
      }
      EXPECT_TRUE(sim.done());
      EXPECT_EQ(sim.fraction_done(), 1.0);
      const CommandResult got = sim.result();
      EXPECT_EQ(got.exit_code, expected.exit_code);
      EXPECT_EQ(got.output, expected.output) << options << " in slices of " << slice;
      EXPECT_EQ(got.messages, expected.messages);
      // Every step but the last leaves runs to do: ceil(runs / slice) - 1 of them.
      const std::uint64_t runs = Json::parse(options)["runs"].get<std::uint64_t>();
      EXPECT_EQ(steps, (runs + slice - 1) / slice - 1) << options << " in slices of " << slice;
    }
  }
}

// A run cancelled after k runs drew exactly what a k-run simulation with the same seed
// draws, so its table is that simulation's, marked cancelled.
TEST(SteppedSimulation, CancelledRunIsTheShorterRunMarkedCancelled) {
  const std::string doc = document_text("uncertain_rice.json");
  SteppedSimulation sim(doc, R"({"runs": 2000, "seed": 77})");
  EXPECT_FALSE(sim.step(300));
  EXPECT_DOUBLE_EQ(sim.fraction_done(), 0.15);
  sim.cancel();
  EXPECT_TRUE(sim.done());
  EXPECT_TRUE(sim.step(100)) << "a cancelled run does not go on";
  const Json cancelled = Json::parse(sim.result().output);
  EXPECT_EQ(cancelled["cancelled"], true);
  EXPECT_EQ(cancelled["runs"], 2000);
  EXPECT_EQ(cancelled["runs_completed"], 300);
  const Json shorter = Json::parse(run_command("simulate", doc, R"({"runs": 300, "seed": 77})").output);
  EXPECT_EQ(cancelled["items"], shorter["items"]);

  SteppedSimulation unstarted(doc, R"({"runs": 10})");
  unstarted.cancel();
  const CommandResult none = unstarted.result();
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.output.find("cancelled before the first run finished"), std::string::npos) << none.output;
}

TEST(SteppedSimulation, FractionStaysWhereACancelledRunStopped) {
  const std::string doc = document_text("uncertain_rice.json");
  SteppedSimulation sim(doc, R"({"runs": 400, "seed": 1})");
  EXPECT_EQ(sim.fraction_done(), 0.0);
  EXPECT_FALSE(sim.step(0)) << "step(0) still runs one run";
  EXPECT_DOUBLE_EQ(sim.fraction_done(), 1.0 / 400);
  EXPECT_FALSE(sim.step(99));
  sim.cancel();
  EXPECT_DOUBLE_EQ(sim.fraction_done(), 0.25);
  EXPECT_EQ(Json::parse(sim.result().output)["runs_completed"], 100);
  EXPECT_DOUBLE_EQ(sim.fraction_done(), 0.25) << "and after result()";

  // result() before the end is a cancel: the fraction stays too (found by a QA pass: it jumped to 1).
  SteppedSimulation early(doc, R"({"runs": 400, "seed": 1})");
  EXPECT_FALSE(early.step(40));
  EXPECT_EQ(Json::parse(early.result().output)["runs_completed"], 40);
  EXPECT_TRUE(early.done());
  EXPECT_DOUBLE_EQ(early.fraction_done(), 0.1);
}

TEST(SteppedSimulation, DocumentWithoutRangesIsDoneAtOnceWithTheLikelyRanking) {
  const std::string doc = document_text("intercom_rice.json");
  const std::string options = R"({"runs": 5000, "seed": 2})";
  SteppedSimulation sim(doc, options);
  EXPECT_TRUE(sim.done());
  EXPECT_EQ(sim.fraction_done(), 1.0);
  const CommandResult got = sim.result();
  EXPECT_EQ(got.output, run_command("simulate", doc, options).output);
  EXPECT_EQ(Json::parse(got.output)["uncertain_inputs"], 0);
}

TEST(SteppedSimulation, RunThatOverflowsStopsWithRunCommandsError) {
  // Reach 1e200 times an impact drawn up to 1e150 overflows; the likely impact 1 does not.
  const Json doc = {{"format", "gapscore/1"},
                    {"items", Json::array({{{"id", "a"}, {"reach", 1e200}, {"impact", range(1, 1, 1e150)}, {"confidence", 1}, {"effort", 1}},
                                           {{"id", "b"}, {"reach", 5}, {"impact", 1}, {"confidence", 1}, {"effort", 1}}})}};
  const std::string options = R"({"runs": 1000, "seed": 4})";
  const CommandResult expected = run_command("simulate", doc.dump(), options);
  ASSERT_EQ(expected.exit_code, 2) << expected.output;
  ASSERT_NE(expected.output.find("overflow"), std::string::npos) << expected.output;
  SteppedSimulation sim(doc.dump(), options);
  while (!sim.step(3)) {
  }
  EXPECT_TRUE(sim.done());
  EXPECT_LT(sim.fraction_done(), 1.0) << "stopped at the run that overflowed";
  EXPECT_EQ(sim.result().output, expected.output);
}

TEST(SteppedSimulation, RefusedInputIsKnownAtOnceWithRunCommandsError) {
  const std::string doc = document_text("uncertain_rice.json");
  for (const auto& [document, options] : std::vector<std::pair<std::string, std::string>>{
           {doc, R"({"runs": 0})"}, {doc, R"({"runs": 10, "bogus": 1})"}, {"{not json", "{}"},
           {doc, R"({"runs": 1000001, "model": "rice"})"}, {doc, "[1]"}}) {
    SteppedSimulation sim(document, options);
    EXPECT_TRUE(sim.done()) << options;
    EXPECT_EQ(sim.fraction_done(), 1.0);
    EXPECT_TRUE(sim.step(10));
    const CommandResult expected = run_command("simulate", document, options);
    EXPECT_NE(expected.exit_code, 0) << options;
    const CommandResult got = sim.result();
    EXPECT_EQ(got.exit_code, expected.exit_code) << options;
    EXPECT_EQ(got.output, expected.output) << options;
  }
}

TEST(Simulate, BudgetIsCheckedUpFront) {
  const std::string doc = document_text("uncertain_rice.json");
  int code = 0;
  Json out = run_json("simulate", doc, {{"runs", 1000001}}, &code);
  EXPECT_EQ(code, kUsageError);
  EXPECT_EQ(out["errors"][0]["path"], "options/runs");
  out = run_json("simulate", doc, {{"seed", 9007199254740992.0}}, &code);
  EXPECT_EQ(code, kUsageError);
  EXPECT_EQ(out["errors"][0]["path"], "options/seed");

  // 2,000 items: 100,000 runs fit the budget of 2e8 item rankings, 100,001 do not.
  Json big = {{"format", "gapscore/1"}, {"model", "value_effort"}, {"items", Json::array()}};
  for (int i = 0; i < 2000; ++i)
    big["items"].push_back({{"id", "i" + std::to_string(i)}, {"value", range(1, 2, 3)}, {"effort", 1}});
  out = run_json("simulate", big.dump(), {{"runs", 100001}}, &code);
  EXPECT_EQ(code, kUsageError);
  EXPECT_EQ(out["errors"][0]["path"], "options/runs");
  EXPECT_NE(out["errors"][0]["message"].get<std::string>().find("use at most 100,000 runs"), std::string::npos)
      << out.dump();
  EXPECT_EQ(simulation_budget_problem(2000, 2000, 100000), "");
  big["items"].push_back({{"id", "one-too-many"}, {"value", 1}, {"effort", 1}});
  out = run_json("simulate", big.dump(), {{"runs", 10}}, &code);
  EXPECT_EQ(code, kInputError);
  EXPECT_EQ(out["errors"][0]["path"], "/items");
  EXPECT_NE(simulation_budget_problem(10, 201, 1000000), ""); // 2.01e8 draws
}

// ---------------------------------------------------------------------------------------
// The packed ranking gives Ranker's order, including near-ties inside score_key's 40 bits,
// zeros of both signs, negative, subnormal, huge and infinite scores.

TEST(PackedRanker, OrdersExactlyLikeRanker) {
  const int n = 600; // above the radix-sort threshold
  Json items = Json::array();
  for (int i = 0; i < n; ++i) {
    Json item = {{"id", "item-" + std::to_string((i * 7919) % n)}, {"value", 1}, {"effort", 1}};
    if (i % 5 == 0) item["moscow"] = i % 10 == 0 ? "must" : "wont";
    items.push_back(item);
  }
  const Scenario s = load(Json{{"format", "gapscore/1"}, {"items", items}}.dump());
  const Ranker ranker(s);
  PackedRanker packed(s);
  Xoshiro256StarStar rng(31);
  const double specials[] = {0.0, -0.0, 1.0, 1.0 + 1e-14, 1.0 - 1e-14, 1.0 + 1e-9, -1.0, -1.0 - 1e-14, 1e300, -1e300,
                             std::numeric_limits<double>::denorm_min(), 5e-310,
                             std::numeric_limits<double>::infinity(), 0.5, 0.25, 3.0 * (1 - 1e-16)};
  for (int round = 0; round < 40; ++round) {
    std::vector<double> score(n);
    for (int i = 0; i < n; ++i) {
      const std::uint64_t pick = rng.next() % 4;
      score[i] = pick == 0   ? specials[rng.next() % (sizeof specials / sizeof specials[0])]
                 : pick == 1 ? static_cast<double>(rng.next() % 5) // many exact ties
                             : (rng.uniform() - 0.3) * std::ldexp(1.0, static_cast<int>(rng.next() % 40) - 20);
    }
    if (round % 2) // half the rounds without specials that force the fallback
      for (double& x : score)
        if (x == 0 || !std::isnormal(x)) x = 2.0;
    Ranking expected;
    ranker.rank(score, expected);
    std::vector<std::uint32_t> order;
    packed.rank(score, order);
    ASSERT_EQ(order, expected.order) << "round " << round;
  }
}

} // namespace
} // namespace gapscore
