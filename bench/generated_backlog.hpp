#pragma once
// The benchmark backlog, built in memory: byte for byte the document that
// `node scripts/generate-backlog.mjs N --seed S` prints, so the native benchmarks and the
// whole-process timings in bench/run.sh measure the same data. Same generator (splitmix64),
// same lists, same draws in the same order as the script; change both together. The draws
// are the core's splitmix64 (draws.hpp).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "draws.hpp"
#include "gapscore/json.hpp"

namespace gapscore::bench {

inline constexpr std::uint64_t kDefaultSeed = 20240611;

/// JSON.stringify writes 2 for the number 2.0; nlohmann writes 2.0 for a double. Whole
/// numbers are stored as integers so the two texts agree.
inline Json number(double x) {
  if (std::floor(x) == x && std::fabs(x) < 9007199254740992.0) return Json(static_cast<std::int64_t>(x));
  return Json(x);
}

inline std::string padded_id(std::size_t k, std::size_t width) {
  std::string digits = std::to_string(k);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return "item-" + digits;
}

/// The document text for `count` items (see scripts/generate-backlog.mjs for what it holds).
inline std::string generated_backlog(std::size_t count, std::uint64_t seed = kDefaultSeed) {
  static const double kImpact[] = {3, 2, 1, 0.5, 0.25};
  static const double kConfidence[] = {1, 0.8, 0.5};
  static const double kEffort[] = {0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12};
  static const double kFibonacci[] = {1, 2, 3, 5, 8, 13, 20};
  static const char* const kMoscow[] = {"must", "should", "could", "wont"};
  static const char* const kVerbs[] = {"Improve", "Add", "Redesign", "Automate", "Speed up", "Simplify",
                                       "Localize", "Secure"};
  static const char* const kNouns[] = {"medication reminders", "lab results", "appointment booking",
                                       "symptom checker", "sign-in", "onboarding", "notifications",
                                       "video visits", "records export", "wearable sync", "care plans",
                                       "insurance card", "pharmacy refills", "mood check-ins",
                                       "family access", "search"};
  static const char* const kAudiences[] = {"for caregivers", "for new users", "for clinicians", "on Android",
                                           "on iOS", "on the web", "for Spanish speakers", "for older adults"};
  static const char* const kTags[] = {"records", "clinical", "engagement", "platform", "compliance", "mobile",
                                      "growth", "ui"};
  constexpr std::size_t kEffortCount = sizeof kEffort / sizeof kEffort[0];

  SplitMix64 rng{seed};
  const std::size_t width = std::max<std::size_t>(6, std::to_string(count).size());
  auto criterion = [](const char* id, const char* name, int weight, const char* direction, int max) {
    return Json{{"id", id}, {"name", name}, {"weight", weight}, {"direction", direction},
                {"scale", {{"min", 0}, {"max", max}}}};
  };
  Json head = {{"format", "gapscore/1"},
               {"title", "Generated backlog: " + std::to_string(count) +
                             " items (scripts/generate-backlog.mjs, seed " + std::to_string(seed) + ")"},
               {"model", "rice"},
               {"normalization", "minmax"},
               {"criteria", Json::array({criterion("user_value", "User value", 5, "benefit", 10),
                                         criterion("strategic_fit", "Strategic fit", 3, "benefit", 10),
                                         criterion("compliance", "Compliance and safety", 2, "benefit", 10),
                                         criterion("risk", "Delivery and clinical risk", 1, "cost", 10),
                                         criterion("effort", "Effort (person-months)", 3, "cost", 12)})}};
  std::string text = head.dump();
  text.pop_back(); // the closing brace: items follow
  text += ",\"items\":[\n";
  text.reserve(text.size() + count * 400);

  for (std::size_t i = 0; i < count; ++i) {
    Json item = Json::object();
    item["id"] = padded_id(i + 1, width);
    std::string title = rng.pick(kVerbs);
    title += std::string(" ") + rng.pick(kNouns);
    title += std::string(" ") + rng.pick(kAudiences);
    item["title"] = title;
    Json tags = Json::array({kTags[rng.below(8)]});
    if (rng.below(2) == 0) {
      const char* second = kTags[rng.below(8)];
      if (tags[0] != second) tags.push_back(second);
    }
    item["tags"] = tags;
    item["moscow"] = rng.pick(kMoscow);
    if (i > 0 && rng.below(10) == 0) {
      const std::size_t back = 1 + rng.below(std::min<std::size_t>(i, 50));
      item["depends_on"] = Json::array({padded_id(i + 1 - back, width)});
    }
    const std::size_t effort_index = rng.below(kEffortCount);
    const double effort = kEffort[effort_index];
    item["reach"] = 50 + rng.below(999951);
    item["impact"] = number(rng.pick(kImpact));
    item["confidence"] = number(rng.pick(kConfidence));
    if (rng.below(100) == 0) {
      item["effort"] = {{"low", number(kEffort[effort_index == 0 ? 0 : effort_index - 1])},
                        {"likely", number(effort)},
                        {"high", number(kEffort[std::min(effort_index + 1, kEffortCount - 1)])}};
    } else {
      item["effort"] = number(effort);
    }
    item["business_value"] = number(rng.pick(kFibonacci));
    item["time_criticality"] = number(rng.pick(kFibonacci));
    item["risk_reduction"] = number(rng.pick(kFibonacci));
    item["job_size"] = number(rng.pick(kFibonacci));
    item["ice_impact"] = 1 + rng.below(10);
    item["ice_confidence"] = 1 + rng.below(10);
    item["ease"] = 1 + rng.below(10);
    item["value"] = 1 + rng.below(10);
    Json scores = Json::object();
    scores["user_value"] = rng.below(11);
    scores["strategic_fit"] = rng.below(11);
    scores["compliance"] = rng.below(11);
    scores["risk"] = rng.below(11);
    scores["effort"] = number(effort);
    item["scores"] = std::move(scores);
    text += item.dump();
    text += i + 1 < count ? ",\n" : "\n";
  }
  text += "]}\n";
  return text;
}

} // namespace gapscore::bench
