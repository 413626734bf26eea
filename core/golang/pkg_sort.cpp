// Package sort: Ints, Strings, Float64s, Slice and SliceStable, with Go 1.19's own
// algorithms (lib_sort.hpp), so equal elements end where Go leaves them. Slice's less
// function is Go code: it is called synchronously (it must not block), on the live slice
// as Go's sort does, so less(i, j) sees the elements moved so far.
#include <cmath>
#include <utility>

#include "core/golang/lib_sort.hpp"
#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

std::vector<Value>::iterator begin_of(const Value& s) {
  return agg_of_cell(s).items.begin() + static_cast<std::ptrdiff_t>(s.i);
}

// Sorts the slice s with Go's algorithm, stable or not; less(i, j) compares the live
// slice's elements i and j.
template <class Less>
void sort_indices(const Value& s, bool stable, Less less) {
  if (s.len < 2) return;
  const auto items = begin_of(s);
  auto swap = [&](std::int64_t i, std::int64_t j) { std::swap(items[i], items[j]); };
  if (stable) {
    go_stable(less, swap, s.len);
  } else {
    go_sort(less, swap, s.len);
  }
}

template <class Less>
void sort_values(const Value& s, Less less_values) {
  if (s.len < 2) return;
  const auto items = begin_of(s);
  sort_indices(s, false,
               [&](std::int64_t i, std::int64_t j) { return less_values(items[i], items[j]); });
}

void sort_slice(Machine& m, LibCall& lc, bool stable) {
  const IfaceObj* box = iface_of(lc.args[0]);
  if (box == nullptr || underlying(box->type)->kind != Kind::Slice) {
    m.panic_plain_error("reflect: call of Swapper on " +
                        (box == nullptr ? std::string("zero Value")
                                        : type_string(box->type, Qualify::Always) + " Value"));
  }
  sort_indices(box->value, stable, [&](std::int64_t i, std::int64_t j) {
    std::vector<Value> results;
    m.call_value_sync(lc.args[1], {Value::of_int(i), Value::of_int(j)}, results);
    return !results.empty() && results[0].i != 0;
  });
}

}  // namespace

void add_sort(LibTable& t) {
  t["sort.Ints"].plain = [](Machine&, LibCall& lc) {
    sort_values(lc.args[0], [](const Value& a, const Value& b) { return a.i < b.i; });
  };
  t["sort.Float64s"].plain = [](Machine&, LibCall& lc) {
    sort_values(lc.args[0], [](const Value& a, const Value& b) {
      return a.f < b.f || (std::isnan(a.f) && !std::isnan(b.f));  // NaNs first, as Go
    });
  };
  t["sort.Strings"].plain = [](Machine&, LibCall& lc) {
    sort_values(lc.args[0],
                [](const Value& a, const Value& b) { return string_of(a) < string_of(b); });
  };
  t["sort.Slice"].plain = [](Machine& m, LibCall& lc) { sort_slice(m, lc, false); };
  t["sort.SliceStable"].plain = [](Machine& m, LibCall& lc) { sort_slice(m, lc, true); };
}

}  // namespace poolscope::golang
