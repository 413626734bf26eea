// The lesson's state in the app: follow_lesson and the question's actions on a real
// Session, and where the app finds its lessons; no window.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>

#include "app/gui/model/lesson_state.hpp"
#include "app/gui/model/lessons_dir.hpp"
#include "app/gui/model/session.hpp"
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
  // The moment is 0.5 s; the run stops within one frame's worth of virtual time after it.
  CHECK(session.now() >= seconds(0.5));
  CHECK(session.now() < seconds(0.5 + 1.0 / 30.0));
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
