// Lesson files against careless and hostile input (issue 15): each case aborted the app
// at start, recursed without bound or was accepted wrongly before.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/lesson/lesson.hpp"
#include "core/util/read_file.hpp"

using namespace poolscope;

namespace {
const char* kLesson = R"({
  "preset": "hello-pool", "title": "t",
  "steps": [{"text": "one"}],
  "question": {"prompt": "p", "set": ["pool.close_jobs=false"], "choices": [
    {"text": "a", "expect": {"outcome": "deadlock"}},
    {"text": "b", "expect": {"outcome": "completed", "leaked": {"min": 1}}}]}
})";

std::string with(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}
}  // namespace

TEST_CASE("Lesson hardening: an empty or unknown preset is a problem of that file") {
  const auto empty = lesson::parse_lesson(with(kLesson, "\"hello-pool\"", "\"\""), "x.json");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.message().starts_with("x.json:2:13: preset: unknown preset \"\" (presets: "));
  const auto unknown =
      lesson::parse_lesson(with(kLesson, "\"hello-pool\"", "\"helo-pool\""), "x.json");
  CHECK(unknown.message().find("preset: unknown preset \"helo-pool\"; did you mean "
                               "\"hello-pool\"?") != std::string::npos);
}

TEST_CASE("Lesson hardening: a number beyond a double is a problem with its place") {
  const auto r = lesson::parse_lesson(
      with(kLesson, "{\"text\": \"one\"}", "{\"text\": \"one\", \"at_s\": 1e400}"),
      "hello-pool.json");
  CHECK(r.message() ==
        "hello-pool.json:3:37: the number 1e400 is too large (numbers go up to about 1.8e308)");
  const auto digits = lesson::parse_lesson(
      with(kLesson, "{\"min\": 1}", "{\"min\": " + std::string(1'000'000, '9') + "}"), "h.json");
  REQUIRE_FALSE(digits.ok());
  CHECK(digits.message().size() < 200);
}

TEST_CASE("Lesson hardening: deep nesting is refused while parsing") {
  const std::string deep = std::string(50'000, '[') + std::string(50'000, ']');
  const auto r = lesson::parse_lesson(with(kLesson, "[{\"text\": \"one\"}]", deep), "h.json");
  CHECK(r.message() ==
        "h.json:3:75: nested deeper than 64 levels (arrays and objects inside each "
        "other)");
}

TEST_CASE("Lesson hardening: a whole number beyond int64 is not taken as a negative bound") {
  const auto r = lesson::parse_lesson(with(kLesson, "{\"min\": 1}", "18446744073709551615"),
                                      "hello-pool.json");
  REQUIRE_FALSE(r.ok());
  CHECK(
      r.message().find("question.choices[1].expect.leaked: 18446744073709551615 is not allowed") !=
      std::string::npos);
}

TEST_CASE("Lesson hardening: a long bad value is echoed shortened, at its place") {
  CHECK(lesson::parse_lesson(kLesson, "hello-pool.json").ok());
  const std::string big(5'000'000, 'z');
  const auto bad = lesson::parse_lesson(
      with(kLesson, "{\"text\": \"one\"}", "{\"text\": \"one\", \"on\": \"" + big + "\"}"),
      "h.json");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.message().starts_with("h.json:3:35: steps[0].on: \"zzz"));
  CHECK(bad.message().size() < 300);
}

TEST_CASE("Lesson hardening: a duplicate field is a problem, not last-wins") {
  const auto r = lesson::parse_lesson(
      with(kLesson, "\"title\": \"t\"", "\"title\": \"t\", \"title\": \"u\""), "h.json");
  CHECK(r.message() ==
        "h.json:2:41: duplicate key \"title\" (first at line 2, column 27); each "
        "key may appear once in an object");
}

TEST_CASE("Lesson hardening: a folder or a FIFO named like a lesson is reported, not read") {
  const auto dir = std::filesystem::path(POOLSCOPE_TEST_OUTPUT_DIR) / "lessons-kinds";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "queueing.json");
  std::ofstream(dir / "hello-pool.json") << kLesson;
  const auto lib = lesson::load_lessons(dir);
  CHECK(lib.lessons.size() == 1);
  REQUIRE(lib.problems.size() == 1);
  CHECK(lib.problem_for("queueing") == "queueing.json is a folder, not a lesson file");
}

TEST_CASE("Lesson hardening: a file with thousands of problems lists 50 and counts the rest") {
  std::string steps = "[";
  for (int i = 0; i < 10'000; ++i) steps += "{},";
  steps += "{}]";
  const auto r = lesson::parse_lesson(with(kLesson, "[{\"text\": \"one\"}]", steps), "h.json");
  REQUIRE(r.errors().size() == 51);
  CHECK(r.errors()[0].message == "h.json:3:13: steps[0].text: missing (a text is required)");
  CHECK(r.errors()[50].message == "h.json: 9951 more problems not listed");
}
