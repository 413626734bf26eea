#pragma once
// LessonState: where a learner is in the current preset's lesson, and the actions that
// move it. The lesson panel (views/view_lesson.hpp) draws it and calls the actions.
//
// - follow_lesson() runs once per frame after Session::update(): a new preset restarts
//   the lesson; a step's moment crossed by the run moves the narration there and, when
//   the step asks, pauses the run. While the question's variant runs it is judged instead:
//   at its end (or after the question's run_s) the choice it meets is the answer.
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
};

// `may_pause` false: a scripted pause opens its note but leaves the run playing.
void follow_lesson(Session& session, LessonState& state, const lesson::LessonLibrary& lessons,
                   bool may_pause = true);

// [Question] The actions behind the panel's buttons (no drawing; tested with a Session).
// Loads the question's variant and plays it; false (and qs.error set) when it cannot be built.
bool start_question(Session& session, LessonState& state, const lesson::Lesson& lesson);
// Reloads the lesson's preset and starts the lesson again.
void back_to_lesson(Session& session, LessonState& state);

std::vector<std::string> lesson_highlight(const LessonState& state,
                                          const lesson::LessonLibrary& lessons);

}  // namespace poolscope::gui
