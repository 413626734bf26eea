// A buffered channel as a counting semaphore: at most cap holders at once.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "tests/sim/sim_support.hpp"

namespace poolscope::test {
namespace {

struct Meter {
  int holders = 0;
  int most = 0;
  std::vector<int> order;  // who got in, in order
};

Go use_db(Runtime& rt, Chan db, int id, Meter* m) {
  co_await rt.acquire(db, 11);  // db <- struct{}{}
  m->most = std::max(m->most, ++m->holders);
  m->order.push_back(id);
  co_await rt.io(10 * kMillisecond, 13);  // query
  --m->holders;
  (void)co_await rt.release(db, 15);  // <-db
}

TEST_CASE("Semaphore: a semaphore of 3 lets at most 3 goroutines hold it") {
  Sim s;
  const Chan db = s.rt.make_semaphore(3, "db");
  Meter m;
  for (int i = 1; i <= 10; ++i) s.rt.spawn("handler", i, use_db(s.rt, db, i, &m));
  s.rt.run();
  CHECK(m.most == 3);
  CHECK(m.order.size() == 10);
  CHECK(s.rt.now() == 40 * kMillisecond);  // ceil(10 / 3) rounds of 10 ms
  CHECK(db.len() == 0);
}

TEST_CASE("Semaphore: goroutines waiting for a token show the semaphore wait state") {
  Sim s;
  const Chan db = s.rt.make_semaphore(2, "db");
  Meter m;
  for (int i = 1; i <= 5; ++i) s.rt.spawn("handler", i, use_db(s.rt, db, i, &m));
  s.rt.run_until(1 * kMillisecond);
  CHECK(db.len() == 2);
  for (GoroutineId g = 3; g <= 5; ++g) {
    CHECK(s.rt.state_of(g) == GoState::BlockedSemaphore);
    CHECK(s.rt.line_of(g) == 11);
  }
  const trace::Snapshot snap = s.rt.snapshot();
  CHECK(snap.channel(db.id()).role == ChanRole::Semaphore);
  CHECK(snap.channel(db.id()).sendq.size() == 3);
}

TEST_CASE("Semaphore: a released token goes to the first waiter (FIFO)") {
  Sim s;
  const Chan db = s.rt.make_semaphore(1, "db");
  Meter m;
  for (int i = 1; i <= 5; ++i) s.rt.spawn("handler", i, use_db(s.rt, db, i, &m));
  s.rt.run();
  CHECK(m.order == std::vector<int>{1, 2, 3, 4, 5});
  CHECK(m.most == 1);
}

}  // namespace
}  // namespace poolscope::test
