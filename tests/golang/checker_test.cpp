// The checker against go1.19: every expected text below is what `go build` of go1.19.8
// printed for the same source (without its "# command-line-arguments" header).
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "core/golang/check.hpp"
#include "core/util/read_file.hpp"

namespace {

using namespace poolscope::golang;

std::string check(std::string_view src) {
  TypeTable types;
  const CheckResult r = check_program(src, types);
  CHECK(r.ok == r.diagnostics.empty());
  return format_diagnostics(r.diagnostics);
}

}  // namespace

TEST_CASE("go checker: unused import, argument counts, mismatched types, overflow") {
  CHECK(check(R"go(package main

import "fmt"

func f(a, b int) int { return a + b }

func main() {
	f(1)
	f(1, 2, 3)
	var s string
	x := 1
	_ = x + s
	var y int8 = 300
	_ = y
}
)go") ==
        R"go(./main.go:3:8: imported and not used: "fmt"
./main.go:8:4: not enough arguments in call to f
	have (number)
	want (int, int)
./main.go:9:10: too many arguments in call to f
	have (number, number, number)
	want (int, int)
./main.go:12:6: invalid operation: x + s (mismatched types int and string)
./main.go:13:15: cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)
)go");
}

TEST_CASE("go checker: assignment mismatch with a multi-value call, undefined names") {
  CHECK(check(R"go(package main

func g() (int, string) { return 1, "a" }

func main() {
	x := g()
	var a, b, c = g()
	_, _, _, _ = x, a, b, c
	undefinedThing()
}
)go") ==
        R"go(./main.go:6:7: assignment mismatch: 1 variable but g returns 2 values
./main.go:7:16: assignment mismatch: 3 variables but g returns 2 values
./main.go:9:2: undefined: undefinedThing
)go");
}

TEST_CASE(
    "go checker: interfaces with pointer receivers, untyped constants, channel directions, "
    "conditions") {
  CHECK(check(R"go(package main

type T struct{}

func (t *T) M() {}

type I interface{ M() }

func main() {
	var i I = T{}
	_ = i
	var s string = 5
	_ = s
	ch := make(<-chan int)
	ch <- 1
	sc := make(chan<- int)
	<-sc
	if 1 {
	}
}
)go") ==
        R"go(./main.go:10:12: cannot use T{} (value of type T) as type I in variable declaration:
	T does not implement I (M method has pointer receiver)
./main.go:12:17: cannot use 5 (untyped int constant) as string value in variable declaration
./main.go:15:2: invalid operation: cannot send to receive-only channel ch (variable of type <-chan int)
./main.go:17:4: invalid operation: cannot receive from send-only channel sc (variable of type chan<- int)
./main.go:18:5: non-boolean condition in if statement
)go");
}

TEST_CASE("go checker: missing return and too many return values") {
  CHECK(check(R"go(package main

func f() int {
	for {
		break
	}
}

func g(x int) int {
	if x > 0 {
		return 1
	}
}

func main() {
	f()
	g(1)
	return 1
}
)go") ==
        R"go(./main.go:7:1: missing return
./main.go:13:1: missing return
./main.go:18:9: too many return values
	have (number)
	want ()
)go");
}

TEST_CASE(
    "go checker: redeclaration, unused variables, undefined fields, untyped nil, division by "
    "zero") {
  CHECK(check(R"go(package main

func main() {
	x := 1
	x := 2
	var m map[string]int
	v, ok := m["a"], 1
	m.foo()
	var p *int
	p.x = 1
	y := nil
	_ = 1 / 0
}
)go") ==
        R"go(./main.go:4:2: x declared but not used
./main.go:5:4: no new variables on left side of :=
./main.go:7:2: v declared but not used
./main.go:7:5: ok declared but not used
./main.go:8:4: m.foo undefined (type map[string]int has no field or method foo)
./main.go:10:4: p.x undefined (type *int has no field or method x)
./main.go:11:7: use of untyped nil in assignment
./main.go:12:10: invalid operation: division by zero
)go");
}

TEST_CASE("go checker: at most ten errors then too many errors") {
  CHECK(check(R"go(package main

func main() {
	a := 1
	b := 1
	c := 1
	d := 1
	e := 1
	f := 1
	g := 1
	h := 1
	i := 1
	j := 1
	k := 1
	l := 1
}
)go") ==
        R"go(./main.go:4:2: a declared but not used
./main.go:5:2: b declared but not used
./main.go:6:2: c declared but not used
./main.go:7:2: d declared but not used
./main.go:8:2: e declared but not used
./main.go:9:2: f declared but not used
./main.go:10:2: g declared but not used
./main.go:11:2: h declared but not used
./main.go:12:2: i declared but not used
./main.go:13:2: j declared but not used
./main.go:13:2: too many errors
)go");
}

TEST_CASE(
    "go checker: undefined members, conversions in assignments, range over an integer, error "
    "interface") {
  CHECK(check(R"go(package main

import "fmt"

type S struct{ a int }

func main() {
	var s S
	s.b = 1
	fmt.Foo()
	var x int = "a"
	var f float64 = 1
	var i int = f
	_ = i
	for i := range 5 {
	}
	var e error = 5
	_ = e
	x.y()
}
)go") ==
        R"go(./main.go:9:4: s.b undefined (type S has no field or method b)
./main.go:10:6: undefined: fmt.Foo
./main.go:11:14: cannot use "a" (untyped string constant) as int value in variable declaration
./main.go:13:14: cannot use f (variable of type float64) as type int in variable declaration
./main.go:15:17: cannot range over 5 (untyped int constant)
./main.go:17:16: cannot use 5 (constant of type int) as type error in variable declaration:
	int does not implement error (missing Error method)
./main.go:19:4: x.y undefined (type int has no field or method y)
)go");
}

TEST_CASE("go checker: labels, break and continue, type switch binding, builtin arguments") {
  CHECK(check(R"go(package main

import "fmt"

func main() {
	for {
		break L
	}
	continue
	var x interface{} = 1
	switch y := x.(type) {
	}
	fmt.Println(1, 2)
	var ch chan int
	close(1)
	_ = len(1)
	_ = append(1, 2)
	_ = make(int)
	_ = ch
}
)go") ==
        R"go(./main.go:7:9: break label not defined: L
./main.go:9:2: continue is not in a loop
./main.go:11:9: y declared but not used
./main.go:15:8: invalid operation: cannot close non-channel 1 (untyped int constant)
./main.go:16:10: invalid argument: 1 (untyped int constant) for len
./main.go:17:13: first argument to append must be a slice; have 1 (untyped int constant)
./main.go:18:11: invalid argument: cannot make int; type must be slice, map, or channel
)go");
}

TEST_CASE(
    "go checker: assignability of fields, map keys, strings, constants; calls and operators") {
  CHECK(check(R"go(package main

func main() {
	var a []int
	a.x = 1
	var m map[string]int
	m[1] = 2
	var s string
	s[0] = 1
	const c = 10
	c = 5
	var i int
	i()
	_ = i.(int)
	_ = !i
	_ = -"a"
}
)go") ==
        R"go(./main.go:5:4: a.x undefined (type []int has no field or method x)
./main.go:7:4: cannot use 1 (untyped int constant) as string value in map index
./main.go:9:2: cannot assign to s[0] (value of type byte)
./main.go:11:2: cannot assign to c (untyped int constant 10)
./main.go:13:2: invalid operation: cannot call non-function i (variable of type int)
./main.go:14:6: invalid operation: i (variable of type int) is not an interface
./main.go:15:7: invalid operation: operator ! not defined on i (variable of type int)
./main.go:16:7: invalid operation: operator - not defined on "a" (untyped string constant)
)go");
}

TEST_CASE("go checker: constant overflow, truncation, comparison, impossible type assertion") {
  CHECK(check(R"go(package main

func main() {
	var x int8
	_ = x + 300
	const c int8 = 100
	_ = c * 2
	var y int = 1.5
	_ = y
	var s []int
	_ = s == s
	_ = x == "a"
	var f func()
	f = 1
	var i interface{ M() }
	_ = i.(int)
	_ = 1 << 70
	var z = 1 << 70
	_ = z
}
)go") ==
        R"go(./main.go:5:10: 300 (untyped int constant) overflows int8
./main.go:7:6: c * 2 (constant 200 of type int8) overflows int8
./main.go:8:14: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)
./main.go:11:6: invalid operation: s == s (slice can only be compared to nil)
./main.go:12:11: invalid operation: x == "a" (mismatched types int8 and untyped string)
./main.go:14:6: cannot use 1 (untyped int constant) as func() value in assignment
./main.go:16:6: impossible type assertion: i.(int)
	int does not implement interface{M()} (missing M method)
./main.go:17:6: cannot use 1 << 70 (untyped int constant 1180591620717411303424) as int value in assignment to _ identifier (overflows)
./main.go:18:10: cannot use 1 << 70 (untyped int constant 1180591620717411303424) as int value in variable declaration (overflows)
)go");
}

TEST_CASE(
    "go checker: argument types, arithmetic mismatch with an untyped operand, send types, "
    "undefined package") {
  CHECK(check(R"go(package main

import "fmt"

func f(n int) string { return n }

func main() {
	var s string = "x"
	f(s)
	fmt.Println(f(1) + 1)
	var ch chan int
	ch <- "a"
	var wg sync.WaitGroup
	wg.Add(1)
}
)go") ==
        R"go(./main.go:5:31: cannot use n (variable of type int) as type string in return statement
./main.go:9:4: cannot use s (variable of type string) as type int in argument to f
./main.go:10:14: invalid operation: f(1) + 1 (mismatched types string and untyped int)
./main.go:12:8: cannot use "a" (untyped string constant) as int value in send
./main.go:13:9: undefined: sync
)go");
}

TEST_CASE(
    "go checker: library calls: WaitGroup.Add arity, Sleep with a float, Duration times int, a "
    "misspelt method") {
  CHECK(check(R"go(package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add()
	time.Sleep(1.5)
	var d time.Duration = 2
	time.Sleep(d * time.Second)
	n := 3
	time.Sleep(n * time.Millisecond)
	fmt.Printf("%d\n")
	var mu sync.Mutex
	mu.lock()
}
)go") ==
        R"go(./main.go:11:2: not enough arguments in call to wg.Add
	have ()
	want (int)
./main.go:12:13: cannot use 1.5 (untyped float constant) as time.Duration value in argument to time.Sleep (truncated)
./main.go:16:13: invalid operation: n * time.Millisecond (mismatched types int and time.Duration)
./main.go:19:5: mu.lock undefined (type sync.Mutex has no field or method lock, but does have Lock)
)go");
}

TEST_CASE(
    "go checker: does not implement: wrong method signature, missing method; assignments between "
    "int and string") {
  CHECK(
      check(R"go(package main

type Animal interface {
	Sound() string
}

type Dog struct{}

func (d Dog) Sound(x int) string { return "" }

type Cat struct{}

func main() {
	var a Animal = Cat{}
	var b Animal = &Dog{}
	_, _ = a, b
	x := 5
	x = "s"
	var y float64 = x
	_ = y
}
)go") ==
      R"go(./main.go:14:17: cannot use Cat{} (value of type Cat) as type Animal in variable declaration:
	Cat does not implement Animal (missing Sound method)
./main.go:15:17: cannot use &Dog{} (value of type *Dog) as type Animal in variable declaration:
	*Dog does not implement Animal (wrong type for Sound method)
		have Sound(x int) string
		want Sound() string
./main.go:18:6: cannot use "s" (untyped string constant) as int value in assignment
./main.go:19:18: cannot use x (variable of type int) as type float64 in variable declaration
)go");
}

TEST_CASE("go checker: a func literal that is not called in a go statement") {
  CHECK(check(R"go(package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		go func() {
			fmt.Println(i)
		}
	}
}
)go") ==
        R"go(./main.go:7:6: expression in go must be function call
)go");
}

TEST_CASE("go checker: return values: wrong type, too many, multi-value in single-value context") {
  CHECK(
      check(R"go(package main

import "errors"

func f() error {
	return "oops"
}

func g() (int, error) {
	return 0, errors.New("x"), 1
}

func main() {
	f()
	g()
	v := g()
	_ = v
}
)go") ==
      R"go(./main.go:6:9: cannot use "oops" (constant of type string) as type error in return statement:
	string does not implement error (missing Error method)
./main.go:10:29: too many return values
	have (number, error, number)
	want (int, error)
./main.go:16:7: assignment mismatch: 1 variable but g returns 2 values
)go");
}

TEST_CASE(
    "go checker: not enough return values, field name case hint, untyped comparison, index types") {
  CHECK(check(R"go(package main

func g() (int, string, bool) {
	return 0, "a"
}

func main() {
	g()
	var p struct{ x int }
	p.X = 1
	_ = "a" == 1
	var s []int
	_ = s[1.5]
	_ = s["a"]
}
)go") ==
        R"go(./main.go:4:12: not enough return values
	have (number, string)
	want (int, string, bool)
./main.go:10:4: p.X undefined (type struct{x int} has no field or method X, but does have x)
./main.go:11:13: invalid operation: "a" == 1 (mismatched types untyped string and untyped int)
./main.go:13:8: 1.5 (untyped float constant) truncated to int
./main.go:14:8: cannot convert "a" (untyped string constant) to int
)go");
}

TEST_CASE(
    "go checker: an import Poolscope cannot run is the only message, as go build stops there") {
  CHECK(check("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"foo/bar\"\n)\n\nfunc main() "
              "{\n}\n") ==
        "./main.go:6:2: Poolscope does not run package foo/bar (the supported subset: see the Go "
        "subset in "
        "Poolscope's documentation)\n");
}

TEST_CASE(
    "go checker: assignment counts: calls with the wrong number of results, missing init "
    "expressions") {
  CHECK(check(R"go(// The number of variables must match the number of values.
package main

import "fmt"

func f() int { return 1 }

func g() (int, error) { return 0, nil }

func main() {
	a, b := f()
	c := g()
	var x, y, z = 1, 2
	fmt.Println(a, b, c, x, y, z)
}
)go") ==
        R"go(./main.go:11:10: assignment mismatch: 2 variables but f returns 1 value
./main.go:12:7: assignment mismatch: 1 variable but g returns 2 values
./main.go:13:12: missing init expr for z
)go");
}

TEST_CASE("go checker: receive and range on a send-only channel") {
  CHECK(
      check(R"go(// Receiving from a send-only channel, or ranging over one, is a compile error.
package main

import "fmt"

func produce(out chan<- int) {
	v := <-out
	fmt.Println(v)
	for x := range out {
		fmt.Println(x)
	}
}

func main() {
	produce(make(chan int))
}
)go") ==
      R"go(./main.go:7:9: invalid operation: cannot receive from send-only channel out (variable of type chan<- int)
./main.go:9:17: cannot range over out (variable of type chan<- int) (receive from send-only channel)
)go");
}

TEST_CASE(
    "go checker: pointer methods on map elements, argument counts of go statements, unused "
    "variables in closures") {
  CHECK(check(R"go(package main

import "sync"

type C struct{ n int }

func (c *C) Inc() { c.n++ }

func worker(id int, wg *sync.WaitGroup) {}

func main() {
	m := map[string]C{}
	m["a"].Inc()
	m["a"].n = 1
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		go worker(i)
		go worker(i, wg)
	}
	func() {
		y := 2
	}()
}
)go") ==
        R"go(./main.go:13:9: cannot call pointer method Inc on C
./main.go:14:2: cannot assign to struct field m["a"].n in map
./main.go:17:13: not enough arguments in call to worker
	have (int)
	want (int, *sync.WaitGroup)
./main.go:18:16: cannot use wg (variable of type sync.WaitGroup) as type *sync.WaitGroup in argument to worker
./main.go:21:3: y declared but not used
)go");
}

TEST_CASE("go checker: terminating switch, select and for statements") {
  CHECK(check(R"go(package main

func f(x int) int {
	switch {
	case x > 0:
		return 1
	default:
		return 0
	}
}

func g(x int) int {
	switch {
	case x > 0:
		return 1
	}
}

func h(ch chan int) int {
	for {
		select {
		case v := <-ch:
			return v
		}
	}
}

func main() {
	f(1)
	g(1)
	h(nil)
	var e error
	if e != nil {
		e := 1
	}
}
)go") ==
        R"go(./main.go:17:1: missing return
./main.go:34:3: e declared but not used
)go");
}

TEST_CASE("go checker: renamed imports, nil and mismatched composite types in declarations") {
  CHECK(check(R"go(package main

import f "fmt"

func main() {
	var x int = nil
	var s []int = 1
	var m map[string]int
	m = []int{}
	_, _ = x, s
}
)go") ==
        R"go(./main.go:3:8: imported and not used: "fmt" as f
./main.go:6:14: cannot use nil as int value in variable declaration
./main.go:7:16: cannot use 1 (untyped int constant) as []int value in variable declaration
./main.go:9:6: cannot use []int{} (value of type []int) as type map[string]int in assignment
)go");
}

TEST_CASE("go checker: duplicate cases in expression and type switches") {
  CHECK(check(R"go(package main

func main() {
	x := 1
	switch x {
	case 1:
	case 2, 1:
	}
	var i interface{} = x
	switch i.(type) {
	case int:
	case string, int:
	}
}
)go") ==
        R"go(./main.go:7:10: duplicate case 1 (constant of type int) in expression switch
	./main.go:6:7: previous case
./main.go:12:15: duplicate case int in type switch
	./main.go:11:7: previous case
)go");
}

TEST_CASE("go checker: a program without func main fails as go build links it") {
  CHECK(check(R"go(package main

func helper() {}
)go") ==
        R"go(runtime.main_main·f: function main is undeclared in the main package
)go");
}

namespace {

constexpr std::string_view kPool = R"go(package main

import (
	"fmt"
	"sync"
	"time"
)

const numWorkers = 3
const numJobs = 10
const work = 200 * time.Millisecond

type result struct {
	job    int
	worker int
}

func worker(id int, jobs <-chan int, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(work)
		results <- result{job: j, worker: id}
	}
}

func main() {
	jobs := make(chan int, numJobs)
	results := make(chan result, numJobs)
	var wg sync.WaitGroup
	for w := 1; w <= numWorkers; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := 0; j < numJobs; j++ {
		jobs <- j
	}
	close(jobs)
	go func() {
		wg.Wait()
		close(results)
	}()
	total := 0
	for r := range results {
		total += r.job
	}
	fmt.Println("total", total)
}
)go";

constexpr std::string_view kPipeline = R"go(package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

var ErrOdd = errors.New("odd")

func gen(ctx context.Context, n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int, 2)
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	return out
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	var got []int
	for v := range square(gen(ctx, 5)) {
		got = append(got, v)
	}
	sort.Ints(got)
	fmt.Println(got, len(got))
	var count atomic.Int64
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(2)
	for i := 0; i < 4; i++ {
		i := i
		g.Go(func() error {
			count.Add(1)
			if i == 3 {
				return fmt.Errorf("job %d: %w", i, ErrOdd)
			}
			_ = gctx
			return nil
		})
	}
	if err := g.Wait(); errors.Is(err, ErrOdd) {
		fmt.Println(strings.ToUpper(err.Error()), count.Load())
	}
}
)go";

constexpr std::string_view kEveryStatement = R"go(package main

import (
	"fmt"
	"os"
	"strconv"
)

type Shape interface {
	Area() float64
}

type Rect struct{ w, h float64 }

func (r Rect) Area() float64 { return r.w * r.h }

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

func (c Counter) String() string { return "counter " + strconv.Itoa(c.n) }

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func classify(x interface{}) string {
	switch v := x.(type) {
	case int:
		return "int " + strconv.Itoa(v)
	case string, bool:
		return fmt.Sprint("other ", v)
	case nil:
		return "nil"
	default:
		return "?"
	}
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func mustPositive(n int) int {
	if n > 0 {
		return n
	}
	panic("not positive")
}

func loop() int {
	for {
		return 1
	}
}

func main() {
	var s Shape = Rect{2, 3}
	fmt.Println(s.Area())
	var c Counter
	c.Inc()
	fmt.Println(c)
	q, r := divmod(7, 2)
	x, y := 1, 2
	x, y = y, x
	x += 3
	y <<= 1
	y--
	const big = 1 << 40
	var f float64 = big
	m := map[string][]int{"a": {1, 2}}
	m["b"] = append(m["b"], 3)
	if v, ok := m["a"]; ok && len(v) > 1 {
		fmt.Println(v[1:], f)
	} else if len(m) == 0 {
		fmt.Println("empty")
	} else {
		fmt.Println("other")
	}
	arr := [...]string{"x", "y", "z"}
	for i, v := range arr {
		if i == 1 {
			continue
		}
		fmt.Println(i, v)
	}
	for k := range m {
		_ = k
	}
	for i := range "héllo" {
		_ = i
	}
	ch := make(chan int, 1)
	done := make(chan struct{})
	ch <- 1
	select {
	case v, ok := <-ch:
		fmt.Println(v, ok)
	case ch <- 2:
	case <-done:
	default:
	}
outer:
	for i := 0; i < 3; i++ {
		switch {
		case i == 0:
			continue outer
		case i == 1:
			fallthrough
		case i == 2:
			break outer
		}
	}
	switch Blue {
	case Red, Green:
		fmt.Println("rg")
	case Blue:
		fmt.Println("b")
	}
	defer func() {
		if rec := recover(); rec != nil {
			fmt.Println("recovered:", rec)
		}
	}()
	p := &Counter{}
	p.Inc()
	var iface fmt.Stringer = p
	fmt.Println(classify(q), classify("s"), classify(nil), r, x, y, iface.String(), loop())
	b := []byte("abc")
	b[0] = 'z'
	fmt.Printf("%s %d %v\n", string(b), mustPositive(len(b)), float64(x)/2)
	if len(os.Args) > 5 {
		os.Exit(3)
	}
	type local struct{ a int }
	l := local{a: 1}
	l.a++
	fmt.Println(l)
}
)go";

// Embedding, method values, variadic calls, errors.As, elided &T{} literals, labels.
constexpr std::string_view kLibraryAndEmbedding = R"go(package main

import (
	"errors"
	"fmt"
	"math"
	"math/rand"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"
)

type SafeCounter struct {
	sync.Mutex
	m map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.Lock()
	defer c.Unlock()
	c.m[key]++
}

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

type Op func(int, int) int

type Task struct {
	Name string
	Run  func() error
	done chan struct{}
}

func sum(xs ...int) (total int) {
	for _, x := range xs {
		total += x
	}
	return
}

func find(err error) bool {
	var me *MyErr
	return errors.As(err, &me) && me.Code == 7
}

var (
	once    sync.Once
	started = time.Now()
	ops     = map[string]Op{"add": func(a, b int) int { return a + b }}
)

func init() {
	rand.Seed(1)
}

func main() {
	c := SafeCounter{m: make(map[string]int)}
	c.Inc("a")
	inc := c.Inc
	inc("b")
	fmt.Println(sum(1, 2, 3), sum([]int{4, 5}...), ops["add"](1, 2))
	err := fmt.Errorf("wrap: %w", &MyErr{Code: 7})
	fmt.Println(find(err), errors.Unwrap(err) != nil)
	t := Task{Name: "t", Run: func() error { return nil }, done: make(chan struct{})}
	go func(tk *Task) {
		defer close(tk.done)
		_ = tk.Run()
	}(&t)
	timeout := time.After(50 * time.Millisecond)
	ticker := time.NewTicker(10 * time.Millisecond)
	defer ticker.Stop()
loop:
	for {
		select {
		case <-t.done:
			t.done = nil
		case <-ticker.C:
		case <-timeout:
			break loop
		}
	}
	var d time.Duration = 1500 * time.Millisecond
	fmt.Println(d, d.Seconds(), time.Since(started) >= 0, math.Sqrt(16), math.MaxInt64, runtime.NumGoroutine() > 0)
	point := struct{ X, Y int }{1, 2}
	fmt.Printf("%+v %T\n", point, point)
	words := strings.Fields(" a b  c ")
	for i, r := range strings.Join(words, "-") {
		if r == '-' {
			continue
		}
		_ = i
	}
	once.Do(func() { fmt.Println("once") })
	switch n := len(words); {
	case n > 2:
		fmt.Println("many")
	default:
	}
	var iface interface{} = 3.5
	if f, ok := iface.(float64); ok {
		fmt.Println(f * 2)
	}
	matrix := [][]int{{1, 2}, {3}}
	fmt.Println(len(matrix[0]), cap(matrix), matrix[1][0])
	ptrs := []*Task{&t, {Name: "u"}}
	fmt.Println(len(ptrs), ptrs[1].Name)
	var x uint8 = 255
	x++
	const k = 10
	var f32 float32 = k / 4
	fmt.Println(x, f32, k/4, k/4.0, 7%3, -7/2, 1<<3|1)
	if len(os.Args) > 3 {
		os.Exit(1)
	}
}
)go";

// Interface embedding, named results with recover, Stringer constants, closures, context.
constexpr std::string_view kInterfacesAndClosures = R"go(package main

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }
type ReadWriter interface {
	Reader
	Writer
}

type buf struct{ data []string }

func (b *buf) Read() string   { return b.data[0] }
func (b *buf) Write(s string) { b.data = append(b.data, s) }

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

func safeDiv(a, b int) (res int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	res = a / b
	return
}

type State int

const (
	Idle State = iota + 1
	Busy
)

func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Busy:
		return "busy"
	}
	return "?" + strconv.Itoa(int(s))
}

func worker(ctx context.Context, id int, out chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case out <- "w" + strconv.Itoa(id):
			time.Sleep(time.Millisecond)
		}
	}
}

func main() {
	var rw ReadWriter = &buf{}
	rw.Write("x")
	fmt.Println(rw.Read())
	p := Point{1, 2}
	add := p.Add
	fmt.Println(add(Point{3, 4}), p == Point{1, 2})
	_, err := safeDiv(1, 0)
	fmt.Println(err)
	var st State = Busy
	fmt.Println(st, Idle)
	grid := [3][3]int{}
	grid[1][2] = 5
	fmt.Println(grid)
	var funcs []func() int
	for i := 0; i < 3; i++ {
		i := i
		funcs = append(funcs, func() int { return i * i })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan string)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go worker(ctx, i, out, &wg)
	}
	seen := map[string]bool{}
	for len(seen) < 2 {
		seen[<-out] = true
	}
	cancel()
	go func() {
		for range out {
		}
	}()
	wg.Wait()
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys)
	var n int64
	atomic.AddInt64(&n, 2)
	var flag atomic.Bool
	flag.Store(true)
	fmt.Println(atomic.LoadInt64(&n), flag.Load())
	people := []struct {
		Name string
		Age  int
	}{{"a", 30}, {"b", 20}}
	sort.Slice(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people[0].Name)
	var x interface{} = st
	if s, ok := x.(fmt.Stringer); ok {
		fmt.Println(s.String())
	}
	b := []byte("hi")
	s := string(b) + string(rune(65)) + fmt.Sprint(len("héllo"))
	fmt.Println(s, s[1:], s[:1])
}
)go";

const std::string kSubset =
    " (the supported subset: see the Go subset in Poolscope's documentation)";

}  // namespace

TEST_CASE("go checker: programs go1.19 builds check clean") {
  CHECK(check(kPool) == "");
  CHECK(check(kPipeline) == "");
  CHECK(check(kEveryStatement) == "");
  CHECK(check(kLibraryAndEmbedding) == "");
  CHECK(check(kInterfacesAndClosures) == "");
}

TEST_CASE("go checker: constructs outside the subset are refused by name and line") {
  CHECK(check("package main\n\nfunc id[T any](x T) T { return x }\n\nfunc main() {\n\t_ = "
              "id(1)\n}\n") ==
        "./main.go:3:6: Poolscope does not run generics (type parameters)" + kSubset + "\n");
  CHECK(check("package main\n\nfunc main() {\n\tgoto L\nL:\n}\n") ==
        "./main.go:4:2: Poolscope does not run goto" + kSubset + "\n");
  CHECK(check("package main\n\nimport \"unsafe\"\n\nfunc main() {\n\t_ = unsafe.Sizeof(1)\n}\n") ==
        "./main.go:3:8: Poolscope does not run package unsafe" + kSubset + "\n");
  CHECK(check("package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.Get(\"x\")\n}\n") ==
        "./main.go:3:8: Poolscope does not run package net/http" + kSubset + "\n");
  CHECK(check("package main\n\nfunc main() {\n\tvar c complex128\n\t_ = c\n}\n") ==
        "./main.go:4:8: Poolscope does not run complex numbers" + kSubset + "\n");
  CHECK(check("package main\n\ntype T struct{}\n\nfunc (T) M() {}\n\nfunc main() {\n\tf := "
              "T.M\n\t_ = f\n}\n") ==
        "./main.go:8:7: Poolscope does not run method expressions (T.Method)" + kSubset + "\n");
}

TEST_CASE("go checker: the annotations the interpreter reads") {
  TypeTable types;
  const CheckResult r = check_program(kPool, types);
  REQUIRE(r.ok);
  const File& f = *r.file;
  REQUIRE(f.main != nullptr);
  const FuncDecl* worker = nullptr;
  for (const Decl& d : f.decls) {
    if (d.kind == Decl::Kind::Func && d.func->name->name == "worker") worker = d.func.get();
  }
  REQUIRE(worker != nullptr);
  // params first, then locals: id, jobs, results, wg, j
  CHECK(worker->params.size() == 4);
  CHECK(worker->num_slots == 5);
  CHECK(worker->params[1]->slot == 1);
  CHECK(type_string(worker->params[1]->type) == "<-chan int");
  // defer wg.Done(): a library method through a pointer
  const auto& defer = static_cast<const DeferStmt&>(*worker->body->list.at(0));
  REQUIRE(defer.call);
  CHECK(defer.call->call_kind == CallKind::Library);
  CHECK(defer.call->lib == "(*sync.WaitGroup).Done");
  // main's closure captures wg and results
  const auto& main_body = f.main->body->list;
  REQUIRE(main_body.at(6)->kind == StmtKind::Go);
  const auto& go = static_cast<const GoStmt&>(*main_body.at(6));
  REQUIRE(go.call);
  const auto& lit = static_cast<const FuncLit&>(*go.call->fun);
  REQUIRE(lit.captures.size() == 2);
  CHECK(lit.captures[0]->name == "wg");
  CHECK(lit.captures[0]->captured);
  CHECK(lit.captures[1]->name == "results");
  // &wg: its address is taken
  CHECK(lit.captures[0]->addressed);
  // time.Sleep(work): the constant's value, typed time.Duration
  const auto& sleep = static_cast<const ExprStmt&>(
      *static_cast<const RangeStmt&>(*worker->body->list.at(1)).body->list.at(0));
  const auto& call = static_cast<const CallExpr&>(*sleep.x);
  CHECK(call.lib == "time.Sleep");
  REQUIRE(call.args.at(0)->value);
  CHECK(call.args[0]->value->i == 200000000);
  CHECK(type_string(call.args[0]->type, Qualify::Always) == "time.Duration");
}

TEST_CASE("go checker: untyped constants take their context's type") {
  TypeTable types;
  const CheckResult r = check_program(
      "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar x int64 = 1 << 40\n\tfmt.Println(x, "
      "2.5, 'a')\n}\n",
      types);
  REQUIRE(r.ok);
  const auto& body = r.file->main->body->list;
  const auto& decl = static_cast<const DeclStmt&>(*body.at(0));
  const Expr& init = *decl.decl->values.at(0).values.at(0);
  CHECK(type_string(init.type) == "int64");
  CHECK(init.value->i == (std::int64_t{1} << 40));
  const auto& println = static_cast<const CallExpr&>(*static_cast<const ExprStmt&>(*body.at(1)).x);
  CHECK(println.lib == "fmt.Println");
  CHECK(type_string(println.args.at(1)->type) == "float64");
  CHECK(type_string(println.args.at(2)->type) == "int32");
  CHECK(println.args.at(2)->value->i == 97);
}

TEST_CASE("go checker: the constants panel lists and overrides top-level constants") {
  TypeTable types;
  const CheckResult r = check_program(kPool, types);
  REQUIRE(r.ok);
  const std::vector<ConstInfo> cs = main_constants(*r.file, kPool);
  REQUIRE(cs.size() == 3);
  CHECK(cs[0].name == "numWorkers");
  CHECK(cs[0].kind == ConstInfo::Kind::Int);
  CHECK(cs[0].value == "3");
  CHECK(kPool.substr(cs[0].begin, cs[0].end - cs[0].begin) == "3");
  CHECK(cs[2].name == "work");
  CHECK(cs[2].kind == ConstInfo::Kind::Duration);
  CHECK(cs[2].value == "200 * time.Millisecond");
  const std::string changed =
      override_constants(kPool, {{"numWorkers", "5"}, {"work", "time.Second"}});
  CHECK(changed.find("const numWorkers = 5\n") != std::string::npos);
  CHECK(changed.find("const work = time.Second\n") != std::string::npos);
  TypeTable types2;
  const CheckResult again = check_program(changed, types2);
  REQUIRE(again.ok);
  CHECK(main_constants(*again.file, changed)[0].value == "5");
}

TEST_CASE("go checker: a message quoting a huge literal or name is cut short, still UTF-8") {
  // gc quotes the whole literal; a learner's pasted blob must not become a wall of text.
  const std::string blob(5000, '\xff');
  const std::string literal = "package main\n\nfunc main() `" + blob + "`\n";
  const std::string name(3000, 'x');
  const std::string undefined = "package main\n\nfunc main() {\n\t_ = " + name + "\n}\n";
  for (const std::string& src : {literal, undefined}) {
    TypeTable types;
    const CheckResult r = check_program(src, types);
    REQUIRE(r.diagnostics.size() == 1);
    const std::string& m = r.diagnostics[0].message;
    CHECK(m.size() < 2000);
    CHECK(m.ends_with("…"));
    CHECK(poolscope::util::is_utf8(m));
  }
  // A short one is Go's, whole.
  CHECK(check("package main\n\nfunc main() {\n\t_ = abc\n}\n") ==
        "./main.go:4:6: undefined: abc\n");
}
