// Same scenario and seed, same events; the seed drives every random draw.
#include <doctest/doctest.h>

#include <string>

#include "tests/pool/pool_support.hpp"

using namespace poolscope;
using pool_test::preset;

namespace {
scenario::Scenario random_load(std::uint64_t seed) {
  scenario::Scenario s = preset("queueing", {"load.duration_s=5"});
  s.seed = seed;
  return s;
}
}  // namespace

TEST_CASE("Pool.Determinism: the same seed gives the same events, bit for bit") {
  const pool::Summary a = pool::run_to_end(random_load(7));
  const pool::Summary b = pool::run_to_end(random_load(7));
  CHECK(a.events == b.events);
  CHECK(a.event_hash == b.event_hash);
  CHECK(a.results == b.results);
  CHECK(a.latency_p99_ms == b.latency_p99_ms);
}

TEST_CASE("Pool.Determinism: another seed gives other random arrivals and work times") {
  const pool::Summary a = pool::run_to_end(random_load(7));
  const pool::Summary b = pool::run_to_end(random_load(8));
  CHECK(a.event_hash != b.event_hash);
}

TEST_CASE("Pool.Determinism: how the clock is advanced never changes an event") {
  const pool::Summary whole = pool::run_to_end(random_load(3));
  pool::PoolRun chunked(random_load(3));
  while (!chunked.finished()) chunked.run_until(chunked.now() + 7 * trace::kMillisecond);
  CHECK(chunked.summary().event_hash == whole.event_hash);
  pool::PoolRun stepped(random_load(3));
  while (stepped.step()) {
  }
  CHECK(stepped.summary().event_hash == whole.event_hash);
}

TEST_CASE("Pool.Determinism: every preset runs the same twice") {
  for (const auto& p : scenario::presets()) {
    CAPTURE(p.id);
    scenario::Scenario s = p;
    if (s.load.jobs > 1000) s.load.jobs = 1000;
    if (s.load.duration_s > 5) s.load.duration_s = 5;
    CHECK(pool::run_to_end(s).event_hash == pool::run_to_end(s).event_hash);
  }
}
