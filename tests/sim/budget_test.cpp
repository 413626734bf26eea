// Memory follows the goroutines alive, and the engine's own limits (goroutines alive,
// events) stop a run with Outcome::Stopped instead of eating all memory.
#include <doctest/doctest.h>

#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

Go short_job(Runtime& rt) { co_await rt.sleep(kMillisecond, 3); }

// An endless load: a job goroutine every 100 us, each living 1 ms (about 10 alive).
Go spawner(Runtime& rt, std::int64_t n) {
  for (std::int64_t j = 1; j <= n; ++j) {
    co_await rt.sleep(100 * kMicrosecond, 10);
    rt.spawn("job", j, short_job(rt), 11);
  }
}

Go blocked_forever(Runtime& rt) {
  const Chan nil;
  co_await rt.recv(nil, 20);
}

// Spawns goroutines that never end, without blocking between spawns, until a spawn
// fails (returns 0), then waits on a channel nobody sends on.
Go leaker(Runtime& rt, std::int64_t* spawned) {
  for (;;) {
    if (rt.spawn("leak", blocked_forever(rt), 30) == 0) break;
    ++*spawned;
  }
  const Chan never = rt.make_chan(0, "never", ChanRole::Plain, 31);
  co_await rt.recv(never, 32);
}

Go ping(Runtime& rt, Chan a, Chan b) {
  for (;;) {
    co_await rt.send(a, 1, 40);
    co_await rt.recv(b, 41);
  }
}

Go pong(Runtime& rt, Chan a, Chan b) {
  for (;;) {
    co_await rt.recv(a, 45);
    co_await rt.send(b, 2, 46);
  }
}

Go ping_pong_main(Runtime& rt) {
  const Chan a = rt.make_chan(0, "a", ChanRole::Plain, 50);
  const Chan b = rt.make_chan(0, "b", ChanRole::Plain, 51);
  rt.spawn("pong", pong(rt, a, b), 52);
  co_await ping(rt, a, b);
}

}  // namespace

TEST_CASE("Budget: goroutine records follow the goroutines alive, ids keep counting up") {
  for (const bool keep : {true, false}) {
    CAPTURE(keep);
    Sim s(Config{.keep_exited = keep});
    constexpr std::int64_t kJobs = 20'000;
    s.rt.spawn_main(spawner(s.rt, kJobs));
    CHECK(s.rt.run() == Outcome::Completed);
    CHECK(s.rt.goroutine_count() == kJobs + 1);
    // About 10 alive at once: before, one record per goroutine ever spawned (20,001).
    CHECK(s.rt.goroutine_slots() <= 16);
    // Ids are handed out 1, 2, 3, ... in spawn order, never reused.
    GoroutineId expected = 1;
    for (const Event& e : s.of_kind(EventKind::Spawn)) CHECK(e.goroutine == expected++);
    CHECK(s.rt.state_of(kJobs / 2) == GoState::Exited);
  }
}

TEST_CASE("Budget: with keep_exited the snapshot still describes every goroutine, as the fold") {
  Sim s;
  s.rt.spawn_main(spawner(s.rt, 500));
  s.rt.run_until(30 * kMillisecond);  // some exited, their slots reused; some alive
  CHECK(s.rt.goroutine_slots() < s.rt.goroutine_count());
  CHECK(trace::same_state(s.folded(), s.rt.snapshot()));
  CHECK(s.rt.name_of(3) == "job 2");
  CHECK(s.rt.line_of(3) == 3);
}

TEST_CASE("Budget: without keep_exited an exited goroutine is only its id and state") {
  Sim s(Config{.keep_exited = false});
  s.rt.spawn_main(spawner(s.rt, 500));
  s.rt.run_until(30 * kMillisecond);
  const trace::Snapshot folded = s.folded();
  const trace::Snapshot snap = s.rt.snapshot();
  REQUIRE(snap.goroutines.size() == folded.goroutines.size());
  for (std::size_t i = 0; i < snap.goroutines.size(); ++i) {
    if (folded.goroutines[i].state == GoState::Exited) {
      CHECK(snap.goroutines[i].state == GoState::Exited);
      CHECK(snap.goroutines[i].id == i + 1);
    } else {
      CHECK(snap.goroutines[i] == folded.goroutines[i]);
    }
  }
  CHECK(s.rt.name_of(3) == "goroutine 3");
  CHECK(s.rt.name_of(1) == "main");
}

TEST_CASE("Budget: a spawn beyond max_goroutines alive stops the run, named and listed nowhere") {
  Sim s(Config{.max_goroutines = 100});
  std::int64_t spawned = 0;
  s.rt.spawn_main(leaker(s.rt, &spawned));
  CHECK(s.rt.run() == Outcome::Stopped);
  CHECK(spawned == 99);  // main + 99 = 100 alive; the 100th spawn is refused
  CHECK(s.rt.live_goroutines() == 100);
  const Report& r = s.rt.report();
  CHECK(r.stop == StopReason::Goroutines);
  CHECK(r.message == "stopped: 100 goroutines alive, the limit");
  CHECK(r.culprit == 1);
  CHECK(r.line == 30);
  CHECK(r.blocked.empty());
  CHECK(to_string(r.stop) == "max_goroutines");
  // The End event is the last: main went on to make_chan and recv, which emit nothing.
  REQUIRE(!s.events.events.empty());
  CHECK(s.events.events.back().kind == EventKind::End);
  CHECK(static_cast<Outcome>(s.events.events.back().detail) == Outcome::Stopped);
  CHECK(s.folded().outcome == Outcome::Stopped);
  CHECK(format_report(r) == "stopped: 100 goroutines alive, the limit\n");
}

TEST_CASE("Budget: the default limit is a million goroutines alive, with thousands grouped") {
  CHECK(Config{}.max_goroutines == 1'000'000);
  Sim s(Config{.max_goroutines = 1'234});
  std::int64_t spawned = 0;
  s.rt.spawn_main(leaker(s.rt, &spawned));
  CHECK(s.rt.run() == Outcome::Stopped);
  CHECK(s.rt.report().message == "stopped: 1,234 goroutines alive, the limit");
}

TEST_CASE("Budget: max_events stops an endless program at the next scheduling point") {
  Sim s(Config{.max_events = 1'000});
  s.rt.spawn_main(ping_pong_main(s.rt));
  CHECK(s.rt.run() == Outcome::Stopped);
  CHECK(s.rt.report().stop == StopReason::Events);
  const std::size_t n = s.events.events.size();
  CHECK(n > 1'000);
  CHECK(n < 1'020);  // one goroutine's turn past the budget, then End
  CHECK(s.events.events.back().kind == EventKind::End);
  CHECK(s.rt.report().message == "stopped: 1,000 events, the limit");
}

TEST_CASE("Budget: without a limit reached nothing changes (the same events, bit for bit)") {
  Sim a(Config{.max_goroutines = 1'000'000, .keep_exited = true});
  Sim b(Config{.max_goroutines = 20, .keep_exited = false});
  a.rt.spawn_main(spawner(a.rt, 2'000));
  b.rt.spawn_main(spawner(b.rt, 2'000));
  CHECK(a.rt.run() == Outcome::Completed);
  CHECK(b.rt.run() == Outcome::Completed);
  CHECK(a.events.events == b.events.events);
}

}  // namespace poolscope::test

namespace poolscope::test {
namespace {
Go sleeper(Runtime& rt, Time d) { co_await rt.sleep(d, 60); }
Go long_sleeps(Runtime& rt) {
  co_await rt.sleep(kSecond, 61);
  rt.spawn("sleeper", sleeper(rt, kForever - 1), 62);  // now() + d would overflow
  co_await rt.sleep(kForever / 2, 63);
}
}  // namespace

TEST_CASE("Budget: a wake-up past what the clock holds stops the run, no overflow") {
  Sim s;
  s.rt.spawn_main(long_sleeps(s.rt));
  CHECK(s.rt.run() == Outcome::Stopped);
  CHECK(s.rt.report().stop == StopReason::Clock);
  CHECK(s.rt.now() == kSecond);
  CHECK(s.rt.report().message.find("146 years") != std::string::npos);
  for (const Event& e : s.events.events) CHECK(e.time >= 0);
}

}  // namespace poolscope::test
