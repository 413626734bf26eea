#pragma once
// LessonState: where a learner is in the current preset's lesson, and the actions that
// move it. The lesson panel (views/view_lesson.hpp) draws it and calls the actions.
//
// - follow_lesson() runs once per frame after Session::update(): a new preset restarts
//   the lesson; the narration shows the step of the moment on screen (the present, or the
//   scrubbed moment; see lesson::LessonPlayer); the lesson's paused moments are the
//   session's stops, so a playing run stops exactly there and the step's note opens.
//   While the question's variant runs it is judged instead: at its end (or after the
//   question's run_s) the choice it meets is the answer; its run has no stops.
// - A step with a task ("check", the lesson of the learner's own program) is judged on the
//   run on screen once it has ended, once per run and step: met, the step is done for
//   the rest of the lesson (the panel shows its note). Next and Back on such a step leave the
//   learner's run where it is: the step asks for a change, not for a moment.
// - lesson_next() / lesson_back() move the narration and the run together.
// - lesson_highlight() is what the controls panel should highlight now.
#include <cstdint>
#include <string>
#include <vector>

#include "app/gui/model/session.hpp"
#include "core/lesson/lesson.hpp"

namespace poolscope::gui {

// A step's task ("check"): judged on the run on screen once it has ended.
struct TaskState {
  std::vector<bool> done;              // per step: a run met its check while it was shown
  std::uint64_t judged_load = 0;       // Session::loads() of the run last judged...
  std::size_t judged_step = SIZE_MAX;  // ...for this step
  bool met = false;                    // that run met the step's check
  std::string summary;                 // what that run showed, one line ("" not judged yet)
};

struct LessonState {
  lesson::LessonPlayer player;
  lesson::QuestionState question;
  TaskState task;
  std::string preset;                    // the preset the player follows ("": none yet)
  std::size_t note_scrolled = SIZE_MAX;  // the step whose note was scrolled into view
  bool verdict_scrolled = false;         // the question's verdict was scrolled into view
  std::uint64_t question_load = 0;       // Session::loads() of the question's run
};

// When the run on screen is not the lesson's own (a setting or a live control was
// changed), one sentence saying so for the narration, else "".
std::string lesson_caveat(const Session& session);

// The session's end as the lesson's moments see it (main's return, or the deadlock...).
lesson::RunEnd run_end(const Session& session);

// `may_pause` false (recordings, benchmarks): the run has no stops and is never paused;
// a paused moment still opens its note.
void follow_lesson(Session& session, LessonState& state, const lesson::LessonLibrary& lessons,
                   bool may_pause = true);

// Next / Back: the step after or before, with the run moved to that step's moment (forward
// for Next, back for Back; the run's end for an "on" step) and paused there.
void lesson_next(Session& session, LessonState& state, const lesson::Lesson& lesson);
void lesson_back(Session& session, LessonState& state, const lesson::Lesson& lesson);

// [Question] The actions behind the panel's buttons (no drawing; tested with a Session).
// Loads the question's variant and plays it; false (and qs.error set) when it cannot be built.
bool start_question(Session& session, LessonState& state, const lesson::Lesson& lesson);
// Reloads the lesson's preset and starts the lesson again.
void back_to_lesson(Session& session, LessonState& state);

std::vector<std::string> lesson_highlight(const LessonState& state,
                                          const lesson::LessonLibrary& lessons);

}  // namespace poolscope::gui
