#pragma once
// Runtime: a deterministic, single-threaded simulator of Go's runtime.
//
// Index
//   [SECTION] Config
//   [SECTION] Handles: Chan, WaitGroup, Mutex, RWMutex, Context, Timer
//   [SECTION] Results and select cases
//   [SECTION] Runtime: setup and events
//   [SECTION] Runtime: goroutines
//   [SECTION] Runtime: the clock (step, run_until, run)
//   [SECTION] Runtime: channels (make_chan, send, recv, close, select, semaphores)
//   [SECTION] Runtime: time (sleep, after, timers, tickers)
//   [SECTION] Runtime: CPU model (cpu, io, GOMAXPROCS)
//   [SECTION] Runtime: sync.WaitGroup and context
//   [SECTION] Runtime: sync.Mutex and sync.RWMutex
//   [SECTION] Runtime: annotations for views (jobs, lines, settings)
//   [SECTION] Runtime: endings (panic, fatal error, os.Exit) and Go's names
//   [SECTION] Runtime: inspection (snapshot, report)
//   [SECTION] Awaiters (what co_await sees)
//
// A worker, line for line with its Go listing:
//
//   sim::Go worker(sim::Runtime& rt, int id, sim::Chan jobs, sim::Chan results,
//                  sim::Chan db) {
//     while (auto j = co_await rt.recv(jobs, 11)) {  // for j := range jobs {
//       rt.job(JobPhase::Started, j.value, 11);
//       co_await rt.cpu(2 * kMillisecond, 12);       //   parse(j)     (CPU-bound)
//       co_await rt.acquire(db, 13);                 //   db <- struct{}{}
//       co_await rt.io(5 * kMillisecond, 14);        //   query(j)     (I/O-bound)
//       co_await rt.release(db, 15);                 //   <-db
//       co_await rt.send(results, j.value * 2, 16);  //   results <- j * 2
//       rt.job(JobPhase::Done, j.value, 16);
//     }
//   }
//
// Contract
// - Every Go operation takes the Go source line it stands for, so each goroutine's
//   current line is always known (0 = unknown). Lines fit in 16 bits.
// - Operations that can block or panic are awaited (`co_await rt.send(...)`); they may
//   only be used inside a goroutine. Plain calls (make_chan, spawn, cancel, job, ...)
//   also work from the host program, outside any goroutine.
// - Same Config (seed) and same program give the same events, bit for bit. The engine
//   reads no clock; its randomness comes from its own seeded Rng.
// - Faults of the simulated program (deadlock, panic, leak) are outcomes, reported
//   through outcome(), report() and events; the goroutine that panics simply never
//   resumes. Misuse of this C++ API (e.g. send outside a goroutine, an unknown id)
//   stops the process with a POOLSCOPE_CHECK message, in release builds too.
// - Not thread-safe; the GUI owns one Runtime and drives it from its frame loop with
//   run_until(now() + dt).
// - Compiler bug (GCC 12.2, Debian 12's g++; PR106188, fixed in 12.3 and 13): a
//   co_await written directly in an if / while / for / do / switch condition is
//   skipped, silently. Bind it to a variable instead:
//     BAD:  if ((co_await rt.select(...)).index == 0)   while (co_await rt.recv(c, 5))
//     GOOD: const auto r = co_await rt.select(...); if (r.index == 0)
//           while (auto v = co_await rt.recv(c, 5))      (a declaration is fine)
//   The scheduler notices a goroutine that stopped outside any Runtime operation and
//   stops the process with a message naming the goroutine and line.
// - Blocking, waking, sending and receiving allocate nothing: waiters live in the
//   coroutine frames, the buffer is allocated when the channel is made, and only
//   pending timers are kept in the timer heap. (A select of more than
//   kInlineSelectCases cases allocates its case list: rare, and still correct.)
#include <array>
#include <concepts>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "core/sim/go.hpp"
#include "core/sim/internal.hpp"
#include "core/sim/report.hpp"
#include "core/sim/rng.hpp"
#include "core/trace/event.hpp"
#include "core/trace/id_map.hpp"
#include "core/trace/sink.hpp"
#include "core/trace/snapshot.hpp"
#include "core/trace/string_table.hpp"

namespace poolscope::sim {

using trace::ChannelId;
using trace::ChanRole;
using trace::GoroutineId;
using trace::GoState;
using trace::JobPhase;
using trace::kForever;
using trace::kMicrosecond;
using trace::kMillisecond;
using trace::kNanosecond;
using trace::kSecond;
using trace::Outcome;
using trace::StringId;
using trace::Time;

// [SECTION] Config -------------------------------------------------------------------

inline constexpr std::size_t kDefaultMaxGoroutines = 1'000'000;
// The latest virtual time the clock reaches: 2^62 ns, about 146 years. A wake-up or
// timer due later stops the run there (Outcome::Stopped, StopReason::Clock) instead of
// overflowing the 64-bit nanoseconds.
inline constexpr Time kMaxTime = Time{1} << 62;

struct Config {
  std::uint64_t seed = 1;  // = 1 // seeds select's choices and rng()
  int procs = 4;           // = 4 // GOMAXPROCS: processors for CPU-bound work
  // = 60 s // main blocked while, for this long, nothing but sleeps ended: report Hang
  Time hang_horizon = 60 * kSecond;
  // = 60 s // after main returned, stop when nothing but sleeps ended for this long
  Time drain_horizon = 60 * kSecond;
  // = 10000 // operations a goroutine may complete without blocking before it is
  // preempted; a spinning loop (select with default) then lets virtual time pass
  std::uint32_t spin_ops = 10000;
  Time spin_cost = 10 * kMicrosecond;  // = 10 us // virtual CPU time such a spin costs
  // = 1,000,000 // a spawn that would make more goroutines alive than this stops the
  // run: Outcome::Stopped, StopReason::Goroutines (memory grows with goroutines alive)
  std::size_t max_goroutines = kDefaultMaxGoroutines;
  // = 0 (none) // once this many events were emitted (counted while a sink is
  // attached), the run stops at the next scheduling point, so a few more may come (at
  // most what one goroutine emits in spin_ops operations): Outcome::Stopped,
  // StopReason::Events. A budget for event logs
  std::uint64_t max_events = 0;
  // = true // keep a view of every exited goroutine (about 56 bytes each), so that
  // snapshot() and name_of() describe it; false: memory follows the goroutines alive,
  // and snapshot() shows an exited goroutine with only its id and state
  bool keep_exited = true;
  // = false // a send on a closed channel (a send, or a select's send case, chosen at
  // once or woken by close) panics inside the engine, as Go's chansend does. true: the
  // goroutine goes on instead and the program panics itself when take_closed_send()
  // says so, so that its own deferred calls and recover see the panic (an interpreter)
  bool senders_panic_themselves = false;
};

// [SECTION] Handles ------------------------------------------------------------------

// A channel reference, like a Go `chan int`: cheap to copy, compares by identity, and
// the default-constructed Chan is the nil channel. Values are int64 (jobs are ints,
// struct{} tokens are 0).
//
// Channels of any element type: the value is always an int64, and a channel whose
// elements are not integers (structs, strings, pointers, channels, errors, funcs)
// carries a handle the program chose, e.g. an index into its own value store, and
// keeps the values themselves there. The engine never looks into a value: it only
// moves it from sender to receiver (or buffer) and shows it to views, and a receive
// from a closed channel gives 0, which the program maps to the element's zero value.
// So `chan T` costs the engine the same for every T, and sends allocate nothing.
class Chan {
 public:
  Chan() = default;
  [[nodiscard]] bool is_nil() const noexcept { return c_ == nullptr; }
  [[nodiscard]] ChannelId id() const noexcept { return c_ != nullptr ? c_->id : 0; }
  [[nodiscard]] std::int64_t len() const noexcept { return c_ != nullptr ? c_->count : 0; }
  [[nodiscard]] std::int64_t cap() const noexcept { return c_ != nullptr ? c_->cap : 0; }
  friend bool operator==(Chan, Chan) = default;

 private:
  friend class Runtime;
  explicit Chan(detail::Channel* c) noexcept : c_(c) {}
  detail::Channel* c_ = nullptr;
};

// A sync.WaitGroup made by Runtime::make_waitgroup.
struct WaitGroup {
  trace::WaitGroupId id = 0;
  friend bool operator==(WaitGroup, WaitGroup) = default;
};

// A sync.Mutex made by Runtime::make_mutex, and a sync.RWMutex made by
// Runtime::make_rwmutex (one id space for both).
struct Mutex {
  trace::MutexId id = 0;
  friend bool operator==(Mutex, Mutex) = default;
};
struct RWMutex {
  trace::MutexId id = 0;
  friend bool operator==(RWMutex, RWMutex) = default;
};

// A context.Context. The default one is context.Background(): never cancelled, and
// its done channel is nil (receiving from it blocks forever, as in Go).
struct Context {
  std::uint32_t id = 0;
  Chan done;  // ctx.Done()
  friend bool operator==(Context, Context) = default;
};

// A time.Timer or time.Ticker; `c` receives the virtual time (ns) when it fires (nil for
// a time.AfterFunc timer, as in Go).
struct Timer {
  std::uint32_t id = 0;
  Chan c;
};

// [SECTION] Results and select cases -------------------------------------------------

// v, ok := <-ch. Converts to ok, so `while (auto j = co_await rt.recv(jobs, 5))` is
// `for j := range jobs`.
struct RecvResult {
  std::int64_t value = 0;
  bool ok = false;
  explicit operator bool() const noexcept { return ok; }
};

struct SelectCase {
  enum class Kind : std::uint8_t { Send, Recv, Default };
  Kind kind = Kind::Default;
  Chan ch;
  std::int64_t value = 0;  // for Send
};
[[nodiscard]] inline SelectCase send_case(Chan ch, std::int64_t v) {
  return {SelectCase::Kind::Send, ch, v};
}
[[nodiscard]] inline SelectCase recv_case(Chan ch) { return {SelectCase::Kind::Recv, ch, 0}; }
[[nodiscard]] inline SelectCase default_case() { return {SelectCase::Kind::Default, {}, 0}; }

// Which case a select ran: its index in the case list (the default case's index when
// default ran), and for a receive the value and ok.
struct SelectResult {
  int index = -1;
  std::int64_t value = 0;
  bool ok = false;
};

// A select keeps this many cases (and their waiters) inside the awaiter, allocating
// nothing; a select with more cases allocates its lists once, when it is made.
inline constexpr int kInlineSelectCases = 8;
// The most cases one select may have.
inline constexpr int kMaxSelectCases = 65535;

class Runtime {
 public:
  class SendOp;
  class RecvOp;
  class SelectOp;
  class ParkOp;
  class CheckOp;

  // [SECTION] Runtime: setup and events ----------------------------------------------

  // The sink (may be null: events off) sees every event from the first: a Config
  // event announcing GOMAXPROCS.
  explicit Runtime(Config config = {}, trace::EventSink* sink = nullptr);
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // Events go to `sink` from now on (null: events off). A consumer attached later
  // starts from snapshot() (e.g. EventLog::reset(rt.snapshot())).
  void set_sink(trace::EventSink* sink) noexcept { sink_ = sink; }
  [[nodiscard]] trace::EventSink* sink() const noexcept { return sink_; }
  [[nodiscard]] std::uint64_t events_emitted() const noexcept { return seq_; }
  [[nodiscard]] const trace::StringTable& strings() const noexcept { return strings_; }
  [[nodiscard]] const Config& config() const noexcept { return config_; }
  // Randomness for the program (job sizes, arrival gaps; math/rand). select draws from
  // a stream of its own, so adding a select does not change the program's draws.
  [[nodiscard]] Rng& rng() noexcept { return program_rng_; }
  // Randomness for the order of a `for k, v := range m` over a map (Go randomizes it on
  // every range), seeded from Config::seed too: a stream of its own, so ranging over a
  // map changes neither select's choices nor the program's draws.
  [[nodiscard]] Rng& map_rng() noexcept { return map_rng_; }

  // [SECTION] Runtime: goroutines ----------------------------------------------------

  // Starts main (goroutine 1). Call once, before any other spawn.
  GoroutineId spawn_main(Go body);
  // `go f(...)`: a new goroutine, runnable at once (it runs after the ones already
  // runnable). A name with an index displays as "worker 3". `line` is the line of the
  // `go` statement in the spawning goroutine. Ids count up from 1 and are never reused.
  // Returns 0, spawning nothing, when the run has ended or this spawn ends it: more
  // than Config::max_goroutines alive, or ids exhausted (Outcome::Stopped). The
  // spawning goroutine then stops at its next Runtime operation, as after a panic; a
  // loop that spawns without blocking should leave on 0.
  GoroutineId spawn(std::string_view name, Go body, int line = 0);
  GoroutineId spawn(std::string_view name, std::int64_t index, Go body, int line = 0);
  // The goroutine running now (0 outside goroutines).
  [[nodiscard]] GoroutineId current() const noexcept { return current_ ? current_->id : 0; }
  // runtime.NumGoroutine() is live_goroutines(): every goroutine not yet exited, main
  // included. Goroutines ever spawned (the last id handed out):
  [[nodiscard]] std::size_t goroutine_count() const noexcept { return last_id_; }
  [[nodiscard]] std::size_t live_goroutines() const noexcept { return live_; }
  // Goroutine records allocated: the most alive at once (plus main's), however many
  // exited; their storage is reused.
  [[nodiscard]] std::size_t goroutine_slots() const noexcept { return slots_.size(); }
  // "main", "worker 3"; an exited goroutine without Config::keep_exited: "goroutine 7".
  [[nodiscard]] std::string name_of(GoroutineId id) const;

  // [SECTION] Runtime: the clock -----------------------------------------------------

  // Virtual time now, in nanoseconds.
  [[nodiscard]] Time now() const noexcept { return now_; }
  // One unit of progress: run one runnable goroutine until it blocks or returns, or
  // fire the earliest timer (moving the clock to it), or detect the end. Returns false
  // when nothing moved (the program ended, or there is nothing to run). The clock never
  // passes `limit`: when the next thing due is a timer after it, the clock moves to
  // `limit` (true if it moved) and nothing runs.
  bool step(Time limit = kForever);
  // Everything up to time t (inclusive), then the clock reads t unless the program
  // ended first. Ties at one instant run in the order they were scheduled.
  void run_until(Time t);
  // Until the program ends (Completed, Deadlock, Panic, Hang, or Stopped by a limit). A program
  // whose goroutines keep communicating forever never ends: use run_until for those. Without
  // spawn_main the host program plays main: the run stops (still Running) once nothing can move,
  // since the host may spawn more; no deadlock or leak is reported then.
  Outcome run();
  // Makes the run_until() or run() under way return as soon as the goroutine running now
  // yields (or the timer firing now is done), with the clock where it is: an observer's
  // stop, e.g. a sink that sees main return. Each clock call starts uninterrupted.
  void interrupt() noexcept { interrupted_ = true; }
  // Ends the run now with Outcome::Stopped, StopReason::Host and `message` as
  // Report::message (e.g. "stopped: 60 s of virtual time, the --max-virtual limit"): a
  // budget of the host's own, such as a run-go step or virtual-time limit. Called from a
  // goroutine, that goroutine stops at its next Runtime operation. Nothing if finished.
  void halt(std::string_view message);
  [[nodiscard]] Outcome outcome() const noexcept { return report_.outcome; }
  [[nodiscard]] bool finished() const noexcept { return report_.outcome != Outcome::Running; }
  [[nodiscard]] const Report& report() const noexcept { return report_; }
  // The virtual time main returned (its MainExit event), -1 while main runs or without
  // spawn_main. A Go program ends there; the run goes on after it (until nothing moves)
  // only to tell leaked goroutines from running ones, and report().time is that later end.
  [[nodiscard]] Time main_exit_time() const noexcept { return main_exit_time_; }
  // Timers not yet fired or stopped (each masks a deadlock, as in Go).
  [[nodiscard]] std::size_t pending_timers() const noexcept { return live_timers_; }

  // [SECTION] Runtime: channels ------------------------------------------------------

  // make(chan int, cap). A Semaphore channel is drawn as a token pool and a goroutine
  // blocked sending on it is BlockedSemaphore ("waiting for a DB connection").
  Chan make_chan(std::int64_t cap, std::string_view name = {}, ChanRole role = ChanRole::Plain,
                 int line = 0);
  // ch <- v. Panics "send on closed channel" if ch is closed, or if it is closed while
  // this send waits. On nil: blocks forever.
  [[nodiscard]] SendOp send(Chan ch, std::int64_t v, int line);
  // v, ok := <-ch. Closed: buffered values first, then {0, false} at once. Nil: blocks.
  [[nodiscard]] RecvOp recv(Chan ch, int line);
  // close(ch). Wakes every blocked receiver with {0, false}; every blocked sender
  // panics. Panics "close of closed channel" / "close of nil channel".
  [[nodiscard]] CheckOp close(Chan ch, int line);
  // select. Among ready cases one is chosen uniformly at random (Go's selectgo: a
  // random poll order); with none ready, default runs if present, else the goroutine
  // waits in every case's queue and the first partner wins. Any number of cases (up to
  // kMaxSelectCases); up to kInlineSelectCases allocate nothing.
  // Nil channels' cases are never ready. As in Go's compiler, a select with one case
  // (plus an optional default) is a plain send or receive.
  //   auto r = co_await rt.select(30, recv_case(jobs), send_case(out, v), default_case());
  //   switch (r.index) { case 0: ... r.value, r.ok ...; case 1: ...; default: ... }
  // (Cases are arguments, not a braced list: GCC 12 rejects an initializer_list inside
  // a co_await expression, "array used as initializer"; revisit when GCC 13 is the
  // oldest supported compiler.)
  template <class... Cases>
  requires(std::same_as<Cases, SelectCase>&&...) [[nodiscard]] SelectOp
      select(int line, const Cases&... cases) {
    if constexpr (sizeof...(Cases) == 0) {
      return SelectOp(this, line, {});
    } else {
      const SelectCase list[] = {cases...};
      return SelectOp(this, line, list);
    }
  }
  // The same with a case list built at run time (at most kMaxSelectCases; more than
  // kInlineSelectCases allocate, once).
  [[nodiscard]] SelectOp select(int line, std::span<const SelectCase> cases) {
    return SelectOp(this, line, cases);
  }
  // The channel with this id (0: the nil channel), e.g. a channel that travelled as a
  // value through another channel (a `chan chan T` carries the inner channel's id).
  [[nodiscard]] Chan chan_of(ChannelId id);
  // A buffered channel of `n` tokens used as a counting semaphore.
  Chan make_semaphore(std::int64_t n, std::string_view name = {}, int line = 0) {
    return make_chan(n, name, ChanRole::Semaphore, line);
  }
  // sem <- struct{}{} / <-sem.
  [[nodiscard]] SendOp acquire(Chan sem, int line);
  [[nodiscard]] RecvOp release(Chan sem, int line);

  // [SECTION] Runtime: time ----------------------------------------------------------

  // time.Sleep(d): Sleeping for d; d <= 0 returns at once.
  [[nodiscard]] ParkOp sleep(Time d, int line);
  // time.After(d): a channel (cap 1) that receives now() + d at that time. Each call
  // makes a channel that lives as long as the Runtime (there is no garbage collector),
  // and every Snapshot lists it: in a loop that runs for long, reuse one Timer with
  // stop/reset instead, as Go's documentation also advises.
  Chan after(Time d, int line = 0);
  // time.NewTimer(d) / time.NewTicker(period).
  Timer new_timer(Time d, int line = 0);
  Timer new_ticker(Time period, int line = 0);
  // t.Stop(): true if the timer was pending (so it will not fire).
  bool stop(Timer t);
  // t.Reset(d): fires again d from now (a ticker: every d from now); true if it was
  // pending. As in Go, a value already in t.c stays there: drain it first if needed.
  bool reset(Timer t, Time d);
  // time.AfterFunc(d, f): after d, `call` is called once, from the scheduler (outside
  // any goroutine, current() is 0): it should spawn f's goroutine, as Go runs f in a
  // goroutine of its own ("created by time.goFunc"). stop and reset work on it as on
  // any Timer; its `c` is nil. A pending AfterFunc masks a deadlock, as in Go.
  Timer after_func(Time d, std::function<void()> call, int line = 0);
  // A point where a goroutine that computes without blocking may be preempted (Go's
  // asynchronous preemption): it counts as one operation completed without blocking,
  // and after Config::spin_ops of them in a row the goroutine goes back to the run
  // queue Config::spin_cost of virtual time later, as a spinning select does, so an
  // endless loop lets other goroutines run and time pass. No event unless preempted.
  // An interpreter calls it on every backward jump or call, say.
  [[nodiscard]] ParkOp preempt_point(int line);
  // preempt_point without the awaitable, for an interpreter's tight loops: true when the
  // running goroutine goes straight on (the operation is counted, exactly as
  // preempt_point counts it); false when it must pass a real preempt_point now
  // (nothing is counted then).
  [[nodiscard]] bool spin_on(int line);
  // With Config::senders_panic_themselves: true when the running goroutine's last send
  // or select send case found its channel closed (at once, or woken by close): the send
  // did not happen and the program must panic "send on closed channel" now. Clears it.
  [[nodiscard]] bool take_closed_send();
  // runtime.Gosched(): to the back of the run queue (behind every goroutine runnable
  // now, and those a wake-up makes runnable before it runs again).
  [[nodiscard]] ParkOp yield(int line);

  // [SECTION] Runtime: CPU model -----------------------------------------------------

  // CPU-bound work for d: holds one of the P processors (Working); waits first, FIFO,
  // while all are busy (WaitingCpu).
  [[nodiscard]] ParkOp cpu(Time d, int line);
  // I/O-bound work for d: waits (IoWait) holding no processor.
  [[nodiscard]] ParkOp io(Time d, int line);
  // runtime.GOMAXPROCS(p), live: more processors start waiting work at once; with
  // fewer, running work finishes first. Emits a Config event.
  void set_procs(int procs);
  [[nodiscard]] int procs() const noexcept { return procs_; }
  [[nodiscard]] int busy_procs() const noexcept { return busy_; }

  // [SECTION] Runtime: sync.WaitGroup and context ------------------------------------

  WaitGroup make_waitgroup(std::string_view name = {}, int line = 0);
  // wg.Add(delta) / wg.Done(). A negative counter panics
  // "sync: negative WaitGroup counter"; reaching 0 releases every waiter.
  [[nodiscard]] CheckOp add(WaitGroup wg, std::int64_t delta, int line);
  [[nodiscard]] CheckOp done(WaitGroup wg, int line) { return add(wg, -1, line); }
  // wg.Wait(): returns at once when the counter is 0.
  [[nodiscard]] ParkOp wait(WaitGroup wg, int line);
  [[nodiscard]] std::int64_t counter(WaitGroup wg) const;
  // A copy of wg's value, as Go copies a WaitGroup (`go vet` warns, Go runs it): a new
  // WaitGroup with wg's counter (a WaitGroupAdd event says it); wg's waiters stay with wg.
  WaitGroup copy_waitgroup(WaitGroup wg, int line = 0);

  // context.WithCancel(parent) / context.WithTimeout(parent, d). Cancelling a parent
  // cancels its children.
  Context with_cancel(Context parent = {}, int line = 0);
  Context with_timeout(Context parent, Time d, int line = 0);
  // cancel(): closes ctx.Done() (once; later calls do nothing), Err() becomes
  // "context canceled".
  void cancel(Context ctx, int line = 0);
  // ctx.Err(): "" while not cancelled, "context canceled", "context deadline exceeded".
  [[nodiscard]] std::string_view err(Context ctx) const;

  // [SECTION] Runtime: sync.Mutex and sync.RWMutex ----------------------------------
  //
  // Go's semantics, with a FIFO handoff: Unlock gives the lock to the goroutine that
  // waited longest, at once (Go's mutex does that only in starvation mode; in normal
  // mode a running goroutine may barge in first). RWMutex prefers writers as Go does:
  // once a Lock waits, new RLocks wait too; the writer gets the lock when the readers
  // holding it have all called RUnlock; its Unlock lets every reader that came
  // meanwhile in, then the next writer waits for those. Any goroutine may unlock (Go
  // does not tie a lock to its goroutine). A blocked Lock or RLock is
  // GoState::BlockedMutex, Go's wait reason "semacquire", counted by the deadlock
  // detector and leak reports ("Lock of mu", "RLock of mu").
  // Misuse is Go's fatal error (Outcome::Panic with Report::fatal: recover cannot stop
  // it, exit code 2): "fatal error: sync: unlock of unlocked mutex", "fatal error:
  // sync: Unlock of unlocked RWMutex", "fatal error: sync: RUnlock of unlocked RWMutex".

  Mutex make_mutex(std::string_view name = {}, int line = 0);
  RWMutex make_rwmutex(std::string_view name = {}, int line = 0);
  // A copy of a mutex's value, as Go copies its state: a new one, held as the original
  // is (by the same goroutine, by as many readers); the original's waiters stay with it.
  Mutex copy_mutex(Mutex mu, int line = 0);
  RWMutex copy_mutex(RWMutex rw, int line = 0);
  // mu.Lock() / mu.Unlock() / mu.TryLock() (TryLock never blocks: true if it locked).
  [[nodiscard]] ParkOp lock(Mutex mu, int line);
  [[nodiscard]] CheckOp unlock(Mutex mu, int line);
  bool try_lock(Mutex mu, int line = 0);
  // rw.Lock() / rw.Unlock() / rw.TryLock(), and rw.RLock() / rw.RUnlock() /
  // rw.TryRLock().
  [[nodiscard]] ParkOp lock(RWMutex rw, int line);
  [[nodiscard]] CheckOp unlock(RWMutex rw, int line);
  bool try_lock(RWMutex rw, int line = 0);
  [[nodiscard]] ParkOp rlock(RWMutex rw, int line);
  [[nodiscard]] CheckOp runlock(RWMutex rw, int line);
  bool try_rlock(RWMutex rw, int line = 0);

  // [SECTION] Runtime: annotations for views -----------------------------------------

  // Reports a job's phase; Started makes the current goroutine hold the job (views show
  // it on the worker's card), Done makes it hold none. Emits a Job event.
  void job(JobPhase phase, std::int64_t job, int line);
  // The current goroutine reached `line` (a statement that is no Go operation).
  void at(int line);
  // A program setting changed live (e.g. "workers", "rate"): a Config event.
  void config_changed(std::string_view key, std::int64_t value);

  // [SECTION] Runtime: endings (panic, fatal error, os.Exit) and Go's names ----------
  //
  // The program's own endings. recover() is the program's business: it unwinds its own
  // frames and calls panic only for a panic nothing recovered. Each ends the run at
  // once: no other goroutine runs again, and outcome(), report() (Report::exit_code)
  // and an End event tell how it ended.

  // An unrecovered panic: the goroutine stops here and the program ends, Outcome::Panic,
  // exit code 2. `message` is exactly what Go prints after "panic: ", e.g.
  // "send on closed channel", "runtime error: index out of range [5] with length 3",
  // or a chain "boom [recovered]\n\tpanic: again".
  [[nodiscard]] CheckOp panic(std::string_view message, int line);
  // A fatal error (Go's throw): Report::message is "fatal error: " + message, e.g.
  // "sync: unlock of unlocked mutex"; Outcome::Panic with Report::fatal, exit code 2.
  // As Go prints it, the report lists the goroutine here first, then every other one.
  [[nodiscard]] CheckOp fatal(std::string_view message, int line);
  // os.Exit(code): the program ends at once with `code` (Outcome::Exit,
  // Report::exit_code = code; the process should exit with it, which the OS takes
  // modulo 256). Nothing more runs: no deferred call, no other goroutine. The report
  // lists the other goroutines alive then (blocked, or running), with no Leak events.
  [[nodiscard]] CheckOp exit(int code, int line);
  // Go's names of goroutine `id` for Go-shaped tracebacks (format_go_traceback): the
  // function it runs ("main.worker", "main.main.func1") and the function whose `go`
  // statement started it ("main.main"; for an AfterFunc, "time.goFunc"). Without a
  // call, main is "main.main", another goroutine "main." + its name, and created_by
  // is the spawning goroutine's function. Call it right after spawn (or any time
  // before the report is made).
  void set_go_function(GoroutineId id, std::string_view function, std::string_view created_by = {});

  // [SECTION] Runtime: inspection ----------------------------------------------------

  // The whole state now, as the fold of all events so far would give it (with time =
  // now()). Cost: proportional to goroutines, channels and buffered values.
  [[nodiscard]] trace::Snapshot snapshot() const;
  // Exited for a goroutine that exited; its last line (0 without Config::keep_exited).
  [[nodiscard]] GoState state_of(GoroutineId id) const;
  [[nodiscard]] int line_of(GoroutineId id) const;

  // [SECTION] Awaiters ---------------------------------------------------------------
  //
  // Returned by the operations above; only ever used as `co_await rt.op(...)`, at once.
  // SendOp, RecvOp and SelectOp act in await_ready: when the operation can complete
  // without blocking there is no suspension at all. ParkOp and CheckOp (sleep, cpu,
  // io, yield, wait, close, add, done, panic) act when called; awaiting them parks the
  // goroutine if it must wait, or stops it for good if it panicked.

  class SendOp {
   public:
    bool await_ready() { return rt_->begin_send(*this); }
    void await_suspend(std::coroutine_handle<> h) noexcept { rt_->park(h); }
    void await_resume() const noexcept {}

   private:
    friend class Runtime;
    SendOp(Runtime* rt, Chan ch, std::int64_t v, int line) : rt_(rt), ch_(ch), value_(v) {
      line_ = static_cast<std::uint16_t>(line);
    }
    Runtime* rt_;
    Chan ch_;
    std::int64_t value_;
    std::uint16_t line_ = 0;
    detail::Waiter waiter_;
  };

  class RecvOp {
   public:
    bool await_ready() { return rt_->begin_recv(*this); }
    void await_suspend(std::coroutine_handle<> h) noexcept { rt_->park(h); }
    RecvResult await_resume() const noexcept {
      return blocked_ ? RecvResult{waiter_.value, waiter_.success} : result_;
    }

   private:
    friend class Runtime;
    RecvOp(Runtime* rt, Chan ch, int line) : rt_(rt), ch_(ch) {
      line_ = static_cast<std::uint16_t>(line);
    }
    Runtime* rt_;
    Chan ch_;
    std::uint16_t line_ = 0;
    bool blocked_ = false;
    RecvResult result_;
    detail::Waiter waiter_;
  };

  class SelectOp {
   public:
    bool await_ready() { return rt_->begin_select(*this); }
    void await_suspend(std::coroutine_handle<> h) noexcept { rt_->park(h); }
    SelectResult await_resume() const noexcept;

   private:
    friend class Runtime;
    SelectOp(Runtime* rt, int line, std::span<const SelectCase> cases);
    // The case list and the waiters: inside the awaiter, or (many cases) on the heap.
    [[nodiscard]] SelectCase* cases() noexcept {
      return many_ ? many_->cases.data() : cases_.data();
    }
    [[nodiscard]] detail::Waiter* waiters() noexcept {
      return many_ ? many_->waiters.data() : waiters_.data();
    }
    [[nodiscard]] const detail::Waiter* waiters() const noexcept {
      return many_ ? many_->waiters.data() : waiters_.data();
    }
    struct Many {
      std::vector<SelectCase> cases;
      std::vector<detail::Waiter> waiters;
      std::vector<std::uint16_t> order;
    };
    Runtime* rt_;
    std::uint16_t line_ = 0;
    std::uint16_t count_ = 0;
    bool blocked_ = false;
    SelectResult result_;
    std::array<SelectCase, kInlineSelectCases> cases_{};
    std::array<detail::Waiter, kInlineSelectCases> waiters_{};
    std::unique_ptr<Many> many_;
  };

  // sleep, io, cpu, yield, WaitGroup.Wait, Lock, RLock: park now (unless there is nothing to wait
  // for), resume later; no result.
  class ParkOp {
   public:
    bool await_ready() const noexcept { return ready_; }
    void await_suspend(std::coroutine_handle<> h) noexcept { rt_->park(h); }
    void await_resume() const noexcept {}

   private:
    friend class Runtime;
    ParkOp(Runtime* rt, bool ready) : rt_(rt), ready_(ready) {}
    Runtime* rt_;
    bool ready_;
  };

  // close, Add/Done, Unlock, RUnlock, panic, fatal, exit: never block, but may end the
  // program; the goroutine then stops.
  class CheckOp {
   public:
    bool await_ready() const noexcept { return ok_; }
    void await_suspend(std::coroutine_handle<> h) noexcept { rt_->park(h); }
    void await_resume() const noexcept {}

   private:
    friend class Runtime;
    CheckOp(Runtime* rt, bool ok) : rt_(rt), ok_(ok) {}
    Runtime* rt_;
    bool ok_;
  };

 private:
  enum class Try : std::uint8_t { Done, NotReady, Panicked };
  struct TimerEntry {
    Time when;
    std::uint64_t order;       // insertion order: ties at one instant stay FIFO
    std::uint32_t target;      // goroutine slot (index in slots_), or timer id
    std::uint32_t generation;  // timer: must match the timer's to be live; goroutine: its id
    bool is_timer;
  };
  struct TimerLater {
    bool operator()(const TimerEntry& a, const TimerEntry& b) const noexcept {
      return a.when != b.when ? a.when > b.when : a.order > b.order;
    }
  };

  // Events. emit stamps now(); the events of an ending stamp the time of the last
  // activity instead, so how run_until is chunked never changes an event.
  void emit_at(Time time, trace::EventKind kind, GoroutineId g, std::uint16_t line,
               std::uint32_t object, std::int64_t value, std::uint32_t aux, std::uint8_t detail) {
    if (sink_ == nullptr || ended_) return;
    trace::Event e;
    e.seq = ++seq_;
    e.time = time;
    e.value = value;
    e.goroutine = g;
    e.object = object;
    e.aux = aux;
    e.line = line;
    e.kind = kind;
    e.detail = detail;
    sink_->on_event(e);
  }
  void emit(trace::EventKind kind, const detail::Goroutine* g, std::uint32_t object = 0,
            std::int64_t value = 0, std::uint32_t aux = 0, std::uint8_t detail = 0) {
    if (sink_ == nullptr) return;
    emit_at(end_time(), kind, g != nullptr ? g->id : 0, g != nullptr ? g->line : 0, object, value,
            aux, detail);
  }
  [[nodiscard]] Time end_time() const noexcept { return ending_ ? active_time_ : now_; }
  // now() + d, or kForever when that passes kMaxTime (no overflow, whatever d): the run
  // then stops there (StopReason::Clock) if it gets that far.
  [[nodiscard]] Time later(Time d) const noexcept {
    return d >= kMaxTime - now_ ? kForever : now_ + d;
  }
  void set_state(detail::Goroutine* g, GoState s, std::uint32_t object = 0, std::int64_t value = 0,
                 std::uint32_t aux = 0);
  [[nodiscard]] const detail::Goroutine* find_live(GoroutineId id) const noexcept {
    const auto* slot = live_by_id_.find(id);
    return slot != nullptr ? &slots_[*slot] : nullptr;
  }
  [[nodiscard]] std::vector<const detail::Goroutine*> live_in_id_order() const;

  // Scheduling.
  detail::Goroutine* running(int line);
  GoroutineId spawn_named(StringId name, std::int64_t index, Go body, int line);
  void park(std::coroutine_handle<> h) noexcept {
    current_->resume = h;
    current_->parked = true;
  }
  void make_ready(detail::Goroutine* g, std::uint32_t aux = 0);
  void run_goroutine(detail::Goroutine* g);
  void exit_goroutine(detail::Goroutine* g);
  bool completed_fast(detail::Goroutine* g);
  void schedule_wake(detail::Goroutine* g, Time when);
  void schedule_timer(std::uint32_t timer, Time when);
  bool pop_stale_timers();
  void fire_next_timer();
  void wake_from_timer(detail::Goroutine* g);
  void fire_timer(std::uint32_t timer);
  bool horizon_reached();
  void note_progress() noexcept { last_progress_ = now_; }

  // Channels.
  Try try_send(detail::Goroutine* g, detail::Channel* c, std::int64_t v);
  Try try_recv(detail::Goroutine* g, detail::Channel* c, RecvResult& out);
  void wake(detail::Waiter* w, bool success);
  bool begin_send(SendOp& op);
  bool begin_recv(RecvOp& op);
  bool begin_select(SelectOp& op);
  bool begin_single_case(SelectOp& op, int case_index, int default_index);
  bool close_channel(detail::Goroutine* g, detail::Channel* c);
  void block_forever(detail::Goroutine* g, GoState s, std::uint32_t object);

  // Mutexes.
  trace::MutexId new_mutex(std::string_view name, bool rw, int line);
  trace::MutexId copy_mutex_state(trace::MutexId from, int line);
  detail::MutexRec& mutex_rec(trace::MutexId id, bool rw);
  ParkOp lock_write(trace::MutexId id, bool rw, int line);
  CheckOp unlock_write(trace::MutexId id, bool rw, int line);
  bool try_lock_write(trace::MutexId id, bool rw, int line);
  void grant(detail::MutexRec& m, detail::Goroutine* g, trace::LockMode mode);

  // CPU, WaitGroups, contexts.
  void dispatch_cpu();
  void cancel_context(std::uint32_t ctx, detail::Goroutine* by, StringId reason);
  std::uint32_t new_timer_rec(detail::TimerAction action, detail::Channel* ch,
                              std::uint32_t context, Time period);

  // Endings.
  void raise_panic(detail::Goroutine* g, std::string_view message);
  void raise_fatal(detail::Goroutine* g, std::string_view message);
  void stop_at_limit(StopReason reason);
  bool over_event_budget();
  void finish_quiescent();
  void finish_drained();
  void finish_hang();
  void end(Outcome outcome);
  [[nodiscard]] std::string channel_label(const detail::Channel* c) const;
  [[nodiscard]] GoroutineReport describe(const detail::Goroutine& g) const;
  void list_remaining(trace::EventKind blocked_kind);
  void find_cycle();

  Config config_;
  trace::EventSink* sink_ = nullptr;
  trace::StringTable strings_;
  Rng program_rng_;
  Rng select_rng_;
  Rng map_rng_;

  Time now_ = 0;
  std::uint64_t seq_ = 0;
  std::uint64_t timer_order_ = 0;
  Time last_progress_ = 0;    // last communication, spawn, exit or finished work
  Time active_time_ = 0;      // last time a goroutine ran or a timer fired
  bool ending_ = false;       // emitting the events of an ending
  bool interrupted_ = false;  // interrupt() was called during this clock call
  bool ended_ = false;        // the End event is out: no event follows it
  Time main_exit_time_ = -1;

  // Goroutine records, in slots reused once a goroutine exited (main's is kept); a
  // deque, so records stay put. live_by_id_ finds a live goroutine's slot by id.
  std::deque<detail::Goroutine> slots_;
  std::vector<std::uint32_t> free_slots_;
  trace::IdMap<std::uint32_t> live_by_id_;
  GoroutineId last_id_ = 0;
  // With Config::keep_exited: history_[id - 1] is goroutine id's view as of its exit
  // (for a live one, its name and parent only; the live record has the rest).
  std::vector<trace::GoroutineView> history_;
  std::uint64_t event_budget_ = 0;        // Config::max_events, or no limit
  std::deque<detail::Channel> channels_;  // channels_[id - 1]
  std::deque<detail::WaitGroupRec> waitgroups_;
  std::deque<detail::MutexRec> mutexes_;           // mutexes_[id - 1]
  std::deque<std::function<void()>> after_funcs_;  // AfterFunc callbacks (stay put)
  std::vector<detail::ContextRec> contexts_;       // [0] is Background
  std::vector<detail::TimerRec> timers_;           // [0] unused
  detail::Goroutine* current_ = nullptr;
  detail::Goroutine* main_ = nullptr;
  std::size_t live_ = 0;

  detail::GoroutineQueue ready_;
  detail::GoroutineQueue cpu_queue_;
  int procs_ = 0;
  int busy_ = 0;
  std::vector<TimerEntry> timer_heap_;
  std::size_t live_timers_ = 0;

  StringId main_name_ = 0;
  StringId canceled_ = 0;
  StringId deadline_exceeded_ = 0;
  Report report_;
};

}  // namespace poolscope::sim
