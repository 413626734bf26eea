#pragma once
// ProgramModel: what the program view shows of a learner's own Go program, derived from
// a Snapshot; no drawing. (The pool view's PoolModel knows the built-in programs'
// declared roles; a learner's program declares none, so this model reads the shape off
// what the goroutines do.)
//
// Index
//   [SECTION] Usage: who sends on and receives from which channel, learned over a run
//   [SECTION] The model: columns of cards, channels, sync objects, arrows, value tokens
//   [SECTION] Building it
//   [SECTION] Token trips (for the view's tweens)
//
// Contract
// - Goroutines are cards grouped in columns by the function they run (GoroutineView::name:
//   "worker", "main", "main:12" for a function literal on line 12 of main). Each card has
//   its Look from the one classifier (goroutine_look.hpp), its line, and what it waits on.
// - A column holds the live goroutines of its function; exited ones are counted, not
//   drawn. A function has a column as long as the snapshot knows any goroutine of it, so
//   a column never jumps when its goroutines exit.
// - Channels are boxes with their variable's name, len, cap, buffered values, blocked
//   senders (with the values they send) and receivers, and the closed flag. Mutexes,
//   WaitGroups and a clock (for sleepers) are small boxes of their own.
// - Every blocked goroutine has an arrow to what it waits on: one per case channel of a
//   select.
// - Pool shape: a function with at least two goroutines that receive from one channel
//   (jobs) that another function sends on, and send on another (results, optional), is
//   read as a pool and laid out producer -> jobs -> workers -> results -> collector. Other
//   programs read in data-flow order: a function that sends on a channel stands left of
//   the functions that receive from it (main first when the flow is a cycle), each
//   channel right of its first sender's column.
// - Pure and deterministic: a function of (snapshot, strings, usage, outcome, leaks, the
//   moment, the previous model). Tested without a window.
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "app/gui/model/goroutine_look.hpp"
#include "app/gui/model/look.hpp"
#include "core/trace/snapshot.hpp"
#include "core/trace/string_table.hpp"

namespace poolscope::sim {
struct Report;
}

namespace poolscope::gui {

// [SECTION] Usage ----------------------------------------------------------------------

// Which functions have sent on and received from which channels. A snapshot shows only
// the waits of one moment (a worker that is working now waits on nothing); folding the
// run's events (Spawn, Send, Recv, SelectWait) remembers every use so far. Either alone
// works; together they are best.
class ChannelUsage {
 public:
  // Learns from one event of the run, in order (Spawn names the goroutine).
  void note(const trace::Event& e);
  // Learns from the waits of one moment: queued senders and receivers, blocked states.
  void note(const trace::Snapshot& s);

  // Whether goroutines running `function` (a StringId of the run's table) sent on /
  // received from channel `c`.
  // The function goroutine g runs (0: not known). A live Go run's snapshot forgets the
  // names of exited goroutines (Config::keep_exited is off); the Spawn events keep them.
  [[nodiscard]] trace::StringId function_of(trace::GoroutineId g) const;

  [[nodiscard]] bool sends(trace::StringId function, trace::ChannelId c) const;
  [[nodiscard]] bool receives(trace::StringId function, trace::ChannelId c) const;
  // Every (function, channel) pair seen, sorted.
  [[nodiscard]] const std::vector<std::pair<trace::StringId, trace::ChannelId>>& senders() const {
    return sends_;
  }
  [[nodiscard]] const std::vector<std::pair<trace::StringId, trace::ChannelId>>& receivers() const {
    return recvs_;
  }

 private:
  static void add(std::vector<std::pair<trace::StringId, trace::ChannelId>>& to, trace::StringId f,
                  trace::ChannelId c);
  void add_use(trace::GoroutineId g, trace::ChannelId c, bool send);
  std::vector<trace::StringId> function_of_;  // by goroutine id - 1 (from Spawn events)
  std::vector<std::pair<trace::StringId, trace::ChannelId>> sends_;  // sorted, unique
  std::vector<std::pair<trace::StringId, trace::ChannelId>> recvs_;  // sorted, unique
};

// [SECTION] The model ------------------------------------------------------------------

// What a blocked goroutine waits on.
enum class WaitKind : std::uint8_t {
  ChanSend,   // ch <- v
  ChanRecv,   // <-ch, for range ch
  Select,     // one case of a blocked select (dir says which queue it waits in)
  Mutex,      // mu.Lock(), rw.RLock()
  WaitGroup,  // wg.Wait()
  Sleep,      // time.Sleep: waits for the clock
};
[[nodiscard]] std::string_view to_string(WaitKind k) noexcept;  // "chan-send", ...

// Something a goroutine can wait on, drawn as a box.
enum class ObjectKind : std::uint8_t { Channel, Mutex, WaitGroup, Clock };
struct ObjectRef {
  ObjectKind kind = ObjectKind::Channel;
  std::uint32_t id = 0;  // channel, mutex or WaitGroup id; 0 for the clock
  friend bool operator==(const ObjectRef&, const ObjectRef&) = default;
};

struct ProgramCard {
  trace::GoroutineId id = 0;
  std::string name;         // "worker 3", "main", "main:12 2"
  std::int64_t index = -1;  // worker 3 -> 3
  Look look = Look::Runnable;
  trace::GoState state = trace::GoState::Runnable;
  std::uint16_t line = 0;
  trace::Time since = 0;   // in this state since
  std::string waits_on;    // "send on jobs", "receive from results", "lock mu", "" ...
  bool sending = false;    // blocked sending `value` (a send, or a select's send case)
  std::int64_t value = 0;  // the value it is sending
  trace::Time wake = 0;    // a sleeper's wake-up time (0: none)
  double progress = -1;    // 0..1 through a sleep or timed work; -1 when not timed
};

enum class ColumnRole : std::uint8_t {
  Plain,      // a function's goroutines, in data-flow order
  Producers,  // pool: who sends on jobs
  Workers,    // pool: the workers
  Collector,  // pool: who receives from results
};

// How many goroutines are in each look.
using ProgramLookCounts = std::array<int, static_cast<std::size_t>(Look::Count)>;

// Most cards a column lists; its other live goroutines are only counted (a layout
// summarises a column long before: program_layout.hpp).
inline constexpr std::size_t kMaxColumnCards = 1000;

struct ProgramColumn {
  trace::StringId function = 0;  // 0: "others", the functions past kMaxProgramColumns
  std::string title;             // the function's name ("worker", "main", "main:12")
  ColumnRole role = ColumnRole::Plain;
  std::vector<ProgramCard> cards;  // live goroutines, by id (at most kMaxColumnCards)
  int unlisted = 0;                // live goroutines past kMaxColumnCards
  int exited = 0;                  // goroutines of the function that returned
  ProgramLookCounts counts{};      // looks of all its live goroutines
  [[nodiscard]] int live() const { return static_cast<int>(cards.size()) + unlisted; }
};

struct ProgramChannel {
  trace::ChannelId id = 0;
  std::string name;  // the variable it was first stored in; "chan 3" when unnamed
  trace::ChanRole role = trace::ChanRole::Plain;
  std::int64_t cap = 0;
  bool closed = false;
  std::vector<std::int64_t> buffer;       // len = size(), head first
  std::vector<trace::Waiting> senders;    // blocked senders with their values, first first
  std::vector<trace::Waiting> receivers;  // blocked receivers, first first
  std::uint64_t sent = 0;                 // completed sends (numbers the buffered values)
  // Where it stands: between columns[gap - 1] and columns[gap] (0: left of the first).
  int gap = 0;
};

struct ProgramSync {
  ObjectRef ref;
  std::string name;               // "mu", "wg", "time" for the clock
  std::int64_t counter = 0;       // a WaitGroup's counter; readers of an RWMutex
  trace::GoroutineId holder = 0;  // who holds a mutex (0: nobody, or readers)
  std::vector<trace::GoroutineId> waiters;
};

struct ProgramArrow {
  trace::GoroutineId from = 0;
  ObjectRef to;
  WaitKind kind = WaitKind::ChanRecv;
  trace::Dir dir = trace::Dir::Recv;  // the queue it waits in, for channels
  friend bool operator==(const ProgramArrow&, const ProgramArrow&) = default;
};

// A value in sight, with a key that follows it while it stays in one place: a buffered
// value is numbered by its send on its channel, a value in a blocked sender's hand by
// the sender.
enum class TokenPlace : std::uint8_t { Hand, Slot };
struct ValueToken {
  std::uint64_t key = 0;
  std::int64_t value = 0;
  std::string text;  // the value as it reads (ProgramInput::value_text)
  trace::ChannelId channel = 0;
  TokenPlace place = TokenPlace::Slot;
  int index = 0;                  // slot from the head, or position in the send queue
  trace::GoroutineId sender = 0;  // Hand: whose
  friend bool operator==(const ValueToken&, const ValueToken&) = default;
};

struct PoolShape {
  trace::StringId workers = 0;  // the workers' function (0: not a pool)
  trace::ChannelId jobs = 0;
  trace::ChannelId results = 0;  // 0: the workers send no results
  [[nodiscard]] bool pool() const { return workers != 0; }
  friend bool operator==(const PoolShape&, const PoolShape&) = default;
};

// Most channels shown at once (the busiest, then the newest); the rest are counted.
inline constexpr std::size_t kMaxProgramChannels = 12;
// Most columns: beyond, the functions with no live goroutine are dropped, then the rest
// go into one column "others".
inline constexpr std::size_t kMaxProgramColumns = 8;

struct ProgramModel {
  std::vector<ProgramColumn> columns;  // left to right
  std::vector<ProgramChannel> channels;
  std::vector<ProgramSync> syncs;  // WaitGroups and mutexes in use, then the clock
  std::vector<ProgramArrow> arrows;
  std::vector<ValueToken> tokens;
  PoolShape shape;
  int hidden_channels = 0;
  int leaked = 0;
  std::string message;  // how the run ended, in Go's words ("fatal error: ..."), or ""
  trace::Outcome outcome = trace::Outcome::Running;
  bool main_exited = false;
  trace::Time now = 0;
  // The lines the pool's workers have slept on so far (with the previous models'): their
  // work, for the classifier (program_look_rules).
  std::vector<int> work_lines;

  [[nodiscard]] const ProgramCard* card(trace::GoroutineId g) const;
  [[nodiscard]] const ProgramChannel* channel(trace::ChannelId c) const;
  // Index of the column that shows goroutine g (-1: none).
  [[nodiscard]] int column_of(trace::GoroutineId g) const;
};

// [SECTION] Building it ----------------------------------------------------------------

// How a value on a channel reads ("7", "hello"); default: the value as a decimal number
// (ints and bools travel as their bits; other types need the interpreter to name them).
using ValueText = std::function<std::string(trace::ChannelId, std::int64_t)>;

struct ProgramInput {
  const trace::Snapshot* snapshot = nullptr;         // the moment shown
  const trace::StringTable* strings = nullptr;       // the run's names
  const ChannelUsage* usage = nullptr;               // what the run did so far (may be null)
  trace::Time now = 0;                               // the moment shown (a fold knows less)
  trace::Outcome outcome = trace::Outcome::Running;  // how the run stands or ended
  std::vector<trace::GoroutineId> leaked;            // blocked forever after main returned
  trace::GoroutineId culprit = 0;                    // Panic: who panicked
  std::string message;                               // Go's words for the end, or ""
  ValueText value_text;                              // null: values as decimal numbers
  // The model of the frame before (may be null): a pool once seen stays a pool while its
  // channels live, and a column stays when the snapshot forgot its exited goroutines.
  // Pass null after a jump back in time.
  const ProgramModel* previous = nullptr;
};

// The outcome, leaks and culprit of a run's report (leaks only once it Completed).
void take_report(ProgramInput& in, const sim::Report& report);

[[nodiscard]] ProgramModel build_program_model(const ProgramInput& in);

// The classifier's rules the cards were given, for every view that classifies this run's
// goroutines (the timeline), so a goroutine has one look everywhere: the pool's jobs
// channel is where its workers wait for a job, and the model's work_lines are work. The
// rules point into `m`: use them while it lives.
[[nodiscard]] LookRules program_look_rules(const ProgramModel& m);

// How many live goroutines of the model are in each look.
[[nodiscard]] ProgramLookCounts look_counts(const ProgramModel& m);

// [SECTION] Token trips ----------------------------------------------------------------

// Where a token that appears came from, or a token that went away went to: the view
// tweens along these. `from`/`to` is a token key (a sender's hand became a slot), a
// goroutine (a value handed to a receiver that was waiting), or nothing (appears at the
// channel's sender side, leaves at its receiver side).
struct TokenTrip {
  std::uint64_t key = 0;        // the token that appeared or left
  std::uint64_t other_key = 0;  // appeared: the hand token it came from
  trace::GoroutineId to = 0;    // left: the receiver it went to
  trace::ChannelId channel = 0;
  bool appeared = false;
  friend bool operator==(const TokenTrip&, const TokenTrip&) = default;
};
[[nodiscard]] std::vector<TokenTrip> token_trips(const ProgramModel& before,
                                                 const ProgramModel& after);

}  // namespace poolscope::gui
