#include "core/golang/value.hpp"

#include <cmath>
#include <cstring>

namespace poolscope::golang {

HeapScope::~HeapScope() {
  if (--heap_detail::t_runs > 0) return;
  std::vector<Ref<HeapObject>> made;  // held, so that none goes while others drop refs
  for (HeapObject* o = heap_detail::t_head; o != nullptr; o = o->next_) {
    if (o->serial_ > heap_detail::t_mark) made.emplace_back(o);
  }
  for (const Ref<HeapObject>& o : made) o->drop_refs();
}  // `made` lets go: with no references left among them, every object no one holds goes

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

namespace {
// sync.WaitGroup, Mutex, RWMutex and Once keep a simulator object's id in Value::i.
bool has_sim_state(TypeRef t) {
  return t->kind == Kind::Named && t->pkg == "sync" &&
         (t->name == "WaitGroup" || t->name == "Mutex" || t->name == "RWMutex" ||
          t->name == "Once");
}
}  // namespace

Value copy_value(TypeRef t, const Value& v, StateCopier* copier) {
  const TypeRef u = underlying(t);
  if (u == nullptr || (u->kind != Kind::Struct && u->kind != Kind::Array)) return v;
  Value out;
  // A library struct's own state goes with it: time.Time's instant as it is, a sync
  // object's as a copy of its own.
  out.i = copier != nullptr && v.i != 0 && has_sim_state(t) ? copier->copy_state(t, v.i) : v.i;
  if (!v.obj) return out;
  const auto& from = static_cast<const AggregateObj&>(*v.obj);
  auto* agg = new AggregateObj;
  agg->items.reserve(from.items.size());
  for (std::size_t k = 0; k < from.items.size(); ++k) {
    const TypeRef item = u->kind == Kind::Struct ? u->fields[k].type : u->elem;
    agg->items.push_back(copy_value(item, from.items[k], copier));
  }
  out.obj = agg;
  return out;
}

}  // namespace poolscope::golang

namespace poolscope::golang {

namespace {

// The bytes of a number or a pointer (T is never an array).
template <class T>
void append_raw(std::string& out, T x) {
  constexpr std::size_t kSize = sizeof x;  // NOLINT(bugprone-sizeof-expression): T may be a pointer
  char bytes[kSize];
  std::memcpy(bytes, &x, kSize);
  out.append(bytes, kSize);
}

void append_key_bits(std::string& out, TypeRef t, const Value& v, bool& never_equal) {
  const TypeRef u = underlying(t);
  switch (u != nullptr ? u->kind : Kind::Invalid) {
    case Kind::Float32:
    case Kind::Float64: {
      if (std::isnan(v.f)) never_equal = true;
      out += 'f';
      append_raw(out, v.f == 0 ? 0.0 : v.f);
      return;
    }
    case Kind::String: {
      const std::string& s = string_of(v);
      out += 's';
      append_raw(out, s.size());
      out += s;
      return;
    }
    case Kind::Struct:
    case Kind::Array: {
      const auto* agg = static_cast<const AggregateObj*>(v.obj.get());
      out += 'a';
      for (std::size_t k = 0; agg != nullptr && k < agg->items.size(); ++k) {
        const TypeRef item = u->kind == Kind::Struct ? u->fields[k].type : u->elem;
        append_key_bits(out, item, agg->items[k], never_equal);
      }
      return;
    }
    case Kind::Interface: {
      const IfaceObj* box = iface_of(v);
      out += 'I';
      append_raw(out, box != nullptr ? box->type : nullptr);
      if (box != nullptr) append_key_bits(out, box->type, box->value, never_equal);
      return;
    }
    case Kind::Pointer:
    case Kind::Chan:
    case Kind::Func:
    case Kind::Map:
    case Kind::Slice:
      out += 'p';
      append_raw(out, v.obj.get());
      append_raw(out, v.obj ? v.i : 0);
      return;
    default:
      out += 'i';
      append_raw(out, v.i);
      return;
  }
}

}  // namespace

std::string map_key_bits(TypeRef t, const Value& v, bool* never_equal) {
  std::string out;
  bool nan = false;
  append_key_bits(out, t, v, nan);
  if (never_equal != nullptr) *never_equal = nan;
  return out;
}

Value* MapObj::find(const Value& key) {
  bool nan = false;
  const auto it = index_.find(map_key_bits(key_type, key, &nan));
  if (nan || it == index_.end()) return nullptr;
  return &entries[it->second].second;
}

const Value* MapObj::find(const Value& key) const { return const_cast<MapObj*>(this)->find(key); }

Value& MapObj::insert_or_assign(Value key, Value value) {
  bool nan = false;
  std::string bits = map_key_bits(key_type, key, &nan);
  if (!nan) {
    const auto [it, inserted] = index_.try_emplace(std::move(bits), entries.size());
    if (!inserted) {  // Go stores the new key too: m[-0.0] after m[0] shows -0
      auto& entry = entries[it->second];
      entry.first = std::move(key);
      return entry.second = std::move(value);
    }
  }
  entries.emplace_back(std::move(key), std::move(value));
  return entries.back().second;
}

bool MapObj::erase(const Value& key) {
  bool nan = false;
  const auto it = index_.find(map_key_bits(key_type, key, &nan));
  if (nan || it == index_.end()) return false;
  const std::size_t at = it->second;
  index_.erase(it);
  if (at + 1 != entries.size()) {
    entries[at] = std::move(entries.back());
    bool moved_nan = false;
    const std::string moved = map_key_bits(key_type, entries[at].first, &moved_nan);
    if (!moved_nan) index_[moved] = at;
  }
  entries.pop_back();
  return true;
}

}  // namespace poolscope::golang
