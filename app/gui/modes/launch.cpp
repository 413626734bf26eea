#include "app/gui/modes/launch.hpp"

#include <imgui.h>

#include <cstdio>
#include <optional>
#include <utility>

#include "app/gui/model/code_document.hpp"
#include "core/pool/pool_run.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"

namespace poolscope::gui {

namespace {
// Parses "WxH" into the two sizes; "" or the message.
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

// Preferences are defaults: an option given on the command line wins.
void fold_in_prefs(Launch& launch) {
  CommandLine& args = launch.args;
  const Prefs& prefs = launch.prefs;
  if (!args.scale_given) args.scale = prefs.scale;
  if (!args.theme_given) args.theme = std::string(theme_name(prefs.theme));
  if (!args.preset_given && !prefs.preset.empty() && scenario::find_preset(prefs.preset)) {
    args.preset = prefs.preset;
  }
  if (!args.size_given && prefs.width > 0 && prefs.height > 0) {
    launch.window.width = prefs.width;
    launch.window.height = prefs.height;
    launch.window.x = prefs.x;
    launch.window.y = prefs.y;
  }
  launch.window.fullscreen = args.fullscreen || prefs.fullscreen;
  args.stage = args.stage || prefs.stage;
}

// FILE.go: the learner's program, opened in the editor. Go's messages for a program that
// does not compile go to stderr as `go build` prints them (the window shows them too).
bool load_code(Launch& launch) {
  const std::string& path = launch.args.open_file;
  GoFile file = read_go_file(path);
  if (!file.error.empty()) {
    std::fprintf(stderr, "poolscope: %s\n", file.error.c_str());
    return false;
  }
  CodeDocument doc;
  doc.path = path;
  doc.editor.set_text(file.text);
  if (!check(doc)) std::fprintf(stderr, "%s", diagnostics_text(doc).c_str());
  launch.code_text = std::move(file.text);
  launch.code_path = path;
  return true;
}

// The scenario of --preset, --scenario or FILE with the --set changes; prints the problems.
bool load_scenario(Launch& launch) {
  CommandLine& args = launch.args;
  if (std::filesystem::path(args.open_file).extension() == ".go") return load_code(launch);
  if (!args.open_file.empty()) args.scenario_file = args.open_file;
  auto scenario = args.scenario_file.empty() ? scenario::find_preset(args.preset)
                                             : scenario::load_scenario_file(args.scenario_file);
  if (!scenario) {
    for (const auto& e : scenario.errors()) {
      std::fprintf(stderr, "poolscope: %s\n", e.message.c_str());
    }
    return false;
  }
  scenario = pool::apply_sets(std::move(scenario).value(), args.overrides);
  if (!scenario) {
    std::fprintf(stderr, "poolscope: %s\n", scenario.message().c_str());
    return false;
  }
  if (const std::string problems = pool::source_problems(scenario.value()); !problems.empty()) {
    std::fprintf(stderr, "poolscope: %s: its Go source does not compile:\n%s",
                 args.scenario_file.c_str(), problems.c_str());
    return false;
  }
  launch.scenario = std::move(scenario).value();
  return true;
}
}  // namespace

Launch resolve_launch(CommandLine args, int& exit_code) {
  exit_code = 0;
  Launch launch;
  launch.args = std::move(args);
  std::string press_error;
  launch.presses = parse_presses(launch.args.press_text, press_error);
  if (!press_error.empty()) {
    std::fprintf(stderr, "poolscope: %s\n", press_error.c_str());
    exit_code = 2;
    return launch;
  }
  if (launch.args.recording()) {  // a video is 1080p unless told otherwise
    launch.window.width = 1920;
    launch.window.height = 1080;
  }
  if (!launch.args.size_text.empty()) {
    if (auto error = parse_size(launch.args.size_text, launch.window.width, launch.window.height);
        !error.empty()) {
      std::fprintf(stderr, "poolscope: %s\n", error.c_str());
      exit_code = 2;
      return launch;
    }
  }
  // Scripted runs (--screenshot, --bench-frames) read the preferences but never write
  // them; a recording ignores them, so the same command gives the same video everywhere.
  if (!launch.args.no_prefs && !launch.args.recording()) launch.prefs_file = prefs_path();
  auto loaded = load_prefs(launch.prefs_file);
  if (!loaded.warning.empty()) std::fprintf(stderr, "poolscope: %s\n", loaded.warning.c_str());
  launch.prefs = std::move(loaded.prefs);
  launch.prefs_warning = std::move(loaded.warning);
  fold_in_prefs(launch);
  if (!load_scenario(launch)) exit_code = 2;
  return launch;
}

// [SECTION] What the modes share

std::unique_ptr<Platform> open_platform(Launch& launch, bool vsync, bool visible) {
  launch.window.vsync = vsync;
  launch.window.visible = visible;
  std::string error;
  auto platform = Platform::open(launch.window, error);
  if (!platform) {
    std::fprintf(stderr, "poolscope: %s\n", error.c_str());
    return nullptr;
  }
  if (launch.args.full_repaint) platform->set_damage_tracking(false);
  return platform;
}

AppOptions app_options(Launch& launch, const Platform& platform) {
  const CommandLine& args = launch.args;
  ThemeId theme = ThemeId::Dark;
  parse_theme(args.theme, theme);
  return {
      .scale = args.scale,
      .theme = theme,
      .renderer = platform.renderer(),
      .scenario = std::move(launch.scenario),
      .stage = args.stage,
      .lessons_dir = args.lessons_dir,
      .layout_report = args.layout_report,
      .show_shortcuts = args.show_shortcuts,
      .notice = launch.prefs_warning,
      .code_text = std::move(launch.code_text),
      .code_path = launch.code_path,
      .keep_state = !args.no_prefs && !args.recording(),
      .run_restored = args.open_file.empty() && args.scenario_file.empty() && !args.preset_given,
      .compare = args.compare.empty() ? std::nullopt : std::optional(args.compare)};
}

std::unique_ptr<App> start_app(Launch& launch, const Platform& platform, WorkBudget budget) {
  const CommandLine& args = launch.args;
  AppOptions options = app_options(launch, platform);
  options.work_budget = budget;
  auto app = std::make_unique<App>(std::move(options));
  if (!args.compare.empty() && app->compare_session() == nullptr) {
    std::fprintf(stderr, "poolscope: --compare: %s\n", app->compare_error().c_str());
    return nullptr;
  }
  for (const auto& problem : app->lessons().problems) {
    std::fprintf(stderr, "poolscope: lesson: %s\n", problem.c_str());
  }
  for (Session* s : {&app->session(), app->compare_session()}) {
    if (s == nullptr) continue;
    s->speed = args.speed;
    if (args.at_s > 0) s->advance_to_seconds(args.at_s);
    s->playing = args.play;
  }
  return app;
}

void draw_frame(Platform& platform, App& app, const Launch& launch, int frame, double fixed_dt) {
  if (!launch.presses.empty()) apply_presses(launch.presses, frame);
  platform.begin_frame(fixed_dt);
  for (const std::string& path : platform.take_dropped_paths()) app.open_dropped_file(path);
  app.frame(ImGui::GetIO().DeltaTime);
  platform.render(app.clear_color());
  if (const std::string shot = app.take_screenshot_request(); !shot.empty()) {
    app.screenshot_written(shot, write_png(shot, platform.read_pixels()));
  }
}

void show_frame(Platform& platform, App& app) {
  platform.present();
  app.between_frames();
  if (app.take_requests().toggle_fullscreen) platform.set_fullscreen(!platform.fullscreen());
}

void save_window_prefs(const Launch& launch, App& app, const Platform& platform) {
  if (launch.prefs_file.empty()) return;
  const auto geometry = platform.windowed_geometry();
  const std::string& id = app.session().scenario().id;
  const Prefs next{.scale = app.scale(),
                   .theme = app.theme(),
                   .width = geometry.width,
                   .height = geometry.height,
                   .x = geometry.x,
                   .y = geometry.y,
                   .preset = scenario::find_preset(id) ? id : launch.prefs.preset,
                   .stage = app.stage(),
                   .fullscreen = platform.fullscreen()};
  if (auto failure = save_prefs(launch.prefs_file, next); !failure.empty()) {
    std::fprintf(stderr, "poolscope: %s\n", failure.c_str());
  }
}

}  // namespace poolscope::gui
