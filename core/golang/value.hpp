#pragma once
// Values of the Go subset at run time. A Value means nothing without its static type
// (types.hpp): the interpreter and fmt always carry the TypeRef beside it.
//
// Representation, by the underlying kind of the type:
//   bool                 i = 0 or 1
//   integers             i, kept wrapped to the type's width (sign- or zero-extended)
//   float32/64           f
//   string               obj = StringObj (null: ""), immutable, shared
//   struct, array        obj = AggregateObj, one item per field / element. Owned by its
//                        variable: assignment copies items (copy_value), so a pointer to
//                        the variable sees every later assignment.
//   pointer              obj = the AggregateObj holding the pointee and i = its index
//                        there, or i = kWhole when the pointee is that aggregate itself
//                        (a pointer to a struct or array). nil: obj null.
//                        A variable whose address is taken lives in a one-item
//                        AggregateObj (a "cell").
//   slice                obj = AggregateObj (backing array), i = offset, len, cap
//   map                  obj = MapObj (null: the nil map)
//   chan                 obj = ChanObj (null: the nil channel)
//   func                 obj = FuncObj (null: nil)
//   interface            obj = IfaceObj {dynamic type, value} (null: nil interface)
// Objects are reference-counted (Ref). Cycles of pointers are not collected: a run's
// objects all go when the run ends.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/golang/types.hpp"

namespace poolscope::golang {

// Bytes held by the Go objects of this thread that can grow without bound (slices'
// backing arrays, strings): what a run's memory budget (GoRunOptions::max_memory) counts.
inline thread_local std::int64_t t_held_bytes = 0;

class HeapObject;
namespace heap_detail {
inline thread_local HeapObject* t_head = nullptr;  // every live object of this thread
inline thread_local std::uint64_t t_serial = 0;    // objects made so far
inline thread_local int t_runs = 0;                // HeapScopes alive
inline thread_local std::uint64_t t_mark = 0;      // t_serial when the first one began
}  // namespace heap_detail

class HeapObject {
 public:
  HeapObject() : serial_(++heap_detail::t_serial), next_(heap_detail::t_head) {
    if (next_ != nullptr) next_->prev_ = this;
    heap_detail::t_head = this;
  }
  HeapObject(const HeapObject&) = delete;
  HeapObject& operator=(const HeapObject&) = delete;
  virtual ~HeapObject() {
    t_held_bytes -= counted_;
    (prev_ != nullptr ? prev_->next_ : heap_detail::t_head) = next_;
    if (next_ != nullptr) next_->prev_ = prev_;
  }
  // Drops the references this object holds (items, entries, a boxed value, captures),
  // so that a cycle of objects can go (HeapScope, at the end of runs).
  virtual void drop_refs() noexcept {}
  // Counts `bytes` more as held by this object, until it goes.
  void count(std::int64_t bytes) noexcept {
    counted_ += bytes;
    t_held_bytes += bytes;
  }
  void retain() const noexcept { ++refs_; }
  void release() const noexcept {
    if (--refs_ == 0) delete this;
  }

 private:
  friend class HeapScope;
  mutable std::uint32_t refs_ = 0;
  std::int64_t counted_ = 0;
  std::uint64_t serial_;
  HeapObject* prev_ = nullptr;
  HeapObject* next_;
};

// Reference counts cannot free a cycle (a node pointing to itself, a closure stored in
// a variable it captures). A HeapScope lives as long as a run: when the last one of the
// thread ends, every object made since the first one began drops its references, so
// cycles go too. Objects made before (a program's constants) are left alone; values of
// a finished run must not be used after it.
class HeapScope {
 public:
  HeapScope() {
    if (heap_detail::t_runs++ == 0) heap_detail::t_mark = heap_detail::t_serial;
  }
  ~HeapScope();
  HeapScope(const HeapScope&) = delete;
  HeapScope& operator=(const HeapScope&) = delete;
};

// An intrusive reference to an HeapObject (or a subclass).
template <class T>
class Ref {
 public:
  Ref() = default;
  Ref(T* p) noexcept : p_(p) {  // NOLINT(google-explicit-constructor): like a pointer
    if (p_ != nullptr) p_->retain();
  }
  Ref(const Ref& o) noexcept : Ref(o.p_) {}
  Ref(Ref&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  template <class U>
  Ref(const Ref<U>& o) noexcept : Ref(o.get()) {}  // NOLINT(google-explicit-constructor)
  Ref& operator=(Ref o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  ~Ref() {
    if (p_ != nullptr) p_->release();
  }
  [[nodiscard]] T* get() const noexcept { return p_; }
  T* operator->() const noexcept { return p_; }
  T& operator*() const noexcept { return *p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }
  friend bool operator==(const Ref& a, const Ref& b) noexcept { return a.p_ == b.p_; }

 private:
  T* p_ = nullptr;
};

inline constexpr std::int64_t kWhole = -1;  // a pointer to a whole aggregate

struct Value {
  union {
    std::int64_t i;
    double f;
  };
  std::uint32_t len = 0;  // slice
  std::uint32_t cap = 0;  // slice
  Ref<HeapObject> obj;

  Value() : i(0) {}
  static Value of_int(std::int64_t v) {
    Value x;
    x.i = v;
    return x;
  }
  static Value of_float(double v) {
    Value x;
    x.f = v;
    return x;
  }
  static Value of_bool(bool v) { return of_int(v ? 1 : 0); }
};

struct StringObj final : HeapObject {
  explicit StringObj(std::string s) : text(std::move(s)) {
    count(static_cast<std::int64_t>(text.size()));
  }
  std::string text;
};

struct AggregateObj final : HeapObject {
  std::vector<Value> items;
  void drop_refs() noexcept override { std::vector<Value>().swap(items); }
};

struct IfaceObj final : HeapObject {
  IfaceObj(TypeRef t, Value v) : type(t), value(std::move(v)) {}
  TypeRef type;  // the dynamic type, never an interface
  Value value;
  void drop_refs() noexcept override { value = Value{}; }
};

// A Go map: entries in insertion order (erase moves the last entry into the hole) and an
// index by map_key_bits. The interpreter draws iteration order from the seeded stream;
// fmt sorts the entries itself. A key that holds a NaN never equals any key, as in Go:
// each insert of it adds an entry, find and erase never see it.
struct MapObj final : HeapObject {
  explicit MapObj(TypeRef key) : key_type(key) {}
  TypeRef key_type;
  std::vector<std::pair<Value, Value>> entries;

  // The value stored under `key`, or null.
  [[nodiscard]] Value* find(const Value& key);
  [[nodiscard]] const Value* find(const Value& key) const;
  // Stores value under key (and key itself, as Go does: a -0 key replaces 0); returns
  // the stored value.
  Value& insert_or_assign(Value key, Value value);
  // Removes key's entry; false when there was none.
  bool erase(const Value& key);
  [[nodiscard]] std::size_t size() const noexcept { return entries.size(); }
  void drop_refs() noexcept override {
    std::vector<std::pair<Value, Value>>().swap(entries);
    index_.clear();
  }

 private:
  std::unordered_map<std::string, std::size_t> index_;
};

// A canonical encoding of a map key of type t: equal keys (Go's ==) give equal bytes.
// Integers and bools by value, floats by bits with -0 as +0, strings by length and bytes,
// pointers and channels by object (and index), structs and arrays by their items,
// interfaces by dynamic type and value. Sets *never_equal when the key holds a NaN.
[[nodiscard]] std::string map_key_bits(TypeRef t, const Value& v, bool* never_equal = nullptr);

// Strings.
[[nodiscard]] Value make_string(std::string s);
[[nodiscard]] const std::string& string_of(const Value& v);  // "" for a null obj

// Interfaces: `v` of static type `t` (not an interface) boxed; nil stays nil only when
// it is the untyped nil (callers pass a null Value with t = nullptr for that).
[[nodiscard]] Value make_iface(TypeRef t, Value v);
[[nodiscard]] inline const IfaceObj* iface_of(const Value& v) {
  return static_cast<const IfaceObj*>(v.obj.get());
}

// The zero value of a type (fresh aggregates for structs and arrays).
[[nodiscard]] Value zero_value(TypeRef t);
// Copies the simulator object behind a sync.WaitGroup, Mutex, RWMutex or Once value (its
// id in Value::i) for copy_value, and returns the copy's id: Go copies their state, so
// `wg2 := wg` is a WaitGroup of its own (the classic bug of passing one by value).
class StateCopier {
 public:
  StateCopier() = default;
  StateCopier(const StateCopier&) = delete;
  StateCopier& operator=(const StateCopier&) = delete;
  virtual ~StateCopier() = default;
  virtual std::int64_t copy_state(TypeRef t, std::int64_t id) = 0;
};

// A copy with Go's value semantics: structs and arrays are copied deeply (their
// nested structs and arrays too); every other kind shares its object. Without a copier,
// a sync object's copy shares the original's state.
[[nodiscard]] Value copy_value(TypeRef t, const Value& v, StateCopier* copier = nullptr);

}  // namespace poolscope::golang
