// poolscope-bench_engine: how fast is the simulator, and how much memory does it need?
//
// The pool of the lesson at scale: a producer sends N jobs into `jobs` (cap 100) and
// closes it; W workers range over jobs, each doing CPU work of an exponentially
// distributed duration (mean 1 ms, GOMAXPROCS = W) and sending a result into
// `results` (cap 100); main collects N results. Measured in one run, medians of 5:
//   - the engine with events off;
//   - the engine with events into an EventLog ring of 65,536 events (the app's setup);
//   - the same plus a folded snapshot every 4,096 events (scrubbing support);
//   - a minimal hand-written priority-queue simulation of the same pool.
// Both simulations draw the same durations in the same order, so their virtual
// makespans must agree: a check that they simulate the same thing.
//
// Usage: poolscope-bench_engine [jobs=1000000] [workers=8] [runs=5]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <queue>
#include <string>
#include <vector>

#include "core/sim/runtime.hpp"
#include "core/trace/event_log.hpp"
#include "core/util/process.hpp"

namespace {

using poolscope::sim::Chan;
using poolscope::sim::Go;
using poolscope::sim::JobPhase;
using poolscope::sim::Rng;
using poolscope::sim::Runtime;
using poolscope::sim::Time;

constexpr double kMeanWork = 1e6;  // 1 ms in ns
constexpr std::uint64_t kSeed = 2024;

Time work_time(Rng& rng) { return static_cast<Time>(rng.exponential(kMeanWork)) + 1; }

// [SECTION] The pool on the engine ---------------------------------------------------

Go worker(Runtime& rt, Chan jobs, Chan results) {
  while (auto j = co_await rt.recv(jobs, 9)) {
    rt.job(JobPhase::Started, j.value, 10);
    co_await rt.cpu(work_time(rt.rng()), 11);
    co_await rt.send(results, j.value * 2, 12);
    rt.job(JobPhase::Done, j.value, 12);
  }
}

Go producer(Runtime& rt, Chan jobs, std::int64_t n) {
  for (std::int64_t j = 1; j <= n; ++j) co_await rt.send(jobs, j, 18);
  co_await rt.close(jobs, 20);
}

Go pool_main(Runtime& rt, std::int64_t n, int workers, std::int64_t* checksum) {
  const Chan jobs = rt.make_chan(100, "jobs", poolscope::sim::ChanRole::Plain, 24);
  const Chan results = rt.make_chan(100, "results", poolscope::sim::ChanRole::Plain, 25);
  for (int w = 1; w <= workers; ++w) rt.spawn("worker", w, worker(rt, jobs, results), 27);
  rt.spawn("producer", producer(rt, jobs, n), 29);
  for (std::int64_t a = 1; a <= n; ++a) *checksum += (co_await rt.recv(results, 31)).value;
}

struct Run {
  double seconds = 0;
  std::uint64_t events = 0;
  Time makespan = 0;
  std::int64_t checksum = 0;
  long rss_kib = 0;
};

// Resets the kernel's peak-RSS mark so each mode reports its own peak (Linux >= 4.0).
void reset_peak_rss() { std::ofstream("/proc/self/clear_refs") << "5"; }

enum class Mode { EventsOff, Ring, RingSnapshots };

Run run_engine(Mode mode, std::int64_t n, int workers) {
  reset_peak_rss();
  Run r;
  poolscope::trace::EventLog log(
      {.capacity = 65536, .snapshot_every = mode == Mode::RingSnapshots ? 4096U : 0U});
  poolscope::sim::Config config;
  config.seed = kSeed;
  config.procs = workers;
  const auto start = std::chrono::steady_clock::now();
  {
    Runtime rt(config, mode == Mode::EventsOff ? nullptr : &log);
    rt.spawn_main(pool_main(rt, n, workers, &r.checksum));
    rt.run();
    r.makespan = rt.now();
    r.events = rt.events_emitted();
    if (rt.outcome() != poolscope::trace::Outcome::Completed) std::abort();
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.rss_kib = poolscope::util::peak_rss_kib();
  return r;
}

// [SECTION] The same pool, hand-written ----------------------------------------------

// Only pending completions live in the heap; free workers take the next job at once.
Run run_minimal(std::int64_t n, int workers) {
  reset_peak_rss();
  Run r;
  const auto start = std::chrono::steady_clock::now();
  Rng rng(kSeed);
  struct Completion {
    Time when;
    std::uint64_t order;
    std::int64_t job;
    bool operator>(const Completion& o) const {
      return when != o.when ? when > o.when : order > o.order;
    }
  };
  std::priority_queue<Completion, std::vector<Completion>, std::greater<>> heap;
  std::uint64_t order = 0;
  std::int64_t next_job = 1;
  for (int w = 0; w < workers && next_job <= n; ++w) {
    heap.push({work_time(rng), ++order, next_job++});
  }
  while (!heap.empty()) {
    const Completion c = heap.top();
    heap.pop();
    ++r.events;
    r.makespan = c.when;
    r.checksum += c.job * 2;
    if (next_job <= n) heap.push({c.when + work_time(rng), ++order, next_job++});
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.rss_kib = poolscope::util::peak_rss_kib();
  return r;
}

Run median(std::vector<Run> runs) {
  std::sort(runs.begin(), runs.end(),
            [](const Run& a, const Run& b) { return a.seconds < b.seconds; });
  return runs[runs.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
  const int workers = argc > 2 ? std::atoi(argv[2]) : 8;
  const int runs = argc > 3 ? std::atoi(argv[3]) : 5;

  std::vector<Run> minimal, off, ring, snaps;
  for (int i = 0; i < runs; ++i) {
    minimal.push_back(run_minimal(n, workers));
    off.push_back(run_engine(Mode::EventsOff, n, workers));
    ring.push_back(run_engine(Mode::Ring, n, workers));
    snaps.push_back(run_engine(Mode::RingSnapshots, n, workers));
  }
  const Run m = median(minimal);
  std::printf(
      "pool: %lld jobs, %d workers, jobs cap 100, results cap 100, GOMAXPROCS %d, "
      "medians of %d runs\n\n",
      static_cast<long long>(n), workers, workers, runs);
  std::printf("%-34s %9s %12s %12s %10s %9s %10s\n", "simulation", "wall s", "events/s", "jobs/s",
              "ev/job", "vs min", "peak RSS");
  const auto row = [&](const char* name, const Run& r) {
    std::printf("%-34s %9.3f %12.3e %12.3e %10.2f %8.2fx %7.1f MiB\n", name, r.seconds,
                static_cast<double>(r.events) / r.seconds, static_cast<double>(n) / r.seconds,
                static_cast<double>(r.events) / static_cast<double>(n), r.seconds / m.seconds,
                static_cast<double>(r.rss_kib) / 1024.0);
  };
  row("minimal priority-queue simulation", m);
  row("engine, events off", median(off));
  row("engine, events -> ring (64K)", median(ring));
  row("engine, ring + snapshot every 4096", median(snaps));
  const Run e = median(ring);
  std::printf("\nsame pool: virtual makespan %.6f s (engine) vs %.6f s (minimal), checksum %s\n",
              static_cast<double>(e.makespan) / 1e9, static_cast<double>(m.makespan) / 1e9,
              e.checksum == m.checksum ? "equal" : "DIFFERENT");
  std::printf("goals: >= 5e6 events/s: %s; 1M jobs < 1 s: %s; RSS < 32 MiB: %s\n",
              static_cast<double>(e.events) / e.seconds >= 5e6 ? "yes" : "NO",
              e.seconds * 1e6 / static_cast<double>(n) < 1.0 ? "yes" : "NO",
              e.rss_kib < 32L * 1024 ? "yes" : "NO");
  return e.makespan == m.makespan && e.checksum == m.checksum ? 0 : 1;
}
