#include "core/scenario/presets.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "core/scenario/go_template.hpp"
#include "core/scenario/keys.hpp"
#include "core/util/read_file.hpp"

namespace poolscope::scenario {

namespace {

Scenario lesson(std::string id, std::string title, std::string summary) {
  Scenario s;
  s.id = std::move(id);
  s.title = std::move(title);
  s.summary = std::move(summary);
  return s;
}

// Beyond the seed: M/M/4 at utilisation 0.9 (36 jobs/s into 4 x 10 jobs/s): the queue
// grows long and slow to drain, as queueing theory predicts.
Scenario queueing() {
  Scenario s = lesson("queueing", "Queueing near full utilisation",
                      "Random arrivals at 90% of the pool's capacity: the queue swings long. "
                      "Compare with load.rate 20 (50%).");
  s.pool.workers = 4;
  s.pool.collect = Collect::ProducerGoroutine;
  s.pool.jobs_buffer = 1000;
  s.load.jobs = 0;
  s.load.duration_s = 60.0;
  s.load.rate = 36.0;
  s.load.arrival = Arrival::Poisson;
  s.work.mean_ms = 100.0;
  s.work.dist = WorkDist::Exponential;
  // A run whose swings tell the lesson (assets/lessons/queueing.json quotes it): 19 jobs
  // wait at 10 s, none at 13 s, 55 at 56 s; at load.rate 20 at most 5.
  s.seed = 2;
  return s;
}

std::vector<Scenario> make_presets() {
  std::vector<Scenario> all;

  // 1. The seed's example as it stands: 3 workers, 5 jobs, both channels buffered 100.
  all.push_back(lesson("hello-pool", "Hello, worker pool",
                       "Three workers share five jobs through a channel; close(jobs) tells them "
                       "there is no more work, and main collects five results."));

  // 2. Jobs arrive at 10/s but 3 workers of 500 ms finish only 6/s: the 5-slot buffer
  //    fills, then main waits at `jobs <- j` until a worker frees a slot.
  {
    Scenario s = lesson("backpressure", "Backpressure",
                        "Jobs arrive faster than three workers finish them: the jobs buffer "
                        "fills and the sender waits. Try jobs_buffer 0 and 100.");
    s.pool.jobs_buffer = 5;
    s.load.jobs = 30;
    s.load.rate = 10.0;
    s.work.mean_ms = 500.0;
    all.push_back(s);
  }

  // 3. The thumbnail service: 10,000 uploads of 1 MiB at once, one goroutine each
  //    (10,000 goroutines and about 10 GiB held); pool mode keeps 20 in work.
  {
    Scenario s = lesson("unbounded-vs-pool", "One goroutine per upload, or a pool of 20",
                        "10,000 uploads at once: one goroutine each holds every image in "
                        "memory; set pool.mode to \"pool\" and 20 workers hold 20.");
    s.pool.mode = Mode::Unbounded;
    s.pool.collect = Collect::ProducerGoroutine;
    s.pool.workers = 20;
    s.load.jobs = 10'000;
    s.work.mean_ms = 100.0;
    s.work.payload_kb = 1024;
    all.push_back(s);
  }

  // 4. The seed's pool without close(jobs), handling 5 requests: each leaves its 3
  //    workers blocked on `range jobs`, so 15 goroutines leak and nothing crashes.
  {
    Scenario s = lesson("forgot-close", "Forgot to close(jobs)",
                        "Without close(jobs) every worker waits on range jobs forever: 3 "
                        "goroutines leak per request, and nothing crashes to tell you.");
    s.pool.close_jobs = false;
    s.load.requests = 5;
    s.work.mean_ms = 200.0;
    all.push_back(s);
  }

  // 5. 10 jobs > 3 workers + cap(jobs) 2 + cap(results) 0: main blocks sending job 6
  //    while every worker blocks sending a result nobody reads yet.
  {
    Scenario s = lesson("results-deadlock", "Deadlock: results nobody reads yet",
                        "Main sends all 10 jobs before reading a result; 3 workers + 2 job slots "
                        "+ 0 result slots hold only 5. Fix: results_buffer 5, or collect "
                        "\"producer_goroutine\".");
    s.pool.jobs_buffer = 2;
    s.pool.results_buffer = 0;
    s.load.jobs = 10;
    s.work.mean_ms = 300.0;
    all.push_back(s);
  }

  // 6. 10 workers share a database of 5 connections: 5 work, 5 wait for a connection;
  //    throughput plateaus at 5 / 100 ms whatever the worker count above 5.
  {
    Scenario s = lesson("size-to-bottleneck", "Size the pool to the bottleneck",
                        "Ten workers share a database of five connections: only five ever "
                        "work. Sweep pool.workers 1..30 and watch throughput stop at five.");
    s.pool.workers = 10;
    s.pool.resource_limit = 5;
    s.load.jobs = 100;
    s.work.mean_ms = 100.0;
    all.push_back(s);
  }

  // 7. errgroup with SetLimit(3): jobs 1-3 succeed, 4-6 start at 1 s, job 4 fails at
  //    1.5 s and cancels 5 and 6 mid-work; 7-10 start after the cancel and skip.
  {
    Scenario s = lesson("errgroup-limit", "errgroup with SetLimit",
                        "g.Go blocks while 3 jobs run; job 4 fails halfway, the context is "
                        "cancelled, running jobs stop, later ones skip, and Wait returns the "
                        "error.");
    s.pool.mode = Mode::Errgroup;
    s.pool.fail_job = 4;
    s.load.jobs = 10;
    all.push_back(s);
  }

  all.push_back(queueing());

  // 9. The learner's own pool: the "New program" template in the editor, where the lesson
  //    asks for the classic mistakes on purpose (assets/lessons/your-own-pool.json).
  {
    Scenario s = lesson("your-own-pool", "Write your own pool",
                        "The seed's pool as Go code you edit and run: break it on purpose "
                        "and watch what Go does.");
    s.source = std::string(worker_pool_template());
    all.push_back(std::move(s));
  }
  return all;
}

}  // namespace

std::span<const Scenario> presets() {
  static const std::vector<Scenario> kPresets = make_presets();
  return kPresets;
}

Result<Scenario> find_preset(std::string_view id) {
  std::vector<std::string_view> ids;
  for (const auto& p : presets()) {
    if (p.id == id) return p;
    ids.push_back(p.id);
  }
  std::string message = fmt::format("unknown preset \"{}\"", util::printable(id));
  if (const auto near = nearest(id, ids)) message += fmt::format("; did you mean \"{}\"?", *near);
  message += fmt::format(" (presets: {})", fmt::join(ids, ", "));
  return Error{"", std::move(message)};
}

}  // namespace poolscope::scenario
