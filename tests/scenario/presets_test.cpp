#include "core/scenario/presets.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/scenario/go_template.hpp"
#include "core/scenario/scenario_json.hpp"

using namespace poolscope::scenario;

TEST_CASE("Presets: the lessons of LESSONS.md come in teaching order, queueing, then your own") {
  std::vector<std::string> ids;
  for (const auto& p : presets()) ids.push_back(p.id);
  CHECK(ids == std::vector<std::string>{"hello-pool", "backpressure", "unbounded-vs-pool",
                                        "forgot-close", "results-deadlock", "size-to-bottleneck",
                                        "errgroup-limit", "queueing", "your-own-pool"});
  // Only the last is the learner's own program, and it starts from the template.
  for (const auto& p : presets()) CHECK(p.source.empty() == (p.id != "your-own-pool"));
  CHECK(find_preset("your-own-pool").value().source == worker_pool_template());
}

TEST_CASE("Presets: each is valid, titled, summarised in one line and survives a file") {
  for (const auto& p : presets()) {
    CAPTURE(p.id);
    CHECK(validate(p).empty());
    CHECK_FALSE(p.title.empty());
    CHECK(p.summary.size() > 30);
    CHECK(p.summary.size() <= 200);
    CHECK(p.summary.find('\n') == std::string::npos);
    const auto back = load_scenario(save_scenario(p));
    REQUIRE_MESSAGE(back.ok(), back.message());
    CHECK(back.value() == p);
  }
}

TEST_CASE("Presets: hello-pool is the seed's example, which is also the default scenario") {
  const auto p = find_preset("hello-pool").value();
  Scenario defaults;
  defaults.id = p.id;
  defaults.title = p.title;
  defaults.summary = p.summary;
  CHECK(p == defaults);
}

TEST_CASE("Presets: each lesson's values make its point") {
  const auto backpressure = find_preset("backpressure").value();
  CHECK(backpressure.load.rate > backpressure.pool.workers * 1000.0 / backpressure.work.mean_ms);
  CHECK(backpressure.pool.jobs_buffer < backpressure.load.jobs);

  const auto unbounded = find_preset("unbounded-vs-pool").value();
  CHECK(unbounded.pool.mode == Mode::Unbounded);
  CHECK(unbounded.load.jobs == 10'000);
  CHECK(unbounded.pool.workers == 20);
  CHECK(unbounded.work.payload_kb > 0);

  const auto forgot = find_preset("forgot-close").value();
  CHECK_FALSE(forgot.pool.close_jobs);
  CHECK(forgot.load.requests > 1);

  const auto deadlock = find_preset("results-deadlock").value();
  CHECK(deadlock.pool.collect == Collect::AfterSend);
  CHECK(deadlock.load.jobs >
        deadlock.pool.workers + deadlock.pool.jobs_buffer + deadlock.pool.results_buffer);

  const auto bottleneck = find_preset("size-to-bottleneck").value();
  CHECK(bottleneck.pool.resource_limit > 0);
  CHECK(bottleneck.pool.workers > bottleneck.pool.resource_limit);

  const auto errgroup = find_preset("errgroup-limit").value();
  CHECK(errgroup.pool.mode == Mode::Errgroup);
  CHECK(errgroup.pool.fail_job > 0);
  CHECK(errgroup.pool.fail_job < errgroup.load.jobs);

  const auto queueing = find_preset("queueing").value();
  const double utilisation =
      queueing.load.rate * queueing.work.mean_ms / 1000.0 / queueing.pool.workers;
  CHECK(utilisation > 0.85);
  CHECK(utilisation < 1.0);
  CHECK(queueing.load.arrival == Arrival::Poisson);
  CHECK(queueing.work.dist == WorkDist::Exponential);
}

TEST_CASE("Presets: an unknown id lists the valid ones and suggests the nearest") {
  const auto r = find_preset("helo-pool");
  REQUIRE_FALSE(r.ok());
  CHECK(r.message() ==
        "unknown preset \"helo-pool\"; did you mean \"hello-pool\"? (presets: hello-pool, "
        "backpressure, unbounded-vs-pool, forgot-close, results-deadlock, size-to-bottleneck, "
        "errgroup-limit, queueing, your-own-pool)");
  CHECK(find_preset("zzz").message().rfind("unknown preset \"zzz\" (presets: hello-pool,", 0) == 0);
}
