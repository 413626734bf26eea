// What running a learner's Go program needs beyond the presets: selects of any size,
// time.AfterFunc, and a random stream of its own for map iteration order.
#include <doctest/doctest.h>

#include <array>
#include <vector>

#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

constexpr int kCases = 12;  // more than kInlineSelectCases

std::vector<SelectCase> recv_cases(const std::vector<Chan>& chans) {
  std::vector<SelectCase> cases;
  for (Chan c : chans) cases.push_back(recv_case(c));
  return cases;
}

Go pick_among(Runtime& rt, std::vector<Chan> chans, int n, std::vector<int>* picks) {
  const std::vector<SelectCase> cases = recv_cases(chans);
  for (int i = 0; i < n; ++i) {
    const SelectResult r = co_await rt.select(10, cases);
    picks->push_back(r.index);
    REQUIRE(r.ok);
    REQUIRE(r.value == r.index * 100);
  }
}

Go fill(Runtime& rt, std::vector<Chan> chans, int n) {
  for (int i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < chans.size(); ++k) {
      co_await rt.send(chans[k], static_cast<std::int64_t>(k) * 100, 20);
    }
  }
}

TEST_CASE("Select: more cases than kInlineSelectCases, every ready one chosen evenly") {
  static_assert(kCases > kInlineSelectCases);
  const int n = 12000;
  Config config;
  config.spin_ops = 1U << 30;
  Runtime rt(config);
  std::vector<Chan> chans;
  for (int i = 0; i < kCases; ++i) chans.push_back(rt.make_chan(n, "c"));
  std::vector<int> picks;
  rt.spawn("filler", fill(rt, chans, n));
  rt.spawn("picker", pick_among(rt, chans, n, &picks));
  rt.run();
  REQUIRE(picks.size() == static_cast<std::size_t>(n));
  std::array<int, kCases> counts{};
  for (int p : picks) ++counts[static_cast<std::size_t>(p)];
  // Expected 1000 each; chi-square with 11 degrees of freedom < 31.3 at 99.9 %.
  double chi2 = 0;
  for (int c : counts) chi2 += (c - 1000.0) * (c - 1000.0) / 1000.0;
  CHECK(chi2 < 31.3);
}

Go wait_on_all(Runtime& rt, std::vector<Chan> chans, Chan out_ch, SelectResult* out) {
  std::vector<SelectCase> cases = recv_cases(chans);
  cases.insert(cases.begin() + 3, send_case(out_ch, 7));  // a send case among them
  *out = co_await rt.select(30, cases);
}

Go send_later(Runtime& rt, Chan c, Time at, std::int64_t v) {
  co_await rt.sleep(at, 40);
  co_await rt.send(c, v, 41);
}

TEST_CASE("Select: with many cases and none ready it waits in every queue, and the first wins") {
  Sim s;
  std::vector<Chan> chans;
  for (int i = 0; i < kCases; ++i) chans.push_back(s.rt.make_chan(0, "c"));
  SelectResult r;
  s.rt.spawn("waiter", wait_on_all(s.rt, chans, s.rt.make_chan(0, "out"), &r));
  s.rt.spawn("late", send_later(s.rt, chans[10], 2 * kMillisecond, 42));
  s.rt.spawn("later", send_later(s.rt, chans[5], 3 * kMillisecond, 43));
  s.rt.run_until(kMillisecond);
  CHECK(s.rt.state_of(1) == GoState::BlockedSelect);
  CHECK(s.count(EventKind::SelectWait) == kCases + 1);
  CHECK(trace::same_state(s.folded(), s.rt.snapshot()));
  s.rt.run();
  CHECK(r.index == 11);  // chans[10] is case 11: the send case sits at index 3
  CHECK(r.value == 42);
  CHECK(r.ok);
  // The select left every other queue: the later sender is left blocked, alone.
  CHECK(s.rt.state_of(3) == GoState::BlockedSend);
  CHECK(s.rt.snapshot().channel(chans[5].id()).recvq.empty());
  CHECK(trace::same_state(s.folded(), s.rt.snapshot()));
}

Go worker_ran(Runtime& rt, std::vector<Time>* ran) {
  ran->push_back(rt.now());
  co_return;
}

Go after_funcs(Runtime& rt, std::vector<Time>* ran, std::vector<bool>* results) {
  const auto go_worker = [&rt, ran] {
    const GoroutineId id = rt.spawn("func1", worker_ran(rt, ran));
    rt.set_go_function(id, "main.main.func1", "time.goFunc");
  };
  const Timer fires = rt.after_func(2 * kMillisecond, go_worker, 5);
  CHECK(fires.c.is_nil());
  const Timer stopped = rt.after_func(kMillisecond, go_worker, 6);
  const Timer moved = rt.after_func(kMillisecond, go_worker, 7);
  results->push_back(rt.stop(stopped));                   // true: it was pending
  results->push_back(rt.reset(moved, 5 * kMillisecond));  // true: it was pending
  co_await rt.sleep(10 * kMillisecond, 9);
  results->push_back(rt.stop(fires));                 // false: it fired
  results->push_back(rt.reset(fires, kMillisecond));  // false, and it fires again
  co_await rt.sleep(10 * kMillisecond, 11);
}

TEST_CASE("AfterFunc: the callback runs when the timer fires, and Stop and Reset work on it") {
  Sim s;
  std::vector<Time> ran;
  std::vector<bool> results;
  s.rt.spawn_main(after_funcs(s.rt, &ran, &results));
  CHECK(s.rt.run() == Outcome::Completed);
  CHECK(ran == std::vector<Time>{2 * kMillisecond, 5 * kMillisecond, 11 * kMillisecond});
  CHECK(results == std::vector<bool>{true, true, false, false});
  const auto spawns = s.of_kind(EventKind::Spawn);
  REQUIRE(spawns.size() == 4);
  CHECK(spawns[1].object == 0);  // started by the runtime, not by main
}

Go deadlock_but_for_after_func(Runtime& rt, bool* fired) {
  const Chan ch = rt.make_chan(0, "ch", ChanRole::Plain, 3);
  rt.after_func(kSecond, [&rt, ch, fired] {
    *fired = true;
    rt.spawn("func1", [](Runtime& r, Chan c) -> Go { co_await r.send(c, 1, 5); }(rt, ch));
  });
  (void)co_await rt.recv(ch, 7);
}

TEST_CASE("AfterFunc: a pending one masks a deadlock until it fires, as in Go") {
  Sim s;
  bool fired = false;
  s.rt.spawn_main(deadlock_but_for_after_func(s.rt, &fired));
  CHECK(s.rt.run() == Outcome::Completed);
  CHECK(fired);
  CHECK(s.rt.report().time == kSecond);
}

std::vector<std::uint64_t> draws(Runtime& rt, int n) {
  std::vector<std::uint64_t> out;
  for (int i = 0; i < n; ++i) out.push_back(rt.map_rng().next());
  return out;
}

TEST_CASE("Map order stream: seeded, and apart from select's and the program's streams") {
  Runtime a(Config{.seed = 5});
  Runtime b(Config{.seed = 5});
  Runtime c(Config{.seed = 6});
  const auto from_a = draws(a, 4);
  CHECK(from_a == draws(b, 4));
  CHECK(from_a != draws(c, 4));
  // Drawing map orders leaves the program's stream where it was.
  Runtime fresh(Config{.seed = 5});
  CHECK(a.rng().next() == fresh.rng().next());
  Runtime other(Config{.seed = 5});
  CHECK(other.map_rng().next() != other.rng().next());
  // And select's choices are those of a run that draws no map order.
  const auto picks = [](bool draw_maps) {
    Runtime rt(Config{.seed = 9});
    std::vector<Chan> chans;
    for (int i = 0; i < 3; ++i) chans.push_back(rt.make_chan(50, "c"));
    std::vector<int> got;
    rt.spawn("filler", fill(rt, chans, 50));
    rt.spawn("picker",
             [](Runtime& r, std::vector<Chan> cs, bool maps, std::vector<int>* out) -> Go {
               for (int i = 0; i < 50; ++i) {
                 if (maps) (void)r.map_rng().below(7);
                 const SelectResult res =
                     co_await r.select(3, recv_case(cs[0]), recv_case(cs[1]), recv_case(cs[2]));
                 out->push_back(res.index);
               }
             }(rt, chans, draw_maps, &got));
    rt.run();
    return got;
  };
  CHECK(picks(true) == picks(false));
}

}  // namespace
}  // namespace poolscope::test

namespace poolscope::test {
namespace {

Go spin_until(Runtime& rt, const bool* flag, std::int64_t* spins) {
  while (!*flag) {
    co_await rt.preempt_point(5);
    ++*spins;
  }
}

Go set_after(Runtime& rt, Time d, bool* flag) {
  co_await rt.sleep(d, 10);
  *flag = true;
}

TEST_CASE("Preemption point: a loop that never blocks lets time pass and others run") {
  Config config;
  config.spin_ops = 100;
  config.spin_cost = 10 * kMicrosecond;
  Sim s(config);
  bool flag = false;
  std::int64_t spins = 0;
  s.rt.spawn_main(spin_until(s.rt, &flag, &spins));
  s.rt.spawn("setter", set_after(s.rt, kMillisecond, &flag));
  CHECK(s.rt.run() == Outcome::Completed);
  CHECK(flag);
  // 100 preemption points cost 10 us: 1 ms of virtual time is 100 rounds of 100.
  CHECK(spins == doctest::Approx(10000).epsilon(0.02));
  CHECK(s.rt.main_exit_time() == kMillisecond);
}

Go forever(Runtime& rt, std::int64_t* spins) {
  for (;;) {
    co_await rt.preempt_point(5);
    if (++*spins == 1000) rt.halt("stopped: 1,000 steps, the --max-steps limit");
  }
}

TEST_CASE("Halt: the host ends the run with its own message") {
  Sim s;
  std::int64_t spins = 0;
  s.rt.spawn_main(forever(s.rt, &spins));
  CHECK(s.rt.run() == Outcome::Stopped);
  CHECK(spins == 1000);  // the goroutine stopped at its next operation
  const Report& r = s.rt.report();
  CHECK(r.stop == StopReason::Host);
  CHECK(r.message == "stopped: 1,000 steps, the --max-steps limit");
  CHECK(r.exit_code == -1);
  CHECK(to_string(StopReason::Host) == "host");
}

Go pass_channel(Runtime& rt, std::int64_t* got) {
  const Chan inner = rt.make_chan(1, "reply");
  const Chan outer = rt.make_chan(1, "requests");
  co_await rt.send(outer, inner.id(), 3);  // requests <- reply (a chan chan int)
  const RecvResult r = co_await rt.recv(outer, 4);
  const Chan back = rt.chan_of(static_cast<ChannelId>(r.value));
  co_await rt.send(back, 42, 5);
  *got = (co_await rt.recv(inner, 6)).value;
  CHECK(back == inner);
  CHECK(rt.chan_of(0).is_nil());
}

TEST_CASE("Channels of channels: a channel travels as its id and comes back as itself") {
  Sim s;
  std::int64_t got = 0;
  s.rt.spawn_main(pass_channel(s.rt, &got));
  CHECK(s.rt.run() == Outcome::Completed);
  CHECK(got == 42);
}

}  // namespace
}  // namespace poolscope::test
