#include <doctest/doctest.h>

#include "app/gui/model/tween.hpp"

using poolscope::gui::Tween;
using poolscope::gui::Vec2;

TEST_CASE("Tween: a token reaches its target after the duration and stops moving") {
  Tween t({0, 0}, 0.5f);
  t.retarget({100, 50});
  CHECK(t.advance(0.25f));
  const Vec2 half = t.value();
  CHECK(half.x == doctest::Approx(50.0f));
  CHECK(half.y == doctest::Approx(25.0f));
  CHECK_FALSE(t.advance(0.25f));
  CHECK(t.value() == Vec2{100, 50});
}

TEST_CASE("Tween: easing starts and ends slowly") {
  Tween t({0, 0}, 1.0f);
  t.retarget({100, 0});
  t.advance(0.1f);
  const float early = t.value().x;
  t.advance(0.4f);
  const float middle = t.value().x;
  CHECK(early < 10.0f);                     // slower than linear at the start
  CHECK(middle == doctest::Approx(50.0f));  // symmetric curve
}

TEST_CASE("Tween: retargeting mid-flight continues from where the token is") {
  Tween t({0, 0}, 1.0f);
  t.retarget({100, 0});
  t.advance(0.5f);
  const Vec2 here = t.value();
  t.retarget({100, 100});
  CHECK(t.value() == here);  // no jump on the frame the target changes
  t.advance(1.0f);
  CHECK(t.value() == Vec2{100, 100});
}

TEST_CASE("Tween: snap jumps without motion") {
  Tween t({0, 0}, 1.0f);
  t.retarget({10, 10});
  t.snap({5, 5});
  CHECK_FALSE(t.moving());
  CHECK(t.value() == Vec2{5, 5});
}
