#pragma once
// The two classifiers of a goroutine's state into a Look, side by side.
//
// They apply different rules, each from the data its caller has; the next issue
// merges them into one. How they differ:
// - look_of (the pool picture, the code view's markers) sees a goroutine in a snapshot,
//   with the channel it waits on. It tells waiting for a job (blocked receiving on jobs)
//   and a wait for a database connection or for errgroup's limit (the db / limit
//   semaphores) from other waits by that channel; a blocked select is Working on a line
//   of the work and BlockedRecv elsewhere; Sleeping is always Sleeping; a goroutine the
//   run's report lists as leaked is Leaked.
// - span_look (the timeline's lanes) sees only a span's state and Go line. It tells
//   them apart by the line: at `for j := range jobs` a receive or a select is Idle; on
//   a db acquire line any send, and anywhere any semaphore wait, is WaitingResource; at
//   g.Go's acquire it is WaitingLimit; a sleep on the work's own line is Working. It
//   knows nothing of leaks, and a select in the work (errgroup's) is BlockedRecv.
#include <cstdint>
#include <span>

#include "app/gui/model/look.hpp"
#include "app/gui/model/pool_model.hpp"
#include "core/scenario/go_export.hpp"
#include "core/trace/snapshot.hpp"

namespace poolscope::gui {

// The look of one goroutine in the picture. `m` gives the jobs, db and limit channels;
// `work_lines` are the lines of the work function.
[[nodiscard]] Look look_of(const trace::GoroutineView& g, const PoolModel& m, bool leaked,
                           std::span<const int> work_lines = {});

// The look of a lane span from its state and Go line in `program`.
[[nodiscard]] Look span_look(trace::GoState state, std::uint16_t line,
                             const scenario::GoProgram& program);

}  // namespace poolscope::gui
