// MapObj keeps Go's key equality. The expected lines are the output of this Go program
// (go1.19.8), which the test replays step by step:
//
//   m := map[float64]int{}
//   m[math.NaN()] = 1; m[math.NaN()] = 2; m[0] = 3; m[math.Copysign(0, -1)] = 4
//   delete(m, math.NaN()); _, ok := m[math.NaN()]
//   fmt.Println(len(m), m[0], ok, m)              // 3 4 false map[NaN:2 NaN:1 -0:4]
//   (NaN keys are unordered among themselves: Go shows them in its random iteration
//   order, "NaN:1 NaN:2" in 1 run of 20)
//   a := map[any]int{}; a[1] = 1; a[int64(1)] = 2; a[1] = 3; a["1"] = 4
//   fmt.Println(len(a), a[1], a[int64(1)])       // 3 3 2
//   k := map[K]int{}  // type K struct { A int; B string }
//   k[K{1, "a"}] = 1; k[K{1, "a"}] = 2; k[K{1, "ab"}] = 3; delete(k, K{1, "a"})
//   fmt.Println(len(k), k[K{1, "ab"}], k)         // 1 3 map[{1 ab}:3]
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "core/golang/lib_fmt.hpp"

namespace poolscope::golang {
namespace {

Value map_value(MapObj* m) {
  Value v;
  v.obj = m;
  return v;
}

Value struct_value(std::int64_t a, std::string b) {
  auto* agg = new AggregateObj;
  agg->items = {Value::of_int(a), make_string(std::move(b))};
  Value v;
  v.obj = agg;
  return v;
}

TEST_CASE("MapObj: NaN keys never match, -0 and +0 are one key (the last one stored)") {
  TypeTable tt;
  const TypeRef f64 = tt.basic(Kind::Float64);
  const TypeRef int_t = tt.basic(Kind::Int);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  auto* m = new MapObj(f64);
  const Value keep = map_value(m);
  m->insert_or_assign(Value::of_float(nan), Value::of_int(1));
  m->insert_or_assign(Value::of_float(nan), Value::of_int(2));
  m->insert_or_assign(Value::of_float(0.0), Value::of_int(3));
  m->insert_or_assign(Value::of_float(-0.0), Value::of_int(4));
  CHECK_FALSE(m->erase(Value::of_float(nan)));
  CHECK(m->find(Value::of_float(nan)) == nullptr);
  REQUIRE(m->find(Value::of_float(0.0)) != nullptr);
  FmtHooks hooks;
  const std::vector<FmtArg> args = {{int_t, Value::of_int(static_cast<std::int64_t>(m->size()))},
                                    {int_t, *m->find(Value::of_float(0.0))},
                                    {tt.basic(Kind::Bool), Value::of_bool(false)},
                                    {tt.map(f64, int_t), keep}};
  const std::string out = sprintln(args, hooks);
  CHECK((out == "3 4 false map[NaN:2 NaN:1 -0:4]\n" || out == "3 4 false map[NaN:1 NaN:2 -0:4]\n"));
}

TEST_CASE("MapObj: interface keys compare dynamic type and value") {
  TypeTable tt;
  const TypeRef any = tt.empty_interface();
  const TypeRef int_t = tt.basic(Kind::Int);
  const TypeRef i64 = tt.basic(Kind::Int64);
  MapObj m(any);
  m.retain();  // on the stack: never released to zero
  m.insert_or_assign(make_iface(int_t, Value::of_int(1)), Value::of_int(1));
  m.insert_or_assign(make_iface(i64, Value::of_int(1)), Value::of_int(2));
  m.insert_or_assign(make_iface(int_t, Value::of_int(1)), Value::of_int(3));
  m.insert_or_assign(make_iface(tt.basic(Kind::String), make_string("1")), Value::of_int(4));
  CHECK(m.size() == 3);
  CHECK(m.find(make_iface(int_t, Value::of_int(1)))->i == 3);
  CHECK(m.find(make_iface(i64, Value::of_int(1)))->i == 2);
  CHECK(m.find(Value{}) == nullptr);  // the nil interface is a key like any other
  m.insert_or_assign(Value{}, Value::of_int(5));
  CHECK(m.find(Value{})->i == 5);
}

TEST_CASE("MapObj: struct keys compare field by field, and erase keeps the others findable") {
  TypeTable tt;
  const TypeRef int_t = tt.basic(Kind::Int);
  Type* k = tt.named("K", "main");
  TypeTable::set_underlying(
      k, tt.structure({Field{"A", int_t, false}, Field{"B", tt.basic(Kind::String), false}}));
  auto* m = new MapObj(k);
  const Value keep = map_value(m);
  m->insert_or_assign(struct_value(1, "a"), Value::of_int(1));
  m->insert_or_assign(struct_value(1, "a"), Value::of_int(2));
  m->insert_or_assign(struct_value(1, "ab"), Value::of_int(3));
  CHECK(m->erase(struct_value(1, "a")));
  CHECK_FALSE(m->erase(struct_value(1, "a")));
  FmtHooks hooks;
  const std::vector<FmtArg> args = {{int_t, Value::of_int(static_cast<std::int64_t>(m->size()))},
                                    {int_t, *m->find(struct_value(1, "ab"))},
                                    {tt.map(k, int_t), keep}};
  CHECK(sprintln(args, hooks) == "1 3 map[{1 ab}:3]\n");
  // "a"+"b" vs "ab"+"": the length prefix keeps strings apart inside composite keys.
  CHECK(map_key_bits(k, struct_value(1, "a")) != map_key_bits(k, struct_value(1, "ab")));
}

}  // namespace
}  // namespace poolscope::golang
