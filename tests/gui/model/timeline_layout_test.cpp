#include <doctest/doctest.h>

#include <vector>

#include "app/gui/model/timeline_layout.hpp"

using namespace poolscope;
using namespace poolscope::gui;
using trace::GoState;
using trace::kMillisecond;
using trace::kSecond;

namespace {

Lane lane_of(std::vector<Lane::Span> spans, trace::Time exited = -1) {
  Lane lane;
  lane.goroutine = 2;
  lane.name = "worker 1";
  lane.spans.assign(spans.begin(), spans.end());
  lane.exited = exited;
  return lane;
}

// 1 ms per pixel, time 0 at x = 100.
const TimeMap kMap{0.0, 1e6, 100.0f};

}  // namespace

TEST_CASE("Timeline: time and x map both ways") {
  const TimeMap m = time_map(TimeWindow{2e9, 4e9}, 50.0f, 400.0f);
  CHECK(m.ns_per_px == doctest::Approx(1e7));
  CHECK(m.x_of(2e9) == doctest::Approx(50.0f));
  CHECK(m.x_of(6e9) == doctest::Approx(450.0f));
  CHECK(m.time_at(250.0f) == doctest::Approx(4e9));
  CHECK(m.time_at(m.x_of(3.3e9)) == doctest::Approx(3.3e9));
}

TEST_CASE("Timeline: zooming keeps the time under the mouse in place") {
  const TimeWindow w{1e9, 10e9};
  const TimeMap before = time_map(w, 0.0f, 1000.0f);
  const double anchor = before.time_at(300.0f);
  const TimeWindow in = zoom_around(w, anchor, 0.5);
  CHECK(in.span_ns == doctest::Approx(5e9));
  CHECK(time_map(in, 0.0f, 1000.0f).x_of(anchor) == doctest::Approx(300.0f));
  const TimeWindow out = zoom_around(in, anchor, 2.0);
  CHECK(out.start_ns == doctest::Approx(w.start_ns));
  CHECK(out.span_ns == doctest::Approx(w.span_ns));
}

TEST_CASE("Timeline: zoom stops at its limits") {
  CHECK(zoom_around(TimeWindow{0, kMinSpanNs}, 0, 0.1).span_ns == doctest::Approx(kMinSpanNs));
  CHECK(zoom_around(TimeWindow{0, kMaxSpanNs}, 0, 10).span_ns == doctest::Approx(kMaxSpanNs));
}

TEST_CASE("Timeline: follow puts the present at the right edge, or 0 at the left") {
  const TimeWindow w{123, 5e9};
  CHECK(follow_window(w, 8 * kSecond).start_ns == doctest::Approx(3e9));
  CHECK(follow_window(w, 8 * kSecond).span_ns == doctest::Approx(5e9));
  CHECK(follow_window(w, 2 * kSecond).start_ns == 0.0);
}

TEST_CASE("Timeline: the window stays in sight of the run, zoomed within its limits") {
  // Panned far into the future: back to the present at the left edge.
  CHECK(clamp_window(TimeWindow{50e9, 5e9}, 8 * kSecond).start_ns == doctest::Approx(8e9));
  // Panned before the start: a tenth of the span before 0 at most.
  CHECK(clamp_window(TimeWindow{-3e9, 5e9}, 8 * kSecond).start_ns == doctest::Approx(-0.5e9));
  // A window in range is left as it is.
  CHECK(clamp_window(TimeWindow{1e9, 5e9}, 8 * kSecond) == TimeWindow{1e9, 5e9});
  // Before anything ran, the start can only be at or a little before 0.
  CHECK(clamp_window(TimeWindow{2e9, 5e9}, 0).start_ns == 0.0);
  CHECK(clamp_window(TimeWindow{0, 1.0}, 0).span_ns == doctest::Approx(kMinSpanNs));
  CHECK(clamp_window(TimeWindow{0, 1e30}, 0).span_ns == doctest::Approx(kMaxSpanNs));
}

TEST_CASE("Timeline: tick steps are 1, 2 or 5 times a power of ten, at least min_px apart") {
  CHECK(nice_tick_step(1e6, 90) == doctest::Approx(1e8));   // 90 ms wanted -> 100 ms
  CHECK(nice_tick_step(1e6, 100) == doctest::Approx(1e8));  // exactly 100 ms
  CHECK(nice_tick_step(1e6, 101) == doctest::Approx(2e8));
  CHECK(nice_tick_step(1e7, 90) == doctest::Approx(1e9));   // 900 ms -> 1 s
  CHECK(nice_tick_step(3e7, 90) == doctest::Approx(5e9));   // 2.7 s -> 5 s
  CHECK(nice_tick_step(1e-3, 10) == doctest::Approx(1.0));  // never below 1 ns
  for (double ns_per_px : {1.0, 7.0, 333.0, 1.2e5, 4.4e8}) {
    const double step = nice_tick_step(ns_per_px, 80);
    CHECK(step / ns_per_px >= 80 - 1e-6);
    CHECK(step / ns_per_px < 80 * 2.5 + 1e-6);  // the next nice step down would be too close
  }
}

TEST_CASE("Timeline: tick labels use the step's unit and just the decimals it needs") {
  CHECK(format_tick(0, 1e9) == "0 s");
  CHECK(format_tick(3e9, 1e9) == "3 s");
  CHECK(format_tick(1.5e9, 5e8) == "1.5 s");
  CHECK(format_tick(1.2e9, 2e8) == "1.2 s");
  CHECK(format_tick(250e6, 50e6) == "250 ms");
  CHECK(format_tick(12.5e6, 5e5) == "12.5 ms");
  CHECK(format_tick(40e3, 1e4) == "40 us");
  CHECK(format_tick(1e9, 1e7) == "1,000 ms");  // issue 14: thousands grouped
  CHECK(format_tick(3600e9, 1e9) == "3,600 s");
}

TEST_CASE("Timeline: durations read with three significant digits") {
  CHECK(format_duration(1250 * kMillisecond) == "1.25 s");
  CHECK(format_duration(3600 * kSecond) == "3,600 s");
  CHECK(format_duration(35 * kMillisecond) == "35.0 ms");
  CHECK(format_duration(120'000) == "120 us");
  CHECK(format_duration(15) == "15 ns");
  CHECK(format_duration(0) == "0 ns");
}

TEST_CASE("Timeline: a wide span becomes one rectangle from its start to its end") {
  const Lane l =
      lane_of({{0, GoState::BlockedRecv, 10}, {50 * kMillisecond, GoState::Working, 12}});
  std::vector<PixelSpan> out;
  pixel_spans(l, 80 * kMillisecond, kMap, 100.0f, 1000.0f, 1.0f, out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].x0 == doctest::Approx(100.0f));
  CHECK(out[0].x1 == doctest::Approx(150.0f));
  CHECK(out[0].source == 0);
  CHECK(out[1].x0 == doctest::Approx(150.0f));
  CHECK(out[1].x1 == doctest::Approx(180.0f));  // the lane ends at `end`
  CHECK_FALSE(out[0].merged);
}

TEST_CASE("Timeline: spans narrower than a pixel merge into one block of the dominant state") {
  // 1 ms per pixel: 100 spans of 0.1 ms each, Working 0.07 ms then Runnable 0.03 ms.
  std::vector<Lane::Span> spans;
  for (int i = 0; i < 100; ++i) {
    const trace::Time t = i * 100'000;
    spans.push_back({t, GoState::Working, 20});
    spans.push_back({t + 70'000, GoState::Runnable, 21});
  }
  spans.push_back({10 * kMillisecond, GoState::BlockedRecv, 10});
  const Lane l = lane_of(spans);
  std::vector<PixelSpan> out;
  pixel_spans(l, 30 * kMillisecond, kMap, 100.0f, 1000.0f, 1.0f, out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].merged);
  CHECK(l.spans[out[0].source].state == GoState::Working);
  CHECK(out[0].x0 == doctest::Approx(100.0f));
  CHECK(out[0].x1 == doctest::Approx(110.0f));
  CHECK_FALSE(out[1].merged);
  CHECK(l.spans[out[1].source].state == GoState::BlockedRecv);
}

TEST_CASE("Timeline: a lone short span stays visible at the minimum width") {
  const Lane l = lane_of({{0, GoState::BlockedRecv, 10},
                          {10 * kMillisecond, GoState::Working, 12},
                          {10 * kMillisecond + 1000, GoState::BlockedRecv, 10}});
  std::vector<PixelSpan> out;
  pixel_spans(l, 20 * kMillisecond, kMap, 100.0f, 1000.0f, 2.0f, out);
  REQUIRE(out.size() == 3);
  CHECK(l.spans[out[1].source].state == GoState::Working);
  CHECK(out[1].x1 - out[1].x0 == doctest::Approx(2.0f));
  CHECK_FALSE(out[1].merged);                      // one span: not a merge, just widened
  CHECK(out[2].x0 == doctest::Approx(out[1].x1));  // not drawn over it
}

TEST_CASE("Timeline: rectangles never overlap and stay bounded by the width") {
  for (const trace::Time width : {trace::Time{10'000}, trace::Time{500'000}, trace::Time{1'500'000},
                                  trace::Time{3'000'000}}) {
    for (const float min_px : {1.0f, 2.0f}) {
      INFO("spans of " << width << " ns, min_px " << min_px);
      std::vector<Lane::Span> spans;
      for (int i = 0; i < 4000; ++i) {
        spans.push_back({i * width, i % 2 == 0 ? GoState::Working : GoState::BlockedSend, 20});
      }
      const Lane l = lane_of(spans);
      std::vector<PixelSpan> out;
      pixel_spans(l, 4000 * width, kMap, 100.0f, 1000.0f, min_px, out);
      CHECK_FALSE(out.empty());
      CHECK(static_cast<float>(out.size()) <= 900.0f / min_px + 1.0f);
      for (std::size_t i = 0; i < out.size(); ++i) {
        CHECK(out[i].x1 > out[i].x0);
        CHECK(out[i].x0 >= 100.0f);
        CHECK(out[i].x1 <= 1000.0f);
        if (i > 0) CHECK(out[i].x0 >= out[i - 1].x1 - 1e-3f);
      }
    }
  }
}

TEST_CASE("Timeline: only the visible part is produced, clipped to the edges") {
  const Lane l = lane_of({{0, GoState::Sleeping, 5},
                          {500 * kMillisecond, GoState::Working, 12},
                          {2 * kSecond, GoState::BlockedSend, 14}});
  std::vector<PixelSpan> out;
  // x from 100 to 400 shows 0..300 ms: only the first span.
  pixel_spans(l, 3 * kSecond, kMap, 100.0f, 400.0f, 1.0f, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].x1 == doctest::Approx(400.0f));
  // Scrolled to 1.9 s .. 2.2 s: the end of Working and the start of BlockedSend.
  const TimeMap later{1.9e9, 1e6, 100.0f};
  pixel_spans(l, 3 * kSecond, later, 100.0f, 400.0f, 1.0f, out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].source == 1);
  CHECK(out[0].x0 == doctest::Approx(100.0f));
  CHECK(out[0].x1 == doctest::Approx(200.0f));
  CHECK(out[1].source == 2);
}

TEST_CASE("Timeline: an exited lane ends at its exit and draws nothing after") {
  const Lane l = lane_of({{0, GoState::Working, 12}, {20 * kMillisecond, GoState::Exited, 15}},
                         20 * kMillisecond);
  std::vector<PixelSpan> out;
  pixel_spans(l, l.exited, kMap, 100.0f, 1000.0f, 1.0f, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].x1 == doctest::Approx(120.0f));
  // A window that starts after the exit shows nothing.
  const TimeMap later{1e9, 1e6, 100.0f};
  pixel_spans(l, l.exited, later, 100.0f, 1000.0f, 1.0f, out);
  CHECK(out.empty());
}

TEST_CASE("Timeline: back-to-back spans of one state stay separate, one job after another") {
  const Lane l = lane_of({{0, GoState::Working, 12},
                          {10 * kMillisecond, GoState::Working, 12},
                          {20 * kMillisecond, GoState::Working, 13}});
  std::vector<PixelSpan> out;
  pixel_spans(l, 30 * kMillisecond, kMap, 100.0f, 1000.0f, 1.0f, out);
  REQUIRE(out.size() == 3);
  CHECK(out[0].x1 == doctest::Approx(110.0f));
  CHECK(out[1].x0 == doctest::Approx(110.0f));
  CHECK(out[2].source == 2);
}

TEST_CASE("Timeline: span_at finds the span holding a moment, or none") {
  const Lane l = lane_of(
      {{10, GoState::Runnable, 3}, {20, GoState::Working, 4}, {40, GoState::Exited, 5}}, 40);
  CHECK(span_at(l, 5, 40) == l.spans.size());  // before the first kept span
  CHECK(span_at(l, 10, 40) == 0);
  CHECK(span_at(l, 19.9, 40) == 0);
  CHECK(span_at(l, 20, 40) == 1);
  CHECK(span_at(l, 39, 40) == 1);
  CHECK(span_at(l, 40, 40) == l.spans.size());  // exited
  const Lane live = lane_of({{10, GoState::Working, 4}});
  CHECK(span_at(live, 15, 30) == 0);
  CHECK(span_at(live, 30, 30) == live.spans.size());  // the present is the end
  CHECK(span_end(live, 0, 30) == 30);
  CHECK(span_end(l, 0, 40) == 20);
}

TEST_CASE("Timeline: counting the state changes inside a pixel") {
  const Lane l = lane_of({{0, GoState::Runnable, 3},
                          {5, GoState::Working, 4},
                          {7, GoState::Runnable, 3},
                          {30, GoState::Working, 4}});
  CHECK(spans_starting_in(l, 0, 10) == 3);
  CHECK(spans_starting_in(l, 6, 31) == 2);
  CHECK(spans_starting_in(l, 31, 100) == 0);
}
