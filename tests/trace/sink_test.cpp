// Sinks: how consumers see events.
#include <doctest/doctest.h>

#include <cstring>
#include <vector>

#include "core/trace/sink.hpp"

namespace poolscope::trace {
namespace {

Event numbered(std::uint64_t seq) {
  Event e;
  e.seq = seq;
  e.time = static_cast<Time>(seq) * 10;
  return e;
}

TEST_CASE("Sink: a fan-out hands every event to each sink, in the order they were added") {
  struct Recorder final : EventSink {
    std::vector<int>* order;
    int id;
    Recorder(std::vector<int>* o, int i) : order(o), id(i) {}
    void on_event(const Event&) override { order->push_back(id); }
  };
  std::vector<int> order;
  Recorder a(&order, 1), b(&order, 2);
  FanoutSink fan;
  fan.add(a);
  fan.add(b);
  fan.on_event(numbered(1));
  fan.on_event(numbered(2));
  CHECK(order == std::vector<int>{1, 2, 1, 2});
}

TEST_CASE("Sink: the hash depends on the order of events") {
  HashSink ab, ba;
  ab.on_event(numbered(1));
  ab.on_event(numbered(2));
  ba.on_event(numbered(2));
  ba.on_event(numbered(1));
  CHECK(ab.hash() != ba.hash());
  CHECK(ab.count() == 2);
}

TEST_CASE("Sink: the hash ignores padding, so equal fields hash equal") {
  Event a = numbered(5);
  Event b;
  std::memset(static_cast<void*>(&b), 0xab, sizeof b);  // garbage in the padding bytes
  b.seq = a.seq;
  b.time = a.time;
  b.value = a.value;
  b.goroutine = a.goroutine;
  b.object = a.object;
  b.aux = a.aux;
  b.line = a.line;
  b.kind = a.kind;
  b.detail = a.detail;
  HashSink ha, hb;
  ha.on_event(a);
  hb.on_event(b);
  CHECK(ha.hash() == hb.hash());
}

}  // namespace
}  // namespace poolscope::trace
