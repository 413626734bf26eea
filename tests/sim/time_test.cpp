// Virtual time: time.Sleep, time.After, timers and tickers.
#include <doctest/doctest.h>

#include <vector>

#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

Go nap(Runtime& rt, Time d, Time* woke) {
  co_await rt.sleep(d, 7);
  *woke = rt.now();
}

TEST_CASE("Time: Sleep advances only virtual time and shows as Sleeping until then") {
  Sim s;
  Time woke = -1;
  const GoroutineId g = s.rt.spawn("napper", nap(s.rt, 250 * kMillisecond, &woke));
  s.rt.run_until(100 * kMillisecond);
  CHECK(s.rt.state_of(g) == GoState::Sleeping);
  CHECK(s.rt.snapshot().goroutine(g).wait_value == 250 * kMillisecond);  // wake-up time
  CHECK(s.rt.pending_timers() == 1);
  s.rt.run();
  CHECK(woke == 250 * kMillisecond);
  CHECK(s.rt.pending_timers() == 0);
}

TEST_CASE("Time: Sleep of zero or less returns at once") {
  Sim s;
  Time woke = -1;
  s.rt.spawn("napper", nap(s.rt, 0, &woke));
  s.rt.spawn("napper", nap(s.rt, -5, &woke));
  s.rt.run();
  CHECK(woke == 0);
  CHECK_FALSE(s.went_through(1, GoState::Sleeping));
}

Go wait_after(Runtime& rt, Time d, RecvResult* got, Time* at) {
  const Chan c = rt.after(d, 20);
  *got = co_await rt.recv(c, 21);
  *at = rt.now();
}

TEST_CASE("Time: time.After delivers the fire time at the deadline") {
  Sim s;
  RecvResult got;
  Time at = -1;
  s.rt.spawn("waiter", wait_after(s.rt, 3 * kSecond, &got, &at));
  s.rt.run();
  CHECK(got.ok);
  CHECK(got.value == 3 * kSecond);
  CHECK(at == 3 * kSecond);
  // The timer's send is the runtime's (goroutine 0), straight to the waiting receiver.
  const auto sends = s.of_kind(EventKind::Send);
  REQUIRE(sends.size() == 1);
  CHECK(sends[0].goroutine == 0);
}

TEST_CASE("Time: a stopped timer never fires") {
  Sim s;
  const Timer t = s.rt.new_timer(1 * kSecond);
  CHECK(s.rt.pending_timers() == 1);
  CHECK(s.rt.stop(t));
  CHECK_FALSE(s.rt.stop(t));  // already stopped
  CHECK(s.rt.pending_timers() == 0);
  s.rt.run_until(5 * kSecond);
  CHECK(t.c.len() == 0);
  CHECK(s.count(EventKind::Send) == 0);
}

Go timeout_loop(Runtime& rt, Chan work, int n, std::vector<int>* branches) {
  const Timer t = rt.new_timer(5 * kMillisecond, 30);
  for (int i = 0; i < n; ++i) {
    const SelectResult r = co_await rt.select(32, recv_case(work), recv_case(t.c));
    branches->push_back(r.index);
    if (r.index == 0 && !rt.stop(t)) (void)co_await rt.recv(t.c, 34);  // drain
    rt.reset(t, 5 * kMillisecond);
  }
}

TEST_CASE("Time: one Timer reset in a loop serves as a timeout without new channels") {
  Sim s;
  const Chan work = s.rt.make_chan(0, "work");
  std::vector<int> branches;
  s.rt.spawn("waiter", timeout_loop(s.rt, work, 3, &branches));
  s.rt.spawn("worker", [](Runtime& rt, Chan w) -> Go {
    co_await rt.sleep(2 * kMillisecond, 38);
    co_await rt.send(w, 1, 39);  // in time: the work branch
  }(s.rt, work));
  s.rt.run();
  // Work at 2 ms; then two timeouts at 7 ms and 12 ms.
  CHECK(branches == std::vector<int>{0, 1, 1});
  const trace::Snapshot snap = s.rt.snapshot();
  CHECK(snap.channels.size() == 2);  // work and the one timer channel
  // The loop's last reset fired at 17 ms into the buffer, where nobody took it.
  CHECK(s.rt.now() == 17 * kMillisecond);
  CHECK(snap.channels[1].buffer == std::vector<std::int64_t>{17 * kMillisecond});
  CHECK(s.rt.pending_timers() == 0);
}

Go read_ticks(Runtime& rt, Chan c, int n, std::vector<std::int64_t>* got) {
  for (int i = 0; i < n; ++i) {
    got->push_back((co_await rt.recv(c, 40)).value);
    co_await rt.sleep(350 * kMillisecond, 41);  // slower than the ticker
  }
}

TEST_CASE("Time: a ticker keeps one tick waiting and drops the ticks nobody took") {
  Sim s;
  const Timer ticker = s.rt.new_ticker(100 * kMillisecond);
  std::vector<std::int64_t> got;
  s.rt.spawn("reader", read_ticks(s.rt, ticker.c, 3, &got));
  s.rt.run_until(1 * kSecond);
  // Reads at 100 ms; then at 450 ms the tick of 200 ms waits in the buffer (300 and 400
  // were dropped); then at 800 ms the tick of 500 ms.
  CHECK(got ==
        std::vector<std::int64_t>{100 * kMillisecond, 200 * kMillisecond, 500 * kMillisecond});
  CHECK(s.rt.stop(ticker));
}

}  // namespace
}  // namespace poolscope::test
