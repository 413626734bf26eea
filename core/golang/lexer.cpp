#include "core/golang/lexer.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

namespace poolscope::golang {

namespace {

struct Keyword {
  std::string_view word;
  Tok tok;
};

constexpr std::array<Keyword, 25> kKeywords = {{
    {"break", Tok::Break},
    {"case", Tok::Case},
    {"chan", Tok::Chan},
    {"const", Tok::Const},
    {"continue", Tok::Continue},
    {"default", Tok::Default},
    {"defer", Tok::Defer},
    {"else", Tok::Else},
    {"fallthrough", Tok::Fallthrough},
    {"for", Tok::For},
    {"func", Tok::Func},
    {"go", Tok::Go},
    {"goto", Tok::Goto},
    {"if", Tok::If},
    {"import", Tok::Import},
    {"interface", Tok::Interface},
    {"map", Tok::Map},
    {"package", Tok::Package},
    {"range", Tok::Range},
    {"return", Tok::Return},
    {"select", Tok::Select},
    {"struct", Tok::Struct},
    {"switch", Tok::Switch},
    {"type", Tok::Type},
    {"var", Tok::Var},
}};

bool is_letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_hex(unsigned char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int hex_value(unsigned char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

// Decodes one UTF-8 sequence at s[i]; returns the code point (0xFFFD if invalid) and
// advances i.
std::int64_t decode_utf8(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int n = 0;
  std::int64_t cp = 0;
  if ((c & 0xE0) == 0xC0) {
    n = 1;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 2;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 3;
    cp = c & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + static_cast<std::size_t>(n) >= s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k <= n; ++k) {
    const auto d = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((d & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  i += static_cast<std::size_t>(n) + 1;
  return cp;
}

class Lexer {
 public:
  explicit Lexer(std::string_view src) : src_(src) {}

  LexResult run() {
    if (src_.substr(0, 3) == "\xEF\xBB\xBF") advance(3);
    while (true) {
      skip_space();
      if (i_ >= src_.size()) {
        if (needs_semi()) push_auto_semi("EOF");
        Token t;
        t.tok = Tok::Eof;
        t.pos = pos();
        t.begin = t.end = i_;
        t.text = "EOF";
        out_.tokens.push_back(t);
        return std::move(out_);
      }
      const char c = src_[i_];
      if (c == '\n') {
        if (needs_semi()) push_auto_semi("newline");
        newline();
        continue;
      }
      if (c == '/' && peek(1) == '/') {
        while (i_ < src_.size() && src_[i_] != '\n') advance(1);
        continue;
      }
      if (c == '/' && peek(1) == '*') {
        const Pos start = pos();
        advance(2);
        bool had_newline = false;
        bool closed = false;
        while (i_ < src_.size()) {
          if (src_[i_] == '*' && peek(1) == '/') {
            advance(2);
            closed = true;
            break;
          }
          if (src_[i_] == '\n') {
            had_newline = true;
            newline();
          } else {
            advance(1);
          }
        }
        if (!closed) error(start, "comment not terminated");
        if (had_newline && needs_semi()) push_auto_semi("newline");
        continue;
      }
      scan_token();
    }
  }

 private:
  char peek(std::size_t k) const { return i_ + k < src_.size() ? src_[i_ + k] : '\0'; }
  Pos pos() const { return Pos{line_, static_cast<int>(i_ - line_start_) + 1}; }
  void advance(std::size_t n) { i_ += n; }
  void newline() {
    ++i_;
    ++line_;
    line_start_ = i_;
  }
  void skip_space() {
    while (i_ < src_.size() && (src_[i_] == ' ' || src_[i_] == '\t' || src_[i_] == '\r')) ++i_;
  }
  void error(Pos p, std::string msg) {
    if (!out_.error) out_.error = Diagnostic{p.line, p.col, std::move(msg)};
  }
  bool needs_semi() const {
    if (out_.tokens.empty()) return false;
    switch (out_.tokens.back().tok) {
      case Tok::Ident:
      case Tok::Int:
      case Tok::Float:
      case Tok::Imag:
      case Tok::Char:
      case Tok::String:
      case Tok::Break:
      case Tok::Continue:
      case Tok::Fallthrough:
      case Tok::Return:
      case Tok::Inc:
      case Tok::Dec:
      case Tok::RParen:
      case Tok::RBrack:
      case Tok::RBrace:
        return true;
      default:
        return false;
    }
  }
  void push_auto_semi(std::string_view text) {
    Token t;
    t.tok = Tok::Semicolon;
    t.pos = pos();
    t.begin = t.end = i_;
    t.text = text;
    out_.tokens.push_back(t);
  }
  void push(Tok tok, Pos p, std::size_t begin) {
    Token t;
    t.tok = tok;
    t.pos = p;
    t.begin = begin;
    t.end = i_;
    t.text = src_.substr(begin, i_ - begin);
    out_.tokens.push_back(t);
  }

  void scan_token() {
    const Pos p = pos();
    const std::size_t begin = i_;
    const auto c = static_cast<unsigned char>(src_[i_]);
    if (is_letter(c)) {
      scan_ident(p, begin);
      return;
    }
    if (is_digit(c) || (c == '.' && is_digit(static_cast<unsigned char>(peek(1))))) {
      scan_number(p, begin);
      return;
    }
    switch (c) {
      case '"':
        scan_string(p, begin);
        return;
      case '`':
        scan_raw_string(p, begin);
        return;
      case '\'':
        scan_rune(p, begin);
        return;
      default:
        break;
    }
    scan_operator(p, begin);
  }

  void scan_ident(Pos p, std::size_t begin) {
    while (i_ < src_.size()) {
      const auto c = static_cast<unsigned char>(src_[i_]);
      if (c >= 0x80) {
        std::size_t j = i_;
        const std::int64_t cp = decode_utf8(src_, j);
        if (cp == 0xFFFD) {
          error(pos(), "invalid UTF-8 encoding");
        }
        i_ = j;
        continue;
      }
      if (!is_letter(c) && !is_digit(c)) break;
      ++i_;
    }
    const std::string_view word = src_.substr(begin, i_ - begin);
    for (const Keyword& k : kKeywords) {
      if (k.word == word) {
        push(k.tok, p, begin);
        return;
      }
    }
    push(Tok::Ident, p, begin);
  }

  void scan_digits(int base, bool& bad, char& bad_digit) {
    while (i_ < src_.size()) {
      const auto c = static_cast<unsigned char>(src_[i_]);
      if (c == '_') {
        ++i_;
        continue;
      }
      if (base == 16 ? is_hex(c) : is_digit(c)) {
        if (base < 10 && c - '0' >= base && !bad) {
          bad = true;
          bad_digit = static_cast<char>(c);
          bad_at_ = i_;
        }
        ++i_;
        continue;
      }
      break;
    }
  }

  void scan_number(Pos p, std::size_t begin) {
    Tok tok = Tok::Int;
    int base = 10;
    bool bad = false;
    char bad_digit = 0;
    if (src_[i_] == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
      base = 16;
      i_ += 2;
    } else if (src_[i_] == '0' && (peek(1) == 'b' || peek(1) == 'B')) {
      base = 2;
      i_ += 2;
    } else if (src_[i_] == '0' && (peek(1) == 'o' || peek(1) == 'O')) {
      base = 8;
      i_ += 2;
    }
    const std::size_t digits_begin = i_;
    if (i_ >= src_.size() || src_[i_] != '.') scan_digits(base, bad, bad_digit);
    // gc's scanner reports these where it is reading: after the prefix, at the digit.
    const auto at = [&](std::size_t i) { return Pos{p.line, p.col + static_cast<int>(i - begin)}; };
    if (base != 10 && i_ == digits_begin && (i_ >= src_.size() || src_[i_] != '.')) {
      const char* kind = base == 16 ? "hexadecimal" : base == 2 ? "binary" : "octal";
      error(at(i_), fmt::format("{} literal has no digits", kind));
    }
    if (i_ < src_.size() && src_[i_] == '.' && base != 2 && base != 8) {
      tok = Tok::Float;
      ++i_;
      scan_digits(base, bad, bad_digit);
    }
    if (i_ < src_.size()) {
      const char e = src_[i_];
      if (((e == 'e' || e == 'E') && base == 10) || ((e == 'p' || e == 'P') && base == 16)) {
        tok = Tok::Float;
        ++i_;
        if (i_ < src_.size() && (src_[i_] == '+' || src_[i_] == '-')) ++i_;
        const std::size_t digits = i_;
        bool b2 = false;
        char d2 = 0;
        scan_digits(10, b2, d2);
        if (digits == i_) error(p, "exponent has no digits");
      }
    }
    if (i_ < src_.size() && src_[i_] == 'i') {
      tok = Tok::Imag;
      ++i_;
    }
    if (bad) {
      const char* kind = base == 2 ? "binary" : "octal";
      error(at(bad_at_), fmt::format("invalid digit '{}' in {} literal", bad_digit, kind));
    }
    // A leading 0 makes an octal integer (0777); digits 8 or 9 there are an error.
    const std::string_view text = src_.substr(begin, i_ - begin);
    if (tok == Tok::Int && base == 10 && text.size() > 1 && text[0] == '0') {
      for (std::size_t k = 0; k < text.size(); ++k) {
        if (text[k] == '8' || text[k] == '9') {
          error(at(begin + k), fmt::format("invalid digit '{}' in octal literal", text[k]));
          break;
        }
      }
    }
    push(tok, p, begin);
  }

  // Scans an escape after '\' (i_ at the backslash); quote is '"' or '\''.
  void scan_escape(char quote) {
    ++i_;
    const Pos p = pos();
    if (i_ >= src_.size()) return;
    const char c = src_[i_];
    int n = 0;
    int base = 0;
    switch (c) {
      case 'a':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
      case 'v':
      case '\\':
        ++i_;
        return;
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
        n = 3;
        base = 8;
        break;
      case 'x':
        ++i_;
        n = 2;
        base = 16;
        break;
      case 'u':
        ++i_;
        n = 4;
        base = 16;
        break;
      case 'U':
        ++i_;
        n = 8;
        base = 16;
        break;
      default:
        if (c == quote) {
          ++i_;
          return;
        }
        if (c == '\n') return;
        error(p, "unknown escape");
        return;
    }
    for (int k = 0; k < n; ++k) {
      if (i_ >= src_.size()) return;
      const auto d = static_cast<unsigned char>(src_[i_]);
      const bool ok = base == 8 ? (d >= '0' && d <= '7') : is_hex(d);
      if (!ok) {
        if (d == static_cast<unsigned char>(quote) || d == '\n') {
          error(pos(), "escape is incomplete");
        } else {
          error(pos(), fmt::format("invalid character {} in {} escape", quoted_char(d),
                                   base == 8 ? "octal" : "hexadecimal"));
        }
        return;
      }
      ++i_;
    }
  }

  static std::string quoted_char(unsigned char c) {
    if (c == '\'') return "'\\''";
    return fmt::format("'{}'", static_cast<char>(c));
  }

  void scan_string(Pos p, std::size_t begin) {
    ++i_;
    while (true) {
      if (i_ >= src_.size()) {
        error(p, "string literal not terminated");
        break;
      }
      const char c = src_[i_];
      if (c == '"') {
        ++i_;
        break;
      }
      if (c == '\n') {
        error(pos(), "newline in string");
        break;
      }
      if (c == '\\') {
        scan_escape('"');
        continue;
      }
      ++i_;
    }
    push(Tok::String, p, begin);
  }

  void scan_raw_string(Pos p, std::size_t begin) {
    ++i_;
    while (true) {
      if (i_ >= src_.size()) {
        error(p, "string literal not terminated");
        break;
      }
      if (src_[i_] == '`') {
        ++i_;
        break;
      }
      if (src_[i_] == '\n') {
        newline();
      } else {
        ++i_;
      }
    }
    push(Tok::String, p, begin);
  }

  void scan_rune(Pos p, std::size_t begin) {
    ++i_;
    int n = 0;
    while (true) {
      if (i_ >= src_.size()) {
        error(p, "rune literal not terminated");
        break;
      }
      const char c = src_[i_];
      if (c == '\'') {
        if (n == 0) error(p, "empty rune literal or unescaped ' in rune literal");
        ++i_;
        break;
      }
      if (c == '\n') {
        error(pos(), "newline in rune literal");
        break;
      }
      if (c == '\\') {
        scan_escape('\'');
      } else {
        std::size_t j = i_;
        (void)decode_utf8(src_, j);
        i_ = j;
      }
      ++n;
    }
    if (n > 1) error(p, "more than one character in rune literal");
    push(Tok::Char, p, begin);
  }

  void scan_operator(Pos p, std::size_t begin) {
    const char c = src_[i_];
    const char c1 = peek(1);
    const char c2 = peek(2);
    auto emit = [&](Tok t, std::size_t n) {
      i_ += n;
      push(t, p, begin);
    };
    switch (c) {
      case '+':
        if (c1 == '+') return emit(Tok::Inc, 2);
        if (c1 == '=') return emit(Tok::AddAssign, 2);
        return emit(Tok::Add, 1);
      case '-':
        if (c1 == '-') return emit(Tok::Dec, 2);
        if (c1 == '=') return emit(Tok::SubAssign, 2);
        return emit(Tok::Sub, 1);
      case '*':
        if (c1 == '=') return emit(Tok::MulAssign, 2);
        return emit(Tok::Mul, 1);
      case '/':
        if (c1 == '=') return emit(Tok::QuoAssign, 2);
        return emit(Tok::Quo, 1);
      case '%':
        if (c1 == '=') return emit(Tok::RemAssign, 2);
        return emit(Tok::Rem, 1);
      case '&':
        if (c1 == '&') return emit(Tok::LAnd, 2);
        if (c1 == '^') return c2 == '=' ? emit(Tok::AndNotAssign, 3) : emit(Tok::AndNot, 2);
        if (c1 == '=') return emit(Tok::AndAssign, 2);
        return emit(Tok::And, 1);
      case '|':
        if (c1 == '|') return emit(Tok::LOr, 2);
        if (c1 == '=') return emit(Tok::OrAssign, 2);
        return emit(Tok::Or, 1);
      case '^':
        if (c1 == '=') return emit(Tok::XorAssign, 2);
        return emit(Tok::Xor, 1);
      case '<':
        if (c1 == '-') return emit(Tok::Arrow, 2);
        if (c1 == '<') return c2 == '=' ? emit(Tok::ShlAssign, 3) : emit(Tok::Shl, 2);
        if (c1 == '=') return emit(Tok::Leq, 2);
        return emit(Tok::Lss, 1);
      case '>':
        if (c1 == '>') return c2 == '=' ? emit(Tok::ShrAssign, 3) : emit(Tok::Shr, 2);
        if (c1 == '=') return emit(Tok::Geq, 2);
        return emit(Tok::Gtr, 1);
      case '=':
        if (c1 == '=') return emit(Tok::Eql, 2);
        return emit(Tok::Assign, 1);
      case '!':
        if (c1 == '=') return emit(Tok::Neq, 2);
        return emit(Tok::Not, 1);
      case ':':
        if (c1 == '=') return emit(Tok::Define, 2);
        return emit(Tok::Colon, 1);
      case '.':
        if (c1 == '.' && c2 == '.') return emit(Tok::Ellipsis, 3);
        return emit(Tok::Period, 1);
      case '(':
        return emit(Tok::LParen, 1);
      case ')':
        return emit(Tok::RParen, 1);
      case '[':
        return emit(Tok::LBrack, 1);
      case ']':
        return emit(Tok::RBrack, 1);
      case '{':
        return emit(Tok::LBrace, 1);
      case '}':
        return emit(Tok::RBrace, 1);
      case ',':
        return emit(Tok::Comma, 1);
      case ';':
        return emit(Tok::Semicolon, 1);
      case '~':
        return emit(Tok::Tilde, 1);
      default:
        break;
    }
    std::size_t j = i_;
    const std::int64_t cp = decode_utf8(src_, j);
    if (c == '\0') {
      error(p, "invalid NUL character");
    } else if (cp == 0xFFFD) {
      error(p, "invalid UTF-8 encoding");
    } else {
      std::string ch;
      append_utf8(ch, cp);
      error(p, fmt::format("invalid character U+{:04X} '{}'", cp, ch));
    }
    i_ = j;
  }

  std::string_view src_;
  std::size_t i_ = 0;
  std::size_t bad_at_ = 0;  // where scan_digits met the first digit too big for the base
  int line_ = 1;
  std::size_t line_start_ = 0;
  LexResult out_;
};

// Decodes escapes of an interpreted literal body; false if malformed.
bool decode_body(std::string_view body, char quote, std::string& out, bool runes_as_utf8) {
  for (std::size_t i = 0; i < body.size();) {
    const char c = body[i];
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    if (++i >= body.size()) return false;
    const char e = body[i++];
    switch (e) {
      case 'a':
        out += '\a';
        continue;
      case 'b':
        out += '\b';
        continue;
      case 'f':
        out += '\f';
        continue;
      case 'n':
        out += '\n';
        continue;
      case 'r':
        out += '\r';
        continue;
      case 't':
        out += '\t';
        continue;
      case 'v':
        out += '\v';
        continue;
      case '\\':
        out += '\\';
        continue;
      default:
        break;
    }
    if (e == quote) {
      out += e;
      continue;
    }
    int n = 0;
    int base = 16;
    std::int64_t v = 0;
    if (e >= '0' && e <= '7') {
      n = 2;
      base = 8;
      v = e - '0';
    } else if (e == 'x') {
      n = 2;
    } else if (e == 'u') {
      n = 4;
    } else if (e == 'U') {
      n = 8;
    } else {
      return false;
    }
    for (int k = 0; k < n; ++k) {
      if (i >= body.size()) return false;
      const auto d = static_cast<unsigned char>(body[i++]);
      if (base == 8 ? !(d >= '0' && d <= '7') : !is_hex(d)) return false;
      v = v * base + hex_value(d);
    }
    if (e == 'u' || e == 'U') {
      if (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) return false;
      append_utf8(out, v);
    } else {
      if (v > 255) return false;
      if (runes_as_utf8) {
        append_utf8(out, v);
      } else {
        out += static_cast<char>(v);
      }
    }
  }
  return true;
}

}  // namespace

void append_utf8(std::string& out, std::int64_t cp) {
  if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) cp = 0xFFFD;
  const auto u = static_cast<std::uint32_t>(cp);
  if (u < 0x80) {
    out += static_cast<char>(u);
  } else if (u < 0x800) {
    out += static_cast<char>(0xC0 | (u >> 6));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x10000) {
    out += static_cast<char>(0xE0 | (u >> 12));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (u >> 18));
    out += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  }
}

LexResult lex(std::string_view source) { return Lexer(source).run(); }

std::optional<std::string> unquote_string(std::string_view lit) {
  if (lit.size() < 2) return std::nullopt;
  if (lit.front() == '`' && lit.back() == '`') {
    std::string out;
    for (char c : lit.substr(1, lit.size() - 2)) {
      if (c != '\r') out += c;
    }
    return out;
  }
  if (lit.front() != '"' || lit.back() != '"') return std::nullopt;
  std::string out;
  if (!decode_body(lit.substr(1, lit.size() - 2), '"', out, false)) return std::nullopt;
  return out;
}

std::optional<std::int64_t> unquote_rune(std::string_view lit) {
  if (lit.size() < 3 || lit.front() != '\'' || lit.back() != '\'') return std::nullopt;
  const std::string_view body = lit.substr(1, lit.size() - 2);
  if (body[0] == '\\') {
    // \x and octal escapes give the byte value as the rune.
    if (body.size() >= 2 && (body[1] == 'x' || (body[1] >= '0' && body[1] <= '7'))) {
      std::int64_t v = 0;
      const int base = body[1] == 'x' ? 16 : 8;
      const std::size_t start = body[1] == 'x' ? 2 : 1;
      if (body.size() != start + (base == 16 ? 2 : 3)) return std::nullopt;
      for (std::size_t i = start; i < body.size(); ++i) {
        const auto d = static_cast<unsigned char>(body[i]);
        if (base == 8 ? !(d >= '0' && d <= '7') : !is_hex(d)) return std::nullopt;
        v = v * base + hex_value(d);
      }
      if (v > 255) return std::nullopt;
      return v;
    }
    std::string out;
    if (!decode_body(body, '\'', out, true)) return std::nullopt;
    std::size_t j = 0;
    if (out.empty()) return std::nullopt;
    const std::int64_t cp = decode_utf8(out, j);
    if (j != out.size()) return std::nullopt;
    return cp;
  }
  std::size_t j = 0;
  const std::int64_t cp = decode_utf8(body, j);
  if (j != body.size()) return std::nullopt;
  return cp;
}

}  // namespace poolscope::golang
