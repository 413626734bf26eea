// Channels as in Go's runtime/chan.go: rendezvous, ring buffer, FIFO queues, hand-off.
#include <doctest/doctest.h>

#include <vector>

#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

using Values = std::vector<std::int64_t>;

Go send_one(Runtime& rt, Chan c, std::int64_t v) { co_await rt.send(c, v, 10); }

Go send_all(Runtime& rt, Chan c, Values vs) {
  for (std::int64_t v : vs) co_await rt.send(c, v, 14);
}

Go recv_n(Runtime& rt, Chan c, int n, Values* got) {
  for (int i = 0; i < n; ++i) got->push_back((co_await rt.recv(c, 18)).value);
}

Go recv_n_after(Runtime& rt, Chan c, int n, Time delay, Values* got) {
  co_await rt.sleep(delay, 22);
  for (int i = 0; i < n; ++i) got->push_back((co_await rt.recv(c, 23)).value);
}

TEST_CASE("Channel: a buffered channel delivers values in FIFO order and reports len and cap") {
  Sim s;
  const Chan c = s.rt.make_chan(3, "c");
  CHECK(c.cap() == 3);
  CHECK(c.len() == 0);
  s.rt.spawn("sender", send_all(s.rt, c, {7, 8, 9}));
  s.rt.run_until(0);
  CHECK(c.len() == 3);
  CHECK(s.rt.state_of(1) == GoState::Exited);  // never blocked: the buffer had room
  Values got;
  s.rt.spawn("receiver", recv_n(s.rt, c, 3, &got));
  s.rt.run();
  CHECK(got == Values{7, 8, 9});
  CHECK(c.len() == 0);
}

TEST_CASE("Channel: an unbuffered send completes only when a receiver takes the value") {
  Sim s;
  const Chan c = s.rt.make_chan(0, "c");
  Values got;
  const GoroutineId sender = s.rt.spawn("sender", send_one(s.rt, c, 5));
  s.rt.spawn("receiver", recv_n_after(s.rt, c, 1, 3 * kMillisecond, &got));
  s.rt.run_until(2 * kMillisecond);
  CHECK(s.rt.state_of(sender) == GoState::BlockedSend);
  CHECK(s.rt.line_of(sender) == 10);
  CHECK(c.len() == 0);
  s.rt.run();
  CHECK(got == Values{5});
  const auto recvs = s.of_kind(EventKind::Recv);
  REQUIRE(recvs.size() == 1);
  CHECK(recvs[0].time == 3 * kMillisecond);
  CHECK(recvs[0].detail == static_cast<std::uint8_t>(trace::RecvMode::FromSender));
}

TEST_CASE("Channel: a send to a waiting receiver hands the value over, bypassing the buffer") {
  Sim s;
  const Chan c = s.rt.make_chan(2, "c");
  Values got;
  s.rt.spawn("receiver", recv_n(s.rt, c, 1, &got));
  s.rt.spawn("sender", send_one(s.rt, c, 4));
  s.rt.run();
  CHECK(got == Values{4});
  const auto sends = s.of_kind(EventKind::Send);
  REQUIRE(sends.size() == 1);
  CHECK(sends[0].detail == static_cast<std::uint8_t>(trace::SendMode::Handoff));
  CHECK(sends[0].aux == 0);  // buffer length after: the value never entered it
}

// Five senders block one after another (each spawned 1 ms after the previous), then a
// receiver takes everything. Go's sendq is FIFO: checked against go1.19.
Values fifo_of_five_senders(std::int64_t cap) {
  Sim s;
  const Chan c = s.rt.make_chan(cap, "c");
  const int senders = 5 + static_cast<int>(cap);
  for (int i = 1; i <= senders; ++i) {
    s.rt.run_until(i * kMillisecond);
    s.rt.spawn("sender", i, send_one(s.rt, c, i));
  }
  s.rt.run_until(senders * kMillisecond + 1);
  for (GoroutineId g = 1 + static_cast<GoroutineId>(cap); g <= static_cast<GoroutineId>(senders);
       ++g) {
    CHECK(s.rt.state_of(g) == GoState::BlockedSend);
  }
  Values got;
  s.rt.spawn("receiver", recv_n(s.rt, c, senders, &got));
  s.rt.run();
  CHECK(s.rt.live_goroutines() == 0);
  return got;
}

TEST_CASE("Channel: five senders blocked on an unbuffered channel are served in FIFO order") {
  CHECK(fifo_of_five_senders(0) == Values{1, 2, 3, 4, 5});
}

TEST_CASE("Channel: five senders blocked on a one-slot channel are served in FIFO order") {
  CHECK(fifo_of_five_senders(1) == Values{1, 2, 3, 4, 5, 6});
}

TEST_CASE("Channel: a receive from a full buffer moves the first blocked sender's value in") {
  Sim s;
  const Chan c = s.rt.make_chan(2, "c");
  s.rt.spawn("fill", send_all(s.rt, c, {1, 2}));
  const GoroutineId a = s.rt.spawn("a", send_one(s.rt, c, 3));
  const GoroutineId b = s.rt.spawn("b", send_one(s.rt, c, 4));
  s.rt.run_until(0);
  CHECK(s.rt.state_of(a) == GoState::BlockedSend);
  CHECK(s.rt.state_of(b) == GoState::BlockedSend);
  Values got;
  s.rt.spawn("receiver", recv_n(s.rt, c, 1, &got));
  s.rt.run_until(0);
  CHECK(got == Values{1});
  // The head left, a's 3 moved to the tail; b still waits: no barging.
  const trace::Snapshot snap = s.rt.snapshot();
  CHECK(snap.channel(c.id()).buffer == Values{2, 3});
  REQUIRE(snap.channel(c.id()).sendq.size() == 1);
  CHECK(snap.channel(c.id()).sendq[0].goroutine == b);
  CHECK(snap.channel(c.id()).sendq[0].value == 4);
  const auto recvs = s.of_kind(EventKind::Recv);
  REQUIRE(recvs.size() == 1);
  CHECK(recvs[0].detail == static_cast<std::uint8_t>(trace::RecvMode::BufferedRefill));
  CHECK(recvs[0].aux == 2);
  CHECK(s.rt.state_of(a) == GoState::Exited);
}

TEST_CASE("Channel: blocked receivers are served in FIFO order") {
  Sim s;
  const Chan c = s.rt.make_chan(0, "c");
  std::vector<Values> got(4);
  for (int i = 0; i < 4; ++i) s.rt.spawn("receiver", i, recv_n(s.rt, c, 1, &got[i]));
  s.rt.spawn("sender", send_all(s.rt, c, {10, 20, 30, 40}));
  s.rt.run();
  CHECK(got == std::vector<Values>{{10}, {20}, {30}, {40}});
}

TEST_CASE("Channel: a blocked operation's waiter shows in the channel's queue with its value") {
  Sim s;
  const Chan c = s.rt.make_chan(0, "jobs");
  const GoroutineId g = s.rt.spawn("sender", send_one(s.rt, c, 99));
  s.rt.run_until(0);
  const trace::Snapshot snap = s.rt.snapshot();
  REQUIRE(snap.channel(c.id()).sendq.size() == 1);
  CHECK(snap.channel(c.id()).sendq[0] == trace::Waiting{g, 99});
  CHECK(snap.goroutine(g).wait_object == c.id());
  CHECK(snap.goroutine(g).wait_value == 99);
  CHECK(s.rt.strings().str(snap.channel(c.id()).name) == "jobs");
}

}  // namespace
}  // namespace poolscope::test
