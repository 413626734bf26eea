#pragma once
// ScreenLayout: where each panel of the normal (non-stage) mode goes, as pure geometry,
// so the arrangement is tested without a window and never depends on what a panel shows.
//
//   +-----------------------------------------------------------------------+
//   | toolbar: Controls, Play, Step, ..., speed, time, Compare, View, Panel |
//   +-----------+-----------------------------------------+-----------------+
//   | controls  |  pool (or compare's two panes)           | lesson          |
//   | (docked   |                                          |                 |
//   |  when the +------------------------------------------+                 |
//   |  window   |  warnings                                +-----------------+
//   |  is wide) +------------------------------------------+ Go code/Metrics |
//   |           |  timeline (a tab of the side column when |  (/Timeline)    |
//   |           |  the controls are not docked)            |                 |
//   +-----------+------------------------------------------+-----------------+
//
// - The picture is what a room must see: the pool takes every pixel the other panels do
//   not need, and at 1920x1080 scale 2 it gets at least half the window.
// - The controls are docked at the left only when the window is wide in logical pixels
//   (1500 at scale 1); otherwise they open as an overlay over the picture's left edge
//   (`controls_overlay`) and close again, so a projector keeps the picture.
// - A window narrow in logical pixels (a projector at scale 1.5 or 2) has no height to
//   spare under the picture: the timeline becomes a tab beside the code and metrics.
// - The right column (lesson, code and metrics) can be hidden for the picture alone.
// - Every size is fixed by the window, the scale and the two flags: a note that opens, a
//   verdict or a long warning never moves a panel under the pointer.
namespace poolscope::gui {

struct PanelRect {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  float area() const { return w * h; }
  bool empty() const { return w <= 0 || h <= 0; }
};

struct ScreenLayoutInput {
  float width = 1280;  // the content area (inside the window's padding), pixels
  float height = 720;
  float scale = 1.0f;
  float frame_height = 20;  // ImGui::GetFrameHeight(): one row of buttons
  float line_height = 17;   // ImGui::GetTextLineHeightWithSpacing()
  float gap = 8;            // spacing between panels
  bool controls_open = true;
  bool side_open = true;
};

struct ScreenLayout {
  PanelRect toolbar;
  PanelRect controls;             // empty when closed
  bool controls_overlay = false;  // drawn over the picture instead of beside it
  PanelRect pool;                 // the picture, or compare's two panes
  PanelRect timeline;             // empty when it is a tab of the side column
  bool timeline_in_side = false;  // a projector's layout: the timeline is a tab by the code
  PanelRect lesson;               // empty when the side column is hidden
  PanelRect warnings;             // under the pool
  PanelRect side;                 // Go code and metrics; empty when hidden
};

// Logical width (pixels / scale) from which the controls are docked beside the picture.
inline constexpr float kDockedControlsWidth = 1500;

// True when the controls are docked (not an overlay) at this size and scale.
bool controls_docked(float width, float scale);

ScreenLayout lay_out_screen(const ScreenLayoutInput& in);

}  // namespace poolscope::gui
