#include "core/golang/lib_strconv.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <system_error>

namespace poolscope::golang {

// ---- UTF-8 ----

DecodedRune decode_rune(std::string_view s) noexcept {
  if (s.empty()) return {kRuneError, 0};
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) return {b0, 1};
  int n = 0;
  char32_t r = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2, r = b0 & 0x1Fu, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3, r = b0 & 0x0Fu, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4, r = b0 & 0x07u, min = 0x10000;
  } else {
    return {kRuneError, 1};
  }
  if (s.size() < static_cast<std::size_t>(n)) return {kRuneError, 1};
  for (int k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[static_cast<std::size_t>(k)]);
    if ((b & 0xC0u) != 0x80u) return {kRuneError, 1};
    r = (r << 6) | (b & 0x3Fu);
  }
  if (r < min || r > kMaxRune || (r >= 0xD800 && r <= 0xDFFF)) return {kRuneError, 1};
  return {r, n};
}

bool valid_rune(std::int64_t r) noexcept {
  return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= static_cast<std::int64_t>(kMaxRune));
}

void append_rune(std::string& out, char32_t r) {
  if (!valid_rune(static_cast<std::int64_t>(r))) r = kRuneError;
  if (r < 0x80) {
    out += static_cast<char>(r);
  } else if (r < 0x800) {
    out += static_cast<char>(0xC0 | (r >> 6));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    out += static_cast<char>(0xE0 | (r >> 12));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (r >> 18));
    out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  }
}

std::size_t rune_count(std::string_view s) noexcept {
  std::size_t n = 0;
  while (!s.empty()) {
    s.remove_prefix(static_cast<std::size_t>(decode_rune(s).width));
    ++n;
  }
  return n;
}

// ---- Quoting (strconv/quote.go) ----

namespace {

constexpr std::string_view kLowerHex = "0123456789abcdef";

void append_hex(std::string& out, std::uint32_t v, int digits) {
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kLowerHex[(v >> shift) & 0xF];
}

void append_escaped_rune(std::string& out, char32_t r, char quote_char, bool ascii_only) {
  if (r == static_cast<char32_t>(quote_char) || r == '\\') {
    out += '\\';
    out += static_cast<char>(r);
    return;
  }
  if (ascii_only ? (r < 0x80 && is_print(r)) : is_print(r)) {
    append_rune(out, r);
    return;
  }
  switch (r) {
    case '\a':
      out += "\\a";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\v':
      out += "\\v";
      return;
    default:
      break;
  }
  if (r < ' ' || r == 0x7F) {
    out += "\\x";
    append_hex(out, r, 2);
  } else if (!valid_rune(r) || r < 0x10000) {
    out += "\\u";
    append_hex(out, valid_rune(r) ? r : kRuneError, 4);
  } else {
    out += "\\U";
    append_hex(out, r, 8);
  }
}

}  // namespace

std::string quote(std::string_view s, bool ascii_only) {
  std::string out = "\"";
  while (!s.empty()) {
    const DecodedRune d = decode_rune(s);
    if (d.width == 1 && d.rune == kRuneError) {
      out += "\\x";
      append_hex(out, static_cast<unsigned char>(s[0]), 2);
    } else {
      append_escaped_rune(out, d.rune, '"', ascii_only);
    }
    s.remove_prefix(static_cast<std::size_t>(d.width));
  }
  return out + '"';
}

std::string quote_rune(std::int64_t r, bool ascii_only) {
  std::string out = "'";
  append_escaped_rune(out, valid_rune(r) ? static_cast<char32_t>(r) : kRuneError, '\'', ascii_only);
  return out + '\'';
}

bool can_backquote(std::string_view s) noexcept {
  while (!s.empty()) {
    const DecodedRune d = decode_rune(s);
    s.remove_prefix(static_cast<std::size_t>(d.width));
    if (d.width > 1) {
      if (d.rune == 0xFEFF) return false;
      continue;
    }
    if (d.rune == kRuneError) return false;
    if ((d.rune < ' ' && d.rune != '\t') || d.rune == '`' || d.rune == 0x7F) return false;
  }
  return true;
}

// ---- Integers to text ----

std::string format_uint(std::uint64_t v, int base) {
  constexpr std::string_view kDigits = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  const auto b = static_cast<std::uint64_t>(std::clamp(base, 2, 36));
  do {
    out += kDigits[v % b];
    v /= b;
  } while (v != 0);
  std::reverse(out.begin(), out.end());
  return out;
}

std::string format_int(std::int64_t v, int base) {
  if (v >= 0) return format_uint(static_cast<std::uint64_t>(v), base);
  return "-" + format_uint(0 - static_cast<std::uint64_t>(v), base);
}

std::string itoa(std::int64_t v) { return format_int(v, 10); }

// ---- Floats to text (strconv/ftoa.go's layout over shortest or rounded digits) ----

namespace {

// The decimal 0.d × 10^dp, without trailing zeros; zero is d = "", dp = 0.
struct Digits {
  std::string d;
  int dp = 0;
};

// Digits of a non-negative number written by std::to_chars ("123.45", "1.2345e+06").
Digits parse_digits(std::string_view text) {
  Digits out;
  int exp = 0;
  if (const auto e = text.find('e'); e != std::string_view::npos) {
    std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(), exp);
    text = text.substr(0, e);
  }
  const auto point = text.find('.');
  const int int_len = static_cast<int>(point == std::string_view::npos ? text.size() : point);
  for (char c : text) {
    if (c != '.') out.d += c;
  }
  out.dp = int_len + exp;
  const auto first = out.d.find_first_not_of('0');
  if (first == std::string::npos) return {};
  out.d.erase(0, first);
  out.dp -= static_cast<int>(first);
  out.d.erase(out.d.find_last_not_of('0') + 1);
  return out;
}

template <class... A>
Digits digits_of(A... args) {
  std::array<char, 1100> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), args...);
  return parse_digits(std::string_view(buf.data(), static_cast<std::size_t>(r.ptr - buf.data())));
}

Digits shortest_digits(double v, int bit_size) {
  if (bit_size == 32) return digits_of(static_cast<float>(v), std::chars_format::scientific);
  return digits_of(v, std::chars_format::scientific);
}

void fmt_e(std::string& out, const Digits& d, int prec, char e) {
  const int nd = static_cast<int>(d.d.size());
  out += nd != 0 ? d.d[0] : '0';
  if (prec > 0) {
    out += '.';
    for (int i = 1; i <= prec; ++i) out += i < nd ? d.d[static_cast<std::size_t>(i)] : '0';
  }
  out += e;
  int exp = nd == 0 ? 0 : d.dp - 1;
  out += exp < 0 ? '-' : '+';
  exp = std::abs(exp);
  if (exp < 10) out += '0';
  out += std::to_string(exp);
}

void fmt_f(std::string& out, const Digits& d, int prec) {
  const int nd = static_cast<int>(d.d.size());
  if (d.dp > 0) {
    for (int i = 0; i < d.dp; ++i) out += i < nd ? d.d[static_cast<std::size_t>(i)] : '0';
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (int i = 1; i <= prec; ++i) {
      const int j = d.dp + i - 1;
      out += j >= 0 && j < nd ? d.d[static_cast<std::size_t>(j)] : '0';
    }
  }
}

void fmt_g(std::string& out, const Digits& d, int prec, bool shortest, char g) {
  const int nd = static_cast<int>(d.d.size());
  int eprec = prec;
  if (eprec > nd && nd >= d.dp) eprec = nd;
  if (shortest) eprec = 6;
  const int exp = d.dp - 1;
  if (exp < -4 || exp >= eprec) {
    fmt_e(out, d, std::min(prec, nd) - 1, g == 'G' ? 'E' : 'e');
    return;
  }
  if (prec > d.dp) prec = nd;
  fmt_f(out, d, std::max(prec - d.dp, 0));
}

// The binary mantissa and exponent of a finite v >= 0, as genericFtoa splits them.
struct Binary {
  std::uint64_t mant = 0;
  int exp = 0;
  int mantbits = 52;
};

Binary binary_of(double v, int bit_size) {
  Binary b;
  int expbits = 11;
  int bias = -1023;
  std::uint64_t bits = 0;
  if (bit_size == 32) {
    const auto f = static_cast<float>(v);
    std::uint32_t b32 = 0;
    std::memcpy(&b32, &f, sizeof b32);
    bits = b32;
    b.mantbits = 23;
    expbits = 8;
    bias = -127;
  } else {
    std::memcpy(&bits, &v, sizeof bits);
  }
  b.exp = static_cast<int>(bits >> b.mantbits) & ((1 << expbits) - 1);
  b.mant = bits & ((std::uint64_t{1} << b.mantbits) - 1);
  if (b.exp == 0) {
    ++b.exp;
  } else {
    b.mant |= std::uint64_t{1} << b.mantbits;
  }
  b.exp += bias;
  return b;
}

// %b: mantissa "p" exponent, both decimal.
void fmt_b(std::string& out, const Binary& b) {
  out += std::to_string(b.mant) + 'p';
  const int exp = b.exp - b.mantbits;
  if (exp >= 0) out += '+';
  out += std::to_string(exp);
}

// %x: 0x1.yyyyp±dd (strconv's fmtX).
void fmt_x(std::string& out, int prec, char fmt_char, Binary b) {
  std::uint64_t mant = b.mant;
  int exp = mant == 0 ? 0 : b.exp;
  mant <<= 60 - b.mantbits;
  while (mant != 0 && (mant & (std::uint64_t{1} << 60)) == 0) {
    mant <<= 1;
    --exp;
  }
  if (prec >= 0 && prec < 15) {
    const auto shift = static_cast<unsigned>(prec * 4);
    const std::uint64_t extra = (mant << shift) & ((std::uint64_t{1} << 60) - 1);
    mant >>= 60 - shift;
    if ((extra | (mant & 1)) > (std::uint64_t{1} << 59)) ++mant;
    mant <<= 60 - shift;
    if ((mant & (std::uint64_t{1} << 61)) != 0) {
      mant >>= 1;
      ++exp;
    }
  }
  const std::string_view hex = fmt_char == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  out += '0';
  out += fmt_char;
  out += static_cast<char>('0' + ((mant >> 60) & 1));
  mant <<= 4;
  if ((prec < 0 && mant != 0) || prec > 0) {
    out += '.';
    for (int i = 0; prec < 0 ? mant != 0 : i < prec; ++i) {
      out += hex[(mant >> 60) & 15];
      mant <<= 4;
    }
  }
  out += fmt_char == 'X' ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  exp = std::abs(exp);
  if (exp < 10) out += '0';
  out += std::to_string(exp);
}

}  // namespace

std::string format_float(double v, char fmt_char, int prec, int bit_size) {
  if (bit_size == 32) v = static_cast<double>(static_cast<float>(v));
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  std::string out = std::signbit(v) ? "-" : "";
  if (fmt_char == 'b' || fmt_char == 'x' || fmt_char == 'X') {
    const Binary b = binary_of(std::fabs(v), bit_size);
    if (fmt_char == 'b') {
      fmt_b(out, b);
    } else {
      fmt_x(out, prec, fmt_char, b);
    }
    return out;
  }
  v = std::fabs(v);
  const bool shortest = prec < 0;
  Digits d;
  if (shortest) {
    d = shortest_digits(v, bit_size);
  } else if (fmt_char == 'f') {
    d = digits_of(v, std::chars_format::fixed, prec);
  } else if (fmt_char == 'e' || fmt_char == 'E') {
    d = digits_of(v, std::chars_format::scientific, prec);
  } else {
    prec = std::max(prec, 1);
    d = digits_of(v, std::chars_format::scientific, prec - 1);
  }
  const int nd = static_cast<int>(d.d.size());
  switch (fmt_char) {
    case 'e':
    case 'E':
      fmt_e(out, d, shortest ? std::max(nd - 1, 0) : prec, fmt_char);
      return out;
    case 'f':
      fmt_f(out, d, shortest ? std::max(nd - d.dp, 0) : prec);
      return out;
    case 'g':
    case 'G':
      fmt_g(out, d, shortest ? nd : prec, shortest, fmt_char);
      return out;
    default:
      return std::string("%") + fmt_char;
  }
}

// ---- Text to numbers ----

namespace {

enum class NumErr : std::uint8_t { None, Syntax, Range, Base, BitSize };

struct UintResult {
  std::uint64_t value = 0;
  NumErr err = NumErr::None;
  int detail = 0;  // the base or bit size named by the message
};

std::string num_error(std::string_view func, std::string_view s, NumErr e, int detail) {
  std::string why = "invalid syntax";
  if (e == NumErr::Range) why = "value out of range";
  if (e == NumErr::Base) why = fmt::format("invalid base {}", detail);
  if (e == NumErr::BitSize) why = fmt::format("invalid bit size {}", detail);
  return fmt::format("strconv.{}: parsing {}: {}", func, quote(s), why);
}

char lower(char c) { return static_cast<char>(c | 0x20); }

bool underscore_ok(std::string_view s) {
  char saw = '^';
  std::size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' &&
      (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

int strip_base_prefix(std::string_view& s) {
  if (s[0] != '0') return 10;
  if (s.size() >= 3 && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    const int base = lower(s[1]) == 'b' ? 2 : lower(s[1]) == 'o' ? 8 : 16;
    s.remove_prefix(2);
    return base;
  }
  s.remove_prefix(1);
  return 8;
}

UintResult parse_uint_raw(std::string_view s, int base, int bit_size) {
  if (s.empty()) return {0, NumErr::Syntax, 0};
  const std::string_view s0 = s;
  const bool base0 = base == 0;
  if (base0) {
    base = strip_base_prefix(s);
  } else if (base < 2 || base > 36) {
    return {0, NumErr::Base, base};
  }
  if (bit_size == 0) bit_size = 64;
  if (bit_size < 0 || bit_size > 64) return {0, NumErr::BitSize, bit_size};
  const auto ubase = static_cast<std::uint64_t>(base);
  const std::uint64_t cutoff = std::numeric_limits<std::uint64_t>::max() / ubase + 1;
  const std::uint64_t max_val = bit_size == 64 ? std::numeric_limits<std::uint64_t>::max()
                                               : (std::uint64_t{1} << bit_size) - 1;
  bool underscores = false;
  std::uint64_t n = 0;
  for (const char c : s) {
    std::uint64_t d = 0;
    if (c == '_' && base0) {
      underscores = true;
      continue;
    }
    if (c >= '0' && c <= '9') {
      d = static_cast<std::uint64_t>(c - '0');
    } else if (lower(c) >= 'a' && lower(c) <= 'z') {
      d = static_cast<std::uint64_t>(lower(c) - 'a') + 10;
    } else {
      return {0, NumErr::Syntax, 0};
    }
    if (d >= ubase) return {0, NumErr::Syntax, 0};
    if (n >= cutoff) return {max_val, NumErr::Range, 0};
    n *= ubase;
    const std::uint64_t n1 = n + d;
    if (n1 < n || n1 > max_val) return {max_val, NumErr::Range, 0};
    n = n1;
  }
  if (underscores && !underscore_ok(s0)) return {0, NumErr::Syntax, 0};
  return {n, NumErr::None, 0};
}

Parsed<std::int64_t> parse_int_named(std::string_view s, int base, int bit_size,
                                     std::string_view func) {
  if (s.empty()) return {0, num_error(func, s, NumErr::Syntax, 0)};
  std::string_view digits = s;
  const bool neg = s[0] == '-';
  if (s[0] == '+' || s[0] == '-') digits.remove_prefix(1);
  const UintResult u = parse_uint_raw(digits, base, bit_size);
  if (u.err != NumErr::None && u.err != NumErr::Range) {
    return {0, num_error(func, s, u.err, u.detail)};
  }
  const int bits = bit_size == 0 ? 64 : bit_size;
  const std::uint64_t cutoff = std::uint64_t{1} << (bits - 1);
  if (!neg && u.value >= cutoff) {
    return {static_cast<std::int64_t>(cutoff - 1), num_error(func, s, NumErr::Range, 0)};
  }
  if (neg && u.value > cutoff) {
    return {static_cast<std::int64_t>(0 - cutoff), num_error(func, s, NumErr::Range, 0)};
  }
  const auto n = static_cast<std::int64_t>(u.value);
  return {neg ? static_cast<std::int64_t>(0 - u.value) : n, {}};
}

std::size_t common_prefix_ignore_case(std::string_view s, std::string_view word) {
  std::size_t n = 0;
  while (n < s.size() && n < word.size() && lower(s[n]) == word[n]) ++n;
  return n;
}

// Go's special(): "inf", "infinity", "nan" (any case, sign allowed before inf).
bool parse_special(std::string_view s, double& out) {
  double sign = 1;
  std::string_view rest = s;
  if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
    sign = rest[0] == '-' ? -1 : 1;
    rest.remove_prefix(1);
  }
  if (!rest.empty() && lower(rest[0]) == 'i') {
    const std::size_t n = common_prefix_ignore_case(rest, "infinity");
    if (rest.size() == (n == 8 ? 8u : 3u) && (n == 8 || n >= 3)) {
      out = sign * std::numeric_limits<double>::infinity();
      return true;
    }
  }
  if (s.size() == 3 && common_prefix_ignore_case(s, "nan") == 3) {
    out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  return false;
}

// Decimal float syntax: digits [. digits] [e [+-] digits], at least one mantissa digit.
bool decimal_float_syntax(std::string_view s) {
  std::size_t i = 0;
  std::size_t mantissa = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++mantissa;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++mantissa;
  }
  if (mantissa == 0) return false;
  if (i < s.size() && lower(s[i]) == 'e') {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return false;
  }
  return i == s.size();
}

template <class F>
Parsed<double> parse_decimal(std::string_view s, std::string_view body, bool neg) {
  F value{};
  const auto r = std::from_chars(body.data(), body.data() + body.size(), value);
  if (r.ec == std::errc::result_out_of_range) {
    const auto e = body.find_first_of("eE");
    const bool overflow = e != std::string_view::npos && body[e + 1] != '-';
    const double bound = overflow ? std::numeric_limits<double>::infinity() : 0.0;
    if (!overflow) return {neg ? -bound : bound, {}};
    return {neg ? -bound : bound, num_error("ParseFloat", s, NumErr::Range, 0)};
  }
  const auto d = static_cast<double>(value);
  return {neg ? -d : d, {}};
}

}  // namespace

Parsed<std::uint64_t> parse_uint(std::string_view s, int base, int bit_size) {
  const UintResult u = parse_uint_raw(s, base, bit_size);
  if (u.err == NumErr::None) return {u.value, {}};
  return {u.value, num_error("ParseUint", s, u.err, u.detail)};
}

Parsed<std::int64_t> parse_int(std::string_view s, int base, int bit_size) {
  return parse_int_named(s, base, bit_size, "ParseInt");
}

Parsed<std::int64_t> atoi(std::string_view s) { return parse_int_named(s, 10, 0, "Atoi"); }

Parsed<double> parse_float(std::string_view s, int bit_size) {
  double special = 0;
  if (parse_special(s, special)) return {special, {}};
  std::string_view body = s;
  const bool neg = !body.empty() && body[0] == '-';
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) body.remove_prefix(1);
  // Underscores may separate digits, as in Go literals (readFloat + underscoreOK).
  std::string digits;
  for (const char c : body) {
    if (c != '_') digits += c;
  }
  if (!decimal_float_syntax(digits) || (digits.size() != body.size() && !underscore_ok(s))) {
    return {0, num_error("ParseFloat", s, NumErr::Syntax, 0)};
  }
  return bit_size == 32 ? parse_decimal<float>(s, digits, neg)
                        : parse_decimal<double>(s, digits, neg);
}

Parsed<bool> parse_bool(std::string_view s) {
  static constexpr std::array<std::string_view, 6> kTrue = {"1", "t", "T", "TRUE", "true", "True"};
  static constexpr std::array<std::string_view, 6> kFalse = {"0",     "f",     "F",
                                                             "FALSE", "false", "False"};
  if (std::find(kTrue.begin(), kTrue.end(), s) != kTrue.end()) return {true, {}};
  if (std::find(kFalse.begin(), kFalse.end(), s) != kFalse.end()) return {false, {}};
  return {false, num_error("ParseBool", s, NumErr::Syntax, 0)};
}

}  // namespace poolscope::golang
