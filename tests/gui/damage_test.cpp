#include <doctest/doctest.h>

#include <vector>

#include "app/gui/platform/damage.hpp"

using namespace poolscope::gui;

namespace {
const ScreenRect kScreen{0, 0, 640, 640};  // 20 x 20 tiles of 32

// Two marks far apart, and one over the first.
std::vector<Mark> frame(std::uint64_t a, std::uint64_t b, std::uint64_t over_a = 3) {
  return {{{10, 10, 50, 20}, a}, {{390, 390, 410, 410}, b}, {{20, 12, 30, 18}, over_a}};
}

bool covers(const std::vector<ScreenRect>& rects, float x, float y) {
  for (const ScreenRect& r : rects) {
    if (x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("Damage: the first frame repaints everything, an unchanged frame nothing") {
  DamageTracker t;
  CHECK(t.update(frame(1, 2), kScreen) == std::vector<ScreenRect>{kScreen});
  CHECK(t.update(frame(1, 2), kScreen).empty());
}

TEST_CASE("Damage: a changed mark repaints the tiles it touches, nothing else") {
  DamageTracker t;
  (void)t.update(frame(1, 2), kScreen);
  CHECK(t.update(frame(1, 5), kScreen) == std::vector<ScreenRect>{{384, 384, 416, 416}});
  // 10..50 spans two tiles across.
  CHECK(t.update(frame(6, 5), kScreen) == std::vector<ScreenRect>{{0, 0, 64, 32}});
}

TEST_CASE("Damage: a mark that moves repaints where it was and where it is") {
  DamageTracker t;
  (void)t.update(frame(1, 2), kScreen);
  auto moved = frame(1, 2);
  moved[1].bounds = {390, 490, 410, 510};
  const auto dirty = t.update(moved, kScreen);
  CHECK(dirty == std::vector<ScreenRect>{{384, 384, 416, 416}, {384, 480, 416, 512}});
}

TEST_CASE("Damage: marks that appear and disappear repaint their tiles") {
  DamageTracker t;
  (void)t.update(frame(1, 2), kScreen);
  auto with_tip = frame(1, 2);
  with_tip.push_back({{300, 300, 310, 305}, 7});
  CHECK(t.update(with_tip, kScreen) == std::vector<ScreenRect>{{288, 288, 320, 320}});
  CHECK(t.update(frame(1, 2), kScreen) == std::vector<ScreenRect>{{288, 288, 320, 320}});
}

TEST_CASE("Damage: drawing order matters where marks overlap, and only there") {
  DamageTracker t;
  (void)t.update(frame(1, 2), kScreen);
  auto swapped = frame(1, 2);
  std::swap(swapped[0], swapped[2]);  // the overlapping pair: pixels change
  CHECK(t.update(swapped, kScreen) == std::vector<ScreenRect>{{0, 0, 32, 32}});
  (void)t.update(frame(1, 2), kScreen);
  auto apart = frame(1, 2);
  std::swap(apart[0], apart[1]);  // far apart: the same pixels
  CHECK(t.update(apart, kScreen).empty());
}

TEST_CASE("Damage: neighbouring dirty tiles become one rectangle") {
  DamageTracker t;
  std::vector<Mark> marks;
  for (float x = 100; x < 290; x += 32) marks.push_back({{x, 100, x + 10, 200}, 1});
  (void)t.update(marks, kScreen);
  for (Mark& m : marks) m.hash = 2;
  // Columns 3..8 of tiles, rows 3..6: one box.
  CHECK(t.update(marks, kScreen) == std::vector<ScreenRect>{{96, 96, 288, 224}});
}

TEST_CASE("Damage: scattered changes become one rectangle per row of tiles, disjoint") {
  DamageTracker t;
  std::vector<Mark> marks;
  for (float y = 5; y < 640; y += 96) {  // 7 rows of tiles, 5 marks in each
    for (float x = 5; x < 640; x += 128) marks.push_back({{x, y, x + 5, y + 5}, 1});
  }
  (void)t.update(marks, kScreen);
  for (Mark& m : marks) m.hash = 9;
  CHECK(t.update(marks, kScreen, 0.9f, 40).size() == 35);  // under the limit: tile by tile
  for (Mark& m : marks) m.hash = 10;
  const auto dirty = t.update(marks, kScreen, 0.9f, 5);
  CHECK(dirty.size() == 7);
  for (const Mark& m : marks) CHECK(covers(dirty, m.bounds.x0, m.bounds.y0));
  for (std::size_t i = 0; i < dirty.size(); ++i) {
    for (std::size_t j = i + 1; j < dirty.size(); ++j) {
      CHECK(intersect(dirty[i], dirty[j]).empty());
    }
  }
}

TEST_CASE("Damage: past the share limit, a resize or invalidate() repaint the whole screen") {
  DamageTracker t;
  (void)t.update(frame(1, 2), kScreen);
  CHECK(t.update(frame(3, 4), kScreen, 0.001f) == std::vector<ScreenRect>{kScreen});
  const ScreenRect bigger{0, 0, 800, 640};
  CHECK(t.update(frame(3, 4), bigger) == std::vector<ScreenRect>{bigger});
  CHECK(t.update(frame(3, 4), bigger).empty());
  t.invalidate();
  CHECK(t.update(frame(3, 4), bigger) == std::vector<ScreenRect>{bigger});
}
