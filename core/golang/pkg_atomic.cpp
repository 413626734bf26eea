// Package sync/atomic: one goroutine runs at a time in the simulator, so every operation
// is atomic as it is; the functions act on the variable the pointer points to, the types
// (atomic.Int64, ...) keep their value in Value::i.
#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

Value& cell(Machine& m, const Value& ptr) {
  if (!ptr.obj) m.runtime_panic("invalid memory address or nil pointer dereference");
  return agg_of_cell(ptr).items[static_cast<std::size_t>(ptr.i)];
}

template <Kind K>
void add_kind(LibTable& t, const std::string& suffix, const std::string& type) {
  t["atomic.Add" + suffix].plain = [](Machine& m, LibCall& lc) {
    Value& v = cell(m, lc.args[0]);
    v = wrap_int(K, static_cast<std::int64_t>(static_cast<std::uint64_t>(v.i) +
                                              static_cast<std::uint64_t>(lc.args[1].i)));
    lc.results = {v};
  };
  t["atomic.Load" + suffix].plain = [](Machine& m, LibCall& lc) {
    lc.results = {cell(m, lc.args[0])};
  };
  t["atomic.Store" + suffix].plain = [](Machine& m, LibCall& lc) {
    cell(m, lc.args[0]) = lc.args[1];
  };
  t["atomic.Swap" + suffix].plain = [](Machine& m, LibCall& lc) {
    Value& v = cell(m, lc.args[0]);
    lc.results = {v};
    v = lc.args[1];
  };
  t["atomic.CompareAndSwap" + suffix].plain = [](Machine& m, LibCall& lc) {
    Value& v = cell(m, lc.args[0]);
    const bool swap = v.i == lc.args[1].i;
    if (swap) v = lc.args[2];
    lc.results = {Value::of_bool(swap)};
  };
  const std::string r = "(*atomic." + type + ").";
  t[r + "Add"].plain = [](Machine& m, LibCall& lc) {
    Value& v = cell(m, lc.recv);
    v.i = wrap_int(K, static_cast<std::int64_t>(static_cast<std::uint64_t>(v.i) +
                                                static_cast<std::uint64_t>(lc.args[0].i)))
              .i;
    lc.results = {Value::of_int(v.i)};
  };
  t[r + "Load"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {Value::of_int(cell(m, lc.recv).i)};
  };
  t[r + "Store"].plain = [](Machine& m, LibCall& lc) { cell(m, lc.recv).i = lc.args[0].i; };
  t[r + "Swap"].plain = [](Machine& m, LibCall& lc) {
    Value& v = cell(m, lc.recv);
    lc.results = {Value::of_int(v.i)};
    v.i = lc.args[0].i;
  };
  t[r + "CompareAndSwap"].plain = [](Machine& m, LibCall& lc) {
    Value& v = cell(m, lc.recv);
    const bool swap = v.i == lc.args[0].i;
    if (swap) v.i = lc.args[1].i;
    lc.results = {Value::of_bool(swap)};
  };
}

}  // namespace

void add_atomic(LibTable& t) {
  add_kind<Kind::Int32>(t, "Int32", "Int32");
  add_kind<Kind::Int64>(t, "Int64", "Int64");
  add_kind<Kind::Uint32>(t, "Uint32", "Uint32");
  add_kind<Kind::Uint64>(t, "Uint64", "Uint64");
  const std::string r = "(*atomic.Bool).";
  t[r + "Load"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {Value::of_bool(cell(m, lc.recv).i != 0)};
  };
  t[r + "Store"].plain = [](Machine& m, LibCall& lc) { cell(m, lc.recv).i = lc.args[0].i; };
  t[r + "Swap"].plain = [](Machine& m, LibCall& lc) {
    Value& v = cell(m, lc.recv);
    lc.results = {Value::of_bool(v.i != 0)};
    v.i = lc.args[0].i;
  };
  t[r + "CompareAndSwap"].plain = [](Machine& m, LibCall& lc) {
    Value& v = cell(m, lc.recv);
    const bool swap = v.i == lc.args[0].i;
    if (swap) v.i = lc.args[1].i;
    lc.results = {Value::of_bool(swap)};
  };
}

}  // namespace poolscope::golang
