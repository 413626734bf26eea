#pragma once
// Screenshots (`poolscope --screenshot PNG`): renders --frames frames at a fixed 1/60 s
// each, without waiting for the display, and writes the last one as a PNG.
//
// - --from-screen shows the last frame, then reads it back from the X server rather than
//   from the frame drawn (to check what the screen shows).
// - --picture-report FILE also writes what the pool view drew, as JSON.
// - --layout-report prints where the last frame drew its panels and markers, then one
//   "state ..." line with the app's settings.
// - The preferences are read, not written; should the window be closed before the last
//   frame, nothing is written and the preferences are saved as the app does on closing.
#include "app/gui/modes/launch.hpp"

namespace poolscope::gui {

// Returns the process exit code: 0, 1 when the window or a file failed, 2 for a bad
// --compare.
int run_screenshot(Launch& launch);

}  // namespace poolscope::gui
