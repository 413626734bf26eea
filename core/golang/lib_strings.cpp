#include "core/golang/lib_strings.hpp"

#include <algorithm>
#include <array>

#include "core/golang/lib_strconv.hpp"

namespace poolscope::golang {

namespace {

// utf8.DecodeLastRuneInString.
DecodedRune decode_last_rune(std::string_view s) noexcept {
  if (s.empty()) return {kRuneError, 0};
  const std::size_t end = s.size();
  const auto last = static_cast<unsigned char>(s[end - 1]);
  if (last < 0x80) return {last, 1};
  const std::size_t lim = end >= 4 ? end - 4 : 0;
  std::size_t start = end - 1;
  while (start > lim && (static_cast<unsigned char>(s[start]) & 0xC0u) == 0x80u) --start;
  const DecodedRune d = decode_rune(s.substr(start));
  if (start + static_cast<std::size_t>(d.width) != end) return {kRuneError, 1};
  return d;
}

bool in_cutset(std::string_view cutset, char32_t r) noexcept {
  while (!cutset.empty()) {
    const DecodedRune d = decode_rune(cutset);
    if (d.rune == r) return true;
    cutset.remove_prefix(static_cast<std::size_t>(d.width));
  }
  return false;
}

template <class Pred>
std::string_view trim_left_func(std::string_view s, Pred pred) {
  while (!s.empty()) {
    const DecodedRune d = decode_rune(s);
    if (!pred(d.rune)) break;
    s.remove_prefix(static_cast<std::size_t>(d.width));
  }
  return s;
}

template <class Pred>
std::string_view trim_right_func(std::string_view s, Pred pred) {
  while (!s.empty()) {
    const DecodedRune d = decode_last_rune(s);
    if (!pred(d.rune)) break;
    s.remove_suffix(static_cast<std::size_t>(d.width));
  }
  return s;
}

char32_t to_upper_rune(char32_t r) noexcept {
  if (r >= 'a' && r <= 'z') return r - 32;
  if (r == 0xB5) return 0x39C;
  if (r == 0xFF) return 0x178;
  if (r >= 0xE0 && r <= 0xFE && r != 0xF7) return r - 32;
  if (r == 0x3C2) return 0x3A3;  // final sigma
  if (r >= 0x3B1 && r <= 0x3C9) return r - 32;
  if (r >= 0x430 && r <= 0x44F) return r - 32;
  if (r >= 0x450 && r <= 0x45F) return r - 80;
  return r;
}

char32_t to_lower_rune(char32_t r) noexcept {
  if (r >= 'A' && r <= 'Z') return r + 32;
  if (r >= 0xC0 && r <= 0xDE && r != 0xD7) return r + 32;
  if (r >= 0x391 && r <= 0x3A9 && r != 0x3A2) return r + 32;
  if (r >= 0x410 && r <= 0x42F) return r + 32;
  if (r >= 0x400 && r <= 0x40F) return r + 80;
  return r;
}

template <class Map>
std::string map_runes(std::string_view s, Map map) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    const DecodedRune d = decode_rune(s);
    append_rune(out, map(d.rune));
    s.remove_prefix(static_cast<std::size_t>(d.width));
  }
  return out;
}

std::vector<std::string> explode(std::string_view s, std::int64_t n) {
  const auto runes = static_cast<std::int64_t>(rune_count(s));
  if (n < 0 || n > runes) n = runes;
  std::vector<std::string> out;
  for (std::int64_t i = 0; i + 1 < n; ++i) {
    const auto w = static_cast<std::size_t>(decode_rune(s).width);
    out.emplace_back(s.substr(0, w));
    s.remove_prefix(w);
  }
  if (n > 0) out.emplace_back(s);
  return out;
}

}  // namespace

bool is_space(char32_t r) noexcept {
  if (r <= 0xFF) return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0;
  return r == 0x1680 || (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F ||
         r == 0x205F || r == 0x3000;
}

std::string str_repeat(std::string_view s, std::int64_t count) {
  std::string out;
  out.reserve(s.size() * static_cast<std::size_t>(std::max<std::int64_t>(count, 0)));
  for (std::int64_t i = 0; i < count; ++i) out += s;
  return out;
}

std::string str_join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

std::vector<std::string> str_split_n(std::string_view s, std::string_view sep, std::int64_t n) {
  if (n == 0) return {};
  if (sep.empty()) return explode(s, n);
  if (n < 0) n = str_count(s, sep) + 1;
  n = std::min(n, static_cast<std::int64_t>(s.size()) + 1);
  std::vector<std::string> out;
  while (static_cast<std::int64_t>(out.size()) < n - 1) {
    const std::size_t m = s.find(sep);
    if (m == std::string_view::npos) break;
    out.emplace_back(s.substr(0, m));
    s.remove_prefix(m + sep.size());
  }
  out.emplace_back(s);
  return out;
}

std::vector<std::string> str_split(std::string_view s, std::string_view sep) {
  return str_split_n(s, sep, -1);
}

std::vector<std::string> str_fields(std::string_view s) {
  std::vector<std::string> out;
  while (true) {
    s = trim_left_func(s, is_space);
    if (s.empty()) return out;
    std::string_view rest = s;
    while (!rest.empty() && !is_space(decode_rune(rest).rune)) {
      rest.remove_prefix(static_cast<std::size_t>(decode_rune(rest).width));
    }
    out.emplace_back(s.substr(0, s.size() - rest.size()));
    s = rest;
  }
}

bool str_contains(std::string_view s, std::string_view sub) noexcept {
  return s.find(sub) != std::string_view::npos;
}

bool str_contains_rune(std::string_view s, std::int64_t r) noexcept {
  while (!s.empty()) {
    const DecodedRune d = decode_rune(s);
    if (static_cast<std::int64_t>(d.rune) == r) return true;
    s.remove_prefix(static_cast<std::size_t>(d.width));
  }
  return false;
}

bool str_has_prefix(std::string_view s, std::string_view prefix) noexcept {
  return s.substr(0, prefix.size()) == prefix;
}

bool str_has_suffix(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::int64_t str_index(std::string_view s, std::string_view sub) noexcept {
  const std::size_t at = s.find(sub);
  return at == std::string_view::npos ? -1 : static_cast<std::int64_t>(at);
}

std::int64_t str_last_index(std::string_view s, std::string_view sub) noexcept {
  const std::size_t at = s.rfind(sub);
  return at == std::string_view::npos ? -1 : static_cast<std::int64_t>(at);
}

std::int64_t str_count(std::string_view s, std::string_view sub) noexcept {
  if (sub.empty()) return static_cast<std::int64_t>(rune_count(s)) + 1;
  std::int64_t n = 0;
  for (std::size_t at = s.find(sub); at != std::string_view::npos; at = s.find(sub, at)) {
    ++n;
    at += sub.size();
  }
  return n;
}

std::string str_to_upper(std::string_view s) { return map_runes(s, to_upper_rune); }
std::string str_to_lower(std::string_view s) { return map_runes(s, to_lower_rune); }

std::string str_trim_space(std::string_view s) {
  return std::string(trim_right_func(trim_left_func(s, is_space), is_space));
}

std::string str_trim_left(std::string_view s, std::string_view cutset) {
  if (cutset.empty()) return std::string(s);
  return std::string(trim_left_func(s, [&](char32_t r) { return in_cutset(cutset, r); }));
}

std::string str_trim_right(std::string_view s, std::string_view cutset) {
  if (cutset.empty()) return std::string(s);
  return std::string(trim_right_func(s, [&](char32_t r) { return in_cutset(cutset, r); }));
}

std::string str_trim(std::string_view s, std::string_view cutset) {
  return str_trim_right(str_trim_left(s, cutset), cutset);
}

std::string str_trim_prefix(std::string_view s, std::string_view prefix) {
  return std::string(str_has_prefix(s, prefix) ? s.substr(prefix.size()) : s);
}

std::string str_trim_suffix(std::string_view s, std::string_view suffix) {
  return std::string(str_has_suffix(s, suffix) ? s.substr(0, s.size() - suffix.size()) : s);
}

std::string str_replace(std::string_view s, std::string_view old_s, std::string_view new_s,
                        std::int64_t n) {
  if (old_s == new_s || n == 0) return std::string(s);
  const std::int64_t m = str_count(s, old_s);
  if (m == 0) return std::string(s);
  if (n < 0 || m < n) n = m;
  std::string out;
  std::size_t start = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    std::size_t j = start;
    if (old_s.empty()) {
      if (i > 0) j += static_cast<std::size_t>(decode_rune(s.substr(start)).width);
    } else {
      j = s.find(old_s, start);
    }
    out += s.substr(start, j - start);
    out += new_s;
    start = j + old_s.size();
  }
  out += s.substr(start);
  return out;
}

std::string str_replace_all(std::string_view s, std::string_view old_s, std::string_view new_s) {
  return str_replace(s, old_s, new_s, -1);
}

}  // namespace poolscope::golang
