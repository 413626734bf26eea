#pragma once
// Report: how a simulated program ended, in Go's terms, for people and for views.
//
// - Deadlock: `blocked` lists every goroutine (all are asleep), `cycle` a wait-for
//   cycle among them when there is one, `message` is Go's fatal error.
// - Panic: `culprit` panicked at `line` with `message` ("panic: ..." as Go prints it).
// - Completed: main returned; `blocked` lists the goroutines leaked (blocked forever),
//   `running` those that would run on forever (e.g. a ticking loop).
// - Hang: main is blocked forever while timers keep firing; `culprit` is main,
//   `blocked` every blocked goroutine, `running` the ones keeping timers alive.
// - Stopped: a limit of the simulator (`stop`) ended the run, e.g. "stopped: 1,000,000
//   goroutines alive, the limit"; `culprit` is the goroutine running then (0: none).
//   Nothing is listed: the goroutines alive may be a million.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/trace/event.hpp"

namespace poolscope::sim {

// One goroutine in a report: who, where, and what it waits on.
struct GoroutineReport {
  trace::GoroutineId id = 0;
  std::string name;  // "main", "worker 3"
  trace::GoState state = trace::GoState::Runnable;
  int line = 0;                               // Go line it is stopped at
  std::string wait_reason;                    // Go's words: "chan send", "select", ...
  std::string waits_on;                       // "send on jobs", "receive from results", ...
  std::vector<trace::ChannelId> channels;     // channels it waits on (several in select)
  std::vector<trace::GoroutineId> waits_for;  // goroutines that could wake it
  friend bool operator==(const GoroutineReport&, const GoroutineReport&) = default;
};

// Which of the simulator's own limits stopped a run (Outcome::Stopped).
enum class StopReason : std::uint8_t {
  None,
  Goroutines,    // Config::max_goroutines alive, and one more spawn
  Events,        // Config::max_events emitted
  GoroutineIds,  // 2^32 - 1 goroutines spawned: ids are 32 bits
  Clock,         // the next wake-up is after kMaxTime (about 146 years)
};
// "max_goroutines", "max_events", "goroutine_ids", "clock"; "" for None.
[[nodiscard]] std::string_view to_string(StopReason r) noexcept;

struct Report {
  trace::Outcome outcome = trace::Outcome::Running;
  StopReason stop = StopReason::None;  // with Outcome::Stopped: the limit reached
  trace::Time time = 0;  // when the run ended: for Completed, when the goroutines main
                         // left behind stopped moving (main returned at
                         // Runtime::main_exit_time(), where a Go program ends)
  std::string message;   // Go's first line: "fatal error: ...", "panic: ..."
  trace::GoroutineId culprit = 0;
  int line = 0;
  std::vector<GoroutineReport> blocked;
  std::vector<GoroutineReport> running;
  std::vector<trace::GoroutineId> cycle;  // a -> b -> ... -> a (first id not repeated)
  friend bool operator==(const Report&, const Report&) = default;

  [[nodiscard]] const GoroutineReport* find(trace::GoroutineId id) const;
};

// The report as text, in the shape of Go's crash output plus Poolscope's explanation:
//   fatal error: all goroutines are asleep - deadlock!
//
//   goroutine 1 [chan send]: main, line 12: send on jobs
//   ...
//   wait-for cycle: main -> worker 1 -> main
[[nodiscard]] std::string format_report(const Report& r);

}  // namespace poolscope::sim
