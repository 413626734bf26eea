// The runtime's own printing (panic values, print/println) against go1.19.8. Expected
// texts are the outputs of Go programs run for this test:
//   println(v) for each float below (runtime.printfloat), and `panic(X)` of each value.
// Addresses differ from run to run in Go: only their shape is checked.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "core/golang/lib_print.hpp"

namespace poolscope::golang {
namespace {

TEST_CASE("print: floats as runtime.printfloat writes them") {
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(runtime_float_string(1.5) == "+1.500000e+000");
  CHECK(runtime_float_string(0.1) == "+1.000000e-001");
  CHECK(runtime_float_string(1e100) == "+1.000000e+100");
  CHECK(runtime_float_string(-0.0) == "-0.000000e+000");
  CHECK(runtime_float_string(0.0) == "+0.000000e+000");
  CHECK(runtime_float_string(123456789.0) == "+1.234568e+008");
  CHECK(runtime_float_string(1.0 / 3) == "+3.333333e-001");
  CHECK(runtime_float_string(5e-324) == "+4.940656e-324");
  CHECK(runtime_float_string(1.7976931348623157e308) == "+1.797693e+308");
  CHECK(runtime_float_string(0.5) == "+5.000000e-001");
  CHECK(runtime_float_string(9.9999999) == "+1.000000e+001");
  CHECK(runtime_float_string(99999995) == "+1.000000e+008");
  CHECK(runtime_float_string(static_cast<double>(0.1F)) == "+1.000000e-001");
  CHECK(runtime_float_string(-2.5e-7) == "-2.500000e-007");
  CHECK(runtime_float_string(inf) == "+Inf");
  CHECK(runtime_float_string(-inf) == "-Inf");
  CHECK(runtime_float_string(std::nan("")) == "NaN");
  CHECK(runtime_float_string(1e-300) == "+1.000000e-300");
  CHECK(runtime_float_string(7) == "+7.000000e+000");
}

class PanicEnv {
 public:
  PanicEnv() {
    const TypeRef int_t = tt.basic(Kind::Int);
    T = named("T", tt.structure({Field{"A", int_t, false}}));
    MyInt = named("MyInt", int_t);
    MyStr = named("MyStr", tt.basic(Kind::String));
    MyF = named("MyF", tt.basic(Kind::Float64));
    MyB = named("MyB", tt.basic(Kind::Bool));
    St = named("St", tt.structure({}));
    Method m;
    m.name = "String";
    m.sig = tt.func({}, {tt.basic(Kind::String)}, false);
    TypeTable::add_method(St, m);
    Err = named("wrapError", tt.structure({}), "fmt");
    m.name = "Error";
    m.pointer_recv = true;
    TypeTable::add_method(Err, m);
    hooks.call = [this](TypeRef t, const Value&,
                        std::string_view name) -> std::optional<std::string> {
      if (t == St && name == "String") return "stringer!";
      if (t == tt.pointer(Err) && name == "Error") return "wrapped 3";
      return std::nullopt;
    };
  }
  std::string panic_text(TypeRef t, Value v) { return panic_value_string(t, v, hooks); }

  TypeTable tt;
  Type *T, *MyInt, *MyStr, *MyF, *MyB, *St, *Err;
  FmtHooks hooks;

 private:
  Type* named(std::string name, TypeRef u, std::string pkg = "main") {
    Type* t = tt.named(std::move(name), std::move(pkg));
    TypeTable::set_underlying(t, u);
    return t;
  }
};

TEST_CASE("print: panic values as go1.19 prints them after panic: ") {
  PanicEnv e;
  auto& tt = e.tt;
  CHECK(e.panic_text(tt.basic(Kind::Int), Value::of_int(42)) == "42");
  CHECK(e.panic_text(tt.basic(Kind::String), make_string("boom")) == "boom");
  CHECK(e.panic_text(tt.basic(Kind::String), make_string("multi\nline")) == "multi\nline");
  CHECK(e.panic_text(tt.basic(Kind::Float64), Value::of_float(1.5)) == "+1.500000e+000");
  CHECK(e.panic_text(tt.basic(Kind::Float32), Value::of_float(static_cast<double>(0.1F))) ==
        "+1.000000e-001");
  CHECK(e.panic_text(tt.basic(Kind::Bool), Value::of_bool(true)) == "true");
  CHECK(e.panic_text(tt.basic(Kind::Uint8), Value::of_int(200)) == "200");
  CHECK(e.panic_text(tt.basic(Kind::Int8), Value::of_int(-3)) == "-3");
  CHECK(e.panic_text(e.MyInt, Value::of_int(5)) == "main.MyInt(5)");
  CHECK(e.panic_text(e.MyStr, make_string("x")) == "main.MyStr(\"x\")");
  CHECK(e.panic_text(e.MyF, Value::of_float(2.5)) == "main.MyF(+2.500000e+000)");
  CHECK(e.panic_text(e.MyB, Value::of_bool(true)) == "main.MyB(true)");
  CHECK(e.panic_text(e.St, zero_value(e.St)) == "stringer!");
  Value wrapped;
  wrapped.obj = new AggregateObj;
  wrapped.i = kWhole;
  CHECK(e.panic_text(tt.pointer(e.Err), wrapped) == "wrapped 3");
  CHECK(e.panic_text(tt.error_type(), make_iface(tt.pointer(e.Err), wrapped)) == "wrapped 3");
  CHECK(e.panic_text(nullptr, Value{}) == "nil");
  CHECK(e.panic_text(tt.empty_interface(), Value{}) == "nil");
  // Go: "(main.T) 0x4e78e8", "(*main.T) 0xc0000a2000", "([]int) 0xc000094018".
  CHECK(e.panic_text(e.T, zero_value(e.T)).rfind("(main.T) 0x", 0) == 0);
  CHECK(e.panic_text(tt.pointer(e.T), wrapped).rfind("(*main.T) 0x", 0) == 0);
  Value s;
  s.obj = new AggregateObj;
  CHECK(e.panic_text(tt.slice(tt.basic(Kind::Int)), s).rfind("([]int) 0x", 0) == 0);
}

TEST_CASE("print: operands of the print and println builtins") {
  PanicEnv e;
  auto& tt = e.tt;
  CHECK(builtin_print_string(tt.basic(Kind::Int8), Value::of_int(-3), e.hooks) == "-3");
  CHECK(builtin_print_string(tt.basic(Kind::Uint64), Value::of_int(-1), e.hooks) ==
        "18446744073709551615");
  CHECK(builtin_print_string(tt.basic(Kind::Bool), Value::of_bool(true), e.hooks) == "true");
  CHECK(builtin_print_string(tt.basic(Kind::String), make_string("s"), e.hooks) == "s");
  CHECK(builtin_print_string(tt.slice(tt.basic(Kind::Int)), Value{}, e.hooks) == "[0/0]0x0");
  CHECK(builtin_print_string(tt.empty_interface(), Value{}, e.hooks) == "(0x0,0x0)");
  CHECK(builtin_print_string(tt.pointer(tt.basic(Kind::Int)), Value{}, e.hooks) == "0x0");
}

}  // namespace
}  // namespace poolscope::golang
