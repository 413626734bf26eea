#pragma once
// The front end's entry point: a Go source file in, an annotated tree (ast.hpp) and Go
// 1.19's compile errors out.
//
// Contract
// - check_program never throws and never crashes on any input: every problem becomes a
//   Diagnostic, worded and positioned as `go build` of go1.19 prints it (the
//   `# command-line-arguments` header and the `./main.go:` prefix are the caller's).
// - Diagnostics are sorted by position; at most 10 are kept, then a last one with line 0
//   and the message "too many errors", as gc prints it.
// - A program outside the subset (YOUR_CODE.md) gets one diagnostic per construct:
//   `Poolscope does not run <construct> (the supported subset: see the Go subset in
//   Poolscope's documentation)`.
// - ok is true only with no diagnostics; then the File is fully annotated and the
//   interpreter may run it. The Objects and library types the File points to live in
//   the CheckResult (objects) and the TypeTable: keep both alive as long as the File.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/golang/ast.hpp"
#include "core/golang/types.hpp"

namespace poolscope::golang {

// "./main.go:L:C: message" lines (and "too many errors"), each ending in '\n'.
[[nodiscard]] std::string format_diagnostics(const std::vector<Diagnostic>& diags,
                                             std::string_view file_name = "./main.go");

struct CheckResult {
  std::unique_ptr<File> file;  // null only if the source is not a file at all
  std::vector<Diagnostic> diagnostics;
  bool ok = false;
  std::vector<std::unique_ptr<Object>> objects;  // every Object the File points to
};

[[nodiscard]] CheckResult check_program(std::string_view source, TypeTable& types);

// The GUI's knobs: top-level constants of package main.
struct ConstInfo {
  enum class Kind : std::uint8_t { Int, Float, Duration, String, Bool };
  std::string name;
  Kind kind = Kind::Int;
  std::string value;      // as Go source: "3", "2.5", "200 * time.Millisecond" (as written)
  std::size_t begin = 0;  // byte range of the constant's expression in the source
  std::size_t end = 0;
  int line = 0;
};

// Constants of a checked File (CheckResult::ok), in source order; a constant whose value
// is implicit (repeated from the previous line of a group) or of another kind is left out.
[[nodiscard]] std::vector<ConstInfo> main_constants(const File& file, std::string_view source);

// The source with the expression of each named constant replaced by the given Go
// expression text (unknown names are ignored). Run check_program on the result.
[[nodiscard]] std::string override_constants(
    std::string_view source, const std::vector<std::pair<std::string, std::string>>& overrides);

}  // namespace poolscope::golang
