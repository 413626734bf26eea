// The metrics view. Sections:
//   [SECTION] The sizing curve (computation)
//   [SECTION] Helpers
//   [SECTION] Live plots
//   [SECTION] Figures
//   [SECTION] Sizing plot
//   [SECTION] draw_metrics
#include "app/gui/views/view_metrics.hpp"

#include <imgui.h>

#include <fmt/core.h>
#include <algorithm>
#include <chrono>
#include <cmath>

#include "app/gui/model/timeline_layout.hpp"
#include "app/gui/views/plot.hpp"
#include "app/gui/views/theme.hpp"
#include "core/pool/pool_run.hpp"
#include "core/pool/sweep.hpp"
#include "core/scenario/scenario_json.hpp"

namespace poolscope::gui {

// [SECTION] The sizing curve (computation) ------------------------------------------------

scenario::Scenario sizing_key(const scenario::Scenario& s) {
  scenario::Scenario key = s;
  key.pool.workers = 0;
  return key;
}

std::optional<scenario::Scenario> sizing_run_scenario(const scenario::Scenario& s, int workers,
                                                      std::string* note) {
  scenario::Scenario r = s;
  r.pool.workers = workers;
  std::string said;
  if (r.load.requests > 1) {
    said += fmt::format(" One request instead of {}.", r.load.requests);
    r.load.requests = 1;
  }
  if (r.load.jobs == 0) {
    const double expected = r.load.rate > 0 ? std::ceil(r.load.rate * r.load.duration_s)
                                            : static_cast<double>(kSizingMaxJobs);
    r.load.jobs = static_cast<int>(std::clamp(expected, 1.0, static_cast<double>(kSizingMaxJobs)));
    said += fmt::format(" The endless load is run as {} jobs.", r.load.jobs);
  } else if (r.load.jobs > kSizingMaxJobs) {
    said += fmt::format(" {} of its {} jobs.", kSizingMaxJobs, r.load.jobs);
    r.load.jobs = kSizingMaxJobs;
  }
  r.pool.collect_count = std::min(r.pool.collect_count, r.load.jobs);
  r.pool.fail_job = std::min(r.pool.fail_job, r.load.jobs);
  if (!scenario::validate(r).empty()) return std::nullopt;
  if (note != nullptr) *note = said;
  return r;
}

int sizing_knee(const std::vector<SizingPoint>& points, double fraction) {
  double best = 0;
  for (const SizingPoint& p : points) best = std::max(best, p.throughput_per_s);
  if (best <= 0) return 0;
  for (const SizingPoint& p : points) {
    if (p.throughput_per_s >= fraction * best) return p.workers;
  }
  return 0;
}

SizingCurve compute_sizing(const scenario::Scenario& s) {
  SizingCurve curve;
  curve.key = sizing_key(s);
  if (s.pool.mode == scenario::Mode::Unbounded) {
    curve.error =
        "Unbounded mode starts one goroutine per job: there is no worker count to size. "
        "Set pool.mode to pool or errgroup to see the curve.";
    return curve;
  }
  std::string bounds;
  const std::optional<scenario::Scenario> bounded = sizing_run_scenario(s, 1, &bounds);
  if (!bounded) {
    curve.error = "These settings cannot be cut down to a bounded run for the curve.";
    return curve;
  }
  const auto started = std::chrono::steady_clock::now();
  const auto within_budget = [&](const std::vector<pool::SweepPoint>& done) {
    const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - started;
    if (spent.count() <= kSizingWallBudgetS) return true;
    bounds += fmt::format(" Stopped after {} workers: the {:g} s time budget was spent.",
                          done.size(), kSizingWallBudgetS);
    return false;
  };
  const pool::SweepResult runs =
      pool::sweep(*bounded, {"pool.workers", 1, kSizingMaxWorkers, 1},
                  {.limit = kSizingTimeCap, .keep_going = within_budget});
  bool stopped_at_cap = false;
  for (const pool::SweepPoint& p : runs.points) {
    curve.points.push_back({static_cast<int>(p.value), p.summary.throughput_per_s,
                            p.summary.latency_p99_ms, p.summary.outcome});
    stopped_at_cap = stopped_at_cap || p.summary.outcome == trace::Outcome::Running;
  }
  if (runs.end == pool::SweepEnd::RunFailed) {
    curve.error =
        fmt::format("The run with {} workers failed: {}", runs.points.size() + 1, runs.error);
  } else if (runs.end == pool::SweepEnd::BadValue) {
    curve.error = "These settings cannot be cut down to a bounded run for the curve.";
  }
  if (stopped_at_cap) {
    bounds += fmt::format(" Runs were stopped after {:g} s of virtual time.",
                          static_cast<double>(kSizingTimeCap) / 1e9);
  }
  curve.knee = sizing_knee(curve.points);
  curve.note = bounds.empty() ? bounds : bounds.substr(1);
  return curve;
}

namespace {

// [SECTION] Helpers -------------------------------------------------------------------------

std::string format_bytes(double bytes) {
  if (bytes >= 1024.0 * 1024.0) return fmt::format("{:.1f} MiB", bytes / (1024.0 * 1024.0));
  return fmt::format("{:.1f} KiB", bytes / 1024.0);
}

void tooltip(const char* text) {
  if (!ImGui::IsItemHovered()) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// [SECTION] Live plots ----------------------------------------------------------------------

void draw_plots(const Session& session, const PoolViewStyle& style) {
  const Histories& h = session.histories();
  const Palette& pal = palette(style.theme);
  const float s = style.scale;
  const auto look = [&style](Look l) { return look_colour(style.theme, l); };
  float label_w = 0;
  for (const RingSeries* r : {&h.queue_depth, &h.in_work, &h.blocked_senders, &h.throughput,
                              &h.latency_p50_ms, &h.latency_p99_ms, &h.goroutines}) {
    label_w = std::max(label_w, plot_label_width(*r, 1.0f, s));
  }
  const auto plot = [&](const char* title, const RingSeries& series, std::uint32_t colour,
                        std::string_view unit) {
    draw_plot(title, h.time_s, series, {colour, 56.0f, 1.0f, unit, label_w}, s);
  };
  plot("Queue depth: len(jobs)", h.queue_depth, pal.token, "jobs");
  plot("Jobs in work (busy workers)", h.in_work, look(Look::Working), "jobs");
  plot("Blocked senders", h.blocked_senders, look(Look::BlockedSend), "senders");
  plot("Throughput", h.throughput, look(Look::BlockedRecv), "jobs/s");
  plot("Latency p50", h.latency_p50_ms, look(Look::WaitingResource), "ms");
  plot("Latency p99", h.latency_p99_ms, look(Look::Leaked), "ms");
  plot("Goroutines", h.goroutines, pal.text_dim, "goroutines");
  // Memory in KiB, or in MiB once it is large (a scaled copy: the histories are KiB).
  if (h.memory_kib.max() >= 2048.0f) {
    RingSeries mib(h.memory_kib.capacity());
    for (std::size_t i = 0; i < h.memory_kib.size(); ++i) mib.push(h.memory_kib.at(i) / 1024.0f);
    plot("Memory (estimate)", mib, look(Look::Sleeping), "MiB");
  } else {
    plot("Memory (estimate)", h.memory_kib, look(Look::Sleeping), "KiB");
  }
}

// [SECTION] Figures -------------------------------------------------------------------------

void row(const char* what, const std::string& value, const char* explain) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(what);
  tooltip(explain);
  ImGui::TableNextColumn();
  ImGui::TextWrapped("%s", value.c_str());
  tooltip(explain);
}

void draw_figures(const Session& session, const pool::Figures& f) {
  const pool::LatencyHistogram& waits = session.run().metrics().sender_wait();
  if (!ImGui::BeginTable("##figures", 2,
                         ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    return;
  }
  ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.5f);
  row("Utilisation",
      f.workers > 0 ? fmt::format("{:.0f} % of {} workers", f.utilisation * 100.0, f.workers)
                    : std::string("no pool: one goroutine per job"),
      "The time-average of jobs in work divided by the workers setting: how busy the pool "
      "has been.");
  const double w_s = f.mean_in_system_s;
  row("Little's law: L", fmt::format("{:.2f} jobs", f.avg_in_system),
      "Jobs in the system (created, not yet done), averaged over time, as measured.");
  row("lambda × W",
      fmt::format("{:.2f}/s × {} = {:.2f} jobs", f.arrival_rate,
                  format_duration(static_cast<trace::Time>(w_s * 1e9)), f.arrival_rate * w_s),
      "Arrival rate (lambda) times the mean time a job spends in the system (W). Little's law "
      "says L = lambda × W for a system in steady state: over a long run the two agree.");
  row("Throughput", fmt::format("{:.2f} jobs/s", f.throughput_per_s),
      "Jobs done per second since the first job was created.");
  row("Jobs",
      fmt::format("{} created, {} started, {} done, {} collected", f.jobs_created, f.jobs_started,
                  f.jobs_done, f.results),
      "Created by the producer, started by a worker, done with the work, result collected by "
      "main.");
  row("Peaks",
      fmt::format("{} in work, {} queued, {} blocked senders", f.max_in_work, f.max_queue_depth,
                  f.max_blocked_senders),
      "The most at one instant so far. Jobs in work never exceed the workers (or the "
      "database connections).");
  row("Goroutines", fmt::format("{} now, peak {}", f.goroutines, f.peak_goroutines),
      "Live goroutines. A pool keeps this flat; one goroutine per job does not.");
  row("Memory",
      fmt::format("{} now, peak {}", format_bytes(static_cast<double>(f.memory_bytes)),
                  format_bytes(static_cast<double>(f.peak_memory_bytes))),
      "2 KiB of stack per live goroutine (Go's minimum) plus the payload of every job held.");
  const std::string wait_text =
      waits.count() == 0
          ? std::string("none yet")
          : fmt::format("{} waits: p50 {}, p99 {}, longest {}", waits.count(),
                        format_duration(waits.percentile(0.5)),
                        format_duration(waits.percentile(0.99)), format_duration(waits.max()));
  row("Sender waits", wait_text,
      "How long senders were blocked on a full jobs channel before their job got in: "
      "backpressure, felt by the producer.");
  if (f.blocked_senders > 0) {
    row("Waiting now",
        fmt::format("{} senders, longest {}", f.blocked_senders,
                    format_duration(f.longest_sender_wait_now)),
        "Senders blocked on jobs at this moment.");
  }
  ImGui::EndTable();
}

// [SECTION] Sizing plot -----------------------------------------------------------------------

// The sizing plot's axes: throughput up, workers 1 to kSizingMaxWorkers across.
struct SizingAxes {
  ValueAxis y;
  [[nodiscard]] float x_of(double workers) const {
    return y.x0 + static_cast<float>((workers - 1) / (kSizingMaxWorkers - 1)) * (y.x1 - y.x0);
  }
};

// A vertical line at x across the plot, labelled beside it (on its left near the right
// edge) at height `label_y`.
void marker_line(const SizingAxes& a, float x, float label_y, const std::string& label,
                 std::uint32_t colour, float thickness, float s) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddLine(ImVec2(x, a.y.y0), ImVec2(x, a.y.y1), colour, thickness);
  const float w = ImGui::CalcTextSize(label.c_str()).x;
  dl->AddText(ImVec2(x + w + 6 * s > a.y.x1 ? x - w - 4 * s : x + 4 * s, label_y), colour,
              label.c_str());
}

// The arrival rate (a horizontal line), the knee and the present worker count.
void draw_sizing_marks(const SizingAxes& a, const SizingCurve& c, double arrivals, int current,
                       const PoolViewStyle& style) {
  const Palette& pal = palette(style.theme);
  const float s = style.scale;
  const float fs = ImGui::GetFontSize();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (arrivals > 0) {
    const float y = a.y.y_of(arrivals);
    dl->AddLine(ImVec2(a.y.x0, y), ImVec2(a.y.x1, y), pal.text_dim, s);
    const std::string label = fmt::format("arrivals {:g}/s", arrivals);
    dl->AddText(ImVec2(a.y.x1 - ImGui::CalcTextSize(label.c_str()).x - 4 * s, y - fs - 1 * s),
                pal.text_dim, label.c_str());
  }
  if (c.knee > 0) {
    marker_line(a, a.x_of(c.knee), a.y.y0 + 2 * s, fmt::format("knee: {}", c.knee),
                look_colour(style.theme, Look::Working), 1.5f * s, s);
  }
  if (current > 0) {
    marker_line(a, a.x_of(std::min(current, kSizingMaxWorkers)), a.y.y1 - fs - 2 * s,
                fmt::format("now: {}", current), pal.text, 2 * s, s);
  }
}

// The curve, a square per run (in the warning colour where the run deadlocked or panicked).
void draw_sizing_curve(const SizingAxes& a, const SizingCurve& c, const Palette& pal, float s) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  std::vector<ImVec2> line;
  line.reserve(c.points.size());
  for (const SizingPoint& p : c.points) {
    line.emplace_back(a.x_of(p.workers), a.y.y_of(p.throughput_per_s));
  }
  dl->AddPolyline(line.data(), static_cast<int>(line.size()), pal.token, ImDrawFlags_None, 2 * s);
  const float r = 3 * s;
  for (std::size_t i = 0; i < c.points.size(); ++i) {
    const trace::Outcome o = c.points[i].outcome;
    const bool fault = o == trace::Outcome::Deadlock || o == trace::Outcome::Panic;
    dl->AddRectFilled(ImVec2(line[i].x - r, line[i].y - r), ImVec2(line[i].x + r, line[i].y + r),
                      fault ? pal.warning : pal.token);
  }
}

// The run nearest the mouse's x, in a tooltip.
void sizing_tooltip(const SizingAxes& a, const SizingCurve& c) {
  const float mx = ImGui::GetIO().MousePos.x;
  const auto w = static_cast<int>(std::lround((mx - a.y.x0) / (a.y.x1 - a.y.x0) *
                                              static_cast<float>(kSizingMaxWorkers - 1))) +
                 1;
  const auto it = std::find_if(c.points.begin(), c.points.end(),
                               [w](const SizingPoint& p) { return p.workers == w; });
  if (it == c.points.end()) return;
  ImGui::BeginTooltip();
  ImGui::Text("%d worker%s: %.2f jobs/s", it->workers, it->workers == 1 ? "" : "s",
              it->throughput_per_s);
  ImGui::Text("latency p99: %.1f ms", it->latency_p99_ms);
  if (it->outcome != trace::Outcome::Completed) {
    ImGui::TextDisabled("outcome: %s", std::string(trace::to_string(it->outcome)).c_str());
  }
  ImGui::EndTooltip();
}

void draw_sizing_plot(const SizingCurve& c, const scenario::Scenario& sc, int current,
                      const PoolViewStyle& style) {
  const Palette& pal = palette(style.theme);
  const float s = style.scale;
  const float fs = ImGui::GetFontSize();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(ImGui::GetContentRegionAvail().x, 180 * s);
  ImGui::InvisibleButton("##sizing-plot", size);
  const bool hovered = ImGui::IsItemHovered();

  double best = 0;
  for (const SizingPoint& p : c.points) best = std::max(best, p.throughput_per_s);
  const double arrivals = sc.load.rate;  // jobs/s; 0 = as fast as accepted
  const double top = nice_ceiling(std::max(best, arrivals) * 1.1);
  const SizingAxes a{{origin.x + ImGui::CalcTextSize(axis_label(top).c_str()).x + 10 * s,
                      origin.y + fs * 0.6f, origin.x + size.x - 12 * s,
                      origin.y + size.y - fs - 8 * s, top}};
  if (a.y.x1 - a.y.x0 < 40 * s) return;
  const std::uint32_t grid = (pal.outline & ~IM_COL32_A_MASK) | (90u << IM_COL32_A_SHIFT);
  draw_value_axis(
      a.y, {.text = pal.text_dim, .grid = grid, .outside = true, .label_x = origin.x, .scale = s});
  for (int w : {1, 5, 10, 15, 20, 25, 30}) {
    const std::string label = std::to_string(w);
    const float x = a.x_of(w) - ImGui::CalcTextSize(label.c_str()).x / 2;
    ImGui::GetWindowDrawList()->AddText(ImVec2(x, a.y.y1 + 3 * s), pal.text_dim, label.c_str());
  }
  draw_sizing_marks(a, c, arrivals, current, style);
  draw_sizing_curve(a, c, pal, s);
  if (hovered && !c.points.empty()) sizing_tooltip(a, c);
}

void draw_sizing(const Session& session, MetricsViewState& state, const PoolViewStyle& style,
                 int current) {
  const scenario::Scenario& sc = session.scenario();
  if (sc.pool.mode == scenario::Mode::Unbounded) {
    ImGui::TextWrapped(
        "Unbounded mode starts one goroutine per job: there is no worker count to size. "
        "Switch the mode to pool or errgroup to see the curve.");
    return;
  }
  const bool fresh = state.sizing.has_value() && state.sizing->key == sizing_key(sc);
  const char* label = fresh                      ? "Compute again"
                      : state.sizing.has_value() ? "Settings changed: compute the curve again"
                                                 : "Compute throughput for 1 to 30 workers";
  if (ImGui::Button(label)) state.sizing = compute_sizing(sc);
  tooltip(
      "Runs the current settings once for every pool size from 1 to 30 workers and plots the "
      "throughput of each run. The window waits while it computes (a few seconds at most).");
  if (!state.sizing.has_value() || state.sizing->key != sizing_key(sc)) return;
  const SizingCurve& c = *state.sizing;
  if (!c.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette(style.theme).warning);
    ImGui::TextWrapped("%s", c.error.c_str());
    ImGui::PopStyleColor();
  }
  if (c.points.empty()) return;
  draw_sizing_plot(c, sc, current, style);
  if (c.knee > 0) {
    ImGui::TextWrapped(
        "Throughput grows with each worker until something else is the limit: the arrival "
        "rate, the CPUs or the database connections. From the knee at %d workers on, more "
        "workers mostly wait.",
        c.knee);
  }
  const bool faults = std::any_of(c.points.begin(), c.points.end(), [](const SizingPoint& p) {
    return p.outcome == trace::Outcome::Deadlock || p.outcome == trace::Outcome::Panic;
  });
  if (faults) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette(style.theme).warning);
    ImGui::TextWrapped(
        "Points in this colour: the run deadlocked or panicked; their throughput counts only "
        "the jobs done before it stopped.");
    ImGui::PopStyleColor();
  }
  if (!c.note.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", c.note.c_str());
    ImGui::PopStyleColor();
  }
}

void draw_metrics_content(const Session& session, MetricsViewState& state,
                          const PoolViewStyle& style) {
  const pool::Figures f = session.figures();
  if (session.scrubbing()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Plots and figures show the present, not the moment scrubbed to.");
    ImGui::PopStyleColor();
  }
  if (ImGui::CollapsingHeader("Live", ImGuiTreeNodeFlags_DefaultOpen)) draw_plots(session, style);
  if (ImGui::CollapsingHeader("Figures", ImGuiTreeNodeFlags_DefaultOpen)) draw_figures(session, f);
  if (ImGui::CollapsingHeader("Sizing: throughput against workers",
                              ImGuiTreeNodeFlags_DefaultOpen)) {
    draw_sizing(session, state, style, f.workers);
  }
}

}  // namespace

// [SECTION] draw_metrics ------------------------------------------------------------------------

void draw_metrics(const Session& session, MetricsViewState& state, const PoolViewStyle& style) {
  // The content scrolls in a window of its own, under the tabs, which stay.
  ImGui::BeginChild("##metrics-scroll", ImVec2(0, 0), false);
  draw_metrics_content(session, state, style);
  ImGui::EndChild();
}

}  // namespace poolscope::gui
