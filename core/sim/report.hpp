#pragma once
// Report: how a simulated program ended, in Go's terms, for people and for views.
//
// - Deadlock: `blocked` lists every goroutine (all are asleep), `cycle` a wait-for
//   cycle among them when there is one, `message` is Go's fatal error.
// - Panic: `culprit` panicked at `line` with `message` ("panic: ..." as Go prints it),
//   and is `running[0]`. A fatal error (`fatal`: "fatal error: sync: ...") is a Panic
//   outcome too, and `running` goes on with every other goroutine alive, in id order,
//   as Go lists them.
// - Completed: main returned; `blocked` lists the goroutines leaked (blocked forever),
//   `running` those that would run on forever (e.g. a ticking loop).
// - Hang: main is blocked forever while timers keep firing; `culprit` is main,
//   `blocked` every blocked goroutine, `running` the ones keeping timers alive.
// - Exit: os.Exit(exit_code) in `culprit` at `line`; `message` is "exit status N" (what
//   `go run` prints; the program itself prints nothing); `blocked` and `running` list
//   the other goroutines alive then.
// - Stopped: a limit of the simulator (`stop`) ended the run, e.g. "stopped: 1,000,000
//   goroutines alive, the limit"; `culprit` is the goroutine running then (0: none).
//   Nothing is listed: the goroutines alive may be a million.
#include <cstdint>
#include <functional>
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
  // For Go-shaped tracebacks (format_go_traceback): Go's name of its function
  // ("main.worker"), of the one that started it ("main.main"; "" for main), and the
  // line of that `go` statement (see Runtime::set_go_function).
  std::string function;
  std::string created_by;
  int created_line = 0;
  friend bool operator==(const GoroutineReport&, const GoroutineReport&) = default;
};

// Which of the simulator's own limits stopped a run (Outcome::Stopped).
enum class StopReason : std::uint8_t {
  None,
  Goroutines,    // Config::max_goroutines alive, and one more spawn
  Events,        // Config::max_events emitted
  GoroutineIds,  // 2^32 - 1 goroutines spawned: ids are 32 bits
  Clock,         // the next wake-up is after kMaxTime (about 146 years)
  Host,          // the host program's own budget (Runtime::halt), e.g. of virtual time
};
// "max_goroutines", "max_events", "goroutine_ids", "clock", "host"; "" for None.
[[nodiscard]] std::string_view to_string(StopReason r) noexcept;

struct Report {
  trace::Outcome outcome = trace::Outcome::Running;
  StopReason stop = StopReason::None;  // with Outcome::Stopped: the limit reached
  trace::Time time = 0;  // when the run ended: for Completed, when the goroutines main
                         // left behind stopped moving (main returned at
                         // Runtime::main_exit_time(), where a Go program ends)
  std::string message;   // Go's first line: "fatal error: ...", "panic: ..."
  // The program's exit status: 0 Completed, 2 Panic (fatal errors too) and Deadlock,
  // os.Exit's code for Exit; -1 while Running, and for Hang and Stopped (the program
  // did not end by itself).
  int exit_code = -1;
  bool fatal = false;  // Panic: a fatal error (Go's throw), which recover cannot stop
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

// One frame of a goroutine's stack in a Go traceback, innermost first: prints as
// "main.worker(...)" (args) or "main.main()", then "\tmain.go:LINE".
struct GoFrame {
  std::string function;
  bool args = false;
  int line = 0;
};
// The program's own stacks (its interpreter's frames): the frames of a goroutine
// listed in the report, innermost first. Empty: one frame, the goroutine's function
// (GoroutineReport::function, with args unless it is "main.main") at its line.
using GoStacks = std::function<std::vector<GoFrame>(const GoroutineReport&)>;

// What a Go 1.19 program prints on standard error when it ends as `r` says, minus
// Go's hex offsets and absolute paths: for Panic and Deadlock the first line, a blank
// line, and the goroutines (the culprit only for a panic; for a fatal error the culprit
// then every other goroutine; all of them for a deadlock), each as
//   goroutine 7 [chan send]:
//   main.worker(...)
//   \tmain.go:12
//   created by main.main
//   \tmain.go:30
// separated by blank lines. Goroutine ids are Poolscope's (main is 1, the next spawned
// 2, ...), where real Go's user goroutines start later. "" for the other outcomes (Exit
// prints nothing; "exit status 2" is `go run`'s line, not the program's).
[[nodiscard]] std::string format_go_traceback(const Report& r, const GoStacks& stacks = {},
                                              std::string_view file = "main.go");

}  // namespace poolscope::sim
