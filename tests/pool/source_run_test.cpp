// PoolRun on the learner's own Go source (Scenario::source): the run the GUI shows must be
// run-go's run, stepped or not.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "core/golang/interp.hpp"
#include "core/pool/pool_run.hpp"
#include "core/trace/event_log.hpp"
#include "core/trace/sink.hpp"

using namespace poolscope;

namespace {

constexpr const char* kPool = R"(package main

import (
	"fmt"
	"time"
)

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		time.Sleep(100 * time.Millisecond)
		results <- j * 2
	}
}

func main() {
	jobs := make(chan int, 5)
	results := make(chan int, 5)
	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}
	for j := 1; j <= 5; j++ {
		jobs <- j
	}
	close(jobs)
	sum := 0
	for a := 1; a <= 5; a++ {
		sum += <-results
	}
	fmt.Println("sum", sum)
}
)";

constexpr const char* kForgotClose = R"(package main

import "fmt"

func main() {
	jobs := make(chan int, 3)
	done := make(chan bool)
	go func() {
		for j := range jobs {
			fmt.Println("job", j)
		}
		done <- true
	}()
	jobs <- 1
	jobs <- 2
	<-done
}
)";

scenario::Scenario program(std::string source) {
  scenario::Scenario s;
  s.id = "main";
  s.source = std::move(source);
  return s;
}

std::string console_text(const pool::PoolRun& run) {
  std::string out;
  for (const pool::ConsoleChunk& c : run.console()) out += c.text;
  return out;
}

}  // namespace

TEST_CASE("Source run: a worker pool runs as run-go runs it, output with virtual times") {
  pool::PoolRun run(program(kPool));
  CHECK(run.runs_source());
  CHECK(run.run() == trace::Outcome::Completed);
  trace::HashSink hash;
  golang::GoRunOptions options;
  options.sink = &hash;
  const golang::GoRunResult expected = golang::run_go(kPool, options);
  CHECK(console_text(run) == expected.stdout_text);
  CHECK(console_text(run) == "sum 30\n");
  const golang::GoRunResult r = run.go_result();
  CHECK(r.outcome == golang::GoOutcome::Completed);
  CHECK(r.exit_code == 0);
  REQUIRE(run.console().size() == 1);
  // Two rounds of 100 ms work: the last result arrives at 200 ms.
  CHECK(run.console()[0].at == 200 * trace::kMillisecond);
  CHECK(run.program_end() == 200 * trace::kMillisecond);
  // The same events as run-go's, bit for bit.
  CHECK(run.summary().events == expected.events);
  CHECK(run.summary().event_hash == hash.hash());
  // The jobs channel is the learner's `jobs`: its depth is measured.
  CHECK(run.summary().max_queue_depth == 5);
  CHECK(run.program().source == kPool);
}

TEST_CASE("Source run: stepping one event at a time gives the same run as running it") {
  pool::PoolRun whole(program(kPool));
  whole.run();
  trace::EventLog log;
  pool::PoolRun stepped(program(kPool), {.sink = &log});
  int steps = 0;
  while (!stepped.finished() && steps < 100000) {
    stepped.step();
    ++steps;
  }
  CHECK(stepped.finished());
  CHECK(steps > 10);
  CHECK(stepped.summary().event_hash == whole.summary().event_hash);
  CHECK(console_text(stepped) == console_text(whole));
  CHECK(log.size() == whole.summary().events);
}

TEST_CASE("Source run: forgetting close(jobs) deadlocks with Go's own report") {
  pool::PoolRun run(program(kForgotClose));
  CHECK(run.run() == trace::Outcome::Deadlock);
  const std::string out = console_text(run);
  CHECK(out.starts_with("job 1\njob 2\nfatal error: all goroutines are asleep - deadlock!\n"));
  CHECK(out.find("goroutine 1 [chan receive]:") != std::string::npos);
  CHECK(run.go_result().exit_code == 2);
  CHECK(run.program_end() == 0);
  CHECK(run.console().back().is_stderr);
  CHECK(out == golang::run_go(kForgotClose, {}).stdout_text +
                   golang::run_go(kForgotClose, {}).stderr_text);
}

TEST_CASE("Source run: a program that never ends stops at the virtual-time limit") {
  const char* endless = R"(package main

import "time"

func main() {
	for {
		time.Sleep(time.Second)
	}
}
)";
  pool::PoolRun run(program(endless));
  run.run();
  CHECK(run.finished());
  CHECK(run.now() == pool::kSourceMaxVirtual);
  const golang::GoRunResult r = run.go_result();
  CHECK(r.outcome == golang::GoOutcome::Stopped);
  CHECK(r.stop_message.find("60 s of virtual time") != std::string::npos);
  CHECK(run.summary().outcome == trace::Outcome::Stopped);

  // Stepped to a time past the limit, it ends there too.
  pool::PoolRun stepped(program(endless));
  stepped.run_until(90 * trace::kSecond);
  CHECK(stepped.finished());
  CHECK(stepped.now() == pool::kSourceMaxVirtual);
}

TEST_CASE("Source run: a program that does not compile is refused with Go's messages") {
  try {
    pool::PoolRun run(program("package main\n\nfunc main() {\n\tx := 1\n}\n"));
    FAIL("compiled");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()) ==
          "# command-line-arguments\n./main.go:4:2: x declared but not used\n");
  }
}

TEST_CASE("Source run: the live controls of the pool programs do nothing") {
  pool::PoolRun run(program(kPool));
  CHECK_FALSE(run.set_workers(5));
  run.set_rate(10);
  run.run();
  CHECK(console_text(run) == "sum 30\n");
}
