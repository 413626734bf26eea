// Builtins (len, cap, append, make, new, delete, close, copy, panic, recover, print,
// println), conversions, and library calls that cannot block, evaluated plainly.
#include <fmt/format.h>
#include <algorithm>

#include "core/golang/lib_fmt.hpp"
#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

AggregateObj* agg_of(const Value& v) { return static_cast<AggregateObj*>(v.obj.get()); }

// Go's size of an element (append's growth rounds to malloc size classes).
std::int64_t elem_size(TypeRef t) {
  const TypeRef u = underlying(t);
  switch (u->kind) {
    case Kind::Bool:
    case Kind::Int8:
    case Kind::Uint8:
      return 1;
    case Kind::Int16:
    case Kind::Uint16:
      return 2;
    case Kind::Int32:
    case Kind::Uint32:
    case Kind::Float32:
      return 4;
    case Kind::String:
    case Kind::Interface:
      return 16;
    case Kind::Slice:
      return 24;
    case Kind::Array:
      return u->len * elem_size(u->elem);
    case Kind::Struct: {
      std::int64_t size = 0;
      std::int64_t align = 1;
      for (const Field& f : u->fields) {
        const std::int64_t s = elem_size(f.type);
        const std::int64_t a = s >= 8 ? 8 : (s >= 4 ? 4 : (s >= 2 ? 2 : 1));
        size = (size + a - 1) / a * a + s;
        align = std::max(align, a);
      }
      return (size + align - 1) / align * align;
    }
    default:
      return 8;
  }
}

// runtime/sizeclasses.go (go1.19).
constexpr std::int64_t kSizeClasses[] = {
    0,     8,     16,    24,    32,    48,    64,    80,    96,    112,   128,   144,  160,   176,
    192,   208,   224,   240,   256,   288,   320,   352,   384,   416,   448,   480,  512,   576,
    640,   704,   768,   896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,  2304, 2688,  3072,
    3200,  3456,  4096,  4864,  5376,  6144,  6528,  6784,  6912,  8192,  9472,  9728, 10240, 10880,
    12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};

std::int64_t roundupsize(std::int64_t size) {
  if (size <= 32768) {
    for (std::int64_t c : kSizeClasses) {
      if (c >= size) return c;
    }
  }
  return (size + 8191) / 8192 * 8192;
}

// runtime.growslice (go1.19): the capacity a slice of cap `old` grows to for `needed`.
std::int64_t grow_cap(std::int64_t old, std::int64_t needed, std::int64_t size) {
  std::int64_t newcap = old;
  const std::int64_t doublecap = newcap + newcap;
  if (needed > doublecap) {
    newcap = needed;
  } else if (old < 256) {
    newcap = doublecap;
  } else {
    while (0 < newcap && newcap < needed) newcap += (newcap + std::int64_t{3} * 256) / 4;
    if (newcap <= 0) newcap = needed;
  }
  if (size == 0) return newcap;
  return roundupsize(newcap * size) / size;
}

Value make_slice(TypeRef elem, std::int64_t len, std::int64_t cap) {
  auto* agg = new AggregateObj;
  agg->count(cap * static_cast<std::int64_t>(sizeof(Value)));
  agg->items.reserve(static_cast<std::size_t>(cap));
  for (std::int64_t k = 0; k < cap; ++k) agg->items.push_back(zero_value(elem));
  Value v;
  v.obj = agg;
  v.len = static_cast<std::uint32_t>(len);
  v.cap = static_cast<std::uint32_t>(cap);
  return v;
}

constexpr std::int64_t kMaxSlice = 1LL << 28;  // elements: beyond, "len out of range"

}  // namespace

Value Machine::append(TypeRef slice_type, Value s, const std::vector<Value>& items) {
  const TypeRef elem = underlying(slice_type)->elem;
  const std::int64_t len = s.len;
  const std::int64_t needed = len + static_cast<std::int64_t>(items.size());
  if (items.empty()) return s;
  if (needed > kMaxSlice) runtime_panic("growslice: len out of range");
  if (needed > static_cast<std::int64_t>(s.cap) || !s.obj) {
    const std::int64_t cap = grow_cap(s.cap, needed, elem_size(elem));
    reserve_memory(cap * static_cast<std::int64_t>(sizeof(Value)), running_line);
    Value grown = make_slice(elem, len, cap);
    for (std::int64_t k = 0; k < len; ++k) {
      agg_of(grown)->items[static_cast<std::size_t>(k)] =
          agg_of(s)->items[static_cast<std::size_t>(s.i + k)];
    }
    s = std::move(grown);
  }
  AggregateObj* agg = agg_of(s);
  for (std::size_t k = 0; k < items.size(); ++k) {
    agg->items[static_cast<std::size_t>(s.i + len) + k] = copy_value(elem, items[k]);
  }
  s.len = static_cast<std::uint32_t>(needed);
  return s;
}

Value Machine::builtin(const CallExpr& c, std::vector<Value>& args, Frame& f) {
  const auto arg_type = [&](std::size_t k) { return c.args[k]->type; };
  switch (c.builtin) {
    case Builtin::Len:
    case Builtin::Cap: {
      const TypeRef u = underlying(arg_type(0));
      const Value& v = args[0];
      const bool len = c.builtin == Builtin::Len;
      switch (u->kind) {
        case Kind::String:
        case Kind::UntypedString:
          return Value::of_int(static_cast<std::int64_t>(string_of(v).size()));
        case Kind::Slice:
          return Value::of_int(len ? v.len : v.cap);
        case Kind::Array:
          return Value::of_int(u->len);
        case Kind::Pointer:
          return Value::of_int(underlying(u->elem)->len);
        case Kind::Map:
          return Value::of_int(
              v.obj ? static_cast<std::int64_t>(static_cast<const MapObj*>(v.obj.get())->size())
                    : 0);
        case Kind::Chan: {
          const auto* ch = static_cast<const ChanObj*>(v.obj.get());
          if (ch == nullptr) return Value::of_int(0);
          return Value::of_int(len ? ch->ch.len() : ch->ch.cap());
        }
        default:
          return Value::of_int(0);
      }
    }
    case Builtin::Append: {
      const TypeRef st = c.type;
      const TypeRef elem = underlying(st)->elem;
      std::vector<Value> items;
      if (c.has_ellipsis) {
        const Value& tail = args[1];
        if (is_string(arg_type(1))) {
          for (char ch : string_of(tail))
            items.push_back(Value::of_int(static_cast<unsigned char>(ch)));
        } else {
          for (std::uint32_t k = 0; k < tail.len; ++k)
            items.push_back(agg_of(tail)->items[tail.i + k]);
        }
      } else {
        for (std::size_t k = 1; k < args.size(); ++k)
          items.push_back(convert_to(elem, arg_type(k), args[k]));
      }
      return append(st, args[0], items);
    }
    case Builtin::Make: {
      const TypeRef t = c.args[0]->type;
      const TypeRef u = underlying(t);
      if (u->kind == Kind::Slice) {
        const std::int64_t len = args.size() > 1 ? args[1].i : 0;
        const std::int64_t cap = args.size() > 2 ? args[2].i : len;
        if (len < 0 || len > kMaxSlice) runtime_panic("makeslice: len out of range");
        if (cap < len || cap > kMaxSlice) runtime_panic("makeslice: cap out of range");
        reserve_memory(cap * static_cast<std::int64_t>(sizeof(Value)), c.pos.line);
        return make_slice(u->elem, len, cap);
      }
      if (u->kind == Kind::Map) {
        Value v;
        v.obj = new MapObj(u->key);
        return v;
      }
      const std::int64_t cap = args.size() > 1 ? args[1].i : 0;
      return make_chan(t, cap, pending_chan_name, c.pos.line);
    }
    case Builtin::New:
      return new_pointer(c.args[0]->type, zero_value(c.args[0]->type));
    case Builtin::Delete: {
      auto* m = static_cast<MapObj*>(args[0].obj.get());
      if (m != nullptr) m->erase(convert_to(underlying(arg_type(0))->key, arg_type(1), args[1]));
      return {};
    }
    case Builtin::Close: {
      auto* ch = static_cast<ChanObj*>(args[0].obj.get());
      if (ch == nullptr) panic_plain_error("close of nil channel");
      if (ch->closed) panic_plain_error("close of closed channel");
      ch->closed = true;
      (void)rt.close(ch->ch, c.pos.line);
      return {};
    }
    case Builtin::Copy: {
      Value& dst = args[0];
      const Value& src = args[1];
      if (is_string(arg_type(1))) {
        const std::string& s = string_of(src);
        const std::size_t n = std::min<std::size_t>(dst.len, s.size());
        for (std::size_t k = 0; k < n; ++k) {
          agg_of(dst)->items[dst.i + k] = Value::of_int(static_cast<unsigned char>(s[k]));
        }
        return Value::of_int(static_cast<std::int64_t>(n));
      }
      const std::uint32_t n = std::min(dst.len, src.len);
      if (n == 0) return Value::of_int(0);
      std::vector<Value> tmp(agg_of(src)->items.begin() + src.i,
                             agg_of(src)->items.begin() + src.i + n);
      const TypeRef elem = underlying(arg_type(0))->elem;
      for (std::uint32_t k = 0; k < n; ++k)
        agg_of(dst)->items[dst.i + k] = copy_value(elem, tmp[k]);
      return Value::of_int(n);
    }
    case Builtin::Panic: {
      const Value boxed = convert_to(types.empty_interface(), arg_type(0), args[0]);
      const IfaceObj* box = iface_of(boxed);
      GoPanic p;
      if (box != nullptr) {
        p.type = box->type;
        p.value = box->value;
        p.runtime_error = box->type == prog.runtime_error;
      }
      raise(std::move(p));
    }
    case Builtin::Recover: {
      Frame* parent = f.defer_parent;
      if (parent == nullptr || parent->panicking == nullptr || parent->recovered) return {};
      parent->recovered = true;
      const GoPanic& p = *parent->panicking;
      if (p.type == nullptr) return {};
      return make_iface(p.type, p.value);
    }
    case Builtin::Print:
    case Builtin::Println: {
      std::string text;
      for (std::size_t k = 0; k < args.size(); ++k) {
        if (k > 0 && c.builtin == Builtin::Println) text += ' ';
        text += print_text(arg_type(k), args[k]);
      }
      if (c.builtin == Builtin::Println) text += '\n';
      write(true, text);
      return {};
    }
    default:
      return {};
  }
}

// The builtin print's formatting (runtime/print.go).
std::string Machine::print_text(TypeRef t, const Value& v) {
  const TypeRef u = underlying(t);
  if (u == nullptr) return "nil";
  if (is_string(u)) return string_of(v);
  if (is_boolean(u)) return v.i != 0 ? "true" : "false";
  if (is_float(u)) return fmt::format("{:+e}", v.f);
  if (is_unsigned(u)) return std::to_string(static_cast<std::uint64_t>(v.i));
  if (is_integer(u)) return std::to_string(v.i);
  if (u->kind == Kind::Interface) {
    const IfaceObj* box = iface_of(v);
    if (box == nullptr) return "(0x0,0x0)";
    return fmt::format("({:#x},{:#x})", 0x4b0000, 0xc000010000ULL);
  }
  return fmt::format("{:#x}",
                     0xc000010000ULL + (reinterpret_cast<std::uintptr_t>(v.obj.get()) & 0xffff));
}

Value Machine::eval_call_plain(const CallExpr& c, Frame& f) {
  switch (c.call_kind) {
    case CallKind::Conversion: {
      const Value v = eval(*c.args[0], f);
      return convert_value(c.type, c.args[0]->type, v);
    }
    case CallKind::Builtin: {
      std::vector<Value> args;
      args.reserve(c.args.size());
      for (const auto& a : c.args) args.push_back(a->mode == Mode::Type ? Value{} : eval(*a, f));
      return builtin(c, args, f);
    }
    case CallKind::Library: {
      LibCall lc;
      lc.call = &c;
      const auto* sel = static_cast<const SelectorExpr*>(c.fun.get());
      if (sel->sel_kind == SelKind::LibMethod) lc.recv = receiver(*sel, f);
      for (const auto& a : c.args) lc.args.push_back(eval(*a, f));
      bind_args(c, c.sig, lc.args);
      lc.line = c.pos.line;
      step(lc.line);
      library().at(c.lib).plain(*this, lc);
      if (lc.results.size() == 1) return std::move(lc.results[0]);
      if (lc.results.empty()) return {};
      auto* agg = new AggregateObj;
      agg->items = std::move(lc.results);
      Value t;
      t.obj = agg;
      return t;
    }
    default:
      return {};
  }
}

// Formats operands as fmt does, calling Error()/String() methods of the program's types.
FmtHooks Machine::fmt_hooks() {
  FmtHooks h;
  h.call = [this](TypeRef t, const Value& v, std::string_view method) {
    return call_method_sync(t, v, method);
  };
  return h;
}

}  // namespace poolscope::golang
