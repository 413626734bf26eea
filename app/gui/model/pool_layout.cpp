#include "app/gui/model/pool_layout.hpp"

#include <algorithm>
#include <cmath>

namespace poolscope::gui {

std::vector<Rect> layout_grid(Rect area, int count, float aspect, float gap, float max_width) {
  std::vector<Rect> cells;
  if (count <= 0 || area.w <= 0 || area.h <= 0) return cells;
  // Try every column count; keep the one whose cells are largest.
  int best_cols = 1;
  float best_w = 0;
  for (int cols = 1; cols <= count; ++cols) {
    const int rows = (count + cols - 1) / cols;
    const float cw = (area.w - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float ch = (area.h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    const float w = std::min(cw, ch * aspect);
    if (w > best_w) {
      best_w = w;
      best_cols = cols;
    }
  }
  const int cols = best_cols;
  const int rows = (count + cols - 1) / cols;
  const float w = std::clamp(best_w, 1.0f, std::max(max_width, 1.0f));
  const float h = w / aspect;
  const float used_w = w * static_cast<float>(cols) + gap * static_cast<float>(cols - 1);
  const float used_h = h * static_cast<float>(rows) + gap * static_cast<float>(rows - 1);
  const float x0 = area.x + (area.w - used_w) / 2;
  const float y0 = area.y + std::max(0.0f, (area.h - used_h) / 2);
  cells.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    const int r = i / cols, c = i % cols;
    cells.push_back(
        {x0 + static_cast<float>(c) * (w + gap), y0 + static_cast<float>(r) * (h + gap), w, h});
  }
  return cells;
}

ChannelLayout layout_channel(Rect frame, int capacity, float scale) {
  ChannelLayout ch;
  ch.frame = frame;
  ch.capacity = std::max(capacity, 0);
  const float pad = 4.0f * scale;
  const Rect inner{frame.x + pad, frame.y + pad, frame.w - 2 * pad, frame.h - 2 * pad};
  if (ch.capacity == 0) {
    // The gate: one square spot where a value passes hand to hand.
    const float side = std::min({inner.w, inner.h, 36.0f * scale});
    ch.slots.push_back({inner.right() - side, inner.y + (inner.h - side) / 2, side, side});
    return ch;
  }
  const float gap = ch.capacity > 40 ? 1.0f * scale : 3.0f * scale;
  Rect grid = inner;
  int shown = ch.capacity;
  if (ch.capacity > kMaxSlots) {
    const float gauge_h = std::min(12.0f * scale, inner.h / 4);
    ch.gauge = {inner.x, inner.bottom() - gauge_h, inner.w, gauge_h};
    grid.h -= gauge_h + pad;
    shown = kShownSlots;
  }
  const auto cells = layout_grid(grid, shown, 1.0f, gap);
  if (cells.empty()) return ch;  // a frame too small for any slot (a tiny window at scale 2)
  // layout_grid fills rows left to right; the head belongs at the right end of
  // the first row, nearest the consumer, so slots run right to left.
  std::size_t cols = 1;
  while (cols < cells.size() && cells[cols].y == cells[0].y) ++cols;
  ch.columns = static_cast<int>(cols);
  ch.rows = static_cast<int>((cells.size() + cols - 1) / cols);
  const float step = cols > 1 ? cells[1].x - cells[0].x : 0.0f;
  const float head_x = cells[cols - 1].x;
  ch.slots.reserve(cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Rect& row_start = cells[(i / cols) * cols];
    ch.slots.push_back(
        {head_x - static_cast<float>(i % cols) * step, row_start.y, row_start.w, row_start.h});
  }
  return ch;
}

PoolLayout layout_pool(const PoolLayoutInput& in) {
  PoolLayout out;
  const float s = in.scale;
  const float margin = 12.0f * s;
  const float label = 26.0f * s;  // room for a caption above each part
  const float top = margin + label;
  const float height = std::max(in.height - top - margin, 10.0f);
  const float usable = std::max(in.width - 2 * margin, 10.0f);
  // Column shares of the width, in the order a job travels.
  // More than a few workers take width from the producer and collector columns, which
  // hold a single card each most of the time.
  // They take it from the four columns around them alike, so a projector's picture keeps
  // text on up to ten worker cards.
  const float extra = in.workers > 4 ? 0.12f : 0.0f;
  const float f_prod = 0.15f - extra / 4, f_queue = 0.09f, f_jobs = 0.15f - extra / 4,
              f_work = 0.29f + extra, f_res = 0.13f - extra / 4, f_coll = 0.14f - extra / 4;
  const float gap = (usable - usable * (f_prod + f_queue + f_jobs + f_work + f_res + f_coll)) / 5;
  float x = margin;
  auto column = [&](float share) {
    Rect r{x, top, usable * share, height};
    x += usable * share + gap;
    return r;
  };
  out.producers = column(f_prod);
  out.sender_queue = column(f_queue);
  const Rect jobs_col = column(f_jobs);
  out.workers = column(f_work);
  out.workers.h = std::max(out.workers.h - in.workers_footer, 10.0f);
  const Rect results_col = column(f_res);
  out.collector = column(f_coll);

  out.producer_cards = layout_grid(out.producers, std::max(in.producers, 1), 1.5f, 6.0f * s);
  // Channels take the height they need, centred vertically on the flow line.
  auto channel_frame = [&](Rect col, int capacity) {
    if (capacity <= 0) {
      const float side = std::min(col.w, 48.0f * s);
      return Rect{col.x + (col.w - side) / 2, col.y + (col.h - side) / 2, side, side};
    }
    const float shown = static_cast<float>(std::min(capacity, kShownSlots));
    const float gauge = capacity > kMaxSlots ? 16.0f * s : 0.0f;
    float h = gauge + std::max(48.0f * s, col.w * std::min(1.0f, std::sqrt(shown) / 6.0f));
    if (shown <= 12) {
      // A small buffer's slots are big enough for a job's number at the body text size.
      const float per_row = std::max(1.0f, std::floor((col.w - 8.0f * s) / (30.0f * s)));
      h = std::max(h, std::ceil(shown / per_row) * 30.0f * s + 8.0f * s);
    }
    h = std::min(col.h, h);
    return Rect{col.x, col.y + (col.h - h) / 2, col.w, h};
  };
  if (in.has_jobs_channel) {
    out.jobs = layout_channel(channel_frame(jobs_col, in.jobs_capacity), in.jobs_capacity, s);
  } else {
    out.jobs.frame = Rect{jobs_col.x, jobs_col.y, 0, 0};
  }
  out.results =
      layout_channel(channel_frame(results_col, in.results_capacity), in.results_capacity, s);
  out.jobs.caption_w = jobs_col.w;
  out.results.caption_w = results_col.w;
  const int workers = std::max(in.workers, 0);
  out.swarm = workers > kMaxWorkerCards;
  if (out.swarm) return out;
  // Cards carry text only when there are few enough to be wide enough to read.
  out.worker_cards = layout_grid(out.workers, workers, 2.0f, 8.0f * s, 240.0f * s);
  out.detailed_cards = workers <= kDetailedCardLimit && !out.worker_cards.empty() &&
                       out.worker_cards.front().w >= 110.0f * s;
  if (!out.detailed_cards) {
    out.worker_cards = layout_grid(out.workers, workers, 1.0f, 2.0f * s, 240.0f * s);
  }
  return out;
}

}  // namespace poolscope::gui
