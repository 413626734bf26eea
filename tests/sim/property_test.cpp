// Properties over thousands of random small programs (see random_program.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/trace/sink.hpp"
#include "core/trace/snapshot.hpp"
#include "tests/sim/random_program.hpp"
#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

constexpr int kPrograms = 3000;

int sender_script(std::int64_t value) { return static_cast<int>(value / 1000); }

// Readable in doctest's failure output.
std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "; ";
  return out;
}

// Folds the run's events and reports each event that takes a value out of a channel
// other than the one Go's FIFO rules say comes next.
std::vector<std::string> fifo_violations(const std::vector<Event>& events) {
  std::vector<std::string> bad;
  trace::Snapshot s;
  for (const Event& e : events) {
    const auto fail = [&](const char* what) {
      bad.push_back("event " + std::to_string(e.seq) + ": " + what);
    };
    if (e.kind == EventKind::Recv) {
      const trace::ChannelView& c = s.channel(e.object);
      switch (static_cast<trace::RecvMode>(e.detail)) {
        case trace::RecvMode::Buffered:
        case trace::RecvMode::BufferedRefill:
          if (c.buffer.empty() || e.value != c.buffer.front()) fail("not the buffer's head");
          if (c.buffer.empty()) return bad;  // the fold could not go on
          break;
        case trace::RecvMode::FromSender:
          if (c.sendq.empty() || e.value != c.sendq.front().value) fail("not the first sender's");
          if (c.sendq.empty()) return bad;
          break;
        case trace::RecvMode::Closed:
          if (!c.closed || !c.buffer.empty() || e.value != 0) fail("closed receive too early");
          break;
      }
    }
    if (e.kind == EventKind::Send &&
        static_cast<trace::SendMode>(e.detail) == trace::SendMode::Handoff) {
      // A waiting receiver implies an empty buffer.
      if (!s.channel(e.object).buffer.empty()) fail("hand-off past buffered values");
      if (s.channel(e.object).recvq.empty()) return bad;
    }
    trace::fold(s, e);
  }
  return bad;
}

// A value leaving a channel: the events say when (goroutines may log it later, or
// never if the program ends before a woken receiver runs).
struct Taken {
  int ch;  // index into the program's channels (ChannelId - 1)
  std::int64_t value;
};

std::vector<Taken> taken_in_order(const std::vector<Event>& events) {
  std::vector<Taken> out;
  for (const Event& e : events) {
    const bool recv = e.kind == EventKind::Recv &&
                      static_cast<trace::RecvMode>(e.detail) != trace::RecvMode::Closed;
    const bool handoff = e.kind == EventKind::Send &&
                         static_cast<trace::SendMode>(e.detail) == trace::SendMode::Handoff;
    if (recv || handoff) out.push_back({static_cast<int>(e.object) - 1, e.value});
  }
  return out;
}

// Every value taken from a channel was sent and is taken once; per channel, the values
// of one sender leave in the order it sent them; the goroutines only ever received
// taken values; a completed send's value was taken or still sits in a buffer.
std::vector<std::string> value_violations(const Log& log, const std::vector<Taken>& taken,
                                          const trace::Snapshot& end) {
  std::vector<std::string> bad;
  const std::set<std::int64_t> attempted(log.attempted.begin(), log.attempted.end());
  std::set<std::int64_t> taken_set;
  std::map<std::pair<int, int>, std::int64_t> last_from;
  for (const Taken& t : taken) {
    const std::string v = std::to_string(t.value);
    if (attempted.count(t.value) == 0) bad.push_back(v + " was never sent");
    if (!taken_set.insert(t.value).second) bad.push_back(v + " received twice");
    const auto key = std::make_pair(t.ch, sender_script(t.value));
    if (const auto it = last_from.find(key); it != last_from.end() && it->second >= t.value) {
      bad.push_back(v + " overtook " + std::to_string(it->second));
    }
    last_from[key] = t.value;
  }
  for (const Received& r : log.received) {
    if (r.ok && taken_set.count(r.value) == 0)
      bad.push_back(std::to_string(r.value) + " came from nowhere");
    if (!r.ok && r.value != 0) bad.push_back("closed receive of " + std::to_string(r.value));
  }
  std::set<std::int64_t> buffered;
  for (const trace::ChannelView& c : end.channels)
    buffered.insert(c.buffer.begin(), c.buffer.end());
  for (const Sent& s : log.sent) {
    if (taken_set.count(s.value) + buffered.count(s.value) != 1) {
      bad.push_back(std::to_string(s.value) + " was lost");
    }
  }
  return bad;
}

TEST_CASE("Property: random programs deliver each sent value once, in FIFO order, and replay") {
  sim::Rng gen(20240501);
  std::array<int, 5> outcomes{};
  for (int n = 0; n < kPrograms; ++n) {
    const Program program = random_program(gen);
    const std::uint64_t seed = gen.next();
    CAPTURE(n);

    trace::HashSink hash;
    trace::VectorSink events;
    trace::FanoutSink both;
    both.add(hash);
    both.add(events);
    ProgramRun run(program, seed, &both);
    run.rt.run();
    REQUIRE(run.rt.finished());
    ++outcomes[static_cast<std::size_t>(run.rt.outcome())];

    CHECK(joined(value_violations(run.log, taken_in_order(events.events), run.rt.snapshot())) ==
          "");
    CHECK(joined(fifo_violations(events.events)) == "");

    // Same program, same seed: the same events, bit for bit...
    trace::HashSink again;
    ProgramRun replay(program, seed, &again);
    replay.rt.run();
    CHECK(again.hash() == hash.hash());
    CHECK(again.count() == hash.count());
    CHECK(replay.log.received == run.log.received);

    // ...however the clock is driven.
    trace::HashSink chunked;
    ProgramRun stepwise(program, seed, &chunked);
    for (int i = 0; i < 100000 && !stepwise.rt.finished(); ++i) {
      stepwise.rt.run_until(stepwise.rt.now() + 1);
    }
    CHECK(chunked.hash() == hash.hash());
  }
  // The generator reaches every ending but Hang (its scripts have no endless loops).
  MESSAGE("completed " << outcomes[1] << ", deadlock " << outcomes[2] << ", panic " << outcomes[3]);
  CHECK(outcomes[static_cast<int>(Outcome::Completed)] > kPrograms / 10);
  CHECK(outcomes[static_cast<int>(Outcome::Deadlock)] > kPrograms / 10);
  CHECK(outcomes[static_cast<int>(Outcome::Panic)] > kPrograms / 50);
  CHECK(outcomes[static_cast<int>(Outcome::Hang)] == 0);
}

TEST_CASE("Property: the checkers catch a duplicated, reordered, invented or lost value") {
  Log log;
  log.attempted = {1001, 1011};
  const trace::Snapshot empty;
  CHECK(joined(value_violations(log, {{0, 1001}, {0, 1001}}, empty)) ==
        "1001 received twice; 1001 overtook 1001; ");
  CHECK(joined(value_violations(log, {{0, 1011}, {0, 1001}}, empty)) == "1001 overtook 1011; ");
  CHECK(joined(value_violations(log, {{0, 2001}}, empty)) == "2001 was never sent; ");
  log.received = {{0, 1011, true}};
  CHECK(joined(value_violations(log, {{0, 1001}}, empty)) == "1011 came from nowhere; ");
  log.received.clear();
  log.sent = {{0, 1001}};
  CHECK(joined(value_violations(log, {}, empty)) == "1001 was lost; ");
  CHECK(joined(value_violations(log, {{0, 1001}}, empty)).empty());
}

TEST_CASE("Property: the FIFO checker catches a receive that takes the wrong value") {
  Sim s;
  const Chan c = s.rt.make_chan(2, "c");
  s.rt.spawn("pair", [](Runtime& rt, Chan ch) -> Go {
    co_await rt.send(ch, 1, 1);
    co_await rt.send(ch, 2, 2);
    (void)co_await rt.recv(ch, 3);
  }(s.rt, c));
  s.rt.run();
  CHECK(fifo_violations(s.events.events).empty());
  std::vector<Event> tampered = s.events.events;
  for (Event& e : tampered) {
    if (e.kind == EventKind::Recv) e.value = 2;  // as if the tail were taken first
  }
  CHECK(fifo_violations(tampered).size() == 1);
}

}  // namespace
}  // namespace poolscope::test
