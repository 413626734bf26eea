// The one classifier of a goroutine's state (goroutine_look.hpp), and the proof that
// the pool picture and the timeline use it alike: on every preset, at many moments,
// each lane's span at the moment shown has the look of that goroutine's card.
#include <doctest/doctest.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "app/gui/model/goroutine_look.hpp"
#include "app/gui/model/session.hpp"
#include "app/gui/model/timeline_layout.hpp"
#include "core/scenario/presets.hpp"

using namespace poolscope;
using namespace poolscope::gui;
using pool::ChannelUse;
using trace::GoState;

namespace {

// jobs = 1, results = 2, db = 3, limit = 4; anchors and work lines as a listing has them.
struct Program {
  pool::Roles roles;
  scenario::GoProgram program;
  std::vector<int> work{20, 21};
  Program() {
    roles.set_use(1, ChannelUse::Jobs);
    roles.set_use(2, ChannelUse::Results);
    roles.set_use(3, ChannelUse::Db);
    roles.set_use(4, ChannelUse::Limit);
    program.lines[static_cast<std::size_t>(scenario::Anchor::WorkerRange)] = 30;
  }
  [[nodiscard]] Look look(GoState state, trace::ChannelId object, int line,
                          bool leaked = false) const {
    return classify({state, object, line, leaked}, look_rules(roles, program, work));
  }
};

}  // namespace

TEST_CASE("Look: waits are told apart by the channel's use, work by the work's lines") {
  const Program p;
  CHECK(p.look(GoState::BlockedRecv, 1, 30) == Look::Idle);  // a worker waiting for a job
  CHECK(p.look(GoState::BlockedRecv, 2, 50) == Look::BlockedRecv);
  CHECK(p.look(GoState::BlockedRecv, 0, 50) == Look::BlockedRecv);  // nil channel
  CHECK(p.look(GoState::BlockedRecv, 1, 30, true) == Look::Leaked);
  CHECK(p.look(GoState::BlockedSend, 2, 34) == Look::BlockedSend);
  CHECK(p.look(GoState::BlockedSend, 1, 40) == Look::BlockedSend);  // jobs full
  CHECK(p.look(GoState::BlockedSend, 3, 31) == Look::WaitingResource);
  CHECK(p.look(GoState::BlockedSemaphore, 3, 31) == Look::WaitingResource);
  CHECK(p.look(GoState::BlockedSemaphore, 9, 31) == Look::WaitingResource);
  CHECK(p.look(GoState::BlockedSemaphore, 4, 80) == Look::WaitingLimit);
  CHECK(p.look(GoState::BlockedSend, 4, 80) == Look::WaitingLimit);
  CHECK(p.look(GoState::Working, 0, 20) == Look::Working);
  CHECK(p.look(GoState::IoWait, 0, 20) == Look::Working);
  CHECK(p.look(GoState::Running, 0, 32) == Look::Runnable);
  CHECK(p.look(GoState::Runnable, 0, 32) == Look::Runnable);
  CHECK(p.look(GoState::WaitingCpu, 0, 20) == Look::WaitingCpu);
  CHECK(p.look(GoState::Sleeping, 0, 12) == Look::Sleeping);      // rate limiting
  CHECK(p.look(GoState::Sleeping, 0, 21) == Look::Working);       // the work's time.Sleep
  CHECK(p.look(GoState::BlockedSelect, 0, 21) == Look::Working);  // errgroup's work
  CHECK(p.look(GoState::BlockedSelect, 0, 30) == Look::Idle);
  CHECK(p.look(GoState::BlockedSelect, 0, 50) == Look::BlockedRecv);
  CHECK(p.look(GoState::BlockedWaitGroup, 0, 12) == Look::BlockedRecv);
  CHECK(p.look(GoState::BlockedMutex, 1, 12) == Look::WaitingResource);  // mu.Lock()
  CHECK(p.look(GoState::Exited, 0, 12) == Look::Exited);
}

TEST_CASE("Look: a program without anchors or uses matches nothing by accident") {
  const pool::Roles roles;
  const scenario::GoProgram plain;
  const LookRules rules = look_rules(roles, plain, {});
  CHECK(classify({GoState::BlockedSend, 0, 0, false}, rules) == Look::BlockedSend);
  CHECK(classify({GoState::BlockedSelect, 0, 0, false}, rules) == Look::BlockedRecv);
  CHECK(classify({GoState::BlockedRecv, 1, 0, false}, rules) == Look::BlockedRecv);
  CHECK(classify({GoState::Sleeping, 0, 0, false}, LookRules{}) == Look::Sleeping);
}

namespace {

// Every card's look against its lane's span at the moment shown; returns how many
// goroutines were compared, and counts the leaked ones in `leaked`.
int compare_cards_and_lanes(const Session& session, int& leaked) {
  const PoolModel& m = session.model();
  const LookRules rules =
      look_rules(session.run().roles(), session.program(), session.work_lines());
  std::unordered_map<trace::GoroutineId, const Lane*> lane_of;
  for (const Lane& l : session.lanes()) lane_of[l.goroutine] = &l;
  int compared = 0;
  for (const std::vector<Actor>* group : {&m.producers, &m.workers, &m.others}) {
    for (const Actor& a : *group) {
      const auto it = lane_of.find(a.id);
      if (it == lane_of.end() || a.look == Look::Exited) continue;
      const Lane* lane = it->second;
      const trace::Time t = session.view_time();
      // The span in force at t: the last one starting at or before it.
      std::size_t i = 0;
      while (i + 1 < lane->spans.size() && lane->spans[i + 1].start <= t) ++i;
      INFO(session.goroutine_name(a.id), " at t = ", t);
      if (a.look == Look::Leaked) {  // the lane says it on its name; the span keeps the wait
        const trace::GoroutineView& g = session.snapshot().goroutine(a.id);
        CHECK(span_look(*lane, i, rules) == classify({g.state, g.wait_object, g.line}, rules));
        ++leaked;
      } else {
        CHECK(span_look(*lane, i, rules) == a.look);
      }
      ++compared;
    }
  }
  return compared;
}

}  // namespace

TEST_CASE("Look: on every preset a card and its timeline lane agree at every moment shown") {
  int leaked = 0;
  for (const scenario::Scenario& preset : scenario::presets()) {
    INFO("preset ", preset.id);
    Session session(preset);
    int compared = 0;
    for (int ms = 50; ms <= 3000 && !session.finished(); ms += 50) {
      session.advance_to_seconds(ms / 1000.0);
      compared += compare_cards_and_lanes(session, leaked);
    }
    // Scrubbing back shows an older moment: the same agreement holds there.
    session.view_at(session.now() / 2);
    compared += compare_cards_and_lanes(session, leaked);
    CHECK(compared > 10);
  }
  CHECK(leaked > 0);  // forgot-close ends with leaked workers: the exception was met
}
