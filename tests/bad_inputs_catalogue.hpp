#pragma once
// Reads the bad-input catalogue, tests/bad-inputs/*.json (tests/bad-inputs/README.md
// describes the format). Shared by the GoogleTest that runs the catalogue natively and
// through the CLI, and by the fuzz targets that use it as seeds; tests/node/
// bad-input-catalogue.test.mjs reads the same files the same way.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "gapscore/json.hpp"

namespace gapscore::catalogue {

struct BadInputCase {
  std::string name;     ///< file name without ".json"
  std::string command;
  std::string document; ///< the exact bytes run_command gets
  std::string options;  ///< the exact options text ("" = none)
  Json options_json;    ///< the options when given as a JSON object (null otherwise)
  Json expect;          ///< {"exit_code", "path", "message_contains", ...}
  Json cli;             ///< "cli" overrides, or null
};

inline std::string read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// "document_parts": [{"text": s} | {"repeat": s, "count": n, "separator": s}], where "{i}"
/// in a repeated text becomes the repetition's index (0, 1, ...). For documents too large
/// to keep in the repository: 200 001 items, 65 levels of nesting, 64 MiB of text.
inline std::string expand_parts(const Json& parts) {
  std::string out;
  for (const Json& part : parts) {
    if (part.contains("text")) {
      out += part["text"].get<std::string>();
      continue;
    }
    const std::string unit = part.at("repeat").get<std::string>();
    const std::string sep = part.value("separator", std::string());
    const long long count = part.at("count").get<long long>();
    const std::size_t marker = unit.find("{i}");
    for (long long i = 0; i < count; ++i) {
      if (i && !sep.empty()) out += sep;
      if (marker == std::string::npos) {
        out += unit;
      } else {
        out.append(unit, 0, marker);
        out += std::to_string(i);
        out.append(unit, marker + 3, std::string::npos);
      }
    }
  }
  return out;
}

inline BadInputCase read_case(const std::filesystem::path& file) {
  const Json j = Json::parse(read_bytes(file));
  BadInputCase c;
  c.name = file.stem().string();
  c.command = j.at("command").get<std::string>();
  if (j.contains("document_file")) {
    c.document = read_bytes(file.parent_path() / j["document_file"].get<std::string>());
  } else if (j.contains("document_parts")) {
    c.document = expand_parts(j["document_parts"]);
  } else if (j.contains("document")) {
    const Json& d = j["document"];
    c.document = d.is_string() ? d.get<std::string>() : d.dump(2);
  }
  if (j.contains("options")) {
    const Json& o = j["options"];
    if (o.is_string()) {
      c.options = o.get<std::string>();
    } else {
      c.options = o.dump();
      if (o.is_object()) c.options_json = o;
    }
  }
  c.expect = j.at("expect");
  if (j.contains("cli")) c.cli = j["cli"];
  return c;
}

/// Every case, in file-name order.
inline std::vector<BadInputCase> read_cases(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<BadInputCase> out;
  for (const auto& f : files) out.push_back(read_case(f));
  return out;
}

} // namespace gapscore::catalogue
