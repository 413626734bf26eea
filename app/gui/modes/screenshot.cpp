#include "app/gui/modes/screenshot.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/util/atomic_file.hpp"

namespace poolscope::gui {

namespace {
// Writes the frame just drawn, and the reports asked for; returns the exit code.
int write_shot(Platform& platform, const App& app, const CommandLine& args) {
  if (args.from_screen) platform.present();
  const Image shot = args.from_screen ? platform.read_screen() : platform.read_pixels();
  if (shot.rgba.empty()) {
    std::fprintf(stderr,
                 "poolscope: --from-screen: cannot read the window back (not X11, or not "
                 "wholly on the screen)\n");
    return 1;
  }
  if (auto failure = write_png(args.screenshot, shot); !failure.empty()) {
    std::fprintf(stderr, "poolscope: %s\n", failure.c_str());
    return 1;
  }
  if (!args.picture_report.empty()) {
    const std::string failure =
        util::write_file_atomically(args.picture_report, app.picture_report() + '\n');
    if (!failure.empty()) {
      std::fprintf(stderr, "poolscope: %s\n", failure.c_str());
      return 1;
    }
  }
  return 0;
}

// Goroutines alive at the moment shown (the present, or the scrubbed moment).
long long goroutines_alive(const trace::Snapshot& snapshot) {
  return std::count_if(
      snapshot.goroutines.begin(), snapshot.goroutines.end(),
      [](const trace::GoroutineView& g) { return g.state != trace::GoState::Exited; });
}

// --layout-report: the last frame's layout, then the app's state on one line.
void print_layout_report(const Platform& platform, App& app) {
  std::fputs(app.layout_report().to_text().c_str(), stdout);
  const Session& session = app.session();
  std::printf(
      "state scale=%g theme=%s stage=%d fullscreen=%d size=%dx%d preset=%s step=%zu "
      "t=%.6f paused=%d goroutines=%lld playing=%d font=%g shortcuts=%d follow=%d lessons=%s\n",
      static_cast<double>(app.scale()), std::string(theme_name(app.theme())).c_str(), app.stage(),
      platform.fullscreen(), platform.framebuffer_width(), platform.framebuffer_height(),
      session.scenario().id.c_str(), app.lesson_state().player.step,
      static_cast<double>(session.view_time()) / 1e9, !session.playing,
      goroutines_alive(session.snapshot()), session.playing,
      static_cast<double>(ImGui::GetIO().Fonts->Fonts[0]->FontSize), app.shortcuts_shown(),
      app.code_follows(), app.lessons().dir.string().c_str());
}
}  // namespace

int run_screenshot(Launch& launch) {
  auto platform = open_platform(launch, /*vsync=*/false, /*visible=*/true);
  if (!platform) return 1;
  const CommandLine& args = launch.args;
  auto app = start_app(launch, *platform, WorkBudget{.steps = args.slice_steps});
  if (!app) return 2;
  if (args.mark_widgets) mark_widgets();
  // With --slice-steps a jump (--at) spans frames: the shot is taken --frames frames after
  // it ended, as a direct run takes it --frames frames after the start.
  int settled = 0, busy_frames = 0;
  for (int frame = 1; !platform->should_close(); ++frame) {
    draw_frame(*platform, *app, launch, frame, /*fixed_dt=*/1.0 / 60.0);
    settled = app->busy() ? 0 : settled + 1;
    busy_frames += app->busy() ? 1 : 0;
    if (settled >= args.frames) {
      if (args.slice_steps > 0) std::printf("frames drawn during jumps: %d\n", busy_frames);
      if (const int code = write_shot(*platform, *app, args); code != 0) return code;
      if (args.layout_report) print_layout_report(*platform, *app);
      return 0;
    }
    show_frame(*platform, *app);
  }
  save_window_prefs(launch, *app, *platform);
  return 0;
}

}  // namespace poolscope::gui
