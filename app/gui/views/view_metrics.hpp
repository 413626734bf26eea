#pragma once
// The metrics view: live plots of the run, its figures, and the sizing curve.
//
// Index
//   [SECTION] State
//   [SECTION] draw_metrics
//   [SECTION] The sizing curve (no ImGui: computed with core/pool only)
//
// - Plots (plot.hpp) of the Session's histories against virtual time (seconds across,
//   the samples kept spanning the whole width; units on the value axis): queue depth,
//   jobs in work, blocked senders, throughput, latency p50 and p99, goroutines, memory;
//   each shows its current value. They and the figures describe the present run, also while the
//   timeline is scrubbing.
// - Figures (pool::Figures): utilisation, Little's law measured (L against lambda x W),
//   peaks, how long senders waited on a full jobs channel.
// - The sizing lesson's curve: throughput against the number of workers, 1 to
//   kSizingMaxWorkers, each point a complete simulated run of the current scenario
//   with that pool size. Computed when the learner presses the button (synchronously,
//   within the frame: bounded as described at compute_sizing), cached in
//   MetricsViewState until the scenario changes. The knee and the current worker count
//   are marked.
#include <optional>
#include <string>
#include <vector>

#include "app/gui/model/session.hpp"
#include "app/gui/views/view_pool.hpp"
#include "core/scenario/scenario.hpp"
#include "core/trace/event.hpp"

namespace poolscope::gui {

// [SECTION] State ------------------------------------------------------------------------

struct SizingPoint {
  int workers = 0;
  double throughput_per_s = 0;                       // jobs done per second of virtual time
  double latency_p99_ms = 0;                         // created -> done
  trace::Outcome outcome = trace::Outcome::Running;  // Running: stopped at the time cap
};

struct SizingCurve {
  scenario::Scenario key;           // sizing_key() of the scenario it was computed for
  std::vector<SizingPoint> points;  // workers 1, 2, ... in order (fewer when cut short)
  int knee = 0;                     // sizing_knee(points); 0 when there is no throughput
  std::string note;                 // how the runs were bounded, "" when they were not
  std::string error;                // why there is no curve ("" when there is one)
};

struct MetricsViewState {
  std::optional<SizingCurve> sizing;  // = none // the last curve computed
};

// [SECTION] draw_metrics -----------------------------------------------------------------

// Draws into the current window's remaining region, in a child window of its own that
// scrolls (so tabs above it stay in view). Reads the session only; the sizing runs are
// separate simulations.
void draw_metrics(const Session& session, MetricsViewState& state, const PoolViewStyle& style);

// [SECTION] The sizing curve -------------------------------------------------------------

inline constexpr int kSizingMaxWorkers = 30;
inline constexpr int kSizingMaxJobs = 2000;                         // per run
inline constexpr trace::Time kSizingTimeCap = 60 * trace::kSecond;  // virtual, per run
inline constexpr double kSizingWallBudgetS = 5.0;                   // all runs together

// The cache key: the scenario with its worker count cleared (the curve covers them all).
[[nodiscard]] scenario::Scenario sizing_key(const scenario::Scenario& s);

// The scenario one sizing run simulates: `s` with `workers` workers, one request, and a
// finite load of at most kSizingMaxJobs jobs (an endless load becomes rate x duration
// jobs, at most that many). `note` gets a sentence for each bound applied. Returns none
// when the bounded scenario is not valid.
[[nodiscard]] std::optional<scenario::Scenario> sizing_run_scenario(const scenario::Scenario& s,
                                                                    int workers,
                                                                    std::string* note = nullptr);

// Runs the sweep: workers 1..kSizingMaxWorkers, each run stopped at kSizingTimeCap of
// virtual time; stops early when kSizingWallBudgetS of wall time is spent (and says so).
// Unbounded mode has no worker count: the curve then holds only an error.
[[nodiscard]] SizingCurve compute_sizing(const scenario::Scenario& s);

// The knee: the fewest workers whose throughput reaches `fraction` of the best one.
// 0 when no point has any throughput.
[[nodiscard]] int sizing_knee(const std::vector<SizingPoint>& points, double fraction = 0.95);

}  // namespace poolscope::gui
