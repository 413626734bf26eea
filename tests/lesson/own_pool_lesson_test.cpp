// Lesson 9, "Write your own pool": each task is checked by the outcome of the learner's
// run, so each must be met by the change it asks for and by nothing before it. The
// programs below are the template with exactly the edits the steps describe (each checked
// against go1.19: the template and its variants complete, leak silently or deadlock there
// as here).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/lesson/lesson.hpp"
#include "core/pool/pool_run.hpp"
#include "core/scenario/go_template.hpp"
#include "core/scenario/presets.hpp"

using namespace poolscope;

namespace {

const lesson::Lesson& own_pool_lesson() {
  static const lesson::LessonLibrary lib =
      lesson::load_lessons(std::filesystem::path(POOLSCOPE_SOURCE_DIR) / "assets" / "lessons");
  const lesson::Lesson* lesson = lib.find("your-own-pool");
  REQUIRE(lesson != nullptr);
  return *lesson;
}

// `text` with every `from` replaced by `to`; at least one must be there.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  REQUIRE_MESSAGE(text.find(from) != std::string::npos, from);
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

pool::Summary run_source(const std::string& source) {
  scenario::Scenario s = scenario::find_preset("your-own-pool").value();
  s.source = source;
  REQUIRE(pool::source_problems(s).empty());
  return pool::run_to_end(s);
}

// The program each step asks for, in order.
std::vector<std::string> step_programs() {
  const std::string tmpl(scenario::worker_pool_template());
  const std::string close_line =
      "\tclose(jobs) // no more jobs: each worker's range ends once jobs is drained\n";
  const std::string per_job = replaced(replaced(tmpl, "const numJobs = 5", "const numJobs = 100"),
                                       "w <= numWorkers; w++", "w <= numJobs; w++");
  return {
      tmpl,
      replaced(tmpl, close_line, ""),
      replaced(tmpl, "make(chan int, numJobs)", "make(chan int)"),
      per_job,
      replaced(replaced(tmpl, "const numJobs = 5", "const numJobs = 100"), "const numWorkers = 3",
               "const numWorkers = 20"),
  };
}

}  // namespace

TEST_CASE("Own pool lesson: each task is done by the change it asks for, and not before") {
  const lesson::Lesson& lesson = own_pool_lesson();
  const std::vector<std::string> programs = step_programs();
  REQUIRE(lesson.steps.size() == programs.size());
  std::vector<pool::Summary> runs;
  runs.reserve(programs.size());
  for (const std::string& p : programs) runs.push_back(run_source(p));
  // The figures the steps' notes quote: five results, three workers left in range jobs,
  // a hundred and one goroutines, numWorkers (20) plus main.
  CHECK(runs[0].outcome == trace::Outcome::Completed);
  CHECK(runs[0].results == 5);
  CHECK(runs[1].leaked == 3);  // the three workers, still in range jobs
  CHECK(runs[2].outcome == trace::Outcome::Deadlock);
  CHECK(runs[3].peak_goroutines == 101);
  CHECK(runs[4].results == 100);
  CHECK(runs[4].peak_goroutines == 21);
  for (std::size_t step = 0; step < lesson.steps.size(); ++step) {
    CAPTURE(step);
    REQUIRE(lesson.steps[step].check.has_value());
    for (std::size_t run = 0; run < runs.size(); ++run) {
      CAPTURE(run);
      CAPTURE(lesson::describe_run(runs[run]));
      // Each step's own program meets its check; the program of the step before does not,
      // so no task is done before the learner makes its change.
      if (run == step) CHECK(lesson::meets(*lesson.steps[step].check, runs[run]));
      if (run + 1 == step) CHECK_FALSE(lesson::meets(*lesson.steps[step].check, runs[run]));
    }
  }
}

TEST_CASE("Own pool lesson: the question's constant rewrites the template's source") {
  const lesson::Lesson& lesson = own_pool_lesson();
  const scenario::Scenario preset = scenario::find_preset("your-own-pool").value();
  const auto variant = lesson::question_scenario(lesson, preset);
  REQUIRE(variant);
  CHECK(variant.value().source.find("const numWorkers = 0\n") != std::string::npos);
  CHECK(variant.value().source.size() == preset.source.size());

  lesson::Lesson typo = lesson;
  typo.question.set = {"numWorker=0"};
  const auto bad = lesson::question_scenario(typo, preset);
  REQUIRE_FALSE(bad);
  CHECK(bad.message() ==
        "\"numWorker\" is not a constant of the program (its constants: numJobs, numWorkers, "
        "workTime)");
  typo.question.set = {"numWorkers=\"three\""};
  const auto wrong_type = lesson::question_scenario(typo, preset);
  REQUIRE_FALSE(wrong_type);
  CHECK(wrong_type.message().find("with those constants the program does not compile") == 0);
  // A setting is still a setting, for every preset.
  typo.question.set = {"seed=7"};
  CHECK(lesson::question_scenario(typo, preset).value().seed == 7);
}

TEST_CASE("Own pool lesson: a step's check is read as a choice's expect, with its messages") {
  const char* text = R"({"preset": "your-own-pool", "title": "t",
    "steps": [{"text": "a", "check": {"outcome": "completed", "leaked": {"min": 1}}},
              {"text": "b", "check": {"leak": 1}}],
    "question": {"prompt": "p", "choices": [{"text": "x", "expect": {"outcome": "deadlock"}},
                                            {"text": "y", "expect": {"outcome": "completed"}}]}})";
  const auto bad = lesson::parse_lesson(text, "your-own-pool.json");
  REQUIRE_FALSE(bad);
  CAPTURE(bad.message());
  CHECK(bad.message().find("your-own-pool.json:3:47: steps[1].check.leak: unknown figure") == 0);
  std::string good(text);
  good = replaced(good, "\"leak\": 1", "\"leaked\": 0");
  const auto ok = lesson::parse_lesson(good, "your-own-pool.json");
  REQUIRE_MESSAGE(ok, ok.message());
  const lesson::Expectation& check = *ok.value().steps[0].check;
  CHECK(check.outcome == trace::Outcome::Completed);
  REQUIRE(check.bounds.size() == 1);
  CHECK(check.bounds[0].min == 1);
  CHECK_FALSE(ok.value().steps[1].check->outcome.has_value());
}
