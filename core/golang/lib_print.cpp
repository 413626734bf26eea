#include "core/golang/lib_print.hpp"

#include <fmt/format.h>
#include <cmath>

namespace poolscope::golang {

namespace {

Kind kind_of(TypeRef t) {
  const TypeRef u = underlying(t);
  return u != nullptr ? u->kind : Kind::Invalid;
}

std::string hex_address(const HeapObject* obj, FmtHooks& hooks) {
  if (obj == nullptr) return "0x0";
  const std::uint64_t a = hooks.address ? hooks.address(obj)
                                        : 0xc000000000u + reinterpret_cast<std::uintptr_t>(obj) %
                                                              (std::uint64_t{1} << 36);
  return fmt::format("{:#x}", a);
}

// The runtime's printbool / printint / printuint / printfloat / printstring.
std::string basic_string(TypeRef t, const Value& v) {
  if (is_boolean(t)) return v.i != 0 ? "true" : "false";
  if (is_unsigned(t)) return std::to_string(static_cast<std::uint64_t>(v.i));
  if (is_integer(t)) return std::to_string(v.i);
  if (is_float(t)) return runtime_float_string(v.f);
  return string_of(v);
}

bool is_basic_kind(Kind k) { return k >= Kind::Bool && k <= Kind::String; }

std::optional<std::string> call_string_method(TypeRef t, const Value& v, std::string_view name,
                                              FmtHooks& hooks) {
  const Method* m = find_method(t, name, false);
  if (m == nullptr || !hooks.call) return std::nullopt;
  return hooks.call(t, v, name);
}

}  // namespace

std::string runtime_float_string(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  constexpr int kDigits = 7;
  std::string buf(kDigits + 7, ' ');
  buf[0] = '+';
  int e = 0;
  if (v == 0) {
    if (std::signbit(v)) buf[0] = '-';
  } else {
    if (v < 0) {
      v = -v;
      buf[0] = '-';
    }
    while (v >= 10) {
      ++e;
      v /= 10;
    }
    while (v < 1) {
      --e;
      v *= 10;
    }
    double h = 5.0;
    for (int i = 0; i < kDigits; ++i) h /= 10;
    v += h;
    if (v >= 10) {
      ++e;
      v /= 10;
    }
  }
  for (int i = 0; i < kDigits; ++i) {
    const int s = static_cast<int>(v);
    buf[static_cast<std::size_t>(i) + 2] = static_cast<char>(s + '0');
    v -= s;
    v *= 10;
  }
  buf[1] = buf[2];
  buf[2] = '.';
  buf[kDigits + 2] = 'e';
  buf[kDigits + 3] = e < 0 ? '-' : '+';
  e = std::abs(e);
  buf[kDigits + 4] = static_cast<char>(e / 100 + '0');
  buf[kDigits + 5] = static_cast<char>(e / 10 % 10 + '0');
  buf[kDigits + 6] = static_cast<char>(e % 10 + '0');
  return buf;
}

std::string panic_value_string(TypeRef t, const Value& v, FmtHooks& hooks) {
  if (is_interface(t)) {
    const IfaceObj* box = iface_of(v);
    if (box == nullptr) return "nil";
    return panic_value_string(box->type, box->value, hooks);
  }
  if (t == nullptr) return "nil";
  if (auto text = call_string_method(t, v, "Error", hooks)) return *text;
  if (auto text = call_string_method(t, v, "String", hooks)) return *text;
  const Kind k = kind_of(t);
  if (is_basic_kind(k) && t->kind != Kind::Named) return basic_string(t, v);
  const std::string name = type_string(t, Qualify::Always);
  if (k == Kind::String) return name + "(\"" + string_of(v) + "\")";
  if (is_basic_kind(k)) return name + "(" + basic_string(t, v) + ")";
  return "(" + name + ") " + hex_address(v.obj.get(), hooks);
}

std::string builtin_print_string(TypeRef t, const Value& v, FmtHooks& hooks) {
  const Kind k = kind_of(t);
  if (is_basic_kind(k)) return basic_string(t, v);
  if (k == Kind::Slice)
    return fmt::format("[{}/{}]{}", v.len, v.cap, hex_address(v.obj.get(), hooks));
  if (k == Kind::Interface) {
    const IfaceObj* box = iface_of(v);
    if (box == nullptr) return "(0x0,0x0)";
    return fmt::format("({:#x},{})", reinterpret_cast<std::uintptr_t>(box->type),
                       hex_address(box->value.obj.get(), hooks));
  }
  return hex_address(v.obj.get(), hooks);
}

}  // namespace poolscope::golang
