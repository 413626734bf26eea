// EventLog: a bounded ring of the newest events.
#include <doctest/doctest.h>

#include <vector>

#include "core/trace/event_log.hpp"

namespace poolscope::trace {
namespace {

Event numbered(std::uint64_t seq) {
  Event e;
  e.seq = seq;
  e.time = static_cast<Time>(seq);
  e.kind = EventKind::Line;
  return e;
}

TEST_CASE("EventLog: keeps only the newest events, whatever the run's length") {
  EventLog log({.capacity = 1000});
  CHECK(log.capacity() == 1024);  // rounded up to a power of two
  CHECK(log.empty());
  CHECK(log.first_seq() == 0);
  for (std::uint64_t s = 1; s <= 100000; ++s) log.on_event(numbered(s));
  CHECK(log.size() == 1024);
  CHECK(log.last_seq() == 100000);
  CHECK(log.first_seq() == 100000 - 1023);
  CHECK(log.at(log.first_seq()).seq == log.first_seq());
  CHECK(log.back().seq == 100000);
}

TEST_CASE("EventLog: copy_since hands a view the events it has not seen, still held") {
  EventLog log({.capacity = 8});
  for (std::uint64_t s = 1; s <= 5; ++s) log.on_event(numbered(s));
  std::vector<Event> out;
  log.copy_since(3, out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].seq == 4);
  CHECK(out[1].seq == 5);
  for (std::uint64_t s = 6; s <= 20; ++s) log.on_event(numbered(s));
  out.clear();
  log.copy_since(3, out);  // 4..12 are gone: only what is held
  REQUIRE(out.size() == 8);
  CHECK(out.front().seq == 13);
  out.clear();
  log.copy_since(20, out);
  CHECK(out.empty());
}

TEST_CASE("EventLog: without snapshots it rebuilds nothing") {
  EventLog log;
  CHECK_FALSE(log.snapshots_enabled());
  log.on_event(numbered(1));
  CHECK_FALSE(log.snapshot_at(1).has_value());
}

TEST_CASE("EventLog: reset forgets everything and can start from a base state") {
  EventLog log({.capacity = 16, .snapshot_every = 4});
  for (std::uint64_t s = 1; s <= 10; ++s) log.on_event(numbered(s));
  Snapshot base;
  base.seq = 500;
  base.procs = 3;
  log.reset(base);
  CHECK(log.empty());
  CHECK(log.last_seq() == 500);
  CHECK(log.latest().procs == 3);
  log.on_event(numbered(501));
  CHECK(log.size() == 1);
  CHECK(log.snapshot_at(500).has_value());
  CHECK(log.snapshot_at(501)->seq == 501);
}

}  // namespace
}  // namespace poolscope::trace
