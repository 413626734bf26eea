// The CPU model: P processors (GOMAXPROCS) for CPU-bound work, none for I/O waits.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

Go crunch(Runtime& rt, Time d, Time* done) {
  co_await rt.cpu(d, 8);
  *done = rt.now();
}

Go wait_io(Runtime& rt, Time d, Time* done) {
  co_await rt.io(d, 13);
  *done = rt.now();
}

// The largest number of goroutines Working at once, from the events.
int max_working(const Sim& s) {
  int working = 0, most = 0;
  std::vector<GoState> state(s.rt.goroutine_count() + 1, GoState::Runnable);
  for (const Event& e : s.events.events) {
    if (e.kind != EventKind::State) continue;
    const GoState next = trace::state_of(e);
    if (state[e.goroutine] == GoState::Working) --working;
    if (next == GoState::Working) ++working;
    state[e.goroutine] = next;
    most = std::max(most, working);
  }
  return most;
}

TEST_CASE("CPU: work never runs on more than P processors at once") {
  for (int procs : {1, 2, 3, 8}) {
    Config config;
    config.procs = procs;
    Sim s(config);
    std::vector<Time> done(10, -1);
    for (int i = 0; i < 10; ++i) s.rt.spawn("cruncher", i, crunch(s.rt, kMillisecond, &done[i]));
    s.rt.run();
    CHECK(max_working(s) == std::min(procs, 10));
    // Ten 1 ms jobs on P processors take ceil(10 / P) ms.
    CHECK(*std::max_element(done.begin(), done.end()) == (10 + procs - 1) / procs * kMillisecond);
    CHECK(s.rt.busy_procs() == 0);
  }
}

TEST_CASE("CPU: goroutines waiting for a processor get one in FIFO order") {
  Config config;
  config.procs = 1;
  Sim s(config);
  std::vector<Time> done(4, -1);
  for (int i = 0; i < 4; ++i)
    s.rt.spawn("cruncher", i, crunch(s.rt, (4 - i) * kMillisecond, &done[i]));
  s.rt.run_until(0);
  CHECK(s.rt.state_of(1) == GoState::Working);
  for (GoroutineId g = 2; g <= 4; ++g) CHECK(s.rt.state_of(g) == GoState::WaitingCpu);
  CHECK(s.rt.snapshot().cpu_queue == std::vector<GoroutineId>{2, 3, 4});
  s.rt.run();
  // Durations 4, 3, 2, 1 ms served in arrival order, not shortest first.
  CHECK(done ==
        std::vector<Time>{4 * kMillisecond, 7 * kMillisecond, 9 * kMillisecond, 10 * kMillisecond});
}

TEST_CASE("CPU: I/O-bound work holds no processor") {
  Config config;
  config.procs = 1;
  Sim s(config);
  std::vector<Time> done(10, -1);
  for (int i = 0; i < 10; ++i) s.rt.spawn("waiter", i, wait_io(s.rt, 5 * kMillisecond, &done[i]));
  Time crunched = -1;
  s.rt.spawn("cruncher", crunch(s.rt, 5 * kMillisecond, &crunched));
  s.rt.run_until(1 * kMillisecond);
  for (GoroutineId g = 1; g <= 10; ++g) CHECK(s.rt.state_of(g) == GoState::IoWait);
  CHECK(s.rt.busy_procs() == 1);  // only the cruncher
  s.rt.run();
  for (Time t : done) CHECK(t == 5 * kMillisecond);
  CHECK(crunched == 5 * kMillisecond);
}

TEST_CASE("CPU: raising GOMAXPROCS live starts waiting work at once") {
  Config config;
  config.procs = 1;
  Sim s(config);
  std::vector<Time> done(3, -1);
  for (int i = 0; i < 3; ++i) s.rt.spawn("cruncher", i, crunch(s.rt, 10 * kMillisecond, &done[i]));
  s.rt.run_until(2 * kMillisecond);
  s.rt.set_procs(3);
  CHECK(s.rt.procs() == 3);
  CHECK(s.rt.busy_procs() == 3);
  s.rt.run();
  CHECK(done == std::vector<Time>{10 * kMillisecond, 12 * kMillisecond, 12 * kMillisecond});
  const auto configs = s.of_kind(EventKind::Config);
  REQUIRE(configs.size() == 2);  // the initial GOMAXPROCS, then the change
  CHECK(configs[1].value == 3);
  CHECK(configs[1].time == 2 * kMillisecond);
}

TEST_CASE("CPU: lowering GOMAXPROCS lets running work finish first") {
  Config config;
  config.procs = 2;
  Sim s(config);
  std::vector<Time> done(3, -1);
  for (int i = 0; i < 3; ++i) s.rt.spawn("cruncher", i, crunch(s.rt, 10 * kMillisecond, &done[i]));
  s.rt.run_until(1 * kMillisecond);
  s.rt.set_procs(1);
  CHECK(s.rt.busy_procs() == 2);
  s.rt.run();
  CHECK(done == std::vector<Time>{10 * kMillisecond, 10 * kMillisecond, 20 * kMillisecond});
}

}  // namespace
}  // namespace poolscope::test
