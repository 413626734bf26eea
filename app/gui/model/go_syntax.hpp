#pragma once
// Go syntax: a small tokenizer that splits a Go listing into coloured runs, for the
// code view. Pure (no ImGui): tested without a window.
//
// - highlight_go() splits `source` into lines. Each line's text has its tabs expanded
//   to kGoTabWidth columns (gofmt indents with tabs), so a monospace font lines it up.
// - A line's runs cover its text from the first byte to the last, in order, without
//   gaps; neighbouring runs of the same kind are merged, so a line costs a few draw
//   calls. Whitespace belongs to the run before it.
// - Knows what a listing needs, not the whole language spec: keywords, predeclared
//   functions, constants and types, interpreted, raw (multi-line) and rune literals,
//   line and block (multi-line) comments, decimal/hex/octal/binary/float/imaginary
//   numbers with `_` separators. Anything else is Plain. Never fails: malformed input
//   (an unterminated string) is coloured as far as it goes.
// - Instrumentation: Poolscope's listings mark the lines that only measure the run.
//   A line calling `stats.` (the identifier `stats` followed by `.`, outside strings and
//   comments) is instrumentation, and so is every line from the `// stats:` banner
//   (with the `// ---` rule just above it) to the end of the file.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace poolscope::gui {

inline constexpr int kGoTabWidth = 4;

enum class GoTokenKind : std::uint8_t {
  Plain,    // identifiers, operators, punctuation, whitespace
  Keyword,  // func, go, chan, select, range, defer, ...
  Builtin,  // predeclared functions and constants: make, close, len, nil, true, iota, ...
  Type,     // predeclared types: int, string, error, any, ...
  String,   // "...", `...`, '.'
  Comment,  // // ... and /* ... */
  Number,   // 42, 0x2A, 1_000, 1.5e3, 2i
};

// A run of one kind: bytes [begin, end) of its line's text.
struct GoRun {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  GoTokenKind kind = GoTokenKind::Plain;
  friend bool operator==(const GoRun&, const GoRun&) = default;
};

struct GoLine {
  std::string text;         // the line, tabs expanded, no newline
  std::vector<GoRun> runs;  // cover text exactly; empty for an empty line
  bool instrumentation = false;
};

struct GoListing {
  std::vector<GoLine> lines;  // lines[0] is line 1
  std::size_t widest = 0;     // columns of the widest line (code points, tabs expanded)
};

// Splits and colours `source`. A trailing newline does not make an extra empty line.
[[nodiscard]] GoListing highlight_go(std::string_view source);

// The kind of a whole identifier ("make" -> Builtin, "select" -> Keyword, "jobs" -> Plain).
[[nodiscard]] GoTokenKind classify_word(std::string_view word) noexcept;

}  // namespace poolscope::gui
