#pragma once
// Captions: a lesson's narration burned into a recording as subtitles (--captions).
//
// - caption_at() is the narration step that belongs to the session's present moment
//   (lesson.hpp's narration_at: the last step whose moment has come, else the first), so
//   a caption appears at the frame where the run reaches its moment and stays until the
//   next one; steps without a moment (reached with Next only) caption after the run ends
//   (model/caption_script.hpp).
// - The video layout (app_video.cpp) gives captions a band of their own at the bottom of
//   the frame, under the picture: it never covers the picture or its banner. The band's
//   height fits the longest caption the lesson has, so the picture above it keeps one
//   size for the whole video.
// - draw_caption_band() draws the text centred in the band, in the heading font, light on
//   an opaque dark strip (subtitles), lines of at most ~70% of the frame's width. Call
//   between ImGui::NewFrame() and ImGui::Render().
#include <imgui.h>

#include <span>
#include <string>
#include <string_view>

#include "app/gui/model/session.hpp"
#include "app/gui/platform/fonts.hpp"
#include "app/gui/views/layout_report.hpp"
#include "app/gui/views/theme.hpp"
#include "core/lesson/lesson.hpp"

namespace poolscope::gui {

// The narration for the session's present moment; "" when `lesson` is null.
std::string_view caption_at(const lesson::Lesson* lesson, const Session& session);

// The height of a band `width` pixels wide that holds any of `texts` (at least two lines).
[[nodiscard]] float caption_band_height(std::span<const std::string_view> texts, const Fonts& fonts,
                                        float width);

// The band from `min` to `max`, with `text` centred in it; reported as "captions" (the
// band) and "caption" (the text's box, its first words).
void draw_caption_band(std::string_view text, ImVec2 min, ImVec2 max, const Fonts& fonts,
                       ThemeId theme, float scale, LayoutReport& report);

}  // namespace poolscope::gui
