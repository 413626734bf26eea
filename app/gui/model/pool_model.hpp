#pragma once
// PoolModel: what the pool view shows, derived from a Snapshot; no drawing.
//
// - Sorts goroutines by the role the program declared for them (pool::Roles: main,
//   producers and senders, workers, job goroutines, the closer), finds the jobs and
//   results channels (the newest of each in the snapshot), the database semaphore and
//   errgroup's limit the same way, and gives every goroutine its Look (look.hpp).
// - Decides who stands at the collector: main, while it collects the results or once
//   it returned.
// - Lists every job token in sight with where it is: in a producer's hand (a blocked
//   sender), in a jobs slot, held by a goroutine, being sent as a result, in a results
//   slot. The view tweens tokens between these places.
// - Pure function of (snapshot, the run's roles, program and report, the moment, the
//   program's work lines): tested without a window.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/gui/model/look.hpp"
#include "core/pool/pool_run.hpp"
#include "core/pool/roles.hpp"
#include "core/sim/report.hpp"
#include "core/trace/snapshot.hpp"

namespace poolscope::gui {

using pool::Role;

struct Actor {
  trace::GoroutineId id = 0;
  Role role = Role::Other;
  Look look = Look::Runnable;
  std::int64_t index = -1;  // worker 3 -> 3
  std::uint16_t line = 0;
  std::int64_t job = trace::kNoJob;      // the job it holds
  std::int64_t sending = trace::kNoJob;  // the job whose value it is blocked sending
  trace::Time since = 0;                 // in this state since
  double progress = -1;                  // 0..1 through timed work; -1 when not timed
};

enum class Place : std::uint8_t {
  SenderHand,   // a producer blocked sending it on jobs (index = position in sendq)
  JobsSlot,     // buffered in jobs (index = position from the head)
  Held,         // held by a goroutine (actor = its id)
  ResultHand,   // a goroutine blocked sending its result (actor = its id)
  ResultsSlot,  // buffered in results (index = position from the head)
};

struct Token {
  std::int64_t job = 0;
  Place place = Place::JobsSlot;
  int index = 0;
  trace::GoroutineId actor = 0;
};

struct PoolModel {
  std::vector<Actor> producers;  // main first, then producer/sender goroutines
  std::vector<Actor> workers;    // pool workers, or job goroutines (unbounded, errgroup)
  std::vector<Actor> others;     // closer etc.
  // The goroutine drawn at the collector instead of among the producers (it stays in
  // `producers`): main while it collects (blocked receiving on results, or on the line
  // that receives them, waits for the workers before, or reports errgroup's error) and
  // once it returned. 0: none, main is still producing.
  trace::GoroutineId collector = 0;
  trace::ChannelId jobs = 0;
  trace::ChannelId results = 0;
  trace::ChannelId db = 0;     // the database semaphore ("db")
  trace::ChannelId limit = 0;  // errgroup's SetLimit semaphore ("g.sem")
  std::int64_t jobs_cap = 0;
  std::int64_t results_cap = 0;
  std::int64_t db_cap = 0;
  std::int64_t db_in_use = 0;
  std::vector<Token> tokens;
  bool main_exited = false;
  trace::Outcome outcome = trace::Outcome::Running;
};

// How long `a` has waited at time `now` (the moment shown, live or scrubbed): now - the
// time it entered its state, for the looks that are waits (waiting for a job, blocked,
// waiting for a connection, a slot or a CPU, sleeping, leaked); nothing for the others
// (working shows its progress instead).
[[nodiscard]] std::optional<trace::Time> wait_so_far(const Actor& a, trace::Time now);

// How many of the model's goroutines (producers, workers, others) are in each look: the
// stage counters count by the classifier the cards are drawn with.
using LookCounts = std::array<int, static_cast<std::size_t>(Look::Count)>;
[[nodiscard]] LookCounts look_counts(const PoolModel& m);

// One wait-for arrow of a deadlock: `from` waits for `to` (only `to` could wake it).
struct WaitEdge {
  trace::GoroutineId from = 0;
  trace::GoroutineId to = 0;
  friend bool operator==(const WaitEdge&, const WaitEdge&) = default;
};

// Every wait-for edge of a deadlocked run that lies on a cycle (its `to` waits, through
// others, for its `from`): each goroutine caught in the deadlock's cycles, not only the
// one cycle the report names (main -> worker 1 -> main leaves out workers 2 and 3, who
// wait for main just the same). Edges in the order of report.blocked, then waits_for.
// Empty unless report.outcome is Deadlock.
[[nodiscard]] std::vector<WaitEdge> deadlock_edges(const sim::Report& report);

// The jobs buffered in the jobs channel (its tokens in slots).
[[nodiscard]] int jobs_queued(const PoolModel& m);

// Results carry j * 2 (the lesson's `results <- j * 2`); this maps one back to its job.
constexpr std::int64_t job_of_result(std::int64_t value) { return value / 2; }

// `s` is a moment of `run` (its present, or an earlier one rebuilt from its events or a
// replay: ids are the same). Roles, the program's lines and the leaks come from `run`.
// `now` is the moment shown (a folded snapshot only knows its last event's time).
// `work_lines` are the lines of the work function: a goroutine waiting there (in
// errgroup mode the work is a select on ctx.Done() and a timer) is working.
PoolModel build_pool_model(const trace::Snapshot& s, const pool::PoolRun& run, trace::Time now,
                           std::span<const int> work_lines);

}  // namespace poolscope::gui
