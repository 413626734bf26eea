#pragma once
// Snapshot: the whole state of a simulated Go program at one moment, as plain data.
//
// Contract
// - fold(s, e) applies one event to a snapshot. Folding a run's events in order, from
//   an empty Snapshot (or from a snapshot the engine produced at seq N, with the events
//   after N), gives exactly the state the engine reports at that point: each
//   goroutine's state, line, job and wait target; each channel's buffered values in
//   order, its queues of blocked senders and receivers in order, its closed flag; the
//   WaitGroups; the mutexes; the CPU queue. The engine's tests check this on random programs.
// - A Snapshot holds no pointers into the engine: copy it freely (a frame of the UI
//   copies one; the cost is a few flat vectors).
// - Lookups by id are O(1): ids are dense, goroutines[id - 1] is goroutine id.
// - fold asserts on an event that does not fit the snapshot (programmer error: a
//   missing event, or events from another run).
#include <cstdint>
#include <vector>

#include "core/trace/event.hpp"

namespace poolscope::trace {

// One entry of a channel's sendq or recvq.
struct Waiting {
  GoroutineId goroutine = 0;
  std::int64_t value = 0;  // the value a blocked sender is sending; 0 in a recvq
  friend bool operator==(const Waiting&, const Waiting&) = default;
};

struct GoroutineView {
  GoroutineId id = 0;
  GoroutineId parent = 0;   // who spawned it (0: the host program)
  StringId name = 0;        // "main", "worker", ...
  std::int64_t index = -1;  // "worker 3" has index 3; -1: no index
  GoState state = GoState::Runnable;
  std::uint16_t line = 0;         // current Go line (0: not started / unknown)
  std::int64_t job = kNoJob;      // the job it holds (JobPhase::Started .. Done)
  std::uint32_t wait_object = 0;  // channel / WaitGroup it waits on; cases in select
  std::int64_t wait_value = 0;    // value being sent, or wake-up time, per state
  Time since = 0;                 // when it entered its current state
  friend bool operator==(const GoroutineView&, const GoroutineView&) = default;
};

struct ChannelView {
  ChannelId id = 0;
  StringId name = 0;
  ChanRole role = ChanRole::Plain;
  std::int64_t cap = 0;
  bool closed = false;
  GoroutineId creator = 0;
  std::vector<std::int64_t> buffer;  // buffered values, head first (len = size())
  std::vector<Waiting> sendq;        // blocked senders, first to be served first
  std::vector<Waiting> recvq;        // blocked receivers, first to be served first
  std::uint64_t sent = 0;            // completed sends
  std::uint64_t received = 0;        // completed receives of a sent value (ok = true)
  friend bool operator==(const ChannelView&, const ChannelView&) = default;
};

struct WaitGroupView {
  WaitGroupId id = 0;
  StringId name = 0;
  std::int64_t counter = 0;
  std::vector<GoroutineId> waiters;  // goroutines blocked in Wait, in arrival order
  friend bool operator==(const WaitGroupView&, const WaitGroupView&) = default;
};

// A sync.Mutex or RWMutex.
struct MutexView {
  MutexId id = 0;
  StringId name = 0;
  bool rw = false;                   // an RWMutex
  GoroutineId writer = 0;            // holds Lock (0: nobody)
  std::int64_t readers = 0;          // RLocks held
  std::vector<GoroutineId> waiters;  // blocked in Lock or RLock, by goroutine id
  friend bool operator==(const MutexView&, const MutexView&) = default;
};

struct Snapshot {
  std::uint64_t seq = 0;                  // the last event folded in (0: none)
  Time time = 0;                          // fold: time of the last event; engine: its clock now()
  std::int64_t procs = 0;                 // GOMAXPROCS
  std::int64_t busy = 0;                  // processors doing CPU work now
  std::vector<GoroutineId> cpu_queue;     // goroutines waiting for a processor, FIFO
  std::vector<GoroutineView> goroutines;  // goroutines[id - 1]
  std::vector<ChannelView> channels;      // channels[id - 1]
  std::vector<WaitGroupView> waitgroups;  // waitgroups[id - 1]
  std::vector<MutexView> mutexes;         // mutexes[id - 1]
  Outcome outcome = Outcome::Running;
  bool main_exited = false;

  [[nodiscard]] const GoroutineView& goroutine(GoroutineId id) const;
  [[nodiscard]] const ChannelView& channel(ChannelId id) const;
  [[nodiscard]] const WaitGroupView& waitgroup(WaitGroupId id) const;
  [[nodiscard]] const MutexView& mutex(MutexId id) const;

  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

// Applies one event (the next in sequence) to s.
void fold(Snapshot& s, const Event& e);

// True when a and b describe the same program state, ignoring `time` (a fold knows
// only the time of the last event; the engine's clock may have moved on since).
[[nodiscard]] bool same_state(const Snapshot& a, const Snapshot& b);

}  // namespace poolscope::trace
