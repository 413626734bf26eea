#include "app/gui/model/goroutine_look.hpp"

#include <algorithm>

namespace poolscope::gui {

using pool::ChannelUse;
using trace::GoState;

namespace {

ChannelUse use_of(const LookRules& rules, trace::ChannelId c) {
  return c != 0 && rules.use ? rules.use(c) : ChannelUse::Other;
}

bool at_anchor(const LookRules& rules, int line, scenario::Anchor anchor) {
  return line != 0 && rules.program != nullptr && line == rules.program->line(anchor);
}

}  // namespace

Look classify(const LookFacts& facts, const LookRules& rules) {
  if (facts.leaked) return Look::Leaked;
  const bool at_work =
      facts.line != 0 && std::find(rules.work_lines.begin(), rules.work_lines.end(), facts.line) !=
                             rules.work_lines.end();
  const ChannelUse use = use_of(rules, facts.wait_object);
  switch (facts.state) {
    case GoState::Runnable:
    case GoState::Running:
      return Look::Runnable;
    case GoState::Working:
    case GoState::IoWait:
      return Look::Working;
    case GoState::WaitingCpu:
      return Look::WaitingCpu;
    case GoState::Sleeping:
      return at_work ? Look::Working : Look::Sleeping;
    case GoState::BlockedSemaphore:
    case GoState::BlockedSend:
      if (use == ChannelUse::Db) return Look::WaitingResource;
      if (use == ChannelUse::Limit) return Look::WaitingLimit;
      return facts.state == GoState::BlockedSend ? Look::BlockedSend : Look::WaitingResource;
    case GoState::BlockedRecv:
      return use == ChannelUse::Jobs ? Look::Idle : Look::BlockedRecv;
    case GoState::BlockedSelect:
      if (at_work) return Look::Working;
      return at_anchor(rules, facts.line, scenario::Anchor::WorkerRange) ? Look::Idle
                                                                         : Look::BlockedRecv;
    case GoState::BlockedWaitGroup:
      return Look::BlockedRecv;
    case GoState::BlockedMutex:  // waits for a lock another goroutine holds
      return Look::WaitingResource;
    case GoState::Exited:
      return Look::Exited;
  }
  return Look::Runnable;
}

LookRules look_rules(const pool::Roles& roles, const scenario::GoProgram& program,
                     std::span<const int> work_lines) {
  return LookRules{[&roles](trace::ChannelId c) { return roles.use(c); }, &program, work_lines};
}

}  // namespace poolscope::gui
