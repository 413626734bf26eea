#include "core/golang/lib_fmt.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/golang/lib_strconv.hpp"

// A port of go1.19's fmt/print.go (pp) and fmt/format.go (fmt), function by function;
// the names follow Go's so the two can be read side by side.
namespace poolscope::golang {

namespace {

constexpr std::string_view kLdigits = "0123456789abcdefx";
constexpr std::string_view kUdigits = "0123456789ABCDEFX";

struct Flags {
  bool wid_present = false;
  bool prec_present = false;
  bool minus = false;
  bool plus = false;
  bool sharp = false;
  bool space = false;
  bool zero = false;
  bool plus_v = false;
  bool sharp_v = false;
  int wid = 0;
  int prec = 0;
};

Kind kind_of(TypeRef t) {
  const TypeRef u = underlying(t);
  return u != nullptr ? u->kind : Kind::Invalid;
}

// reflect's Type.String(): fmt's %T and the types it writes.
std::string type_name(TypeRef t) { return type_string(t, Qualify::Always); }

const AggregateObj* agg_of(const Value& v) { return static_cast<const AggregateObj*>(v.obj.get()); }

// The value a non-nil pointer points at.
Value deref(const Value& p) {
  if (p.i == kWhole) {
    Value v;
    v.obj = p.obj;
    return v;
  }
  return agg_of(p)->items[static_cast<std::size_t>(p.i)];
}

bool exported(std::string_view name) {
  if (name.empty()) return false;
  const char32_t r = decode_rune(name).rune;
  return (r >= 'A' && r <= 'Z') || (r >= 0xC0 && r <= 0xDE && r != 0xD7) ||
         (r >= 0x391 && r <= 0x3A9) || (r >= 0x400 && r <= 0x42F);
}

// A method promoted to struct type s (or *s when `addressable`) through its embedded
// fields, at the shallowest depth that has one; null if none or ambiguous there.
const Method* promoted_method(TypeRef s, std::string_view name, bool addressable) {
  std::vector<std::pair<TypeRef, bool>> level = {{s, addressable}};
  for (int depth = 0; depth < 8 && !level.empty(); ++depth) {
    std::vector<std::pair<TypeRef, bool>> next;
    const Method* found = nullptr;
    int matches = 0;
    for (const auto& [t, addr] : level) {
      const TypeRef u = underlying(t);
      if (u == nullptr || u->kind != Kind::Struct) continue;
      for (const Field& f : u->fields) {
        if (!f.embedded) continue;
        const bool ptr = f.type->kind == Kind::Pointer;
        const TypeRef ft = ptr ? f.type->elem : f.type;
        if (const Method* m = find_method(ft, name, addr || ptr)) {
          found = m;
          ++matches;
        }
        next.emplace_back(ft, addr || ptr);
      }
    }
    if (matches > 0) return matches == 1 ? found : nullptr;
    level = std::move(next);
  }
  return nullptr;
}

// Whether t's method set has `name` as `func() string`, declared or promoted.
bool has_string_method(TypeRef t, std::string_view name) {
  const Method* m = find_method(t, name, false);
  if (m == nullptr) {
    const bool ptr = t->kind == Kind::Pointer;
    m = promoted_method(ptr ? t->elem : t, name, ptr);
  }
  if (m == nullptr) return false;
  if (m->sig == nullptr) return true;
  return m->sig->params.empty() && m->sig->results.size() == 1 &&
         m->sig->results[0]->kind == Kind::String;
}

// internal/fmtsort's compare.
int compare_keys(TypeRef t, const Value& a, const Value& b);

int compare_items(TypeRef t, const Value& a, const Value& b) {
  const TypeRef u = underlying(t);
  const AggregateObj* x = agg_of(a);
  const AggregateObj* y = agg_of(b);
  if (x == nullptr || y == nullptr) return 0;
  for (std::size_t k = 0; k < x->items.size(); ++k) {
    const TypeRef item = u->kind == Kind::Struct ? u->fields[k].type : u->elem;
    if (const int c = compare_keys(item, x->items[k], y->items[k]); c != 0) return c;
  }
  return 0;
}

template <class T>
int three_way(T a, T b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

int compare_ifaces(const Value& a, const Value& b) {
  const IfaceObj* x = iface_of(a);
  const IfaceObj* y = iface_of(b);
  if (x == nullptr || y == nullptr) return x == nullptr ? (y == nullptr ? 0 : -1) : 1;
  if (x->type != y->type) return three_way(type_name(x->type), type_name(y->type));
  return compare_keys(x->type, x->value, y->value);
}

int compare_keys(TypeRef t, const Value& a, const Value& b) {
  const Kind k = kind_of(t);
  if (is_unsigned(t)) {
    return three_way(static_cast<std::uint64_t>(a.i), static_cast<std::uint64_t>(b.i));
  }
  switch (k) {
    case Kind::Float32:
    case Kind::Float64:
      if (std::isnan(a.f)) return -1;
      if (std::isnan(b.f)) return 1;
      return three_way(a.f, b.f);
    case Kind::String:
      return three_way(string_of(a), string_of(b));
    case Kind::Struct:
    case Kind::Array:
      return compare_items(t, a, b);
    case Kind::Interface:
      return compare_ifaces(a, b);
    case Kind::Pointer:
    case Kind::Chan:
      return three_way(reinterpret_cast<std::uintptr_t>(a.obj.get()) + std::uint64_t(a.i),
                       reinterpret_cast<std::uintptr_t>(b.obj.get()) + std::uint64_t(b.i));
    default:
      return three_way(a.i, b.i);  // ints, bools (false first)
  }
}

class Printer {
 public:
  explicit Printer(FmtHooks& hooks) : hooks_(hooks) {}

  std::string buf;
  bool wrap_errs = false;
  std::optional<std::size_t> wrapped;

  void do_print(std::span<const FmtArg> args);
  void do_println(std::span<const FmtArg> args);
  void do_printf(std::string_view format, std::span<const FmtArg> args);

 private:
  // ---- fmt/format.go ----
  void write_padding(int n);
  void pad(std::string_view s);
  void fmt_integer(std::uint64_t u, int base, bool is_signed, char32_t verb,
                   std::string_view digits);
  void fmt_unicode(std::uint64_t u);
  void fmt_c(std::uint64_t c);
  void fmt_qc(std::uint64_t c);
  void fmt_float(double v, int size, char verb, int prec);
  void fmt_float_sharp(std::string& num, char verb, int prec);
  std::string_view truncate(std::string_view s) const;
  void fmt_sbx(std::string_view s, std::string_view digits);
  void fmt_q(std::string_view s);

  // ---- fmt/print.go ----
  void bad_verb(char32_t verb);
  void fmt_bool(bool v, char32_t verb);
  void fmt_0x64(std::uint64_t v, bool leading0x);
  void fmt_int(std::uint64_t v, bool is_signed, char32_t verb);
  void fmt_float_verb(double v, int size, char32_t verb);
  void fmt_string(std::string_view v, char32_t verb);
  void fmt_bytes(const std::string& v, bool is_nil, char32_t verb, const std::string& type_str);
  void fmt_pointer(TypeRef t, const Value& v, char32_t verb);
  std::uint64_t address(const HeapObject* obj) const;
  std::uint64_t pointer_bits(TypeRef t, const Value& v) const;
  void print_arg(const FmtArg& a, char32_t verb);
  bool handle_methods(TypeRef t, const Value& v, char32_t verb);
  bool call_method(TypeRef t, const Value& v, std::string_view method, char32_t verb);
  void print_value(TypeRef t, const Value& v, char32_t verb, int depth, bool ro);
  void print_map(TypeRef t, const Value& v, char32_t verb, int depth, bool ro);
  void print_struct(TypeRef t, const Value& v, char32_t verb, int depth, bool ro);
  void print_list(TypeRef t, const Value& v, char32_t verb, int depth, bool ro);
  void write_char(char32_t c) { append_rune(buf, c); }

  // ---- doPrintf's helpers ----
  struct Cursor {
    std::size_t i = 0;
    std::size_t arg_num = 0;
    bool after_index = false;
    bool good_arg_num = true;
    bool reordered = false;
  };
  void arg_number(std::string_view format, Cursor& c, std::size_t num_args);
  bool parse_flags(std::string_view format, Cursor& c, std::span<const FmtArg> args);
  void parse_width_prec(std::string_view format, Cursor& c, std::span<const FmtArg> args);
  void print_extra(std::span<const FmtArg> args, std::size_t from);

  FmtHooks& hooks_;
  Flags f_;
  bool erroring_ = false;
  std::size_t arg_index_ = 0;
  TypeRef cur_type_ = nullptr;  // what bad_verb names: the operand being printed
  const Value* cur_value_ = nullptr;
};

// ---------------------------------------------------------------- format.go

void Printer::write_padding(int n) {
  if (n <= 0) return;
  buf.append(static_cast<std::size_t>(n), f_.zero ? '0' : ' ');
}

void Printer::pad(std::string_view s) {
  if (!f_.wid_present || f_.wid == 0) {
    buf += s;
    return;
  }
  const int width = f_.wid - static_cast<int>(rune_count(s));
  if (!f_.minus) {
    write_padding(width);
    buf += s;
  } else {
    buf += s;
    write_padding(width);
  }
}

void Printer::fmt_integer(std::uint64_t u, int base, bool is_signed, char32_t verb,
                          std::string_view digits) {
  const bool negative = is_signed && static_cast<std::int64_t>(u) < 0;
  if (negative) u = 0 - u;
  int prec = 0;
  if (f_.prec_present) {
    prec = f_.prec;
    if (prec == 0 && u == 0) {
      const bool old_zero = std::exchange(f_.zero, false);
      write_padding(f_.wid);
      f_.zero = old_zero;
      return;
    }
  } else if (f_.zero && f_.wid_present) {
    prec = f_.wid;
    if (negative || f_.plus || f_.space) --prec;
  }
  std::string num;
  const auto b = static_cast<std::uint64_t>(base);
  do {
    num += digits[u % b];
    u /= b;
  } while (u != 0);
  while (static_cast<int>(num.size()) < prec) num += '0';
  if (f_.sharp) {
    if (base == 2) num += "b0";
    if (base == 8 && num.back() != '0') num += '0';
    if (base == 16) num += std::string{digits[16], '0'};
  }
  if (verb == 'O') num += "o0";
  if (negative) {
    num += '-';
  } else if (f_.plus) {
    num += '+';
  } else if (f_.space) {
    num += ' ';
  }
  std::reverse(num.begin(), num.end());
  const bool old_zero = std::exchange(f_.zero, false);
  pad(num);
  f_.zero = old_zero;
}

void Printer::fmt_unicode(std::uint64_t u) {
  int prec = 4;
  if (f_.prec_present && f_.prec > 4) prec = f_.prec;
  std::string hex = format_uint(u, 16);
  std::transform(hex.begin(), hex.end(), hex.begin(),
                 [](char c) { return static_cast<char>(c >= 'a' ? c - 32 : c); });
  std::string out = "U+";
  if (static_cast<int>(hex.size()) < prec) {
    out.append(static_cast<std::size_t>(prec) - hex.size(), '0');
  }
  out += hex;
  if (f_.sharp && u <= kMaxRune && is_print(static_cast<char32_t>(u))) {
    out += " '";
    append_rune(out, static_cast<char32_t>(u));
    out += '\'';
  }
  const bool old_zero = std::exchange(f_.zero, false);
  pad(out);
  f_.zero = old_zero;
}

void Printer::fmt_c(std::uint64_t c) {
  std::string out;
  append_rune(out, c > kMaxRune ? kRuneError : static_cast<char32_t>(c));
  pad(out);
}

void Printer::fmt_qc(std::uint64_t c) {
  const std::int64_t r = c > kMaxRune ? kRuneError : static_cast<std::int64_t>(c);
  pad(quote_rune(r, f_.plus));
}

void Printer::fmt_float_sharp(std::string& num, char verb, int prec) {
  int digits = 0;
  if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') digits = prec == -1 ? 6 : prec;
  std::string tail;
  bool has_point = false;
  bool saw_nonzero = false;
  for (std::size_t i = 1; i < num.size(); ++i) {
    const char c = num[i];
    if (c == '.') {
      has_point = true;
    } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
      tail = num.substr(i);
      num.resize(i);
      break;
    } else {
      saw_nonzero = saw_nonzero || c != '0';
      if (saw_nonzero) --digits;
    }
  }
  if (!has_point) {
    if (num.size() == 2 && num[1] == '0') --digits;
    num += '.';
  }
  if (digits > 0) num.append(static_cast<std::size_t>(digits), '0');
  num += tail;
}

void Printer::fmt_float(double v, int size, char verb, int prec) {
  if (f_.prec_present) prec = f_.prec;
  std::string num = format_float(v, verb, prec, size);
  if (num[0] != '-' && num[0] != '+') num.insert(num.begin(), '+');
  if (f_.space && num[0] == '+' && !f_.plus) num[0] = ' ';
  if (num[1] == 'I' || num[1] == 'N') {
    const bool old_zero = std::exchange(f_.zero, false);
    if (num[1] == 'N' && !f_.space && !f_.plus) num.erase(0, 1);
    pad(num);
    f_.zero = old_zero;
    return;
  }
  if (f_.sharp && verb != 'b') fmt_float_sharp(num, verb, prec);
  if (f_.plus || num[0] != '+') {
    if (f_.zero && f_.wid_present && f_.wid > static_cast<int>(num.size())) {
      buf += num[0];
      write_padding(f_.wid - static_cast<int>(num.size()));
      buf += std::string_view(num).substr(1);
      return;
    }
    pad(num);
    return;
  }
  pad(std::string_view(num).substr(1));
}

std::string_view Printer::truncate(std::string_view s) const {
  if (!f_.prec_present) return s;
  int n = f_.prec;
  for (std::size_t i = 0; i < s.size();
       i += static_cast<std::size_t>(decode_rune(s.substr(i)).width)) {
    if (--n < 0) return s.substr(0, i);
  }
  return s;
}

void Printer::fmt_sbx(std::string_view s, std::string_view digits) {
  int length = static_cast<int>(s.size());
  if (f_.prec_present && f_.prec < length) length = f_.prec;
  int width = 2 * length;
  if (width <= 0) {
    if (f_.wid_present) write_padding(f_.wid);
    return;
  }
  if (f_.space) {
    if (f_.sharp) width *= 2;
    width += length - 1;
  } else if (f_.sharp) {
    width += 2;
  }
  if (f_.wid_present && f_.wid > width && !f_.minus) write_padding(f_.wid - width);
  if (f_.sharp) buf += std::string{'0', digits[16]};
  for (int i = 0; i < length; ++i) {
    if (f_.space && i > 0) {
      buf += ' ';
      if (f_.sharp) buf += std::string{'0', digits[16]};
    }
    const auto c = static_cast<unsigned char>(s[static_cast<std::size_t>(i)]);
    buf += digits[c >> 4];
    buf += digits[c & 0xF];
  }
  if (f_.wid_present && f_.wid > width && f_.minus) write_padding(f_.wid - width);
}

void Printer::fmt_q(std::string_view s) {
  s = truncate(s);
  if (f_.sharp && can_backquote(s)) {
    pad("`" + std::string(s) + "`");
    return;
  }
  pad(quote(s, f_.plus));
}

// ---------------------------------------------------------------- print.go

void Printer::bad_verb(char32_t verb) {
  erroring_ = true;
  buf += "%!";
  write_char(verb);
  buf += '(';
  if (cur_type_ != nullptr) {
    const TypeRef t = cur_type_;
    const Value v = *cur_value_;
    buf += type_name(t);
    buf += '=';
    print_value(t, v, 'v', 0, false);
  } else {
    buf += "<nil>";
  }
  buf += ')';
  erroring_ = false;
}

void Printer::fmt_bool(bool v, char32_t verb) {
  if (verb == 't' || verb == 'v') {
    pad(v ? "true" : "false");
  } else {
    bad_verb(verb);
  }
}

void Printer::fmt_0x64(std::uint64_t v, bool leading0x) {
  const bool sharp = std::exchange(f_.sharp, leading0x);
  fmt_integer(v, 16, false, 'v', kLdigits);
  f_.sharp = sharp;
}

void Printer::fmt_int(std::uint64_t v, bool is_signed, char32_t verb) {
  switch (verb) {
    case 'v':
      if (f_.sharp_v && !is_signed) {
        fmt_0x64(v, true);
      } else {
        fmt_integer(v, 10, is_signed, verb, kLdigits);
      }
      return;
    case 'd':
      fmt_integer(v, 10, is_signed, verb, kLdigits);
      return;
    case 'b':
      fmt_integer(v, 2, is_signed, verb, kLdigits);
      return;
    case 'o':
    case 'O':
      fmt_integer(v, 8, is_signed, verb, kLdigits);
      return;
    case 'x':
      fmt_integer(v, 16, is_signed, verb, kLdigits);
      return;
    case 'X':
      fmt_integer(v, 16, is_signed, verb, kUdigits);
      return;
    case 'c':
      fmt_c(v);
      return;
    case 'q':
      fmt_qc(v);
      return;
    case 'U':
      fmt_unicode(v);
      return;
    default:
      bad_verb(verb);
  }
}

void Printer::fmt_float_verb(double v, int size, char32_t verb) {
  switch (verb) {
    case 'v':
      fmt_float(v, size, 'g', -1);
      return;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X':
      fmt_float(v, size, static_cast<char>(verb), -1);
      return;
    case 'f':
    case 'e':
    case 'E':
      fmt_float(v, size, static_cast<char>(verb), 6);
      return;
    case 'F':
      fmt_float(v, size, 'f', 6);
      return;
    default:
      bad_verb(verb);
  }
}

void Printer::fmt_string(std::string_view v, char32_t verb) {
  switch (verb) {
    case 'v':
      if (f_.sharp_v) {
        fmt_q(v);
      } else {
        pad(truncate(v));
      }
      return;
    case 's':
      pad(truncate(v));
      return;
    case 'x':
      fmt_sbx(v, kLdigits);
      return;
    case 'X':
      fmt_sbx(v, kUdigits);
      return;
    case 'q':
      fmt_q(v);
      return;
    default:
      bad_verb(verb);
  }
}

// fmtBytes for the verbs that treat a byte slice or array as bytes (s q x X), and for
// %v / %d / %#v of the plain []byte operand.
void Printer::fmt_bytes(const std::string& v, bool is_nil, char32_t verb,
                        const std::string& type_str) {
  switch (verb) {
    case 'v':
    case 'd':
      if (f_.sharp_v) {
        buf += type_str;
        if (is_nil) {
          buf += "(nil)";
          return;
        }
        buf += '{';
        for (std::size_t i = 0; i < v.size(); ++i) {
          if (i > 0) buf += ", ";
          fmt_0x64(static_cast<unsigned char>(v[i]), true);
        }
        buf += '}';
      } else {
        buf += '[';
        for (std::size_t i = 0; i < v.size(); ++i) {
          if (i > 0) buf += ' ';
          fmt_integer(static_cast<unsigned char>(v[i]), 10, false, verb, kLdigits);
        }
        buf += ']';
      }
      return;
    case 's':
      pad(truncate(v));
      return;
    case 'x':
      fmt_sbx(v, kLdigits);
      return;
    case 'X':
      fmt_sbx(v, kUdigits);
      return;
    default:
      fmt_q(v);
      return;
  }
}

std::uint64_t Printer::address(const HeapObject* obj) const {
  if (obj == nullptr) return 0;
  if (hooks_.address) return hooks_.address(obj);
  // Not Go's address: the host's, moved into the range Go's heap addresses show.
  return 0xc000000000u + reinterpret_cast<std::uintptr_t>(obj) % (std::uint64_t{1} << 36);
}

std::uint64_t Printer::pointer_bits(TypeRef t, const Value& v) const {
  const std::uint64_t base = address(v.obj.get());
  if (base == 0) return 0;
  const Kind k = kind_of(t);
  if (k == Kind::Slice || (k == Kind::Pointer && v.i != kWhole)) {
    return base + 8 * static_cast<std::uint64_t>(v.i);
  }
  return base;
}

void Printer::fmt_pointer(TypeRef t, const Value& v, char32_t verb) {
  const Kind k = kind_of(t);
  if (k != Kind::Chan && k != Kind::Func && k != Kind::Map && k != Kind::Pointer &&
      k != Kind::Slice) {
    bad_verb(verb);
    return;
  }
  const std::uint64_t u = pointer_bits(t, v);
  switch (verb) {
    case 'v':
      if (f_.sharp_v) {
        buf += "(" + type_name(t) + ")(";
        if (u == 0) {
          buf += "nil";
        } else {
          fmt_0x64(u, true);
        }
        buf += ')';
      } else if (u == 0) {
        pad("<nil>");
      } else {
        fmt_0x64(u, !f_.sharp);
      }
      return;
    case 'p':
      fmt_0x64(u, !f_.sharp);
      return;
    case 'b':
    case 'o':
    case 'd':
    case 'x':
    case 'X':
      fmt_int(u, false, verb);
      return;
    default:
      bad_verb(verb);
  }
}

void Printer::print_arg(const FmtArg& a, char32_t verb) {
  TypeRef t = a.type;
  const Value* v = &a.value;
  if (is_interface(t)) {  // the caller passed the static type: take the dynamic one
    const IfaceObj* box = iface_of(a.value);
    t = box != nullptr ? box->type : nullptr;
    v = box != nullptr ? &box->value : nullptr;
  }
  cur_type_ = t;
  cur_value_ = v;
  if (t == nullptr) {
    if (verb == 'T' || verb == 'v') {
      pad("<nil>");
    } else {
      bad_verb(verb);
    }
    return;
  }
  if (verb == 'T') {
    pad(truncate(type_name(t)));
    return;
  }
  if (verb == 'p') {
    fmt_pointer(t, *v, 'p');
    return;
  }
  if (t->kind == Kind::Slice && t->elem->kind == Kind::Uint8 &&
      (verb == 'v' || verb == 'd' || verb == 's' || verb == 'q' || verb == 'x' || verb == 'X')) {
    std::string bytes;
    for (std::uint32_t k = 0; k < v->len; ++k) {
      bytes += static_cast<char>(agg_of(*v)->items[static_cast<std::size_t>(v->i) + k].i);
    }
    fmt_bytes(bytes, !v->obj, verb, "[]byte");
    return;
  }
  // printArg's fast path: the unnamed basic types have no methods (and %w of them is a
  // plain bad verb).
  const bool plain_basic = t->kind >= Kind::Bool && t->kind <= Kind::String;
  if (plain_basic || !handle_methods(t, *v, verb)) print_value(t, *v, verb, 0, false);
}

bool Printer::call_method(TypeRef t, const Value& v, std::string_view method, char32_t verb) {
  if (!has_string_method(t, method) || !hooks_.call) return false;
  const std::optional<std::string> text = hooks_.call(t, v, method);
  if (!text) {
    // A method that panicked on a nil pointer receiver: Go's catchPanic prints <nil>.
    if (kind_of(t) != Kind::Pointer || v.obj) return false;
    buf += "<nil>";
    return true;
  }
  if (method == "GoString") {
    buf += *text;
  } else {
    fmt_string(*text, verb);
  }
  return true;
}

bool Printer::handle_methods(TypeRef t, const Value& v, char32_t verb) {
  if (erroring_) return false;
  if (verb == 'w') {
    if (!has_string_method(t, "Error") || !wrap_errs || wrapped.has_value()) {
      wrapped.reset();
      wrap_errs = false;
      bad_verb(verb);
      return true;
    }
    wrapped = arg_index_;
    verb = 'v';
  }
  if (f_.sharp_v) return call_method(t, v, "GoString", verb);
  if (verb != 'v' && verb != 's' && verb != 'x' && verb != 'X' && verb != 'q') return false;
  return call_method(t, v, "Error", verb) || call_method(t, v, "String", verb);
}

void Printer::print_map(TypeRef t, const Value& v, char32_t verb, int depth, bool ro) {
  const TypeRef u = underlying(t);
  const auto* m = static_cast<const MapObj*>(v.obj.get());
  if (f_.sharp_v) {
    buf += type_name(t);
    if (m == nullptr) {
      buf += "(nil)";
      return;
    }
    buf += '{';
  } else {
    buf += "map[";
  }
  std::vector<const std::pair<Value, Value>*> sorted;
  if (m != nullptr) {
    for (const auto& e : m->entries) sorted.push_back(&e);
  }
  std::stable_sort(sorted.begin(), sorted.end(), [&](const auto* a, const auto* b) {
    return compare_keys(u->key, a->first, b->first) < 0;
  });
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0) buf += f_.sharp_v ? ", " : " ";
    print_value(u->key, sorted[i]->first, verb, depth + 1, ro);
    buf += ':';
    print_value(u->elem, sorted[i]->second, verb, depth + 1, ro);
  }
  buf += f_.sharp_v ? '}' : ']';
}

void Printer::print_struct(TypeRef t, const Value& v, char32_t verb, int depth, bool ro) {
  const TypeRef u = underlying(t);
  if (f_.sharp_v) buf += type_name(t);
  buf += '{';
  for (std::size_t k = 0; k < u->fields.size(); ++k) {
    if (k > 0) buf += f_.sharp_v ? ", " : " ";
    const Field& field = u->fields[k];
    if (f_.plus_v || f_.sharp_v) buf += field.name + ":";
    TypeRef ft = field.type;
    Value fv = agg_of(v) != nullptr ? agg_of(v)->items[k] : zero_value(ft);
    if (is_interface(ft) && iface_of(fv) != nullptr) {  // getField
      const IfaceObj* box = iface_of(fv);
      ft = box->type;
      fv = box->value;
    }
    print_value(ft, fv, verb, depth + 1, ro || !exported(field.name));
  }
  buf += '}';
}

void Printer::print_list(TypeRef t, const Value& v, char32_t verb, int depth, bool ro) {
  const TypeRef u = underlying(t);
  const bool slice = u->kind == Kind::Slice;
  const std::size_t len = slice ? v.len : static_cast<std::size_t>(u->len);
  const std::size_t offset = slice ? static_cast<std::size_t>(v.i) : 0;
  const AggregateObj* agg = agg_of(v);
  const auto item = [&](std::size_t k) { return agg->items[offset + k]; };
  if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') &&
      kind_of(u->elem) == Kind::Uint8) {
    std::string bytes;
    for (std::size_t k = 0; k < len; ++k) bytes += static_cast<char>(item(k).i);
    fmt_bytes(bytes, false, verb, type_name(t));
    return;
  }
  if (f_.sharp_v) {
    buf += type_name(t);
    if (slice && !v.obj) {
      buf += "(nil)";
      return;
    }
    buf += '{';
  } else {
    buf += '[';
  }
  for (std::size_t k = 0; k < len; ++k) {
    if (k > 0) buf += f_.sharp_v ? ", " : " ";
    print_value(u->elem, item(k), verb, depth + 1, ro);
  }
  buf += f_.sharp_v ? '}' : ']';
}

void Printer::print_value(TypeRef t, const Value& v, char32_t verb, int depth, bool ro) {
  if (depth > 0 && !ro) {
    TypeRef dyn = t;
    const Value* dv = &v;
    if (is_interface(t)) {
      const IfaceObj* box = iface_of(v);
      dyn = box != nullptr ? box->type : nullptr;
      dv = box != nullptr ? &box->value : nullptr;
    }
    cur_type_ = dyn;  // p.arg = value.Interface(), which a bad %w names
    cur_value_ = dv;
    if (dyn != nullptr && handle_methods(dyn, *dv, verb)) return;
  }
  cur_type_ = t;
  cur_value_ = &v;
  const Kind k = kind_of(t);
  if (is_integer(t)) {
    fmt_int(static_cast<std::uint64_t>(v.i), !is_unsigned(t), verb);
    return;
  }
  switch (k) {
    case Kind::Bool:
      fmt_bool(v.i != 0, verb);
      return;
    case Kind::Float32:
      fmt_float_verb(v.f, 32, verb);
      return;
    case Kind::Float64:
      fmt_float_verb(v.f, 64, verb);
      return;
    case Kind::String:
      fmt_string(string_of(v), verb);
      return;
    case Kind::Map:
      print_map(t, v, verb, depth, ro);
      return;
    case Kind::Struct:
      print_struct(t, v, verb, depth, ro);
      return;
    case Kind::Array:
    case Kind::Slice:
      print_list(t, v, verb, depth, ro);
      return;
    case Kind::Interface: {
      const IfaceObj* box = iface_of(v);
      if (box == nullptr) {
        buf += f_.sharp_v ? type_name(t) + "(nil)" : "<nil>";
      } else {
        print_value(box->type, box->value, verb, depth + 1, ro);
      }
      return;
    }
    case Kind::Pointer:
      if (depth == 0 && v.obj) {
        const Kind ek = kind_of(underlying(t)->elem);
        if (ek == Kind::Array || ek == Kind::Slice || ek == Kind::Struct || ek == Kind::Map) {
          buf += '&';
          print_value(underlying(t)->elem, deref(v), verb, depth + 1, ro);
          return;
        }
      }
      fmt_pointer(t, v, verb);
      return;
    default:
      fmt_pointer(t, v, verb);
      return;
  }
}

// ---------------------------------------------------------------- doPrint*

void Printer::do_print(std::span<const FmtArg> args) {
  bool prev_string = false;
  for (std::size_t n = 0; n < args.size(); ++n) {
    const FmtArg& a = args[n];
    TypeRef t = a.type;
    if (is_interface(t)) t = iface_of(a.value) != nullptr ? iface_of(a.value)->type : nullptr;
    const bool is_str = t != nullptr && kind_of(t) == Kind::String;
    if (n > 0 && !is_str && !prev_string) buf += ' ';
    arg_index_ = n;
    print_arg(a, 'v');
    prev_string = is_str;
  }
}

void Printer::do_println(std::span<const FmtArg> args) {
  for (std::size_t n = 0; n < args.size(); ++n) {
    if (n > 0) buf += ' ';
    arg_index_ = n;
    print_arg(args[n], 'v');
  }
  buf += '\n';
}

namespace {

bool too_large(int x) { return x > 1000000 || x < -1000000; }

struct Num {
  int value = 0;
  bool ok = false;
  std::size_t next = 0;
};

Num parse_num(std::string_view s, std::size_t start, std::size_t end) {
  Num n{0, false, start};
  if (start >= end) return {0, false, end};
  for (; n.next < end && s[n.next] >= '0' && s[n.next] <= '9'; ++n.next) {
    if (too_large(n.value)) return {0, false, end};
    n.value = n.value * 10 + (s[n.next] - '0');
    n.ok = true;
  }
  return n;
}

// intFromArg: an int operand for `*`.
std::optional<int> int_from_arg(const FmtArg& a) {
  TypeRef t = a.type;
  Value v = a.value;
  if (is_interface(t) && iface_of(v) != nullptr) {
    t = iface_of(a.value)->type;
    v = iface_of(a.value)->value;
  }
  if (t == nullptr || !is_integer(t)) return std::nullopt;
  if (is_unsigned(t) && v.i < 0) return std::nullopt;
  if (v.i > 1000000 || v.i < -1000000) return std::nullopt;
  return static_cast<int>(v.i);
}

}  // namespace

void Printer::arg_number(std::string_view format, Cursor& c, std::size_t num_args) {
  c.after_index = false;
  if (c.i >= format.size() || format[c.i] != '[') return;
  c.reordered = true;
  const std::string_view rest = format.substr(c.i);
  std::size_t wid = 1;
  bool ok = false;
  int index = 0;
  if (rest.size() >= 3) {
    for (std::size_t k = 1; k < rest.size(); ++k) {
      if (rest[k] != ']') continue;
      const Num n = parse_num(rest, 1, k);
      wid = k + 1;
      ok = n.ok && n.next == k;
      index = n.value - 1;
      break;
    }
  }
  c.i += wid;
  if (ok && index >= 0 && static_cast<std::size_t>(index) < num_args) {
    c.arg_num = static_cast<std::size_t>(index);
    c.after_index = true;
    return;
  }
  c.good_arg_num = false;
  c.after_index = ok;
}

// The flags and the fast path of a simple verb; true when the verb was printed.
bool Printer::parse_flags(std::string_view format, Cursor& c, std::span<const FmtArg> args) {
  for (; c.i < format.size(); ++c.i) {
    const char ch = format[c.i];
    switch (ch) {
      case '#':
        f_.sharp = true;
        break;
      case '0':
        f_.zero = !f_.minus;
        break;
      case '+':
        f_.plus = true;
        break;
      case '-':
        f_.minus = true;
        f_.zero = false;
        break;
      case ' ':
        f_.space = true;
        break;
      default:
        if (ch >= 'a' && ch <= 'z' && c.arg_num < args.size()) {
          if (ch == 'v') {
            f_.sharp_v = std::exchange(f_.sharp, false);
            f_.plus_v = std::exchange(f_.plus, false);
          }
          arg_index_ = c.arg_num;
          print_arg(args[c.arg_num], static_cast<char32_t>(ch));
          ++c.arg_num;
          ++c.i;
          return true;
        }
        return false;
    }
  }
  return false;
}

void Printer::parse_width_prec(std::string_view format, Cursor& c, std::span<const FmtArg> args) {
  const std::size_t end = format.size();
  arg_number(format, c, args.size());
  if (c.i < end && format[c.i] == '*') {
    ++c.i;
    const std::optional<int> w =
        c.arg_num < args.size() ? int_from_arg(args[c.arg_num]) : std::nullopt;
    if (c.arg_num < args.size()) ++c.arg_num;
    f_.wid = w.value_or(0);
    f_.wid_present = w.has_value();
    if (!f_.wid_present) buf += "%!(BADWIDTH)";
    if (f_.wid < 0) {
      f_.wid = -f_.wid;
      f_.minus = true;
      f_.zero = false;
    }
    c.after_index = false;
  } else {
    const Num n = parse_num(format, c.i, end);
    f_.wid = n.value;
    f_.wid_present = n.ok;
    c.i = n.next;
    if (c.after_index && f_.wid_present) c.good_arg_num = false;
  }
  if (c.i + 1 < end && format[c.i] == '.') {
    ++c.i;
    if (c.after_index) c.good_arg_num = false;
    arg_number(format, c, args.size());
    if (c.i < end && format[c.i] == '*') {
      ++c.i;
      const std::optional<int> p =
          c.arg_num < args.size() ? int_from_arg(args[c.arg_num]) : std::nullopt;
      if (c.arg_num < args.size()) ++c.arg_num;
      f_.prec = p.value_or(0);
      f_.prec_present = p.has_value();
      if (f_.prec < 0) {
        f_.prec = 0;
        f_.prec_present = false;
      }
      if (!f_.prec_present) buf += "%!(BADPREC)";
      c.after_index = false;
    } else {
      const Num n = parse_num(format, c.i, end);
      f_.prec = n.ok ? n.value : 0;
      f_.prec_present = true;
      c.i = n.next;
    }
  }
  if (!c.after_index) arg_number(format, c, args.size());
}

void Printer::print_extra(std::span<const FmtArg> args, std::size_t from) {
  f_ = Flags{};
  buf += "%!(EXTRA ";
  for (std::size_t n = from; n < args.size(); ++n) {
    if (n > from) buf += ", ";
    TypeRef t = args[n].type;
    if (is_interface(t))
      t = iface_of(args[n].value) != nullptr ? iface_of(args[n].value)->type : nullptr;
    if (t == nullptr) {
      buf += "<nil>";
    } else {
      buf += type_name(t) + "=";
      arg_index_ = n;
      print_arg(args[n], 'v');
    }
  }
  buf += ')';
}

void Printer::do_printf(std::string_view format, std::span<const FmtArg> args) {
  const std::size_t end = format.size();
  Cursor c;
  while (c.i < end) {
    c.good_arg_num = true;
    const std::size_t last = c.i;
    while (c.i < end && format[c.i] != '%') ++c.i;
    buf += format.substr(last, c.i - last);
    if (c.i >= end) break;
    ++c.i;
    f_ = Flags{};
    if (parse_flags(format, c, args)) continue;
    parse_width_prec(format, c, args);
    if (c.i >= end) {
      buf += "%!(NOVERB)";
      break;
    }
    DecodedRune d = decode_rune(format.substr(c.i));
    const char32_t verb = d.rune;
    c.i += static_cast<std::size_t>(d.width);
    if (verb == '%') {
      buf += '%';
    } else if (!c.good_arg_num) {
      buf += "%!";
      write_char(verb);
      buf += "(BADINDEX)";
    } else if (c.arg_num >= args.size()) {
      buf += "%!";
      write_char(verb);
      buf += "(MISSING)";
    } else {
      if (verb == 'v') {
        f_.sharp_v = std::exchange(f_.sharp, false);
        f_.plus_v = std::exchange(f_.plus, false);
      }
      arg_index_ = c.arg_num;
      print_arg(args[c.arg_num], verb);
      ++c.arg_num;
    }
  }
  if (!c.reordered && c.arg_num < args.size()) print_extra(args, c.arg_num);
}

}  // namespace

std::string sprint(std::span<const FmtArg> args, FmtHooks& hooks) {
  Printer p(hooks);
  p.do_print(args);
  return std::move(p.buf);
}

std::string sprintln(std::span<const FmtArg> args, FmtHooks& hooks) {
  Printer p(hooks);
  p.do_println(args);
  return std::move(p.buf);
}

std::string sprintf(std::string_view format, std::span<const FmtArg> args, FmtHooks& hooks) {
  Printer p(hooks);
  p.do_printf(format, args);
  return std::move(p.buf);
}

ErrorfText errorf(std::string_view format, std::span<const FmtArg> args, FmtHooks& hooks) {
  Printer p(hooks);
  p.wrap_errs = true;
  p.do_printf(format, args);
  return {std::move(p.buf), p.wrapped};
}

}  // namespace poolscope::golang
