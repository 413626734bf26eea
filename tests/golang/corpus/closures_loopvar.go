// Closures capture variables, not values: in Go 1.19 every loop iteration shares one variable.
package main

import "fmt"

func main() {
	var funcs []func() int
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() int { return i })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	var names []func() string
	for _, s := range []string{"a", "b", "c"} {
		names = append(names, func() string { return s })
	}
	for _, f := range names {
		fmt.Print(f())
	}
	fmt.Println()

	var fixed []func() int
	for i := 0; i < 3; i++ {
		i := i
		fixed = append(fixed, func() int { return i })
	}
	for _, f := range fixed {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	for i := 0; i < 3; i++ {
		defer func() { fmt.Println("deferred closure sees", i) }()
	}
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred call got", i)
	}
}
