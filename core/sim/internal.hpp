#pragma once
// Engine internals: the records behind goroutines, channels, WaitGroups, contexts and
// timers. Not API: programs use the handles in runtime.hpp (Chan, WaitGroup, Context,
// Timer); views use Snapshot. Kept in a header only because the awaiters that live in
// coroutine frames embed a Waiter.
//
// Index
//   [SECTION] Waiter and WaitQueue (Go's sudog and waitq)
//   [SECTION] Goroutine, GoroutineQueue
//   [SECTION] Channel
//   [SECTION] WaitGroup, Mutex, Context and Timer records
#include <array>
#include <cassert>
#include <coroutine>
#include <cstdint>
#include <vector>

#include "core/trace/event.hpp"

namespace poolscope::sim::detail {

using trace::ChanRole;
using trace::GoroutineId;
using trace::GoState;
using trace::StringId;
using trace::Time;

struct Goroutine;
struct Channel;

// [SECTION] Waiter and WaitQueue -----------------------------------------------------

// One goroutine waiting in one channel queue (Go's sudog). It lives inside the awaiter
// of the blocking operation, i.e. in the goroutine's coroutine frame, so blocking
// allocates nothing.
struct Waiter {
  Goroutine* g = nullptr;
  Channel* ch = nullptr;
  Waiter* prev = nullptr;
  Waiter* next = nullptr;
  std::int64_t value = 0;  // to send; or, once woken, the value received
  std::uint16_t case_index = 0;
  bool is_send = false;
  bool is_select = false;
  bool success = false;  // woken by a partner (true) or by close (false)
  bool fired = false;    // this waiter's operation is the one that completed
};

// FIFO of waiters, doubly linked so a select can leave the queues it lost in O(1).
class WaitQueue {
 public:
  [[nodiscard]] bool empty() const noexcept { return head_ == nullptr; }
  [[nodiscard]] Waiter* front() const noexcept { return head_; }
  void push_back(Waiter* w) noexcept {
    w->next = nullptr;
    w->prev = tail_;
    if (tail_ != nullptr) {
      tail_->next = w;
    } else {
      head_ = w;
    }
    tail_ = w;
  }
  Waiter* pop_front() noexcept {
    Waiter* w = head_;
    if (w != nullptr) remove(w);
    return w;
  }
  void remove(Waiter* w) noexcept {
    (w->prev != nullptr ? w->prev->next : head_) = w->next;
    (w->next != nullptr ? w->next->prev : tail_) = w->prev;
    w->prev = w->next = nullptr;
  }

 private:
  Waiter* head_ = nullptr;
  Waiter* tail_ = nullptr;
};

// [SECTION] Goroutine ----------------------------------------------------------------

struct Goroutine {
  GoroutineId id = 0;
  std::uint32_t slot = 0;  // its index in the Runtime's records (reused after it exits)
  GoroutineId parent = 0;
  StringId name = 0;
  std::int64_t index = -1;
  GoState state = GoState::Runnable;
  std::uint16_t line = 0;
  std::uint16_t spawn_line = 0;  // the line of the `go` statement that started it
  std::int64_t job = trace::kNoJob;
  StringId go_function = 0;  // Go's name of its function ("main.worker"), 0: unknown
  StringId created_by = 0;   // Go's name of the function that started it ("main.main")
  std::uint32_t wait_object = 0;
  std::int64_t wait_value = 0;
  Time since = 0;

  std::coroutine_handle<> root;    // the spawned function's frame (owned)
  std::coroutine_handle<> resume;  // where to continue: the innermost suspended frame
  Goroutine* next = nullptr;       // link in the run queue, CPU queue or WaitGroup

  Waiter* select_waiters = nullptr;  // while blocked in select: its case waiters
  std::uint16_t select_count = 0;
  Time work_left = 0;  // CPU work to do once it gets a processor
  std::uint32_t ops_since_resume = 0;
  bool parked = false;  // since its last resume, it parked in a Runtime operation
  bool doomed = false;  // a sender woken by close: panics as soon as it runs
  bool exited = false;
};

// Intrusive FIFO of goroutines through Goroutine::next; a goroutine is in at most one.
class GoroutineQueue {
 public:
  [[nodiscard]] bool empty() const noexcept { return head_ == nullptr; }
  [[nodiscard]] Goroutine* front() const noexcept { return head_; }
  void push_back(Goroutine* g) noexcept {
    g->next = nullptr;
    if (tail_ != nullptr) {
      tail_->next = g;
    } else {
      head_ = g;
    }
    tail_ = g;
  }
  Goroutine* pop_front() noexcept {
    Goroutine* g = head_;
    if (g != nullptr) {
      head_ = g->next;
      if (head_ == nullptr) tail_ = nullptr;
      g->next = nullptr;
    }
    return g;
  }

 private:
  Goroutine* head_ = nullptr;
  Goroutine* tail_ = nullptr;
};

// The few goroutines that used a channel most recently in one direction: the
// deadlock report's evidence of who would be the partner of a blocked operation.
class RecentUsers {
 public:
  void note(GoroutineId g) noexcept {
    if (ids_[last_] == g) return;
    last_ = (last_ + 1) % ids_.size();
    ids_[last_] = g;
  }
  [[nodiscard]] const std::array<GoroutineId, 4>& ids() const noexcept { return ids_; }

 private:
  std::array<GoroutineId, 4> ids_{};
  std::size_t last_ = 0;
};

// [SECTION] Channel ------------------------------------------------------------------

// Go's hchan: a ring buffer of cap values plus FIFO queues of blocked goroutines.
struct Channel {
  trace::ChannelId id = 0;
  StringId name = 0;
  ChanRole role = ChanRole::Plain;
  std::int64_t cap = 0;
  bool closed = false;
  GoroutineId creator = 0;

  std::vector<std::int64_t> buf;  // cap slots, allocated once
  std::int64_t head = 0;          // index of the oldest buffered value
  std::int64_t count = 0;         // len(ch)
  WaitQueue sendq;
  WaitQueue recvq;

  std::uint64_t sent = 0;
  std::uint64_t received = 0;
  RecentUsers senders;
  RecentUsers receivers;

  void push(std::int64_t v) noexcept {
    assert(count < cap);
    std::int64_t tail = head + count;
    if (tail >= cap) tail -= cap;
    buf[static_cast<std::size_t>(tail)] = v;
    ++count;
  }
  std::int64_t pop() noexcept {
    assert(count > 0);
    const std::int64_t v = buf[static_cast<std::size_t>(head)];
    if (++head == cap) head = 0;
    --count;
    return v;
  }
};

// [SECTION] WaitGroup, Mutex, Context and Timer records ------------------------------

struct WaitGroupRec {
  trace::WaitGroupId id = 0;
  StringId name = 0;
  std::int64_t counter = 0;
  GoroutineId creator = 0;
  GoroutineQueue waiters;
  RecentUsers doners;  // goroutines that called Done (or Add with a negative delta)
};

// A sync.Mutex, or a sync.RWMutex (rw). Lock hands the lock over FIFO: Unlock gives it
// to the first waiter at once (Go's starvation mode, always). An RWMutex follows Go's
// rwmutex.go: writers queue for the lock one at a time (writer_queue, Go's w Mutex); the
// writer that has its turn (writer) excludes new readers at once, and waits
// (waiting_writer) until the readers holding a read lock are gone; readers that came
// meanwhile wait in reader_queue and all get the lock when that writer unlocks.
struct MutexRec {
  trace::MutexId id = 0;
  StringId name = 0;
  bool rw = false;
  GoroutineId creator = 0;
  GoroutineId writer = 0;  // holds Lock, or has its turn and waits for the readers to go
  Goroutine* waiting_writer = nullptr;  // that writer while it waits (blocked, so alive)
  std::int64_t readers = 0;             // read locks held
  GoroutineQueue writer_queue;
  GoroutineQueue reader_queue;
  RecentUsers holders;  // goroutines that took a lock most recently
};

struct ContextRec {
  Channel* done = nullptr;
  std::uint32_t parent = 0;
  std::vector<std::uint32_t> children;
  StringId err = 0;         // 0 while not cancelled
  std::uint32_t timer = 0;  // deadline timer, 0: none
};

enum class TimerAction : std::uint8_t {
  SendTime,       // time.Timer / time.After / time.Ticker: non-blocking send of now
  CancelContext,  // context.WithTimeout's deadline
  Call,           // time.AfterFunc: calls a callback of the Runtime's (context = its index)
};

struct TimerRec {
  TimerAction action = TimerAction::SendTime;
  bool active = false;
  std::uint32_t generation = 0;  // bumps on stop, so stale heap entries are skipped
  Channel* ch = nullptr;
  std::uint32_t context = 0;  // CancelContext: the context; Call: the callback
  Time period = 0;            // a Ticker's period; 0: one-shot
};

}  // namespace poolscope::sim::detail
