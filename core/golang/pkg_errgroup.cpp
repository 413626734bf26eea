// Package golang.org/x/sync/errgroup (v0.1.0's semantics) on core/sim: a WaitGroup, an
// optional semaphore channel (SetLimit), the first error, and the context it cancels.
#include <fmt/format.h>

#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

Machine::Group& group(Machine& m, LibCall& lc) {
  if (!lc.recv.obj) m.runtime_panic("invalid memory address or nil pointer dereference");
  Value& v = agg_of_cell(lc.recv).items[static_cast<std::size_t>(lc.recv.i)];
  if (v.i == 0) {
    Machine::Group g;
    g.wg = m.rt.make_waitgroup("errgroup", lc.line);
    m.groups.push_back(g);
    v.i = static_cast<std::int64_t>(m.groups.size());
  }
  return m.groups[static_cast<std::size_t>(v.i - 1)];
}

// The goroutine of g.Go(f): runs f, keeps the first error (cancelling the group's
// context), frees its place in the limit, and is done.
sim::Go member(Machine& m, std::size_t index, Value f, int line) {
  std::optional<GoPanic> panicked;
  try {
    std::vector<Value> results;
    co_await m.call(f, {}, results, line);
    Machine::Group& g = m.groups[index];
    if (!results.empty() && results[0].obj && !g.has_err) {
      g.has_err = true;
      g.err = results[0];
      if (g.context > 0) m.rt.cancel(m.contexts[g.context], line);
    }
    if (!g.sem.is_nil()) {
      (void)co_await m.rt.release(g.sem, line);
    }
    co_await m.rt.done(g.wg, line);
  } catch (GoPanic& p) {
    panicked = std::move(p);
  } catch (GoAbort&) {
  }
  if (panicked && !m.over) {
    co_await m.die(*panicked);
  }
}

void start(Machine& m, LibCall& lc, std::size_t index) {
  std::string name = "errgroup";
  if (const auto* fn = static_cast<const FuncObj*>(lc.args[0].obj.get())) {
    if (fn->lit != nullptr) name = m.prog.info(fn->lit).display;
    if (fn->decl != nullptr) name = m.prog.info(fn->decl).display;
  }
  const std::int64_t n = ++m.spawn_counts[name];
  (void)m.rt.spawn(name, n, member(m, index, lc.args[0], lc.line), lc.line);
  m.peak = std::max(m.peak, m.rt.live_goroutines());
}

Task go(Machine& m, LibCall& lc) {
  Machine::Group& g = group(m, lc);
  const std::size_t index = static_cast<std::size_t>(&g - m.groups.data());
  if (!g.sem.is_nil()) {
    co_await m.rt.acquire(g.sem, lc.line);
    if (m.over) throw GoAbort{};
  }
  co_await m.rt.add(m.groups[index].wg, 1, lc.line);
  start(m, lc, index);
}

Task try_go(Machine& m, LibCall& lc) {
  Machine::Group& g = group(m, lc);
  const std::size_t index = static_cast<std::size_t>(&g - m.groups.data());
  if (!g.sem.is_nil()) {
    if (g.sem.len() >= g.sem.cap()) {
      lc.results = {Value::of_bool(false)};
      co_return;
    }
    co_await m.rt.acquire(g.sem, lc.line);
  }
  co_await m.rt.add(m.groups[index].wg, 1, lc.line);
  start(m, lc, index);
  lc.results = {Value::of_bool(true)};
}

Task wait(Machine& m, LibCall& lc) {
  const std::size_t index = static_cast<std::size_t>(&group(m, lc) - m.groups.data());
  co_await m.rt.wait(m.groups[index].wg, lc.line);
  if (m.over) throw GoAbort{};
  Machine::Group& g = m.groups[index];
  if (g.context > 0) m.rt.cancel(m.contexts[g.context], lc.line);
  lc.results = {g.err};
}

}  // namespace

void add_errgroup(LibTable& t) {
  const std::string p = "(*errgroup.Group).";
  t[p + "Go"].async = go;
  t[p + "TryGo"].async = try_go;
  t[p + "Wait"].async = wait;
  t[p + "SetLimit"].plain = [](Machine& m, LibCall& lc) {
    Machine::Group& g = group(m, lc);
    const std::int64_t active = m.rt.counter(g.wg);
    if (active != 0) {
      m.panic_plain_error(fmt::format(
          "errgroup: modify limit while {} goroutines in the group are still active", active));
    }
    g.sem = lc.args[0].i < 0 ? sim::Chan{}
                             : m.rt.make_semaphore(lc.args[0].i, "errgroup limit", lc.line);
  };
  t["errgroup.WithContext"].plain = [](Machine& m, LibCall& lc) {
    LibCall ctx_call;
    ctx_call.args = {lc.args[0]};
    ctx_call.line = lc.line;
    library().at("context.WithCancel").plain(m, ctx_call);
    auto* cell = new AggregateObj;
    cell->items.push_back(zero_value(m.types.structure({})));
    Value ptr;
    ptr.obj = cell;
    LibCall g_call;
    g_call.recv = ptr;
    g_call.line = lc.line;
    Machine::Group& g = group(m, g_call);
    g.context = m.contexts.size() - 1;
    lc.results = {ptr, ctx_call.results[0]};
  };
}

}  // namespace poolscope::golang
