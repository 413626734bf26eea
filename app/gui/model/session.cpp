#include "app/gui/model/session.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>
#include "core/pool/program_lines.hpp"

namespace poolscope::gui {

namespace {
constexpr double kFixedStepS = 1.0 / 240.0;  // wall seconds per engine advance
// Log snapshots for scrubbing: 6 at most. Each holds every goroutine ever spawned (a
// trace::Snapshot is dense by id), so fewer of them is less memory per goroutine; a
// scrubbed moment folds at most this many events onto the nearest one.
constexpr std::uint64_t kSnapshotEvery = 32768;
constexpr std::size_t kLogCapacity = 1 << 17;  // events kept for the timeline and scrubbing

constexpr std::uint64_t kClockEvery = 64;  // steps between two looks at the wall clock

trace::Time to_time(double seconds) {
  return static_cast<trace::Time>(std::llround(seconds * 1e9));
}

double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// About what a snapshot holds in memory (its vectors' elements).
std::size_t snapshot_bytes(const trace::Snapshot& s) {
  std::size_t bytes = sizeof(s) + s.goroutines.size() * sizeof(trace::GoroutineView) +
                      s.cpu_queue.size() * sizeof(trace::GoroutineId);
  for (const trace::ChannelView& c : s.channels) {
    bytes += sizeof(c) + c.buffer.size() * sizeof(std::int64_t) +
             (c.sendq.size() + c.recvq.size()) * sizeof(trace::Waiting);
  }
  for (const trace::WaitGroupView& w : s.waitgroups) {
    bytes += sizeof(w) + w.waiters.size() * sizeof(trace::GoroutineId);
  }
  return bytes;
}

// Where Next job stops: a pool's job events; in the learner's program, a value sent or
// received on a channel, or a channel closed.
bool stops_next_job(trace::EventKind kind, bool channel_ops) {
  using K = trace::EventKind;
  return channel_ops ? kind == K::Send || kind == K::Recv || kind == K::Close : kind == K::Job;
}

}  // namespace

// A long piece of work carried on over several calls when there is a budget.
struct Session::Jump {
  enum class Kind { Advance, Scrub, StepBack };
  Kind kind = Kind::Advance;
  trace::Time target = 0;
  // [Advance] This run to `target`, in segments (to each recorded change's time when
  // `controls`, then to target), each in chunks of `every` with a history sample after
  // each, as a whole advance makes them.
  trace::Time from = 0;
  bool controls = false;
  bool sample_end = false;
  std::string change;
  std::size_t applied = 0;   // recorded changes replayed
  trace::Time segment = -1;  // the current segment's end; -1: choose the next
  trace::Time every = 0;
  trace::Time chunk = -1;  // the current chunk's end; -1: choose the next
  // [StepBack] The probe pass finds the last state before `present` (its index), then the
  // rebuild pass brings this run there.
  bool job = false;
  RunKey present;
  std::unique_ptr<Gate> probe_gate;
  std::unique_ptr<pool::PoolRun> probe;
  Walker walker;
  int target_index = -1;
  int index = 0;
  bool rebuilding = false;
  trace::Time reached = 0;  // the probe's clock, for progress
  trace::Time sampled = 0;
};

Session::Slice::Slice(const WorkBudget& budget)
    : budget_(budget), start_s_(budget.seconds > 0 ? wall_seconds() : 0) {}

bool Session::Slice::spent() {
  ++steps_;
  if (budget_.steps > 0 && steps_ > budget_.steps) return true;
  return budget_.seconds > 0 && steps_ % kClockEvery == 0 &&
         wall_seconds() - start_s_ >= budget_.seconds;
}

bool Session::run_to(pool::PoolRun& run, trace::Time t, Slice& slice, bool live) {
  for (;;) {
    if (live && run.program_end() >= 0) return true;
    if (run.finished()) return true;
    if (slice.spent()) return false;
    if (!run.step(t)) return true;
  }
}

void Histories::clear() {
  for (RingSeries* s : {&time_s, &queue_depth, &in_work, &blocked_senders, &throughput,
                        &latency_p50_ms, &latency_p99_ms, &goroutines, &memory_kib}) {
    s->clear();
  }
}

Session::Session(scenario::Scenario scenario, WorkBudget budget)
    : scenario_(std::move(scenario)),
      log_(trace::EventLog::Options{.capacity = kLogCapacity, .snapshot_every = kSnapshotEvery}),
      budget_(budget) {
  start(0);
}

Session::~Session() = default;

void Session::Gate::on_event(const trace::Event& e) {
  const bool report = e.kind == trace::EventKind::Leak ||
                      e.kind == trace::EventKind::StillRunning || e.kind == trace::EventKind::End;
  if (main_returned >= 0 && !report) return;
  trace::Event passed = e;
  passed.seq = ++forwarded;  // the log numbers events without gaps
  if (main_returned >= 0) passed.time = main_returned;
  saw_job = saw_job || stops_next_job(e.kind, channel_ops);
  if (to != nullptr) to->on_event(passed);
  if (e.kind == trace::EventKind::MainExit) {
    main_returned = e.time;
    main_exit_seq = passed.seq;
    run->interrupt();
  }
}

void Session::start(trace::Time until) {
  if (jump_) end_jump(false);
  begin_run();
  // Changes made after `until` are dropped: the run continues from there.
  jump_to(until, true, false);
}

void Session::begin_run() {
  log_.reset();
  run_.reset();
  end_figures_.reset();
  gate_ = Gate{};
  gate_.to = &log_;
  gate_.channel_ops = !scenario_.source.empty();
  run_ = std::make_unique<pool::PoolRun>(scenario_, pool::PoolRunOptions{.sink = &gate_});
  gate_.run = run_.get();
  work_lines_ = pool::ProgramLines(run_->program()).work_lines;
  model_cache_ = {};
  program_cache_ = {};
  usage_ = {};
  seen_seq_ = 0;
  lanes_.clear();
  lane_of_.clear();
  changes_.clear();
  histories_.clear();
  accumulator_s_ = 0;
  view_.reset();
  just_run_ = {};
  ++generation_;
  cut_stop_ = -1;
  checkpoints_.clear();
  checkpoint_every_ = trace::kSecond / 4;
  sample_histories();  // the plots start at 0
}

std::size_t Session::replay_controls(pool::PoolRun& run, trace::Time until,
                                     const std::function<void(trace::Time)>& advance) const {
  std::size_t replayed = 0;
  for (const Control& c : controls_) {
    if (c.time > until) break;
    advance(c.time);
    if (c.is_workers) {
      run.set_workers(static_cast<int>(c.value));
    } else {
      run.set_rate(c.value);
    }
    ++replayed;
  }
  return replayed;
}

void Session::reset() {
  if (jump_) end_jump(false);
  controls_.clear();
  start(0);
}

void Session::load(scenario::Scenario scenario) {
  scenario_ = std::move(scenario);
  ++loads_;
  reset();
}

trace::Time Session::now() const noexcept {
  return gate_.main_returned >= 0 ? gate_.main_returned : run_->now();
}

bool Session::finished() const noexcept { return run_->finished(); }

trace::Time Session::end_time() const noexcept { return run_->program_end(); }

void Session::set_stops(std::vector<trace::Time> stops) {
  std::sort(stops.begin(), stops.end());
  stops_ = std::move(stops);
}

trace::Time Session::next_stop() const noexcept {
  if (cut_stop_ >= 0) return cut_stop_;
  const auto it = std::upper_bound(stops_.begin(), stops_.end(), now());
  return it == stops_.end() ? -1 : *it;
}

void Session::settle() {
  if (gate_.main_returned >= 0 && !run_->finished()) {
    end_figures_ = run_->metrics().figures(gate_.main_returned);
    run_->run();  // the rest runs until nothing moves: who leaked
  }
  absorb_new_events();
}

Session::Within Session::advance_within(trace::Time t, Slice& slice) {
  // A stop the last frame's work reached but did not finish at is still ahead.
  const trace::Time stop = next_stop();
  const bool stops = stop >= 0 && stop <= t;
  cut_stop_ = -1;
  if (running() && !run_to(*run_, stops ? stop : t, slice, true)) {
    if (stops) cut_stop_ = stop;
    return Within::OutOfWork;
  }
  if (stops && now() == stop) {
    playing = false;
    accumulator_s_ = 0;
    return Within::Stopped;
  }
  return Within::Reached;
}

void Session::advance_to_seconds(double seconds) { advance_to_time(to_time(seconds)); }

void Session::advance_to_time(trace::Time t) {
  live();
  just_run_ = {};
  jump_to(t, false, true);
}

void Session::update(double wall_dt_s) {
  Slice slice(budget_);
  if (jump_) {
    work_on_jump(slice);
    return;
  }
  if (!playing || scrubbing() || !running()) return;
  just_run_ = {};
  accumulator_s_ += std::clamp(wall_dt_s, 0.0, 0.25);
  const double clamped = std::clamp(speed, kMinSpeed, kMaxSpeed);
  bool advanced = false;
  while (accumulator_s_ >= kFixedStepS && running()) {
    accumulator_s_ -= kFixedStepS;
    advanced = true;
    const Within w = advance_within(run_->now() + to_time(kFixedStepS * clamped), slice);
    if (w == Within::Stopped) break;
    if (w == Within::OutOfWork) {  // the clock falls behind rather than the frame
      accumulator_s_ = 0;
      break;
    }
  }
  if (advanced) {
    settle();
    sample_histories();
  }
}

// [Jumps] --------------------------------------------------------------------------------

void Session::jump_to(trace::Time target, bool controls, bool sample_end, std::string change) {
  auto j = std::make_unique<Jump>();
  j->kind = Jump::Kind::Advance;
  j->target = target;
  j->from = run_->now();
  j->controls = controls;
  j->sample_end = sample_end;
  j->change = std::move(change);
  begin_jump(std::move(j));
}

void Session::begin_jump(std::unique_ptr<Jump> jump) {
  if (jump_) end_jump(false);
  cut_stop_ = -1;
  jump_ = std::move(jump);
  Slice slice(budget_);
  work_on_jump(slice);
}

void Session::work_on_jump(Slice& slice) {
  Jump& j = *jump_;
  bool done = false;
  switch (j.kind) {
    case Jump::Kind::Advance:
      done = advance_slice(j, slice);
      break;
    case Jump::Kind::Scrub:
      done = scrub_slice(j, slice);
      break;
    case Jump::Kind::StepBack:
      done = step_back_slice(j, slice);
      break;
  }
  if (done) end_jump(true);
}

bool Session::advance_slice(Jump& j, Slice& slice) {
  for (;;) {
    const bool control =
        j.controls && j.applied < controls_.size() && controls_[j.applied].time <= j.target;
    if (j.segment < 0) {
      j.segment = control ? controls_[j.applied].time : j.target;
      // Across a jump, samples for the plots spread over the time jumped.
      j.every = std::max<trace::Time>((j.segment - run_->now()) / Histories::kJumpSamples,
                                      trace::kMillisecond);
    }
    // (A chunk cut by the budget goes on even when the clock reads its end: goroutines
    // ready at that instant still run, as run_until runs them.)
    while (running() && (j.chunk >= 0 || j.segment > run_->now())) {
      if (j.chunk < 0) {
        j.chunk = j.segment - run_->now() > j.every ? run_->now() + j.every : j.segment;
      }
      // (The new events are taken in at the end, as a whole jump does: the same lanes.)
      if (!run_to(*run_, j.chunk, slice, true)) return false;
      const bool short_of_chunk = running() && run_->now() < j.chunk;
      j.chunk = -1;
      if (short_of_chunk) break;  // nothing can move before it (no main): as run_until
      if (running() && run_->now() < j.segment) sample_histories();
    }
    settle();
    j.segment = -1;
    if (!control) return true;
    const Control& c = controls_[j.applied++];
    if (c.is_workers) {
      run_->set_workers(static_cast<int>(c.value));
    } else {
      run_->set_rate(c.value);
    }
  }
}

bool Session::scrub_slice(Jump& j, Slice& slice) {
  pool::PoolRun& r = *replay_;
  for (;;) {
    const bool control =
        replay_applied_ < controls_.size() && controls_[replay_applied_].time <= j.target;
    if (!run_to(r, control ? controls_[replay_applied_].time : j.target, slice, false)) {
      return false;
    }
    if (!control) break;
    const Control& c = controls_[replay_applied_++];
    if (c.is_workers) {
      r.set_workers(static_cast<int>(c.value));
    } else {
      r.set_rate(c.value);
    }
  }
  view_ = r.runtime().snapshot();
  return true;
}

void Session::end_jump(bool done) {
  std::unique_ptr<Jump> j = std::move(jump_);
  switch (j->kind) {
    case Jump::Kind::Advance:
      // Later changes are dropped: the run continues from here.
      if (j->controls && j->applied < controls_.size()) controls_.resize(j->applied);
      if (!done) settle();
      if (j->sample_end || !done) sample_histories();
      if (!j->change.empty()) changes_.push_back({run_->now(), std::move(j->change)});
      break;
    case Jump::Kind::Scrub:
      if (!done) view_.reset();
      break;
    case Jump::Kind::StepBack:
      if (!j->rebuilding) break;  // the probe found nothing, or was stopped: nothing changed
      if (j->walker.applied < controls_.size()) controls_.resize(j->walker.applied);
      playing = false;
      settle();
      sample_histories();
      note_just_run();
      break;
  }
}

double Session::progress() const noexcept {
  if (!jump_) return 0;
  const Jump& j = *jump_;
  const auto share = [](trace::Time part, trace::Time whole) {
    return whole <= 0
               ? 0.0
               : std::clamp(static_cast<double>(part) / static_cast<double>(whole), 0.0, 1.0);
  };
  switch (j.kind) {
    case Jump::Kind::Advance:
      return share(run_->now() - j.from, j.target - j.from);
    case Jump::Kind::Scrub:
      return share(replay_->now(), j.target);
    case Jump::Kind::StepBack:
      return j.rebuilding ? 0.5 + 0.5 * share(j.index, j.target_index)
                          : 0.5 * share(j.reached, j.present.time);
  }
  return 0;
}

void Session::cancel() {
  if (!jump_) return;
  end_jump(false);
  playing = false;
}

void Session::finish() {
  Slice slice(WorkBudget{});
  while (jump_) work_on_jump(slice);
}

void Session::step_event() {
  live();
  if (jump_) end_jump(false);
  if (running()) {
    const trace::Time stop = next_stop();
    run_->step(stop >= 0 ? stop : trace::kForever);
    if (now() == stop) {
      playing = false;
      cut_stop_ = -1;
    }
  }
  settle();
  sample_histories();
  note_just_run();
}

void Session::step_job() {
  live();
  if (jump_) end_jump(false);
  const trace::Time stop = next_stop();
  for (int i = 0; i < 1'000'000 && running(); ++i) {
    const std::uint64_t before = log_.last_seq();
    if (!run_->step(stop >= 0 ? stop : trace::kForever)) break;
    bool job_event = false;
    for (std::uint64_t s = std::max(before + 1, log_.first_seq()); s <= log_.last_seq(); ++s) {
      job_event = job_event || stops_next_job(log_.at(s).kind, gate_.channel_ops);
    }
    if (job_event) break;
    if (now() == stop) {
      playing = false;
      cut_stop_ = -1;
      break;
    }
  }
  settle();
  sample_histories();
  note_just_run();
}

// [Stepping back] ------------------------------------------------------------------------

Session::RunKey Session::key_of(const pool::PoolRun& run, const Gate& gate) noexcept {
  if (gate.main_returned >= 0) return {gate.main_exit_seq, gate.main_returned};
  return {gate.forwarded, run.now()};
}

bool Session::Walker::next(const Session& session, pool::PoolRun& run, Gate& gate, RunKey& key,
                           bool& job) {
  const std::vector<Control>& controls = session.controls_;
  if (!started) {
    // The start state, as start(0) makes it: nothing has run yet.
    started = true;
    applied = session.replay_controls(run, 0, [](trace::Time /*t*/) {});
    gate.saw_job = false;
    key = key_of(run, gate);
    job = true;
    return true;
  }
  if (run.program_end() >= 0) return false;
  const auto next = std::upper_bound(session.stops_.begin(), session.stops_.end(), run.now());
  const trace::Time stop = next == session.stops_.end() ? trace::kForever : *next;
  const trace::Time change = applied < controls.size() ? controls[applied].time : trace::kForever;
  const std::uint64_t before = gate.forwarded;
  bool moved = run.step(std::min(stop, change));
  const bool quiet = gate.forwarded == before;  // the clock moved to the limit, or nothing
  // At a change's time with nothing left to run before it: the change, as it was made.
  while (quiet && applied < controls.size() && controls[applied].time == run.now()) {
    const Control& c = controls[applied++];
    if (c.is_workers) {
      run.set_workers(static_cast<int>(c.value));
    } else {
      run.set_rate(c.value);
    }
    moved = true;
  }
  if (!moved) return false;
  job = std::exchange(gate.saw_job, false) || (quiet && run.now() == stop);
  key = key_of(run, gate);
  return true;
}

bool Session::step_back(bool job) {
  live();
  if (jump_) end_jump(false);
  const RunKey present = key_of(*run_, gate_);
  auto j = std::make_unique<Jump>();
  j->kind = Jump::Kind::StepBack;
  j->job = job;
  j->present = present;
  // First pass, on a probe run: which of the states Step passes through comes last before
  // the present (counted from the start state, 0).
  j->probe_gate = std::make_unique<Gate>();  // counts the events; keeps none (no `to`)
  j->probe_gate->channel_ops = gate_.channel_ops;
  j->probe =
      std::make_unique<pool::PoolRun>(scenario_, pool::PoolRunOptions{.sink = j->probe_gate.get()});
  j->probe_gate->run = j->probe.get();
  begin_jump(std::move(j));
  return busy() || key_of(*run_, gate_) < present;
}

bool Session::step_back_slice(Jump& j, Slice& slice) {
  RunKey key;
  bool job_state = false;
  if (!j.rebuilding) {
    for (;;) {
      if (slice.spent()) return false;
      if (!j.walker.next(*this, *j.probe, *j.probe_gate, key, job_state)) break;
      if (!(key < j.present)) break;
      if (job_state || !j.job) j.target_index = j.index;
      ++j.index;
      j.reached = key.time;
    }
    j.probe.reset();
    j.probe_gate.reset();
    if (j.target_index < 0) return true;
    // Second pass: this session's run, to that state.
    begin_run();
    j.rebuilding = true;
    j.walker = {};
    j.index = 0;
    j.sampled = 0;
    j.every = std::max<trace::Time>(j.present.time / Histories::kJumpSamples, trace::kMillisecond);
  }
  for (;;) {
    if (slice.spent()) return false;
    if (!j.walker.next(*this, *run_, gate_, key, job_state)) break;
    if (key.time - j.sampled >= j.every) {
      sample_histories();
      j.sampled = key.time;
    }
    if (j.index++ >= j.target_index) break;
  }
  return true;
}

bool Session::step_back_event() { return step_back(false); }

bool Session::step_back_job() { return step_back(true); }

void Session::note_just_run() {
  just_run_ = {};
  constexpr std::uint64_t kLookBack = 256;  // events; a step's last one is among them
  const std::uint64_t first =
      std::max(log_.first_seq(), log_.last_seq() - std::min(log_.last_seq(), kLookBack));
  for (std::uint64_t s = log_.last_seq(); s >= first && s > 0; --s) {
    const trace::Event& e = log_.at(s);
    const bool report = e.kind == trace::EventKind::Leak ||
                        e.kind == trace::EventKind::StillRunning || e.kind == trace::EventKind::End;
    if (report || e.goroutine == 0 || e.line == 0) continue;
    just_run_ = {e.goroutine, e.line};
    return;
  }
}

bool Session::set_workers(int workers) {
  if (scrubbing()) resume_from_view();
  finish();  // a change applies where the run stands once it got there
  ++generation_;
  const int before = figures().workers;
  if (!run_->set_workers(workers)) return false;
  controls_.push_back({run_->now(), true, static_cast<double>(workers)});
  changes_.push_back({run_->now(), fmt::format("workers {} -> {}", before, workers)});
  absorb_new_events();
  return true;
}

void Session::set_rate(double jobs_per_second) {
  if (scrubbing()) resume_from_view();
  finish();
  ++generation_;
  run_->set_rate(jobs_per_second);
  controls_.push_back({run_->now(), false, jobs_per_second});
  changes_.push_back({run_->now(), fmt::format("rate {:g}/s", jobs_per_second)});
  absorb_new_events();
}

double Session::live_rate() const noexcept {
  for (auto it = controls_.rbegin(); it != controls_.rend(); ++it) {
    if (!it->is_workers) return it->value;
  }
  return scenario_.load.rate;
}

const trace::Snapshot& Session::snapshot() const noexcept { return view_ ? *view_ : log_.latest(); }

const trace::StringTable& Session::strings() const noexcept { return run_->runtime().strings(); }

const PoolModel& Session::model() const {
  const trace::Snapshot& snap = snapshot();
  const trace::Time t = view_time();
  ModelCache& c = model_cache_;
  if (c.seq != snap.seq || c.time != t || c.scrubbing != scrubbing()) {
    c.model = build_pool_model(snap, *run_, t, work_lines_);
    c.seq = snap.seq;
    c.time = t;
    c.scrubbing = scrubbing();
  }
  return c.model;
}

const ProgramModel& Session::program_model() const {
  const trace::Snapshot& snap = snapshot();
  const trace::Time t = view_time();
  ProgramCache& c = program_cache_;
  if (c.seq == snap.seq && c.time == t && c.generation == generation_) return c.model;
  ProgramInput in;
  in.snapshot = &snap;
  in.strings = &strings();
  in.usage = &usage_;
  in.now = t;
  // How it ended, once the moment shown is the end.
  if (snap.outcome != trace::Outcome::Running) take_report(in, run_->runtime().report());
  // Columns stay put from one frame to the next, but not across a jump back in time.
  const bool forward = c.generation == generation_ && c.time >= 0 && t >= c.time;
  ProgramModel previous = forward ? std::move(c.model) : ProgramModel{};
  if (forward) in.previous = &previous;
  c.model = build_program_model(in);
  c.seq = snap.seq;
  c.time = t;
  c.generation = generation_;
  return c.model;
}

pool::Figures Session::figures() const {
  return end_figures_ ? *end_figures_ : run_->metrics().figures(run_->now());
}

std::string Session::goroutine_name(trace::GoroutineId id) const {
  return run_->runtime().name_of(id);
}

trace::Time Session::view_time() const noexcept { return view_ ? view_time_ : now(); }

void Session::live() {
  if (jump_ && jump_->kind == Jump::Kind::Scrub) end_jump(false);
  view_.reset();
}

void Session::view_at(trace::Time t) {
  t = std::clamp<trace::Time>(t, 0, now());
  view_time_ = t;
  // A replay under way that has not passed t: it goes on to t.
  if (jump_ && jump_->kind == Jump::Kind::Scrub && replay_->now() <= t) {
    jump_->target = t;
    return;
  }
  if (jump_) end_jump(false);
  // The last event at or before t; the log's snapshots rebuild that moment.
  std::uint64_t lo = log_.first_seq(), hi = log_.last_seq();
  if (lo != 0 && log_.at(lo).time <= t && lo >= log_.earliest_snapshot_seq()) {
    while (lo < hi) {
      const std::uint64_t mid = lo + (hi - lo + 1) / 2;
      if (log_.at(mid).time <= t) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    if (auto s = log_.snapshot_at(lo)) {
      view_ = std::move(*s);
      view_->time = t;
      return;
    }
  }
  // Older than the log holds: simulate again (runs are deterministic), continuing the
  // last replay when it has not passed t; meanwhile the nearest earlier checkpoint shows.
  if (!replay_ || replay_of_ != generation_ || replay_->now() > t) {
    replay_ = std::make_unique<pool::PoolRun>(scenario_);
    replay_applied_ = 0;
    replay_of_ = generation_;
  }
  view_ = checkpoint_before(t);
  auto j = std::make_unique<Jump>();
  j->kind = Jump::Kind::Scrub;
  j->target = t;
  begin_jump(std::move(j));
}

const trace::Snapshot& Session::checkpoint_before(trace::Time t) const {
  const auto after =
      std::upper_bound(checkpoints_.begin(), checkpoints_.end(), t,
                       [](trace::Time time, const trace::Snapshot& s) { return time < s.time; });
  return after == checkpoints_.begin() ? checkpoints_.front() : *std::prev(after);
}

void Session::record_checkpoint() {
  const trace::Time t = now();
  if (!checkpoints_.empty() && t - checkpoints_.back().time < checkpoint_every_) return;
  const trace::Snapshot& latest = log_.latest();
  // A snapshot too big to keep a few of is not kept (checkpoints are an aid to the eye).
  if (snapshot_bytes(latest) > kCheckpointBytes / 4 && !checkpoints_.empty()) {
    checkpoint_every_ *= 2;
    return;
  }
  checkpoints_.push_back(latest);
  checkpoints_.back().time = t;
  const auto bytes = [this] {
    std::size_t sum = 0;
    for (const trace::Snapshot& s : checkpoints_) sum += snapshot_bytes(s);
    return sum;
  };
  // Thinned: every other one goes (the start state stays) and they come half as often.
  while (checkpoints_.size() > 2 &&
         (checkpoints_.size() > kMaxCheckpoints || bytes() > kCheckpointBytes)) {
    std::deque<trace::Snapshot> kept;
    for (std::size_t i = 0; i < checkpoints_.size(); i += 2) {
      kept.push_back(std::move(checkpoints_[i]));
    }
    checkpoints_ = std::move(kept);
    checkpoint_every_ *= 2;
  }
}

void Session::resume_from_view() {
  if (!view_) return;
  const trace::Time t = view_time_;
  start(t);
}

void Session::restart_with(scenario::Scenario scenario, std::string change) {
  const trace::Time t = view_time();
  if (jump_) end_jump(false);
  scenario_ = std::move(scenario);
  std::erase_if(controls_, [](const Control& c) { return c.is_workers; });
  begin_run();
  jump_to(t, true, true, std::move(change));
}

void Session::absorb_new_events() {
  scratch_.clear();
  log_.copy_since(seen_seq_, scratch_);
  const bool source = run_->runs_source();
  for (const trace::Event& e : scratch_) {
    seen_seq_ = e.seq;
    if (source) usage_.note(e);
    if (e.kind == trace::EventKind::Spawn) {
      if (lanes_.size() >= kMaxLanes && !evict_lane()) continue;  // all alive: no lane
      lane_of_[e.goroutine] = lanes_.size();
      Lane lane;
      lane.goroutine = e.goroutine;
      lane.name = goroutine_name(e.goroutine);
      lane.spans.push_back({e.time, trace::GoState::Runnable, e.line});
      lanes_.push_back(std::move(lane));
    } else if (e.kind == trace::EventKind::State && e.goroutine != 0 &&
               lane_of_.contains(e.goroutine)) {
      Lane& lane = lanes_[lane_of_.at(e.goroutine)];
      const auto state = trace::state_of(e);
      if (!lane.spans.empty() && lane.spans.back().start == e.time) {
        lane.spans.back().state = state;  // several changes at one instant: keep the last
        lane.spans.back().line = e.line;
        lane.spans.back().object = e.object;
      } else {
        lane.spans.push_back({e.time, state, e.line, e.object});
      }
      if (lane.spans.size() > kMaxSpansPerLane) lane.spans.pop_front();
      if (state == trace::GoState::Exited) lane.exited = e.time;
    }
  }
}

bool Session::evict_lane() {
  const auto oldest =
      std::find_if(lanes_.begin(), lanes_.end(), [](const Lane& lane) { return lane.exited >= 0; });
  if (oldest == lanes_.end()) return false;
  const auto removed = static_cast<std::size_t>(oldest - lanes_.begin());
  lane_of_.erase(oldest->goroutine);
  lanes_.erase(oldest);
  for (auto& [id, index] : lane_of_) {
    if (index > removed) --index;
  }
  return true;
}

void Session::sample_histories() {
  const pool::Figures f = figures();
  const auto& latency = run_->metrics().total();
  histories_.time_s.push(static_cast<float>(static_cast<double>(now()) / 1e9));
  histories_.queue_depth.push(static_cast<float>(f.queue_depth));
  histories_.in_work.push(static_cast<float>(f.in_work));
  histories_.blocked_senders.push(static_cast<float>(f.blocked_senders));
  histories_.throughput.push(static_cast<float>(f.recent_throughput_per_s));
  histories_.latency_p50_ms.push(static_cast<float>(latency.percentile(0.5)) / 1e6f);
  histories_.latency_p99_ms.push(static_cast<float>(latency.percentile(0.99)) / 1e6f);
  histories_.goroutines.push(static_cast<float>(f.goroutines));
  histories_.memory_kib.push(static_cast<float>(f.memory_bytes) / 1024.0f);
  record_checkpoint();
}

}  // namespace poolscope::gui
