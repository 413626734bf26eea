// Session on the learner's own Go program: stepping, stepping back, scrubbing and reset
// must be as exact as for the built-in programs, and the console must show what the
// program had written at the moment on screen.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/gui/model/session.hpp"
#include "core/pool/pool_run.hpp"

using namespace poolscope;

namespace {

constexpr trace::Time kMs = trace::kMillisecond;

constexpr const char* kPipeline = R"(package main

import (
	"fmt"
	"time"
)

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			time.Sleep(10 * time.Millisecond)
			out <- i
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int, 2)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func main() {
	for v := range sq(gen(6)) {
		fmt.Println(v)
	}
}
)";

scenario::Scenario program() {
  scenario::Scenario s;
  s.id = "main";
  s.title = "main.go";
  s.source = kPipeline;
  return s;
}

struct State {
  trace::Snapshot snapshot;
  trace::Time now = 0;
  friend bool operator==(const State&, const State&) = default;
};

State state_of(const gui::Session& s) { return {s.snapshot(), s.now()}; }

// The console as a snapshot at `seq` shows it.
std::string console_at(const gui::Session& s, std::uint64_t seq) {
  std::string out;
  for (const pool::ConsoleChunk& c : s.run().console()) {
    if (c.seq <= seq) out += c.text;
  }
  return out;
}

}  // namespace

TEST_CASE("Session on Go source: a step back then a step forward gives the identical state") {
  gui::Session s(program());
  REQUIRE(s.run().runs_source());
  std::vector<State> states{state_of(s)};
  // 15 steps of the pipeline: 30 ms in, before main returns at 60 ms.
  for (int i = 0; i < 15; ++i) {
    s.step_event();
    states.push_back(state_of(s));
  }
  REQUIRE(states.back().now == 30 * kMs);
  REQUIRE_FALSE(s.finished());
  for (int i = 14; i >= 0; --i) {
    CAPTURE(i);
    REQUIRE(s.step_back_event());
    CHECK(state_of(s) == states[static_cast<std::size_t>(i)]);
  }
  for (int i = 1; i <= 10; ++i) {
    s.step_event();
    CHECK(state_of(s) == states[static_cast<std::size_t>(i)]);
  }
}

TEST_CASE("Session on Go source: runs to its end, and the console follows the moment shown") {
  gui::Session s(program());
  s.advance_to_seconds(1.0);
  CHECK(s.finished());
  CHECK(s.end_time() == 60 * kMs);
  CHECK(console_at(s, s.snapshot().seq) == "1\n4\n9\n16\n25\n36\n");
  // Scrubbed back to 35 ms: the first three values were printed by then.
  s.view_at(35 * kMs);
  CHECK(console_at(s, s.snapshot().seq) == "1\n4\n9\n");
  s.live();
  // A reset replays the same program: the same events.
  const trace::Snapshot end = s.snapshot();
  s.reset();
  CHECK(s.now() == 0);
  CHECK(console_at(s, s.snapshot().seq).empty());
  s.advance_to_seconds(1.0);
  CHECK(s.snapshot() == end);
}

TEST_CASE("Session on Go source: loading another version replaces the run") {
  gui::Session s(program());
  s.advance_to_seconds(1.0);
  scenario::Scenario edited = program();
  edited.source.replace(edited.source.find("gen(6)"), 6, "gen(2)");
  s.load(edited);
  s.advance_to_seconds(1.0);
  CHECK(console_at(s, s.snapshot().seq) == "1\n4\n");
  CHECK(s.end_time() == 20 * kMs);
}
