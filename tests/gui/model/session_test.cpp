// Session: live changes are recorded with their virtual time and replayed, so a past
// moment can be shown (scrubbing) and made the present again.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "app/gui/model/code_document.hpp"
#include "app/gui/model/session.hpp"
#include "core/pool/pool_run.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"

using namespace poolscope;

namespace {

constexpr trace::Time kMs = trace::kMillisecond;

// 20,000 short jobs: about 300,000 events, more than the Session's log keeps, so early
// moments are simulated again while late ones are rebuilt from the log.
scenario::Scenario many_jobs() {
  scenario::Scenario s = scenario::find_preset("hello-pool").value();
  const std::vector<std::string> sets = {"load.jobs=20000", "work.mean_ms=1",
                                         "pool.collect=producer_goroutine"};
  REQUIRE(scenario::apply_overrides(s, sets).ok());
  return s;
}

// The same run without a Session: 6 workers from 0.5 s and, when `rate`, 2,000 jobs/s
// from 1 s, as far as they come before t; then on until t.
trace::Snapshot reference(const scenario::Scenario& s, trace::Time t, bool rate = true) {
  pool::PoolRun run(s);
  if (t >= 500 * kMs) {
    run.run_until(500 * kMs);
    REQUIRE(run.set_workers(6));
  }
  if (rate && t >= 1000 * kMs) {
    run.run_until(1000 * kMs);
    run.set_rate(2000);
  }
  run.run_until(t);
  return run.runtime().snapshot();
}

}  // namespace

TEST_CASE("Session: a scrubbed moment has the live changes made before it") {
  const scenario::Scenario s = many_jobs();
  gui::Session session(s);
  session.advance_to_seconds(0.5);
  REQUIRE(session.set_workers(6));
  session.advance_to_seconds(1.0);
  session.set_rate(2000);
  session.advance_to_seconds(60);
  REQUIRE(session.finished());
  const trace::Time oldest_in_log = session.log().at(session.log().first_seq()).time;
  REQUIRE(oldest_in_log > 1500 * kMs);  // so the first three are simulated again

  for (const trace::Time t : {250 * kMs, 750 * kMs, 1500 * kMs, session.now() - 10 * kMs}) {
    CAPTURE(t);
    session.view_at(t);
    REQUIRE(session.scrubbing());
    CHECK(session.snapshot() == reference(s, t));
  }
}

TEST_CASE("Session: resuming from a scrubbed moment keeps the changes made before it") {
  const scenario::Scenario s = many_jobs();
  gui::Session session(s);
  session.advance_to_seconds(0.5);
  REQUIRE(session.set_workers(6));
  session.advance_to_seconds(1.0);
  session.set_rate(2000);
  session.advance_to_seconds(2.0);

  session.view_at(750 * kMs);
  session.resume_from_view();
  CHECK_FALSE(session.scrubbing());
  CHECK(session.now() == 750 * kMs);
  CHECK(session.figures().workers == 6);      // changed at 0.5 s: kept
  CHECK(session.live_rate() == s.load.rate);  // changed at 1 s: dropped
  session.advance_to_seconds(1.5);
  session.view_at(session.now());
  CHECK(session.snapshot() == reference(s, 1500 * kMs, false));
}

TEST_CASE("Session: Step, Next job and play never carry the clock past a stop") {
  // hello-pool: workers sleep 1 s, so the step after 0 s jumps to 1 s unless cut at 0.5 s.
  const trace::Time stop = 500 * kMs;
  SUBCASE("Step") {
    gui::Session s(scenario::find_preset("hello-pool").value());
    s.set_stops({stop});
    s.playing = true;
    for (int i = 0; i < 200 && s.now() < stop; ++i) s.step_event();
    CHECK(s.now() == stop);
    CHECK_FALSE(s.playing);
    s.step_event();  // at the stop, the next step goes on
    CHECK(s.now() > stop);
  }
  SUBCASE("Next job") {
    gui::Session s(scenario::find_preset("hello-pool").value());
    s.set_stops({stop});
    for (int i = 0; i < 200 && s.now() < stop; ++i) s.step_job();
    CHECK(s.now() == stop);
  }
  SUBCASE("Play at 50x, one long frame") {
    gui::Session s(scenario::find_preset("hello-pool").value());
    s.set_stops({stop});
    s.speed = gui::Session::kMaxSpeed;
    s.update(0.25);
    CHECK(s.now() == stop);
    CHECK_FALSE(s.playing);
  }
  SUBCASE("--at and recordings ignore stops") {
    gui::Session s(scenario::find_preset("hello-pool").value());
    s.set_stops({stop});
    s.advance_to_seconds(1.0);
    CHECK(s.now() == 1000 * kMs);
  }
}

namespace {
// What a state of the run is made of, for comparing two of them.
struct State {
  std::uint64_t seq = 0;
  trace::Time time = 0;
  std::vector<double> figures;
  trace::Snapshot snapshot;
  bool operator==(const State&) const = default;
};

State state_of(const gui::Session& s) {
  const pool::Figures f = s.figures();
  return {s.log().last_seq(),
          s.now(),
          {static_cast<double>(f.time), f.queue_depth * 1.0, f.results_depth * 1.0, f.in_work * 1.0,
           f.blocked_senders * 1.0, f.goroutines * 1.0, f.workers * 1.0,
           static_cast<double>(f.memory_bytes), static_cast<double>(f.jobs_created),
           static_cast<double>(f.jobs_started), static_cast<double>(f.jobs_done),
           static_cast<double>(f.results), f.max_in_work * 1.0, f.max_queue_depth * 1.0,
           f.throughput_per_s, f.recent_throughput_per_s, f.utilisation, f.avg_in_system,
           f.mean_in_system_s},
          s.snapshot()};
}
}  // namespace

TEST_CASE("Session: a step back then a step forward gives the identical state") {
  gui::Session s(scenario::find_preset("backpressure").value());
  std::vector<State> states{state_of(s)};
  for (int i = 0; i < 40; ++i) {
    s.step_event();
    states.push_back(state_of(s));
  }
  REQUIRE(states.back().time > 0);
  // Back one at a time, to the start: each lands on the state the step before it left.
  for (int i = 39; i >= 0; --i) {
    CAPTURE(i);
    REQUIRE(s.step_back_event());
    CHECK(state_of(s) == states[static_cast<std::size_t>(i)]);
  }
  // And forward again over the same states.
  for (int i = 1; i <= 10; ++i) {
    s.step_event();
    CHECK(state_of(s) == states[static_cast<std::size_t>(i)]);
  }
  CHECK_FALSE(s.playing);
}

TEST_CASE("Session: a step back at the start does nothing") {
  gui::Session s(scenario::find_preset("hello-pool").value());
  const State start = state_of(s);
  CHECK_FALSE(s.step_back_event());
  CHECK_FALSE(s.step_back_job());
  CHECK(state_of(s) == start);
  CHECK(s.now() == 0);
}

TEST_CASE("Session: a job back then Next job gives the identical state") {
  gui::Session s(scenario::find_preset("backpressure").value());
  std::vector<State> states{state_of(s)};
  for (int i = 0; i < 12; ++i) {
    s.step_job();
    states.push_back(state_of(s));
  }
  for (int i = 11; i >= 8; --i) {
    CAPTURE(i);
    REQUIRE(s.step_back_job());
    CHECK(state_of(s) == states[static_cast<std::size_t>(i)]);
  }
  s.step_job();
  CHECK(state_of(s) == states[9]);
}

TEST_CASE("Session: in the learner's program, Next job stops at each send, receive and close") {
  // No jobs here: each press moves one value (or closes the channel), back undoes one.
  gui::Session s(gui::program_scenario(R"(package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			ch <- i
		}
		close(ch)
	}()
	for v := range ch {
		fmt.Println(v)
	}
}
)",
                                       "main.go"));
  std::vector<State> states{state_of(s)};
  std::vector<std::int64_t> values;  // each handoff logs one Send or one Recv, with its value
  int closes = 0;
  for (int i = 0; i < 50 && !s.finished(); ++i) {
    const std::uint64_t before = s.log().last_seq();
    s.step_job();
    states.push_back(state_of(s));
    for (std::uint64_t q = before + 1; q <= s.log().last_seq(); ++q) {
      const trace::Event& e = s.log().at(q);
      const bool moves = e.kind == trace::EventKind::Send || e.kind == trace::EventKind::Recv;
      if (moves && e.value > 0) values.push_back(e.value);
      closes += e.kind == trace::EventKind::Close ? 1 : 0;
    }
  }
  CHECK(values == std::vector<std::int64_t>{1, 2, 3});
  CHECK(closes == 1);
  CHECK(states.size() >= 5);  // one press per value, then the close: not one press to the end
  const std::size_t last = states.size() - 1;
  REQUIRE(s.step_back_job());
  CHECK(state_of(s) == states[last - 1]);
  s.step_job();
  CHECK(state_of(s) == states[last]);
}

TEST_CASE("Session: a step back across a lesson stop lands on the stop") {
  // hello-pool: workers sleep 1 s; a stop at 0.5 s cuts the step from 0 s to 1 s.
  const trace::Time stop = 500 * kMs;
  gui::Session s(scenario::find_preset("hello-pool").value());
  s.set_stops({stop});
  for (int i = 0; i < 200 && s.now() < stop; ++i) s.step_event();
  REQUIRE(s.now() == stop);
  const State at_stop = state_of(s);
  s.step_event();
  REQUIRE(s.now() > stop);
  s.playing = true;
  REQUIRE(s.step_back_event());
  CHECK(state_of(s) == at_stop);
  CHECK_FALSE(s.playing);
  // From a moment played to (not stepped to), back lands on the stop too.
  s.advance_to_seconds(1.0);
  for (int i = 0; i < 100 && s.now() > stop; ++i) REQUIRE(s.step_back_job());
  CHECK(s.now() == stop);
  CHECK(state_of(s) == at_stop);
}

TEST_CASE("Session: a step back keeps the live changes made before the state it lands on") {
  gui::Session s(scenario::find_preset("backpressure").value());
  s.advance_to_seconds(0.5);
  REQUIRE(s.set_workers(5));
  for (int i = 0; i < 30; ++i) s.step_event();
  const State before = state_of(s);
  s.step_event();
  REQUIRE(s.step_back_event());
  CHECK(s.figures().workers == 5);
  CHECK(state_of(s) == before);
}

TEST_CASE("Session: the line just run is the last step's goroutine and line, until play") {
  gui::Session s(scenario::find_preset("hello-pool").value());
  CHECK(s.just_run().goroutine == 0);
  s.step_event();
  const gui::Session::JustRun after = s.just_run();
  CHECK(after.goroutine != 0);
  CHECK(after.line > 0);
  CHECK(after.line == s.log().back().line);
  s.playing = true;
  s.update(0.1);
  CHECK(s.just_run().goroutine == 0);
}

TEST_CASE("Session: the plots' samples carry their virtual time, spread over a jump") {
  gui::Session s(scenario::find_preset("backpressure").value());
  s.advance_to_seconds(2.5);
  const gui::Histories& h = s.histories();
  REQUIRE(h.time_s.size() == h.queue_depth.size());
  CHECK(h.time_s.size() >= 100);  // not one sample for the whole jump
  CHECK(h.time_s.at(0) == 0.0f);
  CHECK(h.time_s.latest() == doctest::Approx(2.5));
  for (std::size_t i = 1; i < h.time_s.size(); ++i) CHECK(h.time_s.at(i) >= h.time_s.at(i - 1));
  // The queue fills up over the jump: its samples are not all the same.
  CHECK(h.queue_depth.at(0) == 0.0f);
  CHECK(h.queue_depth.latest() == 5.0f);
}
