// lib_fmt against real Go: every expected text in fmt_cases.inc is go1.19.8's output for
// the same operands (gen_fmt_cases.py writes the Go program, runs it and the table).
// Addresses differ from run to run in Go too: both sides have them replaced by 0xADDR.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "core/golang/lib_fmt.hpp"
#include "core/golang/lib_time_format.hpp"

namespace poolscope::golang {
namespace {

using namespace std::literals;

Value agg(std::vector<Value> items) {
  auto* a = new AggregateObj;
  a->items = std::move(items);
  Value v;
  v.obj = a;
  return v;
}

Value slice(std::vector<Value> items) {
  Value v = agg(std::move(items));
  v.len = v.cap = static_cast<std::uint32_t>(static_cast<AggregateObj&>(*v.obj).items.size());
  return v;
}

Value ptr_to(const Value& aggregate) {
  Value v;
  v.obj = aggregate.obj;
  v.i = kWhole;
  return v;
}

Value I(std::int64_t x) { return Value::of_int(x); }
Value F(double x) { return Value::of_float(x); }
Value S(std::string s) { return make_string(std::move(s)); }

// The types and values of gen_fmt_cases.py's FIXTURES, with the methods its Go
// prelude declares, called through the hooks.
class Env {
 public:
  Env() {
    const TypeRef str_t = tt.basic(Kind::String);
    const TypeRef int_t = tt.basic(Kind::Int);
    T = named("T", struct_of({{"A", int_t}, {"B", str_t}}));
    U = named("U", struct_of({{"a", int_t}, {"b", str_t}}));
    N = named("N", struct_of({{"T", T}, {"P", tt.pointer(T)}, {"L", tt.slice(int_t)}}));
    Sn = named("S", int_t);
    method(Sn, "String", false);
    E = named("E", struct_of({{"msg", str_t}}));
    method(E, "Error", true);
    W = named("W", struct_of({{"Err", tt.error_type()}, {"err", tt.error_type()}}));
    X2 = named("X2", struct_of({{"s", Sn}, {"X", Sn}}));
    PS = named("PS", struct_of({{"n", int_t}}));
    method(PS, "String", true);
    Both = named("Both", int_t);
    method(Both, "Error", false);
    method(Both, "String", false);
    Celsius = named("Celsius", tt.basic(Kind::Float64));
    Name = named("Name", str_t);
    Field embedded{"T", T, true};
    Wrap = named("Wrap", tt.structure({embedded, Field{"N", int_t, false}}));
    Duration = named("Duration", tt.basic(Kind::Int64), "time");
    method(Duration, "String", false);
    Method string_m;
    string_m.name = "String";
    string_m.sig = tt.func({}, {str_t}, false);
    string_iface = tt.interface({string_m});
    Stringer = named("Stringer", string_iface, "fmt");
    L = named("L", tt.slice(int_t));
    method(L, "String", false);
    Flag = named("Flag", tt.basic(Kind::Bool));
    H = named("H", struct_of({{"S", Sn}, {"n", int_t}}));
    Wrap2 = named("Wrap2", tt.structure({Field{"S", Sn, true}, Field{"n", int_t, false}}));
    ErrWrap =
        named("ErrWrap",
              tt.structure({Field{"error", tt.error_type(), true}, Field{"code", int_t, false}}));
    PWrap = named("PWrap", tt.structure({Field{"PS", tt.pointer(PS), true}}));
    VWrap = named("VWrap", tt.structure({Field{"PS", PS, true}}));
    Deep = named("Deep", tt.structure({Field{"Wrap2", Wrap2, true}}));
    hooks.call = [this](TypeRef t, const Value& v,
                        std::string_view m) -> std::optional<std::string> {
      if (t == Sn && m == "String") return "S" + std::to_string(v.i);
      if (t == tt.pointer(E) && m == "Error") {
        if (!v.obj) return std::nullopt;  // Go: nil pointer dereference in Error()
        return "E:" + string_of(static_cast<const AggregateObj&>(*v.obj).items[0]);
      }
      if (t == tt.pointer(PS) && m == "String") return "PS";
      if (t == Both) return m == "Error" ? "err" : "str";
      if (t == Duration && m == "String") return duration_string(v.i);
      if (t == L && m == "String") return "L";
      return promoted(t, v, m);
      return std::nullopt;
    };
  }

  FmtArg num(std::string_view kind, std::string_view text) const {
    static const std::vector<std::pair<std::string_view, Kind>> kKinds = {
        {"int", Kind::Int},       {"int8", Kind::Int8},       {"int16", Kind::Int16},
        {"int32", Kind::Int32},   {"int64", Kind::Int64},     {"uint", Kind::Uint},
        {"uint8", Kind::Uint8},   {"uint16", Kind::Uint16},   {"uint32", Kind::Uint32},
        {"uint64", Kind::Uint64}, {"float32", Kind::Float32}, {"float64", Kind::Float64}};
    Kind k = Kind::Int;
    for (const auto& [name, kk] : kKinds) {
      if (name == kind) k = kk;
    }
    const std::string s(text);
    if (k == Kind::Float32 || k == Kind::Float64) {
      double x = parse_float_text(s);
      if (k == Kind::Float32) x = static_cast<double>(static_cast<float>(x));
      return {tt.basic(k), F(x)};
    }
    if (k == Kind::Uint64 || k == Kind::Uint) {
      return {tt.basic(k), I(static_cast<std::int64_t>(std::strtoull(s.c_str(), nullptr, 10)))};
    }
    return {tt.basic(k), I(std::strtoll(s.c_str(), nullptr, 10))};
  }
  FmtArg str(std::string_view s) const { return {tt.basic(Kind::String), S(std::string(s))}; }
  FmtArg boolean(bool b) const { return {tt.basic(Kind::Bool), Value::of_bool(b)}; }

  FmtArg fx(std::string_view name);

  TypeTable tt;
  TypeRef T, U, N, Sn, E, W, X2, PS, Both, Celsius, Name, Wrap, Duration;
  TypeRef string_iface, Stringer, L, Flag, H;
  TypeRef Wrap2, ErrWrap, PWrap, VWrap, Deep;
  FmtHooks hooks;

 private:
  // Go constants: "math.Inf(1)", "1.0 / 3", "-0.0" (which is 0 in Go), "1e6".
  static double parse_float_text(const std::string& s) {
    if (s == "math.Inf(1)") return std::numeric_limits<double>::infinity();
    if (s == "math.Inf(-1)") return -std::numeric_limits<double>::infinity();
    if (s == "math.NaN()") return std::numeric_limits<double>::quiet_NaN();
    if (const auto slash = s.find(" / "); slash != std::string::npos) {
      return std::strtod(s.substr(0, slash).c_str(), nullptr) /
             std::strtod(s.substr(slash + 3).c_str(), nullptr);
    }
    const double x = std::strtod(s.c_str(), nullptr);
    return x == 0 ? 0.0 : x;
  }
  TypeRef struct_of(std::vector<std::pair<std::string, TypeRef>> fields) {
    std::vector<Field> out;
    for (auto& [name, type] : fields) out.push_back(Field{name, type, false});
    return tt.structure(std::move(out));
  }
  TypeRef named(std::string name, TypeRef u, std::string pkg = "main") {
    Type* t = tt.named(std::move(name), std::move(pkg));
    TypeTable::set_underlying(t, u);
    return t;
  }
  void method(TypeRef t, std::string name, bool pointer_recv) {
    Method m;
    m.name = std::move(name);
    m.sig = tt.func({}, {tt.basic(Kind::String)}, false);
    m.pointer_recv = pointer_recv;
    TypeTable::add_method(const_cast<Type*>(t), std::move(m));
  }
  Value map_of(TypeRef key, std::vector<std::pair<Value, Value>> entries) {
    auto* m = new MapObj(key);
    for (auto& [k, v] : entries) m->insert_or_assign(k, v);
    Value out;
    out.obj = m;
    return out;
  }
  Value t_value(std::int64_t a, std::string b) { return agg({I(a), S(std::move(b))}); }
  Value iface(TypeRef t, Value v) { return make_iface(t, std::move(v)); }
  FmtArg fx_basic(std::string_view name);
  FmtArg fx_maps(std::string_view name);
  FmtArg fx_methods(std::string_view name);
  FmtArg fx_more(std::string_view name);
  FmtArg fx_promoted(std::string_view name);
  // The methods promoted through embedded fields in the fixtures (the interpreter's job).
  std::optional<std::string> promoted(TypeRef t, const Value& v, std::string_view m) {
    const auto& items = static_cast<const AggregateObj&>(*v.obj).items;
    if (t == Wrap2 && m == "String") return "S" + std::to_string(items[0].i);
    if (t == Deep && m == "String") {
      return "S" + std::to_string(static_cast<const AggregateObj&>(*items[0].obj).items[0].i);
    }
    if ((t == PWrap || t == tt.pointer(VWrap)) && m == "String") return "PS";
    if (t == ErrWrap && m == "Error") {
      const IfaceObj* inner = iface_of(items[0]);
      return "E:" + string_of(static_cast<const AggregateObj&>(*inner->value.obj).items[0]);
    }
    return std::nullopt;
  }
};

FmtArg Env::fx_basic(std::string_view name) {
  const TypeRef int_t = tt.basic(Kind::Int);
  const TypeRef u8 = tt.basic(Kind::Uint8);
  if (name == "T1") return {T, t_value(1, "x")};
  if (name == "PT1") return {tt.pointer(T), ptr_to(t_value(1, "x"))};
  if (name == "NilPT") return {tt.pointer(T), Value{}};
  if (name == "U1") return {U, t_value(2, "y")};
  if (name == "Ints") return {tt.slice(int_t), slice({I(1), I(2), I(3)})};
  if (name == "NilInts") return {tt.slice(int_t), Value{}};
  if (name == "EmptyInts") return {tt.slice(int_t), slice({})};
  if (name == "Arr") return {tt.array(int_t, 3), agg({I(1), I(2), I(3)})};
  if (name == "Bytes") return {tt.slice(u8), slice({I('h'), I('i'), I(0)})};
  if (name == "NilBytes") return {tt.slice(u8), Value{}};
  if (name == "ByteArr") return {tt.array(u8, 2), agg({I('a'), I('b')})};
  if (name == "Strs") return {tt.slice(tt.basic(Kind::String)), slice({S("a"), S("b c")})};
  if (name == "Nested") return {N, agg({t_value(1, "a"), Value{}, slice({I(3)})})};
  if (name == "Empty") return {tt.structure({}), agg({})};
  if (name == "Anon") {
    return {struct_of({{"A", int_t}, {"b", tt.basic(Kind::String)}}), t_value(1, "x")};
  }
  if (name == "Chan") return {tt.chan(int_t, ChanDir::Both), Value{}};
  if (name == "RecvChan") return {tt.chan(int_t, ChanDir::Recv), Value{}};
  if (name == "NilFunc") return {tt.func({int_t}, {tt.basic(Kind::String)}, false), Value{}};
  if (name == "NilIntPtr") return {tt.pointer(int_t), Value{}};
  if (name == "PtrSlice") return {tt.slice(tt.pointer(T)), slice({Value{}})};
  if (name == "Grid") {
    return {tt.slice(tt.slice(int_t)), slice({slice({I(1), I(2)}), slice({I(3)})})};
  }
  if (name == "Runes") {
    return {tt.slice(tt.basic(Kind::Int32)), slice({I('h'), I(0xE9), I('l'), I('l'), I('o')})};
  }
  if (name == "Floats") {
    return {tt.slice(tt.basic(Kind::Float64)), slice({F(1), F(0.5), F(1e21), F(0)})};
  }
  if (name == "F32s") {
    return {tt.slice(tt.basic(Kind::Float32)),
            slice({F(static_cast<double>(0.1F)), F(static_cast<double>(1.0F / 3))})};
  }
  if (name == "WrapT") return {Wrap, agg({t_value(1, "x"), I(2)})};
  if (name == "PArr") return {tt.pointer(tt.array(int_t, 2)), ptr_to(agg({I(1), I(2)}))};
  if (name == "AnySlice") {
    return {tt.slice(tt.empty_interface()),
            slice({iface(int_t, I(1)), iface(tt.basic(Kind::String), S("a")), Value{},
                   iface(tt.basic(Kind::Float64), F(2.5)),
                   iface(tt.basic(Kind::Bool), Value::of_bool(true))})};
  }
  return fx_maps(name);
}

FmtArg Env::fx_maps(std::string_view name) {
  const TypeRef int_t = tt.basic(Kind::Int);
  const TypeRef str_t = tt.basic(Kind::String);
  const TypeRef f64 = tt.basic(Kind::Float64);
  const double inf = std::numeric_limits<double>::infinity();
  if (name == "MapSI") {
    return {tt.map(str_t, int_t), map_of(str_t, {{S("b"), I(2)}, {S("a"), I(1)}, {S("c"), I(3)}})};
  }
  if (name == "MapIS") {
    return {tt.map(int_t, str_t),
            map_of(int_t, {{I(3), S("c")}, {I(-1), S("m")}, {I(10), S("t")}})};
  }
  if (name == "NilMap") return {tt.map(str_t, int_t), Value{}};
  if (name == "MapFB") {
    const TypeRef b = tt.basic(Kind::Bool);
    return {tt.map(f64, b), map_of(f64, {{F(std::nan("")), Value::of_bool(true)},
                                         {F(2.5), Value::of_bool(false)},
                                         {F(-1), Value::of_bool(true)},
                                         {F(-inf), Value::of_bool(false)}})};
  }
  if (name == "MapBI") {
    const TypeRef b = tt.basic(Kind::Bool);
    return {tt.map(b, int_t),
            map_of(b, {{Value::of_bool(true), I(1)}, {Value::of_bool(false), I(0)}})};
  }
  if (name == "MapTK") {
    return {tt.map(T, int_t),
            map_of(T, {{t_value(2, "a"), I(1)}, {t_value(1, "b"), I(2)}, {t_value(1, "a"), I(3)}})};
  }
  if (name == "MapAnyK") {
    const TypeRef any = tt.empty_interface();
    return {tt.map(any, int_t), map_of(any, {{iface(int_t, I(3)), I(1)},
                                             {iface(int_t, I(1)), I(2)},
                                             {iface(int_t, I(2)), I(3)}})};
  }
  if (name == "MapSSl") {
    return {tt.map(str_t, tt.slice(int_t)),
            map_of(str_t, {{S("z"), slice({I(1)})}, {S("a"), Value{}}})};
  }
  if (name == "MapPtrT") return {tt.map(str_t, tt.pointer(T)), map_of(str_t, {{S("k"), Value{}}})};
  if (name == "StrMapAny") {
    return {tt.map(str_t, tt.empty_interface()),
            map_of(str_t, {{S("b"), iface(tt.slice(int_t), slice({I(1)}))}, {S("a"), Value{}}})};
  }
  return fx_methods(name);
}

FmtArg Env::fx_methods(std::string_view name) {
  const TypeRef pe = tt.pointer(E);
  if (name == "S5") return {Sn, I(5)};
  if (name == "SliceS") return {tt.slice(Sn), slice({I(1), I(2)})};
  if (name == "PE") return {pe, ptr_to(agg({S("boom")}))};
  if (name == "EVal") return {E, agg({S("v")})};
  if (name == "Errs") {
    return {tt.slice(tt.error_type()), slice({iface(pe, ptr_to(agg({S("a")}))), Value{}})};
  }
  if (name == "W1") return {W, agg({iface(pe, ptr_to(agg({S("x")}))), Value{}})};
  if (name == "X2") return {X2, agg({I(1), I(2)})};
  if (name == "PS1") return {tt.pointer(PS), ptr_to(agg({I(1)}))};
  if (name == "PSVal") return {PS, agg({I(1)})};
  if (name == "SlicePPS") return {tt.slice(tt.pointer(PS)), slice({ptr_to(agg({I(1)}))})};
  if (name == "SlicePS") return {tt.slice(PS), slice({agg({I(1)})})};
  if (name == "Both1") return {Both, I(1)};
  if (name == "Cel") return {Celsius, F(36.6)};
  if (name == "Nm") return {Name, S("bob")};
  if (name == "Hello") return {Name, S("h\xc3\xa9llo")};
  if (name == "Dur") return {Duration, I(1500000000)};
  if (name == "DurSlice") {
    return {tt.slice(Duration), slice({I(1000000000), I(90LL * 60 * 1000000000)})};
  }
  return fx_more(name);
}

FmtArg Env::fx_more(std::string_view name) {
  const TypeRef int_t = tt.basic(Kind::Int);
  const TypeRef str_t = tt.basic(Kind::String);
  if (name == "MapSK") return {tt.map(Sn, int_t), map_of(Sn, {{I(2), I(1)}, {I(1), I(2)}})};
  if (name == "BS1") {
    return {named("BS", struct_of({{"B", tt.slice(tt.basic(Kind::Uint8))}})),
            agg({slice({I('h'), I('i')})})};
  }
  if (name == "EP1") {
    const TypeRef ep =
        named("EP", tt.structure({Field{"T", tt.pointer(T), true}, Field{"N", int_t, false}}));
    return {ep, agg({Value{}, I(1)})};
  }
  if (name == "Stringers") return {tt.slice(Stringer), slice({iface(Sn, I(1)), Value{}})};
  if (name == "AnonEmb") {
    return {tt.structure({Field{"T", T, true}, Field{"n", int_t, false}}),
            agg({t_value(1, "x"), I(2)})};
  }
  if (name == "IfaceSl") return {tt.slice(string_iface), slice({})};
  if (name == "FancyMap") {
    return {tt.map(str_t, tt.slice(tt.chan(int_t, ChanDir::Send))), map_of(str_t, {})};
  }
  if (name == "VarFunc") {
    return {tt.func({tt.slice(int_t)}, {int_t, tt.error_type()}, true), Value{}};
  }
  if (name == "ChanChan") {
    return {tt.chan(tt.chan(int_t, ChanDir::Recv), ChanDir::Both), Value{}};
  }
  if (name == "ArrSl") return {tt.array(tt.slice(tt.pointer(T)), 2), agg({Value{}, Value{}})};
  if (name == "L1") return {L, slice({I(1), I(2)})};
  if (name == "LSlice") return {tt.slice(L), slice({slice({I(1)}), Value{}})};
  if (name == "Flag1") return {Flag, Value::of_bool(true)};
  if (name == "H1") return {H, agg({I(1), I(2)})};
  if (name == "MapTS") return {tt.map(str_t, H), map_of(str_t, {{S("a"), agg({I(3), I(4)})}})};
  if (name == "PH") return {tt.pointer(H), ptr_to(agg({I(1), I(2)}))};
  if (name == "NilE") return {tt.pointer(E), Value{}};
  return fx_promoted(name);
}

FmtArg Env::fx_promoted(std::string_view name) {
  if (name == "Wrap2") return {Wrap2, agg({I(1), I(2)})};
  if (name == "ErrWrap1")
    return {ErrWrap, agg({iface(tt.pointer(E), ptr_to(agg({S("in")}))), I(3)})};
  if (name == "PWrap1") return {PWrap, agg({ptr_to(agg({I(1)}))})};
  if (name == "VWrap1") return {VWrap, agg({agg({I(1)})})};
  if (name == "PVWrap1") return {tt.pointer(VWrap), ptr_to(agg({agg({I(1)})}))};
  if (name == "Deep1") return {Deep, agg({agg({I(4), I(5)})})};
  if (name == "NilEs") return {tt.slice(tt.error_type()), slice({iface(tt.pointer(E), Value{})})};
  FAIL("unknown fixture " << name);
  return {};
}

FmtArg Env::fx(std::string_view name) { return fx_basic(name); }

struct Case {
  std::string_view kind;
  std::string_view format;
  std::vector<FmtArg> args;
  std::string_view expected;
  bool wrapped;
};

std::string without_addresses(std::string s) {
  static const std::regex kAddress("0xc[0-9a-f]{9}");
  return std::regex_replace(s, kAddress, "0xADDR");
}

TEST_CASE("fmt: Sprintf, Sprint, Sprintln and Errorf print as go1.19 does") {
  Env e;
  const std::vector<Case> cases = {
#include "tests/golang/fmt_cases.inc"
  };
  CHECK(cases.size() > 300);
  for (const Case& c : cases) {
    std::string got;
    bool wrapped = false;
    if (c.kind == "printf") {
      got = sprintf(c.format, c.args, e.hooks);
    } else if (c.kind == "print") {
      got = sprint(c.args, e.hooks);
    } else if (c.kind == "println") {
      got = sprintln(c.args, e.hooks);
    } else {
      const ErrorfText r = errorf(c.format, c.args, e.hooks);
      got = r.text;
      wrapped = r.wrapped.has_value();
    }
    INFO(c.kind, " ", c.format);
    CHECK(without_addresses(got) == without_addresses(std::string(c.expected)));
    CHECK(wrapped == c.wrapped);
  }
}

TEST_CASE("fmt: the %w operand's index is returned for the interpreter to wrap") {
  Env e;
  const std::vector<FmtArg> args = {e.num("int", "3"), e.fx("PE")};
  const ErrorfText r = errorf("n=%d: %w", args, e.hooks);
  CHECK(r.text == "n=3: E:boom");
  REQUIRE(r.wrapped.has_value());
  CHECK(*r.wrapped == 1);
}

TEST_CASE("fmt: addresses come from the address hook when it is set") {
  Env e;
  e.hooks.address = [](const HeapObject*) { return std::uint64_t{0xc000010000}; };
  const std::vector<FmtArg> args = {e.fx("PE"), e.fx("Ints"), e.fx("NilIntPtr")};
  // Shapes as Go prints them: %p and %v of a nested pointer as 0x..., %#p without 0x.
  CHECK(sprintf("%p %#p %p", args, e.hooks) == "0xc000010000 c000010000 0x0");
  const std::vector<FmtArg> nested = {e.fx("Errs")};
  CHECK(sprintf("%#v", nested, e.hooks) == "[]error{(*main.E)(0xc000010000), error(nil)}");
}

}  // namespace
}  // namespace poolscope::golang
