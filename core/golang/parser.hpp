#pragma once
// The Go parser: tokens to a File (ast.hpp), recursive descent after gc's own parser.
//
// Contract
// - parse_file never throws and never crashes. On the first lexical or syntax error it
//   stops and returns that one diagnostic, worded as go1.19's gc words it
//   (`syntax error: unexpected newline, expecting comma or }`); gc goes on and may print
//   a few more, Poolscope prints the first. With an error, `file` is null.
// - Nesting deeper than kMaxNesting is refused with a message, so a hostile input cannot
//   exhaust the stack.
#include <memory>
#include <optional>
#include <string_view>

#include "core/golang/ast.hpp"

namespace poolscope::golang {

inline constexpr int kMaxNesting = 200;

struct ParseResult {
  std::unique_ptr<File> file;
  std::optional<Diagnostic> error;
};

[[nodiscard]] ParseResult parse_file(std::string_view source);

// The refusal of a construct outside the subset, in the one wording Poolscope uses.
[[nodiscard]] std::string subset_message(std::string_view construct);

}  // namespace poolscope::golang
