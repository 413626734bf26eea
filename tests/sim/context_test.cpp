// context: cancellation closes Done, Err explains, children follow their parent.
#include <doctest/doctest.h>

#include <vector>

#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

Go wait_done(Runtime& rt, Context ctx, Time* at) {
  const RecvResult r = co_await rt.recv(ctx.done, 9);
  CHECK_FALSE(r.ok);
  *at = rt.now();
}

TEST_CASE("Context: cancel closes Done and Err says context canceled") {
  Sim s;
  const Context ctx = s.rt.with_cancel();
  CHECK_FALSE(ctx.done.is_nil());
  CHECK(s.rt.err(ctx).empty());
  Time at = -1;
  s.rt.spawn("waiter", wait_done(s.rt, ctx, &at));
  s.rt.run_until(5 * kMillisecond);
  CHECK(s.rt.state_of(1) == GoState::BlockedRecv);
  s.rt.cancel(ctx);
  s.rt.run();
  CHECK(at == 5 * kMillisecond);
  CHECK(s.rt.err(ctx) == "context canceled");
  const auto cancels = s.of_kind(EventKind::Cancel);
  REQUIRE(cancels.size() == 1);
  CHECK(cancels[0].object == ctx.done.id());
  CHECK(s.count(EventKind::Close) == 1);
}

TEST_CASE("Context: calling cancel again does nothing") {
  Sim s;
  const Context ctx = s.rt.with_cancel();
  s.rt.cancel(ctx);
  s.rt.cancel(ctx);
  CHECK(s.count(EventKind::Close) == 1);
  CHECK(s.rt.outcome() == Outcome::Running);  // no "close of closed channel"
}

TEST_CASE("Context: cancelling a parent cancels its children, not the other way round") {
  Sim s;
  const Context parent = s.rt.with_cancel();
  const Context child = s.rt.with_cancel(parent);
  const Context grandchild = s.rt.with_cancel(child);
  const Context sibling = s.rt.with_cancel(parent);
  s.rt.cancel(sibling);
  CHECK(s.rt.err(parent).empty());
  CHECK(s.rt.err(child).empty());
  s.rt.cancel(parent);
  CHECK(s.rt.err(child) == "context canceled");
  CHECK(s.rt.err(grandchild) == "context canceled");
  // A child of an already cancelled parent starts cancelled.
  const Context late = s.rt.with_cancel(parent);
  CHECK(s.rt.err(late) == "context canceled");
}

TEST_CASE("Context: WithTimeout cancels at the deadline with context deadline exceeded") {
  Sim s;
  const Context ctx = s.rt.with_timeout({}, 2 * kSecond);
  Time at = -1;
  s.rt.spawn("waiter", wait_done(s.rt, ctx, &at));
  s.rt.run();
  CHECK(at == 2 * kSecond);
  CHECK(s.rt.err(ctx) == "context deadline exceeded");
}

TEST_CASE("Context: cancelling before the deadline stops the deadline timer") {
  Sim s;
  const Context ctx = s.rt.with_timeout({}, 2 * kSecond);
  CHECK(s.rt.pending_timers() == 1);
  s.rt.cancel(ctx);
  CHECK(s.rt.pending_timers() == 0);
  CHECK(s.rt.err(ctx) == "context canceled");
}

Go stoppable_worker(Runtime& rt, Context ctx, Chan jobs, std::vector<std::int64_t>* done) {
  for (;;) {
    const SelectResult r = co_await rt.select(30, recv_case(ctx.done), recv_case(jobs));
    if (r.index == 0) co_return;  // ctx.Done()
    co_await rt.io(10 * kMillisecond, 32);
    done->push_back(r.value);
  }
}

Go endless_producer(Runtime& rt, Chan jobs) {
  for (std::int64_t j = 1;; ++j) co_await rt.send(jobs, j, 38);
}

Go cancelling_main(Runtime& rt, std::vector<std::int64_t>* done) {
  const Context ctx = rt.with_cancel({}, 42);
  const Chan jobs = rt.make_chan(0, "jobs", ChanRole::Plain, 43);
  rt.spawn("worker", 1, stoppable_worker(rt, ctx, jobs, done), 44);
  rt.spawn("producer", endless_producer(rt, jobs), 45);
  co_await rt.sleep(35 * kMillisecond, 46);
  rt.cancel(ctx, 47);
}

TEST_CASE("Context: a worker selecting on ctx.Done stops when cancelled, others leak") {
  Sim s;
  std::vector<std::int64_t> done;
  s.rt.spawn_main(cancelling_main(s.rt, &done));
  CHECK(s.rt.run() == Outcome::Completed);
  // Jobs 1-4 finish by 40 ms; cancel came at 35 ms. From then on both ctx.Done() and
  // jobs are ready and select picks at random, so a few more jobs may slip in (as in
  // Go), but the worker stops.
  REQUIRE(done.size() >= 4);
  CHECK(std::vector<std::int64_t>(done.begin(), done.begin() + 4) ==
        std::vector<std::int64_t>{1, 2, 3, 4});
  for (std::size_t i = 0; i < done.size(); ++i) CHECK(done[i] == static_cast<std::int64_t>(i + 1));
  CHECK(s.rt.state_of(2) == GoState::Exited);
  // The producer is left blocked on its send: a leak, reported with its line.
  REQUIRE(s.rt.report().blocked.size() == 1);
  CHECK(s.rt.report().blocked[0].name == "producer");
  CHECK(s.rt.report().blocked[0].line == 38);
}

}  // namespace
}  // namespace poolscope::test
