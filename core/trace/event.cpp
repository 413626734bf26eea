#include "core/trace/event.hpp"

namespace poolscope::trace {

std::string_view to_string(GoState s) noexcept {
  switch (s) {
    case GoState::Runnable:
      return "runnable";
    case GoState::Running:
      return "running";
    case GoState::Working:
      return "working";
    case GoState::WaitingCpu:
      return "waiting for CPU";
    case GoState::Sleeping:
      return "sleeping";
    case GoState::IoWait:
      return "I/O wait";
    case GoState::BlockedSend:
      return "blocked on send";
    case GoState::BlockedRecv:
      return "blocked on receive";
    case GoState::BlockedSelect:
      return "blocked in select";
    case GoState::BlockedWaitGroup:
      return "blocked on WaitGroup";
    case GoState::BlockedSemaphore:
      return "waiting for semaphore";
    case GoState::Exited:
      return "exited";
    case GoState::BlockedMutex:
      return "blocked on mutex";
  }
  return "?";
}

std::string_view to_string(EventKind k) noexcept {
  switch (k) {
    case EventKind::Spawn:
      return "spawn";
    case EventKind::State:
      return "state";
    case EventKind::MakeChan:
      return "make_chan";
    case EventKind::Send:
      return "send";
    case EventKind::Recv:
      return "recv";
    case EventKind::Close:
      return "close";
    case EventKind::SelectWait:
      return "select_wait";
    case EventKind::SelectDefault:
      return "select_default";
    case EventKind::MakeWaitGroup:
      return "make_waitgroup";
    case EventKind::WaitGroupAdd:
      return "waitgroup_add";
    case EventKind::Cancel:
      return "cancel";
    case EventKind::Job:
      return "job";
    case EventKind::Line:
      return "line";
    case EventKind::Config:
      return "config";
    case EventKind::MainExit:
      return "main_exit";
    case EventKind::Panic:
      return "panic";
    case EventKind::Deadlock:
      return "deadlock";
    case EventKind::Hang:
      return "hang";
    case EventKind::Blocked:
      return "blocked";
    case EventKind::Leak:
      return "leak";
    case EventKind::StillRunning:
      return "still_running";
    case EventKind::End:
      return "end";
    case EventKind::MakeMutex:
      return "make_mutex";
    case EventKind::Lock:
      return "lock";
    case EventKind::Unlock:
      return "unlock";
  }
  return "?";
}

std::string_view to_string(Outcome o) noexcept {
  switch (o) {
    case Outcome::Running:
      return "running";
    case Outcome::Completed:
      return "completed";
    case Outcome::Deadlock:
      return "deadlock";
    case Outcome::Panic:
      return "panic";
    case Outcome::Hang:
      return "hang";
    case Outcome::Stopped:
      return "stopped";
    case Outcome::Exit:
      return "exit";
  }
  return "?";
}

std::string_view to_string(ChanRole r) noexcept {
  switch (r) {
    case ChanRole::Plain:
      return "channel";
    case ChanRole::Semaphore:
      return "semaphore";
    case ChanRole::Timer:
      return "timer";
    case ChanRole::Done:
      return "done";
  }
  return "?";
}

std::string_view to_string(JobPhase p) noexcept {
  switch (p) {
    case JobPhase::Created:
      return "created";
    case JobPhase::Started:
      return "started";
    case JobPhase::Done:
      return "done";
    case JobPhase::Collected:
      return "collected";
  }
  return "?";
}

std::string_view to_string(SendMode m) noexcept {
  switch (m) {
    case SendMode::Buffered:
      return "buffered";
    case SendMode::Handoff:
      return "handoff";
  }
  return "?";
}

std::string_view to_string(RecvMode m) noexcept {
  switch (m) {
    case RecvMode::Buffered:
      return "buffered";
    case RecvMode::BufferedRefill:
      return "buffered_refill";
    case RecvMode::FromSender:
      return "from_sender";
    case RecvMode::Closed:
      return "closed";
  }
  return "?";
}

std::string_view go_wait_reason(GoState s, std::uint32_t object) noexcept {
  switch (s) {
    case GoState::Runnable:
      return "runnable";
    case GoState::Running:
    case GoState::Working:
      return "running";
    case GoState::WaitingCpu:
      return "runnable";
    case GoState::Sleeping:
      return "sleep";
    case GoState::IoWait:
      return "IO wait";
    case GoState::BlockedSend:
      return object == 0 ? "chan send (nil chan)" : "chan send";
    case GoState::BlockedRecv:
      return object == 0 ? "chan receive (nil chan)" : "chan receive";
    case GoState::BlockedSelect:
      return object == 0 ? "select (no cases)" : "select";
    case GoState::BlockedWaitGroup:
      return "semacquire";
    case GoState::BlockedSemaphore:
      return "chan send";
    case GoState::Exited:
      return "dead";
    case GoState::BlockedMutex:
      return "semacquire";
  }
  return "?";
}

}  // namespace poolscope::trace
