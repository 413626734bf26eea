// sync.Mutex and sync.RWMutex, after Go's sync/mutex.go and sync/rwmutex.go (go1.19),
// with a FIFO handoff (see runtime.hpp and detail::MutexRec).
//
// Index
//   [SECTION] Making mutexes
//   [SECTION] Lock and Unlock (Mutex, and RWMutex's writers)
//   [SECTION] RLock and RUnlock
#include "core/sim/runtime.hpp"
#include "core/trace/check.hpp"

namespace poolscope::sim {

using detail::Goroutine;
using detail::MutexRec;
using trace::EventKind;
using trace::LockMode;

namespace {
constexpr std::uint8_t mode(LockMode m) { return static_cast<std::uint8_t>(m); }
}  // namespace

// [SECTION] Making mutexes -----------------------------------------------------------

Mutex Runtime::make_mutex(std::string_view name, int line) {
  return {new_mutex(name, false, line)};
}

RWMutex Runtime::make_rwmutex(std::string_view name, int line) {
  return {new_mutex(name, true, line)};
}

Mutex Runtime::copy_mutex(Mutex mu, int line) { return {copy_mutex_state(mu.id, line)}; }

RWMutex Runtime::copy_mutex(RWMutex rw, int line) { return {copy_mutex_state(rw.id, line)}; }

// The copy is held as the original is; the goroutine that copies it is shown holding
// it (a Lock event per hold, so views fold the same state): Go ties a lock to no
// goroutine, any one may unlock it.
trace::MutexId Runtime::copy_mutex_state(trace::MutexId from, int line) {
  POOLSCOPE_CHECK(from >= 1 && from <= mutexes_.size(), "unknown mutex");
  const MutexRec& src = mutexes_[from - 1];
  // A writer still waiting for readers to leave does not hold the lock yet.
  const bool held = src.writer != 0 && src.waiting_writer == nullptr;
  const std::int64_t readers = src.readers;
  const trace::MutexId id = new_mutex({}, src.rw, line);
  Goroutine* g = current_;
  if (g == nullptr) return id;
  MutexRec& copy = mutexes_[id - 1];
  if (held) {
    copy.writer = g->id;
    grant(copy, g, LockMode::Write);
  }
  for (; copy.readers < readers; ++copy.readers) grant(copy, g, LockMode::Read);
  return id;
}

trace::MutexId Runtime::new_mutex(std::string_view name, bool rw, int line) {
  if (current_ != nullptr) current_->line = static_cast<std::uint16_t>(line);
  MutexRec& m = mutexes_.emplace_back();
  m.id = static_cast<trace::MutexId>(mutexes_.size());
  m.name = strings_.intern(name);
  m.rw = rw;
  m.creator = current();
  emit(EventKind::MakeMutex, current_, m.id, 0, m.name, rw ? 1 : 0);
  return m.id;
}

MutexRec& Runtime::mutex_rec(trace::MutexId id, bool rw) {
  POOLSCOPE_CHECK(id >= 1 && id <= mutexes_.size(), "unknown mutex");
  MutexRec& m = mutexes_[id - 1];
  POOLSCOPE_CHECK(m.rw == rw, rw ? "a Mutex used as an RWMutex" : "an RWMutex used as a Mutex");
  return m;
}

// g gets the lock it waited for (or asked for and got at once: then g is running).
void Runtime::grant(MutexRec& m, Goroutine* g, LockMode how) {
  m.holders.note(g->id);
  emit(EventKind::Lock, g, m.id, 0, 0, mode(how));
  note_progress();
  if (g != current_) make_ready(g);
}

// [SECTION] Lock and Unlock ----------------------------------------------------------

Runtime::ParkOp Runtime::lock(Mutex mu, int line) { return lock_write(mu.id, false, line); }
Runtime::CheckOp Runtime::unlock(Mutex mu, int line) { return unlock_write(mu.id, false, line); }
bool Runtime::try_lock(Mutex mu, int line) { return try_lock_write(mu.id, false, line); }
Runtime::ParkOp Runtime::lock(RWMutex rw, int line) { return lock_write(rw.id, true, line); }
Runtime::CheckOp Runtime::unlock(RWMutex rw, int line) { return unlock_write(rw.id, true, line); }
bool Runtime::try_lock(RWMutex rw, int line) { return try_lock_write(rw.id, true, line); }

Runtime::ParkOp Runtime::lock_write(trace::MutexId id, bool rw, int line) {
  if (finished()) return {this, false};  // the run ended (a limit): stop here
  Goroutine* g = running(line);
  MutexRec& m = mutex_rec(id, rw);
  if (m.writer == 0 && m.readers == 0) {
    m.writer = g->id;
    grant(m, g, LockMode::Write);
    return {this, completed_fast(g)};
  }
  if (m.writer == 0) {
    // Readers hold it: this writer takes its turn at once (new readers now wait) and
    // waits for them to leave (Go: readerWait).
    m.writer = g->id;
    m.waiting_writer = g;
  } else {
    m.writer_queue.push_back(g);
  }
  set_state(g, GoState::BlockedMutex, m.id, static_cast<std::int64_t>(LockMode::Write));
  return {this, false};
}

Runtime::CheckOp Runtime::unlock_write(trace::MutexId id, bool rw, int line) {
  if (finished()) return {this, false};
  Goroutine* g = running(line);
  MutexRec& m = mutex_rec(id, rw);
  // A writer still waiting for readers holds no lock yet: an Unlock then has nothing to
  // unlock (in Go it would corrupt the RWMutex's counts; here it is the fatal error).
  if (m.writer == 0 || m.waiting_writer != nullptr) {
    raise_fatal(g, rw ? "sync: Unlock of unlocked RWMutex" : "sync: unlock of unlocked mutex");
    return {this, false};
  }
  m.writer = 0;
  emit(EventKind::Unlock, g, m.id, 0, 0, mode(LockMode::Write));
  note_progress();
  // Every reader that came while the writer held the lock gets in (Go: Unlock releases
  // readerSem for each), then the next writer takes its turn and waits for them.
  while (Goroutine* r = m.reader_queue.pop_front()) {
    ++m.readers;
    grant(m, r, LockMode::Read);
  }
  if (Goroutine* w = m.writer_queue.pop_front()) {
    m.writer = w->id;
    if (m.readers > 0) {
      m.waiting_writer = w;
    } else {
      grant(m, w, LockMode::Write);
    }
  }
  return {this, completed_fast(g)};
}

bool Runtime::try_lock_write(trace::MutexId id, bool rw, int line) {
  Goroutine* g = running(line);
  MutexRec& m = mutex_rec(id, rw);
  if (finished() || m.writer != 0 || m.readers != 0) {
    emit(EventKind::Line, g);
    return false;
  }
  m.writer = g->id;
  grant(m, g, LockMode::Write);
  return true;
}

// [SECTION] RLock and RUnlock --------------------------------------------------------

Runtime::ParkOp Runtime::rlock(RWMutex rw, int line) {
  if (finished()) return {this, false};
  Goroutine* g = running(line);
  MutexRec& m = mutex_rec(rw.id, true);
  if (m.writer == 0) {
    ++m.readers;
    grant(m, g, LockMode::Read);
    return {this, completed_fast(g)};
  }
  m.reader_queue.push_back(g);
  set_state(g, GoState::BlockedMutex, m.id, static_cast<std::int64_t>(LockMode::Read));
  return {this, false};
}

Runtime::CheckOp Runtime::runlock(RWMutex rw, int line) {
  if (finished()) return {this, false};
  Goroutine* g = running(line);
  MutexRec& m = mutex_rec(rw.id, true);
  if (m.readers == 0) {
    raise_fatal(g, "sync: RUnlock of unlocked RWMutex");
    return {this, false};
  }
  --m.readers;
  emit(EventKind::Unlock, g, m.id, 0, 0, mode(LockMode::Read));
  note_progress();
  if (m.readers == 0 && m.waiting_writer != nullptr) {
    Goroutine* w = m.waiting_writer;
    m.waiting_writer = nullptr;
    grant(m, w, LockMode::Write);
  }
  return {this, completed_fast(g)};
}

bool Runtime::try_rlock(RWMutex rw, int line) {
  Goroutine* g = running(line);
  MutexRec& m = mutex_rec(rw.id, true);
  if (finished() || m.writer != 0) {
    emit(EventKind::Line, g);
    return false;
  }
  ++m.readers;
  grant(m, g, LockMode::Read);
  return true;
}

}  // namespace poolscope::sim
