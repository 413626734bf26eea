#include "core/golang/value.hpp"

namespace poolscope::golang {

Value make_string(std::string s) {
  Value v;
  if (!s.empty()) v.obj = new StringObj(std::move(s));
  return v;
}

const std::string& string_of(const Value& v) {
  static const std::string kEmpty;
  const auto* s = static_cast<const StringObj*>(v.obj.get());
  return s != nullptr ? s->text : kEmpty;
}

Value make_iface(TypeRef t, Value v) {
  Value out;
  if (t != nullptr) out.obj = new IfaceObj(t, std::move(v));
  return out;
}

Value zero_value(TypeRef t) {
  const TypeRef u = underlying(t);
  Value v;
  if (u == nullptr) return v;
  if (u->kind == Kind::Struct) {
    auto* agg = new AggregateObj;
    agg->items.reserve(u->fields.size());
    for (const Field& f : u->fields) agg->items.push_back(zero_value(f.type));
    v.obj = agg;
  } else if (u->kind == Kind::Array) {
    auto* agg = new AggregateObj;
    agg->items.reserve(static_cast<std::size_t>(u->len));
    for (std::int64_t k = 0; k < u->len; ++k) agg->items.push_back(zero_value(u->elem));
    v.obj = agg;
  }
  return v;
}

Value copy_value(TypeRef t, const Value& v) {
  const TypeRef u = underlying(t);
  if (u == nullptr || (u->kind != Kind::Struct && u->kind != Kind::Array) || !v.obj) return v;
  const auto& from = static_cast<const AggregateObj&>(*v.obj);
  auto* agg = new AggregateObj;
  agg->items.reserve(from.items.size());
  for (std::size_t k = 0; k < from.items.size(); ++k) {
    const TypeRef item = u->kind == Kind::Struct ? u->fields[k].type : u->elem;
    agg->items.push_back(copy_value(item, from.items[k]));
  }
  Value out;
  out.obj = agg;
  return out;
}

}  // namespace poolscope::golang
