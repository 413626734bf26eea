// close(ch): waking receivers, dooming senders, Go's panic messages, draining, range.
#include <doctest/doctest.h>

#include <vector>

#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

struct Got {
  std::int64_t value = -1;
  bool ok = true;
  bool operator==(const Got&) const = default;
};

Go recv_one(Runtime& rt, Chan c, Got* got) {
  const RecvResult r = co_await rt.recv(c, 12);
  *got = {r.value, r.ok};
}

Go send_one(Runtime& rt, Chan c, std::int64_t v, bool* returned) {
  co_await rt.send(c, v, 17);
  *returned = true;
}

Go close_after(Runtime& rt, Chan c, Time delay) {
  co_await rt.sleep(delay, 21);
  co_await rt.close(c, 22);
}

Go close_twice(Runtime& rt, Chan c, bool* after) {
  co_await rt.close(c, 26);
  co_await rt.close(c, 27);
  *after = true;
}

TEST_CASE("Close: close wakes three blocked receivers with the zero value and ok false") {
  Sim s;
  const Chan c = s.rt.make_chan(0, "c");
  std::vector<Got> got(3);
  for (int i = 0; i < 3; ++i) s.rt.spawn("receiver", i, recv_one(s.rt, c, &got[i]));
  s.rt.spawn("closer", close_after(s.rt, c, 1 * kMillisecond));
  s.rt.run_until(0);
  for (GoroutineId g = 1; g <= 3; ++g) CHECK(s.rt.state_of(g) == GoState::BlockedRecv);
  s.rt.run();
  CHECK(s.rt.live_goroutines() == 0);
  for (const Got& g : got) CHECK(g == Got{0, false});
  // Woken in FIFO order right after the Close event.
  const auto& ev = s.events.events;
  const auto close_at =
      std::find_if(ev.begin(), ev.end(), [](const Event& e) { return e.kind == EventKind::Close; });
  REQUIRE(close_at != ev.end());
  for (GoroutineId g = 1; g <= 3; ++g) {
    const Event& e = *(close_at + g);
    CHECK(e.kind == EventKind::State);
    CHECK(e.goroutine == g);
    CHECK(trace::state_of(e) == GoState::Runnable);
  }
}

TEST_CASE("Close: a sender blocked at close panics with send on closed channel") {
  Sim s;
  const Chan c = s.rt.make_chan(0, "c");
  bool returned = false;
  const GoroutineId sender = s.rt.spawn("sender", send_one(s.rt, c, 1, &returned));
  s.rt.spawn("closer", close_after(s.rt, c, 1 * kMillisecond));
  CHECK(s.rt.run() == Outcome::Panic);
  CHECK_FALSE(returned);
  CHECK(s.rt.report().message == "panic: send on closed channel");
  CHECK(s.rt.report().culprit == sender);
  CHECK(s.rt.report().line == 17);
  CHECK(s.rt.report().time == 1 * kMillisecond);
  const auto panics = s.of_kind(EventKind::Panic);
  REQUIRE(panics.size() == 1);
  CHECK(s.rt.strings().str(panics[0].aux) == "send on closed channel");
}

TEST_CASE("Close: a send on a closed channel panics") {
  Sim s;
  const Chan c = s.rt.make_chan(5, "c");
  bool returned = false;
  s.rt.spawn("closer", close_after(s.rt, c, 0));
  s.rt.spawn("sender", send_one(s.rt, c, 1, &returned));
  CHECK(s.rt.run() == Outcome::Panic);
  CHECK_FALSE(returned);
  CHECK(s.rt.report().message == "panic: send on closed channel");
  CHECK(c.len() == 0);
}

TEST_CASE("Close: closing a closed channel panics with Go's message") {
  Sim s;
  const Chan c = s.rt.make_chan(0, "c");
  bool after = false;
  s.rt.spawn_main(close_twice(s.rt, c, &after));
  CHECK(s.rt.run() == Outcome::Panic);
  CHECK_FALSE(after);
  CHECK(s.rt.report().message == "panic: close of closed channel");
  CHECK(s.rt.report().line == 27);
}

TEST_CASE("Close: closing a nil channel panics with Go's message") {
  Sim s;
  bool after = false;
  s.rt.spawn_main(close_twice(s.rt, Chan{}, &after));
  CHECK(s.rt.run() == Outcome::Panic);
  CHECK(s.rt.report().message == "panic: close of nil channel");
  CHECK(s.rt.report().line == 26);
}

Go fill_and_close(Runtime& rt, Chan c) {
  co_await rt.send(c, 1, 40);
  co_await rt.send(c, 2, 41);
  co_await rt.close(c, 42);
}

Go recv_times(Runtime& rt, Chan c, int n, std::vector<Got>* got) {
  for (int i = 0; i < n; ++i) {
    const RecvResult r = co_await rt.recv(c, 47);
    got->push_back({r.value, r.ok});
  }
}

TEST_CASE("Close: a receive from a closed channel drains the buffer, then returns at once") {
  Sim s;
  const Chan c = s.rt.make_chan(3, "c");
  std::vector<Got> got;
  s.rt.spawn("filler", fill_and_close(s.rt, c));
  s.rt.spawn("receiver", recv_times(s.rt, c, 4, &got));
  s.rt.run();
  CHECK(got == std::vector<Got>{{1, true}, {2, true}, {0, false}, {0, false}});
  CHECK(s.rt.now() == 0);
  CHECK_FALSE(s.went_through(2, GoState::BlockedRecv));
}

Go range_over(Runtime& rt, Chan c, std::vector<std::int64_t>* got, bool* ended) {
  while (auto v = co_await rt.recv(c, 55)) got->push_back(v.value);
  *ended = true;
}

TEST_CASE("Close: ranging over a channel ends after close and drain") {
  Sim s;
  const Chan c = s.rt.make_chan(1, "c");
  std::vector<std::int64_t> got;
  bool ended = false;
  s.rt.spawn("ranger", range_over(s.rt, c, &got, &ended));
  s.rt.spawn("filler", fill_and_close(s.rt, c));
  s.rt.run();
  CHECK(got == std::vector<std::int64_t>{1, 2});
  CHECK(ended);
  CHECK(s.rt.live_goroutines() == 0);
}

Go busy(Runtime& rt, int* runs) {
  for (;;) {
    ++*runs;
    co_await rt.sleep(1, 60);
  }
}

TEST_CASE("Close: a panic ends the whole program at once") {
  Sim s;
  const Chan c = s.rt.make_chan(0, "c");
  int runs = 0;
  bool after = false;
  s.rt.spawn("busy", busy(s.rt, &runs));
  s.rt.spawn("closer", close_twice(s.rt, c, &after));
  s.rt.run();
  CHECK(s.rt.outcome() == Outcome::Panic);
  CHECK(runs == 1);
  CHECK_FALSE(s.rt.step());
  s.rt.run_until(1 * kSecond);
  CHECK(runs == 1);
  CHECK(s.events.events.back().kind == EventKind::End);
}

}  // namespace
}  // namespace poolscope::test
