// How programs end, by Go's rules: deadlock, hang behind a timer, panic, completion with
// leaks or goroutines still running.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

// The lesson's pool with the pitfall "reading results before all jobs are sent": main
// sends every job before collecting, and `results` is unbuffered.
Go worker(Runtime& rt, Chan jobs, Chan results) {
  while (auto j = co_await rt.recv(jobs, 4)) {
    co_await rt.send(results, j.value * 2, 6);
  }
}

Go unbuffered_results_main(Runtime& rt) {
  const Chan jobs = rt.make_chan(0, "jobs", ChanRole::Plain, 10);
  const Chan results = rt.make_chan(0, "results", ChanRole::Plain, 11);
  for (int w = 1; w <= 2; ++w) rt.spawn("worker", w, worker(rt, jobs, results), 13);
  for (int j = 1; j <= 5; ++j) co_await rt.send(jobs, j, 16);
  co_await rt.close(jobs, 18);
  for (int a = 1; a <= 5; ++a) (void)co_await rt.recv(results, 20);
}

TEST_CASE("Outcome: all goroutines blocked with no timer pending is a deadlock") {
  Sim s;
  s.rt.spawn_main(unbuffered_results_main(s.rt));
  CHECK(s.rt.run() == Outcome::Deadlock);
  const Report& r = s.rt.report();
  CHECK(r.message == "fatal error: all goroutines are asleep - deadlock!");
  CHECK(r.culprit == 1);
  CHECK(r.line == 16);
  CHECK(s.count(EventKind::Deadlock) == 1);
  CHECK(s.count(EventKind::Blocked) == 3);
  CHECK(s.events.events.back().kind == EventKind::End);
  CHECK(s.folded().outcome == Outcome::Deadlock);
}

TEST_CASE("Outcome: the deadlock report lists each goroutine, what it waits on and where") {
  Sim s;
  s.rt.spawn_main(unbuffered_results_main(s.rt));
  s.rt.run();
  const Report& r = s.rt.report();
  REQUIRE(r.blocked.size() == 3);
  CHECK(r.blocked[0].name == "main");
  CHECK(r.blocked[0].wait_reason == "chan send");
  CHECK(r.blocked[0].waits_on == "send on jobs");
  CHECK(r.blocked[0].line == 16);
  CHECK(r.blocked[0].channels == std::vector<ChannelId>{1});
  for (int i = 1; i <= 2; ++i) {
    CHECK(r.blocked[static_cast<std::size_t>(i)].name == "worker " + std::to_string(i));
    CHECK(r.blocked[static_cast<std::size_t>(i)].waits_on == "send on results");
    CHECK(r.blocked[static_cast<std::size_t>(i)].line == 6);
  }
}

TEST_CASE("Outcome: the deadlock report finds the wait-for cycle") {
  Sim s;
  s.rt.spawn_main(unbuffered_results_main(s.rt));
  s.rt.run();
  const Report& r = s.rt.report();
  // main waits for the workers (they received from jobs); each worker waits for main
  // (results' creator, since nobody ever received from it).
  CHECK(r.blocked[0].waits_for == std::vector<GoroutineId>{2, 3});
  CHECK(r.blocked[1].waits_for == std::vector<GoroutineId>{1});
  CHECK(r.cycle == std::vector<GoroutineId>{1, 2});
  const std::string text = format_report(r);
  CHECK(text.find("fatal error: all goroutines are asleep - deadlock!") == 0);
  CHECK(text.find("goroutine 1 [chan send]:") != std::string::npos);
  CHECK(text.find("wait-for cycle: main -> worker 1 -> main") != std::string::npos);
}

Go blocked_behind_a_timer(Runtime& rt, Chan forever) {
  (void)rt.after(1 * kSecond, 8);  // _ = time.After(time.Second)
  (void)co_await rt.recv(forever, 9);
}

TEST_CASE("Outcome: a pending timer masks a deadlock until it fires (as in go1.19)") {
  Sim s;
  const Chan forever = s.rt.make_chan(0, "forever");
  s.rt.spawn_main(blocked_behind_a_timer(s.rt, forever));
  s.rt.run_until(999 * kMillisecond);
  CHECK(s.rt.outcome() == Outcome::Running);
  CHECK(s.rt.pending_timers() == 1);
  CHECK(s.rt.run() == Outcome::Deadlock);
  CHECK(s.rt.report().time == 1 * kSecond);
}

Go ticker_loop(Runtime& rt) {
  for (;;) co_await rt.sleep(100 * kMillisecond, 30);
}

Go main_blocked_with_ticker(Runtime& rt, Chan forever) {
  rt.spawn("ticker", ticker_loop(rt), 34);
  (void)co_await rt.recv(forever, 35);
}

TEST_CASE("Outcome: a goroutine that keeps sleeping hides the deadlock: the program hangs") {
  Config config;
  config.hang_horizon = 10 * kSecond;
  Sim s(config);
  const Chan forever = s.rt.make_chan(0, "forever");
  s.rt.spawn_main(main_blocked_with_ticker(s.rt, forever));
  CHECK(s.rt.run() == Outcome::Hang);
  const Report& r = s.rt.report();
  CHECK(r.culprit == 1);
  CHECK(r.line == 35);
  CHECK(r.time == 10 * kSecond);
  CHECK(r.message.find("blocked forever at line 35") != std::string::npos);
  REQUIRE(r.blocked.size() == 1);
  CHECK(r.blocked[0].name == "main");
  REQUIRE(r.running.size() == 1);
  CHECK(r.running[0].name == "ticker");
  CHECK(r.running[0].state == GoState::Sleeping);
  CHECK(s.count(EventKind::Hang) == 1);
}

Go slow_partner(Runtime& rt, Chan c) {
  co_await rt.sleep(2 * 3600 * kSecond, 40);  // two hours, longer than any horizon
  co_await rt.send(c, 1, 41);
}

Go main_waits_long(Runtime& rt, Chan c) {
  rt.spawn("slow", slow_partner(rt, c), 45);
  (void)co_await rt.recv(c, 46);
}

TEST_CASE("Outcome: a long wait for a partner that comes is neither hang nor deadlock") {
  Sim s;
  const Chan c = s.rt.make_chan(0, "c");
  s.rt.spawn_main(main_waits_long(s.rt, c));
  CHECK(s.rt.run() == Outcome::Completed);
  CHECK(s.rt.now() == 2 * 3600 * kSecond);
}

// The lesson's first pitfall: main forgets close(jobs), so after the last job every
// worker blocks forever on `range jobs`: leaked once main returns.
Go forgot_close_main(Runtime& rt) {
  const Chan jobs = rt.make_chan(100, "jobs", ChanRole::Plain, 50);
  const Chan results = rt.make_chan(100, "results", ChanRole::Plain, 51);
  for (int w = 1; w <= 3; ++w) rt.spawn("worker", w, worker(rt, jobs, results), 53);
  for (int j = 1; j <= 5; ++j) co_await rt.send(jobs, j, 56);
  for (int a = 1; a <= 5; ++a) (void)co_await rt.recv(results, 59);
}

TEST_CASE("Outcome: after main returns, goroutines blocked forever are reported as leaked") {
  Sim s;
  s.rt.spawn_main(forgot_close_main(s.rt));
  CHECK(s.rt.run() == Outcome::Completed);
  const Report& r = s.rt.report();
  CHECK(r.message == "main returned; 3 goroutine(s) leaked, blocked forever");
  REQUIRE(r.blocked.size() == 3);
  for (const GoroutineReport& g : r.blocked) {
    CHECK(g.name.rfind("worker ", 0) == 0);
    CHECK(g.state == GoState::BlockedRecv);
    CHECK(g.waits_on == "receive from jobs");
    CHECK(g.line == 4);
  }
  CHECK(r.running.empty());
  const auto leaks = s.of_kind(EventKind::Leak);
  REQUIRE(leaks.size() == 3);
  CHECK(leaks[0].line == 4);
  CHECK(leaks[0].object == 1);
  CHECK(s.count(EventKind::MainExit) == 1);
  CHECK(format_report(r).find("blocked forever (leaked)") != std::string::npos);
}

Go main_leaves_a_ticker(Runtime& rt) {
  rt.spawn("ticker", ticker_loop(rt), 64);
  co_await rt.sleep(1 * kSecond, 65);
}

TEST_CASE("Outcome: a goroutine that would run forever after main returns is still running") {
  Config config;
  config.drain_horizon = 5 * kSecond;
  Sim s(config);
  s.rt.spawn_main(main_leaves_a_ticker(s.rt));
  CHECK(s.rt.run() == Outcome::Completed);
  const Report& r = s.rt.report();
  CHECK(r.blocked.empty());
  REQUIRE(r.running.size() == 1);
  CHECK(r.running[0].name == "ticker");
  CHECK(r.running[0].line == 30);
  CHECK(r.time == 6 * kSecond);  // main returned at 1 s, then 5 s of nothing but sleeps
  CHECK(s.count(EventKind::StillRunning) == 1);
}

TEST_CASE("Outcome: main's return is kept apart from the later end of the run") {
  Config config;
  config.drain_horizon = 5 * kSecond;
  Sim s(config);
  s.rt.spawn_main(main_leaves_a_ticker(s.rt));
  CHECK(s.rt.main_exit_time() == -1);
  s.rt.run_until(999 * kMillisecond);
  CHECK(s.rt.main_exit_time() == -1);  // main still sleeps
  s.rt.run_until(2 * kSecond);
  CHECK(s.rt.main_exit_time() == 1 * kSecond);
  CHECK_FALSE(s.rt.finished());  // the ticker goes on: still running or leaked?
  CHECK(s.rt.run() == Outcome::Completed);
  CHECK(s.rt.main_exit_time() == 1 * kSecond);
  CHECK(s.rt.report().time == 6 * kSecond);
  const auto exits = s.of_kind(EventKind::MainExit);
  REQUIRE(exits.size() == 1);
  CHECK(exits[0].time == s.rt.main_exit_time());
}

TEST_CASE("Outcome: main's return time stays -1 when main never returns") {
  Sim s;
  s.rt.spawn_main(unbuffered_results_main(s.rt));
  CHECK(s.rt.run() == Outcome::Deadlock);
  CHECK(s.rt.main_exit_time() == -1);
}

Go tidy_main(Runtime& rt) {
  const Chan jobs = rt.make_chan(100, "jobs", ChanRole::Plain, 70);
  const Chan results = rt.make_chan(100, "results", ChanRole::Plain, 71);
  for (int w = 1; w <= 3; ++w) rt.spawn("worker", w, worker(rt, jobs, results), 73);
  for (int j = 1; j <= 5; ++j) co_await rt.send(jobs, j, 75);
  co_await rt.close(jobs, 77);
  for (int a = 1; a <= 5; ++a) (void)co_await rt.recv(results, 79);
}

TEST_CASE("Outcome: the lesson's pool completes with every goroutine finished") {
  Sim s;
  s.rt.spawn_main(tidy_main(s.rt));
  CHECK(s.rt.run() == Outcome::Completed);
  CHECK(s.rt.report().blocked.empty());
  CHECK(s.rt.report().running.empty());
  CHECK(s.rt.report().message == "main returned; every goroutine finished");
  CHECK(s.rt.live_goroutines() == 0);
}

Go explicit_panic(Runtime& rt) {
  co_await rt.sleep(3, 84);
  co_await rt.panic("boom", 85);
}

TEST_CASE("Outcome: panic reports the goroutine, Go's message and the line") {
  Sim s;
  s.rt.spawn_main(explicit_panic(s.rt));
  CHECK(s.rt.run() == Outcome::Panic);
  const Report& r = s.rt.report();
  CHECK(r.message == "panic: boom");
  CHECK(r.culprit == 1);
  CHECK(r.line == 85);
  CHECK(r.time == 3);
  const std::string text = format_report(r);
  CHECK(text.find("panic: boom") == 0);
  CHECK(text.find("goroutine 1 [running]:") != std::string::npos);
  CHECK(text.find("main, line 85") != std::string::npos);
}

}  // namespace
}  // namespace poolscope::test
