// The engine's steady state allocates nothing: no heap allocation per channel
// operation, wake-up, timer or event (events into a bounded EventLog).
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "core/trace/event_log.hpp"
#include "tests/sim/sim_support.hpp"

namespace {
// Counts every allocation of the test program; the behaviour stays malloc's.
std::atomic<long> g_allocations{0};
}  // namespace

void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
// The nothrow forms too (std::stable_sort's buffer uses them): every form of
// new must pair with these deletes, or ASan reports a new/free mismatch.
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(n == 0 ? 1 : n);
}
void* operator new[](std::size_t n, const std::nothrow_t& tag) noexcept {
  return operator new(n, tag);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace poolscope::test {
namespace {

Go worker(Runtime& rt, Chan jobs, Chan results, Chan db) {
  for (;;) {
    const SelectResult r = co_await rt.select(5, recv_case(jobs), default_case());
    if (r.index == 1) {
      co_await rt.sleep(1, 7);  // nothing yet: poll again soon
      continue;
    }
    rt.job(JobPhase::Started, r.value, 9);
    co_await rt.cpu(static_cast<Time>(rt.rng().exponential(1e5)) + 1, 10);
    co_await rt.acquire(db, 11);
    co_await rt.io(50 * kMicrosecond, 12);
    (void)co_await rt.release(db, 13);
    co_await rt.send(results, r.value, 14);
    rt.job(JobPhase::Done, r.value, 15);
  }
}

Go producer(Runtime& rt, Chan jobs) {
  for (std::int64_t j = 1;; ++j) co_await rt.send(jobs, j, 20);
}

Go collector(Runtime& rt, Chan results, std::int64_t* collected) {
  while (auto r = co_await rt.recv(results, 25)) ++*collected;
}

TEST_CASE("Allocation: a running pool allocates nothing per operation, wake-up or event") {
  trace::EventLog log({.capacity = 4096});
  Config config;
  config.procs = 3;
  Runtime rt(config, &log);
  const Chan jobs = rt.make_chan(10, "jobs");
  const Chan results = rt.make_chan(0, "results");
  const Chan db = rt.make_semaphore(2, "db");
  std::int64_t collected = 0;
  for (int w = 1; w <= 6; ++w) rt.spawn("worker", w, worker(rt, jobs, results, db));
  rt.spawn("producer", producer(rt, jobs));
  rt.spawn("collector", collector(rt, results, &collected));
  rt.run_until(50 * kMillisecond);  // warm up: heaps and queues reach their size
  const std::uint64_t events_before = rt.events_emitted();
  const std::int64_t collected_before = collected;
  const long before = g_allocations.load();
  rt.run_until(2 * kSecond);
  const long allocated = g_allocations.load() - before;
  CHECK(collected - collected_before > 5000);
  CHECK(rt.events_emitted() - events_before > 50000);
  CHECK(allocated == 0);
}

TEST_CASE("Allocation: the counter sees allocations (the test can fail)") {
  const long before = g_allocations.load();
  auto* p = new int(3);
  CHECK(g_allocations.load() - before == 1);
  delete p;
}

}  // namespace
}  // namespace poolscope::test
