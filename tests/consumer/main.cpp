// Ranks Intercom's RICE example through the installed library; exits 0 when project 3 wins.
#include <iostream>

#include <gapscore/command.hpp>
#include <gapscore/json.hpp>

int main() {
  const char* doc = R"({"format": "gapscore/1", "items": [
    {"id": "project-1", "reach": 450, "impact": 3, "confidence": 1.0, "effort": 2},
    {"id": "project-2", "reach": 2000, "impact": 1, "confidence": 0.8, "effort": 4},
    {"id": "project-3", "reach": 800, "impact": 2, "confidence": 0.5, "effort": 1}]})";
  const auto result = gapscore::run_command("rank", doc, R"({"model": "rice"})");
  const auto json = gapscore::Json::parse(result.output);
  const bool ok = result.exit_code == 0 && json["ranking"][0]["id"] == "project-3" &&
                  json["ranking"][0]["score"] == 800.0;
  std::cout << (ok ? "consumer: find_package(gapscore) works\n" : "consumer: unexpected result\n");
  return ok ? 0 : 1;
}
