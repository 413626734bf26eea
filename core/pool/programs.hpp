#pragma once
// PoolProgram: the worker-pool programs as goroutines on core/sim. Internal to
// core/pool; PoolRun (pool_run.hpp) is the interface.
//
// Index
//   [SECTION] What the program counts (the Go export's stats)
//   [SECTION] One request: the channels and the pool of one handle() call
//   [SECTION] PoolProgram
//
// - Each goroutine body mirrors its part of export_go(scenario) statement by statement:
//   every blocking operation and every rt.at() carries the line of the statement it
//   stands for (ProgramLines), so a goroutine's current line is a line of the listing.
// - The program says what it spawns and makes: go() and make_chan() / make_semaphore()
//   take the goroutine's Role or the channel's use (roles.hpp), and tell the Metrics
//   which channels are the jobs and results queues.
// - Job ids: request r's job j is (r - 1) * load.jobs + j, so ids are unique across
//   requests and equal to j in the first. Endless loads use a stride of
//   kEndlessJobStride per request. Channels carry j (and results j * 2), as in Go.
// - Randomness (work times, Poisson gaps) comes from the runtime's rng() in the order
//   the goroutines draw it; the scheduler is deterministic, so the order is too.
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/pool/metrics.hpp"
#include "core/pool/pool_run.hpp"
#include "core/pool/program_lines.hpp"
#include "core/pool/roles.hpp"
#include "core/scenario/go_export.hpp"
#include "core/scenario/scenario.hpp"
#include "core/sim/runtime.hpp"
#include "core/trace/sink.hpp"

namespace poolscope::pool::detail {

inline constexpr std::int64_t kEndlessJobStride = 1'000'000'000;

// [SECTION] What the program counts --------------------------------------------------

// The same figures, with the same meaning, as the exported program's stats (see
// go_export.hpp): counted where the Go program calls stats.*.
struct Counts {
  std::int64_t results = 0;       // results main received (errgroup: jobs that succeeded)
  std::int64_t jobs_sent = 0;     // jobs sent on jobs, spawned, or passed to g.Go
  std::int64_t jobs_done = 0;     // jobs whose work ran to its end
  std::int64_t completed_ok = 0;  // errgroup: process returned no error
  std::int64_t cancelled = 0;     // errgroup: process returned ctx.Err()
  std::int64_t skipped = 0;       // errgroup: the context was cancelled before it started
  std::int64_t failed = 0;        // errgroup: process returned its own error
  std::string error;              // the first error a request's g.Wait returned
};

// What the program shows when main returns, where a Go program ends (the export's
// stats.report() reads its figures there too): taken by main as its last statement.
struct MainReturn {
  trace::Time time = 0;
  Counts counts;
  Figures figures;  // Metrics::figures(time)
  double latency_p50_ms = 0;
  double latency_p99_ms = 0;
};

// [SECTION] One request --------------------------------------------------------------

enum class WorkerState : std::uint8_t { Active, Retiring, Exited };

struct WorkerSlot {
  std::int64_t index = 0;  // w in `go worker(w, ...)`
  sim::Context quit;       // cancelled to retire the worker (resizable pools only)
  WorkerState state = WorkerState::Active;
};

// The state of one handle() call. Goroutines keep a pointer to it (leaked ones
// forever), so requests live in a deque and are never removed.
struct Request {
  int number = 0;           // r, from 1
  std::int64_t offset = 0;  // job id = offset + j
  trace::Time deadline = 0;
  sim::Chan jobs;
  sim::Chan results;
  sim::Chan db;
  sim::WaitGroup wg;  // the workers' (or job goroutines') WaitGroup; id 0: none
  bool jobs_closed = false;
  bool live = false;  // the pool runs: workers spawned, handle() not returned
  std::vector<WorkerSlot> workers;
  // errgroup mode: the Group and its context
  sim::Context ctx;
  sim::Chan sem;
  sim::WaitGroup group_wg;
  bool has_error = false;
  std::string group_error;
};

// [SECTION] PoolProgram --------------------------------------------------------------

class PoolProgram {
 public:
  // Precondition: validate(scenario) is empty. Spawns main; nothing runs yet.
  PoolProgram(const scenario::Scenario& scenario, const PoolRunOptions& options);
  PoolProgram(const PoolProgram&) = delete;
  PoolProgram& operator=(const PoolProgram&) = delete;

  [[nodiscard]] const scenario::Scenario& scenario() const noexcept { return scenario_; }
  [[nodiscard]] const scenario::GoProgram& program() const noexcept { return program_; }
  [[nodiscard]] const ProgramLines& lines() const noexcept { return lines_; }
  [[nodiscard]] sim::Runtime& runtime() noexcept { return rt_; }
  [[nodiscard]] const sim::Runtime& runtime() const noexcept { return rt_; }
  [[nodiscard]] const Metrics& metrics() const noexcept { return metrics_; }
  [[nodiscard]] const Roles& roles() const noexcept { return roles_; }
  [[nodiscard]] const Counts& counts() const noexcept { return counts_; }
  [[nodiscard]] std::uint64_t event_hash() const noexcept { return sinks_.hash.hash(); }
  // Null until main returned.
  [[nodiscard]] const MainReturn* main_return() const noexcept {
    return main_returned_ ? &main_return_ : nullptr;
  }

  bool set_workers(int workers);
  void set_rate(double jobs_per_second);

 private:
  // Every event goes to the hash, the metrics and the caller's sink, in that order.
  struct Sinks final : trace::EventSink {
    explicit Sinks(trace::EventSink* extra_sink) : extra(extra_sink) {}
    void on_event(const trace::Event& e) override;
    trace::HashSink hash;
    Metrics* metrics = nullptr;
    trace::EventSink* extra;
  };
  // Who runs a sending or spawning loop; it decides the lines the loop stands on.
  enum class Runner : std::uint8_t { Main, Producer, Sender };
  enum class WorkResult : std::uint8_t { Ok, Failed, Cancelled };

  // Durations as the Go listing writes them (rounded to the microsecond). Random ones are
  // job j's own draws (sim::keyed_uniform), as the listing's workTime(j) and arrive(j)
  // compute them: the same values whatever order the jobs run in.
  [[nodiscard]] trace::Time work_time(std::int64_t j) const;
  [[nodiscard]] trace::Time arrival_gap(std::int64_t j, int senders);
  [[nodiscard]] bool has_work_time() const noexcept { return mean_work_ > 0; }
  [[nodiscard]] bool endless() const noexcept { return scenario_.load.jobs == 0; }
  [[nodiscard]] bool jobs_left(const Request& q, std::int64_t j) const noexcept;
  [[nodiscard]] bool uses_wg() const noexcept;
  Request& begin_request(int number);
  // `go f()` and `make(chan ...)`, saying what the goroutine or the channel is.
  trace::GoroutineId go(Role role, std::string_view name, std::int64_t index, sim::Go body,
                        int line);
  trace::GoroutineId go(Role role, std::string_view name, sim::Go body, int line);
  sim::Chan make_chan(ChannelUse use, std::int64_t cap, std::string_view name, int line);
  sim::Chan make_semaphore(ChannelUse use, std::int64_t n, std::string_view name, int line);
  // The workers setting, announced in a Config event "workers" and told to the Metrics.
  void announce_workers(int workers);
  void spawn_worker(Request& q, int line, bool join_wg);
  void note_main_return();

  // The goroutines and the functions they call, in listing order.
  static sim::Go main_body(PoolProgram& p);
  static sim::Go handle_pool(PoolProgram& p, int number);
  static sim::Go handle_unbounded(PoolProgram& p, int number);
  static sim::Go handle_errgroup(PoolProgram& p, int number);
  static sim::Go worker(PoolProgram& p, Request* q, std::size_t slot, bool join_wg);
  static sim::Go resizable_range(PoolProgram& p, Request* q, std::size_t slot);
  static sim::Go do_job(PoolProgram& p, Request* q, std::int64_t j, bool in_worker);
  static sim::Go send_jobs(PoolProgram& p, Request* q, Runner runner);
  static sim::Go sender(PoolProgram& p, Request* q, int first, sim::WaitGroup senders);
  static sim::Go send_loop(PoolProgram& p, Request* q, int first, int step, Runner runner);
  static sim::Go spawn_jobs(PoolProgram& p, Request* q, Runner runner);
  static sim::Go job(PoolProgram& p, Request* q, std::int64_t j);
  static sim::Go producer(PoolProgram& p, Request* q);
  static sim::Go closer(PoolProgram& p, Request* q);
  static sim::Go collect(PoolProgram& p, Request* q);
  static sim::Go range_results(PoolProgram& p, Request* q, std::int64_t stop_after);
  static sim::Go group_job(PoolProgram& p, Request* q, std::int64_t j);
  static sim::Go process(PoolProgram& p, Request* q, std::int64_t j, WorkResult* result);

  scenario::Scenario scenario_;
  scenario::GoProgram program_;
  ProgramLines lines_;
  Sinks sinks_;
  sim::Runtime rt_;
  Metrics metrics_;
  Roles roles_;
  bool resizable_;
  trace::Time mean_work_ = 0;  // work.mean_ms in ns, rounded as the listing rounds it
  int workers_;                // the workers setting now (live)
  double rate_;                // load.rate now (live)
  std::deque<Request> requests_;
  Counts counts_;
  MainReturn main_return_;
  bool main_returned_ = false;
};

}  // namespace poolscope::pool::detail
