#include "app/gui/model/arrow_route.hpp"

#include <algorithm>
#include <cmath>

namespace poolscope::gui {

namespace {
constexpr int kSamples = 48;  // points along a curve tested against the obstacles
constexpr int kBends = 8;     // bends tried on each side
}  // namespace

Vec2 ArrowRoute::at(float t) const {
  const float u = 1 - t;
  return {u * u * start.x + 2 * u * t * control.x + t * t * end.x,
          u * u * start.y + 2 * u * t * control.y + t * t * end.y};
}

Vec2 edge_point(const Rect& r, Vec2 to) {
  const Vec2 c = r.centre();
  const float dx = to.x - c.x, dy = to.y - c.y;
  if (dx == 0 && dy == 0) return c;
  const float tx = dx != 0 ? (r.w / 2) / std::fabs(dx) : 1e9f;
  const float ty = dy != 0 ? (r.h / 2) / std::fabs(dy) : 1e9f;
  const float t = std::min({tx, ty, 1.0f});
  return {c.x + dx * t, c.y + dy * t};
}

int route_hits(const ArrowRoute& route, std::span<const Rect> obstacles, float margin) {
  int hits = 0;
  for (const Rect& o : obstacles) {
    const Rect grown{o.x - margin, o.y - margin, o.w + 2 * margin, o.h + 2 * margin};
    for (int i = 0; i <= kSamples; ++i) {
      const Vec2 p = route.at(static_cast<float>(i) / kSamples);
      if (p.x >= grown.x && p.x <= grown.right() && p.y >= grown.y && p.y <= grown.bottom()) {
        ++hits;
        break;
      }
    }
  }
  return hits;
}

ArrowRoute route_arrow(const Rect& from, const Rect& to, std::span<const Rect> obstacles,
                       float side, float step, float margin) {
  const Vec2 a = from.centre(), b = to.centre();
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len = std::max(std::sqrt(dx * dx + dy * dy), 1.0f);
  const Vec2 normal{-dy / len, dx / len};  // to the right of a -> b on a y-down screen
  ArrowRoute best;
  best.hits = -1;
  for (int k = 0; k <= 2 * kBends; ++k) {
    // 0, then +1, -1, +2, -2, ... bends; a positive bend goes to the arrow's right.
    const int bend = (k + 1) / 2 * (k % 2 == 1 ? 1 : -1);
    const float off = static_cast<float>(bend) * step + side;
    const Vec2 control{(a.x + b.x) / 2 + normal.x * off * 2, (a.y + b.y) / 2 + normal.y * off * 2};
    ArrowRoute r;
    r.control = control;
    r.start = edge_point(from, control);
    r.end = edge_point(to, control);
    // The ends shift to the right of travel too, so the two directions never share a line.
    r.start = {r.start.x + normal.x * side, r.start.y + normal.y * side};
    r.end = {r.end.x + normal.x * side, r.end.y + normal.y * side};
    r.hits = route_hits(r, obstacles, margin);
    if (best.hits < 0 || r.hits < best.hits) best = r;
    if (r.hits == 0) break;
  }
  return best;
}

}  // namespace poolscope::gui
