// The GUI's live controls: worker count and job rate change while a run goes on.
#include <doctest/doctest.h>

#include <string>

#include "tests/pool/pool_support.hpp"

using namespace poolscope;
using pool_test::preset;

namespace {

// The values of the Config events named `key`, in order.
std::vector<std::int64_t> config_values(const pool::PoolRun& run,
                                        const std::vector<trace::Event>& events,
                                        std::string_view key) {
  std::vector<std::int64_t> values;
  for (const auto& e : events) {
    if (e.kind == trace::EventKind::Config &&
        static_cast<trace::ConfigKey>(e.detail) == trace::ConfigKey::Custom &&
        run.runtime().strings().str(e.aux) == key) {
      values.push_back(e.value);
    }
  }
  return values;
}

}  // namespace

TEST_CASE("Pool.LiveWorkers: growing the pool starts workers at once and speeds it up") {
  const pool::Summary fixed = pool::run_to_end(preset("backpressure"));
  trace::VectorSink sink;
  pool::PoolRun run(preset("backpressure"), {.sink = &sink});
  run.run_until(1 * trace::kSecond);
  CHECK(run.set_workers(6));
  run.run();
  const pool::Summary s = run.summary();
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.results == 30);
  CHECK(s.leaked == 0);
  CHECK(s.max_concurrent == 6);
  CHECK(s.virtual_ms < fixed.virtual_ms);
  CHECK(config_values(run, sink.events, "workers") == std::vector<std::int64_t>{3, 6});
}

TEST_CASE("Pool.LiveWorkers: growing works with a WaitGroup and a closer before close(jobs)") {
  pool::PoolRun run(preset("backpressure", {"pool.collect=closer_goroutine"}));
  run.run_until(500 * trace::kMillisecond);
  CHECK(run.set_workers(5));
  run.run();
  const pool::Summary s = run.summary();
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.results == 30);
  CHECK(s.leaked == 0);
  CHECK(s.max_concurrent == 5);
}

TEST_CASE("Pool.LiveWorkers: a pool that is not resizable refuses to shrink") {
  pool::PoolRun run(preset("backpressure"));
  run.run_until(1 * trace::kSecond);
  CHECK_FALSE(run.set_workers(2));
  CHECK_FALSE(run.set_workers(0));
  run.run();
  CHECK(run.summary().max_concurrent == 3);
}

TEST_CASE("Pool.LiveWorkers: a resizable pool retires workers after their current job") {
  trace::VectorSink sink;
  pool::PoolRun run(preset("backpressure", {"pool.workers=6"}), {.sink = &sink, .resizable = true});
  run.run_until(1 * trace::kSecond);
  CHECK(run.metrics().figures(run.now()).in_work == 5);  // one arrival per 100 ms, 500 ms each
  CHECK(run.set_workers(2));
  // Jobs in work finish (500 ms); from then on only two workers take jobs.
  run.run_until(1600 * trace::kMillisecond);
  for (trace::Time t = 1600; t < 4000; t += 100) {
    run.run_until(t * trace::kMillisecond);
    CHECK(run.metrics().figures(run.now()).in_work <= 2);
  }
  run.run();
  const pool::Summary s = run.summary();
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.results == 30);
  CHECK(s.leaked == 0);
  CHECK(config_values(run, sink.events, "workers") == std::vector<std::int64_t>{6, 2});
}

TEST_CASE("Pool.LiveWorkers: a resizable pool can shrink and grow again") {
  pool::PoolRun run(preset("backpressure", {"pool.collect=producer_goroutine"}),
                    {.resizable = true});
  run.run_until(1 * trace::kSecond);
  CHECK(run.set_workers(1));
  run.run_until(2 * trace::kSecond);
  CHECK(run.set_workers(4));
  run.run();
  const pool::Summary s = run.summary();
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.results == 30);
  CHECK(s.leaked == 0);
  CHECK(s.max_concurrent == 4);
}

TEST_CASE("Pool.LiveWorkers: unchanged, a resizable pool gives the same figures") {
  const pool::Summary plain = pool::run_to_end(preset("backpressure"));
  pool::PoolRun run(preset("backpressure"), {.resizable = true});
  run.run();
  const pool::Summary s = run.summary();
  CHECK(s.results == plain.results);
  CHECK(s.max_concurrent == plain.max_concurrent);
  CHECK(s.max_queue_depth == plain.max_queue_depth);
  CHECK(s.virtual_ms == plain.virtual_ms);
}

TEST_CASE("Pool.LiveWorkers: outside pool mode the worker count is fixed") {
  pool::PoolRun unbounded(preset("unbounded-vs-pool", {"load.jobs=10"}));
  CHECK_FALSE(unbounded.set_workers(5));
  pool::PoolRun group(preset("errgroup-limit"));
  CHECK_FALSE(group.set_workers(5));
}

TEST_CASE("Pool.LiveWorkers: a change before the run starts sizes the first pool") {
  pool::PoolRun run(preset("hello-pool"));
  CHECK(run.set_workers(5));
  run.run();
  CHECK(run.summary().max_concurrent == 5);
  CHECK(run.summary().virtual_ms == doctest::Approx(1000.0));
}

TEST_CASE("Pool.LiveRate: the producer paces the next arrivals at the new rate") {
  trace::VectorSink sink;
  pool::PoolRun slow(preset("backpressure", {"pool.workers=10"}), {.sink = &sink});
  slow.set_rate(2.0);
  slow.run();
  // 30 arrivals every 500 ms, the last at 15 s, then its 500 ms of work
  CHECK(slow.summary().virtual_ms == doctest::Approx(15500.0));
  CHECK(config_values(slow, sink.events, "rate") == std::vector<std::int64_t>{2000});

  pool::PoolRun burst(preset("backpressure", {"pool.workers=10"}));
  burst.run_until(1 * trace::kSecond);
  burst.set_rate(0.0);
  burst.run();
  // 10 jobs in the first second, then the rest at once: the pool drains them 10 at a time.
  CHECK(burst.summary().virtual_ms < 3600.0);
  CHECK(burst.summary().results == 30);
}

TEST_CASE("Pool.LiveRate: a load exported without pacing can be paced live") {
  pool::PoolRun run(preset("hello-pool", {"pool.workers=5", "work.mean_ms=10"}));
  run.set_rate(10.0);
  run.run();
  CHECK(run.summary().virtual_ms == doctest::Approx(510.0));
  CHECK(run.summary().results == 5);
}
