// The two classifiers of a goroutine's state (goroutine_look.hpp), each on its own data.
#include <doctest/doctest.h>

#include <vector>

#include "app/gui/model/goroutine_look.hpp"

using namespace poolscope;
using namespace poolscope::gui;
using trace::GoState;

TEST_CASE("Look: a timeline span's look tells a worker waiting for a job from other waits") {
  scenario::GoProgram program;
  program.lines[static_cast<std::size_t>(scenario::Anchor::WorkerRange)] = 30;
  program.lines[static_cast<std::size_t>(scenario::Anchor::WorkerAcquireDb)] = 31;
  program.lines[static_cast<std::size_t>(scenario::Anchor::WorkerSendResult)] = 34;
  program.lines[static_cast<std::size_t>(scenario::Anchor::GroupGoAcquire)] = 80;
  program.lines[static_cast<std::size_t>(scenario::Anchor::WorkSleep)] = 90;
  CHECK(span_look(GoState::BlockedRecv, 30, program) == Look::Idle);
  CHECK(span_look(GoState::BlockedRecv, 50, program) == Look::BlockedRecv);
  CHECK(span_look(GoState::BlockedRecv, 0, program) == Look::BlockedRecv);
  CHECK(span_look(GoState::BlockedSend, 34, program) == Look::BlockedSend);
  CHECK(span_look(GoState::BlockedSend, 31, program) == Look::WaitingResource);
  CHECK(span_look(GoState::BlockedSemaphore, 31, program) == Look::WaitingResource);
  CHECK(span_look(GoState::Working, 32, program) == Look::Working);
  CHECK(span_look(GoState::IoWait, 32, program) == Look::Working);
  CHECK(span_look(GoState::Running, 32, program) == Look::Runnable);
  CHECK(span_look(GoState::WaitingCpu, 32, program) == Look::WaitingCpu);
  CHECK(span_look(GoState::Sleeping, 12, program) == Look::Sleeping);
  CHECK(span_look(GoState::Sleeping, 90, program) == Look::Working);  // the work's time.Sleep
  CHECK(span_look(GoState::BlockedSemaphore, 80, program) == Look::WaitingLimit);
  CHECK(span_look(GoState::BlockedSend, 80, program) == Look::WaitingLimit);
  CHECK(span_look(GoState::BlockedWaitGroup, 12, program) == Look::BlockedRecv);
  CHECK(span_look(GoState::Exited, 12, program) == Look::Exited);
  // A program without a db line: line 0 must not match the missing anchor.
  scenario::GoProgram plain;
  CHECK(span_look(GoState::BlockedSend, 0, plain) == Look::BlockedSend);
}

TEST_CASE("Look: a goroutine's look tells its waits apart by the channel it waits on") {
  PoolModel m;
  m.jobs = 1;
  m.db = 3;
  m.limit = 4;
  const std::vector<int> work{20, 21};
  trace::GoroutineView g;
  g.state = GoState::BlockedRecv;
  g.wait_object = 1;
  CHECK(look_of(g, m, false) == Look::Idle);
  g.wait_object = 2;
  CHECK(look_of(g, m, false) == Look::BlockedRecv);
  CHECK(look_of(g, m, true) == Look::Leaked);
  g.state = GoState::BlockedSemaphore;
  g.wait_object = 3;
  CHECK(look_of(g, m, false) == Look::WaitingResource);
  g.wait_object = 4;
  CHECK(look_of(g, m, false) == Look::WaitingLimit);
  g.state = GoState::BlockedSend;
  g.wait_object = 2;
  CHECK(look_of(g, m, false) == Look::BlockedSend);
  g.state = GoState::BlockedSelect;
  g.line = 21;
  CHECK(look_of(g, m, false, work) == Look::Working);
  g.line = 30;
  CHECK(look_of(g, m, false, work) == Look::BlockedRecv);
  g.state = GoState::Sleeping;
  CHECK(look_of(g, m, false, work) == Look::Sleeping);
  // No jobs channel in this program: a receive on channel 0 (nil) is no wait for a job.
  const PoolModel none;
  g.state = GoState::BlockedRecv;
  g.wait_object = 0;
  CHECK(look_of(g, none, false) == Look::BlockedRecv);
}
