// Package fmt: printing through lib_fmt's formatting, Errorf's wrapping with %w.
#include "core/golang/lib_fmt.hpp"
#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

// The operands of a `...any` parameter (packed into a slice of interfaces).
std::vector<FmtArg> operands(const Value& packed) {
  std::vector<FmtArg> out;
  const auto* agg = static_cast<const AggregateObj*>(packed.obj.get());
  for (std::uint32_t k = 0; k < packed.len; ++k) {
    const Value& item = agg->items[static_cast<std::size_t>(packed.i) + k];
    const IfaceObj* box = iface_of(item);
    out.push_back(box != nullptr ? FmtArg{box->type, box->value} : FmtArg{});
  }
  return out;
}

void print_results(LibCall& lc, std::size_t n) {
  lc.results = {Value::of_int(static_cast<std::int64_t>(n)), Value{}};
}

}  // namespace

void add_fmt(LibTable& t) {
  t["fmt.Println"].plain = [](Machine& m, LibCall& lc) {
    FmtHooks hooks = m.fmt_hooks();
    const std::string s = sprintln(operands(lc.args[0]), hooks);
    m.write(false, s);
    print_results(lc, s.size());
  };
  t["fmt.Print"].plain = [](Machine& m, LibCall& lc) {
    FmtHooks hooks = m.fmt_hooks();
    const std::string s = sprint(operands(lc.args[0]), hooks);
    m.write(false, s);
    print_results(lc, s.size());
  };
  t["fmt.Printf"].plain = [](Machine& m, LibCall& lc) {
    FmtHooks hooks = m.fmt_hooks();
    const std::string s = sprintf(string_of(lc.args[0]), operands(lc.args[1]), hooks);
    m.write(false, s);
    print_results(lc, s.size());
  };
  t["fmt.Sprintf"].plain = [](Machine& m, LibCall& lc) {
    FmtHooks hooks = m.fmt_hooks();
    lc.results = {make_string(sprintf(string_of(lc.args[0]), operands(lc.args[1]), hooks))};
  };
  t["fmt.Sprint"].plain = [](Machine& m, LibCall& lc) {
    FmtHooks hooks = m.fmt_hooks();
    lc.results = {make_string(sprint(operands(lc.args[0]), hooks))};
  };
  t["fmt.Sprintln"].plain = [](Machine& m, LibCall& lc) {
    FmtHooks hooks = m.fmt_hooks();
    lc.results = {make_string(sprintln(operands(lc.args[0]), hooks))};
  };
  t["fmt.Errorf"].plain = [](Machine& m, LibCall& lc) {
    FmtHooks hooks = m.fmt_hooks();
    const std::vector<FmtArg> args = operands(lc.args[1]);
    ErrorfText e = errorf(string_of(lc.args[0]), args, hooks);
    if (!e.wrapped) {
      lc.results = {m.make_error(std::move(e.text))};
      return;
    }
    const auto* agg = static_cast<const AggregateObj*>(lc.args[1].obj.get());
    const Value wrapped = agg->items[static_cast<std::size_t>(lc.args[1].i) + *e.wrapped];
    auto* fields = new AggregateObj;
    fields->items.push_back(make_string(std::move(e.text)));
    fields->items.push_back(wrapped);
    Value s;
    s.obj = fields;
    lc.results = {make_iface(m.prog.wrap_error, m.new_pointer(m.prog.wrap_error->elem, s))};
  };
  t["(*fmt.wrapError).Error"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {agg_of_cell(m.deref(lc.recv, lc.line)).items[0]};
  };
  t["(*fmt.wrapError).Unwrap"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {agg_of_cell(m.deref(lc.recv, lc.line)).items[1]};
  };
}

}  // namespace poolscope::golang
