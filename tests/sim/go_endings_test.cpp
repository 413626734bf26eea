// How a program ends, as a Go 1.19 binary shows it: exit codes, panics with any message,
// fatal errors, os.Exit, and the goroutine list after the first line of standard error.
// The expected texts are real go1.19.8 output with the absolute paths, the hex offsets
// and the runtime's own frames (sync.*, runtime.*) taken out.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

Go worker_sends(Runtime& rt, Chan ch) { co_await rt.send(ch, 1, 9); }
Go waits(Runtime& rt, WaitGroup wg) { co_await rt.wait(wg, 21); }

// package main
//
// import (
//	"sync"
//	"time"
// )
//
// func worker(mu *sync.Mutex, ch chan int) {
//	ch <- 1                       // line 9 (here a send blocks; Go's program locked mu)
// }
//
// func main() {
//	...
//	go worker(&mu, ch)           // line 19
//	go func() {                  // line 20
//		wg.Wait()                  // line 21
//	}()
//	time.Sleep(10 * time.Millisecond)
//	mu.Lock()                    // line 24
// }
Go deadlocking_main(Runtime& rt) {
  const Mutex mu = rt.make_mutex("mu", 14);
  const WaitGroup wg = rt.make_waitgroup("wg", 15);
  const Chan ch = rt.make_chan(0, "ch", ChanRole::Plain, 16);
  co_await rt.lock(mu, 17);
  co_await rt.add(wg, 1, 18);
  rt.spawn("worker", worker_sends(rt, ch), 19);
  const GoroutineId f = rt.spawn("main.func1", waits(rt, wg), 20);
  rt.set_go_function(f, "main.main.func1");
  co_await rt.sleep(10 * kMillisecond, 23);
  co_await rt.lock(mu, 24);
}

TEST_CASE("Go traceback: a deadlock lists every goroutine with its wait reason, as go1.19") {
  Sim s;
  s.rt.spawn_main(deadlocking_main(s.rt));
  CHECK(s.rt.run() == Outcome::Deadlock);
  CHECK(s.rt.report().exit_code == 2);
  CHECK(format_go_traceback(s.rt.report()) ==
        "fatal error: all goroutines are asleep - deadlock!\n"
        "\n"
        "goroutine 1 [semacquire]:\n"
        "main.main()\n"
        "\tmain.go:24\n"
        "\n"
        "goroutine 2 [chan send]:\n"
        "main.worker(...)\n"
        "\tmain.go:9\n"
        "created by main.main\n"
        "\tmain.go:19\n"
        "\n"
        "goroutine 3 [semacquire]:\n"
        "main.main.func1(...)\n"
        "\tmain.go:21\n"
        "created by main.main\n"
        "\tmain.go:20\n");
}

TEST_CASE("Go traceback: the program's own stacks replace the one-frame default") {
  Sim s;
  s.rt.spawn_main(deadlocking_main(s.rt));
  s.rt.run();
  const GoStacks stacks = [](const GoroutineReport& g) -> std::vector<GoFrame> {
    if (g.id != 2) return {};
    return {{"main.send", true, 5}, {"main.worker", true, 9}};
  };
  const std::string text = format_go_traceback(s.rt.report(), stacks, "/tmp/x/main.go");
  CHECK(text.find("goroutine 2 [chan send]:\n"
                  "main.send(...)\n"
                  "\t/tmp/x/main.go:5\n"
                  "main.worker(...)\n"
                  "\t/tmp/x/main.go:9\n"
                  "created by main.main\n"
                  "\t/tmp/x/main.go:19\n") != std::string::npos);
}

Go closes_then_sends(Runtime& rt) {
  const Chan ch = rt.make_chan(0, "ch", ChanRole::Plain, 6);
  co_await rt.close(ch, 6);
  co_await rt.send(ch, 1, 7);
}

Go spawns_panicker(Runtime& rt) {
  rt.spawn("worker", closes_then_sends(rt), 13);
  co_await rt.sleep(kSecond, 14);
}

TEST_CASE("Go traceback: a panic shows only the goroutine that panicked") {
  // go1.19.8:
  //   panic: send on closed channel
  //
  //   goroutine 6 [running]:
  //   main.worker(0x0?)
  //   	/tmp/gosim/pan/main.go:7 +0x2f
  //   created by main.main
  //   	/tmp/gosim/pan/main.go:13 +0xba
  Sim s;
  s.rt.spawn_main(spawns_panicker(s.rt));
  CHECK(s.rt.run() == Outcome::Panic);
  CHECK(s.rt.report().exit_code == 2);
  CHECK_FALSE(s.rt.report().fatal);
  CHECK(format_go_traceback(s.rt.report()) ==
        "panic: send on closed channel\n"
        "\n"
        "goroutine 2 [running]:\n"
        "main.worker(...)\n"
        "\tmain.go:7\n"
        "created by main.main\n"
        "\tmain.go:13\n");
}

Go panics_with(Runtime& rt, std::string message) { co_await rt.panic(message, 15); }

TEST_CASE("Panic: any message prints after \"panic: \", recovered chains included") {
  // go1.19.8, a deferred function that recovers and panics again:
  //   panic: runtime error: index out of range [5] with length 3 [recovered]
  //   	panic: again runtime error: index out of range [5] with length 3
  //
  //   goroutine 1 [running]:
  const std::string chain =
      "runtime error: index out of range [5] with length 3 [recovered]\n"
      "\tpanic: again runtime error: index out of range [5] with length 3";
  Sim s;
  s.rt.spawn_main(panics_with(s.rt, chain));
  CHECK(s.rt.run() == Outcome::Panic);
  CHECK(s.rt.report().message == "panic: " + chain);
  CHECK(format_go_traceback(s.rt.report()) == "panic: " + chain +
                                                  "\n\n"
                                                  "goroutine 1 [running]:\n"
                                                  "main.main()\n"
                                                  "\tmain.go:15\n");
}

Go sleeper(Runtime& rt) { co_await rt.sleep(kSecond, 11); }
Go receiver(Runtime& rt, Chan ch) { (void)co_await rt.recv(ch, 10); }
Go fatal_in_goroutine(Runtime& rt) {
  co_await rt.sleep(kMillisecond, 13);
  co_await rt.unlock(rt.make_mutex("mu"), 14);
}
Go main_with_fatal_worker(Runtime& rt) {
  rt.spawn("func1", receiver(rt, rt.make_chan(0, "ch")), 11);
  rt.spawn("func2", fatal_in_goroutine(rt), 12);
  co_await rt.sleep(kSecond, 16);
}

TEST_CASE("Fatal error: the culprit first, then every other goroutine, as go1.19") {
  // go1.19.8 (fat/main.go): goroutine 18 [running] (main.main.func2, main.go:14,
  // created at 12), then goroutine 1 [sleep] (main.go:16), then goroutine 17
  // [chan receive] (main.go:11).
  Sim s;
  s.rt.spawn_main(main_with_fatal_worker(s.rt));
  CHECK(s.rt.run() == Outcome::Panic);
  const Report& r = s.rt.report();
  CHECK(r.fatal);
  CHECK(r.exit_code == 2);
  CHECK(format_go_traceback(r) ==
        "fatal error: sync: unlock of unlocked mutex\n"
        "\n"
        "goroutine 3 [running]:\n"
        "main.func2(...)\n"
        "\tmain.go:14\n"
        "created by main.main\n"
        "\tmain.go:12\n"
        "\n"
        "goroutine 1 [sleep]:\n"
        "main.main()\n"
        "\tmain.go:16\n"
        "\n"
        "goroutine 2 [chan receive]:\n"
        "main.func1(...)\n"
        "\tmain.go:10\n"
        "created by main.main\n"
        "\tmain.go:11\n");
}

Go raises_fatal(Runtime& rt, bool* after) {
  co_await rt.fatal("concurrent map writes", 8);
  *after = true;
}

TEST_CASE("Fatal error: the program can raise one with its own words") {
  Sim s;
  bool after = false;
  s.rt.spawn_main(raises_fatal(s.rt, &after));
  CHECK(s.rt.run() == Outcome::Panic);
  CHECK_FALSE(after);
  CHECK(s.rt.report().message == "fatal error: concurrent map writes");
  CHECK(s.rt.report().fatal);
  CHECK(s.rt.report().line == 8);
}

Go blocked_forever(Runtime& rt, Chan ch) { (void)co_await rt.recv(ch, 20); }
Go exits(Runtime& rt, bool* after) {
  rt.spawn("stuck", blocked_forever(rt, rt.make_chan(0, "ch")), 5);
  rt.spawn("napper", sleeper(rt), 6);
  co_await rt.sleep(kMillisecond, 7);
  co_await rt.exit(3, 8);
  *after = true;
}

TEST_CASE("Exit: os.Exit ends the program at once with its code") {
  // go1.19.8: `defer fmt.Println("deferred"); fmt.Println("hi"); os.Exit(3)` prints "hi"
  // and exits 3: no deferred call runs, nothing on standard error.
  Sim s;
  bool after = false;
  s.rt.spawn_main(exits(s.rt, &after));
  CHECK(s.rt.run() == Outcome::Exit);
  CHECK_FALSE(after);
  const Report& r = s.rt.report();
  CHECK(r.exit_code == 3);
  CHECK(r.culprit == 1);
  CHECK(r.line == 8);
  CHECK(r.time == kMillisecond);
  CHECK(r.message == "exit status 3");
  REQUIRE(r.blocked.size() == 1);
  CHECK(r.blocked[0].name == "stuck");
  REQUIRE(r.running.size() == 1);
  CHECK(r.running[0].name == "napper");
  CHECK(s.count(EventKind::Leak) == 0);
  const auto ends = s.of_kind(EventKind::End);
  REQUIRE(ends.size() == 1);
  CHECK(ends[0].value == 3);
  CHECK(static_cast<Outcome>(ends[0].detail) == Outcome::Exit);
  CHECK(s.folded().outcome == Outcome::Exit);
  CHECK(format_go_traceback(r).empty());
  CHECK(trace::to_string(Outcome::Exit) == "exit");
}

Go exits_zero(Runtime& rt) { co_await rt.exit(0, 4); }

TEST_CASE("Exit: exit codes of every outcome") {
  Sim zero;
  zero.rt.spawn_main(exits_zero(zero.rt));
  CHECK(zero.rt.run() == Outcome::Exit);
  CHECK(zero.rt.report().exit_code == 0);
  Sim done;
  done.rt.spawn_main(sleeper(done.rt));
  CHECK(done.rt.report().exit_code == -1);  // still running
  CHECK(done.rt.run() == Outcome::Completed);
  CHECK(done.rt.report().exit_code == 0);
}

}  // namespace
}  // namespace poolscope::test
