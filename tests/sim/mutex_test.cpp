// sync.Mutex and sync.RWMutex: mutual exclusion, FIFO handoff, writer preference, Go's
// fatal errors on misuse, and mutex waiters in deadlock and leak reports. The fatal
// errors' words and the "semacquire" wait reason are go1.19.8's, from real programs.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

using trace::LockMode;

struct Log {
  std::vector<std::string> lines;
  void add(const Runtime& rt, const std::string& what) {
    lines.push_back(std::to_string(rt.now() / kMillisecond) + " " + what);
  }
};

Go hold(Runtime& rt, Mutex mu, std::string who, Log* log) {
  co_await rt.lock(mu, 10);
  log->add(rt, who + " locked");
  co_await rt.sleep(kMillisecond, 12);
  co_await rt.unlock(mu, 13);
}

TEST_CASE("Mutex: one holder at a time, handed over in arrival order") {
  Sim s;
  Log log;
  const Mutex mu = s.rt.make_mutex("mu");
  for (const char* who : {"a", "b", "c"}) s.rt.spawn(who, hold(s.rt, mu, who, &log));
  s.rt.run_until(kMillisecond / 2);
  CHECK(s.rt.state_of(2) == GoState::BlockedMutex);
  CHECK(s.rt.state_of(3) == GoState::BlockedMutex);
  const trace::MutexView view = s.rt.snapshot().mutex(mu.id);
  CHECK(view.writer == 1);
  CHECK(view.waiters == std::vector<GoroutineId>{2, 3});
  CHECK(trace::same_state(s.folded(), s.rt.snapshot()));
  s.rt.run();
  CHECK(log.lines == std::vector<std::string>{"0 a locked", "1 b locked", "2 c locked"});
  CHECK(s.count(EventKind::Lock) == 3);
  CHECK(s.count(EventKind::Unlock) == 3);
  CHECK(trace::same_state(s.folded(), s.rt.snapshot()));
  CHECK(s.rt.snapshot().mutex(mu.id).writer == 0);
}

Go try_twice(Runtime& rt, Mutex mu, std::vector<bool>* got) {
  got->push_back(rt.try_lock(mu, 20));
  got->push_back(rt.try_lock(mu, 21));
  co_await rt.unlock(mu, 22);
  got->push_back(rt.try_lock(mu, 23));
}

TEST_CASE("Mutex: TryLock takes a free mutex and never waits") {
  Sim s;
  std::vector<bool> got;
  s.rt.spawn_main(try_twice(s.rt, s.rt.make_mutex("mu"), &got));
  CHECK(s.rt.run() == Outcome::Completed);
  CHECK(got == std::vector<bool>{true, false, true});
}

Go unlock_unlocked(Runtime& rt, bool* after) {
  const Mutex mu = rt.make_mutex("mu", 6);
  co_await rt.unlock(mu, 7);
  *after = true;
}

TEST_CASE("Mutex: unlock of an unlocked mutex is Go's fatal error") {
  Sim s;
  bool after = false;
  s.rt.spawn_main(unlock_unlocked(s.rt, &after));
  CHECK(s.rt.run() == Outcome::Panic);
  CHECK_FALSE(after);
  const Report& r = s.rt.report();
  CHECK(r.message == "fatal error: sync: unlock of unlocked mutex");
  CHECK(r.fatal);
  CHECK(r.exit_code == 2);
  CHECK(r.line == 7);
  const auto panics = s.of_kind(EventKind::Panic);
  REQUIRE(panics.size() == 1);
  CHECK(panics[0].detail == 1);
  CHECK(s.rt.strings().str(panics[0].aux) == "sync: unlock of unlocked mutex");
}

Go lock_twice(Runtime& rt) {
  const Mutex mu = rt.make_mutex("mu", 8);
  co_await rt.lock(mu, 9);
  co_await rt.lock(mu, 10);
}

TEST_CASE("Mutex: locking twice deadlocks, and the report says semacquire") {
  Sim s;
  s.rt.spawn_main(lock_twice(s.rt));
  CHECK(s.rt.run() == Outcome::Deadlock);
  const Report& r = s.rt.report();
  CHECK(r.message == "fatal error: all goroutines are asleep - deadlock!");
  REQUIRE(r.blocked.size() == 1);
  CHECK(r.blocked[0].wait_reason == "semacquire");
  CHECK(r.blocked[0].waits_on == "Lock of mu");
  CHECK(r.blocked[0].line == 10);
  CHECK(r.blocked[0].state == GoState::BlockedMutex);
}

Go lock_and_leave(Runtime& rt, Mutex mu) {
  co_await rt.lock(mu, 15);
  co_await rt.sleep(kSecond, 16);
}

Go leave_one_waiting(Runtime& rt) {
  const Mutex mu = rt.make_mutex("cacheMu", 20);
  co_await rt.lock(mu, 21);
  rt.spawn("getter", lock_and_leave(rt, mu), 22);
  co_await rt.sleep(kMillisecond, 23);
}

TEST_CASE("Mutex: a goroutine still waiting for a lock after main returned is leaked") {
  Sim s;
  s.rt.spawn_main(leave_one_waiting(s.rt));
  CHECK(s.rt.run() == Outcome::Completed);
  const Report& r = s.rt.report();
  CHECK(r.exit_code == 0);
  REQUIRE(r.blocked.size() == 1);
  CHECK(r.blocked[0].name == "getter");
  CHECK(r.blocked[0].waits_on == "Lock of cacheMu");
  CHECK(r.blocked[0].line == 15);
  CHECK(s.count(EventKind::Leak) == 1);
}

Go reader(Runtime& rt, RWMutex rw, std::string who, Time hold_for, Log* log) {
  co_await rt.rlock(rw, 30);
  log->add(rt, who + " rlocked");
  co_await rt.sleep(hold_for, 31);
  co_await rt.runlock(rw, 32);
}

Go writer(Runtime& rt, RWMutex rw, std::string who, Log* log) {
  co_await rt.lock(rw, 40);
  log->add(rt, who + " locked");
  co_await rt.sleep(kMillisecond, 41);
  co_await rt.unlock(rw, 42);
}

Go later(Runtime& rt, Time at, Go body) {
  co_await rt.sleep(at, 50);
  co_await std::move(body);
}

TEST_CASE(
    "RWMutex: readers share, and a waiting writer holds off new readers (writer preference)") {
  Sim s;
  Log log;
  const RWMutex rw = s.rt.make_rwmutex("rw");
  s.rt.spawn("r1", reader(s.rt, rw, "r1", 4 * kMillisecond, &log));
  s.rt.spawn("r2", reader(s.rt, rw, "r2", 2 * kMillisecond, &log));
  s.rt.spawn("w1", later(s.rt, kMillisecond, writer(s.rt, rw, "w1", &log)));
  s.rt.spawn("r3", later(s.rt, 2 * kMillisecond, reader(s.rt, rw, "r3", kMillisecond, &log)));
  s.rt.spawn("w2", later(s.rt, 3 * kMillisecond, writer(s.rt, rw, "w2", &log)));
  s.rt.run_until(3 * kMillisecond + 1);
  const trace::MutexView v = s.rt.snapshot().mutex(rw.id);
  CHECK(v.rw);
  CHECK(v.readers == 1);  // r1; r2 left at 2 ms
  CHECK(v.writer == 0);   // w1 waits for r1
  CHECK(v.waiters == std::vector<GoroutineId>{3, 4, 5});
  CHECK(trace::same_state(s.folded(), s.rt.snapshot()));
  CHECK(s.rt.run() == Outcome::Running);  // no main: the host plays main
  // w1 gets in when r1 leaves at 4 ms; r3 (waiting since 2 ms) gets in when w1 unlocks
  // at 5 ms, before w2 (waiting since 3 ms), which waits for r3 to leave at 6 ms.
  CHECK(log.lines == std::vector<std::string>{"0 r1 rlocked", "0 r2 rlocked", "4 w1 locked",
                                              "5 r3 rlocked", "6 w2 locked"});
  CHECK(trace::same_state(s.folded(), s.rt.snapshot()));
}

Go try_rw(Runtime& rt, RWMutex rw, std::vector<bool>* got) {
  got->push_back(rt.try_rlock(rw, 60));  // true
  got->push_back(rt.try_lock(rw, 61));   // false: a reader holds it
  co_await rt.runlock(rw, 62);
  got->push_back(rt.try_lock(rw, 63));   // true
  got->push_back(rt.try_rlock(rw, 64));  // false: a writer holds it
  co_await rt.unlock(rw, 65);
}

TEST_CASE("RWMutex: TryLock and TryRLock") {
  Sim s;
  std::vector<bool> got;
  s.rt.spawn_main(try_rw(s.rt, s.rt.make_rwmutex("rw"), &got));
  CHECK(s.rt.run() == Outcome::Completed);
  CHECK(got == std::vector<bool>{true, false, true, false});
}

Go runlock_unlocked(Runtime& rt) { co_await rt.runlock(rt.make_rwmutex("rw", 5), 7); }
Go unlock_unlocked_rw(Runtime& rt) {
  const RWMutex rw = rt.make_rwmutex("rw", 5);
  co_await rt.rlock(rw, 6);
  co_await rt.unlock(rw, 7);
}

TEST_CASE("RWMutex: Go's fatal errors for RUnlock and Unlock of an unlocked RWMutex") {
  {
    Sim s;
    s.rt.spawn_main(runlock_unlocked(s.rt));
    CHECK(s.rt.run() == Outcome::Panic);
    CHECK(s.rt.report().message == "fatal error: sync: RUnlock of unlocked RWMutex");
    CHECK(s.rt.report().fatal);
  }
  {
    Sim s;
    s.rt.spawn_main(unlock_unlocked_rw(s.rt));
    CHECK(s.rt.run() == Outcome::Panic);
    CHECK(s.rt.report().message == "fatal error: sync: Unlock of unlocked RWMutex");
    CHECK(s.rt.report().line == 7);
  }
}

Go rlock_then_lock(Runtime& rt) {
  const RWMutex rw = rt.make_rwmutex("state", 5);
  co_await rt.rlock(rw, 6);
  co_await rt.lock(rw, 7);  // waits for its own read lock: deadlock
}

TEST_CASE("RWMutex: Lock while holding RLock deadlocks with the waits named") {
  Sim s;
  s.rt.spawn_main(rlock_then_lock(s.rt));
  CHECK(s.rt.run() == Outcome::Deadlock);
  const Report& r = s.rt.report();
  REQUIRE(r.blocked.size() == 1);
  CHECK(r.blocked[0].wait_reason == "semacquire");
  CHECK(r.blocked[0].waits_on == "Lock of state (held by 1 reader(s))");
}

struct Inside {
  int writers = 0;
  int readers = 0;
  int holders = 0;  // of the plain Mutex
  bool violated = false;
};

Go random_locker(Runtime& rt, RWMutex rw, Mutex mu, std::uint64_t seed, Inside* in) {
  Rng r(seed);
  for (int i = 0; i < 30; ++i) {
    const Time hold = static_cast<Time>(r.below(3)) * kMillisecond;
    switch (r.below(3)) {
      case 0:
        co_await rt.lock(rw, 70);
        in->violated |= ++in->writers != 1 || in->readers != 0;
        co_await rt.sleep(hold, 71);
        --in->writers;
        co_await rt.unlock(rw, 72);
        break;
      case 1:
        co_await rt.rlock(rw, 73);
        ++in->readers;
        in->violated |= in->writers != 0;
        co_await rt.sleep(hold, 74);
        --in->readers;
        co_await rt.runlock(rw, 75);
        break;
      default:
        co_await rt.lock(mu, 76);
        in->violated |= ++in->holders != 1;
        co_await rt.sleep(hold, 77);
        --in->holders;
        co_await rt.unlock(mu, 78);
        break;
    }
  }
}

TEST_CASE("Mutexes: random lockers never overlap, all finish, and the fold follows the engine") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    CAPTURE(seed);
    Sim s(Config{.seed = seed});
    Inside in;
    const RWMutex rw = s.rt.make_rwmutex("rw");
    const Mutex mu = s.rt.make_mutex("mu");
    for (int g = 0; g < 6; ++g) {
      s.rt.spawn("locker", g,
                 random_locker(s.rt, rw, mu, seed * 100 + static_cast<std::uint64_t>(g), &in));
    }
    int steps = 0;
    while (s.rt.step()) {
      if (++steps % 25 == 0) REQUIRE(trace::same_state(s.folded(), s.rt.snapshot()));
    }
    CHECK_FALSE(in.violated);
    CHECK(s.count(EventKind::Lock) == 180);
    CHECK(s.count(EventKind::Unlock) == 180);
    CHECK(trace::same_state(s.folded(), s.rt.snapshot()));
    const trace::MutexView v = s.rt.snapshot().mutex(rw.id);
    CHECK(v.writer == 0);
    CHECK(v.readers == 0);
    CHECK(v.waiters.empty());
  }
}

Go copy_held(Runtime& rt, std::vector<std::int64_t>* got) {
  const Mutex mu = rt.make_mutex("mu");
  const RWMutex rw = rt.make_rwmutex("rw");
  co_await rt.lock(mu, 10);
  co_await rt.rlock(rw, 11);
  co_await rt.rlock(rw, 12);
  const Mutex mu2 = rt.copy_mutex(mu, 13);
  const RWMutex rw2 = rt.copy_mutex(rw, 14);
  co_await rt.unlock(mu, 15);
  got->push_back(rt.try_lock(mu2, 16) ? 1 : 0);  // the copy is still locked
  got->push_back(rt.try_lock(mu, 17) ? 1 : 0);   // the original is free
  got->push_back(rt.try_lock(rw2, 18) ? 1 : 0);  // two readers hold the copy
  got->push_back(rt.snapshot().mutex(rw2.id).readers);
  const WaitGroup wg = rt.make_waitgroup("wg");
  co_await rt.add(wg, 2, 20);
  const WaitGroup wg2 = rt.copy_waitgroup(wg, 21);
  co_await rt.add(wg, -2, 22);
  got->push_back(rt.counter(wg2));
  co_await rt.wait(wg2, 23);  // its counter stays 2: waits forever
}

TEST_CASE("Copies of sync values: a new object with the original's state, folded alike") {
  Sim s;
  std::vector<std::int64_t> got;
  s.rt.spawn_main(copy_held(s.rt, &got));
  s.rt.run();
  CHECK(got == std::vector<std::int64_t>{0, 1, 0, 2, 2});
  CHECK(s.rt.outcome() == trace::Outcome::Deadlock);
  CHECK(trace::same_state(s.folded(), s.rt.snapshot()));
  CHECK(s.rt.snapshot().mutex(3).writer == 1);  // the copying goroutine is shown holding it
}

}  // namespace
}  // namespace poolscope::test
