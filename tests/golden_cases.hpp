#pragma once
// The golden files' format (tests/golden/**.txt), read and written here:
//
//   === {"command": "rank", "document": "demo/x.json", "options": {...}, "after_file": "..."}
//   exit 0
//   --- output 1234
//   <exactly 1234 bytes>
//   --- messages 0
//   <exactly 0 bytes>
//
// A header with nothing under it is a case whose outputs are not recorded yet. Byte counts,
// not markers, delimit the outputs: an output may contain any line.
#include <optional>
#include <string>
#include <vector>

#include "gapscore/json.hpp"

namespace gapscore::test {

struct GoldenResult {
  int exit_code = 0;
  std::string output, messages;
};

struct GoldenCase {
  std::string header; ///< the JSON text after "=== "
  std::string command, document, after_file;
  Json options = Json::object();
  std::optional<GoldenResult> expected;
};

inline std::vector<GoldenCase> parse_golden(const std::string& text) {
  std::vector<GoldenCase> out;
  std::size_t at = 0;
  auto line = [&]() {
    const std::size_t end = text.find('\n', at);
    std::string l = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
    at = end == std::string::npos ? text.size() : end + 1;
    return l;
  };
  auto block = [&](const std::string& label) {
    const std::string l = line();
    if (l.rfind(label, 0) != 0) throw std::runtime_error("golden file: expected \"" + label + "\", got \"" + l + "\"");
    const std::size_t n = std::stoul(l.substr(label.size()));
    std::string bytes = text.substr(at, n);
    at += n + 1; // the newline after the block
    return bytes;
  };
  while (at < text.size()) {
    const std::string l = line();
    if (l.empty()) continue;
    if (l.rfind("=== ", 0) != 0) throw std::runtime_error("golden file: expected a case header, got \"" + l + "\"");
    GoldenCase c;
    c.header = l.substr(4);
    const Json h = Json::parse(c.header);
    c.command = h.at("command").get<std::string>();
    c.document = h.at("document").get<std::string>();
    if (h.contains("options")) c.options = h["options"];
    if (h.contains("after_file")) c.after_file = h["after_file"].get<std::string>();
    if (text.compare(at, 5, "exit ") == 0) {
      GoldenResult r;
      r.exit_code = std::stoi(line().substr(5));
      r.output = block("--- output ");
      r.messages = block("--- messages ");
      c.expected = std::move(r);
    }
    out.push_back(std::move(c));
  }
  return out;
}

inline std::string write_golden(const std::vector<GoldenCase>& cases) {
  std::string out;
  for (const auto& c : cases) {
    out += "=== " + c.header + "\n";
    if (!c.expected) continue;
    const GoldenResult& r = *c.expected;
    out += "exit " + std::to_string(r.exit_code) + "\n";
    out += "--- output " + std::to_string(r.output.size()) + "\n" + r.output + "\n";
    out += "--- messages " + std::to_string(r.messages.size()) + "\n" + r.messages + "\n";
  }
  return out;
}

/// "line 12: expected ... / got ..." for the first line where two texts differ.
inline std::string first_difference(const std::string& expected, const std::string& got) {
  std::size_t at = 0, number = 1;
  while (at < expected.size() && at < got.size()) {
    const std::size_t e = expected.find('\n', at), g = got.find('\n', at);
    const std::string le = expected.substr(at, e - at), lg = got.substr(at, g - at);
    if (le != lg) return "line " + std::to_string(number) + ":\n  expected: " + le + "\n  got:      " + lg;
    if (e == std::string::npos || g == std::string::npos) break;
    at = e + 1;
    ++number;
  }
  return "the texts differ in length (" + std::to_string(expected.size()) + " vs " + std::to_string(got.size()) + " bytes)";
}

} // namespace gapscore::test
