// Session: live changes are recorded with their virtual time and replayed, so a past
// moment can be shown (scrubbing) and made the present again.
#include <doctest/doctest.h>

#include <string>
#include <vector>

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
