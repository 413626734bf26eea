#pragma once
// Event: the fixed-size record the engine emits for every change of state.
//
// Index
//   [SECTION] Time and ids
//   [SECTION] Goroutine states
//   [SECTION] Small enums carried in Event::detail
//   [SECTION] Event kinds (with the meaning of every field per kind)
//   [SECTION] Event
//   [SECTION] Names for people (to_string, Go's wait reasons)
//
// Contract
// - An Event is plain old data, 40 bytes, with no pointers: it can be copied into a
//   ring buffer, hashed byte for byte, written to a file, sent to another thread.
// - Strings (goroutine and channel names, panic messages) are never inside an event:
//   an event names them by StringId, resolved through the emitter's StringTable.
// - Events of one run carry consecutive sequence numbers starting at 1, and
//   non-decreasing virtual times.
// - Folding the events in order (see snapshot.hpp) reproduces the engine's state
//   exactly; every field documented below exists for that fold or for a view.
#include <cstdint>
#include <limits>
#include <string_view>

namespace poolscope::trace {

// [SECTION] Time and ids -------------------------------------------------------------

// Virtual time in nanoseconds since the program started. The engine never reads a
// wall clock.
using Time = std::int64_t;
inline constexpr Time kNanosecond = 1;
inline constexpr Time kMicrosecond = 1000 * kNanosecond;
inline constexpr Time kMillisecond = 1000 * kMicrosecond;
inline constexpr Time kSecond = 1000 * kMillisecond;
inline constexpr Time kForever = std::numeric_limits<Time>::max();

// Goroutines are numbered from 1 in spawn order; main is goroutine 1, as in Go.
// 0 means "no goroutine" (the runtime itself, e.g. a timer firing).
using GoroutineId = std::uint32_t;
// Channels and WaitGroups are numbered from 1 in creation order, each kind in its own
// space. 0 means none; for a channel it means the nil channel.
using ChannelId = std::uint32_t;
using WaitGroupId = std::uint32_t;
// sync.Mutex and sync.RWMutex share one id space, numbered from 1.
using MutexId = std::uint32_t;
// Index into a StringTable; 0 is the empty string.
using StringId = std::uint32_t;

// The job a goroutine holds when it holds none.
inline constexpr std::int64_t kNoJob = std::numeric_limits<std::int64_t>::min();

// [SECTION] Goroutine states ---------------------------------------------------------

// What a goroutine is doing. Every blocked state names what it waits on, so a view can
// tell "blocked on send" from "waiting for a DB connection" from "waiting for a CPU".
enum class GoState : std::uint8_t {
  Runnable,          // ready to run, waiting in the run queue (also: spawned, not started)
  Running,           // executing Go statements (takes no virtual time)
  Working,           // doing CPU-bound work, holding one of the P processors
  WaitingCpu,        // wants to do CPU work, all P processors are busy (FIFO)
  Sleeping,          // time.Sleep
  IoWait,            // I/O-bound work: waits for a duration, holds no processor
  BlockedSend,       // ch <- v (channel 0: send on a nil channel, blocks forever)
  BlockedRecv,       // <-ch    (channel 0: receive from a nil channel, blocks forever)
  BlockedSelect,     // select with no ready case and no default
  BlockedWaitGroup,  // wg.Wait()
  BlockedSemaphore,  // sem <- token on a channel used as a counting semaphore
  Exited,            // returned from its function
  BlockedMutex,      // mu.Lock() / rw.RLock() waits: wait_object = the mutex, wait_value =
                     // LockMode (Go: "semacquire")
};
inline constexpr int kGoStateCount = 13;

// True for states that only another goroutine (or close) can end: the states Go calls
// "asleep" when it looks for a deadlock.
constexpr bool is_blocked(GoState s) noexcept {
  return s == GoState::BlockedSend || s == GoState::BlockedRecv || s == GoState::BlockedSelect ||
         s == GoState::BlockedWaitGroup || s == GoState::BlockedSemaphore ||
         s == GoState::BlockedMutex;
}

// [SECTION] Small enums carried in Event::detail -------------------------------------

// How a send completed (Send events).
enum class SendMode : std::uint8_t {
  Buffered,  // value appended to the buffer's tail
  Handoff,   // value handed directly to the first blocked receiver (popped from recvq)
};

// How a receive completed (Recv events).
enum class RecvMode : std::uint8_t {
  Buffered,        // value taken from the buffer's head
  BufferedRefill,  // head taken, and the first blocked sender's value moved to the tail
  FromSender,      // unbuffered: value taken directly from the first blocked sender
  Closed,          // closed and drained: zero value, ok = false
};

// Direction of a select case (SelectWait events).
enum class Dir : std::uint8_t { Send, Recv };

// What a channel is used for; lets a view draw a semaphore as a pool of tokens.
enum class ChanRole : std::uint8_t {
  Plain,      // an ordinary channel
  Semaphore,  // a buffered channel used as a counting semaphore (send acquires)
  Timer,      // the channel of a time.Timer / time.After / time.Ticker
  Done,       // a context's Done channel
};

// Which lock of a sync.Mutex / RWMutex (Lock and Unlock events, BlockedMutex's value).
enum class LockMode : std::uint8_t {
  Write,  // Lock / Unlock (a plain Mutex has only this one)
  Read,   // RLock / RUnlock
};

// Life of a job, as the program reports it (Job events).
enum class JobPhase : std::uint8_t {
  Created,    // the producer made the job
  Started,    // a goroutine took the job: it now holds it
  Done,       // the goroutine finished the job: it holds none
  Collected,  // the result was collected
};

// Which setting a Config event changes.
enum class ConfigKey : std::uint8_t {
  Procs,   // GOMAXPROCS: the number of CPU processors
  Custom,  // a program setting named by Event::aux (a StringId)
};

// How a program run stands or ended.
enum class Outcome : std::uint8_t {
  Running,    // not finished
  Completed,  // main returned and nothing else can move (leaks are reported)
  Deadlock,   // all goroutines asleep, no timer pending: Go's fatal error
  Panic,      // a goroutine panicked; the whole program ended
  Hang,       // main blocked forever while timers keep firing (Go would hang)
  Stopped,    // the simulator stopped it at a limit of its own (goroutines alive,
              // events): not an outcome of the Go program
  Exit,       // os.Exit(code) ended the program at once
};

// [SECTION] Event kinds --------------------------------------------------------------
//
// Fields not listed for a kind are zero. `g` is Event::goroutine, `obj` Event::object.
// For every kind that names a goroutine, `line` is that goroutine's current Go line.
enum class EventKind : std::uint8_t {
  Spawn,          // g = new goroutine, obj = parent goroutine (0: none), aux = name,
                  // value = name index (-1: none), line = the parent's `go` line
  State,          // g entered detail = GoState; obj = what it waits on (channel, mutex or
                  // WaitGroup id); value = the value it is sending (BlockedSend,
                  // BlockedSemaphore) or its wake-up time (Working, Sleeping, IoWait);
                  // aux = chosen case index + 1 when a blocked select is woken, else 0
  MakeChan,       // g made channel obj: value = capacity, aux = name, detail = ChanRole
  Send,           // g sent value on channel obj: detail = SendMode, aux = buffer length
                  // after (g = 0: a timer sent)
  Recv,           // g received value from channel obj: detail = RecvMode, aux = buffer
                  // length after
  Close,          // g closed channel obj (wakes every receiver, dooms every sender)
  SelectWait,     // g, blocked in select, waits in one queue of channel obj:
                  // detail = Dir, value = the value to send, aux = case index
  SelectDefault,  // g's select found no ready case and took default
  MakeWaitGroup,  // g made WaitGroup obj: aux = name
  WaitGroupAdd,   // g added value (Done: -1) to WaitGroup obj; aux = counter after;
                  // at 0 every waiter is released
  Cancel,         // g (0: a deadline timer) cancelled the context whose Done channel is
                  // obj; aux = the reason (Err()); a Close event follows
  Job,            // g reports detail = JobPhase for job value
  Line,           // g reached line (a statement that is no channel operation)
  Config,         // a setting changed: detail = ConfigKey, aux = name, value = new value
  MainExit,       // main (g = 1) returned
  Panic,          // g panicked at line: aux = Go's message; the program ends;
                  // detail = 1 for a fatal error ("fatal error: " + aux), else 0
  Deadlock,       // every goroutine is asleep: aux = Go's message; Blocked events follow
  Hang,           // main (g) is blocked forever while timers keep firing; aux = message
  Blocked,        // in a deadlock report: g is asleep in detail = GoState on obj, at line
  Leak,           // at the end: g is blocked forever in detail = GoState on obj, at line
  StillRunning,   // at the end: g would run on forever; detail = its GoState
  End,            // the program ended: detail = Outcome; value = the exit code with
                  // Outcome::Exit, else 0
  MakeMutex,      // g made mutex obj: aux = name, detail = 1 for an RWMutex, 0 a Mutex
  Lock,           // g acquired mutex obj (after waiting, or at once): detail = LockMode;
                  // a waiter granted the lock leaves the mutex's waiters
  Unlock,         // g released mutex obj: detail = LockMode
};
inline constexpr int kEventKindCount = 25;

// [SECTION] Event --------------------------------------------------------------------

struct Event {
  std::uint64_t seq = 0;      // 1, 2, 3, ... within a run
  Time time = 0;              // virtual time of the change
  std::int64_t value = 0;     // the channel value / job / duration, per kind
  GoroutineId goroutine = 0;  // the goroutine that acted (0: the runtime)
  std::uint32_t object = 0;   // channel, WaitGroup, mutex or goroutine id, per kind
  std::uint32_t aux = 0;      // buffer length, StringId, case index, per kind
  std::uint16_t line = 0;     // Go source line (0: unknown)
  EventKind kind = EventKind::Line;
  std::uint8_t detail = 0;  // GoState, SendMode, RecvMode, ... per kind

  friend bool operator==(const Event&, const Event&) = default;
};
static_assert(sizeof(Event) == 40, "events must stay small and fixed-size");

// Typed views of Event::detail.
constexpr GoState state_of(const Event& e) noexcept { return static_cast<GoState>(e.detail); }

// [SECTION] Names for people ---------------------------------------------------------

std::string_view to_string(GoState s) noexcept;
std::string_view to_string(EventKind k) noexcept;
std::string_view to_string(Outcome o) noexcept;
std::string_view to_string(ChanRole r) noexcept;
std::string_view to_string(JobPhase p) noexcept;
std::string_view to_string(SendMode m) noexcept;
std::string_view to_string(RecvMode m) noexcept;

// Go's own words for a state in a goroutine dump ("chan send", "select (no cases)",
// "semacquire" for WaitGroup.Wait and Mutex / RWMutex locks, ...). `object` is the channel the
// goroutine waits on (0: nil channel), or for BlockedSelect the number of cases it waits on.
std::string_view go_wait_reason(GoState s, std::uint32_t object) noexcept;

}  // namespace poolscope::trace
