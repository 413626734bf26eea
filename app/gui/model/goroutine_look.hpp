#pragma once
// The one classifier of a goroutine's state into a Look (look.hpp). The pool picture,
// the timeline's lanes, the code view's markers and the stage counters all take their
// looks from classify(), so a goroutine has the same colour and glyph everywhere.
//
// A goroutine's look follows from what it is doing (LookFacts: its GoState, the
// channel it waits on, its Go line, whether the run's report lists it as leaked) and
// from what the program says its channels and lines are for (LookRules):
// - leaked (blocked forever after main returned) is Leaked, whatever it waits on;
// - Runnable and Running are Runnable; Working and IoWait are Working; WaitingCpu is
//   WaitingCpu; Exited is Exited;
// - Sleeping on a line of the work function is Working (the work is a time.Sleep, or
//   errgroup's failing job sleeping half its time); elsewhere (rate limiting) Sleeping;
// - a blocked send or semaphore acquire on the database semaphore is WaitingResource,
//   on errgroup's limit WaitingLimit; any other semaphore is WaitingResource and any
//   other send BlockedSend;
// - a receive on a jobs channel is Idle (waiting for a job), any other receive
//   BlockedRecv;
// - a select on a line of the work function is Working (errgroup's work waits on a
//   timer or ctx.Done()), at the worker's `for j := range jobs` line Idle, elsewhere
//   BlockedRecv; wg.Wait() is BlockedRecv; a Mutex or RWMutex lock that waits is
//   WaitingResource (it waits for a lock another goroutine holds).
#include <cstdint>
#include <functional>
#include <span>

#include "app/gui/model/look.hpp"
#include "core/pool/roles.hpp"
#include "core/scenario/go_export.hpp"
#include "core/trace/event.hpp"

namespace poolscope::gui {

// What one goroutine is doing at one moment (a snapshot's GoroutineView, or a lane span).
struct LookFacts {
  trace::GoState state = trace::GoState::Runnable;
  trace::ChannelId wait_object = 0;  // the channel it waits on (0: none, or a select)
  int line = 0;                      // its Go line (0: unknown)
  bool leaked = false;               // the run's report lists it as leaked
};

// What the program's channels and lines are for. `use` names a channel's use (the
// program's Roles); `program` gives the anchors' lines; `work_lines` are the lines of
// the work function (pool::ProgramLines). The pointed-to objects outlive the rules.
struct LookRules {
  std::function<pool::ChannelUse(trace::ChannelId)> use;
  const scenario::GoProgram* program = nullptr;
  std::span<const int> work_lines;
};

// The look of a goroutine doing `facts` in a program with `rules`.
[[nodiscard]] Look classify(const LookFacts& facts, const LookRules& rules);

// The rules of a run: channel uses from `roles`, lines from `program` and `work_lines`.
// All three must outlive the rules.
[[nodiscard]] LookRules look_rules(const pool::Roles& roles, const scenario::GoProgram& program,
                                   std::span<const int> work_lines);

}  // namespace poolscope::gui
