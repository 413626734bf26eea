#!/usr/bin/env python3
"""Generates tests/golang/lib_cases.inc: strconv, strings, math and time.Duration.String
cases whose expected text is REAL Go output (go1.19).

Each case is a Go expression and the C++ expression (over lib_strconv, lib_strings,
lib_math, lib_time_format) that must print the same; both print through helpers of the
same shape (see GO_HELPERS and lib_test.cpp). Usage: python3 tests/golang/gen_lib_cases.py
"""
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

GO_HELPERS = """package main

import (
\t"fmt"
\t"math"
\t"strconv"
\t"strings"
\t"time"
)

func pi(v int64, err error) string  { return fmt.Sprintf("%d|%v", v, err) }
func pu(v uint64, err error) string { return fmt.Sprintf("%d|%v", v, err) }
func pa(v int, err error) string    { return fmt.Sprintf("%d|%v", v, err) }
func pf(v float64, err error) string {
\treturn fmt.Sprintf("%s|%v", strconv.FormatFloat(v, 'g', -1, 64), err)
}
func pb(v bool, err error) string { return fmt.Sprintf("%t|%v", v, err) }
func ps(v []string) string        { return fmt.Sprintf("%d%q", len(v), v) }
func fl(v float64) string         { return strconv.FormatFloat(v, 'g', -1, 64) }
func neg0() float64               { return math.Copysign(0, -1) }

var _ = time.Second

func main() {
"""

CASES = []


def c(go, cpp):
    CASES.append((go, cpp))


def both(go_fn, cpp_fn, wrap_go, wrap_cpp, args):
    c(f"{wrap_go}({go_fn}({args}))", f"{wrap_cpp}({cpp_fn}({args}))")


# ---- strconv: integers
for s in ['"42"', '"-42"', '"+7"', '""', '"x"', '"-"', '"1_000"', '"9223372036854775807"',
          '"9223372036854775808"', '"-9223372036854775808"', '"-9223372036854775809"',
          '"99999999999999999999"', '" 1"', '"0x10"', '"007"']:
    both("strconv.Atoi", "atoi", "pa", "pi", s)
for args in ['"ff", 16, 64', '"0x_1F", 0, 64', '"0b101", 0, 8', '"0o17", 0, 64', '"017", 0, 64',
             '"_1", 0, 64', '"1__0", 0, 64', '"128", 10, 8', '"-129", 10, 8', '"-128", 10, 8',
             '"z", 36, 64', '"1", 1, 64', '"1", 10, 65', '"", 0, 64', '"-0x8000", 0, 16',
             '"1_0", 10, 64', '"0x", 0, 64', '"0", 0, 64']:
    both("strconv.ParseInt", "parse_int", "pi", "pi", args)
for args in ['"255", 10, 8', '"256", 10, 8', '"-1", 10, 64', '"18446744073709551615", 10, 64',
             '"18446744073709551616", 10, 64', '"FFFF", 16, 16']:
    both("strconv.ParseUint", "parse_uint", "pu", "pu", args)
for v in ["0", "-45", "9223372036854775807", "-9223372036854775807 - 1"]:
    c(f"strconv.Itoa({v})", f"itoa({v})")
for v, base in [("255", 2), ("255", 16), ("-255", 36), ("0", 8), ("-9223372036854775807 - 1", 2)]:
    c(f"strconv.FormatInt({v}, {base})", f"format_int({v}, {base})")
c("strconv.FormatUint(18446744073709551615, 16)", "format_uint(18446744073709551615ULL, 16)")
c("strconv.FormatBool(true) + strconv.FormatBool(false)", "format_bool(true) + format_bool(false)")
for s in ['"1"', '"t"', '"TRUE"', '"True"', '"false"', '"F"', '"yes"', '""', '"tRUE"']:
    both("strconv.ParseBool", "parse_bool", "pb", "pb", s)

# ---- strconv: floats
for v in ["0", "1", "-1", "0.1", "1.0 / 3", "2.0 / 3", "1e21", "1e20", "123456789", "1e-7",
          "0.000123", "100", "1.5", "2.5", "3.14159265358979", "5e-324", "1.7976931348623157e308",
          "math.Inf(1)", "math.Inf(-1)", "math.NaN()", "neg0()", "1234567.5", "0.5", "1e100"]:
    gv = v
    cv = v.replace("math.Inf(1)", "math_inf(1)").replace("math.Inf(-1)", "math_inf(-1)") \
          .replace("math.NaN()", "math_nan()").replace("neg0()", "-0.0")
    for fmt, prec in [("'g'", -1), ("'e'", -1), ("'f'", -1), ("'g'", 3), ("'e'", 3), ("'f'", 3),
                      ("'f'", 0), ("'g'", 0), ("'G'", 10), ("'E'", 1)]:
        c(f"strconv.FormatFloat({gv}, {fmt}, {prec}, 64)",
          f"format_float({cv}, {fmt}, {prec}, 64)")
for v in ["1.5", "0", "-0.1", "1e300", "5e-324", "1.0 / 3", "255.75", "0.9999"]:
    for fmt, prec in [("'x'", -1), ("'X'", 3), ("'x'", 0), ("'x'", 1), ("'b'", -1), ("'x'", 20)]:
        c(f"strconv.FormatFloat({v}, {fmt}, {prec}, 64)", f"format_float({v}, {fmt}, {prec}, 64)")
        c(f"strconv.FormatFloat({v}, {fmt}, {prec}, 32)", f"format_float({v}, {fmt}, {prec}, 32)")
for v in ["0.1", "1.0 / 3", "16777217", "3.4e38", "1e-45"]:
    c(f"strconv.FormatFloat({v}, 'g', -1, 32)",
      f"format_float({v}, 'g', -1, 32)")
for s in ['"1.5"', '"-0.25"', '"1e3"', '"1E-3"', '".5"', '"5."', '"+3"', '"inf"', '"-Infinity"',
          '"NaN"', '"nan"', '"infin"', '"1e400"', '"-1e400"', '"1e-400"', '"x"', '""', '"1.5x"',
          '"1e"', '"."', '"0.1"', '"123456789012345678901234567890"', '"+Inf"', '"-nan"',
          '"4.9e-324"', '"1_000.5"', '"1__0"', '"_1"', '"1e1_0"', '"1_"']:
    both("strconv.ParseFloat", "parse_float", "pf", "pf", s + ", 64")
for s in ['"3.5e38"', '"0.1"', '"1e-50"']:
    both("strconv.ParseFloat", "parse_float", "pf", "pf", s + ", 32")

# ---- strconv: quoting
for s in ['"hello"', '"tab\\tnl\\n"', '"\\x00\\x7f\\x1b"', '"\\xff"', '"héllo"', '"日本語"',
          '"\\u2028"', '"\\ufeff"', '"\\U0001F600"', '"\\U000E0001"', '"\\"\\\\"', '"\\a\\b\\f\\r\\v"',
          '"\\u00ad"', '"\\u0085"', '"\\xc3"', '"\\xed\\xa0\\x80"', '"`"', '""']:
    c(f"strconv.Quote({s})", f"quote({s}sv)")
    c(f"strconv.QuoteToASCII({s})", f"quote({s}sv, true)")
    c(f"fmt.Sprint(strconv.CanBackquote({s}))", f"format_bool(can_backquote({s}sv))")
for r in ["'a'", "'\\''", "'\"'", "'\\n'", "0x263A", "0x1F600", "0xD800", "-1", "0x110000",
          "0x7f", "0xad"]:
    c(f"strconv.QuoteRune({r})", f"quote_rune({r})")
    c(f"strconv.QuoteRuneToASCII({r})", f"quote_rune({r}, true)")

# ---- strings
for s, sep in [('"a,b,c"', '","'), ('""', '","'), ('"abc"', '""'), ('""', '""'), ('"a,b,"', '","'),
               ('",,"', '","'), ('"héllo"', '""'), ('"a--b--c"', '"--"'), ('"abc"', '"x"'),
               ('"a\\xff"', '""')]:
    c(f"ps(strings.Split({s}, {sep}))", f"ps(str_split({s}sv, {sep}sv))")
for s, sep, n in [('"a,b,c"', '","', 2), ('"a,b,c"', '","', 0), ('"a,b,c"', '","', -1),
                  ('"abc"', '""', 2), ('"a,b,c"', '","', 10)]:
    c(f"ps(strings.SplitN({s}, {sep}, {n}))", f"ps(str_split_n({s}sv, {sep}sv, {n}))")
for s in ['"  a b\\t c\\n"', '""', '"   "', '"a"', '"\\u00a0x\\u2003y\\u3000"', '"x\\u0085y"']:
    c(f"ps(strings.Fields({s}))", f"ps(str_fields({s}sv))")
    c(f"strings.TrimSpace({s})", f"str_trim_space({s}sv)")
for s, cut in [('"xxhixx"', '"x"'), ('"  hi  "', '" "'), ('"abcba"', '"ab"'), ('"héh"', '"h"'),
               ('"héé"', '"é"'), ('"aaa"', '"a"'), ('"hi"', '""'), ('""', '"a"')]:
    c(f"strings.Trim({s}, {cut}) + \"|\" + strings.TrimLeft({s}, {cut}) + \"|\" + "
      f"strings.TrimRight({s}, {cut})",
      f"str_trim({s}sv, {cut}sv) + \"|\" + str_trim_left({s}sv, {cut}sv) + \"|\" + "
      f"str_trim_right({s}sv, {cut}sv)")
for s, p in [('"prefix-x"', '"prefix-"'), ('"x"', '"xy"'), ('"abc"', '""')]:
    c(f"strings.TrimPrefix({s}, {p}) + \"|\" + strings.TrimSuffix({s}, {p})",
      f"str_trim_prefix({s}sv, {p}sv) + \"|\" + str_trim_suffix({s}sv, {p}sv)")
for s in ['"Hello, World"', '"héllo ÀÉÎ ÿ µ ß"', '"ΑΒΓ αβγ ς"', '"Привет Ёж"', '"\\xff"', '""',
          '"123abcXYZ"']:
    c(f"strings.ToUpper({s}) + \"|\" + strings.ToLower({s})",
      f"str_to_upper({s}sv) + \"|\" + str_to_lower({s}sv)")
for s, sub in [('"seafood"', '"foo"'), ('"seafood"', '"bar"'), ('"abc"', '""'), ('""', '""'),
               ('"chicken"', '"ken"'), ('"go gopher"', '"go"'), ('"héllo"', '"l"')]:
    c(f"fmt.Sprint(strings.Contains({s}, {sub}), strings.HasPrefix({s}, {sub}), "
      f"strings.HasSuffix({s}, {sub}), strings.Index({s}, {sub}), strings.LastIndex({s}, {sub}), "
      f"strings.Count({s}, {sub}))",
      f"fmt::format(\"{{}} {{}} {{}} {{}} {{}} {{}}\", str_contains({s}sv, {sub}sv), "
      f"str_has_prefix({s}sv, {sub}sv), str_has_suffix({s}sv, {sub}sv), "
      f"str_index({s}sv, {sub}sv), str_last_index({s}sv, {sub}sv), str_count({s}sv, {sub}sv))")
c('fmt.Sprint(strings.ContainsRune("héllo", 0xe9), strings.ContainsRune("abc", 0x64))',
  'fmt::format("{} {}", str_contains_rune("héllo"sv, 0xe9), str_contains_rune("abc"sv, 0x64))')
for s, o, n, k in [('"oink oink oink"', '"k"', '"ky"', 2), ('"oink oink oink"', '"oink"', '"moo"', -1),
                   ('"abc"', '""', '"-"', -1), ('"abc"', '""', '"-"', 2), ('"aaa"', '"a"', '"a"', -1),
                   ('"héllo"', '""', '"."', -1), ('"abc"', '"x"', '"y"', -1), ('"aaaa"', '"aa"', '"b"', -1),
                   ('"abc"', '"b"', '"B"', 0)]:
    c(f"strings.Replace({s}, {o}, {n}, {k})", f"str_replace({s}sv, {o}sv, {n}sv, {k})")
c('strings.ReplaceAll("a.b.c", ".", "::")', 'str_replace_all("a.b.c"sv, "."sv, "::"sv)')
c('strings.Repeat("ab", 3) + "|" + strings.Repeat("x", 0)',
  'str_repeat("ab"sv, 3) + "|" + str_repeat("x"sv, 0)')
c('strings.Join([]string{"a", "b", "c"}, ", ") + "|" + strings.Join(nil, ",")',
  'str_join({"a", "b", "c"}, ", "sv) + "|" + str_join({}, ","sv)')

# ---- math
for x, y in [("1", "2"), ("-0.0", "0"), ("0", "neg0()"), ("math.NaN()", "1"), ("math.Inf(1)", "math.NaN()"),
             ("math.Inf(-1)", "math.NaN()"), ("-3", "math.Inf(-1)"), ("2.5", "2.5")]:
    cx, cy = [v.replace("math.Inf(1)", "math_inf(1)").replace("math.Inf(-1)", "math_inf(-1)")
              .replace("math.NaN()", "math_nan()").replace("neg0()", "-0.0") for v in (x, y)]
    if x == "-0.0":
        cx = "0.0"  # a Go constant -0.0 is 0
    c(f"fl(math.Max({x}, {y})) + \" \" + fl(math.Min({x}, {y}))",
      f"fl(math_max({cx}, {cy})) + \" \" + fl(math_min({cx}, {cy}))")
for f, cf in [("math.Sqrt(2)", "math_sqrt(2)"), ("math.Sqrt(-1)", "math_sqrt(-1)"),
              ("math.Abs(-2.5)", "math_abs(-2.5)"), ("math.Floor(-2.5)", "math_floor(-2.5)"),
              ("math.Ceil(-2.5)", "math_ceil(-2.5)"), ("math.Round(-2.5)", "math_round(-2.5)"),
              ("math.Round(0.5)", "math_round(0.5)"), ("math.Trunc(-2.7)", "math_trunc(-2.7)"),
              ("math.Pow(2, 10)", "math_pow(2, 10)"), ("math.Mod(7, -3)", "math_mod(7, -3)"),
              ("math.Inf(-1)", "math_inf(-1)"),
              ("fmt.Sprint(math.IsInf(math.Inf(1), 0), math.IsInf(math.Inf(1), -1), math.IsInf(1, 0))",
               "fmt::format(\"{} {} {}\", math_is_inf(math_inf(1), 0), math_is_inf(math_inf(1), -1), "
               "math_is_inf(1, 0))")]:
    if f.startswith("fmt."):
        c(f, cf)
    else:
        c(f"fl({f})", f"fl({cf})")

# ---- time.Duration.String
for d in ["0", "1", "999", "1000", "1500", "250 * time.Microsecond", "1500 * time.Microsecond",
          "time.Millisecond", "1500 * time.Millisecond", "-1500 * time.Millisecond", "time.Second",
          "90 * time.Second", "2 * time.Hour", "time.Hour + 30*time.Minute + 15*time.Second + 5",
          "1<<63 - 1", "-1 << 63", "100 * time.Hour", "59*time.Second + 999999999",
          "-1", "time.Minute", "61 * time.Minute"]:
    cd = (d.replace("time.Microsecond", "1000LL").replace("time.Millisecond", "1000000LL")
          .replace("time.Second", "1000000000LL").replace("time.Minute", "60000000000LL")
          .replace("time.Hour", "3600000000000LL"))
    if d == "1<<63 - 1":
        cd = "std::numeric_limits<std::int64_t>::max()"
    if d == "-1 << 63":
        cd = "std::numeric_limits<std::int64_t>::min()"
    c(f"time.Duration({d}).String()", f"duration_string({cd})")


DUR = {"time.Microsecond": "1000LL", "time.Millisecond": "1000000LL",
       "time.Second": "1000000000LL", "time.Minute": "60000000000LL",
       "time.Hour": "3600000000000LL"}


def cdur(d):
    if d == "1<<63 - 1":
        return "std::numeric_limits<std::int64_t>::max()"
    if d == "-1 << 63":
        return "std::numeric_limits<std::int64_t>::min()"
    for k, v in DUR.items():
        d = d.replace(k, v)
    return d


for d in ["1500 * time.Millisecond", "-1500 * time.Millisecond", "90 * time.Minute", "1",
          "-1", "0", "1<<63 - 1", "-1 << 63", "2*time.Hour + 59*time.Minute + 59*time.Second"]:
    c(f"fl(time.Duration({d}).Seconds()) + \" \" + fl(time.Duration({d}).Minutes()) + \" \" + "
      f"fl(time.Duration({d}).Hours()) + \" \" + fmt.Sprint(time.Duration({d}).Milliseconds(), "
      f"time.Duration({d}).Microseconds())",
      f"fl(duration_seconds({cdur(d)})) + \" \" + fl(duration_minutes({cdur(d)})) + \" \" + "
      f"fl(duration_hours({cdur(d)})) + \" \" + fmt::format(\"{{}} {{}}\", "
      f"duration_milliseconds({cdur(d)}), duration_microseconds({cdur(d)}))")
    for m in ["time.Second", "time.Millisecond", "7 * time.Millisecond", "time.Hour", "0", "-1",
              "1<<63 - 1"]:
        c(f"fmt.Sprint(int64(time.Duration({d}).Round({m})), \" \", "
          f"int64(time.Duration({d}).Truncate({m})))",
          f"fmt::format(\"{{}} {{}}\", duration_round({cdur(d)}, {cdur(m)}), "
          f"duration_truncate({cdur(d)}, {cdur(m)}))")


def cpp_str(data):
    out = '"'
    for b in data:
        out += chr(b) if 0x20 <= b < 0x7F and chr(b) not in '"\\?' else f"\\{b:03o}"
    return out + '"'


def main():
    src = GO_HELPERS
    for go, _ in CASES:
        src += f'\tfmt.Printf("%x\\n", {go})\n'
    src += "}\n"
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "main.go")
        with open(path, "w") as f:
            f.write(src)
        env = dict(os.environ, GO111MODULE="off", GOFLAGS="")
        subprocess.run(["go", "build", "-o", os.path.join(d, "prog"), path], check=True, env=env,
                       cwd=d)
        out = subprocess.run([os.path.join(d, "prog")], check=True, capture_output=True,
                             text=True).stdout
    lines = out.splitlines()
    assert len(lines) == len(CASES), (len(lines), len(CASES))
    rows = []
    for (go, cpp), line in zip(CASES, lines):
        expected = bytes.fromhex(line)
        rows.append(f"  CHECK({cpp} == {cpp_str(expected)}sv);")
    with open(os.path.join(HERE, "lib_cases.inc"), "w") as f:
        f.write("// Generated by gen_lib_cases.py from go1.19.8's output; do not edit.\n")
        f.write("// clang-format off\n")
        f.write("\n".join(rows) + "\n")
        f.write("// clang-format on\n")
    print(f"{len(rows)} cases")


if __name__ == "__main__":
    main()
