#include <doctest/doctest.h>

#include <vector>

#include "app/gui/damage.hpp"

using namespace poolscope::gui;

namespace {
const ScreenRect kScreen{0, 0, 1000, 1000};

std::vector<ListSignature> frame(std::uint64_t controls, std::uint64_t pool) {
  return {{"controls", controls, {0, 0, 200, 1000}}, {"pool", pool, {200, 0, 700, 400}}};
}
}  // namespace

TEST_CASE("Damage: the first frame repaints everything, an unchanged frame nothing") {
  DamageTracker t;
  CHECK(t.update(frame(1, 1), kScreen) == std::vector<ScreenRect>{kScreen});
  CHECK(t.update(frame(1, 1), kScreen).empty());
}

TEST_CASE("Damage: a changed list repaints its own rectangle only") {
  DamageTracker t;
  (void)t.update(frame(1, 1), kScreen);
  const auto dirty = t.update(frame(1, 2), kScreen);
  REQUIRE(dirty.size() == 1);
  CHECK(dirty[0] == ScreenRect{200, 0, 700, 400});
}

TEST_CASE("Damage: a list that moves repaints where it was and where it is") {
  DamageTracker t;
  (void)t.update(frame(1, 1), kScreen);
  auto moved = frame(1, 1);
  moved[1].bounds = {200, 500, 700, 900};
  const auto dirty = t.update(moved, kScreen);
  REQUIRE(dirty.size() == 1);
  CHECK(dirty[0] == ScreenRect{200, 0, 700, 900});
}

TEST_CASE("Damage: a tooltip repaints where it appears and, later, where it was") {
  DamageTracker t;
  (void)t.update(frame(1, 1), kScreen);
  auto with_tip = frame(1, 1);
  with_tip.push_back({"##Tooltip_00", 7, {300, 300, 400, 350}});
  auto dirty = t.update(with_tip, kScreen);
  REQUIRE(dirty.size() == 1);
  CHECK(dirty[0] == ScreenRect{300, 300, 400, 350});
  dirty = t.update(frame(1, 1), kScreen);
  REQUIRE(dirty.size() == 1);
  CHECK(dirty[0] == ScreenRect{300, 300, 400, 350});
}

TEST_CASE("Damage: lists drawn in a new order repaint everything") {
  DamageTracker t;
  (void)t.update(frame(1, 1), kScreen);
  auto swapped = frame(1, 1);
  std::swap(swapped[0], swapped[1]);
  CHECK(t.update(swapped, kScreen) == std::vector<ScreenRect>{kScreen});
}

TEST_CASE("Damage: past the share limit the whole screen is repainted as one rectangle") {
  DamageTracker t;
  (void)t.update(frame(1, 1), kScreen);
  CHECK(t.update(frame(2, 2), kScreen, 0.3f) == std::vector<ScreenRect>{kScreen});
  (void)t.update(frame(2, 2), kScreen);
  t.invalidate();
  CHECK(t.update(frame(2, 2), kScreen) == std::vector<ScreenRect>{kScreen});
}
