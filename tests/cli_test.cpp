// The gapscore command line end to end: the built binary (GAPSCORE_CLI) run through the shell,
// with stdout, stderr and the exit code captured. Exit codes: 0 success, 1 usage error,
// 2 invalid input.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

using gapscore::Json;
using gapscore::test::read_path;
using gapscore::test::source_path;

namespace {

struct CliRun {
  int code = -1;
  std::string out, err;
};

std::string temp_path(const std::string& name) {
  return testing::TempDir() + "gapscore_cli_" + std::to_string(::getpid()) + "_" + name;
}

/// Every test here runs the built CLI; without it (-DGAPSCORE_BUILD_CLI=OFF) they skip.
class Cli : public ::testing::Test {
protected:
  void SetUp() override {
    if (!gapscore::test::cli_built()) GTEST_SKIP() << "the CLI is not built (GAPSCORE_BUILD_CLI=OFF)";
  }
};

/// Runs `gapscore ARGS` in the repository folder; `input` becomes standard input.
CliRun gapscore_cli(const std::string& args, const std::string& input = "") {
  const std::string in_path = temp_path("stdin"), err_path = temp_path("stderr");
  std::ofstream(in_path, std::ios::binary) << input;
  const std::string command = "cd '" + std::string(GAPSCORE_SOURCE_DIR) + "' && '" + GAPSCORE_CLI + "' " + args +
                              " < '" + in_path + "' 2> '" + err_path + "'";
  CliRun r;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) {
    ADD_FAILURE() << "popen failed for " << command;
    return r;
  }
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = ::pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.err = read_path(err_path);
  std::remove(in_path.c_str());
  std::remove(err_path.c_str());
  return r;
}

/// Parses stdout as exactly one JSON document (parse fails on trailing text).
Json one_document(const CliRun& r) {
  try {
    return Json::parse(r.out);
  } catch (const std::exception& ex) {
    ADD_FAILURE() << "stdout is not one JSON document: " << ex.what() << "\n" << r.out;
    return nullptr;
  }
}

const char* kRice = "tests/fixtures/documents/intercom_rice.json";
const char* kInvalid = "tests/fixtures/documents/invalid_backlog.json";

} // namespace

// ---------------------------------------------------------------- rank

TEST_F(Cli, RankPrintsAnAlignedTable) {
  const CliRun r = gapscore_cli(std::string("rank ") + kRice);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::istringstream lines(r.out);
  std::string variant, header, first;
  std::getline(lines, variant);
  std::getline(lines, header);
  std::getline(lines, first);
  EXPECT_NE(variant.find("RICE (Intercom)"), std::string::npos) << r.out;
  EXPECT_EQ(header.rfind("rank", 0), 0u) << r.out;
  for (const char* column : {"id", "title", "score", "terms"}) EXPECT_NE(header.find(column), std::string::npos);
  EXPECT_NE(first.find("project-3"), std::string::npos);
  EXPECT_NE(first.find("800"), std::string::npos);
  // Aligned: the id column starts at the same offset on every line.
  const std::size_t id_at = header.find("id");
  EXPECT_EQ(first.find("project-3"), id_at) << r.out;
}

TEST_F(Cli, RankJsonIsOneDocumentWithRanksFromOne) {
  const CliRun r = gapscore_cli(std::string("rank ") + kRice + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const Json out = one_document(r);
  EXPECT_EQ(out["model"], "rice");
  ASSERT_EQ(out["ranking"].size(), 3u);
  const char* order[] = {"project-3", "project-1", "project-2"};
  const double scores[] = {800, 675, 400}; // Intercom's published example
  for (std::size_t k = 0; k < 3; ++k) {
    const Json& row = out["ranking"][k];
    EXPECT_EQ(row["id"], order[k]);
    EXPECT_EQ(row["rank"], k + 1);
    EXPECT_DOUBLE_EQ(row["score"].get<double>(), scores[k]);
  }
}

TEST_F(Cli, RankTopModelAndShortFlags) {
  const CliRun r = gapscore_cli(std::string("rank ") + kRice + " -n 2 -m rice --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const Json out = one_document(r);
  EXPECT_EQ(out["ranking"].size(), 2u);
  EXPECT_EQ(out["top"], 2);
}

TEST_F(Cli, RankCsvAndMarkdown) {
  CliRun r = gapscore_cli(std::string("rank ") + kRice + " --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("rank,id,title,score,moscow,tied_with\r\n1,project-3,Project 3,800,,\r\n", 0), 0u) << r.out;
  r = gapscore_cli(std::string("rank ") + kRice + " --format markdown");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("| rank | id | title | score | terms |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| 1 | project-3 | Project 3 | 800 |"), std::string::npos) << r.out;
}

// Without --format a command prints what people read it as: a table for the ones read in a
// terminal, the report's Markdown, JSON for the ones scripts consume (the format each
// command's spec names, so the CLI holds no list of command names).
TEST_F(Cli, WithoutFormatEachCommandPrintsWhatItIsReadAs) {
  const std::string doc = "demo/health-app.json";
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"rank", "table"},      {"gaps", "table"},        {"plan", "table"},     {"agreement", "table"},
      {"evidence", "table"},  {"report", "markdown"},   {"explain", "json"},   {"validate", "json"},
      {"describe", "json"},   {"sensitivity", "json"},  {"simulate", "json"},
  };
  for (const auto& [command, format] : expected) {
    const std::string first_id = Json::parse(gapscore::test::read_file(doc))["items"][0]["id"].get<std::string>();
    const std::string extra = command == "explain" ? " " + first_id : command == "plan" ? " --capacity 10" : "";
    const CliRun plain = gapscore_cli(command + " " + doc + extra);
    const CliRun named = gapscore_cli(command + " " + doc + extra + " --format " + format);
    EXPECT_EQ(plain.code, named.code) << command << ": " << plain.err;
    EXPECT_EQ(plain.out, named.out) << command << " without --format is not " << format;
    EXPECT_FALSE(plain.out.empty()) << command << ": " << plain.err;
  }
}

TEST_F(Cli, DashReadsStandardInput) {
  const CliRun r = gapscore_cli("rank - --format json", gapscore::test::read_file(kRice));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(one_document(r)["ranking"][0]["id"], "project-3");
}

// ---------------------------------------------------------------- other commands

TEST_F(Cli, Explain) {
  const CliRun r = gapscore_cli(std::string("explain ") + kRice + " project-2");
  ASSERT_EQ(r.code, 0) << r.err;
  const Json out = one_document(r);
  EXPECT_EQ(out["id"], "project-2");
  EXPECT_EQ(out["computation"], "2000 × 1 × 0.8 / 4 = 400");

  const CliRun missing = gapscore_cli(std::string("explain ") + kRice + " project-9");
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.out.find("no item with id \\\"project-9\\\""), std::string::npos) << missing.out;
}

TEST_F(Cli, Diff) {
  const CliRun r = gapscore_cli(std::string("diff ") + kRice + " tests/fixtures/documents/intercom_rice_after.json");
  ASSERT_EQ(r.code, 0) << r.err;
  const Json out = one_document(r);
  // Project 2 at effort 1: 2000 × 1 × 0.8 / 1 = 1600, from last to first.
  ASSERT_GE(out["items"].size(), 1u);
  const Json& first = out["items"][0];
  EXPECT_EQ(first["id"], "project-2");
  EXPECT_EQ(first["before_rank"], 3);
  EXPECT_EQ(first["after_rank"], 1);
  EXPECT_EQ(first["moved_by"][0]["term"], "effort");
}

TEST_F(Cli, Validate) {
  CliRun r = gapscore_cli(std::string("validate ") + kRice);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(one_document(r)["valid"], true);

  r = gapscore_cli(std::string("validate ") + kInvalid);
  EXPECT_EQ(r.code, 2);
  const Json out = one_document(r);
  ASSERT_EQ(out["errors"].size(), 3u) << r.out; // duplicate id, confidence 80, effort 0
  // Each problem: where, what kind (a stable code, docs/format.md), and why in words.
  EXPECT_EQ(out["errors"][0],
            Json({{"path", "/items/2/id"}, {"message", "duplicate of /items/1/id \"login\""}, {"code", "duplicate"}}));
}

TEST_F(Cli, ImportCsv) {
  const CliRun r = gapscore_cli("import-csv tests/fixtures/csv/health_backlog.csv");
  ASSERT_EQ(r.code, 0) << r.err;
  const Json doc = one_document(r);
  ASSERT_EQ(doc["items"].size(), 2u);
  EXPECT_EQ(doc["items"][0]["id"], "wash"); // the byte order mark is gone
  EXPECT_EQ(doc["items"][0]["title"], "Hand-washing alert, for everyone");
  EXPECT_EQ(doc["items"][1]["title"], "Birthday wishes \"with confetti\"");
  EXPECT_EQ(doc["items"][0]["tags"], Json({"health", "alerts"}));

  // The printed scenario ranks as it is, through a pipe.
  const CliRun ranked = gapscore_cli("rank - --format json", r.out);
  ASSERT_EQ(ranked.code, 0) << ranked.err << ranked.out;
  EXPECT_EQ(one_document(ranked)["ranking"][0]["id"], "wash");
}

// ---------------------------------------------------------------- errors and exit codes

TEST_F(Cli, InvalidInputWithJsonPrintsErrorsOnStdoutAndExitsTwo) {
  const CliRun r = gapscore_cli(std::string("rank ") + kInvalid + " --format json");
  EXPECT_EQ(r.code, 2);
  const Json out = one_document(r);
  ASSERT_TRUE(out.contains("errors")) << r.out;
  EXPECT_FALSE(out.contains("ranking"));
  bool effort = false, hint = false;
  for (const auto& e : out["errors"]) {
    ASSERT_TRUE(e.contains("path") && e.contains("message")) << e.dump();
    if (e["path"] == "/items/3/effort") effort = e["message"] == "must be greater than 0 (got 0)";
    if (e["path"] == "/items/3/confidence") hint = e["message"].get<std::string>().find("write 0.8") != std::string::npos;
  }
  EXPECT_TRUE(effort) << r.out;
  EXPECT_TRUE(hint) << r.out;
}

TEST_F(Cli, InvalidInputWithTablePrintsErrorsOnStderr) {
  const CliRun r = gapscore_cli(std::string("rank ") + kInvalid);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("error: /items/3/effort: must be greater than 0 (got 0)"), std::string::npos) << r.err;
}

TEST_F(Cli, NotJsonExitsTwo) {
  const CliRun r = gapscore_cli("rank - --format json", "{\"items\": [");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(one_document(r)["errors"][0]["message"].get<std::string>().find("not valid JSON at line 1"),
            std::string::npos);
}

TEST_F(Cli, MissingFileExitsTwo) {
  const CliRun r = gapscore_cli("rank tests/fixtures/no-such-file.json");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cannot read tests/fixtures/no-such-file.json"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(Cli, DirectoryIsNamedNotReadAsEmpty) {
  const CliRun r = gapscore_cli("rank tests/fixtures");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cannot read tests/fixtures: it is a directory"), std::string::npos) << r.err;
}

TEST_F(Cli, DiffReadsStandardInputOnlyOnce) {
  const CliRun r = gapscore_cli("diff - -");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("BEFORE and AFTER cannot both be -"), std::string::npos) << r.err;
}

// Found by a QA pass: arguments and the AFTER file go to the core inside the options JSON,
// and a byte that is not UTF-8 made printing it throw (SIGABRT, exit 134).
TEST_F(Cli, ArgumentsThatAreNotUtf8AreNamedNotACrash) {
  const std::string bad = temp_path("latin1.json");
  std::ofstream(bad, std::ios::binary) << "{\"format\":\"gapscore/1\",\"items\":[{\"id\":\"a\",\"title\":\"caf\xe9\","
                                          "\"reach\":1,\"impact\":1,\"confidence\":1,\"effort\":1}]}";
  CliRun r = gapscore_cli(std::string("diff ") + kRice + " '" + bad + "' --format json");
  EXPECT_EQ(r.code, 2) << r.err;
  const Json out = one_document(r);
  EXPECT_EQ(out["errors"][0]["path"], "after") << r.out;
  EXPECT_NE(out["errors"][0]["message"].get<std::string>().find("not valid UTF-8"), std::string::npos) << r.out;
  r = gapscore_cli(std::string("explain ") + kRice + " $(printf 'a\\377') --format json");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_EQ(one_document(r)["errors"][0]["path"], "item") << r.out;
  r = gapscore_cli(std::string("rank ") + kRice + " --model \"$(printf '\\377')\"");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("error: model: not valid UTF-8"), std::string::npos) << r.err;
  std::remove(bad.c_str());
}

TEST_F(Cli, UsageErrorsExitOne) {
  const std::string rice = kRice;
  const std::vector<std::string> usage_errors = {
      "rank " + rice + " --bogus", "rank", "explain " + rice, "diff " + rice, "rank " + rice + " --format xml",
      "rank " + rice + " --top 0", "rank " + rice + " --top lots", "frobnicate", ""};
  for (const std::string& args : usage_errors) {
    const CliRun r = gapscore_cli(args);
    EXPECT_EQ(r.code, 1) << "gapscore " << args << "\n" << r.out << r.err;
    EXPECT_FALSE(r.err.empty()) << "gapscore " << args << " says nothing";
  }
}

TEST_F(Cli, TopBelowOneSaysWhatItWants) {
  const CliRun r = gapscore_cli(std::string("rank ") + kRice + " --top 0");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("options/top: must be between 1 and"), std::string::npos) << r.err;
  EXPECT_LT(r.err.size(), 200u) << r.err;
  // With --format json, the same errors document as run_command and the wasm module print.
  const CliRun j = gapscore_cli(std::string("rank ") + kRice + " --top 0 --format json");
  EXPECT_EQ(j.code, 1);
  EXPECT_EQ(one_document(j)["errors"][0]["path"], "options/top");
}

// Found by a review: models.md promises the JSON errors document for every error with
// --format json, but a usage error CLI11 caught (a flag it does not know, a value it cannot
// convert, no FILE, a misspelt command) went to stderr as text with nothing on stdout.
TEST_F(Cli, UsageErrorsAreAnErrorsDocumentInJson) {
  const std::string rice = kRice;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"rank " + rice + " --top abc --format json", "invalid_option"},
      {"rank " + rice + " --format=json --bogus", "unknown_option"},
      {"rank --format json", "missing"},
      {"frobnicate " + rice + " --format json", "unknown_command"}};
  for (const auto& [args, code] : cases) {
    const std::string path = code == "unknown_command" ? "command" : "options"; // as run_command names them
    const CliRun r = gapscore_cli(args);
    EXPECT_EQ(r.code, 1) << args;
    const Json out = one_document(r);
    ASSERT_TRUE(out.contains("errors")) << args << "\n" << r.out;
    EXPECT_EQ(out["errors"][0]["code"], code) << args;
    EXPECT_EQ(out["errors"][0]["path"], path) << args;
    EXPECT_FALSE(out["errors"][0]["message"].get<std::string>().empty()) << args;
  }
  // Without --format json the same errors stay text on stderr.
  const CliRun text = gapscore_cli("rank " + rice + " --top abc");
  EXPECT_EQ(text.code, 1);
  EXPECT_TRUE(text.out.empty()) << text.out;
  EXPECT_NE(text.err.find("abc"), std::string::npos) << text.err;
}

// Found by a review: CLI11 read an empty value as 0 (--capacity '' planned for 0), inf and nan
// reached the core as JSON null ("(got null)"), and a seed past the largest integer was clamped.
TEST_F(Cli, NumberFlagsRefuseEmptyInfiniteAndTooLargeValues) {
  const std::string rice = kRice;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"plan " + rice + " --capacity '' --format json", "--capacity: must be a number (got nothing)"},
      {"plan " + rice + " --capacity inf --format json", "--capacity: must be a finite number (got inf)"},
      {"plan " + rice + " --capacity nan --format json", "--capacity: must be a finite number (got nan)"},
      {"simulate " + rice + " --seed '' --format json", "--seed: must be a number (got nothing)"},
      {"simulate " + rice + " --seed 18446744073709551615 --format json", "--seed: is too large (got 18446744073709551615)"}};
  for (const auto& [args, message] : cases) {
    const CliRun r = gapscore_cli(args);
    EXPECT_EQ(r.code, 1) << args;
    const Json out = one_document(r);
    ASSERT_TRUE(out.contains("errors")) << args;
    EXPECT_EQ(out["errors"][0]["message"], message) << args;
  }
  // A number still works.
  EXPECT_EQ(gapscore_cli("plan " + rice + " --capacity 2.5 --format json").code, 0);
}

TEST_F(Cli, UnreadableFileIsAnErrorsDocumentInJson) {
  const CliRun r = gapscore_cli("rank no-such-file.json --format json");
  EXPECT_EQ(r.code, 2);
  const Json out = one_document(r);
  EXPECT_EQ(out["errors"][0]["path"], "");
  EXPECT_NE(out["errors"][0]["message"].get<std::string>().find("no-such-file.json"), std::string::npos);
}

TEST_F(Cli, UnknownModelIsAUsageError) {
  const CliRun r = gapscore_cli(std::string("rank ") + kRice + " --model nope --format json");
  EXPECT_EQ(r.code, 1);
  const Json out = one_document(r);
  EXPECT_EQ(out["errors"][0]["path"], "options/model");
}

TEST_F(Cli, HelpAndVersionExitZero) {
  CliRun r = gapscore_cli("--help");
  EXPECT_EQ(r.code, 0);
  for (const char* sub : {"rank", "explain", "diff", "validate", "import-csv"})
    EXPECT_NE(r.out.find(sub), std::string::npos) << sub;
  r = gapscore_cli("--version");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("gapscore"), std::string::npos);
}
