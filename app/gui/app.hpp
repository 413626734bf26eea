#pragma once
// App: the whole Poolscope window, drawn once per frame.
//
// Layout (one window, no docking in Dear ImGui 1.86):
//
//   +-----------+------------------------------+-------------+
//   | controls  | pool view                    | code        |
//   |           |                              |  / metrics  |
//   |           +------------------------------+             |
//   |           | warnings | timeline          |             |
//   +-----------+------------------------------+-------------+
//   | status: virtual time, outcome, events, frame time      |
//
// - Owns the Session and each panel's view state (plain structs); views read the
//   session, controls change it through its mutators.
// - frame(dt) is called between Platform::begin_frame() and Platform::render().
// - Keyboard: Space play/pause, Right step, Up/Down speed, R reset, 1..7 lessons.
#include <memory>
#include <string>

#include "app/gui/fonts.hpp"
#include "app/gui/session.hpp"
#include "app/gui/theme.hpp"
#include "app/gui/view_code.hpp"
#include "app/gui/view_controls.hpp"
#include "app/gui/view_metrics.hpp"
#include "app/gui/view_pool.hpp"
#include "app/gui/view_share.hpp"
#include "app/gui/view_timeline.hpp"
#include "core/scenario/scenario.hpp"

namespace poolscope::gui {

struct AppOptions {
  float scale = 1.0f;             // = 1.0  // UI scale; fonts re-rasterised, not stretched
  ThemeId theme = ThemeId::Dark;  // = dark
  std::string renderer;           // OpenGL renderer string, for the status bar
  scenario::Scenario scenario;    // the run to show first
  bool external_clock = false;    // = false // true: frame() never advances the session; the
                                  //         // caller does (frame-exact recording)
};

class App {
 public:
  explicit App(AppOptions options);
  // One frame of UI; `dt` is the wall time since the last frame.
  void frame(float dt);
  [[nodiscard]] const float* clear_color() const { return clear_; }
  [[nodiscard]] Session& session() { return *session_; }
  // A file dropped onto the window: opened as a scenario, or its error shown.
  void open_dropped_file(const std::string& path);
  // After render(): the PNG path F12 asked for (then call screenshot_written), or "".
  [[nodiscard]] std::string take_screenshot_request();
  void screenshot_written(const std::string& path, const std::string& error);

 private:
  void handle_keys();
  void draw_status_bar(float height);
  void draw_warnings();

  AppOptions options_;
  Fonts fonts_;
  std::unique_ptr<Session> session_;
  PoolViewState pool_view_;
  ControlsState controls_;
  TimelineState timeline_;
  CodeViewState code_;
  MetricsViewState metrics_;
  ShareState share_;
  bool show_metrics_ = false;
  float clear_[4] = {0, 0, 0, 1};
};

}  // namespace poolscope::gui
