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
// - lesson_next() / lesson_back() move the narration and the run together.
// - lesson_highlight() is what the controls panel should highlight now.
#include <cstdint>
#include <string>
#include <vector>

#include "app/gui/model/session.hpp"
#include "core/lesson/lesson.hpp"

namespace poolscope::gui {

struct LessonState {
  lesson::LessonPlayer player;
  lesson::QuestionState question;
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
