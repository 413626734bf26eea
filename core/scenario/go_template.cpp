// The "New program" template: one raw string, so what the learner sees is what is here.
#include "core/scenario/go_template.hpp"

namespace poolscope::scenario {

namespace {

// Tabs, as gofmt indents; the constants stay separate declarations so that each is one
// line a control can rewrite.
constexpr std::string_view kTemplate =
    R"(// A worker pool: numWorkers goroutines share numJobs jobs through the jobs
// channel, each job takes workTime, and main collects one result per job.
// Change the constants and run it again: more workers finish sooner, up to
// one worker per job.
package main

import (
	"fmt"
	"time"
)

const numJobs = 5
const numWorkers = 3
const workTime = 200 * time.Millisecond

// worker takes jobs until jobs is closed and drained, sending each result.
func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		fmt.Println("worker", id, "started job", j)
		time.Sleep(workTime)
		fmt.Println("worker", id, "finished job", j)
		results <- j * 2
	}
}

func main() {
	start := time.Now()
	jobs := make(chan int, numJobs)
	results := make(chan int, numJobs)

	for w := 1; w <= numWorkers; w++ {
		go worker(w, jobs, results)
	}

	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs) // no more jobs: each worker's range ends once jobs is drained

	for a := 1; a <= numJobs; a++ {
		fmt.Println("result", <-results)
	}
	fmt.Println("took", time.Since(start))
}
)";

}  // namespace

std::string_view worker_pool_template() noexcept { return kTemplate; }

}  // namespace poolscope::scenario
