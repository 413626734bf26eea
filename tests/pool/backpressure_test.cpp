// Lesson 2: a producer faster than the pool fills the jobs buffer, then waits to send.
#include <doctest/doctest.h>

#include "tests/pool/pool_support.hpp"

using namespace poolscope;
using pool_test::preset;

TEST_CASE(
    "Pool.Backpressure: the buffer fills to its capacity and the sender is throttled, nothing "
    "lost") {
  const pool::Summary s = pool::run_to_end(preset("backpressure"));
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.max_queue_depth == 5);
  CHECK(s.max_blocked_senders >= 1);
  CHECK(s.results == 30);
  CHECK(s.jobs_done == 30);
  CHECK(s.leaked == 0);
  // Three 500 ms workers finish 6 jobs/s, whatever the 10 jobs/s offered.
  CHECK(s.throughput_per_s <= 6.0 + 1e-9);
  CHECK(s.throughput_per_s > 5.0);
}

TEST_CASE("Pool.Backpressure: a bigger buffer only delays the blocking") {
  for (const int buffer : {0, 1, 5, 10}) {
    CAPTURE(buffer);
    const pool::Summary s =
        pool::run_to_end(preset("backpressure", {"pool.jobs_buffer=" + std::to_string(buffer)}));
    CHECK(s.max_queue_depth == buffer);
    CHECK(s.max_blocked_senders == 1);
    CHECK(s.results == 30);
  }
  const pool::Summary roomy = pool::run_to_end(preset("backpressure", {"pool.jobs_buffer=100"}));
  CHECK(roomy.max_blocked_senders == 0);
  CHECK(roomy.max_queue_depth < 30);
  CHECK(roomy.results == 30);
}

TEST_CASE("Pool.Backpressure: several senders all wait at once on a full buffer") {
  const pool::Summary s = pool::run_to_end(
      preset("backpressure", {"load.producers=4", "load.rate=40", "pool.jobs_buffer=2"}));
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.results == 30);
  CHECK(s.jobs_sent == 30);
  CHECK(s.max_queue_depth == 2);
  CHECK(s.max_blocked_senders == 4);
}
