#include "app/gui/modes/bench_frames.hpp"

#include <fmt/core.h>
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include "app/gui/app.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"
#include "core/trace/event.hpp"
#include "core/util/process.hpp"

namespace poolscope::gui {

namespace {
struct Case {
  const char* name;
  const char* preset;
  std::vector<std::string> sets;
  double at_s;
  std::string source{};  // the learner's own program (the program view) instead of a preset
};

// A learner's worker pool: `workers` workers, `jobs` jobs of `work_ms` each, buffers of
// `jobs`, every job sent before the results are read.
std::string pool_source(int workers, int jobs, int work_ms) {
  return fmt::format(R"(package main

import (
	"fmt"
	"time"
)

const numWorkers = {}
const numJobs = {}

func worker(id int, jobs <-chan int, results chan<- int) {{
	for j := range jobs {{
		time.Sleep({} * time.Millisecond)
		results <- j * 2
	}}
}}

func main() {{
	jobs := make(chan int, numJobs)
	results := make(chan int, numJobs)
	for w := 1; w <= numWorkers; w++ {{
		go worker(w, jobs, results)
	}}
	for j := 1; j <= numJobs; j++ {{
		jobs <- j
	}}
	close(jobs)
	sum := 0
	for a := 1; a <= numJobs; a++ {{
		sum += <-results
	}}
	fmt.Println(sum)
}}
)",
                     workers, jobs, work_ms);
}

struct Stats {
  double median = 0;
  double p95 = 0;
};

struct Sample {
  Stats total{};
  double ui_ms = 0;
  double swap_ms = 0;
  double repainted = 0;  // median share of the window repainted per frame
  int vertices = 0;
  int animating = 0;  // measured frames with the run playing and not yet over
};

// Resident memory now (VmRSS) in KiB; -1 when /proc cannot tell.
long rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

Stats stats(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

}  // namespace

int run_bench_frames(Launch& launch) {
  auto platform = open_platform(launch, /*vsync=*/false, /*visible=*/true);
  if (!platform) return 1;
  return bench_frames(*platform, launch.args.bench, launch.args.scale);
}

int bench_frames(Platform& platform, int frames, float scale) {
  const std::vector<Case> cases = {
      {"lesson: hello-pool", "hello-pool", {}, 0.5},
      {"16 workers, 1,000 jobs in flight",
       "hello-pool",
       {"pool.workers=16", "load.jobs=1000", "pool.jobs_buffer=1000", "pool.results_buffer=1000"},
       0.5},
      {"64 workers, 2,000 jobs in flight",
       "hello-pool",
       {"pool.workers=64", "load.jobs=2000", "pool.jobs_buffer=2000", "pool.results_buffer=2000"},
       0.5},
      // Jobs of 5 s, so that all 10,000 goroutines are alive through the measured frames.
      {"unbounded, 10,000 goroutines",
       "hello-pool",
       {"pool.mode=unbounded", "load.jobs=10000", "pool.results_buffer=10000", "work.mean_ms=5000"},
       0.5},
      // The program view: the learner's own pool, then a thousand goroutines at once.
      {"your code: 16 workers, 1,000 jobs", "", {}, 0.5, pool_source(16, 1000, 100)},
      {"your code: 1,000 workers", "", {}, 0.5, pool_source(1000, 2000, 5000)},
  };
  fmt::print(
      "bench-frames: {} frames per case at {}x{}, scale {}, renderer {}, damage tracking {}\n",
      frames, platform.framebuffer_width(), platform.framebuffer_height(), scale,
      platform.renderer(), platform.damage_tracking() ? "on" : "off (driver)");
  // Each case runs twice from the same moment: as the app draws (repainting only what
  // changed, see damage.hpp), and repainting everything every frame, the baseline.
  auto run_case = [&](const Case& c, const scenario::Scenario& sc, bool damage) -> Sample {
    platform.set_damage_tracking(damage);
    App app(
        {.scale = scale, .renderer = platform.renderer(), .scenario = sc, .lesson_stops = false});
    // Playing at 1x from the case's moment: frames animate as they do in class.
    app.session().advance_to_seconds(c.at_s);
    app.session().playing = true;
    // A frame is everything a person waits for: input, building the UI, drawing, and
    // the swap that puts it on the screen.
    std::vector<double> ms, ui_ms, share, swap_ms;
    Sample out;
    using Clock = std::chrono::steady_clock;
    auto ms_between = [](Clock::time_point a, Clock::time_point b) {
      return std::chrono::duration<double, std::milli>(b - a).count();
    };
    for (int i = 0; i < frames + 10; ++i) {  // 10 warm-up frames (tweens settle, JIT warms)
      const auto start = Clock::now();
      platform.begin_frame(1.0 / 60.0);
      app.frame(1.0f / 60.0f);
      const auto built = Clock::now();
      platform.render(app.clear_color());
      platform.finish();
      const auto drawn = Clock::now();
      platform.present();
      platform.finish();
      const auto shown = Clock::now();
      if (i >= 10) {
        ms.push_back(ms_between(start, shown));
        ui_ms.push_back(ms_between(start, built));
        swap_ms.push_back(ms_between(drawn, shown));
        const bool running = app.session().run().runtime().outcome() == trace::Outcome::Running;
        out.animating += app.session().playing && running ? 1 : 0;
        share.push_back(platform.repainted_share());
        out.vertices = ImGui::GetDrawData()->TotalVtxCount;
      }
    }
    out.total = stats(ms);
    out.ui_ms = stats(ui_ms).median;
    out.swap_ms = stats(swap_ms).median;
    out.repainted = stats(share).median;
    return out;
  };
  for (const Case& c : cases) {
    auto s = scenario::find_preset(c.source.empty() ? c.preset : "hello-pool");
    if (!s) return 2;
    scenario::Scenario sc = s.value();
    sc.source = c.source;
    if (auto status = scenario::apply_overrides(sc, c.sets); !status) {
      fmt::print(stderr, "bench-frames: {}\n", status.message());
      return 2;
    }
    const Sample full = run_case(c, sc, false);
    const Sample tracked = run_case(c, sc, true);
    fmt::print(
        "  {:<34} median {:6.2f} ms  p95 {:6.2f} ms  | full repaint {:6.2f} ms ({:.2f}x)  | "
        "of which ui {:4.2f} ms, swap {:4.2f} ms; {} vertices, {:.0f}% repainted, {} of {} frames "
        "animating\n",
        c.name, tracked.total.median, tracked.total.p95, full.total.median,
        full.total.median / tracked.total.median, tracked.ui_ms, tracked.swap_ms, tracked.vertices,
        100.0 * tracked.repainted, tracked.animating, frames);
  }
  platform.set_damage_tracking(true);
  fmt::print("peak resident memory: {:.1f} MiB\n",
             static_cast<double>(util::peak_rss_kib()) / 1024.0);
  return 0;
}

namespace {
// A long jump (--at, Skip to the result) with the interactive window's budget: how many
// frames were drawn while it ran, and how long they took.
void measure_jump(Platform& platform, const scenario::Scenario& sc, double at_s, float scale) {
  App app({.scale = scale,
           .renderer = platform.renderer(),
           .scenario = sc,
           .lesson_stops = false,
           .work_budget = WorkBudget{.seconds = 0.004}});
  using Clock = std::chrono::steady_clock;
  const auto began = Clock::now();
  app.session().advance_to_seconds(at_s);
  std::vector<double> ms;
  while (app.busy()) {
    const auto start = Clock::now();
    platform.begin_frame(1.0 / 60.0);
    app.frame(1.0f / 60.0f);
    platform.render(app.clear_color());
    platform.present();
    platform.finish();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  if (ms.empty()) return;
  const Stats st = stats(ms);
  fmt::print(
      "  jump to t = {} s: {:.1f} s, {} frames drawn meanwhile, frame median {:.2f} ms, p95 "
      "{:.2f} ms, max {:.2f} ms (frame {})\n",
      at_s, std::chrono::duration<double>(Clock::now() - began).count(), ms.size(), st.median,
      st.p95, *std::max_element(ms.begin(), ms.end()),
      std::max_element(ms.begin(), ms.end()) - ms.begin() + 1);
}
}  // namespace

int run_bench_soak(Launch& launch) {
  auto platform = open_platform(launch, /*vsync=*/false, /*visible=*/true);
  if (!platform) return 1;
  scenario::Scenario sc = scenario::find_preset("hello-pool").value();
  const double seconds = launch.args.bench_soak;
  const std::vector<std::string> sets = {
      "pool.mode=unbounded",
      "load.jobs=0",
      "load.rate=100",
      fmt::format("load.duration_s={}", std::min(86400.0, seconds + 60)),
      "pool.collect=producer_goroutine",
      "pool.collect_count=until_closed",
      "work.mean_ms=50"};
  if (auto status = scenario::apply_overrides(sc, sets); !status) {
    fmt::print(stderr, "bench-soak: {}\n", status.message());
    return 2;
  }
  measure_jump(*platform, sc, std::min(seconds, 120.0), launch.args.scale);
  App app({.scale = launch.args.scale,
           .renderer = platform->renderer(),
           .scenario = sc,
           .lesson_stops = false,
           .work_budget = WorkBudget{.seconds = 0.004}});
  Session& session = app.session();
  session.speed = Session::kMaxSpeed;
  session.playing = true;
  fmt::print("bench-soak: {} virtual seconds at speed {} of: {}\n", seconds, session.speed,
             fmt::join(sets, " "));
  using Clock = std::chrono::steady_clock;
  std::vector<double> ms;
  long first_rss = -1, last_rss = -1;
  int frames = 0;
  const auto began = Clock::now();
  for (int tenth = 1; tenth <= 10; ++tenth) {
    const auto until = static_cast<trace::Time>(seconds * 1e9 * tenth / 10);
    ms.clear();
    while (session.now() < until && !session.finished()) {
      const auto start = Clock::now();
      platform->begin_frame(1.0 / 60.0);
      app.frame(1.0f / 60.0f);
      platform->render(app.clear_color());
      platform->present();
      platform->finish();
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      ++frames;
    }
    if (ms.empty()) break;
    last_rss = rss_kib();
    if (first_rss < 0) first_rss = last_rss;
    const Stats st = stats(ms);
    fmt::print(
        "  t = {:7.0f} s  frames {:6}  rss {:7.1f} MiB  peak {:7.1f} MiB  frame median {:6.2f} ms  "
        "p95 {:6.2f} ms  goroutines ever {}\n",
        static_cast<double>(session.now()) / 1e9, frames, static_cast<double>(last_rss) / 1024.0,
        static_cast<double>(util::peak_rss_kib()) / 1024.0, st.median, st.p95,
        session.snapshot().goroutines.size());
    std::fflush(stdout);
  }
  fmt::print(
      "bench-soak: {} frames in {:.1f} s; resident memory from the first tenth to the end: "
      "{:+.1f}%\n",
      frames, std::chrono::duration<double>(Clock::now() - began).count(),
      first_rss > 0
          ? 100.0 * static_cast<double>(last_rss - first_rss) / static_cast<double>(first_rss)
          : 0.0);
  return 0;
}

}  // namespace poolscope::gui
