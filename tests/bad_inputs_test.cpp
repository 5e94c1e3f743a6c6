// The bad-input catalogue (tests/bad-inputs/, README there), run three ways: through
// run_command, through the CLI binary, and through the Engine the widget uses. Every case
// must give its expected exit code and an error at the expected path whose message holds
// the expected fragment; nothing may crash, hang or leave the Engine unusable.
// tests/node/bad-input-catalogue.test.mjs runs the same catalogue against the WebAssembly
// module.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "bad_inputs_catalogue.hpp"
#include "gapscore/command.hpp"
#include "gapscore/engine.hpp"
#include "test_support.hpp"

namespace gapscore {
namespace {

using catalogue::BadInputCase;

const std::filesystem::path kCatalogue = std::filesystem::path(GAPSCORE_SOURCE_DIR) / "tests" / "bad-inputs";

std::vector<std::string> fragments(const Json& expect) {
  std::vector<std::string> out;
  if (!expect.contains("message_contains")) return out;
  const Json& m = expect["message_contains"];
  if (m.is_string()) out.push_back(m.get<std::string>());
  else for (const Json& s : m) out.push_back(s.get<std::string>());
  return out;
}

/// Checks one result against the case's expectation; `how` names the interface in failures.
void check_output(const BadInputCase& c, int exit_code, const std::string& output, const std::string& how) {
  SCOPED_TRACE(c.name + " via " + how);
  const Json& e = c.expect;
  EXPECT_EQ(exit_code, e.at("exit_code").get<int>()) << output;
  const Json out = Json::parse(output, nullptr, false);
  ASSERT_FALSE(out.is_discarded()) << "output is not JSON:\n" << output.substr(0, 2000);
  if (e.contains("path")) {
    ASSERT_TRUE(out.contains("errors")) << output.substr(0, 2000);
    const std::string path = e["path"].get<std::string>();
    const auto wanted = fragments(e);
    // The code (docs/format.md, "Problem codes") is what programs act on: it must be there.
    const std::string code = e.contains("code") ? e["code"].get<std::string>() : "";
    bool found = false;
    for (const Json& err : out["errors"]) {
      if (err.at("path") != path) continue;
      const std::string msg = err.at("message").get<std::string>();
      bool all = code.empty() || (err.contains("code") && err["code"] == code);
      for (const auto& f : wanted) all = all && msg.find(f) != std::string::npos;
      found = found || all;
    }
    EXPECT_TRUE(found) << "no error at " << path << (code.empty() ? "" : " with code " + code)
                       << " containing the expected text in\n" << output.substr(0, 3000);
  }
  for (const char* key : {"output_contains", "output_not_contains"}) {
    if (!e.contains(key)) continue;
    for (const Json& s : e[key].is_array() ? e[key] : Json::array({e[key]})) {
      const bool has = output.find(s.get<std::string>()) != std::string::npos;
      EXPECT_EQ(has, std::string(key) == "output_contains") << key << " " << s << " in\n" << output.substr(0, 3000);
    }
  }
}

class BadInputs : public ::testing::Test {
protected:
  static void SetUpTestSuite() { cases_ = new std::vector<BadInputCase>(catalogue::read_cases(kCatalogue)); }
  static void TearDownTestSuite() {
    delete cases_;
    cases_ = nullptr;
  }
  static std::vector<BadInputCase>* cases_;
};
std::vector<BadInputCase>* BadInputs::cases_ = nullptr;

TEST_F(BadInputs, CatalogueIsNotEmptyAndCoversEveryInterfaceClass) {
  ASSERT_GE(cases_->size(), 40u);
  bool csv = false, options = false, document = false;
  for (const auto& c : *cases_) {
    csv |= c.command == "import-csv";
    options |= c.expect.at("exit_code") == 1;
    document |= c.expect.at("exit_code") == 2;
  }
  EXPECT_TRUE(csv && options && document);
}

TEST_F(BadInputs, RunCommandGivesTheExpectedErrorQuickly) {
  const std::string good = test::document_text("intercom_rice.json");
  for (const auto& c : *cases_) {
    const auto start = std::chrono::steady_clock::now();
    const CommandResult res = run_command(c.command, c.document, c.options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    check_output(c, res.exit_code, res.output, "run_command");
    // Over-limit inputs are refused up front, never after minutes of work.
    EXPECT_LT(seconds, c.expect.value("max_seconds", 10.0)) << c.name;
    // Nothing is remembered between calls: a good document still ranks.
    EXPECT_EQ(run_command("rank", good, "").exit_code, kOk) << "after " << c.name;
  }
}

TEST_F(BadInputs, EngineKeepsItsLastGoodStateAfterEachBadDocument) {
  const std::string good = test::document_text("intercom_rice.json");
  for (const auto& c : *cases_) {
    if (c.command == "import-csv") continue; // the Engine reads JSON documents only
    SCOPED_TRACE(c.name);
    Engine engine;
    ASSERT_TRUE(engine.load(good));
    ASSERT_TRUE(engine.rank());
    const std::size_t items = engine.size();
    const std::string saved = engine.document_json();
    if (!engine.load(c.document)) {
      EXPECT_FALSE(engine.last_errors().empty());
      EXPECT_EQ(engine.size(), items);
      EXPECT_EQ(engine.document_json(), saved);
      EXPECT_TRUE(engine.rank());
    } else if (engine.rank()) {
      for (std::size_t i = 0; i < engine.size(); ++i) EXPECT_TRUE(std::isfinite(engine.score_data()[i]));
    } else {
      EXPECT_FALSE(engine.last_errors().empty());
    }
    ASSERT_TRUE(engine.load(good));
    EXPECT_TRUE(engine.rank());
  }
}

// ---- the CLI ------------------------------------------------------------------------------

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char ch : s) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

void write_bytes(const std::filesystem::path& p, const std::string& bytes) {
  std::FILE* f = std::fopen(p.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  if (!bytes.empty()) {
    ASSERT_EQ(std::fwrite(bytes.data(), 1, bytes.size(), f), bytes.size());
  }
  std::fclose(f);
}

/// The CLI arguments for a case's options, or nothing when an option has no flag (the case
/// then only runs through run_command and the WebAssembly module).
std::optional<std::string> cli_arguments(const BadInputCase& c, const std::filesystem::path& dir) {
  std::string args = " --format json";
  if (c.options.empty()) return args;
  if (!c.options_json.is_object()) return std::nullopt;
  std::string positional;
  for (const auto& [key, value] : c.options_json.items()) {
    const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    if (key == "model" || key == "top" || key == "runs" || key == "seed" || key == "capacity" ||
        key == "reference" || key == "weights") {
      args += " --" + key + " " + quoted(text);
    } else if (key == "item" || key == "a" || key == "b") {
      positional += " " + quoted(text); // explain ITEM_ID, compare A B: in document order
    } else if (key == "after") {
      write_bytes(dir / "after.json", text);
      positional += " " + quoted((dir / "after.json").string());
    } else {
      return std::nullopt; // format is set above; anything else has no flag
    }
  }
  return positional + args;
}

TEST_F(BadInputs, CliGivesTheSameExitCodeAndError) {
  if (!test::cli_built()) GTEST_SKIP() << "the CLI is not built (GAPSCORE_BUILD_CLI=OFF)";
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("gapscore-bad-inputs-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::size_t ran = 0;
  for (const auto& c : *cases_) {
    if (c.cli.is_object() && c.cli.value("skip", false)) continue;
    const auto args = cli_arguments(c, dir);
    if (!args) continue;
    write_bytes(dir / "document", c.document);
    const std::string line = quoted(GAPSCORE_CLI) + " " + quoted(c.command) + " " + quoted((dir / "document").string()) +
                             *args + " > " + quoted((dir / "out").string()) + " 2> " +
                             quoted((dir / "err").string());
    const int status = std::system(line.c_str());
    ASSERT_TRUE(WIFEXITED(status)) << c.name << " did not exit normally";
    const int code = WEXITSTATUS(status);
    const std::string out = catalogue::read_bytes(dir / "out");
    ++ran;
    if (c.cli.is_object() && c.cli.contains("exit_code")) {
      // The CLI's own argument parser answers first (CLI11: a value it cannot convert): its
      // exit code, and an errors document at "options" rather than at the option's own path.
      SCOPED_TRACE(c.name + " via the CLI");
      EXPECT_EQ(code, c.cli["exit_code"].get<int>()) << out;
      EXPECT_NE(out.find("\"errors\""), std::string::npos) << out;
      continue;
    }
    check_output(c, code, out, "the CLI");
  }
  std::filesystem::remove_all(dir);
  EXPECT_GE(ran, cases_->size() * 2 / 3) << "most cases must also run through the CLI";
}

} // namespace
} // namespace gapscore
