// defer: last in, first out; arguments evaluated at the defer; deferred closures can set results.
package main

import "fmt"

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func double(x int) (result int) {
	defer func() { result *= 2 }()
	return x + 1
}

func work() {
	defer trace("work")()
	for i := 1; i <= 3; i++ {
		defer fmt.Println("defer", i)
	}
	fmt.Println("working")
}

func main() {
	work()
	fmt.Println(double(4))
	x := 1
	defer fmt.Println("main's x at defer time:", x)
	x = 2
	fmt.Println("main ends with x =", x)
}
