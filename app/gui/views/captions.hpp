#pragma once
// Captions: a lesson's narration burned into a recording as subtitles (--captions).
//
// - caption_at() is the narration step that belongs to the session's present moment
//   (lesson.hpp's narration_at: the last step whose moment has come, else the first), so
//   a caption appears at the frame where the run reaches its moment and stays until the
//   next one; steps without a moment (reached with Next only) never caption.
// - draw_caption() draws it over everything, centred near the bottom of the frame, in an
//   opaque box sized to the wrapped text, in the heading font. Call between
//   ImGui::NewFrame() and ImGui::Render().
#include <string>
#include <string_view>

#include "app/gui/model/session.hpp"
#include "app/gui/platform/fonts.hpp"
#include "app/gui/views/theme.hpp"
#include "core/lesson/lesson.hpp"

namespace poolscope::gui {

// The narration for the session's present moment; "" when `lesson` is null.
std::string_view caption_at(const lesson::Lesson* lesson, const Session& session);

void draw_caption(std::string_view text, const Fonts& fonts, ThemeId theme, float scale);

}  // namespace poolscope::gui
