#pragma once
// Controls: play/pause/step/speed/reset, the preset picker, and every scenario setting.
//
// - Worker count and job rate are live: they change the running program. Fewer workers
//   (or more, where the running pool cannot take them) restart the run when the slider
//   is let go and bring it back to the same moment (WorkersControl); a line under the
//   slider says so.
// - "All settings" lists every key (settings_list.hpp), the live ones showing the value
//   in force.
// - Every other setting restarts the run with the changed scenario at once (the Go
//   listing follows), after validation; a rejected value shows the validator's message
//   and leaves the session as it was.
// - Each setting's tooltip is its doc text from the key table (core/scenario/keys.hpp).
#include <string>
#include <vector>

#include "app/gui/model/session.hpp"
#include "app/gui/model/workers_control.hpp"
#include "app/gui/views/view_pool.hpp"

namespace poolscope::gui {

struct ControlsState {
  std::string error;  // the last rejected change, shown under the controls
  // Controls the current lesson says matter: setting keys ("pool.jobs_buffer") or the
  // names of lesson_controls() ("workers", "play"). They get an outline and a marker, and
  // settings not otherwise shown are listed first under "In this lesson".
  std::vector<std::string> highlight;
  WorkersControl workers;               // the worker count's pending change and status line
  bool workers_status_visible = false;  // this frame, under the workers slider
  // The setting a held drag edits and the value it has reached (applied on release).
  std::string held_key;
  double held_value = 0;  // every dragged setting is a number (integers exact below 2^53)
};

// The preset, the lesson's settings, the live controls and every setting (the controls panel).
void draw_controls(Session& session, ControlsState& state, const PoolViewStyle& style);

// Play/pause, step, next job, reset and the speed, on one line (the toolbar).
void draw_transport(Session& session, const ControlsState& state, const PoolViewStyle& style);

// The preset ids in teaching order, for the picker and the 1..8 shortcuts.
void load_preset(Session& session, int index);

}  // namespace poolscope::gui
