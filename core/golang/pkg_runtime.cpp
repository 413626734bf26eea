// Package runtime: NumGoroutine, NumCPU, GOMAXPROCS, Gosched on the simulator.
#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

Task gosched(Machine& m, LibCall& lc) {
  co_await m.rt.yield(lc.line);
  if (m.over) throw GoAbort{};
}

}  // namespace

void add_runtime(LibTable& t) {
  t["runtime.NumGoroutine"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {Value::of_int(static_cast<std::int64_t>(m.rt.live_goroutines()))};
  };
  t["runtime.NumCPU"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {Value::of_int(m.rt.config().procs)};
  };
  t["runtime.GOMAXPROCS"].plain = [](Machine& m, LibCall& lc) {
    const int before = m.rt.procs();
    if (lc.args[0].i > 0)
      m.rt.set_procs(static_cast<int>(std::min<std::int64_t>(lc.args[0].i, 256)));
    lc.results = {Value::of_int(before)};
  };
  t["runtime.Gosched"].async = gosched;
}

}  // namespace poolscope::golang
