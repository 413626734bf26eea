#pragma once
// The starting program of "New program": the seed lesson's worker pool (3 workers, 5
// jobs, close(jobs), main collecting the results) as a short Go file a learner edits.
//
// Contract
// - Compiled in (it cannot go missing with the assets); `package main`, gofmt-clean, inside
//   the Go subset `poolscope-cli run-go` runs, and runs with `go run main.go` as well.
// - Its knobs are top-level constants that main_constants() (core/golang/check.hpp) finds:
//   kTemplateWorkers (an Int), kTemplateJobs (an Int) and kTemplateWorkTime (a Duration,
//   "200 * time.Millisecond"), so the app can show them as live controls.
// - It runs to completion: every worker prints when it starts and finishes a job, main
//   prints "result R" once per job (R = 2 * job) and then how long the jobs took.
#include <string_view>

namespace poolscope::scenario {

inline constexpr std::string_view kTemplateWorkers = "numWorkers";
inline constexpr std::string_view kTemplateJobs = "numJobs";
inline constexpr std::string_view kTemplateWorkTime = "workTime";

// The template's main.go.
std::string_view worker_pool_template() noexcept;

}  // namespace poolscope::scenario
