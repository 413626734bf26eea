// The program view's geometry: nothing overlaps or leaves the canvas, whatever the program.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "app/gui/model/program_layout.hpp"
#include "tests/gui/model/program_run.hpp"

using namespace poolscope;
using namespace poolscope::gui;
using poolscope::gui::testing::GoRun;

namespace {

ProgramColumn column(int cards, trace::GoroutineId& next_id) {
  ProgramColumn c;
  c.function = next_id;
  c.title = "f" + std::to_string(next_id);
  for (int i = 0; i < cards; ++i) {
    ProgramCard card;
    card.id = next_id++;
    card.name = c.title + " " + std::to_string(i + 1);
    c.cards.push_back(card);
  }
  return c;
}

// A made-up model: columns of cards, channels in gaps with blocked goroutines, boxes.
ProgramModel random_model(std::mt19937& rng, int max_cards) {
  ProgramModel m;
  trace::GoroutineId next = 1;
  const int columns = std::uniform_int_distribution<int>(0, 8)(rng);
  for (int i = 0; i < columns; ++i) {
    m.columns.push_back(column(std::uniform_int_distribution<int>(0, max_cards)(rng), next));
  }
  const int channels = std::uniform_int_distribution<int>(0, 12)(rng);
  const std::int64_t caps[] = {0, 1, 3, 5, 12, 100, 500};
  for (int i = 0; i < channels; ++i) {
    ProgramChannel ch;
    ch.id = static_cast<trace::ChannelId>(i + 1);
    ch.name = "c" + std::to_string(i);
    ch.cap = caps[std::uniform_int_distribution<int>(0, 6)(rng)];
    ch.gap = std::uniform_int_distribution<int>(0, columns)(rng);
    const int senders = std::uniform_int_distribution<int>(0, 10)(rng);
    for (int k = 0; k < senders && next > 1; ++k) {
      ch.senders.push_back(
          {std::uniform_int_distribution<trace::GoroutineId>(1, next - 1)(rng), k});
    }
    const int receivers = std::uniform_int_distribution<int>(0, 10)(rng);
    for (int k = 0; k < receivers && next > 1; ++k) {
      ch.receivers.push_back(
          {std::uniform_int_distribution<trace::GoroutineId>(1, next - 1)(rng), 0});
    }
    m.channels.push_back(ch);
  }
  const int syncs = std::uniform_int_distribution<int>(0, 8)(rng);
  for (int i = 0; i < syncs; ++i) {
    m.syncs.push_back({{ObjectKind::Mutex, static_cast<std::uint32_t>(i + 1)}, "mu", 0, 0, {}});
  }
  for (const ProgramChannel& ch : m.channels) {
    for (const trace::Waiting& w : ch.senders) {
      m.arrows.push_back(
          {w.goroutine, {ObjectKind::Channel, ch.id}, WaitKind::ChanSend, trace::Dir::Send});
    }
  }
  return m;
}

void check_picture(const ProgramModel& m, const ProgramLayout& l, const Rect& canvas) {
  const std::vector<Rect> parts = l.parts();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    INFO("part " << i << " at " << parts[i].x << "," << parts[i].y << " " << parts[i].w << "x"
                 << parts[i].h);
    REQUIRE(canvas.contains(parts[i]));
    std::size_t overlapping = parts.size();
    for (std::size_t j = i + 1; j < parts.size() && overlapping == parts.size(); ++j) {
      if (parts[i].overlaps(parts[j])) overlapping = j;
    }
    INFO("overlaps part " << overlapping);
    REQUIRE(overlapping == parts.size());
  }
  for (std::size_t c = 0; c < l.columns.size(); ++c) {
    const ColumnBox& box = l.columns[c];
    CHECK((box.summarised || box.cards.size() == m.columns[c].cards.size()));
    for (const Rect& r : box.cards) CHECK(box.area.contains(r));
  }
  for (std::size_t i = 0; i < l.channels.size(); ++i) {
    const ChannelBox& b = l.channels[i];
    CHECK(b.cell.contains(b.body.frame));
    CHECK(b.cell.contains(b.label));
    CHECK_FALSE(b.label.overlaps(b.body.frame));
    for (const Rect& s : b.body.slots) CHECK(b.body.frame.contains(s));
    for (const std::vector<Rect>* q : {&b.senders, &b.receivers}) {
      for (const Rect& r : *q) {
        CHECK(b.cell.contains(r));
        CHECK_FALSE(r.overlaps(b.body.frame));
      }
    }
    CHECK(b.senders.size() + static_cast<std::size_t>(b.more_senders) ==
          m.channels[i].senders.size());
    CHECK(b.senders.size() <= static_cast<std::size_t>(kMaxQueueShown));
  }
  CHECK(l.arrows.size() <= kMaxProgramArrows);
  CHECK(l.arrows.size() + static_cast<std::size_t>(l.arrows_hidden) == m.arrows.size());
}

}  // namespace

TEST_CASE("ProgramLayout: nothing overlaps or leaves the canvas, for many generated programs") {
  std::mt19937 rng(20240611);
  const Rect sizes[] = {{0, 0, 1280, 720}, {0, 0, 1920, 1080}, {0, 0, 800, 500}, {0, 0, 420, 300}};
  for (int round = 0; round < 160; ++round) {
    const ProgramModel m = random_model(rng, round % 10 == 0 ? 120 : 12);
    for (const Rect& canvas : sizes) {
      for (float scale : {1.0f, 2.0f}) {
        CAPTURE(round);
        CAPTURE(canvas.w);
        CAPTURE(scale);
        check_picture(m, layout_program(m, {canvas.w, canvas.h, scale}), canvas);
      }
    }
  }
}

TEST_CASE("ProgramLayout: a tiny canvas gives a picture inside it, not a crash") {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    const ProgramModel m = random_model(rng, 20);
    for (float w : {0.0f, 30.0f, 90.0f}) {
      const Rect canvas{0, 0, w, w * 0.7f};
      check_picture(m, layout_program(m, {canvas.w, canvas.h, 2.0f}), canvas);
    }
  }
}

TEST_CASE(
    "ProgramLayout: hundreds of cards lose their text, and past a thousand a column is "
    "summarised") {
  trace::GoroutineId next = 1;
  ProgramModel few;
  few.columns = {column(1, next), column(3, next)};
  const ProgramLayout lf = layout_program(few, {});
  CHECK(lf.columns[0].detailed);
  CHECK(lf.columns[1].detailed);

  ProgramModel hundreds;
  hundreds.columns = {column(1, next), column(300, next)};
  const ProgramLayout lh = layout_program(hundreds, {});
  CHECK_FALSE(lh.columns[1].detailed);
  CHECK_FALSE(lh.columns[1].summarised);
  CHECK(lh.columns[1].cards.size() == 300);

  ProgramModel crowd;
  crowd.columns = {column(1, next), column(1001, next)};
  const ProgramLayout lc = layout_program(crowd, {});
  CHECK(lc.columns[1].summarised);
  CHECK(lc.columns[1].cards.empty());
  CHECK_FALSE(lc.columns[0].summarised);

  // Two columns of 900: together past the budget, the bigger is summarised.
  ProgramModel two;
  two.columns = {column(900, next), column(901, next)};
  const ProgramLayout lt = layout_program(two, {});
  CHECK_FALSE(lt.columns[0].summarised);
  CHECK(lt.columns[1].summarised);
  check_picture(two, lt, {0, 0, 1280, 720});
}

TEST_CASE("ProgramLayout: a queue shows its first blocked goroutines and counts the rest") {
  trace::GoroutineId next = 1;
  ProgramModel m;
  m.columns = {column(10, next), column(1, next)};
  ProgramChannel ch;
  ch.id = 1;
  ch.cap = 2;
  ch.gap = 1;
  for (trace::GoroutineId g = 1; g <= 10; ++g)
    ch.senders.push_back({g, static_cast<std::int64_t>(g)});
  m.channels.push_back(ch);
  const ProgramLayout l = layout_program(m, {});
  REQUIRE(l.channels.size() == 1);
  CHECK(l.channels[0].senders.size() == static_cast<std::size_t>(kMaxQueueShown));
  CHECK(l.channels[0].more_senders == 10 - kMaxQueueShown);
  CHECK(l.channels[0].body.slots.size() == 2);
  // Senders queue left of the frame, receivers right of it.
  CHECK(l.channels[0].sendq.right() <= l.channels[0].body.frame.x);
  CHECK(l.channels[0].recvq.x >= l.channels[0].body.frame.right());
}

TEST_CASE(
    "ProgramLayout: a worker pool reads left to right with jobs and results between the columns") {
  GoRun run(R"(package main

import "time"

func worker(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		time.Sleep(time.Second)
		results <- j
	}
}

func main() {
	jobs := make(chan int, 5)
	results := make(chan int, 5)
	for w := 0; w < 3; w++ {
		go worker(jobs, results)
	}
	for j := 0; j < 9; j++ {
		jobs <- j
	}
	close(jobs)
	for a := 0; a < 9; a++ {
		<-results
	}
}
)");
  const ProgramModel m = run.at(2.5);
  REQUIRE(m.shape.pool());
  for (float scale : {1.0f, 2.0f}) {
    const ProgramLayout l = layout_program(m, {1280, 720, scale});
    check_picture(m, l, {0, 0, 1280, 720});
    REQUIRE(l.columns.size() == 3);
    REQUIRE(l.channels.size() == 2);
    const auto jobs = m.channel(m.shape.jobs) - m.channels.data();
    const auto results = m.channel(m.shape.results) - m.channels.data();
    const Rect& j = l.channels[static_cast<std::size_t>(jobs)].cell;
    const Rect& r = l.channels[static_cast<std::size_t>(results)].cell;
    CHECK(l.columns[0].area.right() <= j.x);
    CHECK(j.right() <= l.columns[1].area.x);
    CHECK(l.columns[1].area.right() <= r.x);
    CHECK(r.right() <= l.columns[2].area.x);
    CHECK(l.columns[1].detailed);
  }
}

TEST_CASE("ProgramLayout: a deadlocked sender's arrow ends at its own place in the queue") {
  GoRun run(R"(package main

import "sync"

func main() {
	var wg sync.WaitGroup
	ch := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		ch <- 1
	}()
	wg.Wait()
	<-ch
}
)");
  const ProgramModel m = run.at_end();
  const ProgramLayout l = layout_program(m, {1280, 720, 1.0f});
  check_picture(m, l, {0, 0, 1280, 720});
  REQUIRE(l.arrows.size() == 2);
  CHECK(l.arrows_hidden == 0);
  for (const ArrowPath& p : l.arrows) {
    const ProgramArrow& a = m.arrows[p.arrow];
    const Rect* card = l.card(m, a.from);
    REQUIRE(card != nullptr);
    if (a.kind == WaitKind::ChanSend) {
      const Rect& entry = l.channels[0].senders.at(0);
      // On the entry's edge (shifted by the arrow's side offset, 3 px at scale 1).
      const Rect near{entry.x - 4, entry.y - 4, entry.w + 8, entry.h + 8};
      CHECK(near.contains({p.route.end.x, p.route.end.y, 0, 0}));
      const Rect around{card->x - 4, card->y - 4, card->w + 8, card->h + 8};
      CHECK(around.contains({p.route.start.x, p.route.start.y, 0, 0}));
    } else {
      CHECK(a.kind == WaitKind::WaitGroup);
      CHECK(l.syncs.at(0).frame.bottom() >= p.route.end.y);
    }
  }
}
