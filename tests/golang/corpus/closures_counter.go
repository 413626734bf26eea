// Closures keep their own state: each counter has its own variable; funcs are values.
package main

import "fmt"

func counter(start int) (func() int, func()) {
	n := start
	return func() int { n++; return n }, func() { n = start }
}

func apply(fs []func(int) int, v int) int {
	for _, f := range fs {
		v = f(v)
	}
	return v
}

func main() {
	next, reset := counter(10)
	other, _ := counter(100)
	fmt.Println(next(), next(), other(), next())
	reset()
	fmt.Println(next())
	double := func(x int) int { return x * 2 }
	addOne := func(x int) int { return x + 1 }
	fmt.Println(apply([]func(int) int{double, addOne, double}, 3))
	var nilFunc func()
	fmt.Println(nilFunc == nil)
}
