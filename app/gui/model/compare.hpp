#pragma once
// Compare: two runs side by side on the same load and seed, each with its own settings.
//
// - The right-hand run starts as the left one's scenario with a variant's settings
//   applied (e.g. "a pool of 20" beside one goroutine per upload).
// - Both share one clock: play, pause, speed and restarts of either side apply to both,
//   so at every moment the two pictures show the same virtual time.
// - One side has the focus: the controls panel edits that side's settings.
// - A learner's program is compared with another version of itself: B starts as A's
//   program (or with constants changed, "numWorkers=1"), has the focus, and runs the
//   editor's text at each Run, while A stays as it was.
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "app/gui/model/session.hpp"
#include "core/scenario/result.hpp"
#include "core/scenario/scenario.hpp"

namespace poolscope::gui {

struct CompareVariant {
  std::string name;               // "a pool of 20 workers"
  std::vector<std::string> sets;  // KEY=VALUE, applied to the left scenario
};

// The variants offered beside `left`: for a preset the lessons' classic pairs first; for a
// program, the same program (to edit).
std::span<const CompareVariant> compare_variants(const scenario::Scenario& left);
// The variant that contrasts best with `left` (a pool beside unbounded, and so on).
const CompareVariant& suggested_variant(const scenario::Scenario& left);
// `left` with the variant's settings (or a program's constants) applied
// (pool::apply_sets); the validator's or Go's message when they do not fit.
scenario::Result<scenario::Scenario> apply_variant(const scenario::Scenario& left,
                                                   std::span<const std::string> sets);

// A program's constants that `b` gives other values than `a` does: {name, b's value,
// a's value}, in b's order. Constants only one side has are left out.
struct ChangedConstant {
  std::string name, value, was;
};
std::vector<ChangedConstant> changed_constants(const std::string& a, const std::string& b);

// A one-line description of how `s` differs from `base` ("pool.workers 20, pool.mode pool"),
// or "same settings". For two programs: the constants that differ and the lines edited
// besides ("numWorkers 1 (A: 3); lines 30-31 edited"), or "the same program".
std::string describe_difference(const scenario::Scenario& base, const scenario::Scenario& s);

// The second run (its picture's memory is the app's: PoolViewState).
struct Compare {
  std::unique_ptr<Session> session;
  bool focus_right = false;
  std::string variant;  // the variant's name, for the pane header
  std::string left_id;  // the left scenario's id when the comparison started
};

// Keeps `other` on `lead`'s clock after the controls acted on `lead` (whose clock read
// `lead_before` just before): the same play state and speed, a restart when lead
// restarted, a step when lead stepped, the same moment (simulated again) when lead stepped
// back, the same scrubbed moment.
void share_clock(const Session& lead, Session& other, trace::Time lead_before);

}  // namespace poolscope::gui
