#pragma once
// Helpers for the pool tests: presets with overrides, runs, and event inspection.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/pool/pool_run.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"
#include "core/trace/event.hpp"
#include "core/trace/sink.hpp"

namespace pool_test {

// A preset with `--set`-style overrides ("pool.workers=4") applied and validated.
inline poolscope::scenario::Scenario preset(std::string_view id,
                                            const std::vector<std::string>& sets = {}) {
  auto found = poolscope::scenario::find_preset(id);
  REQUIRE_MESSAGE(found.ok(), found.message());
  poolscope::scenario::Scenario s = found.value();
  const auto status = poolscope::scenario::apply_overrides(s, sets);
  REQUIRE_MESSAGE(status.ok(), status.message());
  return s;
}

// Runs a scenario to its end, keeping every event.
struct Recorded {
  poolscope::pool::Summary summary;
  std::vector<poolscope::trace::Event> events;
};

inline Recorded record(const poolscope::scenario::Scenario& s) {
  poolscope::trace::VectorSink sink;
  Recorded r;
  r.summary = poolscope::pool::run_to_end(s, {.sink = &sink});
  r.events = std::move(sink.events);
  return r;
}

// The most goroutines in the given state at one instant, folded from State events.
inline int max_in_state(const std::vector<poolscope::trace::Event>& events,
                        poolscope::trace::GoState state) {
  std::vector<poolscope::trace::GoState> states;
  int now = 0;
  int most = 0;
  for (const auto& e : events) {
    if (e.kind != poolscope::trace::EventKind::State) continue;
    if (e.goroutine > states.size())
      states.resize(e.goroutine, poolscope::trace::GoState::Runnable);
    auto& s = states[e.goroutine - 1];
    if (s == state) --now;
    s = poolscope::trace::state_of(e);
    if (s == state) ++now;
    most = std::max(most, now);
  }
  return most;
}

}  // namespace pool_test
