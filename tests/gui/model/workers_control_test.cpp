// WorkersControl: the worker count changes both ways. Growing is live; what the running
// program cannot do live restarts the run at the same virtual time, so the lesson stays
// on its step, and the count shown is always the one the picture has.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "app/gui/model/lesson_state.hpp"
#include "app/gui/model/session.hpp"
#include "app/gui/model/workers_control.hpp"
#include "core/pool/pool_run.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"

using namespace poolscope;

namespace {

constexpr trace::Time kMs = trace::kMillisecond;

scenario::Scenario preset(const char* id) { return scenario::find_preset(id).value(); }

scenario::Scenario with(scenario::Scenario s, const std::vector<std::string>& sets) {
  REQUIRE(scenario::apply_overrides(s, sets).ok());
  return s;
}

// The worker cards the picture draws (one request: every worker goroutine).
std::size_t cards(const gui::Session& session) { return session.model().workers.size(); }

// The session's present is `reference`'s (the log's fold stamps the last event's time,
// the engine its clock).
bool same_state(const gui::Session& session, const pool::PoolRun& reference) {
  trace::Snapshot expected = reference.runtime().snapshot();
  expected.time = session.snapshot().time;
  return session.snapshot() == expected && session.now() == reference.now();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("Workers: fewer workers restarts the run at the same moment, once let go") {
  const scenario::Scenario s = preset("size-to-bottleneck");
  gui::Session session(s);
  gui::WorkersControl control;
  session.advance_to_seconds(0.75);
  REQUIRE(gui::workers_in_force(session) == 10);

  control.moved(session, 4, /*held=*/true);
  // While the slider is held nothing restarts; the control says what letting go will do.
  CHECK(control.pending() == 4);
  CHECK(control.shown(session) == 4);
  CHECK(gui::workers_in_force(session) == 10);
  CHECK(cards(session) == 10);
  CHECK(contains(control.status(session), "Let go to restart with 4 workers at this moment"));

  control.released(session);
  CHECK_FALSE(control.pending());
  CHECK(session.now() == 750 * kMs);
  CHECK(session.scenario().pool.workers == 4);
  CHECK(gui::workers_in_force(session) == 4);
  CHECK(control.shown(session) == 4);
  CHECK(cards(session) == 4);
  CHECK_FALSE(session.finished());
  const std::string status = control.status(session);
  CHECK(contains(status, "Restarted with 4 workers and ran back to this moment"));
  CHECK(contains(status, "a running pool only grows"));
  REQUIRE_FALSE(session.changes().empty());
  CHECK(session.changes().back().time == 750 * kMs);

  // The run is the scenario with 4 workers from the start, event for event.
  pool::PoolRun reference(with(s, {"pool.workers=4"}));
  reference.run_until(750 * kMs);
  CHECK(same_state(session, reference));
}

TEST_CASE("Workers: more workers join the running pool at once") {
  gui::Session session(preset("size-to-bottleneck"));
  gui::WorkersControl control;
  session.advance_to_seconds(0.5);
  const std::uint64_t events_before = session.log().last_seq();

  control.moved(session, 15, /*held=*/true);
  CHECK_FALSE(control.pending());
  CHECK(gui::workers_in_force(session) == 15);
  CHECK(cards(session) == 15);
  CHECK(session.now() == 500 * kMs);
  CHECK(session.log().first_seq() <= events_before);  // the same run, not a new one
  CHECK(session.scenario().pool.workers == 10);
  CHECK(control.status(session).empty());
  control.released(session);  // nothing was waiting
  CHECK(cards(session) == 15);
}

TEST_CASE("Workers: a restart keeps the lesson on its step") {
  const auto lib =
      lesson::load_lessons(std::filesystem::path(POOLSCOPE_SOURCE_DIR) / "assets" / "lessons");
  gui::Session session(preset("size-to-bottleneck"));
  gui::LessonState state;
  gui::WorkersControl control;
  gui::follow_lesson(session, state, lib);
  for (int frame = 0; frame < 60 && session.playing; ++frame) {
    session.update(1.0 / 60.0);
    gui::follow_lesson(session, state, lib);
  }
  REQUIRE_FALSE(session.playing);  // paused at the step that asks for it
  const std::size_t step = state.player.step;
  const trace::Time at = session.now();
  REQUIRE(step > 0);

  control.moved(session, 3, /*held=*/false);
  gui::follow_lesson(session, state, lib);
  CHECK(session.now() == at);
  CHECK(state.player.step == step);
  CHECK(cards(session) == 3);
}

TEST_CASE("Workers: live rate changes survive a restart") {
  const scenario::Scenario s = preset("backpressure");
  gui::Session session(s);
  gui::WorkersControl control;
  session.advance_to_seconds(0.3);
  session.set_rate(25);
  session.advance_to_seconds(1.2);
  control.moved(session, 6, false);  // grow, live
  session.advance_to_seconds(1.6);
  control.moved(session, 2, false);  // shrink: restart with 2 from the start

  CHECK(session.now() == 1600 * kMs);
  CHECK(session.live_rate() == doctest::Approx(25));
  CHECK(cards(session) == 2);
  pool::PoolRun reference(with(s, {"pool.workers=2"}));
  reference.run_until(300 * kMs);
  reference.set_rate(25);
  reference.run_until(1600 * kMs);
  CHECK(same_state(session, reference));
}

TEST_CASE("Workers: after the run ended a change runs it again to the same moment") {
  gui::Session session(preset("backpressure"));
  gui::WorkersControl control;
  session.advance_to_seconds(60);
  REQUIRE(session.finished());
  const trace::Time end = session.now();

  CHECK(contains(gui::why_not_live(session, 5), "ended"));
  control.moved(session, 2, false);
  CHECK(session.now() == end);  // two workers take longer: still running then
  CHECK_FALSE(session.finished());
  CHECK(cards(session) == 2);
  CHECK(contains(control.status(session), "the run had ended"));
  control.moved(session, 1, false);
  CHECK(contains(control.status(session), "Restarted with 1 worker and"));
}

TEST_CASE("Workers: after close(jobs) a pool with a WaitGroup restarts to grow") {
  const scenario::Scenario s = with(preset("hello-pool"), {"pool.collect=wait_then_range"});
  gui::Session session(s);
  gui::WorkersControl control;
  session.advance_to_seconds(0.2);  // five jobs sent and jobs closed at once
  CHECK(contains(gui::why_not_live(session, 5), "WaitGroup"));
  control.moved(session, 5, true);
  CHECK(control.pending() == 5);
  CHECK(gui::workers_in_force(session) == 3);  // the setting did not move without workers
  control.released(session);
  CHECK(cards(session) == 5);
  CHECK(gui::workers_in_force(session) == 5);
  CHECK(session.now() == 200 * kMs);
}

// The predicate the control relies on agrees with what the program does: where it says
// live, set_workers gives the picture that many workers (at once, or when the pool
// starts); in a pool with a WaitGroup, where it says restart, set_workers adds none.
TEST_CASE("Workers: why_not_live matches what the running program does") {
  const std::vector<scenario::Scenario> cases = {
      preset("hello-pool"),
      preset("backpressure"),
      preset("size-to-bottleneck"),
      with(preset("hello-pool"), {"pool.collect=wait_then_range"}),
      with(preset("backpressure"), {"pool.collect=closer_goroutine"}),
      with(preset("backpressure"), {"pool.collect=producer_goroutine"})};
  int live_cases = 0, restart_cases = 0;
  for (const scenario::Scenario& s : cases) {
    for (const double t : {0.0, 0.001, 0.3, 1.0, 2.5, 3.5, 4.0}) {
      CAPTURE(s.id);
      CAPTURE(s.pool.collect);
      CAPTURE(t);
      gui::Session session(s);
      session.advance_to_seconds(t);
      if (session.finished()) continue;
      const int want = gui::workers_in_force(session) + 2;
      const std::string why = gui::why_not_live(session, want);
      REQUIRE(session.set_workers(want));
      if (cards(session) == 0) session.advance_to_seconds(t + 0.001);  // the pool starts
      if (why.empty()) {
        ++live_cases;
        CHECK(cards(session) == static_cast<std::size_t>(want));
      } else {
        ++restart_cases;
        CHECK((contains(why, "jobs is closed") || contains(why, "leaving")));
        CHECK(cards(session) != static_cast<std::size_t>(want));
        if (s.pool.collect != scenario::Collect::AfterSend) {
          CHECK(cards(session) == static_cast<std::size_t>(want - 2));
        }
      }
    }
  }
  CHECK(live_cases >= 10);
  CHECK(restart_cases >= 4);
}

// Issue 13: the backpressure slider read 18 while the picture said workers (27). The
// slider drew the value under the mouse, which the run had refused.
TEST_CASE("Workers: the count shown is the count the picture has") {
  gui::Session session(preset("backpressure"));
  gui::WorkersControl control;
  session.advance_to_seconds(1.0);
  for (int w = 4; w <= 27; ++w) control.moved(session, w, true);
  CHECK(control.shown(session) == 27);
  CHECK(cards(session) == 27);

  control.moved(session, 18, true);  // dragged down, still held
  CHECK(control.shown(session) == 18);
  CHECK(contains(control.status(session), "Let go to restart with 18"));
  control.released(session);
  CHECK(control.shown(session) == 18);
  CHECK(gui::workers_in_force(session) == 18);
  CHECK(cards(session) == 18);

  session.advance_to_seconds(2.0);
  control.moved(session, 21, true);
  CHECK(control.shown(session) == 21);
  CHECK(cards(session) == 21);
}

TEST_CASE("Workers: the status is forgotten once the run it describes is gone") {
  gui::Session session(preset("size-to-bottleneck"));
  gui::WorkersControl control;
  session.advance_to_seconds(0.4);
  control.moved(session, 4, false);
  CHECK_FALSE(control.status(session).empty());
  session.reset();
  CHECK(control.status(session).empty());
  session.advance_to_seconds(0.5);
  control.moved(session, 2, false);
  CHECK_FALSE(control.status(session).empty());
  session.load(preset("backpressure"));
  CHECK(control.status(session).empty());
}

TEST_CASE("Workers: a change while scrubbing starts from the moment shown") {
  gui::Session session(preset("size-to-bottleneck"));
  gui::WorkersControl control;
  session.advance_to_seconds(1.5);
  session.view_at(600 * kMs);
  control.moved(session, 3, true);
  control.released(session);
  CHECK_FALSE(session.scrubbing());
  CHECK(session.now() == 600 * kMs);
  CHECK(cards(session) == 3);
}
