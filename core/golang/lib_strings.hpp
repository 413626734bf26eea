#pragma once
// The functions of Go's strings package that learners use, as go1.19 has them.
//
// Contract
// - Pure functions over Go strings (bytes; UTF-8 decoded as unicode/utf8 does).
// - Spaces are unicode.IsSpace's, exactly (ASCII, U+0085, U+00A0, U+1680, U+2000..U+200A,
//   U+2028, U+2029, U+202F, U+205F, U+3000).
// - to_upper/to_lower map ASCII, Latin-1, basic Greek (U+0391..U+03C9) and basic Cyrillic
//   (U+0400..U+045F) as unicode.ToUpper/ToLower do; other runes are left as they are
//   (Go would map them too). Invalid bytes become U+FFFD, as strings.Map does.
// - repeat requires count >= 0 (Go panics "strings: negative Repeat count"; the caller
//   raises that panic).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace poolscope::golang {

[[nodiscard]] std::string str_repeat(std::string_view s, std::int64_t count);
[[nodiscard]] std::string str_join(const std::vector<std::string>& parts, std::string_view sep);
// strings.SplitN (n < 0: all); str_split is SplitN(s, sep, -1).
[[nodiscard]] std::vector<std::string> str_split_n(std::string_view s, std::string_view sep,
                                                   std::int64_t n);
[[nodiscard]] std::vector<std::string> str_split(std::string_view s, std::string_view sep);
[[nodiscard]] std::vector<std::string> str_fields(std::string_view s);
[[nodiscard]] bool str_contains(std::string_view s, std::string_view sub) noexcept;
[[nodiscard]] bool str_contains_rune(std::string_view s, std::int64_t r) noexcept;
[[nodiscard]] bool str_has_prefix(std::string_view s, std::string_view prefix) noexcept;
[[nodiscard]] bool str_has_suffix(std::string_view s, std::string_view suffix) noexcept;
// Byte index of the first / last instance of sub, -1 if none.
[[nodiscard]] std::int64_t str_index(std::string_view s, std::string_view sub) noexcept;
[[nodiscard]] std::int64_t str_last_index(std::string_view s, std::string_view sub) noexcept;
// strings.Count: non-overlapping instances; an empty sub counts runes + 1.
[[nodiscard]] std::int64_t str_count(std::string_view s, std::string_view sub) noexcept;
[[nodiscard]] std::string str_to_upper(std::string_view s);
[[nodiscard]] std::string str_to_lower(std::string_view s);
[[nodiscard]] std::string str_trim_space(std::string_view s);
// Trim, TrimLeft, TrimRight: runes in cutset; TrimPrefix, TrimSuffix: one instance.
[[nodiscard]] std::string str_trim(std::string_view s, std::string_view cutset);
[[nodiscard]] std::string str_trim_left(std::string_view s, std::string_view cutset);
[[nodiscard]] std::string str_trim_right(std::string_view s, std::string_view cutset);
[[nodiscard]] std::string str_trim_prefix(std::string_view s, std::string_view prefix);
[[nodiscard]] std::string str_trim_suffix(std::string_view s, std::string_view suffix);
// strings.Replace (n < 0: all) and ReplaceAll; an empty old inserts `new_s` around each rune.
[[nodiscard]] std::string str_replace(std::string_view s, std::string_view old_s,
                                      std::string_view new_s, std::int64_t n);
[[nodiscard]] std::string str_replace_all(std::string_view s, std::string_view old_s,
                                          std::string_view new_s);
[[nodiscard]] bool is_space(char32_t r) noexcept;  // unicode.IsSpace

}  // namespace poolscope::golang
