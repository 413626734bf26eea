#pragma once
// Lessons: the narration, the "predict, then run" question and the highlighted controls
// of each preset, read from data files an instructor can copy and edit.
//
// - One JSON file per preset, `<lessons dir>/<preset id>.json` (format below). `//` and
//   `/* */` comments are allowed. Nothing here draws: the panel is view_lesson.cpp, so
//   the model, the loader and the player are tested without a window.
// - Files are read with util::read_text_file (regular files of at most 16 MiB, UTF-8)
//   and util::parse_json (depth and key limits, duplicate keys are errors).
// - Bad files never throw: load_lessons() keeps every good lesson and a problem per bad
//   file, naming the file, the line and column, and the problem (for a wrong value, the
//   field's path and what is allowed; at most 50 problems a file), e.g. `hello-pool.json:4:7:
//   malformed JSON: ...` or `hello-pool.json:9:20: steps[2].at_s: -1 is not allowed (a time in
//   seconds, 0 to 86400)`. A missing field is placed at the object that lacks it.
// - Step moments: a step may belong to a moment of the run, a virtual time ("at_s") or
//   the run's end ("on": "end", "completed", "deadlock", "panic", "hang"). When the run
//   crosses that moment the player moves to the step and, with "pause": true, pauses the
//   run and shows the step's note. Steps without a moment are reached with Next only.
// - step_at() / narration_at() give the step that belongs to a moment of a run, for
//   captions burned into recordings.
// - The question is answered by running it: each choice states what the run would
//   show ("expect"), and the choice whose expectation the run's Summary meets is right.
//
// File format:
//   {
//     "preset": "hello-pool",                     // must match the file name
//     "title": "Hello, worker pool",
//     "highlight": ["workers", "pool.close_jobs"], // controls that matter (see kControls)
//     "steps": [
//       {"text": "narration", "at_s": 1.5, "pause": true, "note": "shown when paused",
//        "highlight": ["step"]},
//       {"text": "side by side", "compare": ["pool.mode=pool"]},  // a second run from here
//       {"text": "remove close(jobs)", "check": {"outcome": "completed", "leaked": {"min": 1}}},
//       ...
//     ],
//     "question": {
//       "prompt": "What happens if ...?",
//       "set": ["pool.close_jobs=false"],           // the variant that answers it
//       "run_s": 30,                                // stop looking after this (default 60)
//       "choices": [
//         {"text": "...", "expect": {"outcome": "completed", "leaked": {"min": 1}},
//          "why": "shown after the run"},
//         ...
//       ]
//     }
//   }
//   Figures for "expect" and "check": outcome (a name), and the numbers of pool::Summary
//   marked `lesson` in pool::summary_fields(): results, leaked, jobs_done, max_concurrent,
//   max_queue_depth, max_blocked_senders, peak_goroutines, cancelled, skipped, failed;
//   each a number or {"min": a, "max": b}.
// - A step's "check" makes it a task, done when a run that reached its end shows it
//   (gui::LessonState remembers which tasks are done). Meant for the preset whose program
//   is the learner's own (Scenario::source): there, a question's "set" may also name the
//   program's constants, "numWorkers=0" (any name that is not a setting), which rewrites
//   the preset's source.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/pool/pool_run.hpp"
#include "core/scenario/result.hpp"
#include "core/scenario/scenario.hpp"
#include "core/trace/event.hpp"
#include "core/util/read_file.hpp"

namespace poolscope::lesson {

// The names a lesson may highlight besides scenario keys ("pool.jobs_buffer"): the
// transport and live controls of the controls panel.
// "play", "step", "next-job", "reset", "speed", "workers", "rate".
std::span<const std::string_view> lesson_controls() noexcept;

enum class StepTrigger : std::uint8_t {
  None,     // reached with Next only
  Time,     // virtual time `at` reached
  End,      // the run ended (any outcome)
  Outcome,  // the run ended with `outcome`
};

// One figure a run is expected to show, inclusive bounds.
struct Bound {
  std::string figure;  // "leaked", "results", ...
  std::int64_t min = 0;
  std::int64_t max = INT64_MAX;
};

// What a run is expected to show: a choice's "expect", a step's "check".
struct Expectation {
  std::optional<trace::Outcome> outcome;  // expected outcome, if stated
  std::vector<Bound> bounds;              // expected figures
};

struct LessonStep {
  std::string text;                                  // the narration
  std::string note;                                  // shown when the run pauses here ("" none)
  StepTrigger trigger = StepTrigger::None;           // the moment this step belongs to
  trace::Time at = 0;                                // StepTrigger::Time: virtual time (ns)
  trace::Outcome outcome = trace::Outcome::Running;  // StepTrigger::Outcome
  bool pause = false;                                // pause the run when the moment comes
  std::vector<std::string> highlight;                // extra controls to highlight in this step
  std::vector<std::string> compare;  // KEY=VALUE: a second run beside this one from this step
  // A task: what the learner's run must show for the step to be done (the lesson of the
  // learner's own program asks for a change, then checks the run's outcome, not the text).
  std::optional<Expectation> check;
};

struct Choice {
  std::string text;
  std::string why;  // shown after the run
  Expectation expect;
};

struct Question {
  std::string prompt;
  std::vector<std::string> set;  // KEY=VALUE overrides of the preset
  double run_s = 60.0;           // virtual seconds to run at most
  std::vector<Choice> choices;
};

struct Lesson {
  std::string preset;  // the preset id, also the file's stem
  std::string title;
  std::string file;                    // the file it was read from, for messages
  std::vector<std::string> highlight;  // controls that matter in the whole lesson
  std::vector<LessonStep> steps;       // at least one
  Question question;
};

// Parses one lesson. `file` names it in messages ("hello-pool.json").
scenario::Result<Lesson> parse_lesson(std::string_view json_text, const std::string& file);
scenario::Result<Lesson> load_lesson_file(const std::filesystem::path& path);

// 1-based line and column of byte offset `byte` in `text` (offsets past the end clamp);
// util::position_of.
using TextPosition = util::TextPosition;
TextPosition position_of(std::string_view text, std::size_t byte);

// Every lesson of a folder, and a problem per file that could not be read.
struct LessonLibrary {
  std::filesystem::path dir;          // "" when no lessons folder was found
  std::vector<Lesson> lessons;        // in preset order where possible
  std::vector<std::string> problems;  // one line each, naming the file

  [[nodiscard]] const Lesson* find(std::string_view preset) const;
  // The problem reported for that preset's file, or "".
  [[nodiscard]] std::string problem_for(std::string_view preset) const;
};

// Reads every `*.json` in `dir`; a missing folder is a problem, not a crash.
LessonLibrary load_lessons(const std::filesystem::path& dir);

// [Moments] A run's end as far as it is known.
struct RunEnd {
  trace::Outcome outcome = trace::Outcome::Running;  // Running: not ended (yet)
  trace::Time time = -1;                             // when it ended
};

// True when step `step`'s moment has come by virtual time `t`.
bool step_reached(const LessonStep& step, trace::Time t, const RunEnd& end);

// The step that belongs to virtual time `t` of a run: the last step with a moment that
// has come, else step 0. For captions: steps without a moment never caption.
std::size_t step_at(const Lesson& lesson, trace::Time t, const RunEnd& end = {});
std::string_view narration_at(const Lesson& lesson, trace::Time t, const RunEnd& end = {});

// [Question] The preset with the question's overrides applied (validated).
scenario::Result<scenario::Scenario> question_scenario(const Lesson& lesson,
                                                       const scenario::Scenario& preset);
bool meets(const Expectation& expect, const pool::Summary& summary);
bool choice_matches(const Choice& choice, const pool::Summary& summary);
// The index of the first choice the run meets, or -1.
int matching_choice(const Question& question, const pool::Summary& summary);
// The figure's value in `summary` (outcome excluded), or nullopt for a name that is not
// a lesson figure of pool::summary_fields().
std::optional<std::int64_t> summary_figure(const pool::Summary& summary, std::string_view name);

// [Player] Where a learner is in a lesson. The step shown is a function of the run's
// moment and of the learner's Next and Back, never of the click history:
// - anchor_of(i) is the step whose moment step i belongs to: i itself when it has a
//   moment, else the nearest earlier step with one, else 0. A step reached with Next only
//   (no moment) belongs to the moment of the step before it.
// - The step shown stays while its anchor is the step of the run's moment (step_at);
//   otherwise the player shows step_at. So a reset shows step 0 again, scrubbing shows
//   the step of the moment scrubbed to, and every moment fires again when crossed again.
// - Next and Back pick a step; the caller then moves the run to moment_of() that step, so
//   text and picture stay together.
struct StepMoment {
  enum class Kind : std::uint8_t {
    Start,  // the run's start (time 0)
    Time,   // virtual time `at`
    End,    // the run's end
  };
  Kind kind = Kind::Start;
  trace::Time at = 0;  // Kind::Time
};
std::size_t anchor_of(const Lesson& lesson, std::size_t step);
StepMoment moment_of(const Lesson& lesson, std::size_t step);
// The virtual times a playing run must stop at exactly: the "at_s" moments of steps that
// pause, in order.
std::vector<trace::Time> pause_times(const Lesson& lesson);

struct LessonPlayer {
  std::size_t step = 0;
  bool note_open = false;  // the current step's note is showing (after a pause)

  void restart() { *this = {}; }
  // Next opens the note of a step that pauses; Back closes it.
  void next(const Lesson& lesson);
  void back();
  // Follows the run at moment (t, end), see above. When it moves to a step that pauses
  // and whose moment is exactly this one (the run stopped there or just ended), it opens
  // that step's note and returns true: the caller pauses the run.
  bool update(const Lesson& lesson, trace::Time t, const RunEnd& end);
};

// [Question state] What the learner predicted and what the run showed.
struct QuestionState {
  int predicted = -1;  // chosen choice, -1 none
  bool running = false;
  bool answered = false;
  int observed = -1;    // choice the run met, -1 none
  std::string error;    // the variant could not be built
  std::string summary;  // one line on what the run showed
  void clear() { *this = {}; }
};

// One line for the learner on what a run showed, e.g. "completed: 5 results, 15 leaked".
// `own_program`: the learner's program (Scenario::source), which has no jobs the
// simulator sees: only its results, leaks and goroutines.
std::string describe_run(const pool::Summary& summary, bool own_program = false);

}  // namespace poolscope::lesson
