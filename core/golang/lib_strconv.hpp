#pragma once
// strconv (and the UTF-8 and unicode.IsPrint pieces fmt needs), as go1.19 has them.
//
// Contract
// - Pure functions; strings are Go strings (bytes, UTF-8 by convention, any bytes allowed).
// - Decoding follows unicode/utf8: an invalid or overlong sequence, a surrogate or a
//   value past U+10FFFF decodes as U+FFFD with width 1.
// - is_print is strconv.IsPrint exactly (its ranges were generated from go1.19).
// - Parse functions never throw: a failure sets `error` to Go's message, e.g.
//   `strconv.Atoi: parsing "x": invalid syntax`, and `value` to what Go returns with it
//   (0, or the clamped bound for `value out of range`).
#include <cstdint>
#include <string>
#include <string_view>

namespace poolscope::golang {

inline constexpr char32_t kRuneError = 0xFFFD;
inline constexpr char32_t kMaxRune = 0x10FFFF;

struct DecodedRune {
  char32_t rune = kRuneError;
  int width = 0;  // bytes consumed; 0 only for an empty input
};
[[nodiscard]] DecodedRune decode_rune(std::string_view s) noexcept;
// Appends r in UTF-8 (an invalid rune, a surrogate or > U+10FFFF, as U+FFFD).
void append_rune(std::string& out, char32_t r);
[[nodiscard]] bool valid_rune(std::int64_t r) noexcept;
[[nodiscard]] std::size_t rune_count(std::string_view s) noexcept;
[[nodiscard]] bool is_print(char32_t r) noexcept;

// Quoting: Quote, QuoteToASCII, QuoteRune, QuoteRuneToASCII, CanBackquote.
[[nodiscard]] std::string quote(std::string_view s, bool ascii_only = false);
[[nodiscard]] std::string quote_rune(std::int64_t r, bool ascii_only = false);
[[nodiscard]] bool can_backquote(std::string_view s) noexcept;

// Numbers to text: Itoa, FormatInt, FormatUint (base 2..36), FormatBool, FormatFloat.
[[nodiscard]] std::string itoa(std::int64_t v);
[[nodiscard]] std::string format_int(std::int64_t v, int base);
[[nodiscard]] std::string format_uint(std::uint64_t v, int base);
[[nodiscard]] inline std::string format_bool(bool b) { return b ? "true" : "false"; }
// fmt_char: 'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X'; prec -1 = the shortest that reads
// back exactly;
// bit_size 32 formats v as a float32.
[[nodiscard]] std::string format_float(double v, char fmt_char, int prec, int bit_size);

// Text to numbers.
template <class T>
struct Parsed {
  T value{};
  std::string error;  // empty: success
  [[nodiscard]] bool ok() const noexcept { return error.empty(); }
};
[[nodiscard]] Parsed<std::int64_t> atoi(std::string_view s);
// base 0 (prefixes 0b 0o 0x 0 and underscores) or 2..36; bit_size 0 (int) or 8..64.
[[nodiscard]] Parsed<std::int64_t> parse_int(std::string_view s, int base, int bit_size);
[[nodiscard]] Parsed<std::uint64_t> parse_uint(std::string_view s, int base, int bit_size);
// bit_size 32 rounds to float32 (and reports float32 overflow) or 64.
[[nodiscard]] Parsed<double> parse_float(std::string_view s, int bit_size);
[[nodiscard]] Parsed<bool> parse_bool(std::string_view s);

}  // namespace poolscope::golang
