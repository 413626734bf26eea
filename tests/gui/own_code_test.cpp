// The learner's own Go program in the real app under Xvfb: `poolscope FILE.go` opens it
// in the editor, runs it, and the program view draws its goroutines, channels and arrows;
// a file that does not compile shows Go's messages (report and stderr), never a crash.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/gui/model/autosave.hpp"
#include "app/gui/model/code_document.hpp"
#include "core/scenario/scenario_json.hpp"
#include "tests/gui/gui_harness.hpp"

using namespace poolscope;

namespace {

constexpr const char* kPool = R"(package main

import (
	"fmt"
	"time"
)

const numJobs = 8
const numWorkers = 3

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		time.Sleep(300 * time.Millisecond)
		results <- j * 2
	}
}

func main() {
	jobs := make(chan int, numJobs)
	results := make(chan int, numJobs)
	for w := 1; w <= numWorkers; w++ {
		go worker(w, jobs, results)
	}
	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)
	for a := 1; a <= numJobs; a++ {
		fmt.Println("result", <-results)
	}
}
)";

constexpr const char* kPipeline = R"(package main

import (
	"fmt"
	"time"
)

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func main() {
	squares := sq(gen(3))
	for i := 0; i < 3; i++ {
		time.Sleep(10 * time.Millisecond)
		fmt.Println(<-squares)
	}
}
)";

// Forgot close(jobs) and ranges over results: every goroutine waits, Go reports a deadlock.
constexpr const char* kDeadlock = R"(package main

import "fmt"

func worker(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * 2
	}
}

func main() {
	jobs := make(chan int, 5)
	results := make(chan int, 5)
	for w := 1; w <= 3; w++ {
		go worker(jobs, results)
	}
	for j := 1; j <= 5; j++ {
		jobs <- j
	}
	for r := range results {
		fmt.Println(r)
	}
}
)";

// main returns after one result: two senders stay blocked forever (leaked).
constexpr const char* kLeak = R"(package main

import "fmt"

func main() {
	results := make(chan int)
	for i := 1; i <= 3; i++ {
		go func(i int) {
			results <- i
		}(i)
	}
	fmt.Println(<-results)
}
)";

std::string write_program(const std::string& name, const std::string& text) {
  const std::string path = test::output_path(name);
  std::ofstream(path) << text;
  return path;
}

struct Shot {
  nlohmann::json drawn;
  std::string output;
};

Shot shoot(const std::string& name, const std::string& source, const std::string& args) {
  const std::string go = write_program(name + ".go", source);
  const std::string png = test::output_path("own_" + name + ".png");
  const std::string json = test::output_path("own_" + name + ".json");
  std::remove(json.c_str());
  const auto run = test::run_gui(go + " --size 1280x720 --frames 5 --screenshot " + png +
                                 " --picture-report " + json + " " + args);
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  std::ifstream in(json);
  return {nlohmann::json::parse(in), run.output};
}

// A fresh XDG home (run_gui_with_config) whose autosave holds `text`, unsaved, as the
// app leaves it; returns the autosave folder.
std::filesystem::path autosaved_home(const std::string& home, const char* text) {
  std::filesystem::remove_all(home);
  const std::filesystem::path dir = std::filesystem::path(home) / "state" / "poolscope";
  std::filesystem::create_directories(dir);
  gui::Autosaver saver(gui::AutosaveDir{.path = dir, .error = {}});
  CHECK(saver.update(1, "package main\n\nfunc main() {}\n", {}, 0.0).empty());
  CHECK(saver.update(2, text, {}, 10.0).empty());  // a change: written
  REQUIRE(std::filesystem::exists(dir / "autosave.go"));
  return dir;
}

const nlohmann::json* channel(const nlohmann::json& drawn, const std::string& name) {
  for (const auto& c : drawn["channels"]) {
    if (c["name"] == name) return &c;
  }
  return nullptr;
}

int arrows(const nlohmann::json& drawn, const std::string& kind, const std::string& to) {
  int n = 0;
  for (const auto& a : drawn["arrows"]) n += a["kind"] == kind && a["to"] == to ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("Own code: a worker pool reads producer -> jobs -> workers -> results -> collector") {
  // At 0.45 s: six jobs taken (two rounds of three started), two still in jobs.
  const Shot s = shoot("pool", kPool, "--at 0.45");
  const nlohmann::json& d = s.drawn;
  CHECK(d["diagnostics"].empty());
  REQUIRE(channel(d, "jobs") != nullptr);
  CHECK((*channel(d, "jobs"))["len"] == 2);
  CHECK((*channel(d, "jobs"))["cap"] == 8);
  CHECK((*channel(d, "jobs"))["closed"] == true);
  REQUIRE(channel(d, "results") != nullptr);
  CHECK((*channel(d, "results"))["receivers"] == 1);
  CHECK(arrows(d, "chan-recv", "results") == 1);  // main collects
  CHECK(arrows(d, "sleep", "time") == 3);         // the three workers work
  REQUIRE(d["columns"].size() == 3);
  CHECK(d["columns"][1].get<std::string>().starts_with("workers: worker"));
  int working = 0;
  for (const auto& c : d["cards"]) working += c["look"] == "working" ? 1 : 0;
  CHECK(working == 3);
}

TEST_CASE("Own code: a pipeline's stages stand in data-flow order") {
  // At 15 ms every stage is blocked sending its next value.
  const Shot s = shoot("pipeline", kPipeline, "--at 0.015");
  const nlohmann::json& d = s.drawn;
  REQUIRE(d["columns"].size() == 3);
  CHECK(d["columns"][0].get<std::string>().find("gen") != std::string::npos);
  CHECK(d["columns"][1].get<std::string>().find("sq") != std::string::npos);
  CHECK(d["columns"][2].get<std::string>().find("main") != std::string::npos);
  CHECK(arrows(d, "chan-send", "out") == 2);
}

TEST_CASE("Own code: forgetting close(jobs) shows Go's deadlock and what each goroutine waits on") {
  const Shot s = shoot("deadlock", kDeadlock, "--at 1");
  const nlohmann::json& d = s.drawn;
  CHECK(d["banner"] == "Deadlock");
  CHECK(arrows(d, "chan-recv", "jobs") == 3);
  CHECK(arrows(d, "chan-recv", "results") == 1);
  REQUIRE(channel(d, "jobs") != nullptr);
  CHECK((*channel(d, "jobs"))["receivers"] == 3);
}

TEST_CASE("Own code: goroutines still blocked when main returns are drawn as leaked") {
  const Shot s = shoot("leak", kLeak, "--at 1");
  int leaked = 0;
  for (const auto& c : s.drawn["cards"]) leaked += c["look"] == "leaked" ? 1 : 0;
  CHECK(leaked == 2);
  CHECK(s.drawn["banner"] == "2 goroutines leaked");
  // One left behind is "1 goroutine", not "1 goroutines".
  std::string one = kLeak;
  one.replace(one.find("i <= 3"), 6, "i <= 2");
  CHECK(shoot("leak_one", one, "--at 1").drawn["banner"] == "1 goroutine leaked");
}

TEST_CASE(
    "Own code: a file that does not compile gives Go's messages, on stderr and in the report") {
  const Shot s = shoot("bad", "package main\n\nimport \"time\"\n\nfunc main() {\n\tx := 1\n}\n",
                       "--layout-report");
  // Nothing of the learner's runs yet: the prompt says what to do instead of Play.
  CHECK(s.output.find("Fix the program, then Ctrl+Enter") != std::string::npos);
  CHECK(s.output.find("bad.go:3:8: imported and not used: \"time\"") != std::string::npos);
  CHECK(s.output.find("bad.go:6:2: x declared but not used") != std::string::npos);
  const nlohmann::json& diags = s.drawn["diagnostics"];
  REQUIRE(diags.size() == 2);
  CHECK(diags[1]["line"] == 6);
  CHECK(diags[1]["col"] == 2);
  CHECK(diags[1]["message"] == "x declared but not used");
}

TEST_CASE("Own code: a missing or non-UTF-8 file is a message, not a crash") {
  const auto missing = test::run_gui(test::output_path("no-such.go") + " --screenshot " +
                                     test::output_path("never.png"));
  CHECK(missing.exit_code == 2);
  CHECK(missing.output.find("no-such.go") != std::string::npos);
  const std::string binary = write_program("binary.go", "package main\n\xff\xfe\n");
  const auto bad = test::run_gui(binary + " --screenshot " + test::output_path("never.png"));
  CHECK(bad.exit_code == 2);
  CHECK(bad.output.find("UTF-8") != std::string::npos);
}

TEST_CASE("Own code: unsaved work autosaved in one session is restored at the next start") {
  const std::string home = test::output_path("own_code_home");
  const std::filesystem::path dir = autosaved_home(home, kLeak);

  const std::string json = test::output_path("own_restored.json");
  const auto run = test::run_gui_with_config(
      home, "--size 1280x720 --at 1 --frames 3 --screenshot " +
                test::output_path("own_restored.png") + " --picture-report " + json);
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  std::ifstream in(json);
  const nlohmann::json d = nlohmann::json::parse(in);
  CHECK(d["notice"].get<std::string>().find("Restored") != std::string::npos);
  CHECK(d["diagnostics"].empty());
  int leaked = 0;
  for (const auto& c : d["cards"]) leaked += c["look"] == "leaked" ? 1 : 0;
  CHECK(leaked == 2);  // the restored program is the one that runs
}

TEST_CASE("Own code: another program never replaces unsaved work without asking") {
  // Unsaved work from the last session (kLeak), and a scenario file with another program.
  const std::string home = test::output_path("own_code_ask_home");
  const std::filesystem::path dir = autosaved_home(home, kLeak);
  const std::string other = test::output_path("other.poolscope.json");
  std::ofstream(other) << scenario::save_scenario(gui::program_scenario(kPool, "other.go"));
  const auto report = [&](const std::string& name, const std::string& args) {
    const std::string json = test::output_path("own_ask_" + name + ".json");
    std::remove(json.c_str());
    const auto run = test::run_gui_with_config(
        home, args + " --size 1280x720 --screenshot " +
                  test::output_path("own_ask_" + name + ".png") + " --picture-report " + json);
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    std::ifstream in(json);
    return nlohmann::json::parse(in);
  };
  {
    INFO("the file asked for runs, and the app asks before its program replaces the editor's");
    const nlohmann::json d = report("asked", other + " --at 1 --frames 4");
    CHECK(d["asks"] == "unsaved changes");
    CHECK(channel(d, "jobs") != nullptr);
    CHECK(d["editor_constants"].empty());  // kLeak's, which has none
  }
  {
    INFO("Cancel (Escape) keeps the learner's program in the editor, and it runs");
    const nlohmann::json d = report("kept", other + " --at 1 --play --frames 8 --press escape@3");
    CHECK(d["asks"] == "");
    CHECK(d["editor_constants"].empty());
    CHECK(channel(d, "jobs") == nullptr);
    CHECK(channel(d, "results") != nullptr);
    CHECK(std::filesystem::exists(dir / "autosave.go"));  // still unsaved, still autosaved
  }
  {
    INFO("a preset asked for runs; the restored program waits in the editor, unasked");
    const nlohmann::json d = report("preset", "--preset hello-pool --frames 3");
    CHECK(d["asks"] == "");
    CHECK(d.contains("legend"));      // the pool view: the preset runs
    CHECK(d["diagnostics"].empty());  // and the editor holds the restored program
    CHECK(std::filesystem::exists(dir / "autosave.go"));
  }
}

TEST_CASE("Own code: compare puts another version of the program beside it, on one clock") {
  // B runs the same program with one worker: at 0.45 s A's three work, B's one.
  const Shot s = shoot("compare", kPool, "--compare numWorkers=1 --at 0.45");
  const nlohmann::json& d = s.drawn;
  REQUIRE(d.contains("compare"));
  const auto working = [](const nlohmann::json& side) {
    int n = 0;
    for (const auto& c : side["cards"]) n += c["look"] == "working" ? 1 : 0;
    return n;
  };
  CHECK(working(d) == 3);
  CHECK(working(d["compare"]) == 1);
  CHECK(d["compare"]["about"] == "numWorkers 1 (A: 3)");
  // B is the version in the editor (Run and the constants act on it): it shows B's value.
  CHECK(d["editor_constants"]["numWorkers"] == "1");
  REQUIRE(channel(d["compare"], "jobs") != nullptr);
  CHECK((*channel(d["compare"], "jobs"))["len"] == 6);  // its one worker took two jobs

  // A name that is not one of its constants is refused, with exit code 2.
  const std::string go = write_program("compare_bad.go", kPool);
  const auto bad =
      test::run_gui(go + " --size 640x480 --compare numWorker=1 --screenshot /dev/null");
  CHECK(bad.exit_code == 2);
  CHECK(bad.output.find("\"numWorker\" is not a constant of the program") != std::string::npos);
}
