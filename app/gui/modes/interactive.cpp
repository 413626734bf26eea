#include "app/gui/modes/interactive.hpp"

namespace poolscope::gui {

int run_interactive(Launch& launch) {
  auto platform = open_platform(launch, /*vsync=*/true, /*visible=*/true);
  if (!platform) return 1;
  // At most about a quarter of a 60 Hz frame of simulation per frame: a long jump shows
  // its progress and the window keeps drawing.
  auto app = start_app(launch, *platform, WorkBudget{.seconds = 0.004});
  if (!app) return 2;
  for (int frame = 1; !platform->should_close(); ++frame) {
    draw_frame(*platform, *app, launch, frame, /*fixed_dt=*/0.0);
    show_frame(*platform, *app);
  }
  save_window_prefs(launch, *app, *platform);
  return 0;
}

}  // namespace poolscope::gui
