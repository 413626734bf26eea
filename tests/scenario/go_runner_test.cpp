// Reading a Go program's output (no Go toolchain needed here).
#include "tests/support/go_runner.hpp"

#include <doctest/doctest.h>

using namespace poolscope::scenario;

TEST_CASE("Go runner: a completed run is read from the last line of stdout") {
  const auto run = parse_go_run(
      "request failed: job 4 failed\n"
      R"({"outcome":"completed","elapsed_ms":1504.25,"results":3,"leaked":0,"jobs_sent":10,)"
      R"("jobs_done":3,)"
      R"("max_concurrent":3,"error":"job 4 failed","completed_ok":3,"cancelled":2,)"
      R"("skipped":4,"failed":1})"
      "\n",
      "", 0);
  CHECK(run.outcome == "completed");
  CHECK(run.elapsed_ms == doctest::Approx(1504.25));
  CHECK(run.results == 3);
  CHECK(run.jobs_sent == 10);
  CHECK(run.max_concurrent == 3);
  CHECK(run.error == "job 4 failed");
  CHECK(run.completed_ok == 3);
  CHECK(run.cancelled == 2);
  CHECK(run.skipped == 4);
  CHECK(run.failed == 1);
  CHECK(run.goroutines.empty());
}

TEST_CASE("Go runner: Go's deadlock error is a deadlock, with each goroutine's line") {
  const auto run = parse_go_run("",
                                "fatal error: all goroutines are asleep - deadlock!\n"
                                "\n"
                                "goroutine 1 [chan send]:\n"
                                "main.handle()\n"
                                "\t/tmp/w/src/p000-x/main.go:28 +0xdc\n"
                                "main.main()\n"
                                "\t/tmp/w/src/p000-x/main.go:41 +0x1e\n"
                                "\n"
                                "goroutine 18 [chan send, 2 minutes]:\n"
                                "main.worker(0x0?, 0x0?, 0x0?)\n"
                                "\t/tmp/w/src/p000-x/main.go:15 +0x56\n"
                                "created by main.handle\n"
                                "\t/tmp/w/src/p000-x/main.go:24 +0x4a\n"
                                "\n"
                                "goroutine 19 [semacquire]:\n"
                                "sync.runtime_Semacquire(0xc000012345?)\n"
                                "\t/usr/lib/go-1.19/src/runtime/sema.go:62 +0x25\n"
                                "sync.(*WaitGroup).Wait(0x0?)\n"
                                "\t/usr/lib/go-1.19/src/sync/waitgroup.go:139 +0x52\n"
                                "main.handle.func1()\n"
                                "\t/tmp/w/src/p000-x/main.go:33 +0x25\n"
                                "created by main.handle\n"
                                "\t/tmp/w/src/p000-x/main.go:32 +0x4a\n",
                                2);
  CHECK(run.outcome == "deadlock");
  REQUIRE(run.goroutines.size() == 3);
  CHECK(run.goroutines[0] == GoGoroutine{1, "chan send", "main.handle", 28});
  CHECK(run.goroutines[1] == GoGoroutine{18, "chan send", "main.worker", 15});
  CHECK(run.goroutines[2] == GoGoroutine{19, "semacquire", "main.handle.func1", 33});
}

TEST_CASE("Go runner: a panic keeps its message") {
  const auto run = parse_go_run("",
                                "panic: send on closed channel\n\n"
                                "goroutine 6 [running]:\n"
                                "main.worker(0x0?)\n"
                                "\t/tmp/main.go:17 +0x56\n",
                                2);
  CHECK(run.outcome == "panic");
  CHECK(run.error == "send on closed channel");
}

TEST_CASE("Go runner: leaked goroutines come from the stacks on stderr, without main's own") {
  const auto run = parse_go_run(R"({"outcome":"completed","results":5,"leaked":1})"
                                "\n",
                                "goroutine 1 [running]:\n"
                                "main.main()\n"
                                "\t/tmp/w/src/cmd/parity/main.go:52 +0x9b\n"
                                "\n"
                                "goroutine 7 [chan receive]:\n"
                                "main.worker(0x0?)\n"
                                "\t/tmp/main.go:20 +0x56\n",
                                0);
  CHECK(run.outcome == "completed");
  CHECK(run.elapsed_ms == -1.0);  // an older program printed none
  CHECK(run.leaked == 1);
  REQUIRE(run.goroutines.size() == 1);
  CHECK(run.goroutines[0] == GoGoroutine{7, "chan receive", "main.worker", 20});
}

TEST_CASE("Go runner: a timeout or unreadable output is not mistaken for a result") {
  CHECK(parse_go_run("", "", 124).outcome == "timeout");
  CHECK(parse_go_run("hello\n", "", 0).outcome == "failed");
  CHECK(parse_go_run("", "segfault\n", 139).outcome == "failed");
}

TEST_CASE("Go runner: a missing toolchain is reported, not skipped") {
  // With an empty PATH neither go nor gofmt can be found.
  const char* old_path = std::getenv("PATH");
  const std::string saved = old_path == nullptr ? "" : old_path;
  setenv("PATH", "/nonexistent", 1);
  GoRunnerOptions options;
  options.work_dir = std::filesystem::temp_directory_path() / "poolscope-no-go";
  const GoRunner runner(options);
  const auto problem = runner.toolchain_problem();
  setenv("PATH", saved.c_str(), 1);
  CHECK(problem.find("golang-go") != std::string::npos);
}
