// Same program and seed, same events: checked by hashing every field of every event.
#include <doctest/doctest.h>

#include "core/trace/sink.hpp"
#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

Go worker(Runtime& rt, Chan jobs, Chan results, Chan quit) {
  for (;;) {
    const SelectResult r = co_await rt.select(5, recv_case(jobs), recv_case(quit));
    if (r.index == 1 || !r.ok) co_return;
    rt.job(JobPhase::Started, r.value, 7);
    co_await rt.cpu(static_cast<Time>(rt.rng().exponential(1e6)) + 1, 8);
    co_await rt.send(results, r.value * 2, 9);
  }
}

Go pool_main(Runtime& rt, int jobs_n) {
  const Chan jobs = rt.make_chan(10, "jobs", ChanRole::Plain, 13);
  const Chan results = rt.make_chan(10, "results", ChanRole::Plain, 14);
  const Chan quit = rt.make_chan(0, "quit", ChanRole::Plain, 15);
  for (int w = 1; w <= 4; ++w) rt.spawn("worker", w, worker(rt, jobs, results, quit), 17);
  rt.spawn(
      "producer",
      [](Runtime& r, Chan j, int n) -> Go {
        for (int i = 1; i <= n; ++i) co_await r.send(j, i, 20);
      }(rt, jobs, jobs_n),
      19);
  for (int a = 0; a < jobs_n; ++a) (void)co_await rt.recv(results, 23);
  co_await rt.close(quit, 24);
}

struct Hashed {
  std::uint64_t hash;
  std::uint64_t count;
  Time end;
};

Hashed run_pool(std::uint64_t seed, Time chunk = 0) {
  trace::HashSink h;
  Config config;
  config.seed = seed;
  config.procs = 2;
  Runtime rt(config, &h);
  rt.spawn_main(pool_main(rt, 500));
  if (chunk == 0) {
    rt.run();
  } else {
    while (!rt.finished()) rt.run_until(rt.now() + chunk);
  }
  CHECK(rt.outcome() == Outcome::Completed);
  return {h.hash(), h.count(), rt.report().time};
}

TEST_CASE("Determinism: the same program and seed give the same event hash") {
  const Hashed a = run_pool(42);
  const Hashed b = run_pool(42);
  CHECK(a.hash == b.hash);
  CHECK(a.count == b.count);
  CHECK(a.count > 5000);
}

TEST_CASE("Determinism: another seed gives other events") {
  CHECK(run_pool(42).hash != run_pool(43).hash);
}

TEST_CASE("Determinism: how run_until is chunked never changes an event") {
  const Hashed whole = run_pool(7);
  for (Time chunk : {1 * kMicrosecond, 333 * kMicrosecond, 16 * kMillisecond}) {
    const Hashed parts = run_pool(7, chunk);
    CHECK(parts.hash == whole.hash);
    CHECK(parts.end == whole.end);
  }
}

TEST_CASE("Determinism: a hash changes when any single field of an event changes") {
  Event e;
  e.seq = 1;
  e.time = 2;
  e.value = 3;
  e.goroutine = 4;
  e.object = 5;
  e.aux = 6;
  e.line = 7;
  e.kind = EventKind::Send;
  e.detail = 1;
  trace::HashSink base;
  base.on_event(e);
  const auto differs = [&](auto mutate) {
    Event f = e;
    mutate(f);
    trace::HashSink h;
    h.on_event(f);
    return h.hash() != base.hash();
  };
  CHECK(differs([](Event& f) { f.seq = 9; }));
  CHECK(differs([](Event& f) { f.time = 9; }));
  CHECK(differs([](Event& f) { f.value = 9; }));
  CHECK(differs([](Event& f) { f.goroutine = 9; }));
  CHECK(differs([](Event& f) { f.object = 9; }));
  CHECK(differs([](Event& f) { f.aux = 9; }));
  CHECK(differs([](Event& f) { f.line = 9; }));
  CHECK(differs([](Event& f) { f.kind = EventKind::Recv; }));
  CHECK(differs([](Event& f) { f.detail = 0; }));
}

}  // namespace
}  // namespace poolscope::test
