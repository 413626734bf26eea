// poolscope: the desktop app. Parses the command line, opens the window, runs
// the frame loop; --screenshot renders a fixed number of frames and exits.
#include <imgui.h>
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "app/gui/app.hpp"
#include "app/gui/bench_frames.hpp"
#include "app/gui/platform.hpp"
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
  cli.add_option("--size", size_text, "Window size in pixels, WIDTHxHEIGHT (default 1280x800)");
  cli.add_option("--scale", scale, "UI scale, e.g. 2 for a projector")
      ->check(CLI::Range(0.5f, 4.0f));
  cli.add_option("--screenshot", screenshot,
                 "Render --frames frames, write the last one to this PNG file and exit");
  cli.add_option("--frames", frames, "Frames to render before --screenshot (default 3)")
      ->check(CLI::Range(1, 100000));
  cli.add_option("--preset", preset, "Lesson preset to open (default hello-pool)");
  cli.add_option("--scenario", scenario_file, "Scenario file (JSON) to open");
  cli.add_option("--theme", theme, "dark, light or projector")
      ->check(CLI::IsMember({"dark", "light", "projector"}));
  cli.add_option("--at", at_s, "Start at this virtual time, in seconds (for screenshots)")
      ->check(CLI::Range(0.0, 86400.0));
  cli.add_flag("--paused", paused, "Start paused");
  cli.add_option("--bench-frames", bench,
                 "Render N frames of each benchmark case and print frame times, then exit")
      ->check(CLI::Range(1, 100000));
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
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

  const bool headless_shot = !screenshot.empty();
  window.vsync = !headless_shot && bench == 0;
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
  poolscope::gui::App app({.scale = scale,
                           .theme = theme_id,
                           .renderer = platform->renderer(),
                           .scenario = std::move(scenario).value()});
  if (at_s > 0) app.session().advance_to_seconds(at_s);
  app.session().playing = !paused;
  for (int frame = 1; !platform->should_close(); ++frame) {
    platform->begin_frame(headless_shot ? 1.0 / 60.0 : 0.0);
    app.frame(ImGui::GetIO().DeltaTime);
    platform->render(app.clear_color());
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
