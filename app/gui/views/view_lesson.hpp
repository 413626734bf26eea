#pragma once
// The lesson panel: the narration of the current preset's lesson in steps (Back / Next),
// the note of a scripted pause, and the "predict, then run" question.
//
// - draw_lesson() draws into the current window's remaining region. Compact (stage
//   mode) draws only the narration, the note and Back / Next, in the heading font.
// - A preset whose lesson file is missing or malformed shows the loader's message.
#include <cstdint>
#include <string>
#include <vector>

#include "app/gui/model/lesson_state.hpp"
#include "app/gui/model/session.hpp"
#include "app/gui/views/layout_report.hpp"
#include "app/gui/views/view_pool.hpp"

namespace poolscope::gui {

void draw_lesson(Session& session, LessonState& state, const lesson::LessonLibrary& lessons,
                 const PoolViewStyle& style, bool compact, LayoutReport& report);

}  // namespace poolscope::gui
