// Folding the events reproduces the engine's live state, at every step.
#include <doctest/doctest.h>

#include "core/trace/event_log.hpp"
#include "tests/sim/random_program.hpp"
#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

// Steps rt one unit at a time; after each, the fold of all events so far must equal
// rt.snapshot(). Returns the number of comparisons made.
int compare_at_every_step(Runtime& rt, const trace::VectorSink& events, int max_steps) {
  trace::Snapshot folded;
  std::size_t applied = 0;
  int compared = 0;
  for (int i = 0; i < max_steps; ++i) {
    const bool moved = rt.step();
    for (; applied < events.events.size(); ++applied) trace::fold(folded, events.events[applied]);
    const trace::Snapshot live = rt.snapshot();
    CHECK(trace::same_state(folded, live));
    CHECK(folded.time <= live.time);
    ++compared;
    if (!moved) break;
  }
  return compared;
}

TEST_CASE("Snapshot: folding the events gives the live state at every step of random programs") {
  sim::Rng gen(99);
  int compared = 0;
  for (int n = 0; n < 1000; ++n) {
    const Program program = random_program(gen);
    trace::VectorSink events;
    ProgramRun run(program, gen.next(), &events);
    CAPTURE(n);
    compared += compare_at_every_step(run.rt, events, 10000);
    CHECK(run.rt.finished());
  }
  CHECK(compared > 8000);
}

// A program that touches every kind of state: WaitGroup, context, semaphore, select,
// timers and a ticker, CPU queueing, jobs, a live GOMAXPROCS change, a leak.
Go sink_worker(Runtime& rt, Chan jobs, Chan results, Chan db, WaitGroup wg, Context ctx) {
  for (;;) {
    const SelectResult r = co_await rt.select(10, recv_case(ctx.done), recv_case(jobs));
    if (r.index == 0 || !r.ok) break;
    rt.job(JobPhase::Started, r.value, 12);
    co_await rt.cpu(3 * kMillisecond, 13);
    co_await rt.acquire(db, 14);
    co_await rt.io(2 * kMillisecond, 15);
    (void)co_await rt.release(db, 16);
    co_await rt.send(results, r.value, 17);
    rt.job(JobPhase::Done, r.value, 18);
  }
  co_await rt.done(wg, 20);
}

Go sink_main(Runtime& rt) {
  const Chan jobs = rt.make_chan(2, "jobs", ChanRole::Plain, 30);
  const Chan results = rt.make_chan(0, "results", ChanRole::Plain, 31);
  const Chan db = rt.make_semaphore(2, "db", 32);
  const WaitGroup wg = rt.make_waitgroup("wg", 33);
  const Context ctx = rt.with_timeout({}, 60 * kMillisecond, 34);
  const Timer tick = rt.new_ticker(7 * kMillisecond, 35);
  for (int w = 1; w <= 4; ++w) {
    co_await rt.add(wg, 1, 37);
    rt.spawn("worker", w, sink_worker(rt, jobs, results, db, wg, ctx), 38);
  }
  rt.spawn(
      "collector",
      [](Runtime& r, Chan res) -> Go {
        while (auto v = co_await r.recv(res, 41)) r.job(JobPhase::Collected, v.value, 42);
      }(rt, results),
      40);
  for (int j = 1; j <= 12; ++j) {
    rt.job(JobPhase::Created, j, 45);
    const SelectResult r = co_await rt.select(46, send_case(jobs, j), recv_case(tick.c));
    if (r.index == 1) --j;  // a tick: try again
    if (j == 6) rt.set_procs(2);
  }
  co_await rt.close(jobs, 50);
  co_await rt.wait(wg, 51);
  rt.stop(tick);
}

TEST_CASE("Snapshot: folding matches the live state in a program using every feature") {
  Config config;
  config.procs = 1;
  Sim s(config);
  s.rt.spawn_main(sink_main(s.rt));
  const int compared = compare_at_every_step(s.rt, s.events, 100000);
  CHECK(compared > 50);
  CHECK(s.rt.outcome() == Outcome::Completed);
  // The collector is left blocked on results: one leak.
  CHECK(s.rt.report().blocked.size() == 1);
  CHECK(s.went_through(2, GoState::WaitingCpu));
}

TEST_CASE("Snapshot: an EventLog rebuilds any recent moment from its stored snapshots") {
  trace::EventLog log({.capacity = 64, .snapshot_every = 16});
  trace::VectorSink all;
  trace::FanoutSink both;
  both.add(log);
  both.add(all);
  Config config;
  config.procs = 1;
  Runtime rt(config, &both);
  rt.spawn_main(sink_main(rt));
  rt.run();
  REQUIRE(all.events.size() > 4 * log.capacity());  // the ring has wrapped
  CHECK(trace::same_state(log.latest(), rt.snapshot()));
  // Fold everything from the start, and compare with what the log rebuilds.
  trace::Snapshot folded;
  int checked = 0;
  for (const Event& e : all.events) {
    trace::fold(folded, e);
    if (e.seq < log.earliest_snapshot_seq()) continue;
    if (e.seq % 7 != 0 && e.seq != log.last_seq()) continue;
    const auto rebuilt = log.snapshot_at(e.seq);
    REQUIRE(rebuilt.has_value());
    CHECK(*rebuilt == folded);
    ++checked;
  }
  CHECK(checked > 5);
  CHECK_FALSE(log.snapshot_at(1).has_value());  // long gone from the ring
}

TEST_CASE("Snapshot: a log attached mid-run continues from the engine's snapshot") {
  Config config;
  config.procs = 1;
  Runtime rt(config);
  rt.spawn_main(sink_main(rt));
  rt.run_until(20 * kMillisecond);
  trace::EventLog log({.capacity = 4096, .snapshot_every = 128});
  log.reset(rt.snapshot());
  rt.set_sink(&log);
  rt.run_until(40 * kMillisecond);
  CHECK(trace::same_state(log.latest(), rt.snapshot()));
  rt.set_sink(nullptr);  // events off: the engine goes on, the log stays as it was
  const std::uint64_t seq = log.last_seq();
  rt.run();
  CHECK(log.last_seq() == seq);
  CHECK(rt.outcome() == Outcome::Completed);
}

}  // namespace
}  // namespace poolscope::test
