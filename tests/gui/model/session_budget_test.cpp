// Session with a work budget: long jumps are cut into slices that update() carries on,
// with progress and cancel, and end in exactly the state a whole jump gives; playing does
// at most the budget per frame; scrubbing reuses its replay; the history stays bounded.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "app/gui/model/session.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"

using namespace poolscope;

namespace {

constexpr trace::Time kMs = trace::kMillisecond;
constexpr gui::WorkBudget kSmall{.steps = 500};

scenario::Scenario with(const char* preset, const std::vector<std::string>& sets) {
  scenario::Scenario s = scenario::find_preset(preset).value();
  REQUIRE(scenario::apply_overrides(s, sets).ok());
  return s;
}

// 20,000 short jobs: about 300,000 events, more than the log keeps.
scenario::Scenario many_jobs() {
  return with("hello-pool",
              {"load.jobs=20000", "work.mean_ms=1", "pool.collect=producer_goroutine"});
}

std::vector<float> series(const gui::RingSeries& r) {
  std::vector<float> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(r.at(i));
  return out;
}

// Everything the views read of a session, to compare a sliced run with a direct one.
struct Seen {
  std::uint64_t seq = 0;
  trace::Time now = 0;
  trace::Time view = 0;
  trace::Snapshot snapshot;
  std::vector<float> times, queue, goroutines;
  std::vector<trace::GoroutineId> lanes;
  std::size_t spans = 0;
  bool operator==(const Seen&) const = default;
};

Seen seen(const gui::Session& s) {
  Seen out{s.log().last_seq(),
           s.now(),
           s.view_time(),
           s.snapshot(),
           series(s.histories().time_s),
           series(s.histories().queue_depth),
           series(s.histories().goroutines),
           {},
           0};
  for (const gui::Lane& lane : s.lanes()) {
    out.lanes.push_back(lane.goroutine);
    out.spans += lane.spans.size();
  }
  return out;
}

// Calls update() until the jump is done; returns how many calls it took.
int finish_by_frames(gui::Session& s, int limit = 1'000'000) {
  int frames = 0;
  double last = -1;
  while (s.busy() && frames < limit) {
    const double p = s.progress();
    CHECK(p >= last);  // progress never goes back
    CHECK(p <= 1.0);
    last = p;
    s.update(1.0 / 60.0);
    ++frames;
  }
  return frames;
}

}  // namespace

TEST_CASE(
    "Session budget: a long jump returns at once, goes on frame by frame, ends as a "
    "direct one") {
  const scenario::Scenario s = many_jobs();
  gui::Session direct(s);
  direct.advance_to_seconds(1.5);
  REQUIRE_FALSE(direct.busy());  // without a budget a call finishes its work

  gui::Session sliced(s, kSmall);
  sliced.playing = false;
  sliced.advance_to_seconds(1.5);
  CHECK(sliced.busy());
  CHECK(sliced.now() < 1500 * kMs);
  const int frames = finish_by_frames(sliced);
  CHECK(frames > 10);  // the work was spread over many frames
  CHECK_FALSE(sliced.busy());
  CHECK(sliced.now() == 1500 * kMs);
  CHECK(seen(sliced) == seen(direct));
}

TEST_CASE("Session budget: a rebuild (restart_with) and resume_from_view end as direct ones") {
  const scenario::Scenario s = many_jobs();
  scenario::Scenario more = s;
  more.pool.workers = 5;
  auto run = [&](gui::WorkBudget budget) {
    gui::Session session(s, budget);
    session.playing = false;
    session.advance_to_seconds(0.5);
    session.finish();
    REQUIRE(session.set_workers(4));
    session.advance_to_seconds(1.2);
    session.finish();
    session.set_rate(3000);
    session.advance_to_seconds(2.0);
    session.finish();
    session.view_at(1500 * kMs);
    session.resume_from_view();
    finish_by_frames(session);
    session.restart_with(more, "restart, workers 5");
    finish_by_frames(session);
    return seen(session);
  };
  const Seen direct = run({});
  CHECK(direct.now == 1500 * kMs);
  CHECK(run(kSmall) == direct);
}

TEST_CASE("Session budget: playing does at most the budget per frame, the clock falls behind") {
  // 200,000 jobs of no work, as fast as the channel takes them: the whole run is at t = 0.
  const scenario::Scenario s =
      with("hello-pool", {"load.jobs=200000", "work.mean_ms=0", "pool.collect=producer_goroutine",
                          "pool.collect_count=all"});
  gui::Session session(s, kSmall);
  session.playing = true;
  session.update(1.0 / 60.0);
  const std::uint64_t first = session.log().last_seq();
  CHECK_FALSE(session.finished());  // before: the first frame ran all 200,000 jobs
  CHECK(first > 0);
  session.update(1.0 / 60.0);
  CHECK(session.log().last_seq() > first);  // the next frame goes on
  CHECK_FALSE(session.finished());
}

TEST_CASE("Session budget: a wall-time budget stops a frame's work too") {
  const scenario::Scenario s =
      with("hello-pool", {"load.jobs=200000", "work.mean_ms=0", "pool.collect=producer_goroutine",
                          "pool.collect_count=all"});
  gui::Session session(s, gui::WorkBudget{.seconds = 0.002});
  session.update(1.0 / 60.0);
  CHECK_FALSE(session.finished());
}

TEST_CASE(
    "Session budget: cancel stops a jump where it got to, paused, and going on ends the same") {
  const scenario::Scenario s = many_jobs();
  gui::Session direct(s);
  direct.advance_to_seconds(1.0);

  gui::Session session(s, kSmall);
  session.advance_to_seconds(1.0);
  for (int i = 0; i < 20; ++i) session.update(1.0 / 60.0);
  REQUIRE(session.busy());
  const trace::Time got = session.now();
  session.cancel();
  CHECK_FALSE(session.busy());
  CHECK_FALSE(session.playing);
  CHECK(session.now() == got);
  CHECK(got > 0);
  CHECK(got < 1000 * kMs);
  CHECK(session.progress() == 0.0);
  // Paused: frames do nothing now.
  session.update(1.0 / 60.0);
  CHECK(session.now() == got);
  session.advance_to_seconds(1.0);
  finish_by_frames(session);
  CHECK(session.snapshot() == direct.snapshot());
  CHECK(session.log().last_seq() == direct.log().last_seq());
}

TEST_CASE("Session budget: a scrub older than the log shows a checkpoint, then the exact moment") {
  const scenario::Scenario s = many_jobs();
  gui::Session direct(s);
  direct.advance_to_seconds(60);
  REQUIRE(direct.finished());
  REQUIRE(direct.log().at(direct.log().first_seq()).time > 900 * kMs);

  gui::Session session(s);
  session.advance_to_seconds(60);
  session.set_work_budget(kSmall);
  REQUIRE(session.checkpoints().size() > 2);
  CHECK(session.checkpoints().front().time == 0);

  session.view_at(600 * kMs);
  REQUIRE(session.busy());
  CHECK(session.scrubbing());
  CHECK(session.view_time() == 600 * kMs);
  CHECK(session.snapshot().time <= 600 * kMs);  // a checkpoint from before the moment
  const int first = finish_by_frames(session);
  direct.view_at(600 * kMs);
  CHECK(session.snapshot() == direct.snapshot());
  CHECK(first > 10);

  // Later moments continue the same replay: a few pixels' worth costs a frame or two.
  session.view_at(610 * kMs);
  const int next = session.busy() ? finish_by_frames(session) : 0;
  CHECK(next < first / 5);
  direct.view_at(610 * kMs);
  CHECK(session.snapshot() == direct.snapshot());

  // While a replay runs, a drag further right only moves its target.
  session.view_at(700 * kMs);
  session.view_at(800 * kMs);
  session.view_at(900 * kMs);
  finish_by_frames(session);
  direct.view_at(900 * kMs);
  CHECK(session.snapshot() == direct.snapshot());

  // Esc during a replay: back to the present.
  session.view_at(100 * kMs);
  REQUIRE(session.busy());
  session.cancel();
  CHECK_FALSE(session.scrubbing());
  CHECK(session.snapshot() == direct.log().latest());
}

TEST_CASE("Session budget: a step back in slices lands on the state a direct one does") {
  const scenario::Scenario s = scenario::find_preset("backpressure").value();
  gui::Session direct(s);
  direct.playing = false;
  for (int i = 0; i < 300; ++i) direct.step_event();
  REQUIRE(direct.step_back_event());
  REQUIRE(direct.step_back_job());

  gui::Session session(s, gui::WorkBudget{.steps = 20});
  session.playing = false;
  for (int i = 0; i < 300; ++i) session.step_event();
  const Seen before = seen(session);
  REQUIRE(session.step_back_event());
  CHECK(session.busy());
  // Cancelled while it looks for the state: the run stays as it was.
  session.cancel();
  CHECK(seen(session) == before);
  REQUIRE(session.step_back_event());
  CHECK(finish_by_frames(session) > 5);
  REQUIRE(session.step_back_job());
  finish_by_frames(session);
  CHECK(seen(session) == seen(direct));
  CHECK(session.just_run().goroutine == direct.just_run().goroutine);
  CHECK(session.just_run().line == direct.just_run().line);
}

TEST_CASE("Session budget: lanes keep the newest goroutines, checkpoints stay bounded") {
  // One goroutine per job, 2,000 of them: more than kMaxLanes.
  const scenario::Scenario s =
      with("unbounded-vs-pool", {"load.jobs=2000", "work.mean_ms=5", "load.rate=1000"});
  gui::Session session(s);
  session.advance_to_seconds(3);
  REQUIRE(session.lanes().size() == gui::Session::kMaxLanes);
  // The newest goroutine has a lane (before: only the first 512 ever spawned had one).
  trace::GoroutineId newest = 0;
  for (const trace::GoroutineView& g : session.snapshot().goroutines) {
    newest = std::max(newest, g.id);
  }
  bool has_lane = false;
  for (const gui::Lane& lane : session.lanes()) has_lane = has_lane || lane.goroutine == newest;
  CHECK(has_lane);
  // Lanes stay in spawn order.
  for (std::size_t i = 1; i < session.lanes().size(); ++i) {
    CHECK(session.lanes()[i - 1].goroutine < session.lanes()[i].goroutine);
  }

  // An endless load played frame by frame for 10 virtual minutes at the fastest speed.
  gui::Session endless(
      with("hello-pool", {"load.jobs=0", "load.rate=50", "load.duration_s=3600",
                          "pool.collect=producer_goroutine", "pool.collect_count=until_closed"}));
  endless.speed = gui::Session::kMaxSpeed;
  while (endless.now() < 600 * trace::kSecond) endless.update(0.25);
  const auto& cps = endless.checkpoints();
  CHECK(cps.size() <= gui::Session::kMaxCheckpoints);
  CHECK(cps.size() >= gui::Session::kMaxCheckpoints / 2);
  CHECK(cps.front().time == 0);
  for (std::size_t i = 1; i < cps.size(); ++i) CHECK(cps[i - 1].time < cps[i].time);
  CHECK(cps.back().time > 300 * trace::kSecond);  // they span the run, not only its start
}

TEST_CASE("Session budget: wherever the budget cuts a jump, it ends in the same state") {
  // A cut at an instant with goroutines still ready at the jump's end once left them unrun
  // (the jump ended with the clock there): 300 steps did it for this run at 1.5 s.
  const scenario::Scenario s = many_jobs();
  gui::Session direct(s);
  direct.advance_to_seconds(0.3);
  for (std::uint64_t steps = 1; steps <= 400; steps += steps < 40 ? 1 : 37) {
    CAPTURE(steps);
    gui::Session sliced(s, gui::WorkBudget{.steps = steps});
    sliced.playing = false;
    sliced.advance_to_seconds(0.3);
    while (sliced.busy()) sliced.update(1.0 / 60.0);
    REQUIRE(sliced.snapshot() == direct.snapshot());
    REQUIRE(sliced.log().last_seq() == direct.log().last_seq());
  }
  gui::Session cut300(s, gui::WorkBudget{.steps = 300});
  cut300.advance_to_seconds(1.5);
  cut300.finish();
  direct.advance_to_seconds(1.5);
  CHECK(cut300.snapshot() == direct.snapshot());
}

TEST_CASE("Session budget: playing stops exactly at a stop, wherever the budget cuts") {
  const scenario::Scenario s = many_jobs();
  const std::vector<trace::Time> stops = {100 * kMs, 250 * kMs};
  auto play_to_stop = [&](gui::Session& session) {
    session.set_stops(stops);
    session.playing = true;
    session.speed = gui::Session::kMaxSpeed;
    for (int frame = 0; frame < 100'000 && session.playing; ++frame) session.update(1.0 / 60.0);
  };
  gui::Session direct(s);
  play_to_stop(direct);
  REQUIRE(direct.now() == 100 * kMs);
  for (const std::uint64_t steps : {1, 7, 50, 299, 300, 301, 1000}) {
    CAPTURE(steps);
    gui::Session sliced(s, gui::WorkBudget{.steps = steps});
    play_to_stop(sliced);
    CHECK_FALSE(sliced.playing);
    CHECK(sliced.now() == 100 * kMs);
    CHECK(sliced.snapshot() == direct.snapshot());
  }
}
