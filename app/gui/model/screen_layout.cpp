#include "app/gui/model/screen_layout.hpp"

#include <algorithm>
#include <cmath>

namespace poolscope::gui {

bool controls_docked(float width, float scale) { return width / scale >= kDockedControlsWidth; }

ScreenLayout lay_out_screen(const ScreenLayoutInput& in) {
  const float s = in.scale;
  const float gap = in.gap;
  ScreenLayout L;
  L.toolbar = {0, 0, in.width, in.frame_height + 8 * s};
  const float body_y = L.toolbar.bottom() + gap;
  const float body_h = std::max(in.height - body_y, 0.0f);
  const bool docked = controls_docked(in.width, s);

  const float controls_w = std::min(std::clamp(in.width * 0.2f, 260 * s, 360 * s), in.width * 0.3f);
  if (in.controls_open) {
    L.controls = {0, body_y, controls_w, body_h};
    L.controls_overlay = !docked;
  }
  const float left = in.controls_open && docked ? controls_w + gap : 0.0f;
  const float side_w =
      in.side_open ? std::min(std::clamp(in.width * 0.25f, 240 * s, 560 * s), in.width * 0.3f)
                   : 0.0f;
  const float centre_w = std::max(in.width - left - (in.side_open ? side_w + gap : 0.0f), 0.0f);

  // The timeline: its header, the time axis and a few lanes (they scroll). A projector's
  // window (not docked) has no height to spare for it: it becomes a tab beside the code.
  L.timeline_in_side = !docked;
  const float timeline_h =
      docked
          ? std::min(std::max(in.frame_height + 5 * in.line_height, body_h * 0.28f), body_h * 0.4f)
          : 0.0f;
  const float warnings_h = 2.6f * in.line_height + 8 * s;
  const float pool_h =
      std::max(body_h - (docked ? timeline_h + gap : 0.0f) - warnings_h - gap, 0.0f);
  L.pool = {left, body_y, centre_w, pool_h};
  L.warnings = {left, L.pool.bottom() + gap, centre_w, warnings_h};
  if (docked) L.timeline = {left, body_y + body_h - timeline_h, centre_w, timeline_h};

  if (in.side_open) {
    // The narration and its notes get the larger part: read from the back of a room,
    // they need the lines.
    const float x = in.width - side_w;
    const float lesson_h = std::floor(body_h * 0.58f);
    L.lesson = {x, body_y, side_w, lesson_h};
    const float side_y = L.lesson.bottom() + gap;
    L.side = {x, side_y, side_w, std::max(body_y + body_h - side_y, 0.0f)};
  }
  return L;
}

}  // namespace poolscope::gui
