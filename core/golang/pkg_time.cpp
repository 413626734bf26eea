// Package time on the virtual clock: Sleep, After, Tick, timers, tickers, AfterFunc,
// Now/Since, and Duration's methods.
#include "core/golang/lib_time_format.hpp"
#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

// The element type of the channel a call returns (<-chan Time), or of field C.
TypeRef time_type(Machine& m) { return m.time_elem; }

Value time_value(trace::Time ns) {
  Value v = zero_value(nullptr);
  auto* agg = new AggregateObj;
  v.obj = agg;
  v.i = ns;
  return v;
}

Value chan_value(Machine& m, sim::Chan ch) {
  Value v;
  v.obj = new ChanObj(ch, time_type(m));
  return v;
}

// A *Timer or *Ticker: a cell holding the struct {C}, the timer's index in Value::i.
Value timer_value(Machine& m, sim::Timer timer) {
  m.timers.push_back(timer);
  auto* fields = new AggregateObj;
  fields->items.push_back(chan_value(m, timer.c));
  Value s;
  s.obj = fields;
  s.i = static_cast<std::int64_t>(m.timers.size());
  auto* cell = new AggregateObj;
  cell->items.push_back(std::move(s));
  Value p;
  p.obj = cell;
  return p;
}

sim::Timer& timer_of(Machine& m, const Value& ptr, int line) {
  const Value s = m.deref(ptr, line);
  if (s.i <= 0 || static_cast<std::size_t>(s.i) > m.timers.size()) {
    m.panic_plain_error("time: Stop called on uninitialized Timer");
  }
  return m.timers[static_cast<std::size_t>(s.i - 1)];
}

Task sleep(Machine& m, LibCall& lc) {
  co_await m.rt.sleep(lc.args[0].i, lc.line);
  if (m.over) throw GoAbort{};
}

// time.AfterFunc: a goroutine that waits, then calls f unless the timer was stopped.
sim::Go after_func(Machine& m, std::size_t index, trace::Time d, Value f) {
  try {
    co_await m.rt.sleep(d, 0);
    if (m.after_funcs[index] == 0) {
      m.after_funcs[index] = 2;  // fired
      std::vector<Value> results;
      co_await m.call(f, {}, results, 0);
    }
  } catch (GoAbort&) {
  } catch (GoPanic& p) {
    m.pending_panic = std::move(p);
  }
  if (m.pending_panic && !m.over) {
    GoPanic p = std::move(*m.pending_panic);
    m.pending_panic.reset();
    co_await m.die(p);
  }
}

}  // namespace

void add_time(LibTable& t) {
  t["time.Sleep"].async = sleep;
  t["time.After"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {chan_value(m, m.rt.after(lc.args[0].i, lc.line))};
  };
  t["time.Tick"].plain = [](Machine& m, LibCall& lc) {
    if (lc.args[0].i <= 0) {
      lc.results = {Value{}};
      return;
    }
    lc.results = {chan_value(m, m.rt.new_ticker(lc.args[0].i, lc.line).c)};
  };
  t["time.NewTimer"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {timer_value(m, m.rt.new_timer(lc.args[0].i, lc.line))};
  };
  t["time.NewTicker"].plain = [](Machine& m, LibCall& lc) {
    if (lc.args[0].i <= 0) m.panic_plain_error("non-positive interval for NewTicker");
    lc.results = {timer_value(m, m.rt.new_ticker(lc.args[0].i, lc.line))};
  };
  t["(*time.Timer).Stop"].plain = [](Machine& m, LibCall& lc) {
    const Value s = m.deref(lc.recv, lc.line);
    if (s.i < 0) {  // an AfterFunc timer
      auto& state = m.after_funcs[static_cast<std::size_t>(-s.i - 1)];
      const bool pending = state == 0;
      if (pending) state = 1;
      lc.results = {Value::of_bool(pending)};
      return;
    }
    lc.results = {Value::of_bool(m.rt.stop(timer_of(m, lc.recv, lc.line)))};
  };
  t["(*time.Timer).Reset"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {Value::of_bool(m.rt.reset(timer_of(m, lc.recv, lc.line), lc.args[0].i))};
  };
  t["(*time.Ticker).Stop"].plain = [](Machine& m, LibCall& lc) {
    (void)m.rt.stop(timer_of(m, lc.recv, lc.line));
  };
  t["(*time.Ticker).Reset"].plain = [](Machine& m, LibCall& lc) {
    if (lc.args[0].i <= 0) m.panic_plain_error("non-positive interval for Ticker.Reset");
    (void)m.rt.reset(timer_of(m, lc.recv, lc.line), lc.args[0].i);
  };
  t["time.AfterFunc"].plain = [](Machine& m, LibCall& lc) {
    const std::size_t index = m.after_funcs.size();
    m.after_funcs.push_back(0);
    (void)m.rt.spawn("time.AfterFunc", static_cast<std::int64_t>(index + 1),
                     after_func(m, index, lc.args[0].i, lc.args[1]), lc.line);
    auto* fields = new AggregateObj;
    fields->items.emplace_back();
    Value s;
    s.obj = fields;
    s.i = -static_cast<std::int64_t>(index) - 1;
    auto* cell = new AggregateObj;
    cell->items.push_back(std::move(s));
    Value p;
    p.obj = cell;
    lc.results = {std::move(p)};
  };
  t["time.Now"].plain = [](Machine& m, LibCall& lc) { lc.results = {time_value(m.rt.now())}; };
  t["time.Since"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {Value::of_int(m.rt.now() - lc.args[0].i)};
  };
  t["(time.Time).Sub"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_int(lc.recv.i - lc.args[0].i)};
  };
  t["(time.Time).Add"].plain = [](Machine&, LibCall& lc) {
    lc.results = {time_value(lc.recv.i + lc.args[0].i)};
  };
  t["(time.Time).Before"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_bool(lc.recv.i < lc.args[0].i)};
  };
  t["(time.Time).After"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_bool(lc.recv.i > lc.args[0].i)};
  };
  t["(time.Duration).String"].plain = [](Machine&, LibCall& lc) {
    lc.results = {make_string(duration_string(lc.recv.i))};
  };
  t["(time.Duration).Seconds"].plain = [](Machine&, LibCall& lc) {
    const std::int64_t sec = lc.recv.i / trace::kSecond;
    const std::int64_t nsec = lc.recv.i % trace::kSecond;
    lc.results = {Value::of_float(static_cast<double>(sec) + static_cast<double>(nsec) / 1e9)};
  };
  t["(time.Duration).Minutes"].plain = [](Machine&, LibCall& lc) {
    const std::int64_t min = lc.recv.i / (60 * trace::kSecond);
    const std::int64_t nsec = lc.recv.i % (60 * trace::kSecond);
    lc.results = {Value::of_float(static_cast<double>(min) + static_cast<double>(nsec) / 60e9)};
  };
  t["(time.Duration).Hours"].plain = [](Machine&, LibCall& lc) {
    const std::int64_t hour = lc.recv.i / (3600 * trace::kSecond);
    const std::int64_t nsec = lc.recv.i % (3600 * trace::kSecond);
    lc.results = {Value::of_float(static_cast<double>(hour) + static_cast<double>(nsec) / 3600e9)};
  };
  t["(time.Duration).Milliseconds"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_int(lc.recv.i / 1'000'000)};
  };
  t["(time.Duration).Microseconds"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_int(lc.recv.i / 1'000)};
  };
  t["(time.Duration).Nanoseconds"].plain = [](Machine&, LibCall& lc) { lc.results = {lc.recv}; };
}

}  // namespace poolscope::golang
