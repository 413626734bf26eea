// poolscope: the desktop app. Parses the command line and runs one mode
// (modes/launch.hpp): the interactive app, --screenshot, --record or --bench-frames.
#include <CLI/CLI.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <exception>
#include <utility>

#include "app/gui/modes/bench_frames.hpp"
#include "app/gui/modes/interactive.hpp"
#include "app/gui/modes/launch.hpp"
#include "app/gui/modes/recorder.hpp"
#include "app/gui/modes/screenshot.hpp"
#include "app/version/version.hpp"

using namespace poolscope::gui;

namespace {
// A number option's value must be finite: CLI::Range lets "nan" through (every comparison
// with NaN is false), and NaN or infinity would freeze the clock or abort in ImGui.
CLI::Validator finite_number() {
  return {[](std::string& text) -> std::string {
            double value = 0;
            const char* end = text.data() + text.size();
            const auto [ptr, ec] = std::from_chars(text.data(), end, value);
            const bool parsed = ec == std::errc() && ptr == end;
            return parsed && !std::isfinite(value) ? text + " is not a finite number" : "";
          },
          "FINITE", "finite"};
}

// A file, folder or name option's value must not be empty: `--record ""` is an error,
// not "no recording".
CLI::Validator non_empty() {
  return {[](std::string& text) -> std::string {
            return text.empty() ? std::string("the value is empty; give a name") : "";
          },
          "", "non-empty"};
}

// What to open: a preset, a scenario file, or FILE (a Go program or a scenario).
void add_open_options(CLI::App& cli, CommandLine& args) {
  auto* preset_opt =
      cli.add_option("--preset", args.preset, "Lesson preset to open (default hello-pool)")
          ->check(non_empty());
  auto* scenario_opt =
      cli.add_option("--scenario", args.scenario_file, "Scenario file (JSON) to open")
          ->check(non_empty())
          ->excludes(preset_opt);
  cli.add_option("file", args.open_file,
                 "A Go program (FILE.go: opened in the editor and run) or a scenario "
                 "(NAME.poolscope.json, or any .json)")
      ->check(non_empty())
      ->excludes(preset_opt)
      ->excludes(scenario_opt);
}

// Declares every option, each stored in `args`.
void add_options(CLI::App& cli, CommandLine& args) {
  cli.add_option("--size", args.size_text, "Window size in pixels, WIDTHxHEIGHT (default 1280x800)")
      ->check(non_empty());
  cli.add_option("--scale", args.scale, "UI scale, e.g. 2 for a projector")
      ->check(finite_number())
      ->check(CLI::Range(0.5f, 4.0f));
  auto* screenshot_opt =
      cli.add_option("--screenshot", args.screenshot,
                     "Render --frames frames, write the last one to this PNG file and exit")
          ->check(non_empty());
  cli.add_option("--frames", args.frames, "Frames to render before --screenshot (default 3)")
      ->check(CLI::Range(1, 100000));
  add_open_options(cli, args);
  cli.add_option("--set", args.overrides,
                 "Change a setting of the scenario, KEY=VALUE, or a constant of its Go "
                 "program, NAME=VALUE (repeatable)");
  cli.add_option("--compare", args.compare,
                 "Open a second run beside the first, changed by KEY=VALUE or by a constant "
                 "of its Go program, NAME=VALUE (repeatable)");
  cli.add_flag("--from-screen", args.from_screen,
               "With --screenshot: show the last frame, then read it back from the screen "
               "(X11) rather than from the frame drawn")
      ->needs(screenshot_opt);
  cli.add_option("--picture-report", args.picture_report,
                 "With --screenshot: also write what the pool view drew, as JSON, to this file")
      ->check(non_empty())
      ->needs(screenshot_opt);
  cli.add_option("--theme", args.theme, "dark, light or projector")
      ->check(CLI::IsMember({"dark", "light", "projector"}));
  cli.add_option("--at", args.at_s, "Start at this virtual time, in seconds (for screenshots)")
      ->check(finite_number())
      ->check(CLI::Range(0.0, 86400.0));
  cli.add_flag("--play", args.play,
               "Start playing from the first frame (without it the app opens paused)");
  cli.add_flag("--paused", args.paused, "Start paused (the default)")->excludes("--play");
  cli.add_option("--bench-frames", args.bench,
                 "Render N frames of each benchmark case and print frame times, then exit")
      ->check(CLI::Range(1, 100000));
  cli.add_option("--bench-soak", args.bench_soak,
                 "Play an endless load for this many virtual seconds at the fastest speed, "
                 "printing memory and frame times as it goes, then exit")
      ->check(CLI::Range(1.0, 86400.0));
  cli.add_option("--slice-steps", args.slice_steps,
                 "With --screenshot: simulate at most N engine steps per frame, as the window "
                 "does within its time budget (a jump then spans frames; the shot waits for it)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40));
  cli.add_option("--speed", args.speed, "Virtual seconds per real (or video) second (default 1)")
      ->check(finite_number())
      ->check(CLI::Range(Session::kMinSpeed, Session::kMaxSpeed));
  auto* record_opt =
      cli.add_option(
             "--record", args.record.out,
             "Render a video off screen and exit: OUT.mp4 (H.264), OUT.gif, or a new or empty "
             "folder for PNG frames")
          ->check(non_empty());
  record_opt->excludes("--screenshot")->excludes("--bench-frames")->excludes("--paused");
  record_opt->needs(
      cli.add_option("--duration", args.record.duration_s, "Seconds of video to record")
          ->check(finite_number())
          ->check(CLI::Range(0.0, 3600.0))
          ->needs(record_opt));
  cli.add_option("--fps", args.record.fps, "Video frames per second, 30 or 60 (default 30)")
      ->check(CLI::IsMember({30, 60}))
      ->needs(record_opt);
  // For the app's Record button, which runs --record as a child and follows its progress.
  cli.add_flag("--progress-lines", args.record.progress_lines)->group("")->needs(record_opt);
  cli.add_flag("--captions", args.record.captions,
               "With --record: burn the lesson's narration in as subtitles at its moments")
      ->needs(record_opt);
  cli.add_flag("--record-code", args.record.code,
               "With --record: show the Go program beside the picture, its goroutines marked")
      ->needs(record_opt);
  cli.add_flag("--record-timing", args.record.timing,
               "With --record: print where the frames' time went (drawing, read-back, "
               "encoding)")
      ->needs(record_opt);
  cli.add_flag("--fullscreen", args.fullscreen, "Start full screen (F11 toggles)")
      ->excludes(record_opt);
  cli.add_flag("--stage", args.stage,
               "Stage mode for a projector: big counters, the pool and the narration (F5)");
  cli.add_option("--lessons", args.lessons_dir,
                 "Folder of lesson files (default: the installed or source assets/lessons)")
      ->check(non_empty());
  cli.add_flag("--no-prefs", args.no_prefs, "Neither read nor save the preferences file");
  cli.add_flag("--layout-report", args.layout_report,
               "With --screenshot or --record: print where the last frame drew its panels and "
               "markers");
  cli.add_flag("--show-shortcuts", args.show_shortcuts,
               "Open with the keyboard shortcut list shown");
  cli.add_flag("--mark-widgets", args.mark_widgets,
               "For tests: paint every widget's frame #FF00FF, to see whether a frame has any")
      ->group("");
  cli.add_flag("--full-repaint", args.full_repaint,
               "Repaint the whole window every frame, not only what changed");
  cli.add_option("--press", args.press_text,
                 "For tests: key presses KEY@FRAME, comma-separated (e.g. ctrl+equal@2,f11@3)");
}

int run(int argc, char** argv) {
  CLI::App cli{"Poolscope: watch Go's worker-pool pattern run, and change it live"};
  cli.set_version_flag("--version", "poolscope " + poolscope::version_text());
  cli.footer(
      "Read more: man poolscope, the lessons in the app (press ? for the keys), and the "
      "README (/usr/share/doc/poolscope on an installed system). Headless runs: "
      "poolscope-cli.");
  CommandLine args;
  add_options(cli, args);
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return cli.exit(e);  // --help, --version
    std::fprintf(stderr, "poolscope: %s\npoolscope: see poolscope --help\n", e.what());
    return 2;
  }
  args.size_given = cli.count("--size") > 0;
  args.scale_given = cli.count("--scale") > 0;
  args.theme_given = cli.count("--theme") > 0;
  args.preset_given = cli.count("--preset") > 0;

  int exit_code = 0;
  Launch launch = resolve_launch(std::move(args), exit_code);
  if (exit_code != 0) return exit_code;
  if (launch.args.recording()) return run_record(launch);
  if (launch.args.bench > 0) return run_bench_frames(launch);
  if (launch.args.bench_soak > 0) return run_bench_soak(launch);
  if (!launch.args.screenshot.empty()) return run_screenshot(launch);
  return run_interactive(launch);
}
}  // namespace

// An exception that reaches here is a bug: say so and exit 1 rather than abort.
int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "poolscope: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "poolscope: internal error\n");
  }
  return 1;
}
