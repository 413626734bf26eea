#pragma once
// Damage: which parts of the window changed since the last frame.
//
// On software OpenGL (llvmpipe, what classrooms without a GPU and CI have) every pixel
// costs, and most of Poolscope's window (the Go listing, the controls, the lesson, even
// most of the pool view) is the same from one frame to the next. When the driver keeps
// the last frame in the back buffer (Platform checks), the platform repaints only the
// rectangles this tracker reports. The result is pixel-identical to a full repaint: each
// dirty rectangle is cleared and everything is drawn again inside it, in order.
//
// - The screen is cut into square tiles. Each shape drawn (a triangle, for ImGui) is a
//   mark: the box of pixels it can touch and a hash of everything that decides them
//   (vertices, colours, texture coordinates, clip rectangle, texture).
// - A tile's signature folds, in drawing order, the hashes of the marks that touch it;
//   so it changes when anything drawn over it changes, appears, disappears or is drawn
//   in a new order, and only then.
// - Dirty tiles become a few rectangles that do not overlap: runs along each row of
//   tiles, joined down the rows; when there are too many, each row is filled from its
//   first dirty tile to its last first.
// - Pure logic, tested without a window.
#include <cstddef>
#include <cstdint>
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

struct Mark {
  ScreenRect bounds;       // the pixels it can touch, clip rectangle applied
  std::uint64_t hash = 0;  // of everything that decides those pixels
};

class DamageTracker {
 public:
  static constexpr float kTile = 32;  // tile side, in screen units

  // This frame's marks, in drawing order, against the last frame's. Returns the
  // rectangles to repaint (none when nothing changed): tile-aligned, clipped to
  // `screen`, disjoint, about `max_rects` of them at most (one per row of tiles when
  // scattered); the whole screen when more than `full_share` of it is dirty.
  std::vector<ScreenRect> update(const std::vector<Mark>& marks, ScreenRect screen,
                                 float full_share = 0.6f, std::size_t max_rects = 24);
  // The next update() repaints everything (first frame, new fonts, new clear colour).
  void invalidate() { valid_ = false; }

 private:
  std::vector<std::uint64_t> last_;  // each tile's signature, row by row
  ScreenRect screen_;
  bool valid_ = false;
};

}  // namespace poolscope::gui
