// How programs end: panics, deadlocks, hangs, completion with leaks; and the report.
#include "core/sim/report.hpp"

#include <algorithm>
#include <functional>
#include <span>
#include <string>

#include <fmt/format.h>

#include "core/sim/runtime.hpp"
#include "core/trace/check.hpp"

namespace poolscope::sim {

using detail::Channel;
using detail::Goroutine;
using trace::EventKind;

namespace {

// 1000000 -> "1,000,000".
std::string with_thousands(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

std::string_view to_string(StopReason r) noexcept {
  switch (r) {
    case StopReason::None:
      return "";
    case StopReason::Goroutines:
      return "max_goroutines";
    case StopReason::Events:
      return "max_events";
    case StopReason::GoroutineIds:
      return "goroutine_ids";
    case StopReason::Clock:
      return "clock";
    case StopReason::Host:
      return "host";
  }
  return "";
}

const GoroutineReport* Report::find(trace::GoroutineId id) const {
  for (const auto* list : {&blocked, &running}) {
    for (const GoroutineReport& g : *list) {
      if (g.id == id) return &g;
    }
  }
  return nullptr;
}

// [SECTION] Endings ------------------------------------------------------------------

void Runtime::end(Outcome outcome) {
  report_.outcome = outcome;
  switch (outcome) {
    case Outcome::Completed:
      report_.exit_code = 0;
      break;
    case Outcome::Deadlock:
    case Outcome::Panic:
      report_.exit_code = 2;
      break;
    case Outcome::Exit:  // set by exit()
      break;
    case Outcome::Running:
    case Outcome::Hang:
    case Outcome::Stopped:
      report_.exit_code = -1;
      break;
  }
  emit(EventKind::End, nullptr, 0, outcome == Outcome::Exit ? report_.exit_code : 0, 0,
       static_cast<std::uint8_t>(outcome));
  ended_ = true;
}

void Runtime::raise_panic(Goroutine* g, std::string_view message) {
  POOLSCOPE_CHECK(g != nullptr, "a panic needs a goroutine");
  ending_ = true;
  report_.time = active_time_;
  report_.message = "panic: " + std::string(message);
  report_.culprit = g->id;
  report_.line = g->line;
  report_.running.push_back(describe(*g));
  emit(EventKind::Panic, g, 0, 0, strings_.intern(message));
  end(Outcome::Panic);
}

// Go's throw: like a panic, but recover cannot stop it, and Go lists every goroutine.
void Runtime::raise_fatal(Goroutine* g, std::string_view message) {
  POOLSCOPE_CHECK(g != nullptr, "a fatal error needs a goroutine");
  ending_ = true;
  report_.time = active_time_;
  report_.message = "fatal error: " + std::string(message);
  report_.fatal = true;
  report_.culprit = g->id;
  report_.line = g->line;
  report_.running.push_back(describe(*g));
  for (const Goroutine* other : live_in_id_order()) {
    if (other != g) report_.running.push_back(describe(*other));
  }
  emit(EventKind::Panic, g, 0, 0, strings_.intern(message), 1);
  end(Outcome::Panic);
}

Runtime::CheckOp Runtime::exit(int code, int line) {
  if (finished()) return {this, false};
  Goroutine* g = running(line);
  ending_ = true;
  report_.time = active_time_;
  report_.exit_code = code;
  report_.message = "exit status " + std::to_string(code);
  report_.culprit = g->id;
  report_.line = g->line;
  for (const Goroutine* other : live_in_id_order()) {
    if (other == g) continue;
    (trace::is_blocked(other->state) ? report_.blocked : report_.running)
        .push_back(describe(*other));
  }
  emit(EventKind::Line, g);
  end(Outcome::Exit);
  return {this, false};
}

// Lists every goroutine still alive: blocked ones under `blocked_kind` (Leak or
// Blocked events), the others as still running.
void Runtime::list_remaining(EventKind blocked_kind) {
  for (const Goroutine* g : live_in_id_order()) {
    const bool blocked = trace::is_blocked(g->state);
    (blocked ? report_.blocked : report_.running).push_back(describe(*g));
    emit(blocked ? blocked_kind : EventKind::StillRunning, g, g->wait_object, 0, 0,
         static_cast<std::uint8_t>(g->state));
  }
}

// Nothing runnable and no timer pending. With main still blocked, this is Go's
// deadlock; after main returned, whatever is left is leaked.
void Runtime::finish_quiescent() {
  ending_ = true;
  report_.time = active_time_;
  if (main_ != nullptr && !main_->exited) {
    report_.message = "fatal error: all goroutines are asleep - deadlock!";
    report_.culprit = main_->id;
    report_.line = main_->line;
    const std::vector<const Goroutine*> live = live_in_id_order();
    for (const Goroutine* g : live) report_.blocked.push_back(describe(*g));
    find_cycle();
    emit(EventKind::Deadlock, nullptr, 0, 0,
         strings_.intern("all goroutines are asleep - deadlock!"));
    for (const Goroutine* g : live) {
      emit(EventKind::Blocked, g, g->wait_object, 0, 0, static_cast<std::uint8_t>(g->state));
    }
    end(Outcome::Deadlock);
    return;
  }
  list_remaining(EventKind::Leak);
  report_.message = report_.blocked.empty()
                        ? "main returned; every goroutine finished"
                        : "main returned; " + std::to_string(report_.blocked.size()) +
                              " goroutine(s) leaked, blocked forever";
  end(Outcome::Completed);
}

// After main returned, only sleeps ended for a whole drain horizon: stop, and tell the
// goroutines that would run forever from the leaked ones.
void Runtime::finish_drained() {
  ending_ = true;
  report_.time = active_time_;
  list_remaining(EventKind::Leak);
  report_.message = "main returned; " + std::to_string(report_.blocked.size()) +
                    " goroutine(s) leaked, " + std::to_string(report_.running.size()) +
                    " still running after " + std::to_string(config_.drain_horizon / kSecond) +
                    " s of only timers";
  end(Outcome::Completed);
}

// Main is blocked and, for a whole horizon, only sleeps ended: in Go the pending
// timers keep the deadlock detector quiet and the program hangs.
void Runtime::finish_hang() {
  ending_ = true;
  report_.time = active_time_;
  report_.culprit = main_->id;
  report_.line = main_->line;
  report_.message = "main is blocked forever at line " + std::to_string(main_->line) +
                    " while timers keep firing: the program hangs (a pending timer " +
                    "keeps Go from reporting the deadlock)";
  emit(EventKind::Hang, main_, main_->wait_object, 0, strings_.intern(report_.message),
       static_cast<std::uint8_t>(main_->state));
  list_remaining(EventKind::Blocked);
  end(Outcome::Hang);
}

// A limit of the simulator's own (Config) was reached: stop, listing nobody (there may
// be a million goroutines alive). The goroutine running now stops at its next operation.
void Runtime::stop_at_limit(StopReason reason) {
  ending_ = true;
  report_.time = active_time_;
  report_.stop = reason;
  if (current_ != nullptr) {
    report_.culprit = current_->id;
    report_.line = current_->line;
  }
  switch (reason) {
    case StopReason::Goroutines:
      report_.message =
          "stopped: " + with_thousands(config_.max_goroutines) + " goroutines alive, the limit";
      break;
    case StopReason::Events:
      report_.message = "stopped: " + with_thousands(config_.max_events) + " events, the limit";
      break;
    case StopReason::GoroutineIds:
      report_.message =
          "stopped: " + with_thousands(last_id_) + " goroutines spawned, the most ids can count";
      break;
    case StopReason::Clock:
      report_.message =
          "stopped: the next wake-up is more than 146 years away, past what the virtual "
          "clock (64-bit nanoseconds) holds";
      break;
    case StopReason::Host:  // halt() set the message
    case StopReason::None:
      break;
  }
  end(Outcome::Stopped);
}

void Runtime::halt(std::string_view message) {
  if (finished()) return;
  report_.message = std::string(message);
  stop_at_limit(StopReason::Host);
}

bool Runtime::over_event_budget() {
  if (seq_ < event_budget_ || finished()) return false;
  stop_at_limit(StopReason::Events);
  return true;
}

// [SECTION] Describing goroutines ----------------------------------------------------

std::string Runtime::channel_label(const Channel* c) const {
  if (c == nullptr) return "nil channel";
  const std::string_view name = strings_.str(c->name);
  return name.empty() ? "chan #" + std::to_string(c->id) : std::string(name);
}

GoroutineReport Runtime::describe(const Goroutine& g) const {
  GoroutineReport r;
  r.id = g.id;
  r.name = name_of(g.id);
  r.state = g.state;
  r.line = g.line;
  r.wait_reason = std::string(trace::go_wait_reason(g.state, g.wait_object));
  // Go's names: those the program set, else main.main and "main." + the goroutine's name.
  const auto fallback = [&](GoroutineId id, StringId name) {
    return main_ != nullptr && id == main_->id ? std::string("main.main")
                                               : "main." + std::string(strings_.str(name));
  };
  r.function =
      g.go_function != 0 ? std::string(strings_.str(g.go_function)) : fallback(g.id, g.name);
  if (g.created_by != 0) {
    r.created_by = std::string(strings_.str(g.created_by));
  } else if (const Goroutine* parent = g.parent != 0 ? find_live(g.parent) : nullptr) {
    r.created_by = parent->go_function != 0 ? std::string(strings_.str(parent->go_function))
                                            : fallback(parent->id, parent->name);
  } else if (g.parent != 0 && config_.keep_exited) {
    r.created_by = fallback(g.parent, history_[g.parent - 1].name);
  }
  r.created_line = g.spawn_line;

  const auto add_partner = [&](GoroutineId id) {
    if (id == 0 || id == g.id || find_live(id) == nullptr) return false;
    if (std::find(r.waits_for.begin(), r.waits_for.end(), id) == r.waits_for.end()) {
      r.waits_for.push_back(id);
    }
    return true;
  };
  // Who could complete an operation on c in the other direction: those who recently
  // did, else the channel's creator.
  const auto add_partners = [&](const Channel* c, bool sending) {
    r.channels.push_back(c->id);
    bool any = false;
    for (GoroutineId id : (sending ? c->receivers : c->senders).ids()) any |= add_partner(id);
    if (!any) add_partner(c->creator);
  };
  const Channel* c = (g.wait_object != 0 && g.wait_object <= channels_.size())
                         ? &channels_[g.wait_object - 1]
                         : nullptr;
  switch (g.state) {
    case GoState::BlockedSend:
      r.waits_on = "send on " + channel_label(c);
      if (c != nullptr) add_partners(c, true);
      break;
    case GoState::BlockedSemaphore:
      r.waits_on = "acquire " + channel_label(c) + " (semaphore of " + std::to_string(c->cap) + ")";
      add_partners(c, true);
      break;
    case GoState::BlockedRecv:
      r.waits_on = "receive from " + channel_label(c);
      if (c != nullptr) add_partners(c, false);
      break;
    case GoState::BlockedSelect: {
      r.waits_on = g.wait_object == 0 ? "select with no cases" : "select on";
      bool first = true;
      for (std::uint16_t i = 0; i < g.select_count; ++i) {
        const detail::Waiter& w = g.select_waiters[i];
        if (w.ch == nullptr) continue;
        r.waits_on += (first ? " " : ", ") + std::string(w.is_send ? "send on " : "receive from ") +
                      channel_label(w.ch);
        first = false;
        add_partners(w.ch, w.is_send);
      }
      if (first && g.wait_object != 0) r.waits_on += " nil channels only";
      break;
    }
    case GoState::BlockedWaitGroup: {
      const detail::WaitGroupRec& w = waitgroups_[g.wait_object - 1];
      const std::string_view name = strings_.str(w.name);
      r.waits_on = "Wait on WaitGroup " +
                   (name.empty() ? "#" + std::to_string(w.id) : std::string(name)) + " (counter " +
                   std::to_string(w.counter) + ")";
      bool any = false;
      for (GoroutineId id : w.doners.ids()) any |= add_partner(id);
      if (!any) live_by_id_.for_each([&](GoroutineId id, std::uint32_t) { add_partner(id); });
      break;
    }
    case GoState::BlockedMutex: {
      const detail::MutexRec& m = mutexes_[g.wait_object - 1];
      const std::string_view name = strings_.str(m.name);
      const bool read = g.wait_value == static_cast<std::int64_t>(trace::LockMode::Read);
      r.waits_on = std::string(read ? "RLock of " : "Lock of ") +
                   (name.empty() ? "mutex #" + std::to_string(m.id) : std::string(name));
      if (m.readers > 0 && !read) {
        r.waits_on += " (held by " + std::to_string(m.readers) + " reader(s))";
      }
      bool any = m.writer != 0 && add_partner(m.writer);
      if (m.readers > 0 || !any) {
        for (GoroutineId id : m.holders.ids()) any |= add_partner(id);
      }
      if (!any) add_partner(m.creator);
      break;
    }
    case GoState::Sleeping:
      r.waits_on = "sleep until t = " + std::to_string(g.wait_value) + " ns";
      break;
    case GoState::IoWait:
      r.waits_on = "I/O until t = " + std::to_string(g.wait_value) + " ns";
      break;
    case GoState::Working:
      r.waits_on = "CPU work";
      break;
    case GoState::WaitingCpu:
      r.waits_on = "a free CPU";
      break;
    case GoState::Runnable:
    case GoState::Running:
    case GoState::Exited:
      break;
  }
  std::sort(r.waits_for.begin(), r.waits_for.end());
  return r;
}

// A cycle in the wait-for graph among the blocked goroutines, searched from main first.
void Runtime::find_cycle() {
  const auto& nodes = report_.blocked;
  const auto index_of = [&](GoroutineId id) -> int {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      if (nodes[i].id == id) return static_cast<int>(i);
    }
    return -1;
  };
  std::vector<int> color(nodes.size(), 0);  // 0 new, 1 on the path, 2 done
  std::vector<GoroutineId> path;
  std::function<bool(int)> visit = [&](int i) {
    color[static_cast<std::size_t>(i)] = 1;
    path.push_back(nodes[static_cast<std::size_t>(i)].id);
    for (GoroutineId next : nodes[static_cast<std::size_t>(i)].waits_for) {
      const int j = index_of(next);
      if (j < 0) continue;
      if (color[static_cast<std::size_t>(j)] == 1) {
        const auto from = std::find(path.begin(), path.end(), next);
        report_.cycle.assign(from, path.end());
        return true;
      }
      if (color[static_cast<std::size_t>(j)] == 0 && visit(j)) return true;
    }
    path.pop_back();
    color[static_cast<std::size_t>(i)] = 2;
    return false;
  };
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (color[i] == 0 && visit(static_cast<int>(i))) return;
  }
}

// [SECTION] Text ---------------------------------------------------------------------

std::string format_report(const Report& r) {
  std::string out = r.message + "\n";
  const auto name_of = [&](GoroutineId id) {
    const GoroutineReport* g = r.find(id);
    return g != nullptr ? g->name : "goroutine " + std::to_string(id);
  };
  const auto list = [&](const std::vector<GoroutineReport>& gs, std::string_view title) {
    if (gs.empty()) return;
    if (!title.empty()) out += "\n" + std::string(title) + ":\n";
    for (const GoroutineReport& g : gs) {
      out += "\ngoroutine " + std::to_string(g.id) + " [" + g.wait_reason + "]:\n\t" + g.name +
             ", line " + std::to_string(g.line);
      if (!g.waits_on.empty()) out += ": " + g.waits_on;
      out += "\n";
    }
  };
  switch (r.outcome) {
    case Outcome::Running:
      break;
    case Outcome::Panic:
      list(r.running, "");
      out += "exit status 2\n";
      break;
    case Outcome::Deadlock:
      list(r.blocked, "");
      if (!r.cycle.empty()) {
        out += "\nwait-for cycle: ";
        for (GoroutineId id : r.cycle) out += name_of(id) + " -> ";
        out += name_of(r.cycle.front()) + "\n";
      }
      out += "exit status 2\n";
      break;
    case Outcome::Completed:
    case Outcome::Hang:
      list(r.blocked, "blocked forever (leaked)");
      list(r.running, "still running");
      break;
    case Outcome::Exit:
    case Outcome::Stopped:
      break;
  }
  return out;
}

std::string format_go_traceback(const Report& r, const GoStacks& stacks, std::string_view file) {
  std::span<const GoroutineReport> listed;
  switch (r.outcome) {
    case Outcome::Panic:
      // A panic lists the goroutine that panicked (Go's GOTRACEBACK=single); a fatal
      // error every goroutine, that one first.
      listed = r.fatal ? std::span<const GoroutineReport>(r.running)
                       : std::span<const GoroutineReport>(r.running).first(
                             std::min<std::size_t>(1, r.running.size()));
      break;
    case Outcome::Deadlock:
      listed = r.blocked;
      break;
    case Outcome::Running:
    case Outcome::Completed:
    case Outcome::Hang:
    case Outcome::Stopped:
    case Outcome::Exit:
      return "";
  }
  std::string out = r.message + "\n";
  for (const GoroutineReport& g : listed) {
    out += fmt::format("\ngoroutine {} [{}]:\n", g.id, g.wait_reason);
    std::vector<GoFrame> frames;
    if (stacks) frames = stacks(g);
    if (frames.empty()) frames.push_back({g.function, g.function != "main.main", g.line});
    for (const GoFrame& f : frames) {
      out += fmt::format("{}({})\n\t{}:{}\n", f.function, f.args ? "..." : "", file, f.line);
    }
    if (!g.created_by.empty()) {
      out += fmt::format("created by {}\n\t{}:{}\n", g.created_by, file, g.created_line);
    }
  }
  return out;
}

}  // namespace poolscope::sim
