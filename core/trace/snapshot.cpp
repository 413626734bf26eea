#include "core/trace/snapshot.hpp"

#include <algorithm>

#include "core/trace/check.hpp"

namespace poolscope::trace {

const GoroutineView& Snapshot::goroutine(GoroutineId id) const {
  POOLSCOPE_CHECK(id >= 1 && id <= goroutines.size(), "unknown goroutine id");
  return goroutines[id - 1];
}

const ChannelView& Snapshot::channel(ChannelId id) const {
  POOLSCOPE_CHECK(id >= 1 && id <= channels.size(), "unknown channel id");
  return channels[id - 1];
}

const WaitGroupView& Snapshot::waitgroup(WaitGroupId id) const {
  POOLSCOPE_CHECK(id >= 1 && id <= waitgroups.size(), "unknown WaitGroup id");
  return waitgroups[id - 1];
}

const MutexView& Snapshot::mutex(MutexId id) const {
  POOLSCOPE_CHECK(id >= 1 && id <= mutexes.size(), "unknown mutex id");
  return mutexes[id - 1];
}

bool same_state(const Snapshot& a, const Snapshot& b) {
  Snapshot b_at_a_time = b;
  b_at_a_time.time = a.time;
  return a == b_at_a_time;
}

namespace {

GoroutineView& goroutine_at(Snapshot& s, GoroutineId id) {
  POOLSCOPE_CHECK(id >= 1 && id <= s.goroutines.size(), "event names an unknown goroutine");
  return s.goroutines[id - 1];
}

ChannelView& channel_at(Snapshot& s, ChannelId id) {
  POOLSCOPE_CHECK(id >= 1 && id <= s.channels.size(), "event names an unknown channel");
  return s.channels[id - 1];
}

WaitGroupView& waitgroup_at(Snapshot& s, WaitGroupId id) {
  POOLSCOPE_CHECK(id >= 1 && id <= s.waitgroups.size(), "event names an unknown WaitGroup");
  return s.waitgroups[id - 1];
}

MutexView& mutex_at(Snapshot& s, MutexId id) {
  POOLSCOPE_CHECK(id >= 1 && id <= s.mutexes.size(), "event names an unknown mutex");
  return s.mutexes[id - 1];
}

Waiting pop_front(std::vector<Waiting>& q) {
  POOLSCOPE_CHECK(!q.empty(), "event pops an empty wait queue");
  const Waiting w = q.front();
  q.erase(q.begin());
  return w;
}

// A goroutine blocked in select waits in several queues; once one case is chosen for
// it, it leaves all the others (Go's selectgo pass 3, done at once here).
void leave_other_queues(Snapshot& s, GoroutineId g) {
  if (goroutine_at(s, g).state != GoState::BlockedSelect) return;
  const auto is_g = [g](const Waiting& w) { return w.goroutine == g; };
  for (ChannelView& c : s.channels) {
    std::erase_if(c.sendq, is_g);
    std::erase_if(c.recvq, is_g);
  }
}

void fold_state(Snapshot& s, const Event& e) {
  GoroutineView& g = goroutine_at(s, e.goroutine);
  const GoState next = state_of(e);
  if (g.state == GoState::Working) --s.busy;
  if (g.state == GoState::WaitingCpu) std::erase(s.cpu_queue, g.id);
  g.state = next;
  g.wait_object = e.object;
  g.wait_value = e.value;
  g.since = e.time;
  switch (next) {
    case GoState::Working:
      ++s.busy;
      break;
    case GoState::WaitingCpu:
      s.cpu_queue.push_back(g.id);
      break;
    case GoState::BlockedSend:
    case GoState::BlockedSemaphore:
      if (e.object != 0) channel_at(s, e.object).sendq.push_back({g.id, e.value});
      break;
    case GoState::BlockedRecv:
      if (e.object != 0) channel_at(s, e.object).recvq.push_back({g.id, 0});
      break;
    case GoState::BlockedWaitGroup:
      waitgroup_at(s, e.object).waiters.push_back(g.id);
      break;
    case GoState::BlockedMutex: {
      std::vector<GoroutineId>& w = mutex_at(s, e.object).waiters;
      w.insert(std::upper_bound(w.begin(), w.end(), g.id), g.id);
      break;
    }
    default:
      break;
  }
}

void fold_send(Snapshot& s, const Event& e) {
  ChannelView& c = channel_at(s, e.object);
  ++c.sent;
  if (static_cast<SendMode>(e.detail) == SendMode::Buffered) {
    c.buffer.push_back(e.value);
  } else {
    const Waiting receiver = pop_front(c.recvq);
    ++c.received;
    leave_other_queues(s, receiver.goroutine);
  }
  POOLSCOPE_CHECK(c.buffer.size() == e.aux, "buffer length disagrees with the event");
}

void fold_recv(Snapshot& s, const Event& e) {
  ChannelView& c = channel_at(s, e.object);
  switch (static_cast<RecvMode>(e.detail)) {
    case RecvMode::Buffered:
      POOLSCOPE_CHECK(!c.buffer.empty(), "event takes from an empty buffer");
      c.buffer.erase(c.buffer.begin());
      ++c.received;
      break;
    case RecvMode::BufferedRefill: {
      POOLSCOPE_CHECK(!c.buffer.empty(), "event takes from an empty buffer");
      c.buffer.erase(c.buffer.begin());
      const Waiting sender = pop_front(c.sendq);
      c.buffer.push_back(sender.value);
      ++c.received;
      ++c.sent;
      leave_other_queues(s, sender.goroutine);
      break;
    }
    case RecvMode::FromSender: {
      const Waiting sender = pop_front(c.sendq);
      ++c.received;
      ++c.sent;
      leave_other_queues(s, sender.goroutine);
      break;
    }
    case RecvMode::Closed:
      break;
  }
  POOLSCOPE_CHECK(c.buffer.size() == e.aux, "buffer length disagrees with the event");
}

void fold_close(Snapshot& s, const Event& e) {
  ChannelView& c = channel_at(s, e.object);
  c.closed = true;
  // Popping one select waiter may remove its other entries from this very channel, so
  // re-read the queue each time instead of iterating over it.
  while (!channel_at(s, e.object).recvq.empty()) {
    const Waiting w = pop_front(channel_at(s, e.object).recvq);
    leave_other_queues(s, w.goroutine);
  }
  while (!channel_at(s, e.object).sendq.empty()) {
    const Waiting w = pop_front(channel_at(s, e.object).sendq);
    leave_other_queues(s, w.goroutine);
  }
}

}  // namespace

void fold(Snapshot& s, const Event& e) {
  POOLSCOPE_CHECK((s.seq == 0 || e.seq == s.seq + 1), "events must be folded in sequence");
  s.seq = e.seq;
  s.time = e.time;
  if (e.goroutine != 0 && e.kind != EventKind::Spawn) goroutine_at(s, e.goroutine).line = e.line;

  switch (e.kind) {
    case EventKind::Spawn: {
      POOLSCOPE_CHECK(e.goroutine == s.goroutines.size() + 1, "goroutines are spawned in id order");
      GoroutineView g;
      g.id = e.goroutine;
      g.parent = e.object;
      g.name = e.aux;
      g.index = e.value;
      g.since = e.time;
      s.goroutines.push_back(g);
      if (e.object != 0) goroutine_at(s, e.object).line = e.line;
      break;
    }
    case EventKind::State:
      fold_state(s, e);
      break;
    case EventKind::MakeChan: {
      POOLSCOPE_CHECK(e.object == s.channels.size() + 1, "channels are made in id order");
      ChannelView c;
      c.id = e.object;
      c.name = e.aux;
      c.role = static_cast<ChanRole>(e.detail);
      c.cap = e.value;
      c.creator = e.goroutine;
      s.channels.push_back(std::move(c));
      break;
    }
    case EventKind::Send:
      fold_send(s, e);
      break;
    case EventKind::Recv:
      fold_recv(s, e);
      break;
    case EventKind::Close:
      fold_close(s, e);
      break;
    case EventKind::SelectWait: {
      ChannelView& c = channel_at(s, e.object);
      if (static_cast<Dir>(e.detail) == Dir::Send) {
        c.sendq.push_back({e.goroutine, e.value});
      } else {
        c.recvq.push_back({e.goroutine, 0});
      }
      break;
    }
    case EventKind::MakeWaitGroup: {
      POOLSCOPE_CHECK(e.object == s.waitgroups.size() + 1, "WaitGroups are made in id order");
      WaitGroupView w;
      w.id = e.object;
      w.name = e.aux;
      s.waitgroups.push_back(std::move(w));
      break;
    }
    case EventKind::WaitGroupAdd: {
      WaitGroupView& w = waitgroup_at(s, e.object);
      w.counter = e.aux;
      if (w.counter == 0) w.waiters.clear();
      break;
    }
    case EventKind::Job: {
      const auto phase = static_cast<JobPhase>(e.detail);
      if (phase == JobPhase::Started) goroutine_at(s, e.goroutine).job = e.value;
      if (phase == JobPhase::Done) goroutine_at(s, e.goroutine).job = kNoJob;
      break;
    }
    case EventKind::Config:
      if (static_cast<ConfigKey>(e.detail) == ConfigKey::Procs) s.procs = e.value;
      break;
    case EventKind::MainExit:
      s.main_exited = true;
      break;
    case EventKind::Panic:
      s.outcome = Outcome::Panic;
      break;
    case EventKind::Deadlock:
      s.outcome = Outcome::Deadlock;
      break;
    case EventKind::Hang:
      s.outcome = Outcome::Hang;
      break;
    case EventKind::End:
      s.outcome = static_cast<Outcome>(e.detail);
      break;
    case EventKind::MakeMutex: {
      POOLSCOPE_CHECK(e.object == s.mutexes.size() + 1, "mutexes are made in id order");
      MutexView m;
      m.id = e.object;
      m.name = e.aux;
      m.rw = e.detail != 0;
      s.mutexes.push_back(std::move(m));
      break;
    }
    case EventKind::Lock: {
      MutexView& m = mutex_at(s, e.object);
      std::erase(m.waiters, e.goroutine);
      if (static_cast<LockMode>(e.detail) == LockMode::Read) {
        ++m.readers;
      } else {
        m.writer = e.goroutine;
      }
      break;
    }
    case EventKind::Unlock: {
      MutexView& m = mutex_at(s, e.object);
      if (static_cast<LockMode>(e.detail) == LockMode::Read) {
        --m.readers;
      } else {
        m.writer = 0;
      }
      break;
    }
    case EventKind::SelectDefault:
    case EventKind::Cancel:
    case EventKind::Line:
    case EventKind::Blocked:
    case EventKind::Leak:
    case EventKind::StillRunning:
      break;
  }
}

}  // namespace poolscope::trace
