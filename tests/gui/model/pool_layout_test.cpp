#include <doctest/doctest.h>

#include "app/gui/model/pool_layout.hpp"

using namespace poolscope::gui;

namespace {
void check_no_overlap(const std::vector<Rect>& rects) {
  for (std::size_t i = 0; i < rects.size(); ++i) {
    for (std::size_t j = i + 1; j < rects.size(); ++j) {
      INFO("cells " << i << " and " << j);
      CHECK_FALSE(rects[i].overlaps(rects[j]));
    }
  }
}
}  // namespace

TEST_CASE("PoolLayout: the parts follow a job's path from left to right without overlapping") {
  for (float scale : {1.0f, 2.0f}) {
    const PoolLayout l = layout_pool({.width = 1280, .height = 720, .scale = scale});
    const Rect canvas{0, 0, 1280, 720};
    CHECK(l.producers.right() <= l.sender_queue.x);
    CHECK(l.sender_queue.right() <= l.jobs.frame.x);
    CHECK(l.jobs.frame.right() <= l.workers.x);
    CHECK(l.workers.right() <= l.results.frame.x);
    CHECK(l.results.frame.right() <= l.collector.x);
    CHECK(canvas.contains(l.collector));
    CHECK(canvas.contains(l.jobs.frame));
    CHECK(canvas.contains(l.results.frame));
  }
}

TEST_CASE("PoolLayout: a channel has one slot per unit of capacity, head nearest the consumer") {
  const ChannelLayout ch = layout_channel({0, 0, 200, 60}, 5, 1.0f);
  REQUIRE(ch.slots.size() == 5);
  CHECK(ch.rows == 1);
  for (std::size_t i = 1; i < ch.slots.size(); ++i) CHECK(ch.slots[i].x < ch.slots[i - 1].x);
  check_no_overlap(ch.slots);
  for (const Rect& r : ch.slots) CHECK(ch.frame.contains(r));
}

TEST_CASE("PoolLayout: a large channel wraps into rows and stays inside its frame") {
  const ChannelLayout ch = layout_channel({10, 10, 200, 200}, 100, 1.0f);
  REQUIRE(ch.slots.size() == 100);
  CHECK(ch.rows > 1);
  CHECK(ch.columns * ch.rows >= 100);
  check_no_overlap(ch.slots);
  for (const Rect& r : ch.slots) CHECK(ch.frame.contains(r));
  // The second row starts again at the head end.
  CHECK(ch.slots[static_cast<std::size_t>(ch.columns)].x == doctest::Approx(ch.slots[0].x));
  CHECK(ch.slots[static_cast<std::size_t>(ch.columns)].y > ch.slots[0].y);
}

TEST_CASE("PoolLayout: an unbuffered channel is a single hand-off gate") {
  const PoolLayout l = layout_pool({.jobs_capacity = 0, .results_capacity = 0});
  CHECK(l.jobs.capacity == 0);
  CHECK(l.jobs.slots.size() == 1);
  CHECK(l.results.slots.size() == 1);
}

TEST_CASE("PoolLayout: worker cards fit their area for 1 to 200 workers") {
  for (int n : {1, 3, 8, 16, 64, 65, 200}) {
    INFO("workers = " << n);
    const PoolLayout l = layout_pool({.workers = n});
    REQUIRE(l.worker_cards.size() == static_cast<std::size_t>(n));
    for (const Rect& r : l.worker_cards) CHECK(l.workers.contains(r));
    check_no_overlap(l.worker_cards);
    // Text only on cards wide enough to read it.
    CHECK(l.detailed_cards == (n <= kDetailedCardLimit && l.worker_cards[0].w >= 110.0f));
  }
  CHECK(layout_pool({.workers = 3}).detailed_cards);
  CHECK_FALSE(layout_pool({.workers = 200}).detailed_cards);
  // Half the width (compare mode): 16 workers no longer fit readable cards.
  CHECK(layout_pool({.width = 1280, .workers = 16}).detailed_cards);
  CHECK_FALSE(layout_pool({.width = 500, .workers = 16}).detailed_cards);
}

TEST_CASE("PoolLayout: past kMaxWorkerCards goroutines are summarised, not given cards") {
  const PoolLayout few = layout_pool({.workers = kMaxWorkerCards});
  CHECK_FALSE(few.swarm);
  CHECK(few.worker_cards.size() == static_cast<std::size_t>(kMaxWorkerCards));
  const PoolLayout many = layout_pool({.workers = 10000});
  CHECK(many.swarm);
  CHECK(many.worker_cards.empty());
  CHECK(many.workers.w > 0);
}

TEST_CASE("PoolLayout: a channel past kMaxSlots shows the head slots and a gauge for the rest") {
  const ChannelLayout small = layout_channel({0, 0, 200, 200}, kMaxSlots, 1.0f);
  CHECK_FALSE(small.summarised());
  CHECK(small.slots.size() == static_cast<std::size_t>(kMaxSlots));
  const ChannelLayout big = layout_channel({0, 0, 200, 200}, 10000, 1.0f);
  REQUIRE(big.summarised());
  CHECK(big.capacity == 10000);
  CHECK(big.slots.size() == static_cast<std::size_t>(kShownSlots));
  CHECK(big.frame.contains(big.gauge));
  for (const Rect& r : big.slots) {
    CHECK(big.frame.contains(r));
    CHECK_FALSE(r.overlaps(big.gauge));
  }
  check_no_overlap(big.slots);
}

TEST_CASE("PoolLayout: a channel frame too small for any slot has no slots, and no crash") {
  const ChannelLayout ch = layout_channel({0, 0, 6, 6}, 5, 2.0f);  // padding eats it all
  CHECK(ch.slots.empty());
  CHECK(ch.capacity == 5);
}
