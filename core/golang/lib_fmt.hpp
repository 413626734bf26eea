#pragma once
// Go's fmt (Print, Println, Printf, Errorf and their S forms), to the letter of go1.19,
// over values of the subset (value.hpp) and their types (types.hpp).
//
// Contract
// - An argument is the DYNAMIC type and value of an operand of `...any`: a nil interface
//   is type == nullptr. (An interface type is unwrapped to its dynamic one.)
// - Error() and String() methods are called through FmtHooks::call, as fmt calls them:
//   for the verbs v s x X q (not with %#v, which calls GoString() instead), at the top
//   level and for nested operands (slice, array and map items, struct fields) when the
//   dynamic type's method set has them (value receivers only for a value, both for a
//   pointer; methods promoted through embedded fields too, which `call` must then
//   resolve) and, for nested ones, unless they were reached through an unexported
//   field. Error() is preferred over String(). When call returns nullopt the value is
//   printed as if it had no such method, except for a nil pointer receiver: call returns
//   nullopt when the method panicked on it, and fmt prints <nil> as Go's catchPanic
//   does. Other panics of a method (`%!v(PANIC=String method: ...)`) are out of scope.
// - Maps print in fmt's sorted key order (internal/fmtsort). One departure: keys of
//   interface type whose dynamic types differ are ordered by type name, where Go orders
//   them by the address of the type's descriptor.
// - Addresses (%p, %v of chans, funcs, nested pointers) are not Go's: FmtHooks::address
//   gives them when set (the interpreter may number objects for stable output), else
//   they are 0xc000000000 plus the object's host address modulo 2^36.
// - Not implemented: complex numbers, fmt.Formatter, %!v(PANIC=...).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/golang/types.hpp"
#include "core/golang/value.hpp"

namespace poolscope::golang {

struct FmtArg {
  TypeRef type = nullptr;  // dynamic type; nullptr = nil interface
  Value value;
};

struct FmtHooks {
  // Calls method `method` ("Error", "String" or "GoString", all `func() string`) of a
  // value of dynamic type t; nullopt if it cannot.
  std::function<std::optional<std::string>(TypeRef, const Value&, std::string_view method)> call;
  // Optional: the address fmt shows for an object.
  std::function<std::uint64_t(const HeapObject*)> address;
};

// fmt.Sprint: operands separated by a space when neither side is a string.
[[nodiscard]] std::string sprint(std::span<const FmtArg> args, FmtHooks& hooks);
// fmt.Sprintln: operands separated by spaces, then a newline.
[[nodiscard]] std::string sprintln(std::span<const FmtArg> args, FmtHooks& hooks);
// fmt.Sprintf.
[[nodiscard]] std::string sprintf(std::string_view format, std::span<const FmtArg> args,
                                  FmtHooks& hooks);

// fmt.Errorf's text, and the index in args of the operand of its %w verb when there is
// exactly one valid one (an error; go1.19 allows one %w): the interpreter wraps it.
struct ErrorfText {
  std::string text;
  std::optional<std::size_t> wrapped;
};
[[nodiscard]] ErrorfText errorf(std::string_view format, std::span<const FmtArg> args,
                                FmtHooks& hooks);

}  // namespace poolscope::golang
