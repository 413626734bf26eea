// The scheduler: goroutines as coroutines, a virtual clock, deterministic order.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

using Trail = std::vector<int>;

Go note(Runtime& rt, Trail* trail, int mark, Time delay) {
  if (delay > 0) co_await rt.sleep(delay, 3);
  trail->push_back(mark);
}

TEST_CASE("Scheduler: a spawned goroutine does not run until the runtime steps") {
  Sim s;
  Trail trail;
  s.rt.spawn_main(note(s.rt, &trail, 1, 0));
  CHECK(trail.empty());
  CHECK(s.rt.state_of(1) == GoState::Runnable);
  CHECK(s.rt.step());
  CHECK(trail == Trail{1});
  CHECK(s.rt.state_of(1) == GoState::Exited);
}

TEST_CASE("Scheduler: goroutines runnable at the same instant run in spawn order") {
  Sim s;
  Trail trail;
  for (int i = 1; i <= 5; ++i) s.rt.spawn("g", i, note(s.rt, &trail, i, 0));
  s.rt.run();
  CHECK(trail == Trail{1, 2, 3, 4, 5});
}

TEST_CASE("Scheduler: sleepers wake in time order, ties in the order they fell asleep") {
  Sim s;
  Trail trail;
  s.rt.spawn("a", note(s.rt, &trail, 1, 30));
  s.rt.spawn("b", note(s.rt, &trail, 2, 10));
  s.rt.spawn("c", note(s.rt, &trail, 3, 30));
  s.rt.spawn("d", note(s.rt, &trail, 4, 10));
  s.rt.run();
  CHECK(trail == Trail{2, 4, 1, 3});
  CHECK(s.rt.now() == 30);
}

TEST_CASE("Scheduler: run_until stops at the given time and the clock reads it") {
  Sim s;
  Trail trail;
  s.rt.spawn("a", note(s.rt, &trail, 1, 10 * kMillisecond));
  s.rt.spawn("b", note(s.rt, &trail, 2, 20 * kMillisecond));
  s.rt.run_until(15 * kMillisecond);
  CHECK(trail == Trail{1});
  CHECK(s.rt.now() == 15 * kMillisecond);
  s.rt.run_until(20 * kMillisecond);  // inclusive
  CHECK(trail == Trail{1, 2});
  CHECK(s.rt.now() == 20 * kMillisecond);
}

TEST_CASE("Scheduler: step(limit) never carries the clock past the limit") {
  Sim s;
  Trail trail;
  s.rt.spawn("a", note(s.rt, &trail, 1, 10 * kMillisecond));
  CHECK(s.rt.step(5 * kMillisecond));  // a runs and falls asleep until 10 ms
  CHECK(s.rt.step(5 * kMillisecond));  // the timer is later: the clock stops at the limit
  CHECK(s.rt.now() == 5 * kMillisecond);
  CHECK(trail.empty());
  CHECK_FALSE(s.rt.step(5 * kMillisecond));  // at the limit, nothing more to do before it
  CHECK(s.rt.step(10 * kMillisecond));       // the timer fires at the limit itself
  CHECK(s.rt.now() == 10 * kMillisecond);
  CHECK(s.rt.step(10 * kMillisecond));
  CHECK(trail == Trail{1});
}

// A sink that interrupts the clock call when a given kind of event comes.
struct InterruptOn final : trace::EventSink {
  Runtime* rt = nullptr;
  trace::EventKind kind{};
  void on_event(const trace::Event& e) override {
    if (e.kind == kind) rt->interrupt();
  }
};

TEST_CASE("Scheduler: interrupt() from a sink stops run_until with the clock at that moment") {
  InterruptOn stop;
  stop.kind = trace::EventKind::MainExit;
  Runtime rt(Config{}, &stop);
  stop.rt = &rt;
  Trail trail;
  rt.spawn_main(note(rt, &trail, 1, 10 * kMillisecond));
  rt.spawn("late", note(rt, &trail, 2, 30 * kMillisecond));
  rt.run_until(kSecond);
  CHECK(trail == Trail{1});
  CHECK(rt.now() == 10 * kMillisecond);  // not 1 s: main's return stopped it
  CHECK(rt.outcome() == Outcome::Running);
  rt.run_until(kSecond);  // the next call starts uninterrupted
  CHECK(trail == Trail{1, 2});
}

TEST_CASE("Scheduler: the clock only moves when asked or when a timer fires") {
  Sim s;
  CHECK(s.rt.now() == 0);
  CHECK_FALSE(s.rt.step());  // nothing to do
  CHECK(s.rt.now() == 0);
  s.rt.run_until(5 * kSecond);
  CHECK(s.rt.now() == 5 * kSecond);
  CHECK(s.rt.outcome() == Outcome::Running);
}

Go inner(Runtime& rt, Chan c, Trail* trail) {
  trail->push_back(static_cast<int>((co_await rt.recv(c, 21)).value));
}

Go outer(Runtime& rt, Chan c, Trail* trail) {
  trail->push_back(1);
  co_await inner(rt, c, trail);  // blocks inside the callee
  trail->push_back(3);
}

Go feeder(Runtime& rt, Chan c) {
  co_await rt.sleep(5, 30);
  co_await rt.send(c, 2, 31);
}

TEST_CASE("Scheduler: awaiting a Go function calls it on the same goroutine, which may block") {
  Sim s;
  Trail trail;
  const Chan c = s.rt.make_chan(0, "c");
  const GoroutineId g = s.rt.spawn("outer", outer(s.rt, c, &trail));
  s.rt.spawn("feeder", feeder(s.rt, c));
  s.rt.step();
  CHECK(trail == Trail{1});
  CHECK(s.rt.state_of(g) == GoState::BlockedRecv);
  CHECK(s.rt.line_of(g) == 21);
  s.rt.run();
  CHECK(trail == Trail{1, 2, 3});
  CHECK(s.rt.state_of(g) == GoState::Exited);
}

Go spawner(Runtime& rt, Trail* trail) {
  rt.spawn("child", 7, note(rt, trail, 2, 0), 42);
  trail->push_back(1);
  co_return;
}

TEST_CASE("Scheduler: go statements record the parent, the name and the line") {
  Sim s;
  Trail trail;
  s.rt.spawn_main(spawner(s.rt, &trail));
  s.rt.run();
  CHECK(trail == Trail{1, 2});  // the child runs after its parent yields
  const auto spawns = s.of_kind(EventKind::Spawn);
  REQUIRE(spawns.size() == 2);
  CHECK(spawns[1].goroutine == 2);
  CHECK(spawns[1].object == 1);
  CHECK(spawns[1].line == 42);
  CHECK(spawns[1].value == 7);
  CHECK(s.rt.name_of(2) == "child 7");
  CHECK(s.rt.name_of(1) == "main");
}

Go polite(Runtime& rt, Trail* trail, int mark) {
  trail->push_back(mark);
  co_await rt.yield(50);
  trail->push_back(mark + 10);
}

TEST_CASE("Scheduler: Gosched puts a goroutine behind the other runnable ones") {
  Sim s;
  Trail trail;
  s.rt.spawn("a", polite(s.rt, &trail, 1));
  s.rt.spawn("b", polite(s.rt, &trail, 2));
  s.rt.run();
  CHECK(trail == Trail{1, 2, 11, 12});
}

Go spinner(Runtime& rt, Chan c, std::int64_t* polls) {
  for (;;) {
    const auto r = co_await rt.select(60, recv_case(c), default_case());
    if (r.index == 0) co_return;
    ++*polls;
  }
}

Go late_sender(Runtime& rt, Chan c) {
  co_await rt.sleep(1 * kMillisecond, 70);
  co_await rt.send(c, 1, 71);
}

TEST_CASE("Scheduler: a goroutine spinning on select default is preempted and time passes") {
  Config config;
  config.spin_ops = 100;
  config.spin_cost = 10 * kMicrosecond;
  Sim s(config);
  std::int64_t polls = 0;
  const Chan c = s.rt.make_chan(1, "c");
  s.rt.spawn("spinner", spinner(s.rt, c, &polls));
  s.rt.spawn("sender", late_sender(s.rt, c));
  s.rt.run();
  CHECK(s.rt.live_goroutines() == 0);
  // 100 polls cost 10 us, so the spinner polls ~100 times per 10 us until 1 ms.
  CHECK(polls >= 9000);
  CHECK(polls <= 11000);
  CHECK(s.rt.now() >= 1 * kMillisecond);
}

Go foreign_await(Runtime& rt) {
  rt.at(90);
  co_await std::suspend_always{};  // not a Runtime operation: nobody would resume it
}

// Runs body in a child process; returns its stderr and whether it died of SIGABRT.
std::pair<std::string, bool> run_in_child(void (*body)()) {
  int pipe_fds[2];
  REQUIRE(pipe(pipe_fds) == 0);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::signal(SIGABRT, SIG_DFL);  // not doctest's crash reporter
    std::freopen("/dev/null", "w", stdout);
    dup2(pipe_fds[1], 2);
    body();
    _exit(0);
  }
  close(pipe_fds[1]);
  std::string err;
  char buf[512];
  for (ssize_t n; (n = read(pipe_fds[0], buf, sizeof buf)) > 0;)
    err.append(buf, static_cast<std::size_t>(n));
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return {err, WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT};
}

TEST_CASE("Scheduler: a goroutine that stops outside a Runtime operation stops the process") {
  const auto [err, aborted] = run_in_child([] {
    Runtime rt;
    rt.spawn("odd", 2, foreign_await(rt));
    rt.run();
  });
  CHECK(aborted);
  CHECK(err.find("goroutine 1 (odd 2) suspended outside a Runtime operation after line 90") !=
        std::string::npos);
  CHECK(err.find("PR106188") != std::string::npos);
}

}  // namespace
}  // namespace poolscope::test
