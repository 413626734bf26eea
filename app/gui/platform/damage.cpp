#include "app/gui/platform/damage.hpp"

#include <algorithm>
#include <cmath>

namespace poolscope::gui {

ScreenRect unite(const ScreenRect& a, const ScreenRect& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

ScreenRect intersect(const ScreenRect& a, const ScreenRect& b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

namespace {
// Tiles are stored row by row.
std::size_t tile_index(int x, int y, int columns) {
  return static_cast<std::size_t>(y) * static_cast<std::size_t>(columns) +
         static_cast<std::size_t>(x);
}

// Tiles as integer boxes [x0, x1) x [y0, y1), in tile units.
struct TileBox {
  int x0, y0, x1, y1;
};

// Runs of dirty tiles along each row, then runs with the same columns in touching rows
// joined into one box.
std::vector<TileBox> boxes_of(const std::vector<bool>& dirty, int columns, int rows) {
  std::vector<TileBox> boxes;
  std::vector<std::size_t> open;  // boxes that end at the row above
  for (int y = 0; y < rows; ++y) {
    std::vector<std::size_t> still_open;
    for (int x = 0; x < columns;) {
      if (!dirty[tile_index(x, y, columns)]) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < columns && dirty[tile_index(x, y, columns)]) ++x;
      auto above = std::find_if(open.begin(), open.end(), [&](std::size_t i) {
        return boxes[i].x0 == start && boxes[i].x1 == x;
      });
      if (above != open.end()) {
        boxes[*above].y1 = y + 1;
        still_open.push_back(*above);
      } else {
        boxes.push_back({start, y, x, y + 1});
        still_open.push_back(boxes.size() - 1);
      }
    }
    open = std::move(still_open);
  }
  return boxes;
}

}  // namespace

std::vector<ScreenRect> DamageTracker::update(const std::vector<Mark>& marks, ScreenRect screen,
                                              float full_share, std::size_t max_rects) {
  const int columns = std::max(1, static_cast<int>(std::ceil((screen.x1 - screen.x0) / kTile)));
  const int rows = std::max(1, static_cast<int>(std::ceil((screen.y1 - screen.y0) / kTile)));
  std::vector<std::uint64_t> tiles(static_cast<std::size_t>(columns) * rows, 0);
  for (const Mark& m : marks) {
    const ScreenRect b = intersect(m.bounds, screen);
    if (b.empty()) continue;
    const int tx0 = std::clamp(static_cast<int>((b.x0 - screen.x0) / kTile), 0, columns - 1);
    const int ty0 = std::clamp(static_cast<int>((b.y0 - screen.y0) / kTile), 0, rows - 1);
    const int tx1 = std::clamp(static_cast<int>((b.x1 - screen.x0) / kTile), 0, columns - 1);
    const int ty1 = std::clamp(static_cast<int>((b.y1 - screen.y0) / kTile), 0, rows - 1);
    for (int y = ty0; y <= ty1; ++y) {
      for (int x = tx0; x <= tx1; ++x) {
        std::uint64_t& t = tiles[tile_index(x, y, columns)];
        t = ((t << 7 | t >> 57) ^ m.hash) * 0x9E3779B97F4A7C15ULL;  // order matters
      }
    }
  }
  const bool whole = !valid_ || !(screen == screen_) || last_.size() != tiles.size();
  std::vector<bool> dirty(tiles.size());
  std::size_t dirty_count = 0;
  for (std::size_t i = 0; i < tiles.size(); ++i) {
    dirty[i] = whole || tiles[i] != last_[i];
    dirty_count += dirty[i] ? 1 : 0;
  }
  last_ = std::move(tiles);
  screen_ = screen;
  valid_ = true;
  if (dirty_count == 0) return {};
  if (whole || static_cast<float>(dirty_count) > full_share * static_cast<float>(dirty.size())) {
    return {screen};
  }

  std::vector<TileBox> boxes = boxes_of(dirty, columns, rows);
  if (boxes.size() > max_rects) {
    // Scattered damage: fill each row of tiles from its first dirty tile to its last,
    // which leaves at most one box per row.
    for (int y = 0; y < rows; ++y) {
      const auto row = dirty.begin() + static_cast<std::ptrdiff_t>(y) * columns;
      const auto first = std::find(row, row + columns, true);
      if (first == row + columns) continue;
      const auto last = std::find(std::make_reverse_iterator(row + columns),
                                  std::make_reverse_iterator(row), true);
      std::fill(first, last.base(), true);
    }
    boxes = boxes_of(dirty, columns, rows);
  }
  std::vector<ScreenRect> out;
  float area = 0;
  for (const TileBox& b : boxes) {
    const ScreenRect r = intersect(
        {screen.x0 + static_cast<float>(b.x0) * kTile, screen.y0 + static_cast<float>(b.y0) * kTile,
         screen.x0 + static_cast<float>(b.x1) * kTile,
         screen.y0 + static_cast<float>(b.y1) * kTile},
        screen);
    area += r.area();
    out.push_back(r);
  }
  if (area > full_share * screen.area()) return {screen};
  return out;
}

}  // namespace poolscope::gui
