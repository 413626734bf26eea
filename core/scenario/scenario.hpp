#pragma once
// Scenario: every setting of one worker-pool run, as a plain struct.
//
// - A Scenario describes a Go program (the listing that export_go() writes) and the load
//   it handles. The simulator (core/pool) and the Go export read the same fields and
//   must give them the same meaning; the meaning is written next to each field below.
// - Defaults are the seed lesson's own example: 3 workers, 5 jobs, `jobs` and `results`
//   buffered 100, `close(jobs)`, main collecting the 5 results after sending.
// - Fields hold values only. Ranges, JSON names and help texts live in one table
//   (keys.hpp); validate() (scenario_json.hpp) checks a Scenario against it.
// - Settings that a mode does not use are kept, not cleared, so a learner can switch
//   mode and back without losing them; the field comments say which mode reads what.
//
// Index:
// [SECTION] Choices (enums) and their names
// [SECTION] Settings groups: PoolSettings, LoadSettings, WorkSettings
// [SECTION] Scenario
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace poolscope::scenario {

//-----------------------------------------------------------------------------
// [SECTION] Choices (enums) and their names
//-----------------------------------------------------------------------------

// How the jobs run (key pool.mode).
enum class Mode {
  Pool,       // "pool": N workers, each `for j := range jobs { work(j); results <- j * 2 }`
  Unbounded,  // "unbounded": one goroutine per job, tracked by a sync.WaitGroup
  Errgroup,   // "errgroup": errgroup.WithContext + SetLimit(N), g.Go per job, g.Wait()
};

// How the handler gathers results (key pool.collect). Pool and unbounded modes only;
// errgroup mode stores each job's result in a slice and reads it after g.Wait().
enum class Collect {
  AfterSend,          // "after_send": send every job, close(jobs), then receive collect_count
                      // results (the seed's example)
  WaitThenRange,      // "wait_then_range": send every job, close(jobs), wg.Wait(),
                      // close(results), then range over results
  CloserGoroutine,    // "closer_goroutine": a goroutine runs wg.Wait(); close(results);
                      // main sends every job, close(jobs), then ranges over results
  ProducerGoroutine,  // "producer_goroutine": a goroutine sends the jobs (and closes jobs);
                      // a closer goroutine closes results; main ranges over results and
                      // returns early after collect_count results unless that is -1 or "all"
  None,               // "none": main returns right after sending (and closing jobs)
};

// How jobs arrive (key load.arrival); the gaps come from load.rate.
enum class Arrival {
  Constant,  // "constant": every gap is 1/rate
  Poisson,   // "poisson": gaps drawn from an exponential distribution of mean 1/rate
  Burst,     // "burst": load.burst_size jobs back to back, then a gap of burst_size/rate
};

// How long each job's work takes around work.mean_ms (key work.dist).
enum class WorkDist {
  Constant,     // "constant": exactly mean_ms
  Exponential,  // "exponential": exponentially distributed, mean mean_ms
  Uniform,      // "uniform": uniform on [0, 2 * mean_ms]
};

// What the work needs (key work.kind).
enum class WorkKind {
  Io,   // "io": waits (time.Sleep); needs no CPU, so any number of jobs wait at once
  Cpu,  // "cpu": keeps a CPU busy; at most pool.cpus jobs make progress at once
};

// The JSON names of each enum's values, in enumerator order.
std::span<const std::string_view> names_of(Mode) noexcept;
std::span<const std::string_view> names_of(Collect) noexcept;
std::span<const std::string_view> names_of(Arrival) noexcept;
std::span<const std::string_view> names_of(WorkDist) noexcept;
std::span<const std::string_view> names_of(WorkKind) noexcept;

// The JSON name of a value, e.g. name(Collect::AfterSend) == "after_send".
template <class E>
std::string_view name(E value) noexcept {
  return names_of(E{})[static_cast<std::size_t>(value)];
}

// The value with that JSON name, if any.
template <class E>
std::optional<E> parse_enum(std::string_view text) noexcept {
  const auto names = names_of(E{});
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

//-----------------------------------------------------------------------------
// [SECTION] Settings groups
//-----------------------------------------------------------------------------

// pool.collect_count: main collects every job's result (load.jobs of them). Written
// "all" in JSON.
inline constexpr int kCollectAll = 0;
// pool.collect_count: main ranges over results until results is closed. Written -1.
inline constexpr int kCollectUntilClosed = -1;

// One line per field: `// = default // meaning`. The key table (keys.hpp) holds the full
// help text of each key.

// The program's shape: key group "pool".
struct PoolSettings {
  Mode mode = Mode::Pool;                // = pool       // how jobs run
  Collect collect = Collect::AfterSend;  // = after_send // how main gathers results
  int collect_count = kCollectAll;       // = "all" (0)  // results to wait for; -1 = until closed
  int workers = 3;                       // = 3          // workers; errgroup: SetLimit(workers)
  int jobs_buffer = 100;                 // = 100        // cap(jobs); 0 = unbuffered (pool mode)
  int results_buffer = 100;              // = 100        // cap(results); 0 = unbuffered
  bool close_jobs = true;                // = true       // sender calls close(jobs) (pool mode)
  int resource_limit = 0;                // = 0          // connections held around work; 0 = none
  int cpus = 4;                          // = 4          // GOMAXPROCS, limits CPU-bound work only
  int fail_job = 0;                      // = 0          // errgroup: job k fails halfway; 0 = none

  friend bool operator==(const PoolSettings&, const PoolSettings&) = default;
};

// The longest mean gap between two arrivals of one sender (producers x burst_size /
// rate), in seconds: 11.6 days. Longer gaps are refused by validate(); below it every
// gap, even a Poisson draw, fits Go's time.Duration (int64 nanoseconds) many times over.
inline constexpr double kMaxArrivalGapS = 1e6;

// The load the handler receives: key group "load".
struct LoadSettings {
  int jobs = 5;                         // = 5        // jobs per request; 0 = endless
  double rate = 0.0;                    // = 0        // jobs per second; 0 = as fast as accepted
  Arrival arrival = Arrival::Constant;  // = constant // spacing of arrivals
  int burst_size = 10;                  // = 10       // jobs per burst (arrival "burst")
  int producers = 1;                    // = 1        // goroutines sending jobs (pool mode)
  int requests = 1;                     // = 1        // handler runs per program; leaks add up
  double duration_s = 0.0;              // = 0        // seconds an endless load keeps sending

  friend bool operator==(const LoadSettings&, const LoadSettings&) = default;
};

// Each job's work: key group "work".
struct WorkSettings {
  double mean_ms = 1000.0;             // = 1000     // mean work time; 0 = instantaneous
  WorkDist dist = WorkDist::Constant;  // = constant // distribution of work times
  WorkKind kind = WorkKind::Io;        // = io       // waits (io) or keeps a CPU busy (cpu)
  int payload_kb = 0;                  // = 0        // KiB each job holds while in work

  friend bool operator==(const WorkSettings&, const WorkSettings&) = default;
};

//-----------------------------------------------------------------------------
// [SECTION] Scenario
//-----------------------------------------------------------------------------

// The longest Go source a scenario may hold (key "source"), in bytes.
inline constexpr std::int64_t kMaxSourceBytes = std::int64_t{1} << 20;

struct Scenario {
  std::string id = "custom";          // = "custom"      // preset id, or a name of your own
  std::string title = "Worker pool";  // = "Worker pool" // shown in the window title
  std::string summary;                // = ""            // one line on what the run shows
  std::string source;                 // = ""            // your own Go program (main.go); when
                                      //                 // set, the run is that program and
                                      //                 // the pool, load, work groups are unused
  std::uint64_t seed = 1;             // = 1             // same seed, same run; <= 2^63-1 (Go)
  PoolSettings pool;                  //                 // group "pool"
  LoadSettings load;                  //                 // group "load"
  WorkSettings work;                  //                 // group "work"

  friend bool operator==(const Scenario&, const Scenario&) = default;
};

// The number of results main collects in one request, for a finite load:
// collect_count resolved ("all" -> load.jobs). -1 stays -1; 0 for collect "none".
int resolved_collect_count(const Scenario& s) noexcept;

}  // namespace poolscope::scenario
