// The nil channel: every operation on it blocks forever; close panics (see close_test).
#include <doctest/doctest.h>

#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

Go send_nil(Runtime& rt) { co_await rt.send(Chan{}, 1, 5); }
Go recv_nil(Runtime& rt) { (void)co_await rt.recv(Chan{}, 6); }

TEST_CASE("Nil channel: a send blocks forever (Go: chan send (nil chan))") {
  Sim s;
  s.rt.spawn_main(send_nil(s.rt));
  CHECK(s.rt.run() == Outcome::Deadlock);
  REQUIRE(s.rt.report().blocked.size() == 1);
  CHECK(s.rt.report().blocked[0].wait_reason == "chan send (nil chan)");
  CHECK(s.rt.report().blocked[0].waits_on == "send on nil channel");
  CHECK(s.rt.report().blocked[0].line == 5);
}

TEST_CASE("Nil channel: a receive blocks forever (Go: chan receive (nil chan))") {
  Sim s;
  s.rt.spawn_main(recv_nil(s.rt));
  CHECK(s.rt.run() == Outcome::Deadlock);
  REQUIRE(s.rt.report().blocked.size() == 1);
  CHECK(s.rt.report().blocked[0].wait_reason == "chan receive (nil chan)");
}

TEST_CASE("Nil channel: it blocks even while time passes") {
  Sim s;
  const GoroutineId g = s.rt.spawn("g", recv_nil(s.rt));
  s.rt.run_until(1 * kSecond);
  CHECK(s.rt.state_of(g) == GoState::BlockedRecv);
  CHECK(s.rt.snapshot().goroutine(g).wait_object == 0);
}

Go select_with_nil(Runtime& rt, Chan real, SelectResult* out) {
  *out = co_await rt.select(20, recv_case(Chan{}), send_case(Chan{}, 1), recv_case(real));
}

TEST_CASE("Nil channel: its select cases are never chosen") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    Config config;
    config.seed = seed;
    Sim s(config);
    const Chan real = s.rt.make_chan(1, "real");
    SelectResult r;
    s.rt.spawn("sender", [](Runtime& rt, Chan c) -> Go { co_await rt.send(c, 4, 25); }(s.rt, real));
    s.rt.spawn("selector", select_with_nil(s.rt, real, &r));
    s.rt.run();
    CHECK(r.index == 2);
    CHECK(r.value == 4);
  }
}

TEST_CASE("Nil channel: context.Background's Done is nil") {
  Runtime rt;
  const Context bg;
  CHECK(bg.done.is_nil());
  CHECK(bg.done.id() == 0);
  CHECK(bg.done.len() == 0);
  CHECK(bg.done.cap() == 0);
  CHECK(rt.err(bg).empty());
}

}  // namespace
}  // namespace poolscope::test
