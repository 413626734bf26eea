#pragma once
// What Go's runtime prints by itself, without fmt: the value of an unrecovered panic
// (`panic: ...`) and the builtins print/println (to standard error), as go1.19 words them.
//
// Contract
// - panic_value_string(t, v): the text after "panic: " for a panic value of dynamic type
//   t (nullptr: a nil interface, "nil"). An error prints its Error(), else a Stringer its
//   String() (through FmtHooks::call); the basic kinds as the runtime prints them
//   (1.5 as +1.500000e+000); named basic kinds as `main.MyInt(5)`, `main.S("x")`;
//   anything else as `(main.T) 0xc000012345`, with a FmtHooks::address or host address
//   (Go's differs from run to run).
// - builtin_print_string(t, v): one operand of print/println; println puts spaces
//   between operands and a newline after them (the caller does).
// - runtime_float_string: runtime.printfloat, 7 significant digits: +1.500000e+000.
#include <string>

#include "core/golang/lib_fmt.hpp"

namespace poolscope::golang {

[[nodiscard]] std::string runtime_float_string(double v);
[[nodiscard]] std::string panic_value_string(TypeRef t, const Value& v, FmtHooks& hooks);
[[nodiscard]] std::string builtin_print_string(TypeRef t, const Value& v, FmtHooks& hooks);

}  // namespace poolscope::golang
