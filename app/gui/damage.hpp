#pragma once
// Damage: which parts of the window changed since the last frame.
//
// On software OpenGL (llvmpipe, what classrooms without a GPU and CI have) every pixel
// costs, and most of Poolscope's window (the Go listing, the controls, the lesson) is the
// same from one frame to the next. When the driver keeps the last frame in the back
// buffer (Platform checks), the platform repaints only the rectangles this tracker
// reports. The result is pixel-identical to a full repaint: each dirty rectangle is
// cleared and every draw list is drawn again inside it, in order.
//
// - A draw list is known by its owner (the ImGui window's name) and a hash of its
//   vertices, indices and commands; its bounds are the union of its clip rectangles.
// - A list that changed, appeared or disappeared dirties its old and new bounds. A
//   change in the order of the lists (a window brought to front) dirties everything.
// - Pure logic, tested without a window.
#include <cstdint>
#include <string>
#include <vector>

namespace poolscope::gui {

struct ScreenRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  [[nodiscard]] float area() const { return x1 > x0 && y1 > y0 ? (x1 - x0) * (y1 - y0) : 0; }
  [[nodiscard]] bool empty() const { return area() <= 0; }
  friend bool operator==(const ScreenRect&, const ScreenRect&) = default;
};

ScreenRect unite(const ScreenRect& a, const ScreenRect& b);
ScreenRect intersect(const ScreenRect& a, const ScreenRect& b);

struct ListSignature {
  std::string owner;       // the window that drew it
  std::uint64_t hash = 0;  // of its vertices, indices and commands
  ScreenRect bounds;       // the union of its clip rectangles
};

class DamageTracker {
 public:
  // This frame's lists, in drawing order, against the last frame's. Returns the
  // rectangles to repaint (none when nothing changed), clipped to `screen`; when more
  // than `full_share` of the screen is dirty, the whole screen.
  std::vector<ScreenRect> update(std::vector<ListSignature> lists, ScreenRect screen,
                                 float full_share = 0.6f);
  // The next update() repaints everything (first frame, resize, new fonts).
  void invalidate() { valid_ = false; }

 private:
  std::vector<ListSignature> last_;
  bool valid_ = false;
};

}  // namespace poolscope::gui
