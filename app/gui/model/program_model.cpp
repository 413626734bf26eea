// The program model. Sections:
//   [SECTION] Usage
//   [SECTION] Functions and the pool shape
//   [SECTION] Columns in data-flow order
//   [SECTION] Channels, sync objects, cards, arrows, tokens
//   [SECTION] build_program_model
//   [SECTION] Token trips
#include "app/gui/model/program_model.hpp"

#include <fmt/core.h>
#include <algorithm>
#include <unordered_map>

#include "app/gui/model/goroutine_look.hpp"
#include "core/sim/report.hpp"

namespace poolscope::gui {

using trace::ChannelId;
using trace::GoroutineId;
using trace::GoState;
using trace::StringId;

namespace {

// Token keys: a value in a slot by (channel, its send's number); a value in a blocked
// sender's hand by (channel, sender), with the top bit set.
constexpr std::uint64_t kHandBit = std::uint64_t{1} << 63;
std::uint64_t slot_key(ChannelId c, std::uint64_t seq) {
  return (std::uint64_t{c} << 40) | (seq & ((std::uint64_t{1} << 40) - 1));
}
std::uint64_t hand_key(ChannelId c, GoroutineId g) {
  return kHandBit | (std::uint64_t{c} << 32) | std::uint64_t{g};
}

bool contains(const std::vector<GoroutineId>& v, GoroutineId g) {
  return std::find(v.begin(), v.end(), g) != v.end();
}

bool in_queue(const std::vector<trace::Waiting>& q, GoroutineId g) {
  return std::any_of(q.begin(), q.end(), [g](const trace::Waiting& w) { return w.goroutine == g; });
}

}  // namespace

// [SECTION] Usage -----------------------------------------------------------------------

void ChannelUsage::add(std::vector<std::pair<StringId, ChannelId>>& to, StringId f, ChannelId c) {
  const std::pair<StringId, ChannelId> p{f, c};
  const auto it = std::lower_bound(to.begin(), to.end(), p);
  if (it == to.end() || *it != p) to.insert(it, p);
}

void ChannelUsage::add_use(GoroutineId g, ChannelId c, bool send) {
  if (g == 0 || c == 0 || g > function_of_.size()) return;
  add(send ? sends_ : recvs_, function_of_[g - 1], c);
}

void ChannelUsage::note(const trace::Event& e) {
  using trace::EventKind;
  switch (e.kind) {
    case EventKind::Spawn:
      if (e.goroutine > function_of_.size()) function_of_.resize(e.goroutine, 0);
      function_of_[e.goroutine - 1] = e.aux;
      break;
    case EventKind::Send:
      add_use(e.goroutine, e.object, true);
      break;
    case EventKind::Recv:
      add_use(e.goroutine, e.object, false);
      break;
    case EventKind::SelectWait:
      add_use(e.goroutine, e.object, static_cast<trace::Dir>(e.detail) == trace::Dir::Send);
      break;
    case EventKind::State:
      if (trace::state_of(e) == GoState::BlockedSend) add_use(e.goroutine, e.object, true);
      if (trace::state_of(e) == GoState::BlockedRecv) add_use(e.goroutine, e.object, false);
      break;
    default:
      break;
  }
}

void ChannelUsage::note(const trace::Snapshot& s) {
  if (function_of_.size() < s.goroutines.size()) function_of_.resize(s.goroutines.size(), 0);
  for (const trace::GoroutineView& g : s.goroutines) {
    if (g.name != 0) function_of_[g.id - 1] = g.name;
  }
  for (const trace::ChannelView& c : s.channels) {
    for (const trace::Waiting& w : c.sendq) add_use(w.goroutine, c.id, true);
    for (const trace::Waiting& w : c.recvq) add_use(w.goroutine, c.id, false);
  }
  for (const trace::GoroutineView& g : s.goroutines) {
    if (g.state == GoState::BlockedSend) add_use(g.id, g.wait_object, true);
    if (g.state == GoState::BlockedRecv) add_use(g.id, g.wait_object, false);
  }
}

StringId ChannelUsage::function_of(GoroutineId g) const {
  return g >= 1 && g <= function_of_.size() ? function_of_[g - 1] : 0;
}

bool ChannelUsage::sends(StringId function, ChannelId c) const {
  return std::binary_search(sends_.begin(), sends_.end(), std::pair{function, c});
}

bool ChannelUsage::receives(StringId function, ChannelId c) const {
  return std::binary_search(recvs_.begin(), recvs_.end(), std::pair{function, c});
}

std::string_view to_string(WaitKind k) noexcept {
  switch (k) {
    case WaitKind::ChanSend:
      return "chan-send";
    case WaitKind::ChanRecv:
      return "chan-recv";
    case WaitKind::Select:
      return "select";
    case WaitKind::Mutex:
      return "mutex";
    case WaitKind::WaitGroup:
      return "waitgroup";
    case WaitKind::Sleep:
      return "sleep";
  }
  return "?";
}

const ProgramCard* ProgramModel::card(GoroutineId g) const {
  for (const ProgramColumn& col : columns) {
    for (const ProgramCard& c : col.cards) {
      if (c.id == g) return &c;
    }
  }
  return nullptr;
}

const ProgramChannel* ProgramModel::channel(ChannelId c) const {
  for (const ProgramChannel& ch : channels) {
    if (ch.id == c) return &ch;
  }
  return nullptr;
}

int ProgramModel::column_of(GoroutineId g) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    for (const ProgramCard& c : columns[i].cards) {
      if (c.id == g) return static_cast<int>(i);
    }
  }
  return -1;
}

void take_report(ProgramInput& in, const sim::Report& report) {
  in.outcome = report.outcome;
  in.leaked.clear();
  if (report.outcome == trace::Outcome::Completed) {
    for (const sim::GoroutineReport& b : report.blocked) in.leaked.push_back(b.id);
  }
  in.culprit = report.outcome == trace::Outcome::Panic ? report.culprit : 0;
  in.message = report.message;
}

namespace {

// [SECTION] Functions and the pool shape -------------------------------------------------

struct Function {
  StringId name = 0;
  GoroutineId first = 0;  // its first goroutine: the order of spawns
  int live = 0;
  int exited = 0;
};

// The function a goroutine runs: its name, or for an exited one whose snapshot forgot it,
// what its Spawn event said (0: unknown).
StringId function_of(const trace::GoroutineView& g, const ChannelUsage& u) {
  return g.name != 0 ? g.name : u.function_of(g.id);
}

// The functions in the snapshot, in the order their first goroutines were spawned; then
// those the previous frame showed that the snapshot forgot.
std::vector<Function> functions_of(const trace::Snapshot& s, const ChannelUsage& u,
                                   const ProgramModel* previous) {
  std::vector<Function> out;
  std::unordered_map<StringId, std::size_t> at;
  for (const trace::GoroutineView& g : s.goroutines) {
    const StringId name = function_of(g, u);
    if (name == 0) continue;
    auto [it, fresh] = at.try_emplace(name, out.size());
    if (fresh) out.push_back({name, g.id, 0, 0});
    Function& f = out[it->second];
    if (g.state == GoState::Exited) {
      ++f.exited;
    } else {
      ++f.live;
    }
  }
  if (previous != nullptr) {
    for (const ProgramColumn& col : previous->columns) {
      if (col.function == 0 || at.count(col.function) != 0) continue;
      at.emplace(col.function, out.size());
      out.push_back(
          {col.function, static_cast<GoroutineId>(s.goroutines.size() + 1), 0, col.exited});
    }
  }
  return out;
}

const Function* find_function(const std::vector<Function>& fs, StringId name) {
  for (const Function& f : fs) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

bool shown_role(trace::ChanRole r) { return r == trace::ChanRole::Plain; }

// Somebody other than `f` sends on / receives from c.
bool other_uses(const ChannelUsage& u, StringId f, ChannelId c, bool send) {
  const auto& list = send ? u.senders() : u.receivers();
  return std::any_of(list.begin(), list.end(),
                     [&](const auto& p) { return p.second == c && p.first != f; });
}

PoolShape detect_pool(const trace::Snapshot& s, const std::vector<Function>& fs,
                      const ChannelUsage& u, const ProgramModel* previous) {
  PoolShape best;
  int best_count = 0;
  const auto main =
      std::find_if(fs.begin(), fs.end(), [](const Function& f) { return f.first == 1; });
  for (const Function& f : fs) {
    const int count = f.live + f.exited;
    // A lone goroutine is a pool of one when main feeds it (numWorkers = 1), not when
    // another goroutine does (a pipeline's stage).
    const bool lone = count == 1 && f.first != 1 && main != fs.end();
    if ((count < 2 && !lone) || count <= best_count) continue;  // ties: the first spawned wins
    PoolShape shape;
    for (const auto& [fn, c] : u.receivers()) {
      if (fn != f.name || !shown_role(s.channel(c).role)) continue;
      if (other_uses(u, f.name, c, true)) {
        shape.jobs = c;
        break;
      }
    }
    if (shape.jobs == 0 || (lone && !u.sends(main->name, shape.jobs))) continue;
    shape.workers = f.name;
    ChannelId fallback = 0;
    for (const auto& [fn, c] : u.senders()) {
      if (fn != f.name || c == shape.jobs || !shown_role(s.channel(c).role)) continue;
      if (other_uses(u, f.name, c, false)) {
        shape.results = c;
        break;
      }
      if (fallback == 0) fallback = c;
    }
    if (shape.results == 0) shape.results = fallback;
    best = shape;
    best_count = count;
  }
  // A pool seen before stays one while its workers and channels are in the snapshot (a
  // snapshot alone forgets a use the moment nobody waits).
  if (previous != nullptr && previous->shape.pool()) {
    const PoolShape& p = previous->shape;
    const bool alive = find_function(fs, p.workers) != nullptr && p.jobs <= s.channels.size() &&
                       p.results <= s.channels.size();
    if (alive && !best.pool()) return p;
    if (alive && best.workers == p.workers && best.jobs == p.jobs && best.results == 0) {
      best.results = p.results;
    }
  }
  return best;
}

// [SECTION] Columns in data-flow order ---------------------------------------------------

// Functions ordered so that senders stand left of receivers: Kahn's sort, ties and
// cycles broken by spawn order (main, goroutine 1, first).
std::vector<StringId> flow_order(const std::vector<Function>& fs, const ChannelUsage& u) {
  const std::size_t n = fs.size();
  std::vector<std::vector<bool>> edge(n, std::vector<bool>(n, false));
  std::vector<int> indegree(n, 0);
  std::unordered_map<StringId, std::size_t> at;
  for (std::size_t i = 0; i < n; ++i) at[fs[i].name] = i;
  for (const auto& [sf, sc] : u.senders()) {
    for (const auto& [rf, rc] : u.receivers()) {
      if (sc != rc || sf == rf) continue;
      const auto a = at.find(sf), b = at.find(rf);
      if (a == at.end() || b == at.end() || edge[a->second][b->second]) continue;
      edge[a->second][b->second] = true;
      ++indegree[b->second];
    }
  }
  std::vector<StringId> order;
  std::vector<bool> placed(n, false);
  for (std::size_t step = 0; step < n; ++step) {
    std::size_t pick = n;
    for (std::size_t i = 0; i < n && pick == n; ++i) {
      if (!placed[i] && indegree[i] == 0) pick = i;
    }
    for (std::size_t i = 0; i < n && pick == n; ++i) {  // a cycle: the earliest spawned
      if (!placed[i]) pick = i;
    }
    placed[pick] = true;
    order.push_back(fs[pick].name);
    for (std::size_t j = 0; j < n; ++j) {
      if (edge[pick][j] && !placed[j]) --indegree[j];
    }
  }
  return order;
}

struct ColumnPlan {
  StringId function = 0;
  ColumnRole role = ColumnRole::Plain;
};

std::vector<ColumnPlan> plan_columns(const std::vector<Function>& fs, const ChannelUsage& u,
                                     const PoolShape& shape) {
  std::vector<ColumnPlan> plan;
  const std::vector<StringId> order = flow_order(fs, u);
  if (shape.pool()) {
    for (StringId f : order) {
      if (f != shape.workers && u.sends(f, shape.jobs)) plan.push_back({f, ColumnRole::Producers});
    }
    plan.push_back({shape.workers, ColumnRole::Workers});
    for (StringId f : order) {
      if (f != shape.workers && shape.results != 0 && u.receives(f, shape.results)) {
        plan.push_back({f, ColumnRole::Collector});
      }
    }
  }
  for (StringId f : order) {
    if (std::none_of(plan.begin(), plan.end(),
                     [f](const ColumnPlan& p) { return p.function == f; })) {
      plan.push_back({f, ColumnRole::Plain});
    }
  }
  return plan;
}

// At most kMaxProgramColumns: functions with no live goroutine go first, then the rest
// share one last column (function 0).
void cap_columns(std::vector<ColumnPlan>& plan, const std::vector<Function>& fs) {
  for (std::size_t i = plan.size(); i-- > 0 && plan.size() > kMaxProgramColumns;) {
    const Function* f = find_function(fs, plan[i].function);
    if (plan[i].role == ColumnRole::Plain && f != nullptr && f->live == 0) {
      plan.erase(plan.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  if (plan.size() > kMaxProgramColumns) {
    plan.resize(kMaxProgramColumns - 1);
    plan.push_back({0, ColumnRole::Plain});
  }
}

// [SECTION] Channels, sync objects, cards, arrows, tokens ----------------------------------

std::string channel_name(const trace::StringTable& st, const trace::ChannelView& c) {
  const std::string_view n = st.str(c.name);
  return n.empty() ? fmt::format("chan {}", c.id) : std::string(n);
}

// Channels in sight: the pool's, those with values or waiters, then the newest others.
std::vector<ChannelId> pick_channels(const trace::Snapshot& s, const PoolShape& shape,
                                     int& hidden) {
  std::vector<ChannelId> picked;
  const auto busy = [&](const trace::ChannelView& c) {
    return c.id == shape.jobs || c.id == shape.results || !c.buffer.empty() || !c.sendq.empty() ||
           !c.recvq.empty();
  };
  for (const trace::ChannelView& c : s.channels) {
    if (busy(c) && picked.size() < kMaxProgramChannels) picked.push_back(c.id);
  }
  for (auto it = s.channels.rbegin(); it != s.channels.rend(); ++it) {
    if (picked.size() >= kMaxProgramChannels) break;
    if (!busy(*it) && shown_role(it->role)) picked.push_back(it->id);
  }
  std::sort(picked.begin(), picked.end());
  hidden = 0;
  for (const trace::ChannelView& c : s.channels) {
    if ((busy(c) || shown_role(c.role)) &&
        !std::binary_search(picked.begin(), picked.end(), c.id)) {
      ++hidden;
    }
  }
  return picked;
}

std::string object_label(const trace::StringTable& st, std::string_view kind, StringId name,
                         std::uint32_t id) {
  const std::string_view n = st.str(name);
  return n.empty() ? fmt::format("{} {}", kind, id) : std::string(n);
}

struct Builder {
  const ProgramInput& in;
  const trace::Snapshot& s;
  const trace::StringTable& st;
  const ChannelUsage& usage;
  ProgramModel& m;
  // Where each goroutine waits in a shown channel's queues (selects wait in several).
  std::unordered_map<GoroutineId, std::vector<std::pair<ChannelId, trace::Dir>>> queued;

  std::string chan_label(ChannelId c) const {
    if (c == 0) return "nil channel";
    return channel_name(st, s.channel(c));
  }

  std::string waits_on(const trace::GoroutineView& g) const {
    switch (g.state) {
      case GoState::BlockedSend:
      case GoState::BlockedSemaphore:
        return "send on " + chan_label(g.wait_object);
      case GoState::BlockedRecv:
        return "receive from " + chan_label(g.wait_object);
      case GoState::BlockedSelect: {
        if (g.wait_object == 0) return "select with no cases";
        std::string text = "select";
        const auto it = queued.find(g.id);
        if (it == queued.end()) return text;
        bool first = true;
        for (const auto& [c, dir] : it->second) {
          text += (first ? " on " : ", ") +
                  std::string(dir == trace::Dir::Send ? "send " : "recv ") + chan_label(c);
          first = false;
        }
        return text;
      }
      case GoState::BlockedWaitGroup:
        return "wait on " +
               object_label(st, "WaitGroup", s.waitgroup(g.wait_object).name, g.wait_object);
      case GoState::BlockedMutex:
        return "lock " + object_label(st, "mutex", s.mutex(g.wait_object).name, g.wait_object);
      case GoState::Sleeping:
        return "sleep";
      default:
        return "";
    }
  }

  void add_channels(const std::vector<Function>& fs, const ChannelUsage& u) {
    for (ChannelId id : pick_channels(s, m.shape, m.hidden_channels)) {
      const trace::ChannelView& c = s.channel(id);
      ProgramChannel ch;
      ch.id = id;
      ch.name = channel_name(st, c);
      ch.role = c.role;
      ch.cap = c.cap;
      ch.closed = c.closed;
      ch.buffer = c.buffer;
      ch.senders = c.sendq;
      ch.receivers = c.recvq;
      ch.sent = c.sent;
      ch.gap = gap_of(c, fs, u);
      for (const trace::Waiting& w : c.sendq) queued[w.goroutine].push_back({id, trace::Dir::Send});
      for (const trace::Waiting& w : c.recvq) queued[w.goroutine].push_back({id, trace::Dir::Recv});
      m.channels.push_back(std::move(ch));
    }
  }

  // The first column of function f with one of `roles` (any role when empty); -1: none.
  int column_index(StringId f, std::initializer_list<ColumnRole> roles = {}) const {
    for (std::size_t i = 0; i < m.columns.size(); ++i) {
      const ProgramColumn& col = m.columns[i];
      if (col.function != f) continue;
      if (roles.size() == 0 || std::find(roles.begin(), roles.end(), col.role) != roles.end()) {
        return static_cast<int>(i);
      }
    }
    return -1;
  }

  int gap_of(const trace::ChannelView& c, const std::vector<Function>& fs,
             const ChannelUsage& u) const {
    const int last = static_cast<int>(m.columns.size());
    const auto index_of = [&](ColumnRole role) {
      for (std::size_t i = 0; i < m.columns.size(); ++i) {
        if (m.columns[i].role == role) return static_cast<int>(i);
      }
      return -1;
    };
    if (m.shape.pool() && c.id == m.shape.jobs) return std::max(index_of(ColumnRole::Workers), 0);
    if (m.shape.pool() && c.id == m.shape.results) return index_of(ColumnRole::Workers) + 1;
    int first_sender = last, first_receiver = last;
    for (const auto& [f, ch] : u.senders()) {
      if (ch != c.id) continue;
      const int i =
          column_index(f, {ColumnRole::Plain, ColumnRole::Producers, ColumnRole::Workers});
      if (i >= 0) first_sender = std::min(first_sender, i);
    }
    for (const auto& [f, ch] : u.receivers()) {
      if (ch != c.id) continue;
      const int i = column_index(f);
      if (i >= 0) first_receiver = std::min(first_receiver, i);
    }
    if (first_sender < last) return first_sender + 1;
    if (first_receiver < last) return first_receiver;
    if (c.creator != 0) {
      const int i = column_index(function_of(s.goroutine(c.creator), usage));
      if (i >= 0) return i + 1;
    }
    (void)fs;
    return last;
  }

  void add_syncs() {
    for (const trace::WaitGroupView& w : s.waitgroups) {
      if (w.counter == 0 && w.waiters.empty()) continue;
      m.syncs.push_back({{ObjectKind::WaitGroup, w.id},
                         object_label(st, "WaitGroup", w.name, w.id),
                         w.counter,
                         0,
                         w.waiters});
    }
    for (const trace::MutexView& mu : s.mutexes) {
      if (mu.writer == 0 && mu.readers == 0 && mu.waiters.empty()) continue;
      m.syncs.push_back({{ObjectKind::Mutex, mu.id},
                         object_label(st, "mutex", mu.name, mu.id),
                         mu.readers,
                         mu.writer,
                         mu.waiters});
    }
    // Busy ones first when there are too many to show.
    constexpr std::size_t kMaxSyncs = 7;
    if (m.syncs.size() > kMaxSyncs) {
      std::stable_partition(m.syncs.begin(), m.syncs.end(),
                            [](const ProgramSync& x) { return !x.waiters.empty(); });
      m.syncs.resize(kMaxSyncs);
    }
    std::vector<GoroutineId> sleepers;
    for (const trace::GoroutineView& g : s.goroutines) {
      if (g.state == GoState::Sleeping) sleepers.push_back(g.id);
    }
    if (!sleepers.empty()) m.syncs.push_back({{ObjectKind::Clock, 0}, "time", 0, 0, sleepers});
  }

  bool shown(ObjectRef r) const {
    if (r.kind == ObjectKind::Channel) return m.channel(r.id) != nullptr;
    return std::any_of(m.syncs.begin(), m.syncs.end(),
                       [r](const ProgramSync& x) { return x.ref == r; });
  }

  void add_arrows(const trace::GoroutineView& g) {
    const auto arrow = [&](ObjectRef to, WaitKind kind, trace::Dir dir) {
      if (shown(to)) m.arrows.push_back({g.id, to, kind, dir});
    };
    switch (g.state) {
      case GoState::BlockedSend:
      case GoState::BlockedSemaphore:
        if (g.wait_object != 0) {
          arrow({ObjectKind::Channel, g.wait_object}, WaitKind::ChanSend, trace::Dir::Send);
        }
        break;
      case GoState::BlockedRecv:
        if (g.wait_object != 0) {
          arrow({ObjectKind::Channel, g.wait_object}, WaitKind::ChanRecv, trace::Dir::Recv);
        }
        break;
      case GoState::BlockedSelect:
        if (const auto it = queued.find(g.id); it != queued.end()) {
          for (const auto& [c, dir] : it->second)
            arrow({ObjectKind::Channel, c}, WaitKind::Select, dir);
        }
        break;
      case GoState::BlockedWaitGroup:
        arrow({ObjectKind::WaitGroup, g.wait_object}, WaitKind::WaitGroup, trace::Dir::Recv);
        break;
      case GoState::BlockedMutex:
        arrow({ObjectKind::Mutex, g.wait_object}, WaitKind::Mutex, trace::Dir::Recv);
        break;
      case GoState::Sleeping:
        arrow({ObjectKind::Clock, 0}, WaitKind::Sleep, trace::Dir::Recv);
        break;
      default:
        break;
    }
  }

  ProgramCard card_of(const trace::GoroutineView& g, const LookRules& rules) const {
    ProgramCard c;
    c.id = g.id;
    const std::string_view name = st.str(g.name);
    c.name = g.index >= 0 && !(g.id == 1 && name == "main") ? fmt::format("{} {}", name, g.index)
                                                            : std::string(name);
    c.index = g.index;
    c.state = g.state;
    c.line = g.line;
    c.since = g.since;
    const bool leaked = contains(in.leaked, g.id);
    c.look = classify({g.state, g.wait_object, g.line, leaked}, rules);
    if (in.outcome == trace::Outcome::Panic && g.id == in.culprit) c.look = Look::Panicked;
    c.waits_on = waits_on(g);
    if (g.state == GoState::BlockedSend || g.state == GoState::BlockedSemaphore) {
      c.sending = true;
      c.value = g.wait_value;
    } else if (g.state == GoState::BlockedSelect) {
      for (const ProgramChannel& ch : m.channels) {
        for (const trace::Waiting& w : ch.senders) {
          if (w.goroutine == g.id && !c.sending) {
            c.sending = true;
            c.value = w.value;
          }
        }
      }
    }
    const bool timed =
        g.state == GoState::Sleeping || g.state == GoState::Working || g.state == GoState::IoWait;
    if (timed && g.wait_value > g.since) {
      c.wake = g.wait_value;
      c.progress = std::clamp(
          static_cast<double>(in.now - g.since) / static_cast<double>(g.wait_value - g.since), 0.0,
          1.0);
    }
    return c;
  }

  // Which column a live goroutine of function f stands in. A function that both sends
  // the jobs and collects the results (main, usually) stands at the collector once it
  // collects: it waits on results, or it closed the jobs.
  int column_for(const trace::GoroutineView& g) const {
    const int producer = column_index(g.name, {ColumnRole::Producers});
    const int collector = column_index(g.name, {ColumnRole::Collector});
    if (producer >= 0 && collector >= 0) {
      const bool waits_results =
          (g.state == GoState::BlockedRecv && g.wait_object == m.shape.results) ||
          (queued.count(g.id) != 0 &&
           std::any_of(queued.at(g.id).begin(), queued.at(g.id).end(),
                       [&](const auto& q) { return q.first == m.shape.results; }));
      const bool jobs_closed = s.channel(m.shape.jobs).closed;
      return waits_results || jobs_closed ? collector : producer;
    }
    const int any = column_index(g.name);
    if (any >= 0) return any;
    return column_index(0);  // "others"
  }

  void add_cards() {
    // A pool's worker that sleeps is doing its job (time.Sleep stands in for work).
    if (in.previous != nullptr) m.work_lines = in.previous->work_lines;
    if (m.shape.pool()) {
      for (const trace::GoroutineView& g : s.goroutines) {
        if (g.name == m.shape.workers && g.state == GoState::Sleeping && g.line != 0 &&
            std::find(m.work_lines.begin(), m.work_lines.end(), g.line) == m.work_lines.end()) {
          m.work_lines.push_back(g.line);
        }
      }
    }
    const LookRules rules = program_look_rules(m);
    for (const trace::GoroutineView& g : s.goroutines) {
      if (g.state == GoState::Exited) {
        const StringId f = function_of(g, usage);
        if (f == 0) continue;
        int i = column_index(f);
        if (i < 0) i = column_index(0);
        if (i >= 0) ++m.columns[static_cast<std::size_t>(i)].exited;
        continue;
      }
      const int i = column_for(g);
      if (i < 0) continue;
      ProgramColumn& col = m.columns[static_cast<std::size_t>(i)];
      if (col.cards.size() >= kMaxColumnCards) {
        ++col.unlisted;
        ++col.counts[static_cast<std::size_t>(
            classify({g.state, g.wait_object, g.line, contains(in.leaked, g.id)}, rules))];
        continue;
      }
      col.cards.push_back(card_of(g, rules));
      ++col.counts[static_cast<std::size_t>(col.cards.back().look)];
      add_arrows(g);
    }
  }

  std::string text_of(ChannelId c, std::int64_t value) const {
    return in.value_text ? in.value_text(c, value) : std::to_string(value);
  }

  void add_tokens() {
    for (const ProgramChannel& ch : m.channels) {
      for (std::size_t i = 0; i < ch.senders.size(); ++i) {
        const trace::Waiting& w = ch.senders[i];
        m.tokens.push_back({hand_key(ch.id, w.goroutine), w.value, text_of(ch.id, w.value), ch.id,
                            TokenPlace::Hand, static_cast<int>(i), w.goroutine});
      }
      const std::uint64_t first = ch.sent - ch.buffer.size();
      for (std::size_t i = 0; i < ch.buffer.size(); ++i) {
        m.tokens.push_back({slot_key(ch.id, first + i), ch.buffer[i], text_of(ch.id, ch.buffer[i]),
                            ch.id, TokenPlace::Slot, static_cast<int>(i), 0});
      }
    }
  }
};

}  // namespace

// [SECTION] build_program_model ------------------------------------------------------------

ProgramModel build_program_model(const ProgramInput& in) {
  ProgramModel m;
  if (in.snapshot == nullptr || in.strings == nullptr) return m;
  const trace::Snapshot& s = *in.snapshot;
  m.outcome = in.outcome;
  m.main_exited = s.main_exited;
  m.now = in.now;
  m.leaked = static_cast<int>(in.leaked.size());
  m.message = in.message;
  ChannelUsage usage = in.usage != nullptr ? *in.usage : ChannelUsage{};
  usage.note(s);
  const std::vector<Function> fs = functions_of(s, usage, in.previous);
  m.shape = detect_pool(s, fs, usage, in.previous);
  std::vector<ColumnPlan> plan = plan_columns(fs, usage, m.shape);
  cap_columns(plan, fs);
  for (const ColumnPlan& p : plan) {
    ProgramColumn col;
    col.function = p.function;
    col.role = p.role;
    col.title = p.function != 0 || p.role != ColumnRole::Plain
                    ? std::string(in.strings->str(p.function))
                    : "others";
    m.columns.push_back(std::move(col));
  }
  Builder b{in, s, *in.strings, usage, m, {}};
  // Columns the previous frame showed that the snapshot forgot keep their exited count.
  for (ProgramColumn& col : m.columns) {
    const Function* f = find_function(fs, col.function);
    if (f != nullptr && f->live == 0 && f->first > s.goroutines.size()) col.exited = f->exited;
  }
  b.add_channels(fs, usage);
  b.add_syncs();
  b.add_cards();
  b.add_tokens();
  return m;
}

LookRules program_look_rules(const ProgramModel& m) {
  LookRules rules;
  rules.use = [jobs = m.shape.jobs](ChannelId c) {
    return c != 0 && c == jobs ? pool::ChannelUse::Jobs : pool::ChannelUse::Other;
  };
  rules.work_lines = m.work_lines;
  return rules;
}

ProgramLookCounts look_counts(const ProgramModel& m) {
  ProgramLookCounts counts{};
  for (const ProgramColumn& col : m.columns) {
    for (std::size_t i = 0; i < counts.size(); ++i) counts[i] += col.counts[i];
  }
  return counts;
}

// [SECTION] Token trips ------------------------------------------------------------------

std::vector<TokenTrip> token_trips(const ProgramModel& before, const ProgramModel& after) {
  std::vector<TokenTrip> trips;
  const auto find = [](const ProgramModel& m, std::uint64_t key) {
    return std::any_of(m.tokens.begin(), m.tokens.end(),
                       [key](const ValueToken& t) { return t.key == key; });
  };
  // Hands emptied on each channel, in queue order: a refill moved them into a slot, or a
  // receiver took them.
  std::unordered_map<ChannelId, std::vector<std::uint64_t>> emptied;
  for (const ValueToken& t : before.tokens) {
    if (t.place == TokenPlace::Hand && !find(after, t.key)) emptied[t.channel].push_back(t.key);
  }
  std::unordered_map<ChannelId, std::size_t> refills;
  for (const ValueToken& t : after.tokens) {
    if (find(before, t.key)) continue;
    TokenTrip trip{t.key, 0, 0, t.channel, true};
    if (t.place == TokenPlace::Slot) {
      auto& hands = emptied[t.channel];
      std::size_t& used = refills[t.channel];
      if (used < hands.size()) trip.other_key = hands[used++];
    }
    trips.push_back(trip);
  }
  for (const ValueToken& t : before.tokens) {
    if (find(after, t.key)) continue;
    const auto it = emptied.find(t.channel);
    const std::size_t used = refills.count(t.channel) != 0 ? refills[t.channel] : 0;
    if (t.place == TokenPlace::Hand && it != emptied.end()) {
      const auto pos = std::find(it->second.begin(), it->second.end(), t.key);
      if (pos - it->second.begin() < static_cast<std::ptrdiff_t>(used)) continue;  // into a slot
    }
    TokenTrip trip{t.key, 0, 0, t.channel, false};
    // A receiver that waited and waits no more took it.
    const ProgramChannel* was = before.channel(t.channel);
    const ProgramChannel* now = after.channel(t.channel);
    if (was != nullptr) {
      for (const trace::Waiting& r : was->receivers) {
        if (now == nullptr || !in_queue(now->receivers, r.goroutine)) {
          const bool taken = std::any_of(trips.begin(), trips.end(), [&](const TokenTrip& x) {
            return !x.appeared && x.to == r.goroutine;
          });
          if (!taken) {
            trip.to = r.goroutine;
            break;
          }
        }
      }
    }
    trips.push_back(trip);
  }
  return trips;
}

}  // namespace poolscope::gui
