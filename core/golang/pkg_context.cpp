// Package context on core/sim's contexts: Background, WithCancel, WithTimeout,
// WithDeadline, and the Context methods Done, Err, Deadline, Value.
#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

// A Context value: an interface holding *context.cancelCtx, the context's index in
// Machine::contexts in Value::i.
Value context_value(Machine& m, std::size_t index) {
  Value v;
  v.obj = m.context_cells[index];
  v.i = 0;
  return make_iface(m.prog.context_impl, v);
}

std::size_t index_of(Machine& m, const Value& recv) {
  const auto* cell = recv.obj.get();
  for (std::size_t k = 0; k < m.context_cells.size(); ++k) {
    if (m.context_cells[k].get() == cell) return k;
  }
  return 0;
}

std::size_t add_context(Machine& m, sim::Context c) {
  m.contexts.push_back(c);
  auto* cell = new AggregateObj;
  cell->items.emplace_back();
  m.context_cells.emplace_back(cell);
  m.done_chans.emplace_back();
  return m.contexts.size() - 1;
}

const sim::Context& parent_of(Machine& m, const Value& ctx) {
  const IfaceObj* box = iface_of(ctx);
  if (box == nullptr) m.panic_plain_error("cannot create context from nil parent");
  return m.contexts[index_of(m, box->value)];
}

Value cancel_func(std::size_t index) {
  auto* fn = new FuncObj;
  fn->lib = "context.cancel";
  fn->recv = Value::of_int(static_cast<std::int64_t>(index));
  Value v;
  v.obj = fn;
  return v;
}

}  // namespace

void add_context(LibTable& t) {
  auto background = [](Machine& m, LibCall& lc) {
    if (m.contexts.size() == 1 && m.context_cells.empty()) {
      auto* cell = new AggregateObj;
      cell->items.emplace_back();
      m.context_cells.emplace_back(cell);
      m.done_chans.emplace_back();
    }
    lc.results = {context_value(m, 0)};
  };
  t["context.Background"].plain = background;
  t["context.TODO"].plain = background;
  t["context.WithCancel"].plain = [](Machine& m, LibCall& lc) {
    const sim::Context parent = parent_of(m, lc.args[0]);
    const std::size_t index = add_context(m, m.rt.with_cancel(parent, lc.line));
    lc.results = {context_value(m, index), cancel_func(index)};
  };
  t["context.WithTimeout"].plain = [](Machine& m, LibCall& lc) {
    const sim::Context parent = parent_of(m, lc.args[0]);
    const std::size_t index = add_context(m, m.rt.with_timeout(parent, lc.args[1].i, lc.line));
    lc.results = {context_value(m, index), cancel_func(index)};
  };
  t["context.WithDeadline"].plain = [](Machine& m, LibCall& lc) {
    const sim::Context parent = parent_of(m, lc.args[0]);
    const std::size_t index =
        add_context(m, m.rt.with_timeout(parent, lc.args[1].i - m.rt.now(), lc.line));
    lc.results = {context_value(m, index), cancel_func(index)};
  };
  t["context.WithValue"].plain = [](Machine& m, LibCall& lc) {
    (void)parent_of(m, lc.args[0]);
    m.fatal(
        "Poolscope does not run context.WithValue (the supported subset: see the Go subset in "
        "Poolscope's documentation)");
  };
  t["context.cancel"].plain = [](Machine& m, LibCall& lc) {
    m.rt.cancel(m.contexts[static_cast<std::size_t>(lc.recv.i)], lc.line);
  };
  t["(*context.cancelCtx).Done"].plain = [](Machine& m, LibCall& lc) {
    const std::size_t k = index_of(m, lc.recv);
    if (!m.done_chans[k].obj && !m.contexts[k].done.is_nil()) {
      m.done_chans[k].obj = new ChanObj(m.contexts[k].done, m.types.structure({}));
    }
    lc.results = {m.done_chans[k]};
  };
  t["(*context.cancelCtx).Err"].plain = [](Machine& m, LibCall& lc) {
    const std::string_view e = m.rt.err(m.contexts[index_of(m, lc.recv)]);
    if (e.empty()) {
      lc.results = {Value{}};
    } else {
      lc.results = {e == "context canceled" ? m.canceled_err : m.deadline_err};
    }
  };
  t["(*context.cancelCtx).Deadline"].plain = [](Machine&, LibCall& lc) {
    Value time;
    time.obj = new AggregateObj;
    lc.results = {time, Value::of_bool(false)};
  };
  t["(*context.cancelCtx).Value"].plain = [](Machine&, LibCall& lc) { lc.results = {Value{}}; };
  t["(context.deadlineExceededError).Error"].plain = [](Machine&, LibCall& lc) {
    lc.results = {make_string("context deadline exceeded")};
  };
}

}  // namespace poolscope::golang
