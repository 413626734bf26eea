// poolscope-cli bench --go: the interpreter against the built-in programs, side by side
// in one run: the seed's pool as Go source against the hello-pool program with the same
// jobs, memory of 10,000 goroutines alive at once, and a tight loop of additions.
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "app/cli/bench_go.hpp"
#include "app/cli/commands.hpp"
#include "core/golang/interp.hpp"
#include "core/pool/pool_run.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"
#include "core/util/process.hpp"

namespace poolscope::cli {

namespace {

// The seed's pool (3 workers, buffers of 100), jobs sent by a producer goroutine.
constexpr const char* kPool = R"(package main

const numJobs = %JOBS%

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * 2
	}
}

func main() {
	jobs := make(chan int, 100)
	results := make(chan int, 100)
	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}
	go func() {
		for j := 1; j <= numJobs; j++ {
			jobs <- j
		}
		close(jobs)
	}()
	for a := 1; a <= numJobs; a++ {
		<-results
	}
}
)";

// 10,000 goroutines blocked at once on one channel, then released.
constexpr const char* kMany = R"(package main

import "sync"

func main() {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := 0; i < 10000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
		}()
	}
	close(start)
	wg.Wait()
}
)";

constexpr const char* kLoop = R"(package main

import "fmt"

func main() {
	sum := 0
	for i := 0; i < 100000000; i++ {
		sum += i
	}
	fmt.Println(sum)
}
)";

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

template <class F>
double seconds_of(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int bench_go(int jobs, int repeats) {
  scenario::Scenario s = scenario::find_preset("hello-pool").value();
  const std::vector<std::string> sets{"load.jobs=" + std::to_string(jobs), "work.mean_ms=0",
                                      "pool.collect=producer_goroutine", "pool.collect_count=all"};
  if (auto status = scenario::apply_overrides(s, sets); !status)
    return report_bad_input(status.message());
  std::string pool = kPool;
  pool.replace(pool.find("%JOBS%"), 6, std::to_string(jobs));
  fmt::print(
      "bench --go: the seed's pool, {} jobs, 3 workers: built-in program vs Go source, {} runs "
      "each\n",
      jobs, repeats);
  std::vector<double> builtin_s, go_s;
  for (int i = 0; i < repeats; ++i) {
    builtin_s.push_back(seconds_of([&] { (void)pool::run_to_end(s); }));
    golang::GoRunResult r;
    go_s.push_back(seconds_of([&] { r = golang::run_go(pool, {}); }));
    fmt::print("  run {}: built-in {:.3f} s, Go source {:.3f} s ({}, {} steps)\n", i + 1,
               builtin_s.back(), go_s.back(), golang::to_string(r.outcome), r.steps);
    if (r.outcome != golang::GoOutcome::Completed) {
      fmt::print(stderr, "poolscope-cli: the Go pool did not complete: {}{}\n", r.stderr_text,
                 r.stop_message);
      return kExitFailure;
    }
  }
  const double ratio = median(go_s) / median(builtin_s);
  fmt::print("median: built-in {:.3f} s, Go source {:.3f} s: {:.2f}x (goal: under 5x)\n",
             median(builtin_s), median(go_s), ratio);

  const long before = util::peak_rss_kib();
  golang::GoRunResult many;
  const double many_s = seconds_of([&] { many = golang::run_go(kMany, {}); });
  const long after = util::peak_rss_kib();
  fmt::print(
      "10,000 goroutines alive at once: peak {} goroutines, {:.3f} s, peak RSS grew {:.1f} MiB "
      "(goal: under 64 MiB)\n",
      many.peak_goroutines, many_s, static_cast<double>(after - before) / 1024.0);

  golang::GoRunResult loop;
  const double loop_s = seconds_of([&] { loop = golang::run_go(kLoop, {}); });
  fmt::print("100,000,000 additions: {:.2f} s, printed {} (goal: under 10 s)\n", loop_s,
             loop.stdout_text.empty() ? std::string("nothing: ") + loop.stop_message
                                      : loop.stdout_text.substr(0, loop.stdout_text.size() - 1));
  const bool ok = ratio < 5 && after - before < 64L * 1024 && loop_s < 10 &&
                  many.outcome == golang::GoOutcome::Completed &&
                  loop.outcome == golang::GoOutcome::Completed;
  fmt::print("{}\n", ok ? "all goals met" : "GOALS MISSED");
  return ok ? kExitOk : kExitFailure;
}

}  // namespace poolscope::cli
