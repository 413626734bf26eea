// Lessons: the shipped files, the loader's messages, moments, the player and the
// question, all without a window.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/lesson/lesson.hpp"
#include "core/pool/pool_run.hpp"
#include "core/scenario/presets.hpp"

using namespace poolscope;
using lesson::Lesson;
using lesson::LessonStep;
using lesson::StepTrigger;

namespace {

std::filesystem::path shipped_dir() {
  return std::filesystem::path(POOLSCOPE_SOURCE_DIR) / "assets" / "lessons";
}

trace::Time seconds(double s) { return static_cast<trace::Time>(std::llround(s * 1e9)); }

// A fresh, empty folder under the test output directory.
std::filesystem::path scratch_dir(const std::string& name) {
  const auto dir = std::filesystem::path(POOLSCOPE_TEST_OUTPUT_DIR) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

const char* kMinimal = R"({
  "preset": "hello-pool", "title": "t",
  "steps": [{"text": "one"}, {"text": "two", "at_s": 1, "pause": true, "note": "n"},
            {"text": "three"}, {"text": "four", "on": "end"}],
  "question": {"prompt": "p", "set": ["pool.close_jobs=false"], "choices": [
    {"text": "a", "expect": {"outcome": "deadlock"}},
    {"text": "b", "expect": {"outcome": "completed", "leaked": {"min": 1}}}]}
})";

Lesson minimal() { return lesson::parse_lesson(kMinimal, "hello-pool.json").value(); }

}  // namespace

TEST_CASE("Lessons: each of the nine presets has a lesson file that loads") {
  const auto lib = lesson::load_lessons(shipped_dir());
  INFO(scenario::join_messages({}));
  for (const auto& p : lib.problems) MESSAGE(p);
  CHECK(lib.problems.empty());
  const auto presets = scenario::presets();
  REQUIRE(presets.size() == 9);
  for (std::size_t i = 0; i < presets.size(); ++i) {
    CAPTURE(presets[i].id);
    const Lesson* lesson = lib.find(presets[i].id);
    REQUIRE(lesson != nullptr);
    CHECK(lesson->steps.size() >= 3);
    CHECK(lesson->question.choices.size() >= 2);
    CHECK(!lesson->highlight.empty());
    // Timed moments come in order, so the narration follows the run forward.
    trace::Time last = -1;
    for (const LessonStep& s : lesson->steps) {
      CHECK(!s.text.empty());
      if (s.trigger != StepTrigger::Time) continue;
      CHECK(s.at > last);
      last = s.at;
    }
  }
}

TEST_CASE("Lessons: every question is answered by exactly one choice when its variant runs") {
  const auto lib = lesson::load_lessons(shipped_dir());
  REQUIRE(lib.lessons.size() >= 8);
  for (const Lesson& lesson : lib.lessons) {
    CAPTURE(lesson.preset);
    const auto preset = scenario::find_preset(lesson.preset);
    REQUIRE(preset);
    const auto variant = lesson::question_scenario(lesson, preset.value());
    REQUIRE(variant);
    pool::PoolRun run(variant.value());
    run.run(seconds(lesson.question.run_s));
    const pool::Summary summary = run.summary();
    CAPTURE(lesson::describe_run(summary));
    int matches = 0;
    for (const auto& c : lesson.question.choices) matches += lesson::choice_matches(c, summary);
    CHECK(matches == 1);
    CHECK(lesson::matching_choice(lesson.question, summary) >= 0);
  }
}

TEST_CASE("Lessons: every paused moment of a shipped lesson happens in its own preset's run") {
  const auto lib = lesson::load_lessons(shipped_dir());
  for (const Lesson& lesson : lib.lessons) {
    CAPTURE(lesson.preset);
    pool::PoolRun run(scenario::find_preset(lesson.preset).value());
    run.run(seconds(600));
    const lesson::RunEnd end{run.summary().outcome, run.now()};
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
      CAPTURE(i);
      if (lesson.steps[i].pause) CHECK(lesson::step_reached(lesson.steps[i], run.now(), end));
    }
  }
}

TEST_CASE("Lessons: malformed JSON names the file, the line and the column") {
  const auto r = lesson::parse_lesson("{\n  \"preset\": \"hello-pool\",\n  \"title\": oops\n}",
                                      "hello-pool.json");
  REQUIRE(!r);
  CHECK(r.message().starts_with("hello-pool.json:3:12: malformed JSON"));
}

TEST_CASE("Lessons: position_of counts lines and columns from 1") {
  CHECK(lesson::position_of("ab\ncd", 0).line == 1);
  CHECK(lesson::position_of("ab\ncd", 0).column == 1);
  CHECK(lesson::position_of("ab\ncd", 4).line == 2);
  CHECK(lesson::position_of("ab\ncd", 4).column == 2);
  CHECK(lesson::position_of("ab", 99).column == 3);
}

TEST_CASE("Lessons: a wrong value names the file and the field, and says what is allowed") {
  std::string text = kMinimal;
  text.replace(text.find("\"at_s\": 1"), 9, "\"at_s\": -1");
  const auto r = lesson::parse_lesson(text, "hello-pool.json");
  REQUIRE(!r);
  // The line and column of the bad value, then its path.
  CHECK(r.message().find("hello-pool.json:3:54: steps[1].at_s: -1 is not allowed") !=
        std::string::npos);

  std::string unknown = kMinimal;
  unknown.replace(unknown.find("\"title\""), 7, "\"titel\"");
  const auto u = lesson::parse_lesson(unknown, "hello-pool.json");
  REQUIRE(!u);
  CHECK(u.message().find("hello-pool.json:2:36: titel: unknown field") != std::string::npos);
  CHECK(u.message().find("hello-pool.json: title: missing") != std::string::npos);
  // A missing field inside a step points at the step.
  std::string no_text = kMinimal;
  no_text.replace(no_text.find("{\"text\": \"three\"}"), 17, "{\"note\": \"x\"}");
  CHECK(lesson::parse_lesson(no_text, "hello-pool.json")
            .message()
            .find("hello-pool.json:4:13: steps[2].text: missing") != std::string::npos);

  std::string control = kMinimal;
  control.replace(control.find("\"title\": \"t\""), 12,
                  "\"title\": \"t\", \"highlight\": [\"wokers\"]");
  CHECK(lesson::parse_lesson(control, "x.json").message().find("\"wokers\" is not a control") !=
        std::string::npos);

  std::string bad_set = kMinimal;
  bad_set.replace(bad_set.find("pool.close_jobs=false"), 21, "pool.workers=0");
  CHECK(lesson::parse_lesson(bad_set, "x.json").message().find("question.set: pool.workers") !=
        std::string::npos);
}

TEST_CASE("Lessons: a folder with a bad file keeps the good lessons and reports the bad one") {
  const auto dir = scratch_dir("lessons-mixed");
  write(dir / "hello-pool.json", kMinimal);
  write(dir / "backpressure.json", "{\"preset\": \"backpressure\",\n\"steps\": [}\n");
  write(dir / "forgot-close.json", kMinimal);  // preset does not match the name
  const auto lib = lesson::load_lessons(dir);
  CHECK(lib.lessons.size() == 1);
  CHECK(lib.find("hello-pool") != nullptr);
  REQUIRE(lib.problems.size() == 2);
  CHECK(lib.problem_for("backpressure").starts_with("backpressure.json:2:"));
  CHECK(lib.problem_for("forgot-close").find("does not match the file name") != std::string::npos);
}

TEST_CASE("Lessons: narration_at gives the step whose moment has come") {
  const Lesson l = minimal();
  CHECK(lesson::narration_at(l, 0) == "one");
  CHECK(lesson::narration_at(l, seconds(0.99)) == "one");
  CHECK(lesson::narration_at(l, seconds(1.0)) == "two");
  CHECK(lesson::narration_at(l, seconds(50)) == "two");  // "three" has no moment
  const lesson::RunEnd end{trace::Outcome::Completed, seconds(2)};
  CHECK(lesson::narration_at(l, seconds(1.5), end) == "two");
  CHECK(lesson::narration_at(l, seconds(2), end) == "four");
}

TEST_CASE("Lessons: a step reached with Next only belongs to the moment before it") {
  const Lesson l = minimal();
  CHECK(lesson::anchor_of(l, 0) == 0);
  CHECK(lesson::anchor_of(l, 1) == 1);
  CHECK(lesson::anchor_of(l, 2) == 1);
  CHECK(lesson::anchor_of(l, 3) == 3);
  using Kind = lesson::StepMoment::Kind;
  CHECK(lesson::moment_of(l, 0).kind == Kind::Start);
  CHECK(lesson::moment_of(l, 2).kind == Kind::Time);
  CHECK(lesson::moment_of(l, 2).at == seconds(1));
  CHECK(lesson::moment_of(l, 3).kind == Kind::End);
  CHECK(lesson::pause_times(l) == std::vector<trace::Time>{seconds(1)});
}

TEST_CASE("Lessons: the step shown is a function of the run's moment and Next/Back") {
  const Lesson l = minimal();
  lesson::LessonPlayer p;
  CHECK_FALSE(p.update(l, 0, {}));
  CHECK_FALSE(p.update(l, seconds(0.5), {}));
  CHECK(p.step == 0);
  CHECK(p.update(l, seconds(1.0), {}));  // the run stopped exactly at step 1's moment: pause
  CHECK(p.step == 1);
  CHECK(p.note_open);
  CHECK_FALSE(p.update(l, seconds(1.1), {}));  // played on: still the step of that moment
  CHECK(p.step == 1);
  p.next(l);  // "three" has no moment: it belongs to step 1's
  CHECK(p.step == 2);
  CHECK_FALSE(p.update(l, seconds(1.2), {}));
  CHECK(p.step == 2);
  p.back();
  CHECK(p.step == 1);
  CHECK_FALSE(p.note_open);
  // Reset: the time is 0 again, so is the step; the moment fires again when reached again.
  CHECK_FALSE(p.update(l, 0, {}));
  CHECK(p.step == 0);
  CHECK(p.update(l, seconds(1.0), {}));
  CHECK(p.step == 1);
  // Scrubbing past a moment shows its step without pausing.
  CHECK_FALSE(p.update(l, 0, {}));
  CHECK_FALSE(p.update(l, seconds(1.5), {}));
  CHECK(p.step == 1);
  CHECK_FALSE(p.note_open);
  // The end moves to the "on end" step, which does not pause.
  CHECK_FALSE(p.update(l, seconds(3), {trace::Outcome::Completed, seconds(3)}));
  CHECK(p.step == 3);
  p.next(l);
  CHECK(p.step == 3);  // stays on the last step
  // Scrubbing back before the end shows the step of that moment.
  CHECK_FALSE(p.update(l, seconds(2), {trace::Outcome::Completed, seconds(3)}));
  CHECK(p.step == 1);
}

TEST_CASE("Lessons: a step's second run must be a valid scenario, named by its step") {
  const auto dir = scratch_dir("lesson-compare");
  write(dir / "hello-pool.json", R"({"preset": "hello-pool", "title": "t",
  "steps": [{"text": "one"}, {"text": "two", "compare": ["pool.workers=0"]}],
  "question": {"prompt": "p", "set": ["pool.workers=4"], "choices": [
    {"text": "a", "expect": {"results": 5}}, {"text": "b", "expect": {"results": 4}}]}})");
  const lesson::LessonLibrary lib = lesson::load_lessons(dir);
  REQUIRE(lib.problems.size() == 1);
  CHECK(lib.problems[0].find("steps[1].compare") != std::string::npos);
  CHECK(lib.problems[0].find("pool.workers") != std::string::npos);
}

TEST_CASE("Lessons: the unbounded lesson ends with the pool running beside it") {
  const lesson::LessonLibrary lib = lesson::load_lessons(shipped_dir());
  const Lesson* lesson = lib.find("unbounded-vs-pool");
  REQUIRE(lesson != nullptr);
  CHECK(lesson->steps.back().compare == std::vector<std::string>{"pool.mode=pool"});
}
