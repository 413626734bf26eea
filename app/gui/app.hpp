#pragma once
// App: the whole Poolscope window, drawn once per frame.
//
// - Owns the UI state (a plain struct) and the fonts; reads core state, never
//   mutates the simulation from a view.
// - frame() is called between Platform::begin_frame() and Platform::render().
#include <string>

#include "app/gui/fonts.hpp"

namespace poolscope::gui {

struct AppOptions {
  float scale = 1.0f;    // = 1.0 // UI scale; fonts are re-rasterised, not stretched
  std::string renderer;  // OpenGL renderer string, shown in the About panel
};

class App {
 public:
  explicit App(AppOptions options);
  void frame();
  const float* clear_color() const { return clear_; }

 private:
  AppOptions options_;
  Fonts fonts_;
  float clear_[4] = {0.09f, 0.10f, 0.12f, 1.0f};
};

}  // namespace poolscope::gui
