#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "app/gui/model/code_markers.hpp"

using namespace poolscope;
using namespace poolscope::gui;

namespace {

Actor actor(trace::GoroutineId id, std::uint16_t line, Look look) {
  Actor a;
  a.id = id;
  a.line = line;
  a.look = look;
  return a;
}

// A listing of 40 lines: main sending on line 12, three workers on line 30.
PoolModel sample_model() {
  PoolModel m;
  m.producers = {actor(1, 12, Look::BlockedSend)};
  m.workers = {actor(7, 30, Look::Working), actor(3, 30, Look::Idle), actor(5, 30, Look::Idle)};
  return m;
}

}  // namespace

TEST_CASE("Code markers: goroutines on one line share a marker in the look most of them have") {
  const PoolModel m = sample_model();
  const std::vector<LineMarker> markers = line_markers(m, 40);
  REQUIRE(markers.size() == 41);
  CHECK(markers[0].count == 0);
  CHECK(markers[12].count == 1);
  CHECK(markers[12].look() == Look::BlockedSend);
  CHECK(markers[30].count == 3);
  CHECK(markers[30].by_look[static_cast<std::size_t>(Look::Idle)] == 2);
  CHECK(markers[30].look() == Look::Idle);
  REQUIRE(markers[30].actors.size() == 3);
  CHECK(markers[30].actors[0]->id == 3);  // in goroutine order
  CHECK(markers[30].actors[1]->id == 5);
  CHECK(markers[30].actors[2]->id == 7);
  const std::vector<int> counts = goroutines_per_line(markers);
  CHECK(counts.size() == 41);
  CHECK(counts[12] == 1);
  CHECK(counts[30] == 3);
  CHECK(counts[31] == 0);
}

TEST_CASE("Code markers: exited goroutines and those on no line of the listing have none") {
  PoolModel m;
  m.workers = {actor(2, 30, Look::Exited), actor(3, 0, Look::Runnable),
               actor(4, 41, Look::Working)};
  m.others = {actor(9, 40, Look::Sleeping)};
  const std::vector<LineMarker> markers = line_markers(m, 40);
  int total = 0;
  for (const LineMarker& mk : markers) total += mk.count;
  CHECK(total == 1);
  CHECK(markers[40].look() == Look::Sleeping);
}

TEST_CASE("Code markers: a marker counts every goroutine but remembers the first 64") {
  PoolModel m;
  for (trace::GoroutineId id = 100; id > 0; --id) m.workers.push_back(actor(id, 3, Look::Working));
  const std::vector<LineMarker> markers = line_markers(m, 10);
  CHECK(markers[3].count == 100);
  CHECK(markers[3].actors.size() == kMarkerListed);
}

TEST_CASE("Code markers: clicking a marker again selects the next goroutine on its line") {
  const PoolModel m = sample_model();
  const std::vector<LineMarker> markers = line_markers(m, 40);
  CHECK(next_on_line(markers[30], 0) == 3);  // none selected: the first
  CHECK(next_on_line(markers[30], 3) == 5);
  CHECK(next_on_line(markers[30], 7) == 3);  // from the last back to the first
  CHECK(next_on_line(markers[30], 1) == 3);  // selected elsewhere: the first
  CHECK(next_on_line(markers[12], 1) == 1);  // alone on its line
  CHECK(next_on_line(markers[20], 1) == 0);  // nobody there
}

TEST_CASE("Code markers: the selected goroutine's line and look") {
  PoolModel m = sample_model();
  m.workers.push_back(actor(8, 45, Look::Working));  // past the end of the listing
  m.workers.push_back(actor(9, 12, Look::Exited));
  const SelectedPlace five = selected_place(m, 5, 40);
  CHECK(five.line == 30);
  CHECK(five.look == Look::Idle);
  const SelectedPlace past = selected_place(m, 8, 40);
  CHECK(past.line == 0);
  CHECK(past.look == Look::Working);
  CHECK(selected_place(m, 9, 40).line == 0);  // exited: nowhere to show
  CHECK(selected_place(m, 9, 40).look == Look::Runnable);
  CHECK(selected_place(m, 0, 40).line == 0);
}
