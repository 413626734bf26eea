// Event: a small fixed-size record, and the names people read.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <type_traits>

#include "core/trace/event.hpp"

namespace poolscope::trace {
namespace {

TEST_CASE("Event: is 40 bytes of plain data") {
  CHECK(sizeof(Event) == 40);
  CHECK(std::is_trivially_copyable_v<Event>);
  CHECK(std::is_standard_layout_v<Event>);
}

TEST_CASE("Event: every kind and state has its own name") {
  std::set<std::string> kinds;
  for (int k = 0; k < kEventKindCount; ++k) {
    kinds.insert(std::string(to_string(static_cast<EventKind>(k))));
  }
  CHECK(kinds.size() == kEventKindCount);
  CHECK(kinds.count("?") == 0);
  std::set<std::string> states;
  for (int s = 0; s < kGoStateCount; ++s) {
    states.insert(std::string(to_string(static_cast<GoState>(s))));
  }
  CHECK(states.size() == kGoStateCount);
  CHECK(states.count("?") == 0);
}

TEST_CASE("Event: blocked states are the ones only a partner can end") {
  CHECK(is_blocked(GoState::BlockedSend));
  CHECK(is_blocked(GoState::BlockedRecv));
  CHECK(is_blocked(GoState::BlockedSelect));
  CHECK(is_blocked(GoState::BlockedWaitGroup));
  CHECK(is_blocked(GoState::BlockedSemaphore));
  CHECK(is_blocked(GoState::BlockedMutex));
  CHECK_FALSE(is_blocked(GoState::Sleeping));  // a timer ends it
  CHECK_FALSE(is_blocked(GoState::WaitingCpu));
  CHECK_FALSE(is_blocked(GoState::IoWait));
  CHECK_FALSE(is_blocked(GoState::Exited));
}

TEST_CASE("Event: wait reasons use Go's own words") {
  CHECK(go_wait_reason(GoState::BlockedSend, 3) == "chan send");
  CHECK(go_wait_reason(GoState::BlockedSend, 0) == "chan send (nil chan)");
  CHECK(go_wait_reason(GoState::BlockedRecv, 3) == "chan receive");
  CHECK(go_wait_reason(GoState::BlockedRecv, 0) == "chan receive (nil chan)");
  CHECK(go_wait_reason(GoState::BlockedSelect, 2) == "select");
  CHECK(go_wait_reason(GoState::BlockedSelect, 0) == "select (no cases)");
  CHECK(go_wait_reason(GoState::BlockedWaitGroup, 1) == "semacquire");
  CHECK(go_wait_reason(GoState::BlockedMutex, 1) == "semacquire");  // go1.19, Mutex.Lock
  CHECK(go_wait_reason(GoState::Sleeping, 0) == "sleep");
}

TEST_CASE("Event: time units are nanoseconds") {
  CHECK(kSecond == 1'000'000'000);
  CHECK(kMillisecond == 1'000'000);
  CHECK(kMicrosecond == 1'000);
}

}  // namespace
}  // namespace poolscope::trace
