// The share buttons' logic (F12, dropped files) driven frame by frame with a Dear ImGui
// context and no window: ImGui builds its draw lists on the CPU, nothing is rendered.
// (The App itself needs the OpenGL backend for its fonts; its wiring is a few lines.)
#include <doctest/doctest.h>
#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "app/gui/model/session.hpp"
#include "app/gui/platform/keys.hpp"
#include "app/gui/views/view_share.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"
#include "tests/gui/gui_harness.hpp"

using namespace poolscope;
namespace fs = std::filesystem;

namespace {
// An ImGui context for the length of a test, with ImGui's own font built on the CPU.
struct ShareHarness : poolscope::test::HeadlessImGui {
  // One frame of the share buttons, with `key` held down when given; true when the
  // scenario was replaced.
  bool frame(gui::Session& session, gui::ShareState& state, int key = -1) {
    ImGuiIO& io = ImGui::GetIO();
    for (bool& down : io.KeysDown) down = false;
    if (key >= 0) io.KeysDown[key] = true;
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::Begin("controls");
    const bool replaced = gui::draw_share(session, state, {});
    gui::draw_share_always(state, {}, io.DeltaTime);
    ImGui::End();
    ImGui::Render();
    return replaced;
  }
};

scenario::Scenario preset(const char* id) { return scenario::find_preset(id).value(); }
}  // namespace

TEST_CASE("Share: F12 raises one screenshot request per press") {
  ShareHarness imgui;
  gui::Session session(preset("backpressure"));
  gui::ShareState state;
  imgui.frame(session, state);
  CHECK_FALSE(state.screenshot_requested);
  imgui.frame(session, state, gui::keys::kF12);
  CHECK(state.screenshot_requested);
  state.screenshot_requested = false;
  imgui.frame(session, state, gui::keys::kF12);  // still held: not a new press
  CHECK_FALSE(state.screenshot_requested);
}

TEST_CASE("Share: a dropped bad file shows its message and leaves the run untouched") {
  ShareHarness imgui;
  gui::Session session(preset("hello-pool"));
  session.playing = false;
  session.advance_to_seconds(0.5);
  gui::ShareState state;
  imgui.frame(session, state);
  const auto before = session.scenario();
  const auto before_time = session.now();

  const std::string bad = test::output_path("share_drop_bad.json");
  std::ofstream(bad) << R"({"load": {"jobs": "many"}})";
  CHECK_FALSE(gui::open_dropped_file(session, state, bad));
  CHECK(state.drop_error.find("load.jobs") != std::string::npos);
  CHECK_FALSE(imgui.frame(session, state));  // the error dialog opens
  CHECK_FALSE(state.show_drop_error);
  CHECK(session.scenario() == before);
  CHECK(session.now() == before_time);
}

TEST_CASE("Share: a dropped good file replaces the scenario and says so") {
  ShareHarness imgui;
  gui::Session session(preset("hello-pool"));
  gui::ShareState state;
  const std::string good = test::output_path("share_drop_good.json");
  REQUIRE(scenario::save_scenario_file(preset("forgot-close"), good));
  CHECK(gui::open_dropped_file(session, state, good));
  CHECK(session.scenario() == preset("forgot-close"));
  CHECK(state.notice.find("Opened") != std::string::npos);
  imgui.frame(session, state);  // the notice draws
}

TEST_CASE("Share: F12 on a real window writes a PNG named after the scenario and the moment") {
  const fs::path dir = test::output_path("share_f12");
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path before = fs::current_path();
  fs::current_path(dir);  // screenshots go to the working folder
  const auto run = test::run_gui(
      "--preset backpressure --at 1.5 --paused --size 800x600 --press f12@2 --screenshot " +
      (dir / "last.png").string() + " --frames 4");
  fs::current_path(before);
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  const gui::Image shot = test::load_png((dir / "backpressure_t1.500s.png").string());
  CHECK(shot.width == 800);
  CHECK(shot.height == 600);
  CHECK(test::distinct_colours(shot) > 32);
}
