// Go parity: exported programs run on the real Go runtime and do what the lessons say.
//
// Each test case exports a batch of scenarios, checks them with gofmt, builds them with
// one `go build` and runs them (GoRunner), then compares every run with the outcome that
// the lesson's analysis predicts (expect() below). Only what Go guarantees is compared:
// outcome, results, leaked goroutines, jobs sent and done, the concurrency bound, and
// where each goroutine waits. Work times are a few milliseconds, so the suite is quick.
//
// Without a Go toolchain these tests FAIL with a message: the setup script installs
// golang-go, and a missing toolchain must not look like a pass.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/scenario/presets.hpp"
#include "tests/support/builtin_presets.hpp"
#include "tests/support/go_runner.hpp"

using namespace poolscope::scenario;

namespace {

// [SECTION] running batches

// Go's caches and the batches live next to the test binary, inside the build tree.
std::filesystem::path work_root() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const auto base = ec ? std::filesystem::temp_directory_path() : exe.parent_path();
  return base / "go-parity";
}

std::vector<GoProgramRun> run_in_go(const std::string& batch,
                                    const std::vector<Scenario>& scenarios) {
  GoRunnerOptions options;
  options.work_dir = work_root() / batch;
  options.cache_dir = work_root() / "go-cache";
  options.run_timeout_s = 60;
  options.parallel_runs = 2;
  const GoRunner runner(options);
  const auto problem = runner.toolchain_problem();
  if (!problem.empty()) FAIL("Go parity needs the Go toolchain: ", problem);
  const auto started = std::chrono::steady_clock::now();
  auto runs = runner.run_all(scenarios);
  REQUIRE_MESSAGE(runs.ok(), runs.message());
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  MESSAGE("Go batch ", batch, ": ", scenarios.size(), " programs in ", seconds, " s");
  for (const auto& r : runs.value()) CHECK_MESSAGE(r.gofmt_clean, r.name, " is not gofmt-clean");
  return std::move(runs).value();
}

// [SECTION] what the lessons predict

// The outcome of a scenario by the lesson's analysis; nullopt fields are not checked.
// jobs_sent and jobs_done are what the goroutines hand over and finish in the end; the
// program reports them as of main's return, so when main returns while they still work
// (leaves_work) they are only upper bounds: how far they got by then is timing.
struct Expected {
  std::string outcome = "completed";
  std::optional<std::int64_t> results;
  std::optional<std::int64_t> leaked;
  std::optional<std::int64_t> jobs_sent;
  std::optional<std::int64_t> jobs_done;
  bool leaves_work = false;
};

Expected leaving_work(Expected e) {
  e.leaves_work = true;
  return e;
}

Expected completed(std::int64_t results, std::int64_t leaked, std::int64_t sent,
                   std::int64_t done) {
  return Expected{"completed", results, leaked, sent, done};
}

Expected deadlock() { return Expected{"deadlock", {}, {}, {}, {}}; }

// One request of pool mode, finite load. n workers, J jobs, cap(jobs) bj, cap(results) br.
// Main (or the producer) can hand over at most n + bj + br jobs before someone must
// receive a result: n held by workers blocked on `results <-`, br in the results buffer,
// bj in the jobs buffer.
Expected expect_pool(const Scenario& s) {
  const std::int64_t n = s.pool.workers, jobs = s.load.jobs, bj = s.pool.jobs_buffer,
                     br = s.pool.results_buffer;
  const bool closes = s.pool.close_jobs;
  const std::int64_t k = resolved_collect_count(s);
  const bool fits = jobs <= n + bj + br;
  // After main stops receiving with `pending` results unreceived, that many results
  // still need a home: br in the buffer, the rest held by workers blocked on send.
  const auto blocked_senders = [&](std::int64_t pending) {
    return std::min(n, std::max<std::int64_t>(0, pending - br));
  };
  switch (s.pool.collect) {
    case Collect::AfterSend: {
      if (!fits || k == kCollectUntilClosed) return deadlock();
      const auto blocked = blocked_senders(jobs - k);
      const Expected e = completed(k, closes ? blocked : n, jobs, std::min(jobs, k + br + n));
      return k < jobs ? leaving_work(e) : e;
    }
    case Collect::WaitThenRange:
      if (!closes || jobs > br) return deadlock();
      return completed(jobs, 0, jobs, jobs);
    case Collect::CloserGoroutine:
      if (!fits || !closes) return deadlock();
      return completed(jobs, 0, jobs, jobs);
    case Collect::ProducerGoroutine: {
      if (s.pool.collect_count <= 0) {  // "all" or -1: range until the closer closes results
        if (!closes) return deadlock();
        return completed(jobs, 0, jobs, jobs);
      }
      // Main leaves after k results; the producer keeps sending until it blocks.
      const auto pending = jobs - k;
      const auto blocked = blocked_senders(pending);
      const bool producer_blocked = pending > br + n + bj;
      const auto workers_left = closes ? blocked : n;
      const auto closer_left = workers_left > 0 ? 1 : 0;
      const Expected e = completed(k, workers_left + closer_left + (producer_blocked ? 1 : 0),
                                   std::min(jobs, k + br + n + bj), std::min(jobs, k + br + n));
      return k < jobs ? leaving_work(e) : e;
    }
    case Collect::None: {
      if (!fits) return deadlock();
      return leaving_work(
          completed(0, closes ? blocked_senders(jobs) : n, jobs, std::min(jobs, br + n)));
    }
  }
  return deadlock();
}

// One request of unbounded mode: every job gets its goroutine at once, so only the
// results channel can hold things up.
Expected expect_unbounded(const Scenario& s) {
  const std::int64_t jobs = s.load.jobs, br = s.pool.results_buffer;
  const std::int64_t k = resolved_collect_count(s);
  switch (s.pool.collect) {
    case Collect::AfterSend:
      if (k == kCollectUntilClosed) return deadlock();
      if (k < jobs) {
        return leaving_work(completed(k, std::max<std::int64_t>(0, jobs - k - br), jobs, jobs));
      }
      return completed(k, 0, jobs, jobs);
    case Collect::WaitThenRange:
      if (jobs > br) return deadlock();
      return completed(jobs, 0, jobs, jobs);
    case Collect::CloserGoroutine:
      return completed(jobs, 0, jobs, jobs);
    case Collect::ProducerGoroutine: {
      if (k == kCollectUntilClosed || k == jobs) return completed(jobs, 0, jobs, jobs);
      const auto blocked = std::max<std::int64_t>(0, jobs - k - br);
      return leaving_work(completed(k, blocked + (blocked > 0 ? 1 : 0), jobs, jobs));
    }
    case Collect::None:
      return leaving_work(completed(0, std::max<std::int64_t>(0, jobs - br), jobs, jobs));
  }
  return deadlock();
}

// The whole program: requests repeat the handler, and totals add up.
Expected expect(const Scenario& s) {
  if (s.pool.mode == Mode::Errgroup) {
    Expected e = completed(0, 0, s.load.jobs, 0);
    e.results.reset();
    e.jobs_done.reset();
    return e;
  }
  Expected e = s.pool.mode == Mode::Pool ? expect_pool(s) : expect_unbounded(s);
  const std::int64_t r = s.load.requests;
  for (auto* field : {&e.results, &e.leaked, &e.jobs_sent, &e.jobs_done}) {
    if (*field) **field *= r;
  }
  return e;
}

// The most jobs that may be in work at once, and whether the run must reach it.
std::int64_t concurrency_bound(const Scenario& s) {
  std::int64_t bound = s.pool.mode == Mode::Unbounded ? s.load.jobs : s.pool.workers;
  if (s.pool.resource_limit > 0) bound = std::min<std::int64_t>(bound, s.pool.resource_limit);
  return std::min<std::int64_t>(bound, s.load.jobs);
}

std::string failure_message(int job) { return "job " + std::to_string(job) + " failed"; }

void check_against_lesson(const GoProgramRun& r) {
  const auto& s = r.scenario;
  const auto e = expect(s);
  CAPTURE(r.name);
  INFO("stdout tail: ", r.run.stdout_text.substr(
                            r.run.stdout_text.size() > 400 ? r.run.stdout_text.size() - 400 : 0));
  INFO("stderr head: ", r.run.stderr_text.substr(0, 1200));
  REQUIRE(r.run.outcome == e.outcome);
  if (e.outcome == "deadlock") {
    CHECK(r.run.exit_status == 2);
    return;
  }
  if (e.results) CHECK(r.run.results == *e.results);
  if (e.leaked) CHECK(r.run.leaked == *e.leaked);
  if (e.leaves_work) {
    // Figures as of main's return: whatever main received was sent and done by then.
    if (e.jobs_sent) CHECK(r.run.jobs_sent <= *e.jobs_sent);
    if (e.jobs_done) CHECK(r.run.jobs_done <= *e.jobs_done);
    CHECK(r.run.results <= r.run.jobs_done);
    CHECK(r.run.jobs_done <= r.run.jobs_sent);
  } else {
    if (e.jobs_sent) CHECK(r.run.jobs_sent == *e.jobs_sent);
    if (e.jobs_done) CHECK(r.run.jobs_done == *e.jobs_done);
  }
  CHECK(r.run.max_concurrent <= concurrency_bound(s));
  // With jobs all available at once and work long enough, the bound is reached. CPU-bound
  // work is the exception: a worker needs one of the P CPUs even to start its job, so
  // Go guarantees only that P jobs (or the bound, if lower) are in work at once. And a
  // main that returns while the work goes on may return before it reaches the bound.
  if (s.load.rate == 0 && s.work.mean_ms >= 5 && s.pool.mode != Mode::Errgroup &&
      s.pool.collect != Collect::ProducerGoroutine && !e.leaves_work) {
    if (s.work.kind == WorkKind::Cpu) {
      CHECK(r.run.max_concurrent >= std::min<std::int64_t>(s.pool.cpus, concurrency_bound(s)));
    } else {
      CHECK(r.run.max_concurrent == concurrency_bound(s));
    }
  }
  if (s.pool.mode == Mode::Errgroup) {
    CHECK(r.run.completed_ok + r.run.failed + r.run.cancelled + r.run.skipped ==
          static_cast<std::int64_t>(s.load.jobs) * s.load.requests);
    CHECK(r.run.results == r.run.completed_ok);
    if (s.pool.fail_job > 0) {
      CHECK(r.run.error == failure_message(s.pool.fail_job));
      CHECK(r.run.failed == s.load.requests);
    } else {
      CHECK(r.run.error.empty());
      CHECK(r.run.completed_ok == static_cast<std::int64_t>(s.load.jobs) * s.load.requests);
    }
  }
}

// [SECTION] scenarios

Scenario base(std::string id, int workers, int jobs, int jobs_buffer, int results_buffer) {
  Scenario s;
  s.id = std::move(id);
  s.pool.workers = workers;
  s.load.jobs = jobs;
  s.pool.jobs_buffer = jobs_buffer;
  s.pool.results_buffer = results_buffer;
  // 20 ms of work: long enough that, on a loaded machine, every worker has taken a job
  // before the first one finishes (the max_concurrent == bound check relies on it).
  s.work.mean_ms = 20;
  return s;
}

// A preset with its times shrunk (work at most `mean_ms`, endless loads at most 1 s)
// and its payloads capped at 4 KiB, so Go runs it in well under a second.
Scenario scaled_for_go(Scenario s, double mean_ms) {
  double f = 1.0;
  if (s.work.mean_ms > mean_ms) f = mean_ms / s.work.mean_ms;
  if (s.load.duration_s * f > 1.0) f = 1.0 / s.load.duration_s;
  s.work.mean_ms *= f;
  s.load.rate /= f;
  s.load.duration_s *= f;
  s.work.payload_kb = std::min(s.work.payload_kb, 4);
  return s;
}

const GoProgramRun& find_run(const std::vector<GoProgramRun>& runs, std::string_view id) {
  for (const auto& r : runs) {
    if (r.scenario.id == id) return r;
  }
  FAIL("no run for ", id);
  return runs.front();
}

}  // namespace

TEST_CASE("Go parity: every preset does in Go what its lesson says") {
  std::vector<Scenario> scenarios;
  for (const auto& p : poolscope::test::builtin_presets()) {
    scenarios.push_back(scaled_for_go(p, p.pool.mode == Mode::Errgroup ? 40.0 : 20.0));
  }
  const auto runs = run_in_go("presets", scenarios);
  for (const auto& r : runs) {
    if (r.scenario.id == "queueing") continue;  // endless: checked below
    check_against_lesson(r);
  }

  {
    INFO("hello-pool: 3 workers, 5 results, nothing left behind");
    const auto& r = find_run(runs, "hello-pool").run;
    CHECK(r.results == 5);
    CHECK(r.leaked == 0);
    CHECK(r.max_concurrent == 3);
  }
  {
    INFO("forgot-close: 3 workers leak per request, each waiting on range jobs");
    const auto& r = find_run(runs, "forgot-close");
    CHECK(r.run.leaked == 3 * 5);
    REQUIRE(r.run.goroutines.size() == 15);
    for (const auto& g : r.run.goroutines) {
      CHECK(g.state == "chan receive");
      CHECK(g.line == r.program.line(Anchor::WorkerRange));
    }
  }
  {
    INFO("results-deadlock: main waits to send while every worker waits to send a result");
    const auto& r = find_run(runs, "results-deadlock");
    CHECK(r.run.outcome == "deadlock");
    REQUIRE(r.run.goroutines.size() == 4);
    for (const auto& g : r.run.goroutines) {
      CHECK(g.state == "chan send");
      CHECK(g.line == (g.id == 1 ? r.program.line(Anchor::MainSendJob)
                                 : r.program.line(Anchor::WorkerSendResult)));
    }
  }
  {
    INFO("size-to-bottleneck: never more than 5 jobs hold a connection");
    CHECK(find_run(runs, "size-to-bottleneck").run.max_concurrent == 5);
  }
  {
    INFO("errgroup-limit: 3 succeed, job 4 fails, 2 are cancelled, 4 are skipped");
    const auto& r = find_run(runs, "errgroup-limit").run;
    CHECK(r.error == "job 4 failed");
    CHECK(r.completed_ok == 3);
    CHECK(r.failed == 1);
    CHECK(r.cancelled == 2);
    CHECK(r.skipped == 4);
  }
  {
    INFO("unbounded-vs-pool: 10,000 uploads all come back");
    const auto& r = find_run(runs, "unbounded-vs-pool").run;
    CHECK(r.results == 10'000);
    CHECK(r.leaked == 0);
    CHECK(r.max_concurrent > 20);
  }
  {
    INFO("queueing: an endless load stops at its duration and every job comes back");
    const auto& r = find_run(runs, "queueing").run;
    CHECK(r.outcome == "completed");
    CHECK(r.jobs_sent > 100);
    CHECK(r.results == r.jobs_sent);
    CHECK(r.jobs_done == r.jobs_sent);
    CHECK(r.leaked == 0);
    CHECK(r.max_concurrent <= 4);
  }
}

TEST_CASE(
    "Go parity: after_send deadlocks exactly when jobs > workers + cap(jobs) + "
    "cap(results)") {
  std::vector<Scenario> scenarios;
  for (int workers = 1; workers <= 4; ++workers) {
    for (const auto& [bj, br] : {std::pair{0, 0}, std::pair{1, 5}, std::pair{5, 1}}) {
      const int capacity = workers + bj + br;
      for (const int jobs : {capacity, capacity + 1}) {
        auto s = base("boundary", workers, jobs, bj, br);
        s.pool.close_jobs = workers % 2 == 1;
        s.load.requests = bj == 1 ? 2 : 1;
        scenarios.push_back(s);
      }
    }
  }
  const auto runs = run_in_go("after-send-boundary", scenarios);
  int deadlocks = 0;
  for (const auto& r : runs) {
    check_against_lesson(r);
    const auto& s = r.scenario;
    const bool over = s.load.jobs > s.pool.workers + s.pool.jobs_buffer + s.pool.results_buffer;
    CHECK((r.run.outcome == "deadlock") == over);
    deadlocks += over ? 1 : 0;
  }
  CHECK(deadlocks == 12);
}

TEST_CASE("Go parity: every collection strategy, with and without close(jobs)") {
  struct Shape {
    int workers, jobs, jobs_buffer, results_buffer;
  };
  const Shape shapes[] = {{3, 4, 5, 0}, {1, 5, 0, 5}, {4, 8, 1, 1}, {2, 3, 0, 0}};
  std::vector<Scenario> scenarios;
  for (const auto collect : {Collect::AfterSend, Collect::WaitThenRange, Collect::CloserGoroutine,
                             Collect::ProducerGoroutine, Collect::None}) {
    for (const bool closes : {true, false}) {
      for (const auto& shape : shapes) {
        auto s = base(std::string(name(collect)), shape.workers, shape.jobs, shape.jobs_buffer,
                      shape.results_buffer);
        s.pool.collect = collect;
        s.pool.close_jobs = closes;
        scenarios.push_back(s);
      }
    }
  }
  // Early returns: main stops after k results and leaves the rest behind.
  for (const bool closes : {true, false}) {
    for (const int k : {1, 3}) {
      auto p = base("producer-early", 2, 9, 1, 1);
      p.pool.collect = Collect::ProducerGoroutine;
      p.pool.collect_count = k;
      p.pool.close_jobs = closes;
      scenarios.push_back(p);
      auto a = base("after-send-early", 3, 6, 2, 1);
      a.pool.collect_count = k;
      a.pool.close_jobs = closes;
      scenarios.push_back(a);
    }
  }
  auto small = base("producer-early-fits", 2, 4, 0, 5);
  small.pool.collect = Collect::ProducerGoroutine;
  small.pool.collect_count = 2;
  scenarios.push_back(small);
  auto unclosed = base("range-unclosed-results", 2, 3, 5, 5);
  unclosed.pool.collect_count = kCollectUntilClosed;
  scenarios.push_back(unclosed);
  auto senders = base("three-senders", 3, 12, 2, 12);
  senders.load.producers = 3;
  senders.pool.collect = Collect::CloserGoroutine;
  scenarios.push_back(senders);

  const auto runs = run_in_go("collect", scenarios);
  for (const auto& r : runs) check_against_lesson(r);

  {
    INFO("ranging over results that nobody closes leaves main waiting on the range");
    const auto& r = find_run(runs, "range-unclosed-results");
    REQUIRE(r.run.outcome == "deadlock");
    bool main_found = false;
    for (const auto& g : r.run.goroutines) {
      if (g.id != 1) continue;
      main_found = true;
      CHECK(g.line == r.program.line(Anchor::MainRecvResult));
    }
    CHECK(main_found);
  }
}

TEST_CASE("Go parity: one goroutine per job, with every collection strategy") {
  std::vector<Scenario> scenarios;
  for (const auto collect : {Collect::AfterSend, Collect::WaitThenRange, Collect::CloserGoroutine,
                             Collect::ProducerGoroutine, Collect::None}) {
    for (const int results_buffer : {0, 6}) {
      auto s = base(std::string(name(collect)), 1, 6, 0, results_buffer);
      s.pool.mode = Mode::Unbounded;
      s.pool.collect = collect;
      scenarios.push_back(s);
    }
  }
  for (const auto collect : {Collect::AfterSend, Collect::ProducerGoroutine}) {
    auto s = base("unbounded-early", 1, 6, 0, 1);
    s.pool.mode = Mode::Unbounded;
    s.pool.collect = collect;
    s.pool.collect_count = 2;
    scenarios.push_back(s);
  }
  const auto runs = run_in_go("unbounded", scenarios);
  for (const auto& r : runs) check_against_lesson(r);
}

TEST_CASE("Go parity: errgroup returns the first error and accounts for every job") {
  std::vector<Scenario> scenarios;
  for (int limit = 1; limit <= 3; ++limit) {
    for (const int fail : {0, 2}) {
      auto s = base("errgroup", limit, 7, 0, 0);
      s.pool.mode = Mode::Errgroup;
      s.pool.fail_job = fail;
      s.work.mean_ms = 40;
      scenarios.push_back(s);
    }
  }
  const auto runs = run_in_go("errgroup", scenarios);
  for (const auto& r : runs) {
    check_against_lesson(r);
    const auto& s = r.scenario;
    if (s.pool.fail_job == 0) continue;
    // With equal work times jobs run in waves of `limit`: waves before the failing
    // job's complete, the rest of its wave is cancelled, later jobs start after the
    // cancel and skip.
    const int n = s.pool.workers, jobs = s.load.jobs;
    const int wave = (s.pool.fail_job + n - 1) / n;
    const int before = (wave - 1) * n;
    const int in_wave = std::min(n, jobs - before);
    CAPTURE(r.name);
    CHECK(r.run.completed_ok == before);
    CHECK(r.run.failed == 1);
    CHECK(r.run.cancelled == in_wave - 1);
    CHECK(r.run.skipped == jobs - before - in_wave);
  }
}

TEST_CASE("Go parity: a resource limit, CPU-bound work and random timings keep the bounds") {
  std::vector<Scenario> scenarios;
  auto pool = base("db-pool", 4, 8, 8, 8);
  pool.pool.resource_limit = 2;
  scenarios.push_back(pool);
  auto unbounded = base("db-unbounded", 1, 8, 0, 8);
  unbounded.pool.mode = Mode::Unbounded;
  unbounded.pool.collect = Collect::CloserGoroutine;
  unbounded.pool.resource_limit = 3;
  scenarios.push_back(unbounded);
  auto errgroup = base("db-errgroup", 4, 8, 0, 0);
  errgroup.pool.mode = Mode::Errgroup;
  errgroup.pool.resource_limit = 2;
  scenarios.push_back(errgroup);
  auto cpu = base("cpu", 3, 6, 6, 6);
  cpu.work.kind = WorkKind::Cpu;
  cpu.pool.cpus = 2;
  scenarios.push_back(cpu);
  auto poisson = base("poisson-exponential", 3, 20, 2, 20);
  poisson.load.rate = 400;
  poisson.load.arrival = Arrival::Poisson;
  poisson.work.dist = WorkDist::Exponential;
  poisson.pool.collect = Collect::ProducerGoroutine;
  scenarios.push_back(poisson);
  auto burst = base("burst-uniform", 2, 12, 0, 0);
  burst.load.rate = 500;
  burst.load.arrival = Arrival::Burst;
  burst.load.burst_size = 4;
  burst.load.producers = 2;
  burst.work.dist = WorkDist::Uniform;
  burst.pool.collect = Collect::ProducerGoroutine;
  scenarios.push_back(burst);
  auto instant = base("instant-work", 2, 50, 1, 0);
  instant.work.mean_ms = 0;
  instant.pool.collect = Collect::CloserGoroutine;
  instant.pool.results_buffer = 50;
  scenarios.push_back(instant);
  auto endless = base("endless-errgroup", 2, 0, 0, 0);
  endless.pool.mode = Mode::Errgroup;
  endless.load.duration_s = 0.2;
  endless.load.rate = 200;
  scenarios.push_back(endless);

  const auto runs = run_in_go("bounds", scenarios);
  for (const auto& r : runs) {
    if (r.scenario.load.jobs == 0) {
      CAPTURE(r.name);
      CHECK(r.run.outcome == "completed");
      CHECK(r.run.jobs_sent > 10);
      CHECK(r.run.results == r.run.jobs_sent);
      CHECK(r.run.max_concurrent <= 2);
      continue;
    }
    check_against_lesson(r);
  }
  CHECK(find_run(runs, "db-pool").run.max_concurrent == 2);
  CHECK(find_run(runs, "db-unbounded").run.max_concurrent == 3);
  CHECK(find_run(runs, "db-errgroup").run.max_concurrent == 2);
}
