#include <doctest/doctest.h>

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "app/gui/model/screen_layout.hpp"

using poolscope::gui::lay_out_screen;
using poolscope::gui::PanelRect;
using poolscope::gui::ScreenLayout;
using poolscope::gui::ScreenLayoutInput;

namespace {

// ImGui's metrics for the app's theme at `scale` (16 px text, 5 px frame padding, 7 px
// line spacing, 8 px gaps, all scaled) in a window of `w` x `h` with 12 x 10 px padding.
ScreenLayoutInput input(float w, float h, float scale, bool controls_open, bool side_open) {
  return {.width = w - 24 * scale,
          .height = h - 20 * scale,
          .scale = scale,
          .frame_height = 26 * scale,
          .line_height = 23 * scale,
          .gap = 8 * scale,
          .controls_open = controls_open,
          .side_open = side_open};
}

bool overlap(const PanelRect& a, const PanelRect& b) {
  return !a.empty() && !b.empty() && a.x < b.right() && b.x < a.right() && a.y < b.bottom() &&
         b.y < a.bottom();
}

std::vector<std::pair<std::string, PanelRect>> tiled(const ScreenLayout& L) {
  std::vector<std::pair<std::string, PanelRect>> all = {
      {"toolbar", L.toolbar}, {"pool", L.pool},         {"timeline", L.timeline},
      {"lesson", L.lesson},   {"warnings", L.warnings}, {"side", L.side}};
  if (!L.controls_overlay) all.emplace_back("controls", L.controls);
  return all;
}

void check_tiles(const ScreenLayoutInput& in) {
  const ScreenLayout L = lay_out_screen(in);
  const auto all = tiled(L);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& [name, r] = all[i];
    if (r.empty()) continue;
    CAPTURE(name);
    CHECK(r.x >= 0);
    CHECK(r.y >= 0);
    CHECK(r.right() <= in.width + 0.01f);
    CHECK(r.bottom() <= in.height + 0.01f);
    for (std::size_t j = i + 1; j < all.size(); ++j) {
      CAPTURE(all[j].first);
      CHECK_FALSE(overlap(r, all[j].second));
    }
  }
}

}  // namespace

TEST_CASE("ScreenLayout: at 1920x1080 scale 2 the picture gets at least half the window") {
  const ScreenLayout L = lay_out_screen(input(1920, 1080, 2, false, true));
  CHECK(L.pool.area() >= 0.5f * 1920 * 1080);
  CHECK_FALSE(L.lesson.empty());
  CHECK_FALSE(L.side.empty());
  CHECK(L.controls.empty());
  // The lesson keeps its share of the column's height, whatever it shows.
  CHECK(L.lesson.h == doctest::Approx((L.side.bottom() - L.lesson.y) * 0.58f).epsilon(0.01));
  CHECK(L.warnings.y >= L.pool.bottom());
  CHECK(L.warnings.w == L.pool.w);
  CHECK(L.timeline_in_side);
  CHECK(L.timeline.empty());
  // Opening the controls lays them over the picture, which keeps its size.
  const ScreenLayout open = lay_out_screen(input(1920, 1080, 2, true, true));
  CHECK(open.controls_overlay);
  CHECK(open.pool.area() == doctest::Approx(L.pool.area()));
  CHECK(open.controls.w <= 0.3f * 1920);
  // Hiding the side column gives the picture more still.
  const ScreenLayout alone = lay_out_screen(input(1920, 1080, 2, false, false));
  CHECK(alone.pool.area() > 0.6f * 1920 * 1080);
}

TEST_CASE("ScreenLayout: a wide window at scale 1 docks the controls beside the picture") {
  const ScreenLayout L = lay_out_screen(input(1920, 1080, 1, true, true));
  CHECK_FALSE(L.controls_overlay);
  CHECK(L.pool.x >= L.controls.right());
  CHECK(L.pool.area() >= 0.3f * 1920 * 1080);
  CHECK_FALSE(L.timeline_in_side);
  CHECK(L.timeline.y >= L.pool.bottom());
  CHECK(L.timeline.h >= 20 + 5 * 17);
  // At 1366x768 the controls open over the picture instead.
  CHECK(lay_out_screen(input(1366, 768, 1, true, true)).controls_overlay);
}

TEST_CASE("ScreenLayout: no two panels overlap and none leaves the window, at every size") {
  constexpr std::array<std::pair<float, float>, 5> sizes = {
      {{1920, 1080}, {1366, 768}, {1280, 720}, {2560, 1440}, {3840, 2160}}};
  for (const auto& [w, h] : sizes) {
    for (const float scale : {1.0f, 1.5f, 2.0f}) {
      for (const bool controls : {false, true}) {
        for (const bool side : {false, true}) {
          CAPTURE(w);
          CAPTURE(h);
          CAPTURE(scale);
          CAPTURE(controls);
          CAPTURE(side);
          check_tiles(input(w, h, scale, controls, side));
        }
      }
    }
  }
}
