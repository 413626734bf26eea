#pragma once
// Session: one simulated run as the GUI sees it.
//
// - Owns the scenario, the PoolRun (engine + metrics + Go listing), the bounded event
//   log with periodic snapshots, the metric histories and the timeline lanes.
// - update(dt) advances virtual time by dt x speed while playing, in fixed steps, so
//   the same wall-clock frames give the same run whatever the frame rate.
// - Stops: no frame, step or "next job" carries the clock past a stop (a lesson's paused
//   moment): the advance is cut there and the run pauses, whatever the speed.
//   advance_to_seconds() (--at, recordings) ignores stops.
// - The run ends when main returns, as a Go program does: the clock stops there and the
//   picture, the log and the figures stay at that instant. The engine then lets the
//   other goroutines run until nothing moves, only to decide which leaked (the report).
// - Views read snapshot(), events and histories; only controls call the mutators.
// - Deterministic: reset() replays the same scenario and seed, so it gives the same
//   events. Live changes (workers, rate) are recorded with their virtual time, so a
//   past moment can be rebuilt exactly (resume_from).
// - Scrubbing: view_at(t) shows the moment t (rebuilt from the log's snapshots, or
//   re-simulated when older); live() returns to the present.
// - Memory is bounded: the log is a ring, histories are rings, lanes keep their newest
//   spans only, and only the newest kMaxLanes goroutines keep a lane (the oldest exited
//   lane makes room); checkpoints (thinned snapshots of the past, for scrubbing) keep at
//   most kMaxCheckpoints and about kCheckpointBytes.
// - Work per call (set_work_budget): with no budget (the default: tests, --screenshot,
//   --record, --at) every call finishes its work before it returns. With a budget (the
//   interactive window), update() and the long jumps do at most that much engine work per
//   call: a jump (advance_to_*, a rebuild, view_at() older than the log, a step back)
//   starts at once and the next update() calls carry it on, with busy() and progress()
//   for the window and cancel() to stop it. The results do not depend on the budget: a
//   jump cut into slices ends in exactly the state the whole jump gives (the engine's
//   steps are the same, only who waits differs), so a sliced run and a direct one draw
//   the same picture. While a jump runs the clock does not play.
// - Scrubbing older than the log: the exact moment needs an engine at that moment, and an
//   engine cannot be copied, so a second run (a replay) simulates from 0 to it, sliced
//   like a jump; meanwhile the nearest earlier checkpoint is shown. The replay is kept:
//   a later moment after it continues it instead of starting again, so a drag to the
//   right costs one re-simulation in all; a drag to the left starts a new one, but an
//   unfinished replay costs at most one slice per frame.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/gui/model/pool_model.hpp"
#include "app/gui/model/program_model.hpp"
#include "app/gui/model/ring_series.hpp"
#include "core/pool/pool_run.hpp"
#include "core/scenario/scenario.hpp"
#include "core/trace/event_log.hpp"
#include "core/trace/snapshot.hpp"

namespace poolscope::gui {

// One goroutine's lane in the timeline: its states over time, newest last.
struct Lane {
  trace::GoroutineId goroutine = 0;
  std::string name;
  struct Span {
    trace::Time start = 0;
    trace::GoState state = trace::GoState::Runnable;
    std::uint16_t line = 0;
    trace::ChannelId object = 0;  // the channel it waits on (the State event's object)
  };
  std::deque<Span> spans;  // at most Session::kMaxSpansPerLane
  trace::Time exited = -1;
};

// A moment when a setting changed, shown as a marker on the timeline.
struct SettingChange {
  trace::Time time = 0;
  std::string text;  // "workers 3 -> 5"
};

// Samples of the run's figures, one per frame while it plays and, across a jump (--at, a
// rebuild, a step back), about kJumpSamples spread over the virtual time jumped.
struct Histories {
  static constexpr int kJumpSamples = 300;
  RingSeries time_s;  // the virtual time of each sample, in seconds
  RingSeries queue_depth;
  RingSeries in_work;
  RingSeries blocked_senders;
  RingSeries throughput;
  RingSeries latency_p50_ms;
  RingSeries latency_p99_ms;
  RingSeries goroutines;
  RingSeries memory_kib;
  void clear();
};

// How much engine work one call of a Session may do (see Session); 0s = no limit.
struct WorkBudget {
  std::uint64_t steps = 0;  // engine steps (one goroutine's run, or a timer)
  double seconds = 0;       // wall time, checked every few steps
};

class Session {
 public:
  static constexpr double kMinSpeed = 0.05;
  static constexpr double kMaxSpeed = 50.0;
  static constexpr std::size_t kMaxLanes = 512;
  static constexpr std::size_t kMaxSpansPerLane = 4096;

  static constexpr std::size_t kMaxCheckpoints = 32;
  static constexpr std::size_t kCheckpointBytes = std::size_t{16} << 20;

  // Precondition: validate(scenario) is empty.
  explicit Session(scenario::Scenario scenario, WorkBudget budget = {});
  ~Session();

  // Starts the scenario again: same seed, same events (live changes are forgotten).
  void reset();
  // Replaces the scenario (e.g. a preset or a changed buffer size) and resets.
  void load(scenario::Scenario scenario);
  // Starts `scenario` again from 0 and runs it, without animation, to the moment shown
  // (the scrubbed one, else now()), or to its end when that comes first, so narration
  // that follows the virtual time stays on its step. Live rate changes made up to that
  // moment are replayed at their times; live worker changes are dropped (the scenario's
  // count holds from the start). `change` marks the moment on the timeline ("" none).
  // For a change the running program cannot make live, e.g. fewer workers.
  // Precondition: validate(scenario) is empty.
  void restart_with(scenario::Scenario scenario, std::string change = {});
  [[nodiscard]] const scenario::Scenario& scenario() const noexcept { return scenario_; }
  // How many times load() was called: tells whose run is on screen.
  [[nodiscard]] std::uint64_t loads() const noexcept { return loads_; }

  // [Work per frame] See the contract above.
  void set_work_budget(WorkBudget budget) noexcept { budget_ = budget; }
  [[nodiscard]] const WorkBudget& work_budget() const noexcept { return budget_; }
  // A jump is under way (only ever with a budget).
  [[nodiscard]] bool busy() const noexcept { return jump_ != nullptr; }
  // How far the jump under way is, 0..1 (0 when none).
  [[nodiscard]] double progress() const noexcept;
  // Stops the jump under way: an advance or a rebuild stays where it got to (paused; live
  // changes not yet replayed are dropped), a scrub returns to the present, a step back
  // that has not begun rebuilding leaves the run as it was.
  void cancel();
  // Does the rest of the jump under way now (headless callers that must wait).
  void finish();

  // [Clock] With a budget, also carries a jump under way on by one slice.
  void update(double wall_dt_s);
  bool playing = true;
  double speed = 1.0;  // virtual seconds per wall second, kMinSpeed..kMaxSpeed
  // Runs exactly one engine step (one goroutine until it blocks, or one timer).
  void step_event();
  // Runs until the next job event (a job created, started, done or collected); in the
  // learner's program, which has no jobs, until a send, a receive or a close.
  void step_job();
  // [Stepping back] Deterministic re-simulation: the run starts again from 0 and is
  // stepped as Step steps it (each step cut at the next stop; live changes applied at
  // their virtual times), and stops at the last state before the present one.
  // step_back_event() undoes one Step (one goroutine's run, a timer, or the clock moving
  // to a stop); step_back_job() goes back to the last state a Next job could have left
  // (a step with a job event, a stop, or the start). Either pauses the run, returns to
  // the present first when scrubbing, and drops live changes made after the state it
  // lands on. At the start (t = 0, nothing stepped) they do nothing and return false.
  // Step forward from where they land repeats the same steps: the same events, clock and
  // figures as before.
  bool step_back_event();
  bool step_back_job();
  // The goroutine the last step moved and the line its last event stood on, while the
  // run has not moved since by other means (play, --at, a reset). 0s when there is none.
  struct JustRun {
    trace::GoroutineId goroutine = 0;
    int line = 0;
  };
  [[nodiscard]] const JustRun& just_run() const noexcept { return just_run_; }
  // Runs (without animation) to virtual time `seconds`, e.g. for a screenshot; stops
  // only at the run's end.
  void advance_to_seconds(double seconds);
  void advance_to_time(trace::Time t);
  // The current time: the present's, or main's return once main returned.
  [[nodiscard]] trace::Time now() const noexcept;
  // The program ended (main returned, a deadlock, a panic, a hang) and its report is in.
  [[nodiscard]] bool finished() const noexcept;
  // When the program ended as Go sees it (main's return, or the deadlock, panic or hang);
  // -1 while it runs.
  [[nodiscard]] trace::Time end_time() const noexcept;

  // [Stops] Virtual times the playing clock stops at exactly (see above); kept by
  // reset() and load().
  void set_stops(std::vector<trace::Time> stops);
  [[nodiscard]] const std::vector<trace::Time>& stops() const noexcept { return stops_; }

  // [Live controls] Each is recorded, so reset-free rebuilds replay it.
  bool set_workers(int workers);
  void set_rate(double jobs_per_second);
  // The job rate in force now (the scenario's, or the last live change).
  [[nodiscard]] double live_rate() const noexcept;

  // [Reading]
  [[nodiscard]] const pool::PoolRun& run() const noexcept { return *run_; }
  [[nodiscard]] const scenario::GoProgram& program() const noexcept { return run_->program(); }
  // The lines of the work function in program() (see pool::ProgramLines).
  [[nodiscard]] const std::vector<int>& work_lines() const noexcept { return work_lines_; }
  // The state shown: the present, or the scrubbed moment.
  [[nodiscard]] const trace::Snapshot& snapshot() const noexcept;
  [[nodiscard]] const trace::StringTable& strings() const noexcept;
  [[nodiscard]] const trace::EventLog& log() const noexcept { return log_; }
  [[nodiscard]] pool::Figures figures() const;
  // The picture's model of snapshot() at view_time(), built once per moment and shared
  // by the views of a frame.
  [[nodiscard]] const PoolModel& model() const;
  [[nodiscard]] const Histories& histories() const noexcept { return histories_; }
  [[nodiscard]] const std::vector<Lane>& lanes() const noexcept { return lanes_; }
  [[nodiscard]] const std::vector<SettingChange>& changes() const noexcept { return changes_; }
  // Thinned snapshots of the past, oldest first (the start state first; `time` is the
  // moment each was taken).
  [[nodiscard]] const std::deque<trace::Snapshot>& checkpoints() const noexcept {
    return checkpoints_;
  }
  // [The learner's own program] (run().runs_source()) The picture's model of the moment
  // shown, as model() is for the built-in programs, built once per moment; the channel
  // usage it reads is learned from every event of the run so far.
  [[nodiscard]] const ProgramModel& program_model() const;
  [[nodiscard]] const ChannelUsage& channel_usage() const noexcept { return usage_; }
  // Display name of a goroutine ("worker 3").
  [[nodiscard]] std::string goroutine_name(trace::GoroutineId id) const;

  // [Scrubbing] Older than the log with a budget: a replay (see above) under way until
  // busy() is false; snapshot() meanwhile is the nearest earlier checkpoint.
  void view_at(trace::Time t);
  // Back to the present (ends a scrub's replay under way).
  void live();
  [[nodiscard]] bool scrubbing() const noexcept { return view_.has_value(); }
  [[nodiscard]] trace::Time view_time() const noexcept;
  // Makes the scrubbed moment the present: the run continues from there (changes made
  // after it are dropped).
  void resume_from_view();

 private:
  struct Control {
    trace::Time time;
    bool is_workers;
    double value;
  };
  // Begins a new run and jumps to `until` (a jump, see above).
  void start(trace::Time until);
  // Counts the engine work of one call against the budget.
  class Slice {
   public:
    explicit Slice(const WorkBudget& budget);
    // Call before each step: true when the slice has no work left.
    bool spent();

   private:
    WorkBudget budget_;
    std::uint64_t steps_ = 0;
    double start_s_ = 0;
  };
  // Steps `run` up to time `t` (as run_until(t) does) within `slice`; `live` stops at
  // main's return as the gate does. True when done.
  static bool run_to(pool::PoolRun& run, trace::Time t, Slice& slice, bool live);
  struct Jump;
  // Carries the jump on within one slice; ends it when done.
  void work_on_jump(Slice& slice);
  // Starts `jump` (ending any other first) and does its first slice.
  void begin_jump(std::unique_ptr<Jump> jump);
  bool advance_slice(Jump& j, Slice& slice);
  bool scrub_slice(Jump& j, Slice& slice);
  bool step_back_slice(Jump& j, Slice& slice);
  void end_jump(bool done);
  void record_checkpoint();
  [[nodiscard]] const trace::Snapshot& checkpoint_before(trace::Time t) const;
  // Replays on `run` the recorded live changes made at or before `until`, each at its
  // own virtual time (`advance` brings `run` there first); returns how many.
  std::size_t replay_controls(pool::PoolRun& run, trace::Time until,
                              const std::function<void(trace::Time)>& advance) const;
  // Forwards the run's events to the log until main returns; then interrupts the clock
  // and forwards only the end's report, dated at main's return.
  struct Gate final : trace::EventSink {
    trace::EventSink* to = nullptr;  // null: nothing is passed on (a probe run)
    pool::PoolRun* run = nullptr;
    trace::Time main_returned = -1;
    std::uint64_t forwarded = 0;      // events passed on
    std::uint64_t main_exit_seq = 0;  // the MainExit event's number (0: main runs)
    // The learner's program (no jobs): Next job stops at channel operations instead.
    bool channel_ops = false;
    bool saw_job = false;  // an event Next job stops at passed since the flag was cleared
    void on_event(const trace::Event& e) override;
  };
  // The first half of start(): a new run at 0, empty log, lanes and histories.
  void begin_run();
  // Where a run stands, in the order the states of a run follow one another: the events
  // so far (up to main's return), then the clock.
  struct RunKey {
    std::uint64_t events = 0;
    trace::Time time = 0;
    // (Not a defaulted <=>: clang-tidy's modernize-use-nullptr flags its 0.)
    friend bool operator<(const RunKey& a, const RunKey& b) noexcept {
      return a.events != b.events ? a.events < b.events : a.time < b.time;
    }
  };
  [[nodiscard]] static RunKey key_of(const pool::PoolRun& run, const Gate& gate) noexcept;
  // One re-simulation (see step_back_event): `run`, fed through `gate`, is brought to the
  // start state and stepped; visit(key, job) sees the start state and every step after it
  // (job: a Job event, a stop or the start) and returns false to stop. Returns how many
  // recorded live changes were applied.
  // One state at a time: next() moves `run` to the next state Step passes through (the
  // start state first) and tells its key and whether it is a job state; false when the run
  // cannot move.
  struct Walker {
    std::size_t applied = 0;  // recorded live changes applied
    bool started = false;
    bool next(const Session& session, pool::PoolRun& run, Gate& gate, RunKey& key, bool& job);
  };
  bool step_back(bool job);
  // The last event's goroutine and line in the log, after a step.
  void note_just_run();
  void absorb_new_events();
  void sample_histories();
  // The jump to `target` on this run (see Jump): replaying the recorded live changes up
  // to it (`controls`), a sample at the end (`sample_end`), a marker at the end (`change`).
  void jump_to(trace::Time target, bool controls, bool sample_end, std::string change = {});
  // After any advance: once main returned, keeps the figures of that instant and lets the
  // rest run to the end (leaks); then takes in the new events.
  void settle();
  // The program has not ended (main has not returned; no deadlock, panic or hang).
  [[nodiscard]] bool running() const noexcept { return run_->program_end() < 0; }
  // The first stop after now(), or -1.
  [[nodiscard]] trace::Time next_stop() const noexcept;
  // Advances to `t` unless a stop comes first, within `slice`.
  enum class Within { Reached, Stopped, OutOfWork };
  Within advance_within(trace::Time t, Slice& slice);
  // Makes room for a new lane: drops the oldest exited one; false when none has exited.
  bool evict_lane();

  scenario::Scenario scenario_;
  trace::EventLog log_;
  Gate gate_;
  std::unique_ptr<pool::PoolRun> run_;
  std::optional<pool::Figures> end_figures_;  // the figures at main's return
  std::vector<trace::Time> stops_;
  std::uint64_t loads_ = 0;
  std::vector<Control> controls_;
  std::vector<int> work_lines_;
  std::uint64_t seen_seq_ = 0;
  std::vector<trace::Event> scratch_;
  double accumulator_s_ = 0;
  Histories histories_;
  std::vector<Lane> lanes_;
  std::unordered_map<trace::GoroutineId, std::size_t> lane_of_;  // id -> index in lanes_
  std::vector<SettingChange> changes_;
  struct ModelCache {
    std::uint64_t seq = ~std::uint64_t{0};
    trace::Time time = -1;
    bool scrubbing = false;
    PoolModel model;
  };
  mutable ModelCache model_cache_;  // a cache only: model() stays a pure read
  struct ProgramCache {
    std::uint64_t seq = ~std::uint64_t{0};
    trace::Time time = -1;
    std::uint64_t generation = 0;
    ProgramModel model;
  };
  mutable ProgramCache program_cache_;  // a cache only, as model_cache_
  ChannelUsage usage_;
  std::optional<trace::Snapshot> view_;
  trace::Time view_time_ = 0;
  JustRun just_run_;
  WorkBudget budget_;
  std::unique_ptr<Jump> jump_;
  // The last scrub's replay (kept to continue it) and the run it replays (`replay_of_`
  // counts begin_run and live changes: a replay of another run is not reused).
  std::unique_ptr<pool::PoolRun> replay_;
  std::size_t replay_applied_ = 0;
  std::uint64_t replay_of_ = 0;
  std::uint64_t generation_ = 0;
  std::deque<trace::Snapshot> checkpoints_;
  trace::Time checkpoint_every_ = trace::kSecond / 4;
  trace::Time cut_stop_ = -1;  // a stop a frame ran out of work at (see advance_within)
};

}  // namespace poolscope::gui
