// The lesson's state in the app: follow_lesson and the question's actions on a real
// Session, and where the app finds its lessons; no window.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>

#include "app/gui/model/lesson_state.hpp"
#include "app/gui/model/lessons_dir.hpp"
#include "app/gui/model/session.hpp"
#include "core/pool/pool_run.hpp"
#include "core/scenario/presets.hpp"

using namespace poolscope;

namespace {

std::filesystem::path shipped_dir() {
  return std::filesystem::path(POOLSCOPE_SOURCE_DIR) / "assets" / "lessons";
}

trace::Time seconds(double s) { return static_cast<trace::Time>(std::llround(s * 1e9)); }

}  // namespace

TEST_CASE("Lessons: a missing folder is a problem, not a crash") {
  const auto lib = lesson::load_lessons("/nonexistent/poolscope-lessons");
  CHECK(lib.lessons.empty());
  REQUIRE(lib.problems.size() == 1);
  CHECK(lib.problems[0].find("not found") != std::string::npos);
  const auto found = gui::find_lessons_dir("/nonexistent/poolscope-lessons");
  CHECK(found.found.empty());
  CHECK(found.tried.size() == 1);
}

TEST_CASE("Lessons: the lessons folder is found from a build tree") {
  const auto found = gui::find_lessons_dir("");
  REQUIRE(!found.found.empty());
  CHECK(std::filesystem::exists(found.found / "hello-pool.json"));
}

// [Panel logic] follow_lesson and the question's actions on a real Session, no window.

namespace {
// Plays `session` in frames of 1/60 s, following the lesson, until `done` or `limit` frames.
template <class Done>
int play(gui::Session& session, gui::LessonState& state, const lesson::LessonLibrary& lib,
         Done done, int limit = 20000) {
  int frames = 0;
  for (; frames < limit && !done(); ++frames) {
    session.update(1.0 / 60.0);
    gui::follow_lesson(session, state, lib);
  }
  return frames;
}
}  // namespace

TEST_CASE("Lesson panel: a playing lesson pauses itself at the scripted moment") {
  const auto lib = lesson::load_lessons(shipped_dir());
  gui::Session session(scenario::find_preset("hello-pool").value());
  gui::LessonState state;
  gui::follow_lesson(session, state, lib);
  CHECK(state.preset == "hello-pool");
  play(session, state, lib, [&] { return !session.playing; });
  CHECK_FALSE(session.playing);
  CHECK(state.player.step == 1);
  CHECK(state.player.note_open);
  CHECK(session.now() == seconds(0.5));  // exactly the moment, not the frame after it
}

TEST_CASE("Lesson panel: Run it plays the variant and the run decides which choice was right") {
  const auto lib = lesson::load_lessons(shipped_dir());
  for (const char* id : {"hello-pool", "results-deadlock", "errgroup-limit"}) {
    CAPTURE(id);
    const lesson::Lesson& lesson = *lib.find(id);
    gui::Session session(scenario::find_preset(id).value());
    gui::LessonState state;
    gui::follow_lesson(session, state, lib);
    state.question.predicted = 0;
    REQUIRE(gui::start_question(session, state, lesson));
    CHECK(session.scenario() != scenario::find_preset(id).value());  // the variant runs
    play(session, state, lib, [&] { return state.question.answered; });
    REQUIRE(state.question.answered);
    CHECK_FALSE(state.question.running);
    CHECK_FALSE(session.playing);
    pool::PoolRun reference(
        lesson::question_scenario(lesson, scenario::find_preset(id).value()).value());
    reference.run(seconds(lesson.question.run_s));
    CHECK(state.question.observed == lesson::matching_choice(lesson.question, reference.summary()));
    CHECK(!state.question.summary.empty());
    gui::back_to_lesson(session, state);
    CHECK(session.scenario() == scenario::find_preset(id).value());
    CHECK_FALSE(state.question.answered);
    CHECK(state.question.predicted == -1);
  }
}

// [Every paused moment] Each lesson played from the start stops exactly at each of its
// paused moments, on that step, with the picture its note describes.

namespace {

struct Counts {
  int working = 0;        // doing work (CPU, I/O or sleeping in the work function)
  int blocked_send = 0;   // blocked sending
  int blocked_recv = 0;   // blocked receiving
  int blocked_other = 0;  // select, WaitGroup, semaphore
  int alive = 0;
};

Counts count(const trace::Snapshot& snap) {
  Counts c;
  for (const auto& g : snap.goroutines) {
    switch (g.state) {
      case trace::GoState::Working:
      case trace::GoState::WaitingCpu:
      case trace::GoState::IoWait:
      case trace::GoState::Sleeping:
        ++c.working;
        break;
      case trace::GoState::BlockedSend:
        ++c.blocked_send;
        break;
      case trace::GoState::BlockedRecv:
        ++c.blocked_recv;
        break;
      case trace::GoState::BlockedSelect:
      case trace::GoState::BlockedWaitGroup:
      case trace::GoState::BlockedSemaphore:
      case trace::GoState::BlockedMutex:
        ++c.blocked_other;
        break;
      default:
        break;
    }
    c.alive += g.state != trace::GoState::Exited ? 1 : 0;
  }
  return c;
}

struct Pause {
  std::size_t step;
  trace::Time time;
  Counts counts;
  pool::Figures figures;
};

// Plays the preset's lesson from the start at `speed`, pressing Play at every pause,
// and returns each pause.
std::vector<Pause> play_lesson(const lesson::LessonLibrary& lib, const std::string& id,
                               double speed) {
  gui::Session session(scenario::find_preset(id).value());
  session.playing = false;
  session.speed = speed;
  gui::LessonState state;
  gui::follow_lesson(session, state, lib);
  std::vector<Pause> pauses;
  for (int frame = 0; frame < 200000 && !session.finished(); ++frame) {
    session.playing = true;
    state.player.note_open = false;
    play(session, state, lib, [&] { return !session.playing || session.finished(); });
    if (!session.playing) {
      pauses.push_back(
          {state.player.step, session.now(), count(session.snapshot()), session.figures()});
    }
  }
  return pauses;
}

}  // namespace

TEST_CASE("Lessons played from the start stop exactly at every paused moment, at 1x and 50x") {
  const auto lib = lesson::load_lessons(shipped_dir());
  REQUIRE(lib.lessons.size() >= 8);
  for (const lesson::Lesson& lesson : lib.lessons) {
    for (const double speed : {1.0, 50.0}) {
      CAPTURE(lesson.preset);
      CAPTURE(speed);
      const std::vector<Pause> pauses = play_lesson(lib, lesson.preset, speed);
      // The reference: the same run to its end, without frames.
      gui::Session reference(scenario::find_preset(lesson.preset).value());
      reference.advance_to_seconds(600);
      std::vector<Pause> expected;
      for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
        const lesson::LessonStep& st = lesson.steps[i];
        if (!st.pause) continue;
        const trace::Time t =
            st.trigger == lesson::StepTrigger::Time ? st.at : reference.end_time();
        expected.push_back({i, t, {}, {}});
      }
      REQUIRE(pauses.size() == expected.size());
      for (std::size_t k = 0; k < pauses.size(); ++k) {
        CAPTURE(k);
        CHECK(pauses[k].step == expected[k].step);
        CHECK(pauses[k].time == expected[k].time);
      }
    }
  }
}

TEST_CASE("Lessons: each paused moment shows the state its note describes") {
  const auto lib = lesson::load_lessons(shipped_dir());
  auto at = [&](const std::string& id, std::size_t k) {
    const auto pauses = play_lesson(lib, id, 50.0);
    REQUIRE(pauses.size() > k);
    return pauses[k];
  };
  SUBCASE("hello-pool: three jobs in work, two in the jobs buffer; at the end five results") {
    const Pause p = at("hello-pool", 0);
    CHECK(p.figures.in_work == 3);
    CHECK(p.figures.queue_depth == 2);
    const Pause end = at("hello-pool", 1);
    CHECK(end.figures.results == 5);
    CHECK(end.counts.alive == 0);  // nothing is left behind
  }
  SUBCASE("backpressure: the buffer is full and the sender waits") {
    const Pause p = at("backpressure", 0);
    CHECK(p.figures.queue_depth == 5);
    CHECK(p.figures.blocked_senders == 1);
    CHECK(p.figures.in_work == 3);
  }
  SUBCASE("errgroup-limit: three jobs run and main waits in g.Go; one failure ends all at 1.5 s") {
    const Pause p = at("errgroup-limit", 0);
    CHECK(p.figures.in_work == 3);
    CHECK(p.counts.alive == 4);  // main (waiting in g.Go) and three jobs
    const Pause before = at("errgroup-limit", 1);
    CHECK(before.time == seconds(1.4));
    CHECK(before.figures.jobs_done == 3);  // jobs 1 to 3
    CHECK(before.figures.in_work == 3);    // jobs 4, 5 and 6
    const Pause end = at("errgroup-limit", 2);
    CHECK(end.time == seconds(1.5));  // main returns with g.Wait's error
    CHECK(end.counts.alive == 0);
    gui::Session whole(scenario::find_preset("errgroup-limit").value());
    whole.advance_to_seconds(600);
    const pool::Summary s = whole.run().summary();
    CHECK(s.cancelled == 2);  // jobs 5 and 6
    CHECK(s.skipped == 4);    // jobs 7 to 10
    CHECK(s.failed == 1);
    CHECK(s.error == "job 4 failed");
  }
  SUBCASE("forgot-close: the first request's three workers wait on range; fifteen leak") {
    const Pause p = at("forgot-close", 0);
    CHECK(p.figures.results == 5);      // the first request's five results are in
    CHECK(p.counts.blocked_recv >= 3);  // its three workers still wait on range jobs
    const Pause end = at("forgot-close", 1);
    CHECK(end.counts.blocked_recv == 15);
  }
  SUBCASE("results-deadlock: 3 in workers' hands, 2 in the jobs buffer, all asleep") {
    const Pause p = at("results-deadlock", 0);
    CHECK(p.figures.queue_depth == 2);
    CHECK(p.counts.blocked_send == 4);  // main on jobs, three workers on results
    CHECK(p.counts.alive == 4);
  }
  SUBCASE("size-to-bottleneck: five work, five wait for a connection") {
    const Pause p = at("size-to-bottleneck", 0);
    CHECK(p.figures.in_work == 5);
    CHECK(p.counts.blocked_other == 5);
    // "Throughput stops at five jobs per 100 ms": 100 jobs take 2 s.
    gui::Session whole(scenario::find_preset("size-to-bottleneck").value());
    whole.advance_to_seconds(600);
    CHECK(whole.run().summary().throughput_per_s == doctest::Approx(50.0).epsilon(0.02));
  }
  SUBCASE("queueing: 19 jobs wait at 10 s, none at 13 s, 55 at 56 s") {
    const Pause p = at("queueing", 0);
    CHECK(p.figures.queue_depth == 19);
    CHECK(p.figures.in_work == 4);
    gui::Session later(scenario::find_preset("queueing").value());
    later.advance_to_seconds(13);
    CHECK(later.figures().queue_depth == 0);
    CHECK(later.figures().in_work == 2);
    CHECK(at("queueing", 1).figures.queue_depth == 55);
    // "about 36 jobs a second"; the question's answer: at rate 20, under ten waiting.
    scenario::Scenario s = scenario::find_preset("queueing").value();
    CHECK(pool::run_to_end(s).throughput_per_s == doctest::Approx(36.0).epsilon(0.02));
    s.load.rate = 20;
    CHECK(pool::run_to_end(s).max_queue_depth <= 9);
  }
  SUBCASE("unbounded-vs-pool: ten thousand goroutines alive") {
    const Pause p = at("unbounded-vs-pool", 0);
    CHECK(p.counts.alive >= 10000);
    CHECK(p.figures.goroutines >= 10000);
    // "about ten gigabytes of images": 10,000 x 1 MiB
    CHECK(p.figures.memory_bytes >= 9LL << 30);
    CHECK(p.figures.memory_bytes <= 11LL << 30);
  }
}

TEST_CASE("Lessons: Reset, Back, Next and scrubbing keep the text and the picture together") {
  const auto lib = lesson::load_lessons(shipped_dir());
  const lesson::Lesson& hello = *lib.find("hello-pool");
  gui::Session session(scenario::find_preset("hello-pool").value());
  gui::LessonState state;
  gui::follow_lesson(session, state, lib);
  session.playing = true;
  play(session, state, lib, [&] { return !session.playing; });
  REQUIRE(state.player.step == 1);
  REQUIRE(session.now() == seconds(0.5));

  SUBCASE("Next moves the run to the next step's moment, Back to the step's own") {
    gui::lesson_next(session, state, hello);
    gui::follow_lesson(session, state, lib);
    CHECK(state.player.step == 2);
    CHECK(session.now() == seconds(1.2));
    CHECK_FALSE(session.playing);
    gui::lesson_back(session, state, hello);
    gui::follow_lesson(session, state, lib);
    CHECK(state.player.step == 1);
    CHECK(session.now() == seconds(0.5));
    CHECK(session.figures().queue_depth == 2);  // the picture of 0.5 s again
    gui::lesson_back(session, state, hello);
    gui::follow_lesson(session, state, lib);
    CHECK(state.player.step == 0);
    CHECK(session.now() == 0);
    // Next to the "on: end" step runs the program to its end: main's return.
    for (int i = 0; i < 3; ++i) gui::lesson_next(session, state, hello);
    gui::follow_lesson(session, state, lib);
    CHECK(state.player.step == 3);
    CHECK(session.finished());
    CHECK(session.now() == session.end_time());
  }
  SUBCASE("Reset shows step 1 and the pause fires again") {
    session.playing = true;
    play(session, state, lib, [&] { return session.finished(); });
    CHECK(state.player.step == 3);
    session.reset();
    gui::follow_lesson(session, state, lib);
    CHECK(state.player.step == 0);
    session.playing = true;
    play(session, state, lib, [&] { return !session.playing; });
    CHECK(state.player.step == 1);
    CHECK(session.now() == seconds(0.5));
  }
  SUBCASE("Scrubbing shows the step of the moment scrubbed to, without pausing anything") {
    session.playing = true;
    play(session, state, lib, [&] { return session.finished(); });
    session.view_at(seconds(1.3));
    gui::follow_lesson(session, state, lib);
    CHECK(state.player.step == 2);
    session.view_at(seconds(0.2));
    gui::follow_lesson(session, state, lib);
    CHECK(state.player.step == 0);
    CHECK_FALSE(state.player.note_open);
    session.live();
    gui::follow_lesson(session, state, lib);
    CHECK(state.player.step == 3);
  }
  SUBCASE("The question's run is not narrated by the lesson's steps") {
    state.question.predicted = 1;
    REQUIRE(gui::start_question(session, state, hello));
    CHECK(session.stops().empty());  // the lesson's pauses do not stop the question's run
    play(session, state, lib, [&] { return state.question.answered; });
    CHECK(state.question.answered);
    // Opening the preset again (a key, the picker) brings the lesson back, on step 1.
    session.load(scenario::find_preset("hello-pool").value());
    gui::follow_lesson(session, state, lib);
    CHECK_FALSE(state.question.answered);
    CHECK(state.player.step == 0);
    CHECK(session.stops() == lesson::pause_times(hello));
  }
}

TEST_CASE("Session: the run ends when main returns, and leaks are still decided") {
  // forgot-close: main returns after five requests; fifteen workers wait forever.
  gui::Session session(scenario::find_preset("forgot-close").value());
  session.advance_to_seconds(600);
  REQUIRE(session.finished());
  const pool::Summary summary = session.run().summary();
  CHECK(session.now() == session.end_time());
  CHECK(summary.leaked == 15);
  // errgroup-limit: main returns at 1.5 s; the cancelled jobs' timers would run to 2 s.
  gui::Session eg(scenario::find_preset("errgroup-limit").value());
  eg.playing = true;
  for (int i = 0; i < 600 && !eg.finished(); ++i) eg.update(1.0 / 60.0);
  CHECK(eg.finished());
  CHECK(eg.now() == seconds(1.5));
  CHECK(eg.end_time() == seconds(1.5));
}

TEST_CASE("Lessons: the narration says so when the run on screen is not the lesson's own") {
  gui::Session session(scenario::find_preset("size-to-bottleneck").value());
  CHECK(gui::lesson_caveat(session).empty());
  session.advance_to_seconds(0.5);
  REQUIRE(session.set_workers(12));  // a live change
  CHECK(gui::lesson_caveat(session).find("workers 10 -> 12") != std::string::npos);
  session.view_at(seconds(0.2));  // before the change: the lesson's own run
  CHECK(gui::lesson_caveat(session).empty());
  session.live();
  scenario::Scenario fewer = scenario::find_preset("size-to-bottleneck").value();
  fewer.pool.workers = 5;
  session.load(fewer);  // a setting changed
  CHECK(gui::lesson_caveat(session).find("pool.workers 5") != std::string::npos);
  session.load(scenario::find_preset("size-to-bottleneck").value());
  CHECK(gui::lesson_caveat(session).empty());
}

TEST_CASE("Lessons: a task is judged on the learner's run once it ends, and stays done") {
  const lesson::LessonLibrary lessons = lesson::load_lessons(shipped_dir());
  const lesson::Lesson* lesson = lessons.find("your-own-pool");
  REQUIRE(lesson != nullptr);
  scenario::Scenario s = scenario::find_preset("your-own-pool").value();
  gui::Session session(s);
  gui::LessonState state;
  gui::follow_lesson(session, state, lessons);
  CHECK(state.task.summary.empty());  // not ended yet: nothing judged
  session.advance_to_time(seconds(5));
  gui::follow_lesson(session, state, lessons);
  REQUIRE(state.task.done.size() == lesson->steps.size());
  CHECK(state.task.done[0]);
  CHECK(state.task.met);
  CHECK(state.task.summary == "completed after 0.40 s: 5 results, peak 4 goroutines");

  // Next on a task leaves the learner's run where it is, and judges it for the new task.
  gui::lesson_next(session, state, *lesson);
  CHECK(session.finished());
  gui::follow_lesson(session, state, lessons);
  CHECK_FALSE(state.task.met);
  CHECK_FALSE(state.task.done[1]);

  // The learner deletes close(jobs) and runs it: the same lesson, step 2 done.
  const std::string close_line =
      "\tclose(jobs) // no more jobs: each worker's range ends once jobs is drained\n";
  s.source.erase(s.source.find(close_line), close_line.size());
  session.load(s);
  gui::follow_lesson(session, state, lessons);
  CHECK(state.player.step == 1);
  CHECK(state.task.summary.empty());
  session.advance_to_time(seconds(5));
  gui::follow_lesson(session, state, lessons);
  CHECK(state.task.met);
  CHECK(state.task.done[1]);
  CHECK(state.task.summary ==
        "completed after 0.40 s: 5 results, 3 goroutines leaked, peak 4 goroutines");
  CHECK(gui::lesson_caveat(session).empty());  // the learner's program is theirs to change
  gui::lesson_back(session, state, *lesson);
  CHECK(state.task.done[0]);  // done stays done
}
