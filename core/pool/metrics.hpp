#pragma once
// Metrics: the figures of a worker-pool run, folded from the engine's events.
//
// - An EventSink: attach it to the Runtime (through a FanoutSink beside other sinks).
//   Besides the events, the program tells it three things, each right after the event
//   it explains: which channel is the jobs queue and which the results channel
//   (watch_jobs / watch_results, after making them; a handler that runs several
//   requests makes new ones each time, and the newest counts), and the workers setting
//   (set_workers, when it announces it). Nothing is recognised by name.
// - Job events (Created, Started, Done, Collected) give latency.
// - "In work" means inside the work itself: a goroutine whose current Go line is one
//   of Options::work_lines (the lines of the work function). That is what the Go
//   export's max_concurrent counts too.
// - Utilisation divides by the workers setting (the pool program announces it at start
//   and on every live change).
// - Memory is an estimate: every live goroutine's stack at Go's 2 KiB minimum, plus
//   Options::payload_bytes for every job a goroutine holds (received, not yet done).
// - Memory follows what is alive: one small record per live goroutine and per job in
//   the system, whatever the run length.
#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/pool/histogram.hpp"
#include "core/trace/event.hpp"
#include "core/trace/id_map.hpp"
#include "core/trace/sink.hpp"

namespace poolscope::pool {

inline constexpr std::int64_t kGoroutineStackBytes = 2048;  // Go's minimum stack

struct MetricsOptions {
  std::int64_t payload_bytes = 0;       // = 0    // memory each held job keeps alive
  std::vector<int> work_lines;          // = {}   // Go lines inside the work
  trace::Time window = trace::kSecond;  // = 1 s // span of the recent throughput
};

// The figures at one moment. Counts are of the whole run unless they say "now".
struct Figures {
  trace::Time time = 0;
  // now
  int queue_depth = 0;      // len(jobs)
  int results_depth = 0;    // len(results)
  int in_work = 0;          // jobs inside the work now
  int holding = 0;          // goroutines holding a job (received, not done)
  int blocked_senders = 0;  // goroutines blocked sending on jobs
  int goroutines = 0;       // live goroutines
  int workers = 0;          // the workers setting
  std::int64_t memory_bytes = 0;
  trace::Time longest_sender_wait_now = 0;  // of the senders blocked now
  // totals
  std::uint64_t jobs_created = 0;
  std::uint64_t jobs_started = 0;
  std::uint64_t jobs_done = 0;
  std::uint64_t results = 0;  // results collected by main
  // peaks
  int max_in_work = 0;
  int max_queue_depth = 0;
  int max_blocked_senders = 0;
  int peak_goroutines = 0;
  std::int64_t peak_memory_bytes = 0;
  // rates (per second of virtual time)
  double throughput_per_s = 0;         // jobs done / time since the first job was created
  double recent_throughput_per_s = 0;  // jobs done in the last window / window
  double utilisation = 0;              // time-average of in_work / workers, 0..1
  // Little's law, measured: L (jobs in the system on average) against lambda * W
  double avg_in_system = 0;     // L: time-average of jobs created, not yet done
  double arrival_rate = 0;      // lambda: jobs created per second
  double mean_in_system_s = 0;  // W: mean time from created to done
};

class Metrics final : public trace::EventSink {
 public:
  explicit Metrics(MetricsOptions options);
  void on_event(const trace::Event& e) override;

  // What the program says about its events (see above), each from the last event on.
  // watch_jobs / watch_results: channel `c` is the jobs queue / the results channel
  // (its length starts at 0). set_workers: the workers setting.
  void watch_jobs(trace::ChannelId c);
  void watch_results(trace::ChannelId c);
  void set_workers(int workers);

  // The figures as of virtual time `now` (>= the last event's time).
  [[nodiscard]] Figures figures(trace::Time now) const;

  // Latencies of finished jobs: queue wait (created -> started), service (started ->
  // done), total (created -> done), and how long senders waited on a full jobs channel.
  [[nodiscard]] const LatencyHistogram& queue_wait() const noexcept { return queue_wait_; }
  [[nodiscard]] const LatencyHistogram& service() const noexcept { return service_; }
  [[nodiscard]] const LatencyHistogram& total() const noexcept { return total_; }
  [[nodiscard]] const LatencyHistogram& sender_wait() const noexcept { return sender_wait_; }

 private:
  struct GoroutineRec {
    trace::GoState state = trace::GoState::Runnable;
    std::uint16_t line = 0;
    bool live = false;
    bool in_work = false;
    bool holding = false;
    bool blocked_sending = false;
    trace::Time blocked_since = 0;
    std::int64_t job = trace::kNoJob;  // the job it holds
  };
  struct JobTimes {
    trace::Time created = 0;
    trace::Time started = -1;
  };

  GoroutineRec& rec(trace::GoroutineId g);
  void advance(trace::Time t);
  void update_goroutine(trace::GoroutineId g, trace::GoState state, std::uint16_t line,
                        std::uint32_t object, trace::Time t);
  void note_line(trace::GoroutineId g, std::uint16_t line);
  void update_in_work(GoroutineRec& r);
  void on_job(const trace::Event& e);
  void note_peaks();

  MetricsOptions options_;
  trace::ChannelId jobs_ = 0;
  trace::ChannelId results_ = 0;

  trace::IdMap<GoroutineRec> goroutines_;                 // the live goroutines
  std::vector<trace::GoroutineId> blocked_;               // blocked sending on jobs now, in order
  std::unordered_map<std::int64_t, JobTimes> in_system_;  // created, not yet done
  Figures now_;
  trace::Time first_created_ = -1;
  trace::Time last_time_ = 0;
  double in_work_area_ = 0;    // integral of in_work dt (ns)
  double capacity_area_ = 0;   // integral of workers dt (ns)
  double in_system_area_ = 0;  // integral of jobs in system dt (ns)

  static constexpr int kWindowSlots = 10;
  std::array<std::uint64_t, kWindowSlots> done_slots_{};
  std::array<std::int64_t, kWindowSlots> slot_epoch_{};

  LatencyHistogram queue_wait_;
  LatencyHistogram service_;
  LatencyHistogram total_;
  LatencyHistogram sender_wait_;
};

}  // namespace poolscope::pool
