// Deadlock arrows bend around what stands between two cards (arrow_route.hpp).
#include <doctest/doctest.h>

#include <vector>

#include "app/gui/model/arrow_route.hpp"

using namespace poolscope::gui;

TEST_CASE("ArrowRoute: a clear path stays straight, an obstacle between the cards bends it") {
  const Rect a{0, 100, 50, 40}, b{300, 100, 50, 40};
  const ArrowRoute straight = route_arrow(a, b, {}, 0, 12, 2);
  CHECK(straight.hits == 0);
  CHECK(straight.control.y == doctest::Approx(120));  // on the line between the centres
  CHECK(straight.start.x == doctest::Approx(50));     // leaves a at its right edge
  CHECK(straight.end.x == doctest::Approx(300));      // reaches b at its left edge

  // A label right across the straight line: the route goes round it.
  const std::vector<Rect> label{{150, 110, 60, 20}};
  REQUIRE(route_hits(straight, label, 2) == 1);
  const ArrowRoute bent = route_arrow(a, b, label, 0, 12, 2);
  CHECK(bent.hits == 0);
  CHECK(route_hits(bent, label, 2) == 0);
  CHECK(bent.control.y != doctest::Approx(120));
  // Its ends still touch the cards' edges.
  CHECK(bent.start.x >= 0);
  CHECK(bent.start.x <= 50.01f);
  CHECK(bent.end.x >= 299.99f);
}

TEST_CASE("ArrowRoute: a -> b and b -> a run on either side") {
  const Rect a{0, 0, 50, 40}, b{300, 0, 50, 40};
  const ArrowRoute ab = route_arrow(a, b, {}, 6, 12, 2);
  const ArrowRoute ba = route_arrow(b, a, {}, 6, 12, 2);
  // Going right, "right of travel" is down on screen; going left, it is up.
  CHECK(ab.at(0.5f).y > 20);
  CHECK(ba.at(0.5f).y < 20);
}

TEST_CASE("ArrowRoute: with no clear way it keeps the curve that touches the fewest") {
  const Rect a{0, 0, 50, 40}, b{300, 0, 50, 40};
  const std::vector<Rect> wall{{150, -1000, 10, 2000}};  // blocks every bend
  const ArrowRoute r = route_arrow(a, b, wall, 0, 12, 2);
  CHECK(r.hits == 1);
}
