// Package sync on core/sim: WaitGroup, Mutex, RWMutex, Once. Each value keeps its sim
// object's id in Value::i (0 until first used, as Go's zero values are ready to use); a
// copy of the value is an object of its own with the same state (Machine::copy_state).
#include <exception>

#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

// The struct a pointer receiver points to.
Value& target(Machine& m, const Value& ptr, int line) {
  if (!ptr.obj) m.runtime_panic("invalid memory address or nil pointer dereference");
  (void)line;
  return agg_of_cell(ptr).items[static_cast<std::size_t>(ptr.i)];
}

sim::WaitGroup waitgroup(Machine& m, LibCall& lc) {
  Value& v = target(m, lc.recv, lc.line);
  if (v.i == 0) v.i = m.rt.make_waitgroup({}, lc.line).id;
  return sim::WaitGroup{static_cast<trace::WaitGroupId>(v.i)};
}

sim::Mutex mutex(Machine& m, LibCall& lc) {
  Value& v = target(m, lc.recv, lc.line);
  if (v.i == 0) v.i = m.rt.make_mutex({}, lc.line).id;
  return sim::Mutex{static_cast<trace::MutexId>(v.i)};
}

sim::RWMutex rwmutex(Machine& m, LibCall& lc) {
  Value& v = target(m, lc.recv, lc.line);
  if (v.i == 0) v.i = m.rt.make_rwmutex({}, lc.line).id;
  return sim::RWMutex{static_cast<trace::MutexId>(v.i)};
}

void check_over(Machine& m) {
  if (m.over) throw GoAbort{};
}

Task wg_add(Machine& m, LibCall& lc) {
  co_await m.rt.add(waitgroup(m, lc), lc.args[0].i, lc.line);
  check_over(m);
}
Task wg_done(Machine& m, LibCall& lc) {
  co_await m.rt.done(waitgroup(m, lc), lc.line);
  check_over(m);
}
Task wg_wait(Machine& m, LibCall& lc) {
  co_await m.rt.wait(waitgroup(m, lc), lc.line);
  check_over(m);
}
Task mu_lock(Machine& m, LibCall& lc) {
  co_await m.rt.lock(mutex(m, lc), lc.line);
  check_over(m);
}
Task mu_unlock(Machine& m, LibCall& lc) {
  co_await m.rt.unlock(mutex(m, lc), lc.line);
  check_over(m);
}
Task rw_lock(Machine& m, LibCall& lc) {
  co_await m.rt.lock(rwmutex(m, lc), lc.line);
  check_over(m);
}
Task rw_unlock(Machine& m, LibCall& lc) {
  co_await m.rt.unlock(rwmutex(m, lc), lc.line);
  check_over(m);
}
Task rw_rlock(Machine& m, LibCall& lc) {
  co_await m.rt.rlock(rwmutex(m, lc), lc.line);
  check_over(m);
}
Task rw_runlock(Machine& m, LibCall& lc) {
  co_await m.rt.runlock(rwmutex(m, lc), lc.line);
  check_over(m);
}

// once.Do(f), as Go's Once: a done flag and a Mutex. The first call runs f holding the
// mutex, so the others wait ([semacquire]) until f has returned; f is done even when it
// panics. Value::i holds the mutex's id * 2, plus 1 once done.
Task once_do(Machine& m, LibCall& lc) {
  const Ref<HeapObject> keep = lc.recv.obj;  // the Once stays alive while f runs
  Value& once = target(m, lc.recv, lc.line);
  if ((once.i & 1) != 0) co_return;  // done: no lock, as Go's fast path
  if (once.i == 0) once.i = static_cast<std::int64_t>(m.rt.make_mutex({}, lc.line).id) * 2;
  const sim::Mutex mu{static_cast<trace::MutexId>(once.i / 2)};
  co_await m.rt.lock(mu, lc.line);
  check_over(m);
  std::exception_ptr panicked;
  if ((once.i & 1) == 0) {
    try {
      std::vector<Value> results;
      co_await m.call(lc.args[0], {}, results, lc.line);
    } catch (const GoPanic&) {
      panicked = std::current_exception();  // after the deferred Unlock, below
    }
    once.i |= 1;
  }
  co_await m.rt.unlock(mu, lc.line);
  check_over(m);
  if (panicked) std::rethrow_exception(panicked);
}

}  // namespace

std::int64_t Machine::copy_state(TypeRef t, std::int64_t id) {
  if (t->name == "Once") {  // its mutex copied, its done flag kept
    const sim::Mutex mu{static_cast<trace::MutexId>(id / 2)};
    return static_cast<std::int64_t>(rt.copy_mutex(mu, running_line).id) * 2 + (id & 1);
  }
  if (t->name == "WaitGroup") {
    return rt.copy_waitgroup(sim::WaitGroup{static_cast<trace::WaitGroupId>(id)}, running_line).id;
  }
  if (t->name == "RWMutex") {
    return rt.copy_mutex(sim::RWMutex{static_cast<trace::MutexId>(id)}, running_line).id;
  }
  return rt.copy_mutex(sim::Mutex{static_cast<trace::MutexId>(id)}, running_line).id;
}

void add_sync(LibTable& t) {
  t["(*sync.WaitGroup).Add"].async = wg_add;
  t["(*sync.WaitGroup).Done"].async = wg_done;
  t["(*sync.WaitGroup).Wait"].async = wg_wait;
  t["(*sync.Mutex).Lock"].async = mu_lock;
  t["(*sync.Mutex).Unlock"].async = mu_unlock;
  t["(*sync.Mutex).TryLock"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {Value::of_bool(m.rt.try_lock(mutex(m, lc), lc.line))};
  };
  t["(*sync.RWMutex).Lock"].async = rw_lock;
  t["(*sync.RWMutex).Unlock"].async = rw_unlock;
  t["(*sync.RWMutex).RLock"].async = rw_rlock;
  t["(*sync.RWMutex).RUnlock"].async = rw_runlock;
  t["(*sync.Once).Do"].async = once_do;
}

}  // namespace poolscope::golang
