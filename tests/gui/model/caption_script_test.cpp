// What a recording captions after the run's end (caption_script.hpp), and the text size
// a video gets from its height (record_options.hpp); no window.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "app/gui/model/caption_script.hpp"
#include "app/gui/model/record_options.hpp"

using namespace poolscope;

namespace {
lesson::Lesson parse(std::string_view json) {
  auto parsed = lesson::parse_lesson(json, "results-deadlock.json");
  REQUIRE_MESSAGE(parsed.ok(), parsed.message());
  return std::move(parsed).value();
}

// A lesson shaped like results-deadlock's: a step at 0.2 s, one on the deadlock with a
// note, one reached with Next only, and one for an outcome this run does not have.
constexpr std::string_view kLesson = R"({
  "preset": "results-deadlock", "title": "t",
  "steps": [
    {"text": "start"},
    {"text": "waits", "at_s": 0.2},
    {"text": "asleep", "on": "deadlock", "pause": true, "note": "count the places"},
    {"text": "two fixes"},
    {"text": "it completed", "on": "completed"},
    {"text": "and more", "note": "a last note"}
  ],
  "question": {"prompt": "?", "set": [],
    "choices": [{"text": "yes", "expect": {"outcome": "deadlock"}, "why": "w"},
                {"text": "no", "expect": {"outcome": "completed"}, "why": "w"}]}})";

constexpr trace::Time kMs = 1'000'000;
}  // namespace

TEST_CASE("Captions after the end: the end step's note, then the later steps of this ending") {
  const lesson::Lesson l = parse(kLesson);
  const lesson::RunEnd deadlock{trace::Outcome::Deadlock, 300 * kMs};
  const std::vector<std::string_view> after = gui::captions_after_end(l, 300 * kMs, deadlock, {});
  const std::vector<std::string_view> expected = {"count the places", "two fixes", "and more",
                                                  "a last note"};
  CHECK(after == expected);
}

TEST_CASE("Captions after the end: none while the run goes on") {
  const lesson::Lesson l = parse(kLesson);
  CHECK(gui::captions_after_end(l, 300 * kMs, lesson::RunEnd{}, {}).empty());
}

TEST_CASE("Captions after the end: a run that ends before a timed step skips that step") {
  // Completed at 0.1 s: the step at 0.2 s never came, nor did the deadlock's; the
  // completed step is the one reached, and what follows it is told.
  const lesson::Lesson l = parse(kLesson);
  const lesson::RunEnd completed{trace::Outcome::Completed, 100 * kMs};
  const std::vector<std::string_view> after = gui::captions_after_end(l, 100 * kMs, completed, {});
  const std::vector<std::string_view> expected = {"and more", "a last note"};
  CHECK(after == expected);
}

TEST_CASE("Captions after the end: a task the run on screen does not do ends the story") {
  // As in "Write your own pool": the run shown is the template's. Its first task is met
  // (its note is true of the picture); the second asks for a change the video does not
  // make: it is the last caption, without its note (which tells what the change shows).
  const lesson::Lesson l = parse(R"json({
    "preset": "your-own-pool", "title": "t",
    "steps": [
      {"text": "run it", "check": {"outcome": "completed", "leaked": 0}, "note": "all came back"},
      {"text": "delete close(jobs)", "check": {"leaked": {"min": 1}}, "note": "they leak"},
      {"text": "make it a pool again", "note": "bounded"}
    ],
    "question": {"prompt": "?", "set": [],
      "choices": [{"text": "a", "expect": {"outcome": "deadlock"}, "why": "w"},
                  {"text": "b", "expect": {"outcome": "completed"}, "why": "w"}]}})json");
  const lesson::RunEnd completed{trace::Outcome::Completed, 100 * kMs};
  pool::Summary template_run;
  template_run.outcome = trace::Outcome::Completed;
  const std::vector<std::string_view> expected = {"all came back", "delete close(jobs)"};
  CHECK(gui::captions_after_end(l, 100 * kMs, completed, template_run) == expected);
  // A run that already leaks does not meet the first task: nothing said of it is true.
  pool::Summary leaking = template_run;
  leaking.leaked = 3;
  CHECK(gui::captions_after_end(l, 100 * kMs, completed, leaking).empty());
}

TEST_CASE("Captions: every text and note is listed for sizing the band") {
  const lesson::Lesson l = parse(kLesson);
  CHECK(gui::caption_texts(l).size() == 8);
}

TEST_CASE("Captions: a caption stays 3 s, longer when it has more than 12 words") {
  CHECK(gui::caption_seconds("Two fixes.") == 3.0);
  CHECK(gui::caption_seconds("") == 3.0);
  // 20 words at 4 a second: 5 s.
  CHECK(gui::caption_seconds("a b c d e f g h i j k l m n o p q r s t") == 5.0);
  // 13 words: 3.25 s, rounded up to the half second.
  CHECK(gui::caption_seconds("a b c d e f g h i j k l m") == 3.5);
}

TEST_CASE("Record: a video's text size follows its height, 720p at 1x") {
  CHECK(gui::video_scale(720) == 1.0f);
  CHECK(gui::video_scale(1080) == 1.5f);
  CHECK(gui::video_scale(540) == 0.75f);
  CHECK(gui::video_scale(2160) == 3.0f);
  CHECK(gui::video_scale(240) == 0.5f);  // never below the app's smallest
}
