#include "app/gui/model/compare.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <string_view>

#include "app/gui/model/code_document.hpp"
#include "core/golang/check.hpp"
#include "core/pool/pool_run.hpp"
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
const std::vector<CompareVariant> kProgramVariants = {{"the program in the editor", {}}};

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const std::size_t nl = std::min(text.find('\n'), text.size());
    out.push_back(text.substr(0, nl));
    text.remove_prefix(std::min(nl + 1, text.size()));
  }
  return out;
}

std::string describe_programs(const std::string& a, const std::string& b) {
  if (a == b) return "the same program";
  std::string out;
  std::vector<std::pair<std::string, std::string>> changed;  // B's values of A's constants
  for (const ChangedConstant& c : changed_constants(a, b)) {
    out += fmt::format("{}{} {} (A: {})", out.empty() ? "" : ", ", c.name, c.value, c.was);
    changed.emplace_back(c.name, c.value);
  }
  // The lines edited besides, between the first and the last that differ (B's numbers).
  const std::string a_with_b_constants = golang::override_constants(a, changed);
  const std::vector<std::string_view> la = lines_of(a_with_b_constants), lb = lines_of(b);
  if (la == lb) return out.empty() ? "the same program" : out;
  std::size_t first = 0;
  while (first < la.size() && first < lb.size() && la[first] == lb[first]) ++first;
  std::size_t tail = 0;
  while (tail < la.size() - first && tail < lb.size() - first &&
         la[la.size() - 1 - tail] == lb[lb.size() - 1 - tail]) {
    ++tail;
  }
  const std::size_t from = first + 1, to = lb.size() - tail;
  const std::string lines = to < from    ? fmt::format("lines removed after line {}", first)
                            : to == from ? fmt::format("line {} edited", from)
                                         : fmt::format("lines {}-{} edited", from, to);
  return out.empty() ? lines : out + "; " + lines;
}
}  // namespace

std::vector<ChangedConstant> changed_constants(const std::string& a, const std::string& b) {
  const std::vector<golang::ConstInfo> ca = constants(a), cb = constants(b);
  std::vector<ChangedConstant> out;
  for (const golang::ConstInfo& c : cb) {
    const auto was =
        std::find_if(ca.begin(), ca.end(), [&](const auto& x) { return x.name == c.name; });
    if (was != ca.end() && was->value != c.value) out.push_back({c.name, c.value, was->value});
  }
  return out;
}

std::span<const CompareVariant> compare_variants(const scenario::Scenario& left) {
  if (!left.source.empty()) return kProgramVariants;
  return kVariants;
}

const CompareVariant& suggested_variant(const scenario::Scenario& left) {
  if (!left.source.empty()) return kProgramVariants[0];
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
  return pool::apply_sets(left, sets);
}

std::string describe_difference(const scenario::Scenario& base, const scenario::Scenario& s) {
  if (!base.source.empty() || !s.source.empty()) {
    // Called each frame for the pane's title: the last answer is kept.
    thread_local std::pair<std::string, std::string> last_pair;
    thread_local std::string last;
    if (last_pair.first != base.source || last_pair.second != s.source || last.empty()) {
      last_pair = {base.source, s.source};
      last = describe_programs(base.source, s.source);
    }
    return last;
  }
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
