// Package errors: New, Is, As, Unwrap (errors.go of go1.19, without Is/As methods).
#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

// err's Unwrap() result, or nil when its type has no Unwrap method.
Value unwrap(Machine& m, const Value& err) {
  const IfaceObj* box = iface_of(err);
  if (box == nullptr || method_of(box->type, "Unwrap") == nullptr) return {};
  std::vector<Value> results;
  m.call_sync(box->type, box->value, "Unwrap", results);
  return results.empty() ? Value{} : results[0];
}

}  // namespace

void add_errors(LibTable& t) {
  t["errors.New"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {m.make_error(string_of(lc.args[0]))};
  };
  t["(*errors.errorString).Error"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {agg_of_cell(m.deref(lc.recv, lc.line)).items[0]};
  };
  t["(runtime.Error).Error"].plain = [](Machine&, LibCall& lc) { lc.results = {lc.recv}; };
  t["errors.Unwrap"].plain = [](Machine& m, LibCall& lc) { lc.results = {unwrap(m, lc.args[0])}; };
  t["errors.Is"].plain = [](Machine& m, LibCall& lc) {
    const Value target = lc.args[1];
    Value err = lc.args[0];
    bool found = !err.obj && !target.obj;
    for (int depth = 0; err.obj && depth < 10000 && !found; ++depth) {
      if (values_equal(m.types.error_type(), err, target)) found = true;
      err = unwrap(m, err);
    }
    lc.results = {Value::of_bool(found)};
  };
  t["errors.As"].plain = [](Machine& m, LibCall& lc) {
    const IfaceObj* target = iface_of(lc.args[1]);
    if (target == nullptr || target->type->kind != Kind::Pointer || !target->value.obj) {
      m.panic_plain_error("errors: target must be a non-nil pointer");
    }
    const TypeRef want = target->type->elem;
    Value err = lc.args[0];
    for (int depth = 0; err.obj && depth < 10000; ++depth) {
      const IfaceObj* box = iface_of(err);
      const bool match = is_interface(want) ? m.implements(box->type, want) : box->type == want;
      if (match) {
        Value& slot = agg_of_cell(target->value).items[static_cast<std::size_t>(target->value.i)];
        slot = is_interface(want) ? err : m.copy_value(want, box->value);
        lc.results = {Value::of_bool(true)};
        return;
      }
      err = unwrap(m, err);
    }
    lc.results = {Value::of_bool(false)};
  };
}

}  // namespace poolscope::golang
