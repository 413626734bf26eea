// Package sort: Ints, Strings, Float64s, Slice and SliceStable. Slice's less function is
// Go code: it is called synchronously (it must not block), in an insertion sort that
// swaps the live slice as Go's sort does, so less(i, j) sees the elements moved so far.
#include <algorithm>
#include <cmath>

#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

std::vector<Value>::iterator begin_of(const Value& s) {
  return agg_of_cell(s).items.begin() + static_cast<std::ptrdiff_t>(s.i);
}

void sort_slice(Machine& m, LibCall& lc) {
  const IfaceObj* box = iface_of(lc.args[0]);
  if (box == nullptr || underlying(box->type)->kind != Kind::Slice) {
    m.panic_plain_error("reflect: call of Swapper on " +
                        (box == nullptr ? std::string("zero Value")
                                        : type_string(box->type, Qualify::Always) + " Value"));
  }
  const Value s = box->value;
  if (s.len < 2) return;
  auto items = begin_of(s);
  auto less = [&](std::int64_t i, std::int64_t j) {
    std::vector<Value> results;
    m.call_value_sync(lc.args[1], {Value::of_int(i), Value::of_int(j)}, results);
    return !results.empty() && results[0].i != 0;
  };
  for (std::int64_t i = 1; i < static_cast<std::int64_t>(s.len); ++i) {
    for (std::int64_t j = i; j > 0 && less(j, j - 1); --j) std::swap(items[j], items[j - 1]);
  }
}

}  // namespace

void add_sort(LibTable& t) {
  t["sort.Ints"].plain = [](Machine&, LibCall& lc) {
    const Value& s = lc.args[0];
    if (s.len == 0) return;
    std::sort(begin_of(s), begin_of(s) + s.len,
              [](const Value& a, const Value& b) { return a.i < b.i; });
  };
  t["sort.Float64s"].plain = [](Machine&, LibCall& lc) {
    const Value& s = lc.args[0];
    if (s.len == 0) return;
    std::sort(begin_of(s), begin_of(s) + s.len, [](const Value& a, const Value& b) {
      return a.f < b.f || (std::isnan(a.f) && !std::isnan(b.f));
    });
  };
  t["sort.Strings"].plain = [](Machine&, LibCall& lc) {
    const Value& s = lc.args[0];
    if (s.len == 0) return;
    std::sort(begin_of(s), begin_of(s) + s.len,
              [](const Value& a, const Value& b) { return string_of(a) < string_of(b); });
  };
  t["sort.Slice"].plain = sort_slice;
  t["sort.SliceStable"].plain = sort_slice;
}

}  // namespace poolscope::golang
