#pragma once
// Launch: what main() hands to a mode, and the steps the modes share.
//
// main() parses the command line into CommandLine (CLI11 checks ranges, choices and which
// options go together), resolve_launch() checks --press and --size, folds the preferences
// in and loads the scenario, and main() calls the one mode the options ask for:
//
//   --record OUT       run_record()        recorder.hpp: a video, off screen
//   --bench-frames N   run_bench_frames()  bench_frames.hpp: frame times
//   --screenshot PNG   run_screenshot()    screenshot.hpp: N frames, then a PNG
//   (none)             run_interactive()   interactive.hpp: the app until it is closed
//
// --press (scripted_input.hpp) drives the keyboard of the last two.
//
// Messages go to stderr as "poolscope: ...". Exit codes: 0 done, 1 the environment failed
// (no display, a file that cannot be written), 2 bad input, 130 or 143 a recording
// cancelled by SIGINT or SIGTERM.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/app.hpp"
#include "app/gui/model/prefs.hpp"
#include "app/gui/model/record_options.hpp"
#include "app/gui/modes/scripted_input.hpp"
#include "app/gui/platform/platform.hpp"
#include "core/scenario/scenario.hpp"

namespace poolscope::gui {

// The command line as parsed, before the preferences are folded in. `*_given`: the option
// was on the command line (it then wins over the preferences).
struct CommandLine {
  std::string size_text;  // --size WxH, parsed by resolve_launch()
  bool size_given = false;
  std::string screenshot;  // --screenshot PNG
  int frames = 3;          // --frames
  float scale = 1.0f;      // --scale
  bool scale_given = false;
  std::string preset = "hello-pool";  // --preset
  bool preset_given = false;
  std::string scenario_file;   // --scenario
  std::string open_file;       // FILE: a Go program (.go) or a scenario file (.json)
  std::string theme = "dark";  // --theme
  bool theme_given = false;
  double at_s = 0.0;              // --at
  bool paused = false;            // --paused (the default; kept for old scripts)
  bool play = false;              // --play
  int bench = 0;                  // --bench-frames
  double bench_soak = 0;          // --bench-soak SECONDS (virtual)
  std::uint64_t slice_steps = 0;  // --slice-steps: engine steps per frame (tests)
  double speed = 1.0;             // --speed
  RecordOptions record;           // --record and the options that need it
  bool fullscreen = false;
  bool stage = false;
  bool no_prefs = false;
  bool layout_report = false;
  bool show_shortcuts = false;
  std::string lessons_dir;
  std::string press_text;              // --press
  std::vector<std::string> overrides;  // --set
  std::vector<std::string> compare;    // --compare
  std::string picture_report;
  bool full_repaint = false;
  bool mark_widgets = false;  // --mark-widgets (layout_report.hpp), for tests
  bool from_screen = false;

  [[nodiscard]] bool recording() const { return !record.out.empty(); }
};

// A mode's starting point: the command line with the preferences folded in (scale, theme,
// preset, stage and the window: an option given wins), the scenario and the key presses.
struct Launch {
  CommandLine args;
  WindowOptions window;
  std::filesystem::path prefs_file;  // empty: preferences neither read nor written
  Prefs prefs;                       // as read; the defaults when there are none
  std::string prefs_warning;         // why the preferences file was ignored, or ""
  std::vector<KeyPress> presses;
  scenario::Scenario scenario;
  std::optional<std::string> code_text;  // FILE.go: the learner's program
  std::string code_path;
};

// Checks --press and --size, reads the preferences (none for a recording: the same
// command gives the same video on every machine) and loads the scenario with its --set
// changes. On bad input prints the problems and sets `exit_code` (2); the result is then
// meaningless.
Launch resolve_launch(CommandLine args, int& exit_code);

// [SECTION] What the modes share

// Opens the window for a mode; prints why not and returns null (exit code 1).
std::unique_ptr<Platform> open_platform(Launch& launch, bool vsync, bool visible);
// The app's options for this launch (moves the scenario out of `launch`).
AppOptions app_options(Launch& launch, const Platform& platform);
// Starts the app in the window: reports a bad --compare (returns null, exit code 2) and
// lesson problems, then sets both runs' speed, start time and play state. `budget`: the
// engine work per frame (AppOptions::work_budget; the interactive window's, so --at shows
// its progress instead of holding the first frame).
std::unique_ptr<App> start_app(Launch& launch, const Platform& platform, WorkBudget budget = {});
// One frame up to what is drawn, not yet shown: scripted keys (`frame` counts from 1),
// input, files dropped, the UI, rendering, and a screenshot F12 asked for. `fixed_dt` > 0
// replaces the measured frame time.
void draw_frame(Platform& platform, App& app, const Launch& launch, int frame, double fixed_dt);
// Shows the frame drawn, then applies what waits for the end of a frame.
void show_frame(Platform& platform, App& app);
// Saves what the app and the window look like now as the preferences, if they are kept.
void save_window_prefs(const Launch& launch, App& app, const Platform& platform);

}  // namespace poolscope::gui
