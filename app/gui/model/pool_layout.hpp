#pragma once
// PoolLayout: where each part of the pool picture goes, as pure geometry.
//
// The picture reads left to right, the way a job travels:
//
//   producers | blocked senders | jobs slots | worker cards | results slots | collector
//
// - Channels are drawn as their capacity in slots; slot 0 is the head (the next
//   value a receive takes), nearest the consumer. An unbuffered channel is a
//   single hand-off gate. Large channels wrap into rows; past kMaxSlots only the
//   kShownSlots nearest the head are slots and a gauge below shows the whole fill.
// - Worker cards fill a grid chosen to keep cards near a 3:2 shape; past
//   kDetailedCardLimit cards lose their text, and past kMaxWorkerCards the
//   goroutines are summarised by state instead of drawn one by one (level of detail:
//   software OpenGL fills a few thousand small shapes per frame, not tens of thousands).
// - Everything is computed for a canvas size and a UI scale, so it is tested
//   without a window, and nothing overlaps or leaves the canvas.
#include <vector>

#include "app/gui/model/tween.hpp"

namespace poolscope::gui {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  Vec2 centre() const { return {x + w / 2, y + h / 2}; }
  bool contains(const Rect& r) const {
    return r.x >= x - 0.01f && r.y >= y - 0.01f && r.right() <= right() + 0.01f &&
           r.bottom() <= bottom() + 0.01f;
  }
  bool overlaps(const Rect& r) const {
    return x < r.right() && r.x < right() && y < r.bottom() && r.y < bottom();
  }
};

struct ChannelLayout {
  Rect frame;        // the channel's outline, label above it
  int capacity = 0;  // 0 = unbuffered: one hand-off gate
  int columns = 1;
  int rows = 1;
  std::vector<Rect> slots;  // slots[0] is the head; size min(max(capacity, 1), kShownSlots)
  Rect gauge;               // the whole channel's fill when summarised; empty otherwise
  float caption_w = 0;      // the width its label may take, centred on the frame (its column)
  bool summarised() const { return gauge.w > 0; }
};

struct PoolLayoutInput {
  float width = 1280;  // canvas size in pixels
  float height = 720;
  float scale = 1.0f;  // UI scale
  int producers = 1;   // goroutines sending jobs (main when 1)
  int jobs_capacity = 100;
  int results_capacity = 100;
  int workers = 3;               // worker cards (live goroutines of the pool)
  bool has_jobs_channel = true;  // false in unbounded and errgroup modes
  float workers_footer = 0;      // pixels kept free under the workers for a line of text
};

struct PoolLayout {
  Rect producers;  // producer cards column
  std::vector<Rect> producer_cards;
  Rect sender_queue;  // blocked senders wait here, in arrival order
  ChannelLayout jobs;
  Rect workers;  // the worker grid's area
  std::vector<Rect> worker_cards;
  bool detailed_cards = true;  // false: cards too small for text
  bool swarm = false;          // true: too many goroutines for cards; summarise `workers`
  ChannelLayout results;
  Rect collector;  // main receiving results
};

inline constexpr int kDetailedCardLimit = 64;
inline constexpr int kMaxWorkerCards = 256;
inline constexpr int kMaxSlots = 120;
inline constexpr int kShownSlots = 60;

PoolLayout layout_pool(const PoolLayoutInput& in);

// Lays out `capacity` slots (at least one: the gate) inside `frame`, head at the
// right end of the first row; past kMaxSlots, kShownSlots slots and a gauge.
ChannelLayout layout_channel(Rect frame, int capacity, float scale);

// A grid of `count` cells filling `area`, cells of shape `aspect` (w/h) and at most
// `max_width` wide, centred in the area.
std::vector<Rect> layout_grid(Rect area, int count, float aspect, float gap,
                              float max_width = 1e9f);

}  // namespace poolscope::gui
