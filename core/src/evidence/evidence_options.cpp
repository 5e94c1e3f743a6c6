// Options shared by the commands of the evidence loop, and the warning both give about
// measurements taken too soon after a release.
#include "evidence/evidence_options.hpp"

#include "document/sections.hpp"

namespace gapscore {

std::optional<EvidenceOptions> read_evidence_options(Request& r) {
  EvidenceOptions o;
  if (auto lag = r.integer("lag_days", 0, kMaxDays)) o.lag_days = *lag;
  if (auto items = r.number("prior_items", 0, 1e6)) o.prior.items = *items;
  if (auto ratio = r.number("prior_ratio", 0, 1)) o.prior.ratio = *ratio;
  if (r.usage_error) return std::nullopt;
  return o;
}

void warn_early_measurements(Request& r, const Scenario& s, const std::vector<RealizedLift>& rows) {
  const GapData& g = s.sections().gap;
  const EvidenceData& e = s.sections().evidence;
  for (const RealizedLift& l : rows) {
    if (!l.early) continue;
    const DayNumber after = e.measurements[*l.after].day;
    const std::int64_t days = after - e.released[l.item];
    const std::string when = days == 0 ? "on the release day" : std::to_string(days) + (days == 1 ? " day" : " days") + " after it";
    r.diag.warning(pointer(pointer("/items", l.item), "released"), code::unusual_value,
                   "the effect on \"" + g.outcomes[l.outcome].id + "\" is measured on " + format_day(after) + ", " + when +
                       ": a change live for so short a time may not show yet (give the outcome \"lag_days\", or the "
                       "option lag_days, to wait for it)");
  }
}

} // namespace gapscore
