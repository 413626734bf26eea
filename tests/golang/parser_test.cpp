// The lexer and parser against go1.19: each expected line is the first message `go build`
// of go1.19.8 printed for the same source (gc may print a few more after a syntax error;
// Poolscope stops at the first).
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>

#include "core/golang/check.hpp"
#include "core/golang/lexer.hpp"
#include "core/golang/parser.hpp"

namespace {

using namespace poolscope::golang;

std::string first_error(std::string_view src) {
  TypeTable types;
  const CheckResult r = check_program(src, types);
  if (r.diagnostics.empty()) return "";
  return format_diagnostics({r.diagnostics.front()});
}

}  // namespace

TEST_CASE("go parser: syntax errors in go1.19's words") {
  CHECK(
      first_error(R"go(package main

func main() {
	x := []int{1, 2
	}
}
)go") ==
      R"go(./main.go:4:17: syntax error: unexpected newline in composite literal; possibly missing comma or }
)go");
  CHECK(first_error(R"go(package main

func main() {
	x := 1 y
}
)go") ==
        R"go(./main.go:4:9: syntax error: unexpected y at end of statement
)go");
  CHECK(first_error(R"go(package main

func main() {
	if x := 1 {
	}
}
)go") ==
        R"go(./main.go:4:7: syntax error: cannot use x := 1 as value
)go");
  CHECK(first_error(R"go(package main

func main() {
	for {
}
)go") ==
        R"go(./main.go:6:1: syntax error: unexpected EOF, expecting }
)go");
  CHECK(first_error(R"go(package main

func main() {
	func foo() {}
}
)go") ==
        R"go(./main.go:4:7: syntax error: unexpected foo, expecting (
)go");
  CHECK(
      first_error(R"go(package main
import "fmt"
func main() {
	fmt.Println("a"
}
)go") ==
      R"go(./main.go:4:17: syntax error: unexpected newline in argument list; possibly missing comma or )
)go");
  CHECK(first_error(R"go(package main
func main() {
	x = = 1
	y := 3 +
}
)go") ==
        R"go(./main.go:3:6: syntax error: unexpected =, expecting expression
)go");
  CHECK(first_error(R"go(package main
func main() {
	var x int = 
}
)go") ==
        R"go(./main.go:4:1: syntax error: unexpected }, expecting expression
)go");
  CHECK(first_error(R"go(package main
func main() {
	a := "abc
}
)go") ==
        R"go(./main.go:3:11: newline in string
)go");
  CHECK(first_error(R"go(package main
func main() {
	x := 5
	x.
}
)go") ==
        R"go(./main.go:5:1: syntax error: unexpected }, expecting name or (
)go");
  CHECK(first_error(R"go(package main
func main() {
	switch x {
	foo
	}
}
)go") ==
        R"go(./main.go:4:2: syntax error: unexpected foo, expecting case or default or }
)go");
  CHECK(first_error(R"go(package main
func main() {
	a := 'ab'
	b := '
}
)go") ==
        R"go(./main.go:3:7: more than one character in rune literal
)go");
  CHECK(first_error(R"go(package main
func main() {
	if true 
	{
	}
}
)go") ==
        R"go(./main.go:3:10: syntax error: unexpected newline, expecting { after if clause
)go");
  CHECK(first_error(R"go(package main
func main() {
	for i := 0; i < 3; i++ 
	{
	}
}
)go") ==
        R"go(./main.go:3:25: syntax error: unexpected newline, expecting { after for clause
)go");
  CHECK(first_error(R"go(package main
func main() {
	x := @
}
)go") ==
        R"go(./main.go:3:7: invalid character U+0040 '@'
)go");
  CHECK(first_error(R"go(package main
func main() {
	x := "a\qb"
	_ = x
}
)go") ==
        R"go(./main.go:3:10: unknown escape
)go");
  CHECK(first_error(R"go(package main
func main() {
	if {
	}
}
)go") ==
        R"go(./main.go:3:5: syntax error: missing condition in if statement
)go");
  CHECK(
      first_error(R"go(package main
func f(a int b int) {
}
)go") ==
      R"go(./main.go:2:14: syntax error: unexpected b in parameter list; possibly missing comma or )
)go");
  CHECK(first_error(R"go(package main
var x int = 1 2
)go") ==
        R"go(./main.go:2:15: syntax error: unexpected literal 2 after top level declaration
)go");
  CHECK(
      first_error(R"go(package main
func main() {
	x := map[string]int{"a": 1 "b": 2}
}
)go") ==
      R"go(./main.go:3:29: syntax error: unexpected literal "b" in composite literal; possibly missing comma or }
)go");
  CHECK(first_error(R"go(package main
func main() {
	var x := 5
}
)go") ==
        R"go(./main.go:3:8: syntax error: unexpected :=, expecting =
)go");
  CHECK(first_error(R"go(package main
func main() {
	x := [3]int{1,2,3}
	_ = x[1:2:]
}
)go") ==
        R"go(./main.go:4:12: final index required in 3-index slice
)go");
  CHECK(first_error(R"go(package main
func main() {
	x := 1
	x++ = 2
}
)go") ==
        R"go(./main.go:4:6: syntax error: unexpected = at end of statement
)go");
}

TEST_CASE("go lexer: a base prefix without digits, even at the end of the file") {
  // The file ending right after "0x" was a read past the end of the source (fuzz_go).
  // gc's scanner reports where it reads: after the prefix, or at the bad digit.
  for (const auto& [literal, message] :
       {std::pair{"0x\n}\n", "hexadecimal literal has no digits"},
        std::pair{"0b\n}\n", "binary literal has no digits"},
        std::pair{"0o\n}\n", "octal literal has no digits"},
        std::pair{"0x;\n}\n", "hexadecimal literal has no digits"},
        std::pair{"0b2\n}\n", "invalid digit '2' in binary literal"},
        std::pair{"078\n}\n", "invalid digit '8' in octal literal"},
        std::pair{"0x", "hexadecimal literal has no digits"}}) {
    CAPTURE(literal);
    CHECK(first_error(std::string("package main\n\nfunc main() {\n\t_ = ") + literal) ==
          std::string("./main.go:4:8: ") + message + "\n");
  }
}

TEST_CASE("go parser: a missing type and a stray token in a parameter list") {
  // go1.19.8's messages for these two sources
  CHECK(first_error("package main\n\ntype T = )\n") ==
        "./main.go:3:10: syntax error: unexpected ) in type declaration\n");
  CHECK(first_error("package main\n\nfunc f(a <int) {}\n") ==
        "./main.go:3:10: syntax error: unexpected < in parameter list; possibly missing comma or "
        ")\n");
}

TEST_CASE("go lexer: automatic semicolons, literals, positions") {
  const LexResult r = lex("x := 'a' + `raw\nstr`\nreturn\n}");
  REQUIRE_FALSE(r.error);
  std::string kinds;
  for (const Token& t : r.tokens) kinds += std::string(tok_string(t.tok)) + " ";
  CHECK(kinds == "name := literal + literal ; return ; } ; EOF ");
  CHECK(r.tokens[4].pos == Pos{1, 12});
  CHECK(r.tokens[5].text == "newline");
  CHECK(r.tokens[6].pos == Pos{3, 1});
  CHECK(unquote_string(R"("a\tb\x41\u00e9\"")") == std::optional<std::string>("a\tbA\xc3\xa9\""));
  CHECK(unquote_string("`a\\n`") == std::optional<std::string>("a\\n"));
  CHECK(unquote_rune(R"('\n')") == std::optional<std::int64_t>(10));
  CHECK(unquote_rune("'\xc3\xa9'") == std::optional<std::int64_t>(0xE9));
  CHECK(unquote_rune(R"('\x80')") == std::optional<std::int64_t>(0x80));
}

TEST_CASE("go parser: the shapes the interpreter reads") {
  const ParseResult r = parse_file(R"go(package main

func main() {
	if x := (T{}); x.a {
	}
	for i := range xs {
	}
	switch v := y.(type) {
	case int, string:
	case nil:
	}
	select {
	case v, ok := <-ch:
	case ch <- 1:
	case <-done:
	default:
	}
	const (
		a = iota
		b
	)
}
)go");
  REQUIRE(r.file);
  const auto& body = r.file->decls.at(0).func->body->list;
  REQUIRE(body.size() == 5);
  CHECK(body[0]->kind == StmtKind::If);
  const auto& rs = static_cast<const RangeStmt&>(*body[1]);
  CHECK(rs.define);
  CHECK(rs.key->kind == ExprKind::Ident);
  CHECK(rs.value == nullptr);
  const auto& ts = static_cast<const TypeSwitchStmt&>(*body[2]);
  CHECK(ts.binding->name == "v");
  CHECK(ts.cases.at(0).list.size() == 2);
  const auto& sel = static_cast<const SelectStmt&>(*body[3]);
  REQUIRE(sel.cases.size() == 4);
  CHECK(sel.cases[0].kind == CommClause::Kind::Recv);
  CHECK(sel.cases[0].lhs.size() == 2);
  CHECK(sel.cases[0].define);
  CHECK(sel.cases[1].kind == CommClause::Kind::Send);
  CHECK(sel.cases[2].kind == CommClause::Kind::Recv);
  CHECK(sel.cases[2].lhs.empty());
  CHECK(sel.cases[3].kind == CommClause::Kind::Default);
  const auto& cd = static_cast<const DeclStmt&>(*body[4]);
  CHECK(cd.decl->values.at(1).iota == 1);
  CHECK(cd.decl->values.at(1).values.empty());
}

TEST_CASE("go parser: a composite literal in an if header needs parentheses, as in Go") {
  // `if x == T{} {` reads T as the operand and {} as the block, so the real compiler and
  // Poolscope both stop at the stray `{`.
  const std::string src =
      "package main\n\ntype T struct{}\n\nfunc main() {\n\tvar x T\n\tif x == T{} {\n\t}\n}\n";
  CHECK(first_error(src) == "./main.go:7:14: syntax error: unexpected { at end of statement\n");
}

TEST_CASE("go parser: nesting beyond the limit is refused, not a stack overflow") {
  std::string src = "package main\n\nfunc main() {\n\t_ = ";
  for (int i = 0; i < 100000; ++i) src += '(';
  src += "1";
  const ParseResult r = parse_file(src);
  REQUIRE(r.error);
  CHECK(r.error->message ==
        "Poolscope does not run code nested more than 200 levels deep (the supported subset: see "
        "the Go subset in Poolscope's documentation)");
}
