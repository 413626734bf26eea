#pragma once
// The interactive app (`poolscope` with no mode option): the window, paced to the display,
// until it is closed; then the look and the window's place are saved as the preferences
// (unless --no-prefs).
#include "app/gui/modes/launch.hpp"

namespace poolscope::gui {

// Returns the process exit code: 0, 1 without a window, 2 for a bad --compare.
int run_interactive(Launch& launch);

}  // namespace poolscope::gui
