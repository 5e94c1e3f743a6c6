// Golden outputs: every command in every format on every example document, run through
// run_command and compared byte for byte with tests/golden/**.txt. The files were written by
// this test in update mode from the code as it stood before the architecture change (issue
// 16), so a refactor that changes any output, warning or exit code fails here. The node test
// tests/node/golden.test.mjs compares the WebAssembly module with the same files.
//
// Update (only when an output is meant to change, and say why in the commit):
//   GAPSCORE_UPDATE_GOLDEN=1 build/native/tests/gapscore_tests --gtest_filter='*Golden*'
// New cases: tests/golden/make-cases.mjs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "golden_cases.hpp"
#include "test_support.hpp"

namespace gapscore::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> golden_files() {
  std::vector<std::string> out;
  const fs::path dir = source_path("tests/golden");
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".txt")
      out.push_back(fs::relative(e.path(), source_path("")).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

GoldenResult run_case(const GoldenCase& c) {
  Json options = c.options;
  if (!c.after_file.empty()) options["after"] = read_file(c.after_file);
  const CommandResult r = run_command(c.command, read_file(c.document), options.dump());
  return {r.exit_code, r.output, r.messages};
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, OutputsUnchanged) {
  const std::string file = GetParam();
  std::vector<GoldenCase> cases = parse_golden(read_file(file));
  ASSERT_FALSE(cases.empty()) << file << " lists no case";
  if (std::getenv("GAPSCORE_UPDATE_GOLDEN")) {
    for (auto& c : cases) c.expected = run_case(c);
    std::ofstream(source_path(file), std::ios::binary) << write_golden(cases);
    return;
  }
  for (const auto& c : cases) {
    ASSERT_TRUE(c.expected) << file << ": no output recorded for " << c.header
                            << " (run this test with GAPSCORE_UPDATE_GOLDEN=1)";
    const GoldenResult got = run_case(c);
    EXPECT_EQ(got.exit_code, c.expected->exit_code) << file << ": " << c.header;
    EXPECT_EQ(got.output, c.expected->output) << file << ": " << c.header << "\n"
                                              << first_difference(c.expected->output, got.output);
    EXPECT_EQ(got.messages, c.expected->messages) << file << ": " << c.header;
  }
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.substr(std::string("tests/golden/").size());
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Every, Golden, ::testing::ValuesIn(golden_files()), test_name);

TEST(GoldenFormat, ReadsWhatItWrites) {
  // Outputs may hold lines that look like headers; the byte counts keep them apart.
  std::vector<GoldenCase> cases(2);
  cases[0].header = R"({"command":"rank","document":"a.json"})";
  cases[0].expected = GoldenResult{0, "=== {\"command\":\"x\"}\n--- output 3\nabc", ""};
  cases[1].header = R"({"command":"gaps","document":"b.json"})";
  cases[1].expected = GoldenResult{2, "", "error: x\n"};
  const auto back = parse_golden(write_golden(cases));
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].expected->output, cases[0].expected->output);
  EXPECT_EQ(back[1].expected->exit_code, 2);
  EXPECT_EQ(back[1].expected->messages, "error: x\n");
  EXPECT_EQ(back[1].command, "gaps");
}

} // namespace
} // namespace gapscore::test
