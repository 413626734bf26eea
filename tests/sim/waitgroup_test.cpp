// sync.WaitGroup: Add, Done, Wait; a negative counter panics.
#include <doctest/doctest.h>

#include <vector>

#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

Go finish_after(Runtime& rt, WaitGroup wg, Time d) {
  co_await rt.sleep(d, 8);
  co_await rt.done(wg, 9);
}

Go waiter(Runtime& rt, WaitGroup wg, Time* released) {
  co_await rt.wait(wg, 14);
  *released = rt.now();
}

Go spawn_and_wait(Runtime& rt, int n, Time* released) {
  const WaitGroup wg = rt.make_waitgroup("wg", 18);
  for (int i = 1; i <= n; ++i) {
    co_await rt.add(wg, 1, 20);
    rt.spawn("worker", i, finish_after(rt, wg, i * kMillisecond), 21);
  }
  co_await rt.wait(wg, 23);
  *released = rt.now();
}

TEST_CASE("WaitGroup: Wait returns once the counter drops to zero") {
  Sim s;
  Time released = -1;
  s.rt.spawn_main(spawn_and_wait(s.rt, 3, &released));
  s.rt.run_until(2 * kMillisecond);
  CHECK(s.rt.state_of(1) == GoState::BlockedWaitGroup);
  CHECK(s.rt.line_of(1) == 23);
  CHECK(s.rt.counter(WaitGroup{1}) == 1);
  CHECK(s.rt.snapshot().waitgroup(1).waiters == std::vector<GoroutineId>{1});
  CHECK(s.rt.run() == Outcome::Completed);
  CHECK(released == 3 * kMillisecond);
  CHECK(s.rt.report().blocked.empty());
}

TEST_CASE("WaitGroup: Wait with a zero counter returns at once") {
  Sim s;
  Time released = -1;
  s.rt.spawn_main(spawn_and_wait(s.rt, 0, &released));
  s.rt.run();
  CHECK(released == 0);
  CHECK_FALSE(s.went_through(1, GoState::BlockedWaitGroup));
}

TEST_CASE("WaitGroup: every waiter is released when the counter reaches zero") {
  Sim s;
  const WaitGroup wg = s.rt.make_waitgroup("wg");
  std::vector<Time> released(3, -1);
  s.rt.spawn("adder", [](Runtime& rt, WaitGroup w) -> Go {
    co_await rt.add(w, 2, 30);
    co_await rt.sleep(kSecond, 31);
    co_await rt.done(w, 32);
    co_await rt.done(w, 33);
  }(s.rt, wg));
  for (int i = 0; i < 3; ++i) s.rt.spawn("waiter", i, waiter(s.rt, wg, &released[i]));
  s.rt.run();
  CHECK(released == std::vector<Time>{kSecond, kSecond, kSecond});
  const auto adds = s.of_kind(EventKind::WaitGroupAdd);
  REQUIRE(adds.size() == 3);
  CHECK(adds[0].value == 2);
  CHECK(adds[0].aux == 2);
  CHECK(adds[2].value == -1);
  CHECK(adds[2].aux == 0);
}

Go done_too_often(Runtime& rt, bool* after) {
  const WaitGroup wg = rt.make_waitgroup("wg", 40);
  co_await rt.add(wg, 1, 41);
  co_await rt.done(wg, 42);
  co_await rt.done(wg, 43);
  *after = true;
}

TEST_CASE("WaitGroup: a negative counter panics with Go's message") {
  Sim s;
  bool after = false;
  s.rt.spawn_main(done_too_often(s.rt, &after));
  CHECK(s.rt.run() == Outcome::Panic);
  CHECK_FALSE(after);
  CHECK(s.rt.report().message == "panic: sync: negative WaitGroup counter");
  CHECK(s.rt.report().line == 43);
}

}  // namespace
}  // namespace poolscope::test
