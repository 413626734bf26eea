#pragma once
// Presets: the lessons of LESSONS.md as ready-made scenarios, in teaching order.
//
// - Ids are stable (scenario files, the CLI's --preset and the GUI refer to them):
//   hello-pool, backpressure, unbounded-vs-pool, forgot-close, results-deadlock,
//   size-to-bottleneck, errgroup-limit, then queueing (beyond the seed), then
//   your-own-pool, the only one with a Go source (Scenario::source): the learner's own
//   program, starting from scenario::worker_pool_template().
// - Each preset carries its id, title and one-line summary in the Scenario itself, and
//   passes validate().
// - The values are chosen to make the lesson's point; the summaries say which value to
//   change to see the fix.
#include <span>
#include <string_view>

#include "core/scenario/result.hpp"
#include "core/scenario/scenario.hpp"

namespace poolscope::scenario {

// Every preset, in teaching order. The storage lives for the whole program.
std::span<const Scenario> presets();

// The preset with that id, or an Error listing the valid ids (with the nearest one for
// a typo): `unknown preset "helo-pool"; did you mean "hello-pool"? (presets: ...)`.
Result<Scenario> find_preset(std::string_view id);

}  // namespace poolscope::scenario
