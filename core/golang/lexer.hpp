#pragma once
// The Go lexer: source bytes to tokens, with Go's automatic semicolons.
//
// Contract
// - lex() never fails: a lexical error (gc's words: "newline in string", "invalid
//   character U+0040 '@'", ...) is recorded in `error` (the first one only) and lexing
//   goes on as gc does.
// - An automatically inserted semicolon has text "newline" (or "EOF" at the end), as gc
//   names it in "unexpected newline"; the token list always ends with Tok::Eof.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/golang/ast.hpp"

namespace poolscope::golang {

struct Token {
  Tok tok = Tok::Eof;
  Pos pos;
  std::size_t begin = 0;  // byte range in the source
  std::size_t end = 0;
  std::string_view text;  // the source text; "newline"/"EOF" for an automatic semicolon
};

struct LexResult {
  std::vector<Token> tokens;
  std::optional<Diagnostic> error;
};

[[nodiscard]] LexResult lex(std::string_view source);

// The value of a Go string literal (interpreted or raw) as written, quotes included;
// nullopt if malformed (the lexer has reported it).
[[nodiscard]] std::optional<std::string> unquote_string(std::string_view lit);
// The code point of a rune literal ('a', '\n', '\u00e9'); nullopt if malformed.
[[nodiscard]] std::optional<std::int64_t> unquote_rune(std::string_view lit);
// UTF-8 encoding of a code point (U+FFFD for an invalid one, as Go's string(rune)).
void append_utf8(std::string& out, std::int64_t cp);

}  // namespace poolscope::golang
