#pragma once
// Arrow routing for the pool view's deadlock arrows: a curve from one card to another
// that bends around labels, channels and other cards instead of crossing them. Pure
// geometry, no ImGui; tested without a window.
//
// - An arrow is a quadratic Bezier curve: from the edge of `from`, bent through a
//   control point, to the edge of `to`. Both ends sit `side` pixels to the right of
//   the direction of travel, so a -> b and b -> a stay apart.
// - route_arrow() tries a straight line first, then bends of growing size, one side
//   and then the other, and keeps the first curve that touches no obstacle (each
//   grown by `margin`); when none is clear, the one touching the fewest.
#include <array>
#include <span>

#include "app/gui/model/pool_layout.hpp"

namespace poolscope::gui {

struct ArrowRoute {
  Vec2 start;
  Vec2 control;
  Vec2 end;
  int hits = 0;  // obstacles the curve touches (0: clear)

  // The point at parameter t in [0, 1].
  [[nodiscard]] Vec2 at(float t) const;
};

// The point where the segment from r's centre towards `to` leaves r.
[[nodiscard]] Vec2 edge_point(const Rect& r, Vec2 to);

// How many of `obstacles`, each grown by `margin`, the curve touches.
[[nodiscard]] int route_hits(const ArrowRoute& route, std::span<const Rect> obstacles,
                             float margin);

// The route from card `from` to card `to` around `obstacles`; `step` is the size of one
// bend (pixels the control point moves per try), `side` the shift to the right.
[[nodiscard]] ArrowRoute route_arrow(const Rect& from, const Rect& to,
                                     std::span<const Rect> obstacles, float side, float step,
                                     float margin);

}  // namespace poolscope::gui
