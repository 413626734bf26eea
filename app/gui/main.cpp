// poolscope: the desktop app. Parses the command line, opens the window, runs
// the frame loop; --screenshot renders a fixed number of frames and exits;
// --record renders a video off screen (recorder.hpp) and exits.
#include <imgui.h>
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "app/gui/app.hpp"
#include "app/gui/bench_frames.hpp"
#include "app/gui/platform.hpp"
#include "app/gui/recorder.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"

namespace {
// Parses "WxH" into the two sizes; CLI11 reports the error text.
std::string parse_size(const std::string& text, int& width, int& height) {
  int w = 0, h = 0;
  char x = 0, rest = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &rest) != 3 || (x != 'x' && x != 'X')) {
    return "--size: \"" + text + "\" is not WIDTHxHEIGHT (e.g. 1280x720)";
  }
  if (w < 320 || h < 240 || w > 7680 || h > 4320) {
    return "--size: " + text + " is out of range (allowed 320x240 .. 7680x4320)";
  }
  width = w;
  height = h;
  return "";
}
}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Poolscope: watch Go's worker-pool pattern run, and change it live"};
  cli.set_version_flag("--version", POOLSCOPE_VERSION);
  poolscope::gui::WindowOptions window;
  std::string size_text;
  std::string screenshot;
  int frames = 3;
  float scale = 1.0f;
  std::string preset = "hello-pool";
  std::string scenario_file;
  std::string theme = "dark";
  double at_s = 0.0;
  bool paused = false;
  int bench = 0;
  double speed = 1.0;
  poolscope::gui::RecordOptions record;
  cli.add_option("--size", size_text, "Window size in pixels, WIDTHxHEIGHT (default 1280x800)");
  cli.add_option("--scale", scale, "UI scale, e.g. 2 for a projector")
      ->check(CLI::Range(0.5f, 4.0f));
  cli.add_option("--screenshot", screenshot,
                 "Render --frames frames, write the last one to this PNG file and exit");
  cli.add_option("--frames", frames, "Frames to render before --screenshot (default 3)")
      ->check(CLI::Range(1, 100000));
  auto* preset_opt =
      cli.add_option("--preset", preset, "Lesson preset to open (default hello-pool)");
  cli.add_option("--scenario", scenario_file, "Scenario file (JSON) to open")->excludes(preset_opt);
  cli.add_option("--theme", theme, "dark, light or projector")
      ->check(CLI::IsMember({"dark", "light", "projector"}));
  cli.add_option("--at", at_s, "Start at this virtual time, in seconds (for screenshots)")
      ->check(CLI::Range(0.0, 86400.0));
  cli.add_flag("--paused", paused, "Start paused");
  cli.add_option("--bench-frames", bench,
                 "Render N frames of each benchmark case and print frame times, then exit")
      ->check(CLI::Range(1, 100000));
  cli.add_option("--speed", speed, "Virtual seconds per real (or video) second (default 1)")
      ->check(CLI::Range(poolscope::gui::Session::kMinSpeed, poolscope::gui::Session::kMaxSpeed));
  auto* record_opt = cli.add_option(
      "--record", record.out,
      "Render a video off screen and exit: OUT.mp4 (H.264), OUT.gif, or a folder of PNG frames");
  record_opt->excludes("--screenshot")->excludes("--bench-frames")->excludes("--paused");
  record_opt->needs(cli.add_option("--duration", record.duration_s, "Seconds of video to record")
                        ->check(CLI::Range(0.0, 3600.0))
                        ->needs(record_opt));
  cli.add_option("--fps", record.fps, "Video frames per second, 30 or 60 (default 30)")
      ->check(CLI::IsMember({30, 60}))
      ->needs(record_opt);
  // For the app's Record button, which runs --record as a child and follows its progress.
  cli.add_flag("--progress-lines", record.progress_lines)->group("")->needs(record_opt);
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return cli.exit(e);  // --help, --version
    std::fprintf(stderr, "poolscope: %s\npoolscope: see poolscope --help\n", e.what());
    return 2;
  }
  const bool recording = !record.out.empty();
  if (recording) {  // a video is 1080p unless told otherwise
    window.width = 1920;
    window.height = 1080;
  }
  if (!size_text.empty()) {
    if (auto error = parse_size(size_text, window.width, window.height); !error.empty()) {
      std::fprintf(stderr, "poolscope: %s\n", error.c_str());
      return 2;
    }
  }

  auto scenario = scenario_file.empty() ? poolscope::scenario::find_preset(preset)
                                        : poolscope::scenario::load_scenario_file(scenario_file);
  if (!scenario) {
    for (const auto& e : scenario.errors())
      std::fprintf(stderr, "poolscope: %s\n", e.message.c_str());
    return 2;
  }

  if (recording) {
    record.speed = speed;
    record.start_s = at_s;
    if (auto error = poolscope::gui::check_record_options(record, window.width, window.height);
        !error.empty()) {
      std::fprintf(stderr, "poolscope: %s\n", error.c_str());
      return 2;
    }
  }

  const bool headless_shot = !screenshot.empty();
  window.vsync = !headless_shot && bench == 0 && !recording;
  window.visible = !recording;
  std::string error;
  auto platform = poolscope::gui::Platform::open(window, error);
  if (!platform) {
    std::fprintf(stderr, "poolscope: %s\n", error.c_str());
    return 1;
  }

  if (bench > 0) return poolscope::gui::bench_frames(*platform, bench, scale);

  const auto theme_id = theme == "light"       ? poolscope::gui::ThemeId::Light
                        : theme == "projector" ? poolscope::gui::ThemeId::Projector
                                               : poolscope::gui::ThemeId::Dark;
  poolscope::gui::AppOptions app_options{.scale = scale,
                                         .theme = theme_id,
                                         .renderer = platform->renderer(),
                                         .scenario = std::move(scenario).value()};
  if (recording) {
    if (platform->framebuffer_width() != window.width ||
        platform->framebuffer_height() != window.height) {
      std::fprintf(stderr, "poolscope: the display gave a %dx%d window, not %dx%d\n",
                   platform->framebuffer_width(), platform->framebuffer_height(), window.width,
                   window.height);
      return 1;
    }
    return poolscope::gui::record(*platform, record, std::move(app_options));
  }
  poolscope::gui::App app(std::move(app_options));
  app.session().speed = speed;
  if (at_s > 0) app.session().advance_to_seconds(at_s);
  app.session().playing = !paused;
  for (int frame = 1; !platform->should_close(); ++frame) {
    platform->begin_frame(headless_shot ? 1.0 / 60.0 : 0.0);
    for (const std::string& path : platform->take_dropped_paths()) app.open_dropped_file(path);
    app.frame(ImGui::GetIO().DeltaTime);
    platform->render(app.clear_color());
    if (const std::string shot = app.take_screenshot_request(); !shot.empty()) {
      app.screenshot_written(shot, poolscope::gui::write_png(shot, platform->read_pixels()));
    }
    if (headless_shot && frame >= frames) {
      if (auto failure = poolscope::gui::write_png(screenshot, platform->read_pixels());
          !failure.empty()) {
        std::fprintf(stderr, "poolscope: %s\n", failure.c_str());
        return 1;
      }
      return 0;
    }
    platform->present();
  }
  return 0;
}
