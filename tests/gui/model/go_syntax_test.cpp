#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "app/gui/model/go_syntax.hpp"

using namespace poolscope::gui;

namespace {

// The runs of a line as (text, kind) pairs, trailing whitespace trimmed from each piece.
struct Piece {
  std::string text;
  GoTokenKind kind;
};

std::vector<Piece> pieces(const GoLine& line) {
  std::vector<Piece> out;
  for (const GoRun& r : line.runs) {
    std::string text = line.text.substr(r.begin, r.end - r.begin);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out.push_back({text, r.kind});
  }
  return out;
}

GoTokenKind kind_at(const GoLine& line, std::string_view needle) {
  const std::size_t at = line.text.find(needle);
  REQUIRE(at != std::string::npos);
  for (const GoRun& r : line.runs) {
    if (at >= r.begin && at < r.end) return r.kind;
  }
  FAIL("no run covers " << needle);
  return GoTokenKind::Plain;
}

void check_runs_cover_text(const GoListing& listing) {
  for (const GoLine& line : listing.lines) {
    std::uint32_t at = 0;
    for (const GoRun& r : line.runs) {
      CHECK(r.begin == at);
      CHECK(r.end > r.begin);
      at = r.end;
    }
    CHECK(at == line.text.size());
  }
}

}  // namespace

TEST_CASE("GoSyntax: keywords, builtins, types, strings, numbers and comments get their kinds") {
  const GoListing l = highlight_go("jobs := make(chan int, 100) // the queue\n");
  REQUIRE(l.lines.size() == 1);
  const GoLine& line = l.lines[0];
  CHECK(kind_at(line, "jobs") == GoTokenKind::Plain);
  CHECK(kind_at(line, "make") == GoTokenKind::Builtin);
  CHECK(kind_at(line, "chan") == GoTokenKind::Keyword);
  CHECK(kind_at(line, "int") == GoTokenKind::Type);
  CHECK(kind_at(line, "100") == GoTokenKind::Number);
  CHECK(kind_at(line, "// the queue") == GoTokenKind::Comment);
  check_runs_cover_text(l);
}

TEST_CASE("GoSyntax: a word is classified whole, not by its prefix") {
  CHECK(classify_word("close") == GoTokenKind::Builtin);
  CHECK(classify_word("closer") == GoTokenKind::Plain);
  CHECK(classify_word("len") == GoTokenKind::Builtin);
  CHECK(classify_word("select") == GoTokenKind::Keyword);
  CHECK(classify_word("nil") == GoTokenKind::Builtin);
  CHECK(classify_word("error") == GoTokenKind::Type);
  CHECK(classify_word("rangeOver") == GoTokenKind::Plain);
  const GoListing l = highlight_go("closeJobs := goroutine\n");
  CHECK(kind_at(l.lines[0], "closeJobs") == GoTokenKind::Plain);
  CHECK(kind_at(l.lines[0], "goroutine") == GoTokenKind::Plain);
}

TEST_CASE("GoSyntax: comment markers and keywords inside a string stay string") {
  const GoListing l = highlight_go(R"(fmt.Println("go // not a comment \" still", 'x'))");
  const auto p = pieces(l.lines[0]);
  REQUIRE(p.size() == 5);
  CHECK(p[0].text == "fmt.Println(");
  CHECK(p[1].text == R"("go // not a comment \" still")");
  CHECK(p[1].kind == GoTokenKind::String);
  CHECK(p[2].text == ",");
  CHECK(p[3].text == "'x'");
  CHECK(p[3].kind == GoTokenKind::String);
  CHECK(p[4].text == ")");
  CHECK(p[4].kind == GoTokenKind::Plain);
}

TEST_CASE("GoSyntax: raw strings and block comments carry over lines") {
  const GoListing l =
      highlight_go("s := `one\ntwo // still raw\nthree` + x\n/* a\nfunc b */ go f()\n");
  REQUIRE(l.lines.size() == 5);
  CHECK(kind_at(l.lines[0], "`one") == GoTokenKind::String);
  CHECK(kind_at(l.lines[1], "two") == GoTokenKind::String);
  CHECK(kind_at(l.lines[1], "//") == GoTokenKind::String);
  CHECK(kind_at(l.lines[2], "three`") == GoTokenKind::String);
  CHECK(kind_at(l.lines[2], "x") == GoTokenKind::Plain);
  CHECK(kind_at(l.lines[3], "a") == GoTokenKind::Comment);
  CHECK(kind_at(l.lines[4], "func") == GoTokenKind::Comment);
  CHECK(kind_at(l.lines[4], "go") == GoTokenKind::Keyword);
  check_runs_cover_text(l);
}

TEST_CASE("GoSyntax: numbers in Go's forms are one token each") {
  const GoListing l = highlight_go("a := 1_000 + 0x1F + 2.5e-3 + 1e6 + 3i + .5 + 0b101\n");
  const GoLine& line = l.lines[0];
  for (std::string_view n : {"1_000", "0x1F", "2.5e-3", "1e6", "3i", ".5", "0b101"}) {
    INFO(n);
    const std::size_t space = line.text.find(" " + std::string(n));  // a whole token
    REQUIRE(space != std::string::npos);
    const std::size_t at = space + 1;
    bool whole = false;
    for (const GoRun& r : line.runs) {
      whole = whole || (r.kind == GoTokenKind::Number && r.begin == at &&
                        line.text.substr(r.begin, r.end - r.begin).starts_with(n));
    }
    CHECK(whole);
  }
  CHECK(kind_at(line, "a") == GoTokenKind::Plain);
}

TEST_CASE("GoSyntax: tabs expand to columns and runs follow them") {
  const GoListing l = highlight_go("\tfor j := range jobs {\n\t\tx\t:= 1\n");
  CHECK(l.lines[0].text == "    for j := range jobs {");
  CHECK(l.lines[1].text == "        x   := 1");
  CHECK(kind_at(l.lines[0], "for") == GoTokenKind::Keyword);
  CHECK(kind_at(l.lines[0], "range") == GoTokenKind::Keyword);
  CHECK(kind_at(l.lines[1], "1") == GoTokenKind::Number);
  CHECK(l.widest == std::string("    for j := range jobs {").size());
  check_runs_cover_text(l);
}

TEST_CASE("GoSyntax: neighbouring tokens of one kind merge into one run") {
  const GoListing l = highlight_go("a.b(c, d)\n");
  REQUIRE(l.lines[0].runs.size() == 1);
  CHECK(l.lines[0].runs[0].kind == GoTokenKind::Plain);
}

TEST_CASE("GoSyntax: lines calling stats. and the stats section are instrumentation") {
  const std::string source =
      "package main\n"
      "\n"
      "// Lines calling stats.* only measure the run.\n"
      "func worker() {\n"
      "\tdefer stats.working()()\n"
      "\tmystats.x()\n"
      "\tfmt.Println(\"stats.sent()\")\n"
      "}\n"
      "\n"
      "// ------------------------------------------------------------\n"
      "// stats: measurements for Poolscope.\n"
      "var stats runStats\n"
      "\n"
      "func (s *runStats) sent() {\n"
      "}\n";
  const GoListing l = highlight_go(source);
  REQUIRE(l.lines.size() == 15);
  const auto instrumented = [&](int line) {
    return l.lines[static_cast<std::size_t>(line - 1)].instrumentation;
  };
  CHECK_FALSE(instrumented(1));
  CHECK_FALSE(instrumented(3));  // a comment that mentions stats.
  CHECK_FALSE(instrumented(4));
  CHECK(instrumented(5));        // defer stats.working()()
  CHECK_FALSE(instrumented(6));  // mystats is another identifier
  CHECK_FALSE(instrumented(7));  // inside a string
  CHECK_FALSE(instrumented(9));
  CHECK(instrumented(10));  // the rule above the banner
  CHECK(instrumented(11));
  CHECK(instrumented(12));
  CHECK(instrumented(15));
}

TEST_CASE("GoSyntax: a listing without a stats banner has no stats section") {
  const GoListing l = highlight_go("package main\n// statistics: none\nfunc main() {}\n");
  for (const GoLine& line : l.lines) CHECK_FALSE(line.instrumentation);
}

TEST_CASE("GoSyntax: unterminated literals colour to the end without running past the line") {
  const GoListing l = highlight_go("x := \"open\ny := 'a\nz := \"esc\\");
  REQUIRE(l.lines.size() == 3);
  CHECK(kind_at(l.lines[0], "\"open") == GoTokenKind::String);
  CHECK(kind_at(l.lines[1], "y") == GoTokenKind::Plain);
  CHECK(kind_at(l.lines[2], "z") == GoTokenKind::Plain);
  check_runs_cover_text(l);
}

TEST_CASE("GoSyntax: line endings: CRLF is stripped, no extra line after the last newline") {
  const GoListing l = highlight_go("a\r\nb\n");
  REQUIRE(l.lines.size() == 2);
  CHECK(l.lines[0].text == "a");
  CHECK(highlight_go("").lines.empty());
  CHECK(highlight_go("\n\n").lines.size() == 2);
  CHECK(highlight_go("\n\n").lines[0].runs.empty());
}
