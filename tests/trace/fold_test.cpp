// fold: hand-written event sequences and the state they describe.
#include <doctest/doctest.h>

#include <vector>

#include "core/trace/snapshot.hpp"

namespace poolscope::trace {
namespace {

// Builds consecutive events for a test, one call per event.
struct Script {
  Snapshot s;
  std::uint64_t seq = 0;
  void add(EventKind kind, GoroutineId g, std::uint32_t object = 0, std::int64_t value = 0,
           std::uint32_t aux = 0, std::uint8_t detail = 0, std::uint16_t line = 0) {
    Event e;
    e.seq = ++seq;
    e.time = static_cast<Time>(seq);
    e.kind = kind;
    e.goroutine = g;
    e.object = object;
    e.value = value;
    e.aux = aux;
    e.detail = detail;
    e.line = line;
    fold(s, e);
  }
  void spawn(GoroutineId g) { add(EventKind::Spawn, g, 0, -1, 0); }
  void state(GoroutineId g, GoState st, std::uint32_t object = 0, std::int64_t value = 0,
             std::uint16_t line = 0) {
    add(EventKind::State, g, object, value, 0, static_cast<std::uint8_t>(st), line);
  }
  void make_chan(ChannelId c, std::int64_t cap) { add(EventKind::MakeChan, 1, c, cap); }
};

std::uint8_t u8(auto e) { return static_cast<std::uint8_t>(e); }

TEST_CASE("Fold: spawns, states, lines and jobs land on the goroutine") {
  Script t;
  t.spawn(1);
  t.add(EventKind::Spawn, 2, 1, 3, 7, 0, 12);  // main spawns "worker 3" at line 12
  CHECK(t.s.goroutines.size() == 2);
  CHECK(t.s.goroutine(1).line == 12);
  CHECK(t.s.goroutine(2).index == 3);
  CHECK(t.s.goroutine(2).parent == 1);
  CHECK(t.s.goroutine(2).state == GoState::Runnable);
  t.add(EventKind::Job, 2, 0, 41, 0, u8(JobPhase::Started), 20);
  CHECK(t.s.goroutine(2).job == 41);
  CHECK(t.s.goroutine(2).line == 20);
  t.state(2, GoState::Sleeping, 0, 900, 21);
  CHECK(t.s.goroutine(2).state == GoState::Sleeping);
  CHECK(t.s.goroutine(2).wait_value == 900);
  CHECK(t.s.goroutine(2).since == static_cast<Time>(t.seq));
  t.add(EventKind::Job, 2, 0, 41, 0, u8(JobPhase::Done), 22);
  CHECK(t.s.goroutine(2).job == kNoJob);
}

TEST_CASE("Fold: buffered sends and receives keep the buffer in order") {
  Script t;
  t.spawn(1);
  t.make_chan(1, 2);
  t.add(EventKind::Send, 1, 1, 10, 1, u8(SendMode::Buffered));
  t.add(EventKind::Send, 1, 1, 11, 2, u8(SendMode::Buffered));
  CHECK(t.s.channel(1).buffer == std::vector<std::int64_t>{10, 11});
  t.add(EventKind::Recv, 1, 1, 10, 1, u8(RecvMode::Buffered));
  CHECK(t.s.channel(1).buffer == std::vector<std::int64_t>{11});
  CHECK(t.s.channel(1).sent == 2);
  CHECK(t.s.channel(1).received == 1);
}

TEST_CASE("Fold: a refill receive moves the first blocked sender's value to the tail") {
  Script t;
  t.spawn(1);
  t.spawn(2);
  t.spawn(3);
  t.make_chan(1, 1);
  t.add(EventKind::Send, 1, 1, 5, 1, u8(SendMode::Buffered));
  t.state(2, GoState::BlockedSend, 1, 6);
  t.state(3, GoState::BlockedSend, 1, 7);
  CHECK(t.s.channel(1).sendq == std::vector<Waiting>{{2, 6}, {3, 7}});
  t.add(EventKind::Recv, 1, 1, 5, 1, u8(RecvMode::BufferedRefill));
  CHECK(t.s.channel(1).buffer == std::vector<std::int64_t>{6});
  CHECK(t.s.channel(1).sendq == std::vector<Waiting>{{3, 7}});
}

TEST_CASE("Fold: a select waiter leaves its other queues when one case fires") {
  Script t;
  t.spawn(1);
  t.spawn(2);
  t.make_chan(1, 0);
  t.make_chan(2, 0);
  t.state(1, GoState::BlockedSelect, 2);
  t.add(EventKind::SelectWait, 1, 1, 0, 0, u8(Dir::Recv));
  t.add(EventKind::SelectWait, 1, 2, 8, 1, u8(Dir::Send));
  CHECK(t.s.channel(1).recvq == std::vector<Waiting>{{1, 0}});
  CHECK(t.s.channel(2).sendq == std::vector<Waiting>{{1, 8}});
  t.add(EventKind::Send, 2, 1, 4, 0, u8(SendMode::Handoff));  // goroutine 2 sends on 1
  CHECK(t.s.channel(1).recvq.empty());
  CHECK(t.s.channel(2).sendq.empty());
}

TEST_CASE("Fold: close empties both queues and marks the channel") {
  Script t;
  for (GoroutineId g = 1; g <= 3; ++g) t.spawn(g);
  t.make_chan(1, 0);
  t.state(2, GoState::BlockedRecv, 1);
  t.state(3, GoState::BlockedRecv, 1);
  t.add(EventKind::Close, 1, 1);
  CHECK(t.s.channel(1).closed);
  CHECK(t.s.channel(1).recvq.empty());
}

TEST_CASE("Fold: CPU processors and the CPU queue follow Working and WaitingCpu") {
  Script t;
  t.add(EventKind::Config, 0, 0, 1, 0, u8(ConfigKey::Procs));
  t.spawn(1);
  t.spawn(2);
  t.state(1, GoState::Working, 0, 50);
  t.state(2, GoState::WaitingCpu);
  CHECK(t.s.procs == 1);
  CHECK(t.s.busy == 1);
  CHECK(t.s.cpu_queue == std::vector<GoroutineId>{2});
  t.state(1, GoState::Runnable);
  t.state(2, GoState::Working, 0, 90);
  CHECK(t.s.busy == 1);
  CHECK(t.s.cpu_queue.empty());
}

TEST_CASE("Fold: WaitGroup waiters are released when the counter reaches zero") {
  Script t;
  t.spawn(1);
  t.add(EventKind::MakeWaitGroup, 1, 1);
  t.add(EventKind::WaitGroupAdd, 1, 1, 2, 2);
  t.state(1, GoState::BlockedWaitGroup, 1);
  CHECK(t.s.waitgroup(1).waiters == std::vector<GoroutineId>{1});
  t.add(EventKind::WaitGroupAdd, 0, 1, -2, 0);
  CHECK(t.s.waitgroup(1).counter == 0);
  CHECK(t.s.waitgroup(1).waiters.empty());
}

TEST_CASE("Fold: endings set the outcome") {
  Script t;
  t.spawn(1);
  t.add(EventKind::MainExit, 1);
  CHECK(t.s.main_exited);
  t.add(EventKind::End, 0, 0, 0, 0, u8(Outcome::Completed));
  CHECK(t.s.outcome == Outcome::Completed);
}

}  // namespace
}  // namespace poolscope::trace
