#include "app/gui/model/session.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include "core/pool/program_lines.hpp"

namespace poolscope::gui {

namespace {
constexpr double kFixedStepS = 1.0 / 240.0;     // wall seconds per engine advance
constexpr std::uint64_t kSnapshotEvery = 8192;  // log snapshots for scrubbing (memory: 18 max)
constexpr std::size_t kLogCapacity = 1 << 17;   // events kept for the timeline and scrubbing

trace::Time to_time(double seconds) {
  return static_cast<trace::Time>(std::llround(seconds * 1e9));
}
}  // namespace

void Histories::clear() {
  for (RingSeries* s : {&time_s, &queue_depth, &in_work, &blocked_senders, &throughput,
                        &latency_p50_ms, &latency_p99_ms, &goroutines, &memory_kib}) {
    s->clear();
  }
}

Session::Session(scenario::Scenario scenario)
    : scenario_(std::move(scenario)),
      log_(trace::EventLog::Options{.capacity = kLogCapacity, .snapshot_every = kSnapshotEvery}) {
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
  saw_job = saw_job || e.kind == trace::EventKind::Job;
  if (to != nullptr) to->on_event(passed);
  if (e.kind == trace::EventKind::MainExit) {
    main_returned = e.time;
    main_exit_seq = passed.seq;
    run->interrupt();
  }
}

void Session::start(trace::Time until) {
  begin_run();
  // Changes made after `until` are dropped: the run continues from there.
  controls_.resize(replay_controls(*run_, until, [this](trace::Time t) { advance_to(t); }));
  advance_to(until);
}

void Session::begin_run() {
  log_.reset();
  run_.reset();
  end_figures_.reset();
  gate_ = Gate{};
  gate_.to = &log_;
  run_ = std::make_unique<pool::PoolRun>(scenario_, pool::PoolRunOptions{.sink = &gate_});
  gate_.run = run_.get();
  work_lines_ = pool::ProgramLines(run_->program()).work_lines;
  model_cache_ = {};
  seen_seq_ = 0;
  lanes_.clear();
  lane_of_.clear();
  changes_.clear();
  histories_.clear();
  accumulator_s_ = 0;
  view_.reset();
  just_run_ = {};
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

void Session::advance_to(trace::Time t) {
  // Across a jump, samples for the plots spread over the time jumped.
  const trace::Time every =
      std::max<trace::Time>((t - run_->now()) / Histories::kJumpSamples, trace::kMillisecond);
  while (t > run_->now() && running()) {
    run_->run_until(t - run_->now() > every ? run_->now() + every : t);
    if (running() && run_->now() < t) sample_histories();
  }
  settle();
}

bool Session::advance_within(trace::Time t) {
  const trace::Time stop = next_stop();
  const bool stops = stop >= 0 && stop <= t;
  if (running()) run_->run_until(stops ? stop : t);
  if (stops && now() == stop) {
    playing = false;
    accumulator_s_ = 0;
    return true;
  }
  return false;
}

void Session::advance_to_seconds(double seconds) { advance_to_time(to_time(seconds)); }

void Session::advance_to_time(trace::Time t) {
  live();
  just_run_ = {};
  advance_to(t);
  sample_histories();
}

void Session::update(double wall_dt_s) {
  if (!playing || scrubbing() || !running()) return;
  just_run_ = {};
  accumulator_s_ += std::clamp(wall_dt_s, 0.0, 0.25);
  const double clamped = std::clamp(speed, kMinSpeed, kMaxSpeed);
  bool advanced = false;
  while (accumulator_s_ >= kFixedStepS && running()) {
    accumulator_s_ -= kFixedStepS;
    advanced = true;
    if (advance_within(run_->now() + to_time(kFixedStepS * clamped))) break;
  }
  if (advanced) {
    settle();
    sample_histories();
  }
}

void Session::step_event() {
  live();
  if (running()) {
    const trace::Time stop = next_stop();
    run_->step(stop >= 0 ? stop : trace::kForever);
    if (now() == stop) playing = false;
  }
  settle();
  sample_histories();
  note_just_run();
}

void Session::step_job() {
  live();
  const trace::Time stop = next_stop();
  for (int i = 0; i < 1'000'000 && running(); ++i) {
    const std::uint64_t before = log_.last_seq();
    if (!run_->step(stop >= 0 ? stop : trace::kForever)) break;
    bool job_event = false;
    for (std::uint64_t s = std::max(before + 1, log_.first_seq()); s <= log_.last_seq(); ++s) {
      job_event = job_event || log_.at(s).kind == trace::EventKind::Job;
    }
    if (job_event) break;
    if (now() == stop) {
      playing = false;
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

std::size_t Session::walk(pool::PoolRun& run, Gate& gate,
                          const std::function<bool(RunKey, bool)>& visit) const {
  // The start state, as start(0) makes it: nothing has run yet.
  std::size_t applied = replay_controls(run, 0, [](trace::Time /*t*/) {});
  gate.saw_job = false;
  if (!visit(key_of(run, gate), true)) return applied;
  while (run.program_end() < 0) {
    const auto next = std::upper_bound(stops_.begin(), stops_.end(), run.now());
    const trace::Time stop = next == stops_.end() ? trace::kForever : *next;
    const trace::Time change =
        applied < controls_.size() ? controls_[applied].time : trace::kForever;
    const std::uint64_t before = gate.forwarded;
    bool moved = run.step(std::min(stop, change));
    const bool quiet = gate.forwarded == before;  // the clock moved to the limit, or nothing
    // At a change's time with nothing left to run before it: the change, as it was made.
    while (quiet && applied < controls_.size() && controls_[applied].time == run.now()) {
      const Control& c = controls_[applied++];
      if (c.is_workers) {
        run.set_workers(static_cast<int>(c.value));
      } else {
        run.set_rate(c.value);
      }
      moved = true;
    }
    if (!moved) break;
    const bool job = std::exchange(gate.saw_job, false) || (quiet && run.now() == stop);
    if (!visit(key_of(run, gate), job)) break;
  }
  return applied;
}

bool Session::step_back(bool job) {
  live();
  const RunKey present = key_of(*run_, gate_);
  // First pass, on a probe run: which of the states Step passes through comes last before
  // the present (counted from the start state, 0).
  int target = -1;
  {
    Gate probe_gate;  // counts the events; keeps none (no `to`)
    pool::PoolRun probe(scenario_, pool::PoolRunOptions{.sink = &probe_gate});
    probe_gate.run = &probe;
    int index = 0;
    walk(probe, probe_gate, [&](RunKey key, bool job_state) {
      if (!(key < present)) return false;
      if (job_state || !job) target = index;
      ++index;
      return true;
    });
  }
  if (target < 0) return false;
  // Second pass: this session's run, to that state.
  begin_run();
  const trace::Time every =
      std::max<trace::Time>(present.time / Histories::kJumpSamples, trace::kMillisecond);
  trace::Time sampled = 0;
  int index = 0;
  const std::size_t applied = walk(*run_, gate_, [&](RunKey key, bool /*job_state*/) {
    if (key.time - sampled >= every) {
      sample_histories();
      sampled = key.time;
    }
    return index++ < target;
  });
  controls_.resize(applied);
  playing = false;
  settle();
  sample_histories();
  note_just_run();
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
  const int before = figures().workers;
  if (!run_->set_workers(workers)) return false;
  controls_.push_back({run_->now(), true, static_cast<double>(workers)});
  changes_.push_back({run_->now(), fmt::format("workers {} -> {}", before, workers)});
  absorb_new_events();
  return true;
}

void Session::set_rate(double jobs_per_second) {
  if (scrubbing()) resume_from_view();
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

pool::Figures Session::figures() const {
  return end_figures_ ? *end_figures_ : run_->metrics().figures(run_->now());
}

std::string Session::goroutine_name(trace::GoroutineId id) const {
  return run_->runtime().name_of(id);
}

trace::Time Session::view_time() const noexcept { return view_ ? view_time_ : now(); }

void Session::view_at(trace::Time t) {
  t = std::clamp<trace::Time>(t, 0, now());
  view_time_ = t;
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
  // Older than the log holds: simulate again from the start (runs are deterministic).
  pool::PoolRun replay(scenario_);
  replay_controls(replay, t, [&replay](trace::Time at) { replay.run_until(at); });
  replay.run_until(t);
  view_ = replay.runtime().snapshot();
}

void Session::resume_from_view() {
  if (!view_) return;
  const trace::Time t = view_time_;
  start(t);
}

void Session::restart_with(scenario::Scenario scenario, std::string change) {
  const trace::Time t = view_time();
  scenario_ = std::move(scenario);
  std::erase_if(controls_, [](const Control& c) { return c.is_workers; });
  start(t);
  sample_histories();
  if (!change.empty()) changes_.push_back({run_->now(), std::move(change)});
}

void Session::absorb_new_events() {
  scratch_.clear();
  log_.copy_since(seen_seq_, scratch_);
  for (const trace::Event& e : scratch_) {
    seen_seq_ = e.seq;
    if (e.kind == trace::EventKind::Spawn) {
      if (lane_of_.size() < e.goroutine) lane_of_.resize(e.goroutine, -1);
      if (lanes_.size() >= kMaxLanes) continue;  // the first kMaxLanes goroutines get lanes
      lane_of_[e.goroutine - 1] = static_cast<std::int32_t>(lanes_.size());
      Lane lane;
      lane.goroutine = e.goroutine;
      lane.name = goroutine_name(e.goroutine);
      lane.spans.push_back({e.time, trace::GoState::Runnable, e.line});
      lanes_.push_back(std::move(lane));
    } else if (e.kind == trace::EventKind::State && e.goroutine != 0 &&
               e.goroutine <= lane_of_.size() && lane_of_[e.goroutine - 1] >= 0) {
      Lane& lane = lanes_[static_cast<std::size_t>(lane_of_[e.goroutine - 1])];
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
}

}  // namespace poolscope::gui
