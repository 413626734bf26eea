#include "tests/gui/gui_harness.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include <atomic>
#include <filesystem>
#include <unordered_set>

#include "tests/gui/test_display.hpp"
#include "tests/support/process.hpp"

namespace poolscope::test {

// Under AddressSanitizer, Mesa's OpenGL driver (dlopen'ed, then unloaded before
// the leak check runs) reports a few hundred bytes from "<unknown module>" that
// no suppression can name; the app's own code is leak-checked by the unit tests.
constexpr const char* kAsanEnv = "env ASAN_OPTIONS=\"$ASAN_OPTIONS:detect_leaks=0\" ";

namespace {
std::atomic<int> g_runs{0};  // numbers each run's private config folder

Run capture(const std::string& command) {
  CommandRun run = run_command(command, Stderr::Merged);
  return {run.exit_code, std::move(run.out)};
}

// `command` with the environment for a run on the shared test display (test_display.hpp);
// "" and `error` when there is no display.
std::string on_test_display(const std::string& env, const std::string& command,
                            std::string& error) {
  const std::string display = test_display(error);
  if (display.empty()) return "";
  return kAsanEnv + ("DISPLAY=" + display + " ") + env + " " + command;
}

Run capture_on_test_display(const std::string& env, const std::string& command) {
  std::string error;
  const std::string full = on_test_display(env, command, error);
  if (full.empty()) return {-1, "the test harness has no display: " + error};
  return capture(full);
}

// The app's preferences and its autosave in `home` (and `home`/state), never the user's.
std::string home_env(const std::string& home) {
  return "XDG_CONFIG_HOME='" + home + "' XDG_STATE_HOME='" + home + "/state'";
}

std::string fresh_config_home() {
  const std::string home =
      output_path(fmt::format("config/{}-{}", static_cast<long>(getpid()), g_runs++));
  std::filesystem::remove_all(home);
  std::filesystem::create_directories(home);
  return home;
}
}  // namespace

Run run_gui_with_config(const std::string& config_home, const std::string& args) {
  return capture_on_test_display(home_env(config_home),
                                 std::string(POOLSCOPE_GUI_BINARY) + " " + args);
}

Run run_gui(const std::string& args) { return run_gui_with_config(fresh_config_home(), args); }

Run run_gui_binary(const std::string& binary, const std::string& args) {
  return capture_on_test_display(home_env(fresh_config_home()), "'" + binary + "' " + args);
}

Run run_gui_without_display(const std::string& args) {
  return capture("env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(POOLSCOPE_GUI_BINARY) + " " +
                 args);
}

std::unique_ptr<gui::ChildProcess> start_gui(const std::string& args, std::string& error) {
  const std::string command = on_test_display(
      home_env(fresh_config_home()), std::string(POOLSCOPE_GUI_BINARY) + " " + args, error);
  if (command.empty()) return nullptr;
  gui::SpawnError spawn_error;
  // exec: `env` and then the app replace the shell, so a signal sent to the child
  // reaches the app.
  auto child = gui::ChildProcess::spawn({"/bin/sh", "-c", "exec " + command},
                                        {.pipe = gui::ChildProcess::Pipe::FromOutput}, spawn_error);
  if (!child) error = "cannot start the app: " + spawn_error.reason();
  return child;
}

std::string output_path(const std::string& name) {
  return std::string(POOLSCOPE_TEST_OUTPUT_DIR) + "/" + name;
}

gui::Image load_png(const std::string& path) {
  std::string error;
  return gui::read_png(path, error);  // empty on error
}

int distinct_colours(const gui::Image& image, int limit) {
  std::unordered_set<std::uint32_t> colours;
  for (std::size_t i = 0; i + 3 < image.rgba.size(); i += 4) {
    colours.insert(static_cast<std::uint32_t>(image.rgba[i]) << 16 |
                   static_cast<std::uint32_t>(image.rgba[i + 1]) << 8 | image.rgba[i + 2]);
    if (static_cast<int>(colours.size()) >= limit) break;
  }
  return static_cast<int>(colours.size());
}

}  // namespace poolscope::test
