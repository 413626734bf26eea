// poolscope: the desktop app. Parses the command line, opens the window, runs
// the frame loop; --screenshot renders a fixed number of frames and exits;
// --record renders a video off screen (recorder.hpp) and exits.
#include <imgui.h>
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/gui/app.hpp"
#include "app/gui/model/prefs.hpp"
#include "app/gui/modes/bench_frames.hpp"
#include "app/gui/modes/recorder.hpp"
#include "app/gui/modes/scripted_input.hpp"
#include "app/gui/platform/platform.hpp"
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
  bool fullscreen = false;
  bool stage = false;
  bool no_prefs = false;
  bool layout_report = false;
  bool show_shortcuts = false;
  std::string lessons_dir;
  std::string press_text;
  std::vector<std::string> overrides;
  std::vector<std::string> compare;
  std::string picture_report;
  bool full_repaint = false;
  bool from_screen = false;
  auto* size_opt =
      cli.add_option("--size", size_text, "Window size in pixels, WIDTHxHEIGHT (default 1280x800)");
  auto* scale_opt = cli.add_option("--scale", scale, "UI scale, e.g. 2 for a projector")
                        ->check(CLI::Range(0.5f, 4.0f));
  auto* screenshot_opt =
      cli.add_option("--screenshot", screenshot,
                     "Render --frames frames, write the last one to this PNG file and exit");
  cli.add_option("--frames", frames, "Frames to render before --screenshot (default 3)")
      ->check(CLI::Range(1, 100000));
  auto* preset_opt =
      cli.add_option("--preset", preset, "Lesson preset to open (default hello-pool)");
  cli.add_option("--scenario", scenario_file, "Scenario file (JSON) to open")->excludes(preset_opt);
  cli.add_option("--set", overrides, "Change a setting of the scenario, KEY=VALUE (repeatable)");
  cli.add_option("--compare", compare,
                 "Open a second run beside the first, changed by KEY=VALUE (repeatable)");
  cli.add_flag("--from-screen", from_screen,
               "With --screenshot: show the last frame, then read it back from the screen "
               "(X11) rather than from the frame drawn")
      ->needs(screenshot_opt);
  cli.add_option("--picture-report", picture_report,
                 "With --screenshot: also write what the pool view drew, as JSON, to this file");
  auto* theme_opt = cli.add_option("--theme", theme, "dark, light or projector")
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
  cli.add_flag("--captions", record.captions,
               "With --record: burn the lesson's narration in as subtitles at its moments")
      ->needs(record_opt);
  cli.add_flag("--fullscreen", fullscreen, "Start full screen (F11 toggles)")->excludes(record_opt);
  cli.add_flag("--stage", stage,
               "Stage mode for a projector: big counters, the pool and the narration (F5)");
  cli.add_option("--lessons", lessons_dir,
                 "Folder of lesson files (default: the installed or source assets/lessons)");
  cli.add_flag("--no-prefs", no_prefs, "Neither read nor save the preferences file");
  cli.add_flag("--layout-report", layout_report,
               "With --screenshot: print where the last frame drew its panels and markers");
  cli.add_flag("--show-shortcuts", show_shortcuts, "Open with the keyboard shortcut list shown");
  cli.add_flag("--full-repaint", full_repaint,
               "Repaint the whole window every frame, not only what changed");
  cli.add_option("--press", press_text,
                 "For tests: key presses KEY@FRAME, comma-separated (e.g. ctrl+equal@2,f11@3)");
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return cli.exit(e);  // --help, --version
    std::fprintf(stderr, "poolscope: %s\npoolscope: see poolscope --help\n", e.what());
    return 2;
  }
  const bool recording = !record.out.empty();
  std::string press_error;
  const auto presses = poolscope::gui::parse_presses(press_text, press_error);
  if (!press_error.empty()) {
    std::fprintf(stderr, "poolscope: %s\n", press_error.c_str());
    return 2;
  }
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

  // Preferences are defaults: an option given on the command line wins. Scripted runs
  // (--screenshot, --bench-frames) read them but never write them; a recording ignores them,
  // so the same command gives the same video on every machine.
  const auto prefs_file =
      no_prefs || recording ? std::filesystem::path() : poolscope::gui::prefs_path();
  const auto loaded = poolscope::gui::load_prefs(prefs_file);
  if (!loaded.warning.empty()) std::fprintf(stderr, "poolscope: %s\n", loaded.warning.c_str());
  const poolscope::gui::Prefs& prefs = loaded.prefs;
  if (scale_opt->count() == 0) scale = prefs.scale;
  if (theme_opt->count() == 0) theme = std::string(poolscope::gui::theme_name(prefs.theme));
  if (preset_opt->count() == 0 && !prefs.preset.empty() &&
      poolscope::scenario::find_preset(prefs.preset)) {
    preset = prefs.preset;
  }
  if (size_opt->count() == 0 && prefs.width > 0 && prefs.height > 0) {
    window.width = prefs.width;
    window.height = prefs.height;
    window.x = prefs.x;
    window.y = prefs.y;
  }
  window.fullscreen = fullscreen || prefs.fullscreen;
  stage = stage || prefs.stage;

  auto scenario = scenario_file.empty() ? poolscope::scenario::find_preset(preset)
                                        : poolscope::scenario::load_scenario_file(scenario_file);
  if (!scenario) {
    for (const auto& e : scenario.errors())
      std::fprintf(stderr, "poolscope: %s\n", e.message.c_str());
    return 2;
  }
  if (auto status = poolscope::scenario::apply_overrides(scenario.value(), overrides); !status) {
    std::fprintf(stderr, "poolscope: %s\n", status.message().c_str());
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

  if (full_repaint) platform->set_damage_tracking(false);
  if (bench > 0) return poolscope::gui::bench_frames(*platform, bench, scale);

  poolscope::gui::ThemeId theme_id = poolscope::gui::ThemeId::Dark;
  poolscope::gui::parse_theme(theme, theme_id);
  poolscope::gui::AppOptions app_options{
      .scale = scale,
      .theme = theme_id,
      .renderer = platform->renderer(),
      .scenario = std::move(scenario).value(),
      .stage = stage,
      .lessons_dir = lessons_dir,
      .layout_report = layout_report,
      .show_shortcuts = show_shortcuts,
      .notice = loaded.warning,
      .compare = compare.empty() ? std::nullopt : std::optional(compare)};
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
  if (!compare.empty() && app.compare_session() == nullptr) {
    std::fprintf(stderr, "poolscope: --compare: %s\n", app.compare_error().c_str());
    return 2;
  }
  for (const auto& problem : app.lessons().problems) {
    std::fprintf(stderr, "poolscope: lesson: %s\n", problem.c_str());
  }
  for (poolscope::gui::Session* s : {&app.session(), app.compare_session()}) {
    if (s == nullptr) continue;
    s->speed = speed;
    if (at_s > 0) s->advance_to_seconds(at_s);
    s->playing = !paused;
  }
  for (int frame = 1; !platform->should_close(); ++frame) {
    if (!presses.empty()) poolscope::gui::apply_presses(presses, frame);
    platform->begin_frame(headless_shot ? 1.0 / 60.0 : 0.0);
    for (const std::string& path : platform->take_dropped_paths()) app.open_dropped_file(path);
    app.frame(ImGui::GetIO().DeltaTime);
    platform->render(app.clear_color());
    if (const std::string shot = app.take_screenshot_request(); !shot.empty()) {
      app.screenshot_written(shot, poolscope::gui::write_png(shot, platform->read_pixels()));
    }
    if (headless_shot && frame >= frames) {
      if (from_screen) platform->present();
      const poolscope::gui::Image shot =
          from_screen ? platform->read_screen() : platform->read_pixels();
      if (shot.rgba.empty()) {
        std::fprintf(stderr,
                     "poolscope: --from-screen: cannot read the window back (not X11, or not "
                     "wholly on the screen)\n");
        return 1;
      }
      if (auto failure = poolscope::gui::write_png(screenshot, shot); !failure.empty()) {
        std::fprintf(stderr, "poolscope: %s\n", failure.c_str());
        return 1;
      }
      if (!picture_report.empty()) {
        std::ofstream out(picture_report);
        out << app.picture_report() << '\n';
        if (!out) {
          std::fprintf(stderr, "poolscope: cannot write %s\n", picture_report.c_str());
          return 1;
        }
      }
      if (layout_report) {
        std::fputs(app.layout_report().to_text().c_str(), stdout);
        std::printf(
            "state scale=%g theme=%s stage=%d fullscreen=%d size=%dx%d preset=%s step=%zu "
            "playing=%d font=%g shortcuts=%d follow=%d lessons=%s\n",
            static_cast<double>(app.scale()),
            std::string(poolscope::gui::theme_name(app.theme())).c_str(), app.stage(),
            platform->fullscreen(), platform->framebuffer_width(), platform->framebuffer_height(),
            app.session().scenario().id.c_str(), app.lesson_state().player.step,
            app.session().playing, static_cast<double>(ImGui::GetIO().Fonts->Fonts[0]->FontSize),
            app.shortcuts_shown(), app.code_follows(), app.lessons().dir.string().c_str());
      }
      return 0;
    }
    platform->present();
    app.between_frames();
    if (app.take_requests().toggle_fullscreen) platform->set_fullscreen(!platform->fullscreen());
  }
  if (!prefs_file.empty()) {
    const auto geometry = platform->windowed_geometry();
    const std::string& id = app.session().scenario().id;
    const poolscope::gui::Prefs next{
        .scale = app.scale(),
        .theme = app.theme(),
        .width = geometry.width,
        .height = geometry.height,
        .x = geometry.x,
        .y = geometry.y,
        .preset = poolscope::scenario::find_preset(id) ? id : prefs.preset,
        .stage = app.stage(),
        .fullscreen = platform->fullscreen()};
    if (auto failure = poolscope::gui::save_prefs(prefs_file, next); !failure.empty()) {
      std::fprintf(stderr, "poolscope: %s\n", failure.c_str());
    }
  }
  return 0;
}
