#include "app/gui/model/go_syntax.hpp"

#include <algorithm>
#include <array>

namespace poolscope::gui {

namespace {

// Go 1.19, the version the export targets (min, max and clear came in 1.21).
constexpr std::array<std::string_view, 25> kKeywords = {
    "break",  "case",        "chan", "const",   "continue", "default", "defer",
    "else",   "fallthrough", "for",  "func",    "go",       "goto",    "if",
    "import", "interface",   "map",  "package", "range",    "return",  "select",
    "struct", "switch",      "type", "var"};
constexpr std::array<std::string_view, 19> kBuiltins = {
    "append", "cap",   "close",   "complex", "copy",    "delete", "imag",  "len",  "make", "new",
    "panic",  "print", "println", "real",    "recover", "true",   "false", "iota", "nil"};
constexpr std::array<std::string_view, 21> kTypes = {
    "any",     "bool",    "byte", "comparable", "complex64", "complex128", "error",
    "float32", "float64", "int",  "int8",       "int16",     "int32",      "int64",
    "rune",    "string",  "uint", "uint8",      "uint16",    "uint32",     "uint64"};

bool is_letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Multi-line tokens carried from one line into the next.
enum class Carry : std::uint8_t { None, RawString, BlockComment };

class LineTokenizer {
 public:
  LineTokenizer(std::string_view line, std::vector<GoRun>& runs) : s_(line), runs_(runs) {}

  // Tokenizes the line; returns true when it calls `stats.`.
  bool run(Carry& carry) {
    std::size_t i = 0;
    if (carry == Carry::RawString) {
      i = close_at(s_.find('`'), 1, carry);
      push(GoTokenKind::String, 0, i);
    } else if (carry == Carry::BlockComment) {
      i = close_at(s_.find("*/"), 2, carry);
      push(GoTokenKind::Comment, 0, i);
    }
    bool calls_stats = false;
    while (i < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[i]);
      const unsigned char next = i + 1 < s_.size() ? static_cast<unsigned char>(s_[i + 1]) : 0;
      std::size_t end = i + 1;
      if (is_space(c)) {
        while (end < s_.size() && is_space(static_cast<unsigned char>(s_[end]))) ++end;
        space(i, end);
        i = end;
        continue;
      }
      if (c == '/' && next == '/') {
        push(GoTokenKind::Comment, i, s_.size());
        break;
      }
      if (c == '/' && next == '*') {
        carry = Carry::BlockComment;
        end = close_at(s_.find("*/", i + 2), 2, carry);
        push(GoTokenKind::Comment, i, end);
      } else if (c == '"' || c == '\'') {
        end = quoted_end(i, static_cast<char>(c));
        push(GoTokenKind::String, i, end);
      } else if (c == '`') {
        carry = Carry::RawString;
        end = close_at(s_.find('`', i + 1), 1, carry);
        push(GoTokenKind::String, i, end);
      } else if (is_digit(c) || (c == '.' && is_digit(next))) {
        end = number_end(i);
        push(GoTokenKind::Number, i, end);
      } else if (is_letter(c)) {
        while (end < s_.size() && (is_letter(static_cast<unsigned char>(s_[end])) ||
                                   is_digit(static_cast<unsigned char>(s_[end])))) {
          ++end;
        }
        const std::string_view word = s_.substr(i, end - i);
        push(classify_word(word), i, end);
        if (word == "stats" && end < s_.size() && s_[end] == '.') calls_stats = true;
      } else {
        push(GoTokenKind::Plain, i, end);
      }
      i = end;
    }
    return calls_stats;
  }

 private:
  // The end of a multi-line token whose closing delimiter (of `width` bytes) was
  // searched for; when absent the token runs to the end of the line and stays open.
  std::size_t close_at(std::size_t found, std::size_t width, Carry& carry) const {
    if (found == std::string_view::npos) return s_.size();
    carry = Carry::None;
    return found + width;
  }

  std::size_t quoted_end(std::size_t i, char quote) const {
    std::size_t j = i + 1;
    while (j < s_.size()) {
      if (s_[j] == '\\') {
        j += 2;
      } else if (s_[j++] == quote) {
        return j;
      }
    }
    return s_.size();
  }

  std::size_t number_end(std::size_t i) const {
    const bool hex = s_[i] == '0' && i + 1 < s_.size() && (s_[i + 1] == 'x' || s_[i + 1] == 'X');
    std::size_t j = i;
    while (j < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[j]);
      const bool exponent = hex ? (c == 'p' || c == 'P') : (c == 'e' || c == 'E');
      if (exponent && j + 1 < s_.size() && (s_[j + 1] == '+' || s_[j + 1] == '-')) {
        j += 2;
      } else if (is_digit(c) || is_letter(c) || c == '.') {
        ++j;
      } else {
        break;
      }
    }
    return j;
  }

  void push(GoTokenKind kind, std::size_t begin, std::size_t end) {
    if (end <= begin) return;
    if (!runs_.empty() && runs_.back().kind == kind && runs_.back().end == begin) {
      runs_.back().end = static_cast<std::uint32_t>(end);
      return;
    }
    runs_.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), kind});
  }

  // Whitespace joins the run before it (one draw call fewer).
  void space(std::size_t begin, std::size_t end) {
    if (!runs_.empty() && runs_.back().end == begin) {
      runs_.back().end = static_cast<std::uint32_t>(end);
    } else {
      push(GoTokenKind::Plain, begin, end);
    }
  }

  std::string_view s_;
  std::vector<GoRun>& runs_;
};

// Expands tabs in `raw`, moving the runs' offsets along; returns the width in columns.
std::size_t expand_tabs(std::string_view raw, std::vector<GoRun> raw_runs, GoLine& out) {
  std::vector<std::uint32_t> moved(raw.size() + 1, 0);
  std::size_t column = 0;
  out.text.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    moved[i] = static_cast<std::uint32_t>(out.text.size());
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c == '\t') {
      const std::size_t to = (column / kGoTabWidth + 1) * kGoTabWidth;
      out.text.append(to - column, ' ');
      column = to;
    } else {
      out.text.push_back(raw[i]);
      if ((c & 0xC0) != 0x80) ++column;  // UTF-8 continuation bytes share a column
    }
  }
  moved[raw.size()] = static_cast<std::uint32_t>(out.text.size());
  for (GoRun& r : raw_runs) {
    r.begin = moved[r.begin];
    r.end = moved[r.end];
  }
  out.runs = std::move(raw_runs);
  return column;
}

bool is_stats_banner(std::string_view text) { return text.starts_with("// stats:"); }

bool is_rule(std::string_view text) {
  return text.starts_with("// -") && text.find_first_not_of('-', 3) == std::string_view::npos;
}

}  // namespace

GoTokenKind classify_word(std::string_view word) noexcept {
  const auto in = [word](const auto& list) {
    return std::find(list.begin(), list.end(), word) != list.end();
  };
  if (in(kKeywords)) return GoTokenKind::Keyword;
  if (in(kBuiltins)) return GoTokenKind::Builtin;
  if (in(kTypes)) return GoTokenKind::Type;
  return GoTokenKind::Plain;
}

GoListing highlight_go(std::string_view source) {
  GoListing listing;
  Carry carry = Carry::None;
  std::size_t banner = std::string_view::npos;
  std::size_t start = 0;
  while (start < source.size()) {
    std::size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    std::string_view raw = source.substr(start, end - start);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    start = end + 1;

    const bool top_level = carry == Carry::None;
    std::vector<GoRun> runs;
    const bool calls_stats = LineTokenizer(raw, runs).run(carry);
    GoLine& line = listing.lines.emplace_back();
    listing.widest = std::max(listing.widest, expand_tabs(raw, std::move(runs), line));
    line.instrumentation = calls_stats;
    if (banner == std::string_view::npos && top_level && is_stats_banner(raw)) {
      banner = listing.lines.size() - 1;
      if (banner > 0 && is_rule(listing.lines[banner - 1].text)) --banner;
    }
  }
  if (banner != std::string_view::npos) {
    for (std::size_t i = banner; i < listing.lines.size(); ++i) {
      listing.lines[i].instrumentation = true;
    }
  }
  return listing;
}

}  // namespace poolscope::gui
