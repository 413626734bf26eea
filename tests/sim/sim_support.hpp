#pragma once
// Helpers shared by the simulator's test files: a runtime wired to an event recorder.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/sim/runtime.hpp"
#include "core/trace/sink.hpp"
#include "core/trace/snapshot.hpp"

namespace poolscope::test {

using namespace poolscope::sim;  // NOLINT: test brevity
using trace::Event;
using trace::EventKind;

// A Runtime whose every event is kept, plus a few questions about them.
struct Sim {
  explicit Sim(Config config = {}) : rt(config, &events) {}

  [[nodiscard]] std::vector<Event> of_kind(EventKind k) const {
    std::vector<Event> out;
    for (const Event& e : events.events) {
      if (e.kind == k) out.push_back(e);
    }
    return out;
  }
  [[nodiscard]] std::size_t count(EventKind k) const { return of_kind(k).size(); }
  [[nodiscard]] trace::Snapshot folded() const {
    trace::Snapshot s;
    for (const Event& e : events.events) trace::fold(s, e);
    return s;
  }
  // The states goroutine g went through, in order.
  [[nodiscard]] std::vector<GoState> states_of(GoroutineId g) const {
    std::vector<GoState> out;
    for (const Event& e : events.events) {
      if (e.kind == EventKind::State && e.goroutine == g) out.push_back(trace::state_of(e));
    }
    return out;
  }
  [[nodiscard]] bool went_through(GoroutineId g, GoState s) const {
    const auto v = states_of(g);
    return std::find(v.begin(), v.end(), s) != v.end();
  }

  trace::VectorSink events;  // declared first: the runtime emits into it at once
  Runtime rt;
};

}  // namespace poolscope::test
