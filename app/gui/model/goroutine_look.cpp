#include "app/gui/model/goroutine_look.hpp"

#include <algorithm>

namespace poolscope::gui {

using trace::GoState;

Look look_of(const trace::GoroutineView& g, const PoolModel& m, bool leaked,
             std::span<const int> work_lines) {
  if (leaked) return Look::Leaked;
  const bool at_work = std::find(work_lines.begin(), work_lines.end(), g.line) != work_lines.end();
  switch (g.state) {
    case GoState::Runnable:
    case GoState::Running:
      return Look::Runnable;
    case GoState::Working:
    case GoState::IoWait:
      return Look::Working;
    case GoState::WaitingCpu:
      return Look::WaitingCpu;
    case GoState::Sleeping:
      return Look::Sleeping;
    case GoState::BlockedSemaphore:
    case GoState::BlockedSend:
      if (g.wait_object == m.db && m.db != 0) return Look::WaitingResource;
      if (g.wait_object == m.limit && m.limit != 0) return Look::WaitingLimit;
      return g.state == GoState::BlockedSend ? Look::BlockedSend : Look::WaitingResource;
    case GoState::BlockedRecv:
      return g.wait_object == m.jobs && m.jobs != 0 ? Look::Idle : Look::BlockedRecv;
    case GoState::BlockedSelect:
      return at_work ? Look::Working : Look::BlockedRecv;
    case GoState::BlockedWaitGroup:
      return Look::BlockedRecv;
    case GoState::Exited:
      return Look::Exited;
  }
  return Look::Runnable;
}

Look span_look(trace::GoState state, std::uint16_t line, const scenario::GoProgram& program) {
  using scenario::Anchor;
  using trace::GoState;
  const int l = line;
  const auto at = [l, &program](Anchor a) { return l != 0 && l == program.line(a); };
  const bool db = at(Anchor::WorkerAcquireDb) || at(Anchor::JobAcquireDb);
  switch (state) {
    case GoState::Runnable:
    case GoState::Running:
      return Look::Runnable;
    case GoState::Working:
    case GoState::IoWait:
      return Look::Working;
    case GoState::WaitingCpu:
      return Look::WaitingCpu;
    case GoState::Sleeping:  // the work itself may be a time.Sleep
      return at(Anchor::WorkSleep) ? Look::Working : Look::Sleeping;
    case GoState::BlockedSemaphore:
    case GoState::BlockedSend:
      if (at(Anchor::GroupGoAcquire)) return Look::WaitingLimit;
      if (db || state == GoState::BlockedSemaphore) return Look::WaitingResource;
      return Look::BlockedSend;
    case GoState::BlockedRecv:
    case GoState::BlockedSelect:
      return at(Anchor::WorkerRange) ? Look::Idle : Look::BlockedRecv;
    case GoState::BlockedWaitGroup:
      return Look::BlockedRecv;
    case GoState::Exited:
      return Look::Exited;
  }
  return Look::Runnable;
}

}  // namespace poolscope::gui
