#pragma once
// Helpers for tests that run the real poolscope binary under Xvfb: one X server serves
// every run of a test binary (test_display.hpp).
#include <imgui.h>

#include <memory>
#include <string>

#include "app/gui/model/child_process.hpp"
#include "app/gui/platform/platform.hpp"

namespace poolscope::test {

// An ImGui context for the length of a test, 1280x800, with ImGui's own font built on the
// CPU: views drawn without a window (a test's harness derives from it).
struct HeadlessImGui {
  HeadlessImGui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.Fonts->Build();
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};

struct Run {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs the poolscope binary with `args` (already shell-quoted) on the test display, with
// XDG_CONFIG_HOME set to a fresh folder of this test's, so the user's preferences are
// never read or written. Without a display, exit_code is -1 and output says why.
Run run_gui(const std::string& args);
// Runs another copy of the poolscope binary (e.g. one laid out as installed) like run_gui.
Run run_gui_binary(const std::string& binary, const std::string& args);
// The same with XDG_CONFIG_HOME = `config_home` (to test preferences).
Run run_gui_with_config(const std::string& config_home, const std::string& args);
// Runs the poolscope binary with `args` and no display at all.
Run run_gui_without_display(const std::string& args);
// Starts the poolscope binary like run_gui but returns at once, its stdout and stderr
// merged in the child's pipe (signals sent to the child reach the app); null and `error`
// when it cannot start.
std::unique_ptr<gui::ChildProcess> start_gui(const std::string& args, std::string& error);
// A path for a test artefact, kept after the run for people to look at.
std::string output_path(const std::string& name);
// Loads a PNG written by the app; an empty image when it cannot be read.
gui::Image load_png(const std::string& path);
// How many distinct colours the image holds (capped at `limit`).
int distinct_colours(const gui::Image& image, int limit = 4096);

}  // namespace poolscope::test
