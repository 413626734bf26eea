// Expressions: plain evaluation (eval) for everything that cannot block, and the
// coroutine path (eval_async) that first computes the blocking parts (calls, receives)
// in Go's left-to-right order and then evaluates the rest plainly.
#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

Value make_tuple(std::vector<Value> items) {
  auto* agg = new AggregateObj;
  agg->items = std::move(items);
  Value v;
  v.obj = agg;
  return v;
}

AggregateObj* agg_of(const Value& v) { return static_cast<AggregateObj*>(v.obj.get()); }

}  // namespace

// [SECTION] Variables and places ---------------------------------------------------

Value* Machine::var_ref(const Object& o, const Ident& id, Frame& f, Ref<HeapObject>* keep) {
  if (o.global) {
    AggregateObj* cell = agg_of(globals[static_cast<std::size_t>(o.slot)]);
    if (keep != nullptr) *keep = cell;
    return &cell->items[0];
  }
  if (id.interp >= 0) {
    AggregateObj* cell = (*f.cells)[static_cast<std::size_t>(id.interp)].get();
    if (keep != nullptr) *keep = cell;
    return &cell->items[0];
  }
  Value& slot = f.slots[static_cast<std::size_t>(o.slot)];
  if (o.captured || o.addressed) {
    AggregateObj* cell = agg_of(slot);
    if (keep != nullptr) *keep = cell;
    return &cell->items[0];
  }
  return &slot;
}

Value* Machine::local_slot(const Expr& e, Frame& f) {
  if (e.kind != ExprKind::Ident) return nullptr;
  const auto& id = static_cast<const Ident&>(e);
  const Object* o = id.obj;
  if (o == nullptr || o->kind != ObjKind::Var || o->global || id.interp >= 0 || o->captured ||
      o->addressed) {
    return nullptr;
  }
  return &f.slots[static_cast<std::size_t>(o->slot)];
}

Value Machine::deref(const Value& ptr, int line) {
  (void)line;
  if (!ptr.obj) runtime_panic("invalid memory address or nil pointer dereference");
  return agg_of(ptr)->items[static_cast<std::size_t>(ptr.i)];
}

Place Machine::place(const Expr& e, Frame& f) {
  Place p;
  p.type = e.type;
  switch (e.kind) {
    case ExprKind::Paren:
      return place(*static_cast<const ParenExpr&>(e).x, f);
    case ExprKind::Ident: {
      const auto& id = static_cast<const Ident&>(e);
      if (id.obj == nullptr) return p;  // _
      p.at = var_ref(*id.obj, id, f, &p.keep);
      return p;
    }
    case ExprKind::Star: {
      const Value ptr = eval(*static_cast<const StarExpr&>(e).x, f);
      if (!ptr.obj) runtime_panic("invalid memory address or nil pointer dereference");
      p.keep = ptr.obj;
      p.at = &agg_of(ptr)->items[static_cast<std::size_t>(ptr.i)];
      return p;
    }
    case ExprKind::Selector: {
      const auto& s = static_cast<const SelectorExpr&>(e);
      if (s.sel_kind == SelKind::PackageMember) {
        p.keep = globals_lib(s.lib);
        p.at = &static_cast<AggregateObj*>(p.keep.get())->items[0];
        return p;
      }
      Value base;
      TypeRef t = s.x->type;
      if (underlying(t)->kind == Kind::Pointer) {
        base = eval(*s.x, f);
        if (!base.obj) runtime_panic("invalid memory address or nil pointer dereference");
        base = agg_of(base)->items[static_cast<std::size_t>(base.i)];
        t = underlying(t)->elem;
      } else {
        Place inner = place(*s.x, f);
        base = *inner.at;
      }
      Value* at = nullptr;
      Ref<HeapObject> keep = base.obj;
      for (std::size_t k = 0; k < s.path.size(); ++k) {
        const TypeRef u = underlying(t);
        if (u->kind == Kind::Pointer) {  // through an embedded pointer
          if (!base.obj) runtime_panic("invalid memory address or nil pointer dereference");
          base = agg_of(base)->items[static_cast<std::size_t>(base.i)];
          keep = base.obj;
          t = u->elem;
          --k;
          continue;
        }
        AggregateObj* agg = agg_of(base);
        at = &agg->items[static_cast<std::size_t>(s.path[k])];
        keep = agg;
        t = u->fields[static_cast<std::size_t>(s.path[k])].type;
        base = *at;
      }
      p.keep = keep;
      p.at = at;
      p.index = s.path.empty() ? 0 : s.path.back();
      return p;
    }
    case ExprKind::Index: {
      const auto& x = static_cast<const IndexExpr&>(e);
      const TypeRef u = underlying(x.x->type);
      if (u->kind == Kind::Map) {
        const Value m = eval(*x.x, f);
        p.keep = m.obj;
        p.map = static_cast<MapObj*>(m.obj.get());
        p.nil_map = p.map == nullptr;
        p.key = convert_to(u->key, x.index->type, eval(*x.index, f));
        return p;
      }
      Value base;
      std::int64_t offset = 0;
      std::int64_t length = 0;
      if (u->kind == Kind::Slice) {
        base = eval(*x.x, f);
        offset = base.i;
        length = base.len;
      } else if (u->kind == Kind::Pointer) {
        base = deref(eval(*x.x, f), e.pos.line);
        length = underlying(u->elem)->len;
      } else {
        Place inner = place(*x.x, f);
        base = *inner.at;
        length = u->len;
      }
      const std::int64_t i = eval(*x.index, f).i;
      if (i < 0 || i >= length) {
        runtime_panic(fmt::format("index out of range [{}] with length {}", i, length));
      }
      AggregateObj* agg = agg_of(base);
      p.keep = agg;
      p.index = offset + i;
      p.at = &agg->items[static_cast<std::size_t>(offset + i)];
      return p;
    }
    default:
      return p;
  }
}

Value Machine::load(const Place& p) {
  if (p.map != nullptr) {
    const Value* v = p.map->find(p.key);
    return v != nullptr ? *v : zero_value(p.type);
  }
  return p.at != nullptr ? *p.at : Value{};
}

void Machine::store(Place& p, const Value& v) {
  if (p.map != nullptr) {
    p.map->insert_or_assign(p.key, copy_value(p.type, v));
  } else if (p.nil_map) {
    panic_plain_error("assignment to entry in nil map");
  } else if (p.at != nullptr) {
    *p.at = copy_value(p.type, v);
  }
}

// [SECTION] Conversions ----------------------------------------------------------------

Value Machine::convert_to(TypeRef to, TypeRef from, Value v) {
  if (to == nullptr || to == from) return v;
  const TypeRef tu = underlying(to);
  if (tu->kind == Kind::Interface) {
    if (from == nullptr || from->kind == Kind::UntypedNil) return {};
    if (is_interface(from)) return v;
    TypeRef dyn = from;
    if (is_untyped(from)) {
      switch (from->kind) {
        case Kind::UntypedBool:
          dyn = types.basic(Kind::Bool);
          break;
        case Kind::UntypedRune:
          dyn = types.basic(Kind::Int32);
          break;
        case Kind::UntypedFloat:
          dyn = types.basic(Kind::Float64);
          break;
        case Kind::UntypedString:
          dyn = types.basic(Kind::String);
          break;
        default:
          dyn = types.basic(Kind::Int);
      }
    }
    return make_iface(dyn, copy_value(dyn, v));
  }
  return v;
}

std::string encode_rune(std::int64_t r) {
  if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
  std::string out;
  const auto c = static_cast<std::uint32_t>(r);
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

// Decodes the UTF-8 rune at s[i]; sets `width` (1 for a bad byte, giving U+FFFD).
std::int64_t decode_rune(std::string_view s, std::size_t i, std::size_t& width) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  width = 1;
  if (b0 < 0x80) return b0;
  int n = 0;
  std::int64_t r = 0;
  std::int64_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 1, r = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 2, r = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 3, r = b0 & 0x07, min = 0x10000;
  } else {
    return 0xFFFD;
  }
  if (i + static_cast<std::size_t>(n) >= s.size()) return 0xFFFD;
  for (int k = 1; k <= n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) return 0xFFFD;
    r = (r << 6) | (b & 0x3F);
  }
  if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) return 0xFFFD;
  width = static_cast<std::size_t>(n) + 1;
  return r;
}

Value Machine::convert_value(TypeRef to, TypeRef from, const Value& v) {
  Machine& m = *this;
  const TypeRef tu = underlying(to);
  const TypeRef fu = underlying(from);
  if (tu->kind == Kind::Interface) return m.convert_to(to, from, v);
  if (is_integer(tu)) {
    if (is_float(fu)) {
      const double d = v.f;
      if (is_unsigned(tu))
        return wrap_int(tu->kind, static_cast<std::int64_t>(static_cast<std::uint64_t>(d)));
      return wrap_int(tu->kind, static_cast<std::int64_t>(d));
    }
    return wrap_int(tu->kind, v.i);
  }
  if (is_float(tu)) {
    double d = 0;
    if (is_float(fu)) {
      d = v.f;
    } else if (is_unsigned(fu)) {
      d = static_cast<double>(static_cast<std::uint64_t>(v.i));
    } else {
      d = static_cast<double>(v.i);
    }
    if (tu->kind == Kind::Float32) d = static_cast<float>(d);
    return Value::of_float(d);
  }
  if (tu->kind == Kind::String) {
    if (is_integer(fu)) return make_string(encode_rune(v.i));
    if (fu->kind == Kind::Slice) {
      std::string s;
      const AggregateObj* agg = agg_of(v);
      const bool runes = underlying(fu->elem)->kind == Kind::Int32;
      for (std::uint32_t k = 0; k < v.len; ++k) {
        const std::int64_t item = agg->items[static_cast<std::size_t>(v.i) + k].i;
        if (runes) {
          s += encode_rune(item);
        } else {
          s += static_cast<char>(item);
        }
      }
      return make_string(std::move(s));
    }
    return v;
  }
  if (tu->kind == Kind::Slice && is_string(fu)) {
    const std::string& s = string_of(v);
    auto* agg = new AggregateObj;
    if (underlying(tu->elem)->kind == Kind::Int32) {
      for (std::size_t i = 0; i < s.size();) {
        std::size_t w = 1;
        agg->items.push_back(Value::of_int(decode_rune(s, i, w)));
        i += w;
      }
    } else {
      for (char c : s) agg->items.push_back(Value::of_int(static_cast<unsigned char>(c)));
    }
    Value out;
    out.len = out.cap = static_cast<std::uint32_t>(agg->items.size());
    out.obj = agg;
    return out;
  }
  return v;
}

// [SECTION] Plain evaluation -----------------------------------------------------------

Value Machine::eval(const Expr& e, Frame& f) {
  if (e.value) return prog.constants[static_cast<std::size_t>(e.interp)];
  if (e.blocks) {
    for (auto it = f.ready.rbegin(); it != f.ready.rend(); ++it) {
      if (it->first == &e) {
        Value v = std::move(it->second);
        f.ready.erase(std::next(it).base());
        return v;
      }
    }
  }
  switch (e.kind) {
    case ExprKind::Ident: {
      const auto& id = static_cast<const Ident&>(e);
      const Object* o = id.obj;
      if (o == nullptr) return {};
      switch (o->kind) {
        case ObjKind::Var:
          return *var_ref(*o, id, f, nullptr);
        case ObjKind::Func:
          return func_value(*o->decl);
        default:
          return {};
      }
    }
    case ExprKind::Paren:
      return eval(*static_cast<const ParenExpr&>(e).x, f);
    case ExprKind::FuncLit:
      return make_closure(static_cast<const FuncLit&>(e), f);
    case ExprKind::Selector:
      return eval_selector(static_cast<const SelectorExpr&>(e), f);
    case ExprKind::Index:
      return eval_index(static_cast<const IndexExpr&>(e), f);
    case ExprKind::Slice:
      return eval_slice(static_cast<const SliceExpr&>(e), f);
    case ExprKind::TypeAssert:
      return eval_assert(static_cast<const TypeAssertExpr&>(e), f);
    case ExprKind::Call:
      return eval_call_plain(static_cast<const CallExpr&>(e), f);
    case ExprKind::Star:
      return deref(eval(*static_cast<const StarExpr&>(e).x, f), e.pos.line);
    case ExprKind::Unary:
      return eval_unary(static_cast<const UnaryExpr&>(e), f);
    case ExprKind::Binary: {
      const auto& b = static_cast<const BinaryExpr&>(e);
      if (b.op == Tok::LAnd) {
        return eval(*b.x, f).i != 0 ? Value::of_bool(eval(*b.y, f).i != 0) : Value::of_bool(false);
      }
      if (b.op == Tok::LOr) {
        return eval(*b.x, f).i != 0 ? Value::of_bool(true) : Value::of_bool(eval(*b.y, f).i != 0);
      }
      Value x = eval(*b.x, f);
      Value y = eval(*b.y, f);
      return binary(b, x, y);
    }
    case ExprKind::CompositeLit:
      return eval_composite(static_cast<const CompositeLit&>(e), e.type, f);
    default:
      return {};
  }
}

Value Machine::eval_selector(const SelectorExpr& s, Frame& f) {
  switch (s.sel_kind) {
    case SelKind::PackageMember: {
      if (s.type != nullptr && s.type->kind == Kind::Func && s.mode != Mode::Variable) {
        auto* fn = new FuncObj;
        fn->lib = s.lib;
        Value v;
        v.obj = fn;
        return v;
      }
      return static_cast<AggregateObj*>(globals_lib(s.lib).get())->items[0];
    }
    case SelKind::Field: {
      Value base = eval(*s.x, f);
      TypeRef t = s.x->type;
      for (std::size_t k = 0; k < s.path.size(); ++k) {
        const TypeRef u = underlying(t);
        if (u->kind == Kind::Pointer) {
          base = deref(base, s.pos.line);
          t = u->elem;
          --k;
          continue;
        }
        const auto idx = static_cast<std::size_t>(s.path[k]);
        base = agg_of(base)->items[idx];
        t = u->fields[idx].type;
      }
      return base;
    }
    case SelKind::Method:
    case SelKind::InterfaceMethod:
    case SelKind::LibMethod: {
      auto* fn = new FuncObj;
      fn->bound = true;
      if (s.sel_kind == SelKind::Method) {
        fn->decl = static_cast<const FuncDecl*>(method_decl(s.method));
      } else if (s.sel_kind == SelKind::LibMethod) {
        fn->lib = s.lib;
      } else {
        fn->lib = "iface:" + s.sel->name;
      }
      fn->recv = receiver(s, f);
      Value v;
      v.obj = fn;
      return v;
    }
    default:
      return {};
  }
}

// The receiver of a method call or value x.m: &x, *x or x as the method wants it,
// through the embedded fields on `path` for a promoted method.
Value Machine::receiver(const SelectorExpr& s, Frame& f) {
  Value base;
  Value addr;
  if (underlying(s.x->type)->kind != Kind::Pointer && s.x->mode == Mode::Variable) {
    Place p = place(*s.x, f);
    if (p.at != nullptr) {
      base = *p.at;
      addr.obj = p.keep;
      addr.i = p.index;
    }
  } else {
    base = eval(*s.x, f);
  }
  const bool pointer_recv = s.method != nullptr && s.method->pointer_recv;
  return method_receiver(s.x->type, std::move(base), std::move(addr), s.path, pointer_recv,
                         s.sel_kind == SelKind::InterfaceMethod);
}

Value Machine::method_receiver(TypeRef t, Value v, Value addr, const std::vector<int>& path,
                               bool pointer_recv, bool keep_as_is) {
  for (const int idx : path) {
    if (underlying(t)->kind == Kind::Pointer) {
      addr = v;
      v = deref(v, 0);
      t = underlying(t)->elem;
    }
    auto* agg = static_cast<AggregateObj*>(v.obj.get());
    addr = Value{};
    addr.obj = agg;
    addr.i = idx;
    v = agg->items[static_cast<std::size_t>(idx)];
    t = underlying(t)->fields[static_cast<std::size_t>(idx)].type;
  }
  if (keep_as_is) return v;
  if (underlying(t)->kind == Kind::Pointer && underlying(t)->elem->kind == Kind::Named &&
      underlying(underlying(t)->elem)->kind != Kind::Pointer) {
    if (pointer_recv) return v;
    return copy_value(underlying(t)->elem, deref(v, 0));
  }
  if (pointer_recv) return addr.obj ? addr : new_pointer(t, v);
  return copy_value(t, v);
}

// A method of dynamic type t, found on t or promoted from its embedded fields: the
// method and the receiver to call it with (its type in `recv_type`).
const Method* Machine::find_dynamic_method(TypeRef t, const Value& v, std::string_view name,
                                           Value& recv, TypeRef& recv_type) {
  struct Entry {
    TypeRef type;
    std::vector<int> path;
  };
  const bool is_ptr = t->kind == Kind::Pointer;
  std::vector<Entry> level{{is_ptr ? t->elem : t, {}}};
  for (int level_no = 0; level_no < 8 && !level.empty(); ++level_no) {
    std::vector<Entry> next;
    for (const Entry& e : level) {
      if (e.type->kind == Kind::Named) {
        for (const Method& m : e.type->methods) {
          if (m.name != name) continue;
          if (e.path.empty()) {
            recv_type = t;
            recv = v;
            return &m;
          }
          recv = method_receiver(t, v, Value{}, e.path, m.pointer_recv, false);
          recv_type = m.pointer_recv ? types.pointer(e.type) : e.type;
          return &m;
        }
      }
      const TypeRef u = underlying(e.type);
      if (u == nullptr || u->kind != Kind::Struct) continue;
      for (std::size_t i = 0; i < u->fields.size(); ++i) {
        if (!u->fields[i].embedded) continue;
        Entry n{u->fields[i].type, e.path};
        n.path.push_back(static_cast<int>(i));
        if (n.type->kind == Kind::Pointer) n.type = n.type->elem;
        next.push_back(std::move(n));
      }
    }
    level = std::move(next);
  }
  return nullptr;
}

Value Machine::eval_index(const IndexExpr& x, Frame& f) {
  const TypeRef u = underlying(x.x->type);
  const Value base = eval(*x.x, f);
  if (u->kind == Kind::Map) {
    const Value key = convert_to(u->key, x.index->type, eval(*x.index, f));
    const auto* m = static_cast<const MapObj*>(base.obj.get());
    const Value* found = m != nullptr ? m->find(key) : nullptr;
    Value v = found != nullptr ? *found : zero_value(u->elem);
    if (x.comma_ok) return make_tuple({v, Value::of_bool(found != nullptr)});
    return v;
  }
  const std::int64_t i = eval(*x.index, f).i;
  std::int64_t length = 0;
  if (u->kind == Kind::String) {
    const std::string& s = string_of(base);
    length = static_cast<std::int64_t>(s.size());
    if (i < 0 || i >= length) {
      runtime_panic(fmt::format("index out of range [{}] with length {}", i, length));
    }
    return Value::of_int(static_cast<unsigned char>(s[static_cast<std::size_t>(i)]));
  }
  Value arr = base;
  std::int64_t offset = 0;
  if (u->kind == Kind::Slice) {
    length = base.len;
    offset = base.i;
  } else if (u->kind == Kind::Pointer) {
    arr = deref(base, x.pos.line);
    length = underlying(u->elem)->len;
  } else {
    length = u->len;
  }
  if (i < 0 || i >= length) {
    runtime_panic(fmt::format("index out of range [{}] with length {}", i, length));
  }
  return agg_of(arr)->items[static_cast<std::size_t>(offset + i)];
}

Value Machine::eval_slice(const SliceExpr& x, Frame& f) {
  const TypeRef u = underlying(x.x->type);
  Value base = eval(*x.x, f);
  const std::int64_t lo = x.lo ? eval(*x.lo, f).i : 0;
  if (u->kind == Kind::String) {
    const std::string& s = string_of(base);
    const auto n = static_cast<std::int64_t>(s.size());
    const std::int64_t hi = x.hi ? eval(*x.hi, f).i : n;
    if (hi < 0 || hi > n)
      runtime_panic(fmt::format("slice bounds out of range [:{}] with length {}", hi, n));
    if (lo < 0 || lo > hi) runtime_panic(fmt::format("slice bounds out of range [{}:{}]", lo, hi));
    return make_string(s.substr(static_cast<std::size_t>(lo), static_cast<std::size_t>(hi - lo)));
  }
  std::int64_t offset = 0;
  std::int64_t length = 0;
  std::int64_t capacity = 0;
  if (u->kind == Kind::Slice) {
    offset = base.i;
    length = base.len;
    capacity = base.cap;
  } else {
    if (u->kind == Kind::Pointer) {
      base = deref(base, x.pos.line);
      length = capacity = underlying(u->elem)->len;
    } else {
      Place p = place(*x.x, f);
      base = *p.at;
      length = capacity = u->len;
    }
  }
  const std::int64_t hi = x.hi ? eval(*x.hi, f).i : length;
  const std::int64_t max = x.max ? eval(*x.max, f).i : capacity;
  if (max < 0 || max > capacity) {
    runtime_panic(fmt::format("slice bounds out of range [::{}] with capacity {}", max, capacity));
  }
  if (hi < 0 || hi > max) {
    if (x.max) runtime_panic(fmt::format("slice bounds out of range [:{}:{}]", hi, max));
    runtime_panic(fmt::format("slice bounds out of range [:{}] with capacity {}", hi, capacity));
  }
  if (lo < 0 || lo > hi) runtime_panic(fmt::format("slice bounds out of range [{}:{}]", lo, hi));
  Value out;
  out.obj = base.obj;
  out.i = offset + lo;
  out.len = static_cast<std::uint32_t>(hi - lo);
  out.cap = static_cast<std::uint32_t>(max - lo);
  return out;
}

bool Machine::implements(TypeRef dyn, TypeRef iface) const {
  const TypeRef u = underlying(iface);
  for (const Method& m : u->methods) {
    const Method* found = method_of(dyn, m.name);
    if (found == nullptr || found->sig != m.sig) return false;
  }
  return true;
}

Value Machine::eval_assert(const TypeAssertExpr& x, Frame& f) {
  const Value v = eval(*x.x, f);
  const IfaceObj* box = iface_of(v);
  const TypeRef target = x.type->type;
  bool ok = false;
  Value result = zero_value(target);
  if (box != nullptr) {
    if (is_interface(target)) {
      ok = implements(box->type, target);
      if (ok) result = v;
    } else {
      ok = box->type == target;
      if (ok) result = box->value;
    }
  }
  if (x.comma_ok) return make_tuple({result, Value::of_bool(ok)});
  if (!ok) {
    const std::string from = type_string(x.x->type, Qualify::Always);
    const std::string to = type_string(target, Qualify::Always);
    if (box == nullptr) {
      panic_plain_error(fmt::format("interface conversion: {} is nil, not {}", from, to));
    }
    if (is_interface(target)) {
      std::string missing;
      for (const Method& m : underlying(target)->methods) {
        if (method_of(box->type, m.name) == nullptr) {
          missing = m.name;
          break;
        }
      }
      panic_plain_error(fmt::format("interface conversion: {} is not {}: missing method {}",
                                    type_string(box->type, Qualify::Always), to, missing));
    }
    panic_plain_error(fmt::format("interface conversion: {} is {}, not {}", from,
                                  type_string(box->type, Qualify::Always), to));
  }
  return result;
}

Value Machine::eval_unary(const UnaryExpr& u, Frame& f) {
  const TypeRef t = underlying(u.type);
  switch (u.op) {
    case Tok::And: {
      const Expr* x = u.x.get();
      while (x->kind == ExprKind::Paren) x = static_cast<const ParenExpr*>(x)->x.get();
      if (x->kind == ExprKind::CompositeLit) {
        return new_pointer(x->type, eval(*x, f));
      }
      Place p = place(*x, f);
      Value ptr;
      ptr.obj = p.keep;
      ptr.i = p.index;
      return ptr;
    }
    case Tok::Sub: {
      const Value x = eval(*u.x, f);
      if (is_float(t)) return Value::of_float(-x.f);
      return wrap_int(t->kind, static_cast<std::int64_t>(0ULL - static_cast<std::uint64_t>(x.i)));
    }
    case Tok::Add:
      return eval(*u.x, f);
    case Tok::Not:
      return Value::of_bool(eval(*u.x, f).i == 0);
    case Tok::Xor:
      return wrap_int(t->kind, ~eval(*u.x, f).i);
    default:
      return {};
  }
}

namespace {

int compare_values(TypeRef t, const Value& x, const Value& y) {
  if (is_string(t))
    return string_of(x).compare(string_of(y)) < 0 ? -1 : (string_of(x) == string_of(y) ? 0 : 1);
  if (is_float(t)) return x.f < y.f ? -1 : (x.f > y.f ? 1 : 0);
  if (is_unsigned(t)) {
    const auto a = static_cast<std::uint64_t>(x.i);
    const auto b = static_cast<std::uint64_t>(y.i);
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  return x.i < y.i ? -1 : (x.i > y.i ? 1 : 0);
}

}  // namespace

Value Machine::binary(const BinaryExpr& b, const Value& x, const Value& y) {
  const TypeRef xt = b.x->type;
  switch (b.op) {
    case Tok::Eql:
    case Tok::Neq: {
      bool eq = false;
      const TypeRef yt = b.y->type;
      if (yt != nullptr && yt->kind == Kind::UntypedNil) {
        eq = !x.obj;
      } else if (xt != nullptr && xt->kind == Kind::UntypedNil) {
        eq = !y.obj;
      } else if (is_interface(xt) && !is_interface(yt)) {
        eq = values_equal(xt, x, convert_to(xt, yt, y));
      } else if (is_interface(yt) && !is_interface(xt)) {
        eq = values_equal(yt, convert_to(yt, xt, x), y);
      } else {
        if (is_interface(xt)) check_comparable(x);
        eq = values_equal(xt, x, y);
      }
      return Value::of_bool(b.op == Tok::Eql ? eq : !eq);
    }
    case Tok::Lss:
      return Value::of_bool(compare_values(xt, x, y) < 0);
    case Tok::Leq:
      return Value::of_bool(compare_values(xt, x, y) <= 0);
    case Tok::Gtr:
      return Value::of_bool(compare_values(xt, x, y) > 0);
    case Tok::Geq:
      return Value::of_bool(compare_values(xt, x, y) >= 0);
    default:
      return arith(b.op, b.type, x, y);
  }
}

void Machine::check_comparable(const Value& v) {
  const IfaceObj* box = iface_of(v);
  if (box == nullptr) return;
  const Kind k = underlying(box->type)->kind;
  if (k == Kind::Slice || k == Kind::Map || k == Kind::Func) {
    runtime_panic(
        fmt::format("comparing uncomparable type {}", type_string(box->type, Qualify::Always)));
  }
}

Value Machine::arith(Tok op, TypeRef type, const Value& x, const Value& y) {
  const TypeRef t = underlying(type);
  if (t->kind == Kind::Int || t->kind == Kind::Int64) {  // the common case: no narrowing
    const auto a = static_cast<std::uint64_t>(x.i);
    const auto c = static_cast<std::uint64_t>(y.i);
    switch (op) {
      case Tok::Add:
        return Value::of_int(static_cast<std::int64_t>(a + c));
      case Tok::Sub:
        return Value::of_int(static_cast<std::int64_t>(a - c));
      case Tok::Mul:
        return Value::of_int(static_cast<std::int64_t>(a * c));
      default:
        break;
    }
  }
  if (is_string(t)) {
    const std::string& a = string_of(x);
    const std::string& b = string_of(y);
    reserve_memory(static_cast<std::int64_t>(a.size() + b.size()), running_line);
    return make_string(a + b);
  }
  if (is_float(t)) {
    double r = 0;
    switch (op) {
      case Tok::Add:
        r = x.f + y.f;
        break;
      case Tok::Sub:
        r = x.f - y.f;
        break;
      case Tok::Mul:
        r = x.f * y.f;
        break;
      case Tok::Quo:
        r = x.f / y.f;
        break;
      default:
        break;
    }
    if (t->kind == Kind::Float32) r = static_cast<float>(r);
    return Value::of_float(r);
  }
  const auto a = static_cast<std::uint64_t>(x.i);
  const auto c = static_cast<std::uint64_t>(y.i);
  const bool uns = is_unsigned(t);
  const int bits = int_bits(t->kind) == 0 ? 64 : int_bits(t->kind);
  std::uint64_t r = 0;
  switch (op) {
    case Tok::Add:
      r = a + c;
      break;
    case Tok::Sub:
      r = a - c;
      break;
    case Tok::Mul:
      r = a * c;
      break;
    case Tok::Quo:
    case Tok::Rem: {
      if (y.i == 0) runtime_panic("integer divide by zero");
      if (uns) {
        r = op == Tok::Quo ? a / c : a % c;
      } else if (y.i == -1) {
        r = op == Tok::Quo ? 0 - a : 0;
      } else {
        r = static_cast<std::uint64_t>(op == Tok::Quo ? x.i / y.i : x.i % y.i);
      }
      break;
    }
    case Tok::And:
      r = a & c;
      break;
    case Tok::Or:
      r = a | c;
      break;
    case Tok::Xor:
      r = a ^ c;
      break;
    case Tok::AndNot:
      r = a & ~c;
      break;
    case Tok::Shl:
    case Tok::Shr: {
      if (y.i < 0) runtime_panic("negative shift amount");
      const auto n = static_cast<std::uint64_t>(y.i);
      if (op == Tok::Shl) {
        r = n >= 64 ? 0 : a << n;
      } else if (uns) {
        const std::uint64_t masked = bits == 64 ? a : a & ((1ULL << bits) - 1);
        r = n >= 64 ? 0 : masked >> n;
      } else {
        r = static_cast<std::uint64_t>(n >= 64 ? (x.i < 0 ? -1 : 0) : x.i >> n);
      }
      break;
    }
    default:
      break;
  }
  return wrap_int(t->kind, static_cast<std::int64_t>(r));
}

Value Machine::eval_composite(const CompositeLit& lit, TypeRef type, Frame& f) {
  const TypeRef u = underlying(type);
  if (u->kind == Kind::Pointer) return new_pointer(u->elem, eval_composite(lit, u->elem, f));
  if (u->kind == Kind::Struct) {
    Value v = zero_value(type);
    AggregateObj* agg = agg_of(v);
    for (std::size_t k = 0; k < lit.elts.size(); ++k) {
      const Expr* e = lit.elts[k].get();
      if (e->kind == ExprKind::KeyValue) e = static_cast<const KeyValueExpr*>(e)->value.get();
      const auto field = static_cast<std::size_t>(k < lit.field_index.size() ? lit.field_index[k]
                                                                             : static_cast<int>(k));
      const TypeRef ft = u->fields[field].type;
      agg->items[field] = copy_value(ft, convert_to(ft, e->type, element(*e, ft, f)));
    }
    return v;
  }
  if (u->kind == Kind::Map) {
    auto* m = new MapObj(u->key);
    Value v;
    v.obj = m;
    for (const auto& el : lit.elts) {
      const auto& kv = static_cast<const KeyValueExpr&>(*el);
      Value key = convert_to(u->key, kv.key->type, element(*kv.key, u->key, f));
      Value val = convert_to(u->elem, kv.value->type, element(*kv.value, u->elem, f));
      m->insert_or_assign(std::move(key), copy_value(u->elem, val));
    }
    return v;
  }
  // Array or slice: elements with optional constant keys.
  std::vector<std::pair<std::int64_t, Value>> items;
  std::int64_t index = 0;
  std::int64_t length = 0;
  for (const auto& el : lit.elts) {
    const Expr* e = el.get();
    if (e->kind == ExprKind::KeyValue) {
      const auto& kv = static_cast<const KeyValueExpr&>(*e);
      index = kv.key->value ? kv.key->value->i : eval(*kv.key, f).i;
      e = kv.value.get();
    }
    items.emplace_back(index,
                       copy_value(u->elem, convert_to(u->elem, e->type, element(*e, u->elem, f))));
    ++index;
    length = std::max(length, index);
  }
  if (u->kind == Kind::Array) length = u->len;
  auto* agg = new AggregateObj;
  agg->items.reserve(static_cast<std::size_t>(length));
  for (std::int64_t k = 0; k < length; ++k) agg->items.push_back(zero_value(u->elem));
  for (auto& [at, val] : items) agg->items[static_cast<std::size_t>(at)] = std::move(val);
  Value v;
  v.obj = agg;
  if (u->kind == Kind::Slice) {
    v.len = v.cap = static_cast<std::uint32_t>(length);
  }
  return v;
}

// An element of a composite literal, whose type may be elided (`{1, 2}` in []T{...}).
Value Machine::element(const Expr& e, TypeRef type, Frame& f) {
  if (e.kind == ExprKind::CompositeLit && !static_cast<const CompositeLit&>(e).type) {
    return eval_composite(static_cast<const CompositeLit&>(e), e.type != nullptr ? e.type : type,
                          f);
  }
  return eval(e, f);
}

Value Machine::make_closure(const FuncLit& lit, Frame& f) {
  auto* fn = new FuncObj;
  fn->lit = &lit;
  const FuncInfo& info = prog.info(&lit);
  fn->cells.reserve(info.captures.size());
  for (const Object* o : info.captures) {
    if (o->owner != nullptr && f.fn != nullptr && o->owner == f.fn->key) {
      fn->cells.push_back(Ref<AggregateObj>(agg_of(f.slots[static_cast<std::size_t>(o->slot)])));
    } else {
      const auto& mine = f.fn->captures;
      const auto at =
          static_cast<std::size_t>(std::find(mine.begin(), mine.end(), o) - mine.begin());
      fn->cells.push_back((*f.cells)[at]);
    }
  }
  Value v;
  v.obj = fn;
  return v;
}

Value Machine::func_value(const FuncDecl& d) {
  auto* fn = new FuncObj;
  fn->decl = &d;
  Value v;
  v.obj = fn;
  return v;
}

Value Machine::new_pointer(TypeRef elem, const Value& v) {
  auto* cell = new AggregateObj;
  cell->items.push_back(copy_value(elem, v));
  Value p;
  p.obj = cell;
  p.i = 0;
  return p;
}

// [SECTION] The coroutine path -----------------------------------------------------------

Task Machine::eval_async(const Expr& e, Frame& f, Value& out) {
  if (!e.blocks) {
    out = eval(e, f);
    co_return;
  }
  switch (e.kind) {
    case ExprKind::Paren:
      co_await eval_async(*static_cast<const ParenExpr&>(e).x, f, out);
      co_return;
    case ExprKind::Call:
      co_await call_expr(static_cast<const CallExpr&>(e), f, out);
      co_return;
    case ExprKind::Unary: {
      const auto& u = static_cast<const UnaryExpr&>(e);
      if (u.op != Tok::Arrow) break;
      Value ch;
      co_await eval_async(*u.x, f, ch);
      co_await receive(ch, underlying(u.x->type)->elem, u.comma_ok, e.pos.line, out);
      co_return;
    }
    case ExprKind::Binary: {
      const auto& b = static_cast<const BinaryExpr&>(e);
      Value x;
      co_await eval_async(*b.x, f, x);
      if (b.op == Tok::LAnd || b.op == Tok::LOr) {
        const bool left = x.i != 0;
        if (left == (b.op == Tok::LOr)) {
          out = Value::of_bool(left);
          co_return;
        }
        Value y;
        co_await eval_async(*b.y, f, y);
        out = Value::of_bool(y.i != 0);
        co_return;
      }
      Value y;
      co_await eval_async(*b.y, f, y);
      out = binary(b, x, y);
      co_return;
    }
    default:
      break;
  }
  // Compute the blocking children first, in order, then the rest plainly.
  std::vector<const Expr*> kids;
  blocking_children(e, kids);
  for (const Expr* k : kids) {
    Value v;
    co_await eval_async(*k, f, v);
    f.ready.emplace_back(k, std::move(v));
  }
  out = eval(e, f);
}

Task Machine::eval_all(const std::vector<ExprPtr>& list, Frame& f, std::vector<Value>& out) {
  out.clear();
  out.reserve(list.size());
  for (const auto& x : list) {
    Value v;
    co_await eval_async(*x, f, v);
    out.push_back(std::move(v));
  }
}

Task Machine::receive(const Value& chv, TypeRef elem, bool comma_ok, int line, Value& out) {
  const auto* c = static_cast<const ChanObj*>(chv.obj.get());
  const sim::Chan ch = c != nullptr ? c->ch : sim::Chan{};
  const sim::RecvResult r = co_await rt.recv(ch, line);
  Value v = r.ok ? take_in_flight(elem, r.value) : zero_value(elem);
  out = comma_ok ? make_tuple({std::move(v), Value::of_bool(r.ok)}) : std::move(v);
}

}  // namespace poolscope::golang
