// poolscope-cli run-go's budgets: a program that never ends, or that would take the
// machine's memory, is stopped with outcome "stopped", exit code 2 and a sentence naming
// the limit, never a hang or a killed process. And the GUI's live constants, through a run.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/golang/check.hpp"
#include "core/golang/interp.hpp"
#include "tests/cli/cli_harness.hpp"
#include "tests/support/scratch_files.hpp"

using nlohmann::json;
using poolscope::test::run_cli;

namespace {

// Writes `source` as main.go in a fresh folder and runs `run-go --json ARGS` on it.
json run_go_json(const std::string& name, const std::string& source, const std::string& args) {
  const auto dir = poolscope::test::scratch("run_go_" + name);
  const auto file = dir / "main.go";
  poolscope::test::write(file, source);
  const auto run = run_cli("run-go --json " + args + " '" + file.string() + "'");
  INFO(run.err);
  const json j = json::parse(run.out);
  CHECK(run.exit_code == j["exit_code"].get<int>());
  return j;
}

constexpr const char* kSpin = R"(package main

func main() {
	n := 0
	for {
		n++
	}
}
)";

constexpr const char* kTicker = R"(package main

import (
	"fmt"
	"time"
)

func main() {
	for t := range time.Tick(time.Second) {
		_ = t
		fmt.Println("tick")
	}
}
)";

// 64 MiB of slices alive at once would pass the budget; one at a time, none does.
constexpr const char* kChurn = R"(package main

import "fmt"

func main() {
	total := 0
	for i := 0; i < 50; i++ {
		s := make([]int, 1<<18)
		total += len(s)
	}
	fmt.Println(total)
	var keep [][]int
	for i := 0; i < 50; i++ {
		keep = append(keep, make([]int, 1<<18))
	}
	fmt.Println(len(keep))
}
)";

constexpr const char* kDoubling = R"(package main

import "fmt"

func main() {
	s := "x"
	for i := 0; i < 40; i++ {
		s += s
	}
	fmt.Println(len(s))
}
)";

}  // namespace

TEST_CASE("run-go: a loop that never blocks stops at --max-steps, naming the limit") {
  const json j = run_go_json("spin", kSpin, "--max-steps 100000");
  CHECK(j["outcome"] == "stopped");
  CHECK(j["exit_code"] == 2);
  const std::string why = j["stop_message"];
  CHECK(why.find("--max-steps") != std::string::npos);
  CHECK(why.find("line 6") != std::string::npos);
}

TEST_CASE("run-go: a ticker that never ends stops at --max-virtual, its output kept") {
  const json j = run_go_json("ticker", kTicker, "--max-virtual 5");
  CHECK(j["outcome"] == "stopped");
  CHECK(j["exit_code"] == 2);
  CHECK(j["stdout"] == "tick\ntick\ntick\ntick\ntick\n");
  CHECK(j["stop_message"].get<std::string>().find("--max-virtual") != std::string::npos);
}

TEST_CASE("run-go: memory is counted while held, so churn runs and hoarding stops") {
  // Each make([]int, 1<<18) holds 256 Ki values: 50 alive at once pass 64 MiB.
  const json j = run_go_json("churn", kChurn, "--max-memory 64");
  CHECK(j["outcome"] == "stopped");
  CHECK(j["stdout"] == "13107200\n");  // the first loop ran: freed slices are not counted
  const std::string why = j["stop_message"];
  CHECK(why.find("more than 64 MiB") != std::string::npos);
  CHECK(why.find("--max-memory") != std::string::npos);
  CHECK(why.find("line 14") != std::string::npos);
  const json roomy = run_go_json("churn_roomy", kChurn, "--max-memory 2048");
  CHECK(roomy["outcome"] == "completed");
  CHECK(roomy["stdout"] == "13107200\n50\n");
}

TEST_CASE("run-go: a string that doubles past the budget stops before it is built") {
  const json j = run_go_json("doubling", kDoubling, "--max-memory 16");
  CHECK(j["outcome"] == "stopped");
  CHECK(j["stop_message"].get<std::string>().find("line 8") != std::string::npos);
}

TEST_CASE("run-go: a program run with its constants overridden runs the new values") {
  constexpr const char* kPool = R"(package main

import (
	"fmt"
	"time"
)

const numWorkers = 3
const jobs = 6
const work = 100 * time.Millisecond

func main() {
	start := time.Now()
	done := make(chan bool)
	sem := make(chan bool, numWorkers)
	for j := 0; j < jobs; j++ {
		go func() {
			sem <- true
			time.Sleep(work)
			<-sem
			done <- true
		}()
	}
	for j := 0; j < jobs; j++ {
		<-done
	}
	fmt.Println(numWorkers, time.Since(start))
}
)";
  namespace golang = poolscope::golang;
  const golang::GoRunResult before = golang::run_go(kPool, {});
  CHECK(before.stdout_text == "3 200ms\n");
  const std::string changed =
      golang::override_constants(kPool, {{"numWorkers", "6"}, {"work", "time.Second"}});
  const golang::GoRunResult after = golang::run_go(changed, {});
  CHECK(after.stdout_text == "6 1s\n");
  golang::TypeTable types;
  const golang::CheckResult checked = golang::check_program(changed, types);
  REQUIRE(checked.ok);
  const auto constants = golang::main_constants(*checked.file, changed);
  REQUIRE(constants.size() == 3);
  CHECK(constants[0].value == "6");
  CHECK(constants[2].value == "time.Second");
  CHECK(constants[2].kind == golang::ConstInfo::Kind::Duration);
}
