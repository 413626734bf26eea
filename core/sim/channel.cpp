// Channels and select, following Go's runtime/chan.go and runtime/select.go (go1.19).
//
// Index
//   [SECTION] make_chan, and the non-blocking cores (chansend/chanrecv with block=false)
//   [SECTION] wake: a blocked goroutine's operation completed
//   [SECTION] send, recv, close
//   [SECTION] select

#include "core/sim/runtime.hpp"
#include "core/trace/check.hpp"

namespace poolscope::sim {

using detail::Channel;
using detail::Goroutine;
using detail::Waiter;
using trace::EventKind;
using trace::RecvMode;
using trace::SendMode;

namespace {
std::uint8_t mode(SendMode m) { return static_cast<std::uint8_t>(m); }
std::uint8_t mode(RecvMode m) { return static_cast<std::uint8_t>(m); }
std::uint32_t len_of(const Channel* c) { return static_cast<std::uint32_t>(c->count); }
}  // namespace

// [SECTION] make_chan and the non-blocking cores -------------------------------------

Chan Runtime::make_chan(std::int64_t cap, std::string_view name, ChanRole role, int line) {
  POOLSCOPE_CHECK(cap >= 0, "makechan: size out of range");
  if (current_ != nullptr) current_->line = static_cast<std::uint16_t>(line);
  Channel& c = channels_.emplace_back();
  c.id = static_cast<ChannelId>(channels_.size());
  c.name = strings_.intern(name);
  c.role = role;
  c.cap = cap;
  c.creator = current();
  c.buf.resize(static_cast<std::size_t>(cap));
  emit(EventKind::MakeChan, current_, c.id, cap, c.name, static_cast<std::uint8_t>(role));
  return Chan(&c);
}

Chan Runtime::chan_of(ChannelId id) {
  if (id == 0) return {};
  POOLSCOPE_CHECK(id <= channels_.size(), "unknown channel id");
  return Chan(&channels_[id - 1]);
}

// chansend(c, v, block=false) on a non-nil channel; g is null for a timer's send.
Runtime::Try Runtime::try_send(Goroutine* g, Channel* c, std::int64_t v) {
  if (c->closed) {
    if (g != nullptr && config_.senders_panic_themselves) {
      g->doomed = true;  // the send is over, not done: the program panics (take_closed_send)
      return Try::Done;
    }
    raise_panic(g, "send on closed channel");
    return Try::Panicked;
  }
  const GoroutineId gid = g != nullptr ? g->id : 0;
  if (Waiter* r = c->recvq.pop_front()) {
    // A receiver is waiting: hand the value over directly, bypassing the buffer.
    r->value = v;
    ++c->sent;
    ++c->received;
    c->senders.note(gid);
    c->receivers.note(r->g->id);
    emit(EventKind::Send, g, c->id, v, len_of(c), mode(SendMode::Handoff));
    note_progress();
    wake(r, true);
    return Try::Done;
  }
  if (c->count < c->cap) {
    c->push(v);
    ++c->sent;
    c->senders.note(gid);
    emit(EventKind::Send, g, c->id, v, len_of(c), mode(SendMode::Buffered));
    note_progress();
    return Try::Done;
  }
  return Try::NotReady;
}

// chanrecv(c, block=false) on a non-nil channel.
Runtime::Try Runtime::try_recv(Goroutine* g, Channel* c, RecvResult& out) {
  if (c->closed && c->count == 0) {
    out = {0, false};
    emit(EventKind::Recv, g, c->id, 0, 0, mode(RecvMode::Closed));
    return Try::Done;
  }
  if (!c->closed) {
    if (Waiter* s = c->sendq.pop_front()) {
      // A sender is waiting, so the buffer is full (or there is none). Take the head
      // and move the sender's value to the tail: FIFO order, no barging.
      RecvMode m = RecvMode::FromSender;
      if (c->cap == 0) {
        out = {s->value, true};
      } else {
        out = {c->pop(), true};
        c->push(s->value);
        m = RecvMode::BufferedRefill;
      }
      ++c->sent;
      ++c->received;
      c->receivers.note(g->id);
      c->senders.note(s->g->id);
      emit(EventKind::Recv, g, c->id, out.value, len_of(c), mode(m));
      note_progress();
      wake(s, true);
      return Try::Done;
    }
  }
  if (c->count > 0) {
    out = {c->pop(), true};
    ++c->received;
    c->receivers.note(g->id);
    emit(EventKind::Recv, g, c->id, out.value, len_of(c), mode(RecvMode::Buffered));
    note_progress();
    return Try::Done;
  }
  return Try::NotReady;
}

// [SECTION] wake ---------------------------------------------------------------------

// w's goroutine is blocked on w's channel and its operation just completed (success)
// or the channel was closed (!success). A select leaves its other queues at once: in
// Go, selectDone makes later partners skip them, and pass 3 unlinks them.
void Runtime::wake(Waiter* w, bool success) {
  w->success = success;
  w->fired = true;
  Goroutine* g = w->g;
  if (w->is_send && !success) g->doomed = true;
  std::uint32_t aux = 0;
  if (w->is_select) {
    for (std::uint16_t i = 0; i < g->select_count; ++i) {
      Waiter* other = &g->select_waiters[i];
      if (other == w || other->ch == nullptr) continue;
      (other->is_send ? other->ch->sendq : other->ch->recvq).remove(other);
    }
    g->select_waiters = nullptr;
    g->select_count = 0;
    aux = w->case_index + 1U;
  }
  make_ready(g, aux);
}

// [SECTION] send, recv, close --------------------------------------------------------

Runtime::SendOp Runtime::send(Chan ch, std::int64_t v, int line) { return {this, ch, v, line}; }
Runtime::RecvOp Runtime::recv(Chan ch, int line) { return {this, ch, line}; }
Runtime::SendOp Runtime::acquire(Chan sem, int line) { return {this, sem, 0, line}; }
Runtime::RecvOp Runtime::release(Chan sem, int line) { return {this, sem, line}; }

void Runtime::block_forever(Goroutine* g, GoState s, std::uint32_t object) {
  set_state(g, s, object);
}

bool Runtime::begin_send(SendOp& op) {
  if (finished()) return false;  // the run ended (a limit): stop here, for good
  Goroutine* g = running(op.line_);
  Channel* c = op.ch_.c_;
  if (c == nullptr) {
    block_forever(g, GoState::BlockedSend, 0);
    return false;
  }
  switch (try_send(g, c, op.value_)) {
    case Try::Done:
      return completed_fast(g);
    case Try::Panicked:
      return false;
    case Try::NotReady:
      break;
  }
  Waiter& w = op.waiter_;
  w = Waiter{};
  w.g = g;
  w.ch = c;
  w.value = op.value_;
  w.is_send = true;
  c->sendq.push_back(&w);
  const GoState s =
      c->role == ChanRole::Semaphore ? GoState::BlockedSemaphore : GoState::BlockedSend;
  set_state(g, s, c->id, op.value_);
  return false;
}

bool Runtime::begin_recv(RecvOp& op) {
  if (finished()) return false;  // the run ended (a limit): stop here, for good
  Goroutine* g = running(op.line_);
  Channel* c = op.ch_.c_;
  if (c == nullptr) {
    block_forever(g, GoState::BlockedRecv, 0);
    return false;
  }
  if (try_recv(g, c, op.result_) == Try::Done) return completed_fast(g);
  Waiter& w = op.waiter_;
  w = Waiter{};
  w.g = g;
  w.ch = c;
  c->recvq.push_back(&w);
  op.blocked_ = true;
  set_state(g, GoState::BlockedRecv, c->id);
  return false;
}

Runtime::CheckOp Runtime::close(Chan ch, int line) {
  if (finished()) return {this, false};
  Goroutine* g = running(line);
  if (!close_channel(g, ch.c_)) return {this, false};
  return {this, completed_fast(g)};
}

// closechan: every receiver gets (0, false), every sender is doomed to panic when it
// runs. Receivers are woken first, then senders, each queue in FIFO order.
bool Runtime::close_channel(Goroutine* g, Channel* c) {
  if (c == nullptr) {
    raise_panic(g, "close of nil channel");
    return false;
  }
  if (c->closed) {
    raise_panic(g, "close of closed channel");
    return false;
  }
  c->closed = true;
  emit(EventKind::Close, g, c->id);
  note_progress();
  while (Waiter* w = c->recvq.pop_front()) {
    w->value = 0;
    wake(w, false);
  }
  while (Waiter* w = c->sendq.pop_front()) wake(w, false);
  return true;
}

// [SECTION] select -------------------------------------------------------------------

Runtime::SelectOp::SelectOp(Runtime* rt, int line, std::span<const SelectCase> cases)
    : rt_(rt), line_(static_cast<std::uint16_t>(line)) {
  POOLSCOPE_CHECK(cases.size() <= static_cast<std::size_t>(kMaxSelectCases),
                  "too many select cases");
  if (cases.size() > static_cast<std::size_t>(kInlineSelectCases)) {
    many_ = std::make_unique<Many>();
    many_->cases.resize(cases.size());
    many_->waiters.resize(cases.size());
    many_->order.resize(cases.size());
  }
  SelectCase* list = this->cases();
  int defaults = 0;
  for (const SelectCase& c : cases) {
    defaults += c.kind == SelectCase::Kind::Default ? 1 : 0;
    list[count_++] = c;
  }
  POOLSCOPE_CHECK(defaults <= 1, "multiple defaults in select");
  (void)defaults;
}

SelectResult Runtime::SelectOp::await_resume() const noexcept {
  if (!blocked_) return result_;
  const detail::Waiter* list = waiters();
  for (int i = 0; i < count_; ++i) {
    const detail::Waiter& w = list[i];
    if (w.ch != nullptr && w.fired) return {i, w.is_send ? 0 : w.value, w.success};
  }
  return result_;
}

bool Runtime::begin_select(SelectOp& op) {
  if (finished()) return false;  // the run ended (a limit): stop here, for good
  Goroutine* g = running(op.line_);
  const SelectCase* list = op.cases();
  int default_index = -1;
  int cases = 0;
  int only = -1;
  for (int i = 0; i < op.count_; ++i) {
    if (list[i].kind == SelectCase::Kind::Default) {
      default_index = i;
    } else {
      ++cases;
      only = i;
    }
  }
  const auto take_default = [&] {
    emit(EventKind::SelectDefault, g);
    op.result_ = {default_index, 0, false};
    return completed_fast(g);
  };
  if (cases == 0) {
    if (default_index >= 0) return take_default();
    block_forever(g, GoState::BlockedSelect, 0);  // select {}
    return false;
  }
  if (cases == 1) return begin_single_case(op, only, default_index);

  // Pass 1: poll the cases in a random order (Go's pollorder: an inside-out shuffle
  // of the cases with a channel); the first ready case runs.
  std::array<std::uint16_t, kInlineSelectCases> few{};
  std::uint16_t* order = op.many_ ? op.many_->order.data() : few.data();
  std::uint64_t polled = 0;
  for (int i = 0; i < op.count_; ++i) {
    const SelectCase& sc = list[i];
    if (sc.kind == SelectCase::Kind::Default || sc.ch.is_nil()) continue;
    const std::uint64_t j = select_rng_.below(polled + 1);
    order[polled] = order[j];
    order[j] = static_cast<std::uint16_t>(i);
    ++polled;
  }
  for (std::uint64_t k = 0; k < polled; ++k) {
    const int i = order[k];
    const SelectCase& sc = list[i];
    if (sc.kind == SelectCase::Kind::Recv) {
      RecvResult r;
      if (try_recv(g, sc.ch.c_, r) == Try::Done) {
        op.result_ = {i, r.value, r.ok};
        return completed_fast(g);
      }
    } else {
      switch (try_send(g, sc.ch.c_, sc.value)) {
        case Try::Done:
          op.result_ = {i, 0, true};
          return completed_fast(g);
        case Try::Panicked:
          return false;
        case Try::NotReady:
          break;
      }
    }
  }
  if (default_index >= 0) return take_default();

  // Pass 2: wait in every case's queue; the first partner (or close) wins.
  Waiter* waiters = op.waiters();
  for (int i = 0; i < op.count_; ++i) {
    const SelectCase& sc = list[i];
    Waiter& w = waiters[i];
    w = Waiter{};
    if (sc.kind == SelectCase::Kind::Default || sc.ch.is_nil()) continue;
    w.g = g;
    w.ch = sc.ch.c_;
    w.case_index = static_cast<std::uint16_t>(i);
    w.is_send = sc.kind == SelectCase::Kind::Send;
    w.is_select = true;
    w.value = w.is_send ? sc.value : 0;
    (w.is_send ? w.ch->sendq : w.ch->recvq).push_back(&w);
  }
  op.blocked_ = true;
  if (polled > 0) {
    g->select_waiters = waiters;
    g->select_count = op.count_;
  }
  set_state(g, GoState::BlockedSelect, static_cast<std::uint32_t>(cases));
  for (int i = 0; i < op.count_; ++i) {
    const Waiter& w = waiters[i];
    if (w.ch == nullptr) continue;
    emit(EventKind::SelectWait, g, w.ch->id, w.value, static_cast<std::uint32_t>(i),
         static_cast<std::uint8_t>(w.is_send ? trace::Dir::Send : trace::Dir::Recv));
  }
  return false;
}

// Go's compiler turns a select with one case into a plain channel operation, and one
// case plus default into a non-blocking one (selectnbsend / selectnbrecv): no random
// draw, and a blocked goroutine shows "chan send" / "chan receive", not "select".
bool Runtime::begin_single_case(SelectOp& op, int i, int default_index) {
  Goroutine* g = current_;
  const SelectCase& sc = op.cases()[i];
  Channel* c = sc.ch.c_;
  const bool is_send = sc.kind == SelectCase::Kind::Send;
  const auto take_default = [&] {
    emit(EventKind::SelectDefault, g);
    op.result_ = {default_index, 0, false};
    return completed_fast(g);
  };
  if (c == nullptr) {
    if (default_index >= 0) return take_default();
    block_forever(g, is_send ? GoState::BlockedSend : GoState::BlockedRecv, 0);
    return false;
  }
  if (is_send) {
    switch (try_send(g, c, sc.value)) {
      case Try::Done:
        op.result_ = {i, 0, true};
        return completed_fast(g);
      case Try::Panicked:
        return false;
      case Try::NotReady:
        break;
    }
  } else {
    RecvResult r;
    if (try_recv(g, c, r) == Try::Done) {
      op.result_ = {i, r.value, r.ok};
      return completed_fast(g);
    }
  }
  if (default_index >= 0) return take_default();
  Waiter& w = op.waiters()[i];
  w = Waiter{};
  w.g = g;
  w.ch = c;
  w.case_index = static_cast<std::uint16_t>(i);
  w.is_send = is_send;
  w.value = is_send ? sc.value : 0;
  (is_send ? c->sendq : c->recvq).push_back(&w);
  op.blocked_ = true;
  if (is_send) {
    const GoState s =
        c->role == ChanRole::Semaphore ? GoState::BlockedSemaphore : GoState::BlockedSend;
    set_state(g, s, c->id, sc.value);
  } else {
    set_state(g, GoState::BlockedRecv, c->id);
  }
  return false;
}

}  // namespace poolscope::sim
