#include "core/golang/types.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace poolscope::golang {

const Method* find_method(TypeRef t, std::string_view name, bool addressable) {
  if (t == nullptr) return nullptr;
  if (t->kind == Kind::Pointer && t->elem != nullptr && t->elem->kind == Kind::Named) {
    t = t->elem;
    addressable = true;
  }
  if (t->kind == Kind::Named) {
    for (const Method& m : t->methods) {
      if (m.name == name && (addressable || !m.pointer_recv)) return &m;
    }
  }
  const TypeRef u = underlying(t);
  if (u != nullptr && u->kind == Kind::Interface) {
    for (const Method& m : u->methods) {
      if (m.name == name) return &m;
    }
  }
  return nullptr;
}

// The method `name` in the method set of dynamic type t: its own or promoted through
// embedded fields (a pointer receiver only through a pointer).
const Method* method_of(TypeRef t, std::string_view name) {
  const bool is_ptr = t->kind == Kind::Pointer;
  std::vector<std::pair<TypeRef, bool>> level{{is_ptr ? t->elem : t, is_ptr}};
  for (int depth = 0; depth < 8 && !level.empty(); ++depth) {
    std::vector<std::pair<TypeRef, bool>> next;
    for (const auto& [type, through_ptr] : level) {
      if (type->kind == Kind::Named) {
        for (const Method& m : type->methods) {
          if (m.name == name && (through_ptr || !m.pointer_recv)) return &m;
        }
      }
      const TypeRef u = underlying(type);
      if (u == nullptr) continue;
      if (u->kind == Kind::Interface) {
        for (const Method& m : u->methods) {
          if (m.name == name) return &m;
        }
      }
      if (u->kind != Kind::Struct) continue;
      for (const Field& f : u->fields) {
        if (!f.embedded) continue;
        const bool ptr = f.type->kind == Kind::Pointer;
        next.emplace_back(ptr ? f.type->elem : f.type, through_ptr || ptr);
      }
    }
    level = std::move(next);
  }
  return nullptr;
}

namespace {

void append_func_sig(std::string& out, TypeRef t, Qualify q) {
  out += '(';
  for (std::size_t i = 0; i < t->params.size(); ++i) {
    if (i > 0) out += ", ";
    if (t->variadic && i + 1 == t->params.size()) {
      out += "..." + type_string(t->params[i]->elem, q);
    } else {
      out += type_string(t->params[i], q);
    }
  }
  out += ')';
  if (t->results.size() == 1) {
    out += ' ' + type_string(t->results[0], q);
  } else if (t->results.size() > 1) {
    out += " (";
    for (std::size_t i = 0; i < t->results.size(); ++i) {
      if (i > 0) out += ", ";
      out += type_string(t->results[i], q);
    }
    out += ')';
  }
}

}  // namespace

std::string type_string(TypeRef t, Qualify q) {
  if (t == nullptr) return "invalid type";
  switch (t->kind) {
    case Kind::Named:
      if (t->pkg.empty() || (t->pkg == "main" && q == Qualify::OutsideMain)) return t->name;
      return t->pkg + "." + t->name;
    case Kind::Array:
      return fmt::format("[{}]{}", t->len, type_string(t->elem, q));
    case Kind::Slice:
      return "[]" + type_string(t->elem, q);
    case Kind::Pointer:
      return "*" + type_string(t->elem, q);
    case Kind::Map:
      return "map[" + type_string(t->key, q) + "]" + type_string(t->elem, q);
    case Kind::Chan: {
      const char* prefix = t->dir == ChanDir::Send   ? "chan<- "
                           : t->dir == ChanDir::Recv ? "<-chan "
                                                     : "chan ";
      std::string elem = type_string(t->elem, q);
      // chan (<-chan int): parenthesised as Go writes it.
      if (t->dir != ChanDir::Send && t->elem->kind == Kind::Chan && t->elem->dir == ChanDir::Recv) {
        elem = "(" + elem + ")";
      }
      return prefix + elem;
    }
    case Kind::Func: {
      std::string out = "func";
      append_func_sig(out, t, q);
      return out;
    }
    case Kind::Tuple: {
      std::string out = "(";
      for (std::size_t i = 0; i < t->params.size(); ++i) {
        if (i > 0) out += ", ";
        out += type_string(t->params[i], q);
      }
      return out + ")";
    }
    case Kind::Struct: {
      // reflect (fmt's %T) writes "struct { A int }", the checker "struct{A int}".
      const bool reflect = q == Qualify::Always;
      if (t->fields.empty()) return reflect ? "struct {}" : "struct{}";
      std::string out = reflect ? "struct { " : "struct{";
      for (std::size_t i = 0; i < t->fields.size(); ++i) {
        if (i > 0) out += "; ";
        if (!t->fields[i].embedded) out += t->fields[i].name + " ";
        out += type_string(t->fields[i].type, q);
      }
      return out + (reflect ? " }" : "}");
    }
    case Kind::Interface: {
      const bool reflect = q == Qualify::Always;
      if (t->methods.empty()) return reflect ? "interface {}" : "interface{}";
      std::string out = reflect ? "interface { " : "interface{";
      for (std::size_t i = 0; i < t->methods.size(); ++i) {
        if (i > 0) out += "; ";
        out += t->methods[i].name;
        append_func_sig(out, t->methods[i].sig, q);
      }
      return out + (reflect ? " }" : "}");
    }
    case Kind::UntypedBool:
      return "untyped bool";
    case Kind::UntypedInt:
      return "untyped int";
    case Kind::UntypedRune:
      return "untyped rune";
    case Kind::UntypedFloat:
      return "untyped float";
    case Kind::UntypedString:
      return "untyped string";
    case Kind::UntypedNil:
      return "untyped nil";
    default:
      return t->name;
  }
}

TypeTable::TypeTable() {
  static constexpr std::pair<Kind, const char*> kBasics[] = {
      {Kind::Invalid, "invalid type"},
      {Kind::Bool, "bool"},
      {Kind::Int, "int"},
      {Kind::Int8, "int8"},
      {Kind::Int16, "int16"},
      {Kind::Int32, "int32"},
      {Kind::Int64, "int64"},
      {Kind::Uint, "uint"},
      {Kind::Uint8, "uint8"},
      {Kind::Uint16, "uint16"},
      {Kind::Uint32, "uint32"},
      {Kind::Uint64, "uint64"},
      {Kind::Uintptr, "uintptr"},
      {Kind::Float32, "float32"},
      {Kind::Float64, "float64"},
      {Kind::String, "string"},
      {Kind::UntypedBool, ""},
      {Kind::UntypedInt, ""},
      {Kind::UntypedRune, ""},
      {Kind::UntypedFloat, ""},
      {Kind::UntypedString, ""},
      {Kind::UntypedNil, ""},
  };
  basics_.assign(static_cast<std::size_t>(Kind::Tuple) + 1, nullptr);
  for (const auto& [kind, name] : kBasics) {
    Type t;
    t.kind = kind;
    t.name = name;
    basics_[static_cast<std::size_t>(kind)] = &types_.emplace_back(std::move(t));
  }
  any_ = interface({});
  Type* error = named("error", "");
  Method m;
  m.name = "Error";
  m.sig = func({}, {basic(Kind::String)}, false);
  set_underlying(error, interface({m}));
  error_ = error;
}

TypeRef TypeTable::intern(Type t) {
  std::string key =
      fmt::format("{}|{}|{}|{}|{}|{}|", static_cast<int>(t.kind), static_cast<const void*>(t.elem),
                  static_cast<const void*>(t.key), t.len, static_cast<int>(t.dir), t.variadic);
  for (const Field& f : t.fields) {
    key += fmt::format("{}:{}:{},", f.name, static_cast<const void*>(f.type), f.embedded);
  }
  key += '|';
  for (TypeRef p : t.params) key += fmt::format("{},", static_cast<const void*>(p));
  key += '|';
  for (TypeRef r : t.results) key += fmt::format("{},", static_cast<const void*>(r));
  key += '|';
  for (const Method& m : t.methods)
    key += fmt::format("{}:{},", m.name, static_cast<const void*>(m.sig));
  auto [it, inserted] = interned_.try_emplace(std::move(key), nullptr);
  if (inserted) it->second = &types_.emplace_back(std::move(t));
  return it->second;
}

TypeRef TypeTable::slice(TypeRef elem) {
  Type t;
  t.kind = Kind::Slice;
  t.elem = elem;
  return intern(std::move(t));
}
TypeRef TypeTable::array(TypeRef elem, std::int64_t len) {
  Type t;
  t.kind = Kind::Array;
  t.elem = elem;
  t.len = len;
  return intern(std::move(t));
}
TypeRef TypeTable::pointer(TypeRef elem) {
  Type t;
  t.kind = Kind::Pointer;
  t.elem = elem;
  return intern(std::move(t));
}
TypeRef TypeTable::map(TypeRef key, TypeRef value) {
  Type t;
  t.kind = Kind::Map;
  t.key = key;
  t.elem = value;
  return intern(std::move(t));
}
TypeRef TypeTable::chan(TypeRef elem, ChanDir dir) {
  Type t;
  t.kind = Kind::Chan;
  t.elem = elem;
  t.dir = dir;
  return intern(std::move(t));
}
TypeRef TypeTable::func(std::vector<TypeRef> params, std::vector<TypeRef> results, bool variadic) {
  Type t;
  t.kind = Kind::Func;
  t.params = std::move(params);
  t.results = std::move(results);
  t.variadic = variadic;
  return intern(std::move(t));
}
TypeRef TypeTable::tuple(std::vector<TypeRef> items) {
  Type t;
  t.kind = Kind::Tuple;
  t.params = std::move(items);
  return intern(std::move(t));
}
TypeRef TypeTable::structure(std::vector<Field> fields) {
  Type t;
  t.kind = Kind::Struct;
  t.fields = std::move(fields);
  return intern(std::move(t));
}
TypeRef TypeTable::interface(std::vector<Method> methods) {
  std::sort(methods.begin(), methods.end(),
            [](const Method& a, const Method& b) { return a.name < b.name; });
  Type t;
  t.kind = Kind::Interface;
  t.methods = std::move(methods);
  return intern(std::move(t));
}
Type* TypeTable::named(std::string name, std::string pkg) {
  Type t;
  t.kind = Kind::Named;
  t.name = std::move(name);
  t.pkg = std::move(pkg);
  return &types_.emplace_back(std::move(t));
}

}  // namespace poolscope::golang
