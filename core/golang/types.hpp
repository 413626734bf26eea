#pragma once
// Types of the Go subset (YOUR_CODE.md): what the checker computes for every expression,
// what the interpreter and fmt read to give values their meaning.
//
// Contract
// - A Type is immutable once built and owned by a TypeTable; a TypeRef is a plain
//   pointer that stays valid as long as its table.
// - Identity is pointer equality: the table interns every composite type (two `[]int`
//   are one object), and each named type (`type T struct{...}`, time.Duration) is an
//   object of its own, as Go's type identity says.
// - type_string() words a type as Go 1.19's checker does in messages (`[]int`,
//   `map[string]int`, `<-chan int`, `func(int) error`, `struct{x int}`, a named type of
//   package main unqualified: `T`); with Qualify::Always, as fmt's %T (reflect) does
//   (`main.T`, `time.Duration`, `struct { A int }`, `interface {}`).
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace poolscope::golang {

enum class Kind : std::uint8_t {
  Invalid,
  Bool,
  Int,
  Int8,
  Int16,
  Int32,  // rune
  Int64,
  Uint,
  Uint8,  // byte
  Uint16,
  Uint32,
  Uint64,
  Uintptr,
  Float32,
  Float64,
  String,
  UntypedBool,
  UntypedInt,
  UntypedRune,
  UntypedFloat,
  UntypedString,
  UntypedNil,
  Array,
  Slice,
  Struct,
  Pointer,
  Func,
  Interface,
  Map,
  Chan,
  Named,
  Tuple,  // results of a call with several values
};

enum class ChanDir : std::uint8_t { Both, Send, Recv };  // chan T, chan<- T, <-chan T

struct Type;
using TypeRef = const Type*;

struct Field {
  std::string name;  // for an embedded field, the type's name
  TypeRef type = nullptr;
  bool embedded = false;
};

// A method of a named type, or of an interface (then `impl` is null and pointer_recv
// false). `impl` is the interpreter's function (a FuncDecl or a library builtin).
struct Method {
  std::string name;
  TypeRef sig = nullptr;  // Kind::Func, without the receiver
  bool pointer_recv = false;
  const void* impl = nullptr;
};

struct Type {
  Kind kind = Kind::Invalid;
  TypeRef elem = nullptr;  // Array, Slice, Pointer, Map (value), Chan
  TypeRef key = nullptr;   // Map
  std::int64_t len = 0;    // Array
  ChanDir dir = ChanDir::Both;
  std::vector<Field> fields;      // Struct
  std::vector<TypeRef> params;    // Func (variadic: the last is a slice); Tuple: items
  std::vector<TypeRef> results;   // Func
  bool variadic = false;          // Func
  std::vector<Method> methods;    // Interface (sorted by name), Named (declared ones)
  std::string name;               // Named: "T", "Duration", "WaitGroup"; basic: "int"
  std::string pkg;                // Named: "main", "time", "sync", ... ("" for error)
  TypeRef underlying_ = nullptr;  // Named: set once its declaration is checked

  [[nodiscard]] bool is_named() const noexcept { return kind == Kind::Named; }
};

// The type a Named one stands for (itself for the others). These predicates are inline:
// the interpreter asks them on every arithmetic operation.
[[nodiscard]] inline TypeRef underlying(TypeRef t) noexcept {
  while (t != nullptr && t->kind == Kind::Named) t = t->underlying_;
  return t;
}
[[nodiscard]] inline Kind underlying_kind(TypeRef t) noexcept {
  const TypeRef u = underlying(t);
  return u != nullptr ? u->kind : Kind::Invalid;
}
// incl. untyped int and rune
[[nodiscard]] inline bool is_integer(TypeRef t) noexcept {
  const Kind k = underlying_kind(t);
  return (k >= Kind::Int && k <= Kind::Uintptr) || k == Kind::UntypedInt || k == Kind::UntypedRune;
}
[[nodiscard]] inline bool is_unsigned(TypeRef t) noexcept {
  const Kind k = underlying_kind(t);
  return k >= Kind::Uint && k <= Kind::Uintptr;
}
// incl. untyped float
[[nodiscard]] inline bool is_float(TypeRef t) noexcept {
  const Kind k = underlying_kind(t);
  return k == Kind::Float32 || k == Kind::Float64 || k == Kind::UntypedFloat;
}
[[nodiscard]] inline bool is_numeric(TypeRef t) noexcept { return is_integer(t) || is_float(t); }
// incl. untyped string
[[nodiscard]] inline bool is_string(TypeRef t) noexcept {
  const Kind k = underlying_kind(t);
  return k == Kind::String || k == Kind::UntypedString;
}
// incl. untyped bool
[[nodiscard]] inline bool is_boolean(TypeRef t) noexcept {
  const Kind k = underlying_kind(t);
  return k == Kind::Bool || k == Kind::UntypedBool;
}
[[nodiscard]] inline bool is_untyped(TypeRef t) noexcept {
  const Kind k = t != nullptr ? t->kind : Kind::Invalid;
  return k >= Kind::UntypedBool && k <= Kind::UntypedNil;
}
[[nodiscard]] inline bool is_interface(TypeRef t) noexcept {
  return underlying_kind(t) == Kind::Interface;
}
// Bits of an integer kind (64 for int, uint, uintptr); 0 for other kinds.
[[nodiscard]] inline int int_bits(Kind k) noexcept {
  switch (k) {
    case Kind::Int8:
    case Kind::Uint8:
      return 8;
    case Kind::Int16:
    case Kind::Uint16:
      return 16;
    case Kind::Int32:
    case Kind::Uint32:
      return 32;
    case Kind::Int:
    case Kind::Int64:
    case Kind::Uint:
    case Kind::Uint64:
    case Kind::Uintptr:
      return 64;
    default:
      return 0;
  }
}
// The method named `name` in t's method set (value receivers only, or pointer ones
// too when `addressable`), looking through a pointer to a named type; null if none.
[[nodiscard]] const Method* find_method(TypeRef t, std::string_view name, bool addressable);

// The method `name` in the method set of a value of dynamic type t: t's own, or promoted
// through embedded fields (a pointer receiver only through a pointer); null if none.
[[nodiscard]] const Method* method_of(TypeRef t, std::string_view name);

enum class Qualify : std::uint8_t { OutsideMain, Always };
[[nodiscard]] std::string type_string(TypeRef t, Qualify q = Qualify::OutsideMain);

// Owns types; interns composite ones.
class TypeTable {
 public:
  TypeTable();
  TypeTable(const TypeTable&) = delete;
  TypeTable& operator=(const TypeTable&) = delete;

  [[nodiscard]] TypeRef basic(Kind k) const noexcept {
    return basics_[static_cast<std::size_t>(k)];
  }
  [[nodiscard]] TypeRef error_type() const noexcept { return error_; }  // the predeclared error
  [[nodiscard]] TypeRef empty_interface() const noexcept { return any_; }

  TypeRef slice(TypeRef elem);
  TypeRef array(TypeRef elem, std::int64_t len);
  TypeRef pointer(TypeRef elem);
  TypeRef map(TypeRef key, TypeRef value);
  TypeRef chan(TypeRef elem, ChanDir dir);
  TypeRef func(std::vector<TypeRef> params, std::vector<TypeRef> results, bool variadic);
  TypeRef tuple(std::vector<TypeRef> items);
  TypeRef structure(std::vector<Field> fields);
  TypeRef interface(std::vector<Method> methods);  // sorted here
  // A new named type; complete it with set_underlying and add_method.
  Type* named(std::string name, std::string pkg);
  static void set_underlying(Type* named, TypeRef underlying) { named->underlying_ = underlying; }
  static void add_method(Type* named, Method m) { named->methods.push_back(std::move(m)); }

 private:
  TypeRef intern(Type t);
  std::deque<Type> types_;
  std::map<std::string, TypeRef> interned_;  // by a structural key
  std::vector<TypeRef> basics_;
  TypeRef error_ = nullptr;
  TypeRef any_ = nullptr;
};

}  // namespace poolscope::golang
