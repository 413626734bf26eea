// Runtime: scheduler, clock, timers, CPU model, WaitGroups, contexts, inspection.
// Channel operations and select live in channel.cpp; mutexes in mutex.cpp; endings and
// reports in report.cpp.
//
// Index
//   [SECTION] Setup
//   [SECTION] Goroutines and scheduling
//   [SECTION] The clock and timers
//   [SECTION] Time, CPU and I/O
//   [SECTION] WaitGroup and context
//   [SECTION] Annotations
//   [SECTION] Endings and Go's names
//   [SECTION] Inspection
#include "core/sim/runtime.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/trace/check.hpp"

namespace poolscope::sim {

using detail::Goroutine;
using trace::EventKind;

// [SECTION] Setup --------------------------------------------------------------------

Runtime::Runtime(Config config, trace::EventSink* sink)
    : config_(config),
      sink_(sink),
      program_rng_(config.seed),
      select_rng_(config.seed ^ 0x5e1ec7c0ffee5eedULL),
      map_rng_(config.seed ^ 0x3a9b1e5d0c7f4a21ULL),
      event_budget_(config.max_events != 0 ? config.max_events : UINT64_MAX),
      procs_(config.procs) {
  POOLSCOPE_CHECK(config.procs >= 1, "GOMAXPROCS must be at least 1");
  POOLSCOPE_CHECK(config.max_goroutines >= 1, "max_goroutines must be at least 1");
  POOLSCOPE_CHECK(config.spin_ops >= 1 && config.spin_cost > 0,
                  "spin_ops and spin_cost must be positive");
  main_name_ = strings_.intern("main");
  canceled_ = strings_.intern("context canceled");
  deadline_exceeded_ = strings_.intern("context deadline exceeded");
  contexts_.emplace_back();  // context.Background()
  timers_.emplace_back();    // ids start at 1
  emit(EventKind::Config, nullptr, 0, procs_, strings_.intern("GOMAXPROCS"),
       static_cast<std::uint8_t>(trace::ConfigKey::Procs));
}

Runtime::~Runtime() {
  for (Goroutine& g : slots_) {
    if (g.root) g.root.destroy();
  }
}

// [SECTION] Goroutines and scheduling ------------------------------------------------

Goroutine* Runtime::running(int line) {
  POOLSCOPE_CHECK(current_ != nullptr, "Go operations must run inside a goroutine");
  current_->line = static_cast<std::uint16_t>(line);
  return current_;
}

GoroutineId Runtime::spawn_main(Go body) {
  POOLSCOPE_CHECK(last_id_ == 0, "spawn_main must come before any other spawn");
  const GoroutineId id = spawn_named(main_name_, -1, std::move(body), 0);
  main_ = &slots_.front();
  return id;
}

GoroutineId Runtime::spawn(std::string_view name, Go body, int line) {
  return spawn_named(strings_.intern(name), -1, std::move(body), line);
}

GoroutineId Runtime::spawn(std::string_view name, std::int64_t index, Go body, int line) {
  return spawn_named(strings_.intern(name), index, std::move(body), line);
}

GoroutineId Runtime::spawn_named(StringId name, std::int64_t index, Go body, int line) {
  POOLSCOPE_CHECK(body.valid(), "spawn needs a Go function that was not spawned before");
  if (finished()) return 0;  // e.g. the rest of a loop of spawns, after a limit stopped it
  if (live_ >= config_.max_goroutines || last_id_ == UINT32_MAX) {
    if (current_ != nullptr) current_->line = static_cast<std::uint16_t>(line);
    stop_at_limit(live_ >= config_.max_goroutines ? StopReason::Goroutines
                                                  : StopReason::GoroutineIds);
    return 0;
  }
  Goroutine* slot = nullptr;
  if (!free_slots_.empty()) {
    slot = &slots_[free_slots_.back()];
    free_slots_.pop_back();
    const std::uint32_t reused = slot->slot;
    *slot = Goroutine{};
    slot->slot = reused;
  } else {
    slot = &slots_.emplace_back();
    slot->slot = static_cast<std::uint32_t>(slots_.size() - 1);
  }
  Goroutine& g = *slot;
  g.id = ++last_id_;
  live_by_id_[g.id] = g.slot;
  g.parent = current();
  g.name = name;
  g.index = index;
  g.since = now_;
  g.root = body.release();
  g.resume = g.root;
  ++live_;
  std::uint16_t spawn_line = 0;
  if (current_ != nullptr) {
    current_->line = static_cast<std::uint16_t>(line);
    spawn_line = current_->line;
    g.created_by = current_->go_function;
  }
  g.spawn_line = spawn_line;
  if (config_.keep_exited) {
    trace::GoroutineView& v = history_.emplace_back();
    v.id = g.id;
    v.parent = g.parent;
    v.name = name;
    v.index = index;
  }
  emit_at(now_, EventKind::Spawn, g.id, spawn_line, g.parent, index, name, 0);
  ready_.push_back(&g);
  note_progress();
  return g.id;
}

std::string Runtime::name_of(GoroutineId id) const {
  POOLSCOPE_CHECK(id >= 1 && id <= last_id_, "unknown goroutine id");
  StringId name = 0;
  std::int64_t index = -1;
  if (const Goroutine* g = find_live(id)) {
    name = g->name;
    index = g->index;
  } else if (config_.keep_exited) {
    name = history_[id - 1].name;
    index = history_[id - 1].index;
  } else {
    return "goroutine " + std::to_string(id);
  }
  std::string s(strings_.str(name));
  if (index >= 0) {
    s.push_back(' ');
    s.append(std::to_string(index));
  }
  return s;
}

std::vector<const Goroutine*> Runtime::live_in_id_order() const {
  std::vector<const Goroutine*> live;
  live.reserve(live_);
  for (const Goroutine& g : slots_) {
    if (!g.exited) live.push_back(&g);
  }
  std::sort(live.begin(), live.end(),
            [](const Goroutine* a, const Goroutine* b) { return a->id < b->id; });
  return live;
}

void Runtime::set_state(Goroutine* g, GoState s, std::uint32_t object, std::int64_t value,
                        std::uint32_t aux) {
  g->state = s;
  g->wait_object = object;
  g->wait_value = value;
  g->since = now_;
  emit(EventKind::State, g, object, value, aux, static_cast<std::uint8_t>(s));
}

void Runtime::make_ready(Goroutine* g, std::uint32_t aux) {
  set_state(g, GoState::Runnable, 0, 0, aux);
  ready_.push_back(g);
}

void Runtime::run_goroutine(Goroutine* g) {
  active_time_ = now_;
  current_ = g;
  set_state(g, GoState::Running);
  if (g->doomed && !config_.senders_panic_themselves) {
    // A sender woken by close: Go's chansend panics as soon as it runs again.
    raise_panic(g, "send on closed channel");
    current_ = nullptr;
    return;
  }
  g->ops_since_resume = 0;
  g->parked = false;
  g->resume.resume();
  current_ = nullptr;
  if (g->root.done()) {
    exit_goroutine(g);
    return;
  }
  if (!g->parked) {
    // Only an await outside this Runtime suspends without parking: a foreign awaitable,
    // or GCC 12.2's bug PR106188 (see runtime.hpp). Resuming it would be guesswork.
    std::fprintf(stderr,
                 "poolscope: goroutine %u (%s) suspended outside a Runtime operation after "
                 "line %u. If a co_await sits directly in an if/while/for/switch condition, "
                 "bind it to a variable first (GCC 12.2 bug PR106188).\n",
                 static_cast<unsigned>(g->id), name_of(g->id).c_str(),
                 static_cast<unsigned>(g->line));
    POOLSCOPE_CHECK(g->parked, "goroutine suspended outside a Runtime operation");
  }
}

void Runtime::exit_goroutine(Goroutine* g) {
  g->exited = true;
  --live_;
  set_state(g, GoState::Exited);
  g->root.destroy();
  g->root = g->resume = {};
  note_progress();
  if (config_.keep_exited) {
    trace::GoroutineView& v = history_[g->id - 1];
    v.state = GoState::Exited;
    v.line = g->line;
    v.job = g->job;
    v.since = g->since;
  }
  live_by_id_.erase(g->id);
  if (g == main_) {
    main_exit_time_ = now_;
    emit(EventKind::MainExit, g);
    return;  // main's record stays: the scheduler asks main_ whether main exited
  }
  free_slots_.push_back(g->slot);
}

// An operation completed without blocking. Go preempts a goroutine that runs too long;
// here one that completes spin_ops operations in a row without blocking is put back in
// the run queue after spin_cost of virtual time, so a busy loop lets time pass.
bool Runtime::completed_fast(Goroutine* g) {
  if (++g->ops_since_resume < config_.spin_ops) return true;
  set_state(g, GoState::Runnable, 0, later(config_.spin_cost));
  schedule_wake(g, later(config_.spin_cost));
  return false;
}

// [SECTION] The clock and timers -----------------------------------------------------

void Runtime::schedule_wake(Goroutine* g, Time when) {
  // A goroutine waiting for a wake-up cannot exit, so its slot is still its own then.
  timer_heap_.push_back({when, ++timer_order_, g->slot, g->id, false});
  std::push_heap(timer_heap_.begin(), timer_heap_.end(), TimerLater{});
  ++live_timers_;
}

void Runtime::schedule_timer(std::uint32_t timer, Time when) {
  timer_heap_.push_back({when, ++timer_order_, timer, timers_[timer].generation, true});
  std::push_heap(timer_heap_.begin(), timer_heap_.end(), TimerLater{});
}

bool Runtime::pop_stale_timers() {
  while (!timer_heap_.empty()) {
    const TimerEntry& top = timer_heap_.front();
    if (!top.is_timer) break;
    const detail::TimerRec& t = timers_[top.target];
    if (t.active && t.generation == top.generation) break;
    std::pop_heap(timer_heap_.begin(), timer_heap_.end(), TimerLater{});
    timer_heap_.pop_back();
  }
  return !timer_heap_.empty();
}

void Runtime::fire_next_timer() {
  if (timer_heap_.front().when > kMaxTime) {
    stop_at_limit(StopReason::Clock);  // a wake-up the clock cannot reach
    return;
  }
  std::pop_heap(timer_heap_.begin(), timer_heap_.end(), TimerLater{});
  const TimerEntry e = timer_heap_.back();
  timer_heap_.pop_back();
  now_ = std::max(now_, e.when);
  active_time_ = now_;
  if (e.is_timer) {
    fire_timer(e.target);
  } else {
    --live_timers_;
    Goroutine* g = &slots_[e.target];
    POOLSCOPE_CHECK(g->id == e.generation, "a wake-up for a goroutine that exited");
    wake_from_timer(g);
  }
}

void Runtime::wake_from_timer(Goroutine* g) {
  switch (g->state) {
    case GoState::Working:
      --busy_;
      make_ready(g);
      dispatch_cpu();
      note_progress();
      break;
    case GoState::IoWait:
      make_ready(g);
      note_progress();
      break;
    default:  // Sleeping, or Runnable after a preemption: an ended sleep is no progress
      make_ready(g);
      break;
  }
}

void Runtime::fire_timer(std::uint32_t timer) {
  detail::TimerRec& t = timers_[timer];
  if (t.action == detail::TimerAction::CancelContext) {
    t.active = false;
    --live_timers_;
    cancel_context(t.context, nullptr, deadline_exceeded_);
    return;
  }
  if (t.action == detail::TimerAction::Call) {
    t.active = false;
    --live_timers_;
    note_progress();
    after_funcs_[t.context]();  // a deque: a call that adds an AfterFunc moves nothing
    return;
  }
  // Go's sendTime: a non-blocking send; a tick nobody took is dropped.
  if (!t.ch->closed) try_send(nullptr, t.ch, now_);
  if (t.period > 0) {
    schedule_timer(timer, later(t.period));
  } else {
    t.active = false;
    --live_timers_;
  }
}

// Only when the run queue is empty and time is about to move: has the program done
// nothing but sleep for a whole horizon? (See Config.)
bool Runtime::horizon_reached() {
  if (main_ == nullptr || timer_heap_.front().when <= active_time_) return false;
  const Time idle = active_time_ - last_progress_;
  if (!main_->exited && trace::is_blocked(main_->state) && idle >= config_.hang_horizon) {
    finish_hang();
    return true;
  }
  if (main_->exited && idle >= config_.drain_horizon) {
    finish_drained();
    return true;
  }
  return false;
}

bool Runtime::step(Time limit) {
  interrupted_ = false;
  if (finished()) return false;
  if (over_event_budget()) return true;
  if (Goroutine* g = ready_.pop_front()) {
    run_goroutine(g);
    return true;
  }
  if (!pop_stale_timers()) {
    // Without main the host program plays main: it may spawn more, so quiet is no end.
    if (main_ == nullptr) return false;
    finish_quiescent();
    return true;
  }
  if (timer_heap_.front().when > limit) {
    if (now_ >= limit) return false;
    now_ = limit;
    return true;
  }
  if (horizon_reached()) return true;
  fire_next_timer();
  return true;
}

void Runtime::run_until(Time t) {
  interrupted_ = false;
  while (!finished() && !interrupted_) {
    if (over_event_budget()) break;
    if (Goroutine* g = ready_.pop_front()) {
      run_goroutine(g);
      continue;
    }
    if (!pop_stale_timers()) {
      if (main_ != nullptr) finish_quiescent();
      break;
    }
    if (timer_heap_.front().when > t) break;
    if (horizon_reached()) break;
    fire_next_timer();
  }
  if (!finished() && !interrupted_ && t != kForever && now_ < t) now_ = t;
}

Outcome Runtime::run() {
  run_until(kForever);
  return outcome();
}

std::uint32_t Runtime::new_timer_rec(detail::TimerAction action, detail::Channel* ch,
                                     std::uint32_t context, Time period) {
  detail::TimerRec& t = timers_.emplace_back();
  t.action = action;
  t.ch = ch;
  t.context = context;
  t.period = period;
  t.active = true;
  ++live_timers_;
  return static_cast<std::uint32_t>(timers_.size() - 1);
}

// [SECTION] Time, CPU and I/O --------------------------------------------------------

Runtime::ParkOp Runtime::sleep(Time d, int line) {
  if (finished()) return {this, false};  // the run ended (a limit): stop here
  Goroutine* g = running(line);
  if (d <= 0) {
    emit(EventKind::Line, g);
    return {this, completed_fast(g)};
  }
  set_state(g, GoState::Sleeping, 0, later(d));
  schedule_wake(g, later(d));
  return {this, false};
}

Runtime::ParkOp Runtime::io(Time d, int line) {
  if (finished()) return {this, false};  // the run ended (a limit): stop here
  Goroutine* g = running(line);
  if (d <= 0) {
    emit(EventKind::Line, g);
    return {this, completed_fast(g)};
  }
  set_state(g, GoState::IoWait, 0, later(d));
  schedule_wake(g, later(d));
  return {this, false};
}

Runtime::ParkOp Runtime::cpu(Time d, int line) {
  if (finished()) return {this, false};  // the run ended (a limit): stop here
  Goroutine* g = running(line);
  if (d <= 0) {
    emit(EventKind::Line, g);
    return {this, completed_fast(g)};
  }
  if (busy_ < procs_) {
    ++busy_;
    set_state(g, GoState::Working, 0, later(d));
    schedule_wake(g, later(d));
  } else {
    g->work_left = d;
    cpu_queue_.push_back(g);
    set_state(g, GoState::WaitingCpu);
  }
  return {this, false};
}

Runtime::ParkOp Runtime::preempt_point(int line) {
  if (finished()) return {this, false};  // the run ended (a limit): stop here
  return {this, completed_fast(running(line))};
}

bool Runtime::spin_on(int line) {
  if (finished()) return false;
  Goroutine* g = running(line);
  if (g->ops_since_resume + 1 >= config_.spin_ops) return false;
  ++g->ops_since_resume;
  return true;
}

bool Runtime::take_closed_send() {
  if (current_ == nullptr || !current_->doomed) return false;
  current_->doomed = false;
  return true;
}

Runtime::ParkOp Runtime::yield(int line) {
  if (finished()) return {this, false};  // the run ended (a limit): stop here
  make_ready(running(line));
  return {this, false};
}

void Runtime::dispatch_cpu() {
  while (busy_ < procs_ && !cpu_queue_.empty()) {
    Goroutine* g = cpu_queue_.pop_front();
    ++busy_;
    set_state(g, GoState::Working, 0, later(g->work_left));
    schedule_wake(g, later(g->work_left));
  }
}

void Runtime::set_procs(int procs) {
  POOLSCOPE_CHECK(procs >= 1, "GOMAXPROCS must be at least 1");
  procs_ = procs;
  emit(EventKind::Config, current_, 0, procs, strings_.intern("GOMAXPROCS"),
       static_cast<std::uint8_t>(trace::ConfigKey::Procs));
  dispatch_cpu();
}

Chan Runtime::after(Time d, int line) { return new_timer(d, line).c; }

Timer Runtime::new_timer(Time d, int line) {
  const Chan c = make_chan(1, "timer", ChanRole::Timer, line);
  const std::uint32_t id = new_timer_rec(detail::TimerAction::SendTime, c.c_, 0, 0);
  schedule_timer(id, later(std::max<Time>(d, 0)));
  return {id, c};
}

Timer Runtime::new_ticker(Time period, int line) {
  POOLSCOPE_CHECK(period > 0, "non-positive interval for NewTicker");
  const Chan c = make_chan(1, "ticker", ChanRole::Timer, line);
  const std::uint32_t id = new_timer_rec(detail::TimerAction::SendTime, c.c_, 0, period);
  schedule_timer(id, later(period));
  return {id, c};
}

Timer Runtime::after_func(Time d, std::function<void()> call, int line) {
  POOLSCOPE_CHECK(static_cast<bool>(call), "AfterFunc needs a function");
  if (current_ != nullptr) current_->line = static_cast<std::uint16_t>(line);
  after_funcs_.push_back(std::move(call));
  const auto index = static_cast<std::uint32_t>(after_funcs_.size() - 1);
  const std::uint32_t id = new_timer_rec(detail::TimerAction::Call, nullptr, index, 0);
  schedule_timer(id, later(std::max<Time>(d, 0)));
  return {id, {}};
}

bool Runtime::stop(Timer t) {
  POOLSCOPE_CHECK(t.id >= 1 && t.id < timers_.size(), "unknown timer");
  detail::TimerRec& rec = timers_[t.id];
  if (!rec.active) return false;
  rec.active = false;
  ++rec.generation;
  --live_timers_;
  return true;
}

bool Runtime::reset(Timer t, Time d) {
  POOLSCOPE_CHECK(t.id >= 1 && t.id < timers_.size(), "unknown timer");
  const bool was_pending = stop(t);
  detail::TimerRec& rec = timers_[t.id];
  if (rec.period > 0) {
    POOLSCOPE_CHECK(d > 0, "non-positive interval for Ticker.Reset");
    rec.period = d;
  }
  rec.active = true;
  ++live_timers_;
  schedule_timer(t.id, later(std::max<Time>(d, 0)));
  return was_pending;
}

// [SECTION] WaitGroup and context ----------------------------------------------------

WaitGroup Runtime::make_waitgroup(std::string_view name, int line) {
  if (current_ != nullptr) current_->line = static_cast<std::uint16_t>(line);
  detail::WaitGroupRec& w = waitgroups_.emplace_back();
  w.id = static_cast<trace::WaitGroupId>(waitgroups_.size());
  w.name = strings_.intern(name);
  w.creator = current();
  emit(EventKind::MakeWaitGroup, current_, w.id, 0, w.name);
  return {w.id};
}

Runtime::CheckOp Runtime::add(WaitGroup wg, std::int64_t delta, int line) {
  if (finished()) return {this, false};  // the run ended (a limit): stop here
  Goroutine* g = running(line);
  POOLSCOPE_CHECK(wg.id >= 1 && wg.id <= waitgroups_.size(), "unknown WaitGroup");
  detail::WaitGroupRec& w = waitgroups_[wg.id - 1];
  w.counter += delta;
  if (w.counter < 0) {
    raise_panic(g, "sync: negative WaitGroup counter");
    return {this, false};
  }
  if (delta < 0) w.doners.note(g->id);
  emit(EventKind::WaitGroupAdd, g, w.id, delta, static_cast<std::uint32_t>(w.counter));
  note_progress();
  if (w.counter == 0) {
    while (Goroutine* waiter = w.waiters.pop_front()) make_ready(waiter);
  }
  return {this, completed_fast(g)};
}

Runtime::ParkOp Runtime::wait(WaitGroup wg, int line) {
  if (finished()) return {this, false};  // the run ended (a limit): stop here
  Goroutine* g = running(line);
  POOLSCOPE_CHECK(wg.id >= 1 && wg.id <= waitgroups_.size(), "unknown WaitGroup");
  detail::WaitGroupRec& w = waitgroups_[wg.id - 1];
  if (w.counter == 0) {
    emit(EventKind::Line, g);
    return {this, completed_fast(g)};
  }
  w.waiters.push_back(g);
  set_state(g, GoState::BlockedWaitGroup, w.id);
  return {this, false};
}

std::int64_t Runtime::counter(WaitGroup wg) const {
  POOLSCOPE_CHECK(wg.id >= 1 && wg.id <= waitgroups_.size(), "unknown WaitGroup");
  return waitgroups_[wg.id - 1].counter;
}

WaitGroup Runtime::copy_waitgroup(WaitGroup wg, int line) {
  const std::int64_t count = counter(wg);
  const WaitGroup copy = make_waitgroup({}, line);
  if (count != 0) {
    waitgroups_[copy.id - 1].counter = count;
    emit(EventKind::WaitGroupAdd, current_, copy.id, count, static_cast<std::uint32_t>(count));
  }
  return copy;
}

Context Runtime::with_cancel(Context parent, int line) {
  POOLSCOPE_CHECK(parent.id < contexts_.size(), "unknown context");
  const Chan done = make_chan(0, "ctx.Done()", ChanRole::Done, line);
  const auto id = static_cast<std::uint32_t>(contexts_.size());
  detail::ContextRec& c = contexts_.emplace_back();
  c.done = done.c_;
  c.parent = parent.id;
  if (parent.id != 0) {
    contexts_[parent.id].children.push_back(id);
    // A child of a cancelled parent is cancelled at once (Go's propagateCancel).
    if (const StringId reason = contexts_[parent.id].err; reason != 0) {
      cancel_context(id, current_, reason);
    }
  }
  return {id, done};
}

Context Runtime::with_timeout(Context parent, Time d, int line) {
  const Context ctx = with_cancel(parent, line);
  if (d <= 0) {
    cancel_context(ctx.id, current_, deadline_exceeded_);
  } else if (contexts_[ctx.id].err == 0) {
    const std::uint32_t t = new_timer_rec(detail::TimerAction::CancelContext, nullptr, ctx.id, 0);
    contexts_[ctx.id].timer = t;
    schedule_timer(t, later(d));
  }
  return ctx;
}

void Runtime::cancel(Context ctx, int line) {
  POOLSCOPE_CHECK(ctx.id < contexts_.size(), "unknown context");
  if (ctx.id == 0) return;  // Background cannot be cancelled
  if (current_ != nullptr) current_->line = static_cast<std::uint16_t>(line);
  cancel_context(ctx.id, current_, canceled_);
}

void Runtime::cancel_context(std::uint32_t ctx, Goroutine* by, StringId reason) {
  if (contexts_[ctx].err != 0) return;
  contexts_[ctx].err = reason;
  detail::Channel* done = contexts_[ctx].done;
  emit(EventKind::Cancel, by, done->id, 0, reason);
  close_channel(by, done);
  if (const std::uint32_t t = contexts_[ctx].timer; t != 0) stop(Timer{t, {}});
  for (std::size_t i = 0; i < contexts_[ctx].children.size(); ++i) {
    cancel_context(contexts_[ctx].children[i], by, reason);
  }
}

std::string_view Runtime::err(Context ctx) const {
  POOLSCOPE_CHECK(ctx.id < contexts_.size(), "unknown context");
  return strings_.str(contexts_[ctx.id].err);
}

// [SECTION] Annotations --------------------------------------------------------------

void Runtime::job(JobPhase phase, std::int64_t job, int line) {
  Goroutine* g = current_;
  if (g != nullptr) {
    g->line = static_cast<std::uint16_t>(line);
    if (phase == JobPhase::Started) g->job = job;
    if (phase == JobPhase::Done) g->job = trace::kNoJob;
  }
  emit(EventKind::Job, g, 0, job, 0, static_cast<std::uint8_t>(phase));
}

void Runtime::at(int line) { emit(EventKind::Line, running(line)); }

void Runtime::config_changed(std::string_view key, std::int64_t value) {
  emit(EventKind::Config, current_, 0, value, strings_.intern(key),
       static_cast<std::uint8_t>(trace::ConfigKey::Custom));
}

// [SECTION] Endings and Go's names ---------------------------------------------------

Runtime::CheckOp Runtime::panic(std::string_view message, int line) {
  if (finished()) return {this, false};  // the run ended (a limit): stop here
  raise_panic(running(line), message);
  return {this, false};
}

Runtime::CheckOp Runtime::fatal(std::string_view message, int line) {
  if (finished()) return {this, false};
  raise_fatal(running(line), message);
  return {this, false};
}

void Runtime::set_go_function(GoroutineId id, std::string_view function,
                              std::string_view created_by) {
  POOLSCOPE_CHECK(id >= 1 && id <= last_id_, "unknown goroutine id");
  const auto* slot = live_by_id_.find(id);
  if (slot == nullptr) return;  // exited: no traceback will list it
  Goroutine& g = slots_[*slot];
  g.go_function = strings_.intern(function);
  if (!created_by.empty()) g.created_by = strings_.intern(created_by);
}

// [SECTION] Inspection ---------------------------------------------------------------

GoState Runtime::state_of(GoroutineId id) const {
  POOLSCOPE_CHECK(id >= 1 && id <= last_id_, "unknown goroutine id");
  const Goroutine* g = find_live(id);
  return g != nullptr ? g->state : GoState::Exited;
}

int Runtime::line_of(GoroutineId id) const {
  POOLSCOPE_CHECK(id >= 1 && id <= last_id_, "unknown goroutine id");
  if (const Goroutine* g = find_live(id)) return g->line;
  return config_.keep_exited ? history_[id - 1].line : 0;
}

trace::Snapshot Runtime::snapshot() const {
  trace::Snapshot s;
  s.seq = seq_;
  s.time = now_;
  s.procs = procs_;
  s.busy = busy_;
  for (const Goroutine* g = cpu_queue_.front(); g != nullptr; g = g->next) {
    s.cpu_queue.push_back(g->id);
  }
  s.goroutines.reserve(last_id_);
  for (GoroutineId id = 1; id <= last_id_; ++id) {
    const Goroutine* g = find_live(id);
    if (g == nullptr) {
      // Exited (main's record stays, the others' slots were reused): its view as of
      // its exit, or only its id and state without Config::keep_exited.
      s.goroutines.push_back(config_.keep_exited
                                 ? history_[id - 1]
                                 : trace::GoroutineView{.id = id, .state = GoState::Exited});
      continue;
    }
    trace::GoroutineView v;
    v.id = g->id;
    v.parent = g->parent;
    v.name = g->name;
    v.index = g->index;
    v.state = g->state;
    v.line = g->line;
    v.job = g->job;
    v.wait_object = g->wait_object;
    v.wait_value = g->wait_value;
    v.since = g->since;
    s.goroutines.push_back(v);
  }
  s.channels.reserve(channels_.size());
  for (const detail::Channel& c : channels_) {
    trace::ChannelView v;
    v.id = c.id;
    v.name = c.name;
    v.role = c.role;
    v.cap = c.cap;
    v.closed = c.closed;
    v.creator = c.creator;
    v.sent = c.sent;
    v.received = c.received;
    for (std::int64_t i = 0; i < c.count; ++i) {
      v.buffer.push_back(c.buf[static_cast<std::size_t>((c.head + i) % c.cap)]);
    }
    for (const detail::Waiter* w = c.sendq.front(); w != nullptr; w = w->next) {
      v.sendq.push_back({w->g->id, w->value});
    }
    for (const detail::Waiter* w = c.recvq.front(); w != nullptr; w = w->next) {
      v.recvq.push_back({w->g->id, 0});
    }
    s.channels.push_back(std::move(v));
  }
  s.mutexes.reserve(mutexes_.size());
  for (const detail::MutexRec& m : mutexes_) {
    trace::MutexView v;
    v.id = m.id;
    v.name = m.name;
    v.rw = m.rw;
    v.writer = m.waiting_writer != nullptr ? 0 : m.writer;
    v.readers = m.readers;
    if (m.waiting_writer != nullptr) v.waiters.push_back(m.waiting_writer->id);
    for (const auto* q : {&m.writer_queue, &m.reader_queue}) {
      for (const Goroutine* g = q->front(); g != nullptr; g = g->next) v.waiters.push_back(g->id);
    }
    std::sort(v.waiters.begin(), v.waiters.end());
    s.mutexes.push_back(std::move(v));
  }
  for (const detail::WaitGroupRec& w : waitgroups_) {
    trace::WaitGroupView v;
    v.id = w.id;
    v.name = w.name;
    v.counter = w.counter;
    for (const Goroutine* g = w.waiters.front(); g != nullptr; g = g->next) {
      v.waiters.push_back(g->id);
    }
    s.waitgroups.push_back(std::move(v));
  }
  s.outcome = report_.outcome;
  s.main_exited = main_ != nullptr && main_->exited;
  return s;
}

}  // namespace poolscope::sim
