#pragma once
// The lesson panel: the narration of the current preset's lesson in steps (Back / Next),
// the note of a scripted pause, and the "predict, then run" question.
//
// - follow_lesson() runs once per frame after Session::update(): a new preset restarts
//   the lesson; a step's moment crossed by the run moves the narration there and, when
//   the step asks, pauses the run. While the question's variant runs it is judged instead:
//   at its end (or after the question's run_s) the choice it meets is the answer.
// - draw_lesson() draws into the current window's remaining region. Compact (stage
//   mode) draws only the narration, the note and Back / Next, in the heading font.
// - lesson_highlight() is what the controls panel should highlight now.
// - A preset whose lesson file is missing or malformed shows the loader's message.
#include <cstdint>
#include <string>
#include <vector>

#include "app/gui/layout_report.hpp"
#include "app/gui/lesson.hpp"
#include "app/gui/session.hpp"
#include "app/gui/view_pool.hpp"

namespace poolscope::gui {

struct LessonViewState {
  LessonPlayer player;
  QuestionState question;
  std::string preset;                    // the preset the player follows ("": none yet)
  std::size_t note_scrolled = SIZE_MAX;  // the step whose note was scrolled into view
};

// `may_pause` false: a scripted pause opens its note but leaves the run playing.
void follow_lesson(Session& session, LessonViewState& state, const LessonLibrary& lessons,
                   bool may_pause = true);

void draw_lesson(Session& session, LessonViewState& state, const LessonLibrary& lessons,
                 const PoolViewStyle& style, bool compact, LayoutReport& report);

// [Question] The actions behind the panel's buttons (no drawing; tested with a Session).
// Loads the question's variant and plays it; false (and qs.error set) when it cannot be built.
bool start_question(Session& session, LessonViewState& state, const Lesson& lesson);
// Reloads the lesson's preset and starts the lesson again.
void back_to_lesson(Session& session, LessonViewState& state);

std::vector<std::string> lesson_highlight(const LessonViewState& state,
                                          const LessonLibrary& lessons);

}  // namespace poolscope::gui
