// Values: integer wrapping, Go's ==, constants.
#include <cstring>

#include "core/golang/machine.hpp"

namespace poolscope::golang {

Value wrap_int(Kind k, std::int64_t v) noexcept {
  switch (k) {
    case Kind::Int8:
      return Value::of_int(static_cast<std::int8_t>(v));
    case Kind::Int16:
      return Value::of_int(static_cast<std::int16_t>(v));
    case Kind::Int32:
      return Value::of_int(static_cast<std::int32_t>(v));
    case Kind::Uint8:
      return Value::of_int(static_cast<std::uint8_t>(v));
    case Kind::Uint16:
      return Value::of_int(static_cast<std::uint16_t>(v));
    case Kind::Uint32:
      return Value::of_int(static_cast<std::uint32_t>(v));
    default:
      return Value::of_int(v);
  }
}

bool values_equal(TypeRef t, const Value& a, const Value& b) {
  const TypeRef u = underlying(t);
  if (u == nullptr) return a.i == b.i && a.obj == b.obj;
  switch (u->kind) {
    case Kind::Float32:
    case Kind::Float64:
    case Kind::UntypedFloat:
      return a.f == b.f;
    case Kind::String:
    case Kind::UntypedString:
      return string_of(a) == string_of(b);
    case Kind::Struct:
    case Kind::Array: {
      const auto* x = static_cast<const AggregateObj*>(a.obj.get());
      const auto* y = static_cast<const AggregateObj*>(b.obj.get());
      if (x == nullptr || y == nullptr) return x == y;
      for (std::size_t k = 0; k < x->items.size(); ++k) {
        const TypeRef item = u->kind == Kind::Struct ? u->fields[k].type : u->elem;
        if (!values_equal(item, x->items[k], y->items[k])) return false;
      }
      return true;
    }
    case Kind::Interface: {
      const IfaceObj* x = iface_of(a);
      const IfaceObj* y = iface_of(b);
      if (x == nullptr || y == nullptr) return x == y;
      return x->type == y->type && values_equal(x->type, x->value, y->value);
    }
    case Kind::Pointer:
      return a.obj == b.obj && a.i == b.i;
    case Kind::Chan:
    case Kind::Map:
    case Kind::Func:
    case Kind::Slice:
      return a.obj == b.obj;
    default:
      return a.i == b.i;
  }
}

Value constant_value(TypeRef t, const Constant& c) {
  switch (c.kind) {
    case Constant::Kind::Bool:
      return Value::of_bool(c.b);
    case Constant::Kind::String:
      return make_string(c.s);
    case Constant::Kind::Float:
      if (is_integer(t)) return Value::of_int(static_cast<std::int64_t>(c.f));
      return Value::of_float(c.f);
    case Constant::Kind::Int:
      if (is_float(t)) return Value::of_float(static_cast<double>(c.i));
      if (t != nullptr && underlying(t)->kind == Kind::Interface) return Value::of_int(c.i);
      return Value::of_int(c.i);
  }
  return {};
}

}  // namespace poolscope::golang
