// select as in Go's runtime/select.go: random poll order, default, waiting on all cases.
#include <doctest/doctest.h>

#include <array>
#include <vector>

#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

// Three channels each holding plenty of values: every case is ready at every select.
Go pick_many(Runtime& rt, Chan a, Chan b, Chan c, int n, std::vector<int>* picks) {
  for (int i = 0; i < n; ++i) {
    const SelectResult r = co_await rt.select(10, recv_case(a), recv_case(b), recv_case(c));
    picks->push_back(r.index);
  }
}

std::vector<int> picks_with_seed(std::uint64_t seed, int n) {
  Config config;
  config.seed = seed;
  config.spin_ops = 1U << 30;
  Runtime rt(config);
  std::array<Chan, 3> chans;
  for (Chan& c : chans) c = rt.make_chan(n, "c");
  std::vector<int> picks;
  rt.spawn("filler", [](Runtime& r, std::array<Chan, 3> cs, int count) -> Go {
    for (int i = 0; i < count; ++i) {
      for (Chan c : cs) co_await r.send(c, i, 20);
    }
  }(rt, chans, n));
  rt.spawn("picker", pick_many(rt, chans[0], chans[1], chans[2], n, &picks));
  rt.run();
  return picks;
}

TEST_CASE("Select: among ready cases each is chosen uniformly at random") {
  const int n = 30000;
  const auto picks = picks_with_seed(7, n);
  REQUIRE(picks.size() == static_cast<std::size_t>(n));
  std::array<int, 3> counts{};
  for (int p : picks) {
    REQUIRE(p >= 0);
    REQUIRE(p < 3);
    ++counts[static_cast<std::size_t>(p)];
  }
  // Expected 10000 each; a chi-square with 2 degrees of freedom stays under 13.8 with
  // probability 99.9 %.
  double chi2 = 0;
  for (int c : counts) chi2 += (c - 10000.0) * (c - 10000.0) / 10000.0;
  CHECK(chi2 < 13.8);
  // Consecutive choices are not correlated: the same case twice in a row a third of
  // the time.
  int repeats = 0;
  for (std::size_t i = 1; i < picks.size(); ++i) repeats += picks[i] == picks[i - 1] ? 1 : 0;
  CHECK(repeats == doctest::Approx(n / 3.0).epsilon(0.05));
}

TEST_CASE("Select: the choices are fixed by the seed") {
  CHECK(picks_with_seed(3, 200) == picks_with_seed(3, 200));
  CHECK(picks_with_seed(3, 200) != picks_with_seed(4, 200));
}

Go try_recv(Runtime& rt, Chan c, SelectResult* out) {
  *out = co_await rt.select(30, recv_case(c), default_case());
}

Go try_two(Runtime& rt, Chan a, Chan b, SelectResult* out) {
  *out = co_await rt.select(34, recv_case(a), send_case(b, 5), default_case());
}

TEST_CASE("Select: default runs when no case is ready, without blocking") {
  Sim s;
  const Chan a = s.rt.make_chan(0, "a");
  const Chan b = s.rt.make_chan(0, "b");
  SelectResult one, two;
  s.rt.spawn("one", try_recv(s.rt, a, &one));
  s.rt.spawn("two", try_two(s.rt, a, b, &two));
  s.rt.run();
  CHECK(one.index == 1);
  CHECK(two.index == 2);
  CHECK(s.count(EventKind::SelectDefault) == 2);
  CHECK_FALSE(s.went_through(1, GoState::BlockedSelect));
  CHECK_FALSE(s.went_through(2, GoState::BlockedSelect));
}

TEST_CASE("Select: a ready case wins over default") {
  Sim s;
  const Chan a = s.rt.make_chan(1, "a");
  SelectResult r;
  s.rt.spawn("sender", [](Runtime& rt, Chan c) -> Go { co_await rt.send(c, 9, 40); }(s.rt, a));
  s.rt.spawn("selector", try_recv(s.rt, a, &r));
  s.rt.run();
  CHECK(r.index == 0);
  CHECK(r.value == 9);
  CHECK(r.ok);
}

Go wait_two(Runtime& rt, Chan a, Chan b, SelectResult* out) {
  *out = co_await rt.select(50, recv_case(a), recv_case(b));
}

Go send_later(Runtime& rt, Chan c, std::int64_t v, Time delay) {
  co_await rt.sleep(delay, 55);
  co_await rt.send(c, v, 56);
}

TEST_CASE("Select: with no case ready it waits on every channel and the first partner wins") {
  Sim s;
  const Chan a = s.rt.make_chan(0, "a");
  const Chan b = s.rt.make_chan(0, "b");
  SelectResult r;
  const GoroutineId g = s.rt.spawn("selector", wait_two(s.rt, a, b, &r));
  s.rt.run_until(0);
  CHECK(s.rt.state_of(g) == GoState::BlockedSelect);
  trace::Snapshot snap = s.rt.snapshot();
  CHECK(snap.channel(a.id()).recvq == std::vector<trace::Waiting>{{g, 0}});
  CHECK(snap.channel(b.id()).recvq == std::vector<trace::Waiting>{{g, 0}});
  CHECK(s.count(EventKind::SelectWait) == 2);

  s.rt.spawn("b-sender", send_later(s.rt, b, 7, 2 * kMillisecond));
  s.rt.run_until(3 * kMillisecond);
  CHECK(r.index == 1);
  CHECK(r.value == 7);
  CHECK(r.ok);
  // It left a's queue the moment it was chosen: a later sender on a must wait.
  snap = s.rt.snapshot();
  CHECK(snap.channel(a.id()).recvq.empty());
  const GoroutineId late = s.rt.spawn("a-sender", send_later(s.rt, a, 8, 0));
  s.rt.run_until(4 * kMillisecond);
  CHECK(s.rt.state_of(late) == GoState::BlockedSend);
}

Go select_send(Runtime& rt, Chan a, Chan b, bool* returned) {
  (void)co_await rt.select(62, send_case(a, 1), send_case(b, 2));
  *returned = true;
}

Go close_later(Runtime& rt, Chan c) {
  co_await rt.sleep(1, 66);
  co_await rt.close(c, 67);
}

TEST_CASE("Select: a send case panics if its channel is closed while the select waits") {
  Sim s;
  const Chan a = s.rt.make_chan(0, "a");
  const Chan b = s.rt.make_chan(0, "b");
  bool returned = false;
  const GoroutineId g = s.rt.spawn("selector", select_send(s.rt, a, b, &returned));
  s.rt.spawn("closer", close_later(s.rt, b));
  s.rt.run();
  CHECK(s.rt.outcome() == Outcome::Panic);
  CHECK(s.rt.report().message == "panic: send on closed channel");
  CHECK(s.rt.report().culprit == g);
  CHECK(s.rt.report().line == 62);
  CHECK_FALSE(returned);
}

TEST_CASE("Select: a receive case on a closed channel is ready with ok false") {
  Sim s;
  const Chan a = s.rt.make_chan(0, "a");
  const Chan b = s.rt.make_chan(0, "b");
  SelectResult r;
  r.ok = true;
  s.rt.spawn("selector", wait_two(s.rt, a, b, &r));
  s.rt.spawn("closer", close_later(s.rt, a));
  s.rt.run();
  CHECK(r.index == 0);
  CHECK(r.value == 0);
  CHECK_FALSE(r.ok);
}

Go one_case(Runtime& rt, Chan c) { (void)co_await rt.select(70, recv_case(c)); }

TEST_CASE("Select: a select with one case blocks as a plain receive, like Go's compiler") {
  Sim s;
  const Chan c = s.rt.make_chan(0, "c");
  const GoroutineId g = s.rt.spawn("one", one_case(s.rt, c));
  s.rt.run_until(0);
  CHECK(s.rt.state_of(g) == GoState::BlockedRecv);
  CHECK(s.count(EventKind::SelectWait) == 0);
}

Go select_nothing(Runtime& rt) { (void)co_await rt.select(75); }

TEST_CASE("Select: select {} blocks forever (Go: select (no cases))") {
  Sim s;
  s.rt.spawn_main(select_nothing(s.rt));
  CHECK(s.rt.run() == Outcome::Deadlock);
  REQUIRE(s.rt.report().blocked.size() == 1);
  CHECK(s.rt.report().blocked[0].wait_reason == "select (no cases)");
  CHECK(s.rt.report().blocked[0].line == 75);
}

Go self_partner(Runtime& rt, Chan c) {
  (void)co_await rt.select(80, send_case(c, 1), recv_case(c));
}

TEST_CASE("Select: a select never pairs its own send with its own receive") {
  Sim s;
  const Chan c = s.rt.make_chan(0, "c");
  s.rt.spawn_main(self_partner(s.rt, c));
  CHECK(s.rt.run() == Outcome::Deadlock);
  CHECK(s.rt.report().blocked[0].wait_reason == "select");
}

TEST_CASE("Select: a dynamic case list works like the variadic form") {
  Sim s;
  const Chan a = s.rt.make_chan(1, "a");
  SelectResult r;
  s.rt.spawn("sel", [](Runtime& rt, Chan c, SelectResult* out) -> Go {
    const std::vector<SelectCase> cases{send_case(c, 3), default_case()};
    *out = co_await rt.select(90, cases);
  }(s.rt, a, &r));
  s.rt.run();
  CHECK(r.index == 0);
  CHECK(a.len() == 1);
}

}  // namespace
}  // namespace poolscope::test
