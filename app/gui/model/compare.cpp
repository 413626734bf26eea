#include "app/gui/model/compare.hpp"

#include <fmt/core.h>

#include "core/scenario/keys.hpp"
#include "core/scenario/scenario_json.hpp"

namespace poolscope::gui {

namespace {
// The lessons' pairs: unbounded against a pool (lesson 3), a rendezvous channel against
// a deep buffer (lesson 2), a forgotten close against a closed channel (lesson 4), an
// unbuffered results channel against a collector goroutine (lesson 5).
const std::vector<CompareVariant> kVariants = {
    {"a pool of 20 workers", {"pool.mode=pool", "pool.workers=20"}},
    {"one goroutine per job", {"pool.mode=unbounded"}},
    {"unbuffered jobs", {"pool.jobs_buffer=0"}},
    {"jobs buffered 100", {"pool.jobs_buffer=100"}},
    {"with close(jobs)", {"pool.close_jobs=true"}},
    {"results read by their own goroutine", {"pool.collect=producer_goroutine"}},
    {"same settings", {}},
};
}  // namespace

std::span<const CompareVariant> compare_variants() { return kVariants; }

const CompareVariant& suggested_variant(const scenario::Scenario& left) {
  const nlohmann::json mode = scenario::find_key("pool.mode")->get(left);
  if (mode == "unbounded") return kVariants[0];
  if (mode == "pool" && scenario::find_key("pool.close_jobs")->get(left) == false) {
    return kVariants[4];
  }
  if (mode == "pool" && scenario::find_key("pool.jobs_buffer")->get(left) != 0) {
    return kVariants[2];
  }
  return kVariants[1];
}

scenario::Result<scenario::Scenario> apply_variant(const scenario::Scenario& left,
                                                   std::span<const std::string> sets) {
  scenario::Scenario right = left;
  if (auto status = scenario::apply_overrides(right, sets); !status) {
    return status.errors();
  }
  return right;
}

std::string describe_difference(const scenario::Scenario& base, const scenario::Scenario& s) {
  std::string out;
  for (const scenario::KeySpec& key : scenario::keys()) {
    const nlohmann::json a = key.get(base), b = key.get(s);
    if (a == b) continue;
    if (!out.empty()) out += ", ";
    if (key.multiline) {
      out += fmt::format("{} edited", key.path);
      continue;
    }
    out += fmt::format("{} {}", key.path, b.is_string() ? b.get<std::string>() : b.dump());
  }
  return out.empty() ? "same settings" : out;
}

void share_clock(const Session& lead, Session& other, trace::Time lead_before) {
  other.playing = lead.playing;
  other.speed = lead.speed;
  const trace::Time now = lead.now();
  if (now < lead_before && now == 0) {
    other.reset();
  } else if (now < lead_before) {
    // Stepped back: the other run goes back to the same moment (simulated again).
    if (other.now() > now) {
      other.view_at(now);
      other.resume_from_view();
    }
  } else if (now > lead_before && other.now() < now) {
    other.advance_to_seconds(static_cast<double>(now) / 1e9);
  }
  if (lead.scrubbing()) {
    if (!other.scrubbing() || other.view_time() != lead.view_time())
      other.view_at(lead.view_time());
  } else if (other.scrubbing()) {
    other.live();
  }
}

}  // namespace poolscope::gui
