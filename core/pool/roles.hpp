#pragma once
// Roles: what each goroutine and channel of a pool program is for, as the program says
// when it spawns or makes it (programs.cpp: `p.go(Role::Closer, "closer", ...)`,
// `p.make_chan(ChannelUse::Jobs, ...)`).
//
// - Readers (the pool picture, the metrics) take roles from here; nothing recognises a
//   goroutine or a channel by its name.
// - A goroutine or channel the program never declared (a timer's channel, a context's
//   Done) is Other. Goroutines are kept as runs of consecutive ids with one role (a
//   million job goroutines in a row are one run), so the table does not grow with the
//   goroutines an endless load spawns; channels are a vector indexed by id - 1.
// - Every request makes its own channels: each request's jobs channel is a Jobs channel.
//   A reader that wants "the" jobs channel takes the newest one it sees.
// - Main collects the results itself in every program; no goroutine is spawned as a
//   collector. Whether main stands at the collector at a given moment is the reader's
//   call (the GUI's PoolModel decides it from main's state and line).
// - Deterministic and UI-free; one entry per run of goroutines, one byte per channel.
#include <cstdint>
#include <vector>

#include "core/trace/event.hpp"

namespace poolscope::pool {

// What a goroutine does in the program.
enum class Role : std::uint8_t {
  Main,      // main: sends (or spawns) the jobs, then collects the results
  Producer,  // sends or spawns the jobs: the producer goroutine, or one of several senders
  Worker,    // a pool worker: `go worker(w, jobs, results...)`
  Job,       // one goroutine per job (unbounded mode, errgroup's g.Go)
  Closer,    // waits for the workers, then closes results
  Other,     // not declared
};

// What a channel is for in the program.
enum class ChannelUse : std::uint8_t {
  Other,    // not declared (timers, contexts' Done channels, ...)
  Jobs,     // jobs := make(chan int, B)
  Results,  // results := make(chan int, B)
  Db,       // db := make(chan struct{}, S): the database connections, a semaphore
  Limit,    // g.sem: errgroup's SetLimit semaphore
};

class Roles {
 public:
  // Declarations, made by the program right after `go` or `make`.
  void set_role(trace::GoroutineId g, Role role);
  void set_use(trace::ChannelId c, ChannelUse use);

  // Other / ChannelUse::Other for ids never declared (or 0).
  [[nodiscard]] Role role(trace::GoroutineId g) const noexcept;
  [[nodiscard]] ChannelUse use(trace::ChannelId c) const noexcept;

 private:
  struct Run {
    trace::GoroutineId first = 0;  // ids first .. (the next run's first - 1) have role
    Role role = Role::Other;
  };
  std::vector<Run> runs_;             // by first id, ascending
  trace::GoroutineId last_ = 0;       // the highest id declared; later ids are Other
  std::vector<ChannelUse> channels_;  // channels_[id - 1]
};

}  // namespace poolscope::pool
