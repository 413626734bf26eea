// go and defer need a function call, not a function value.
package main

import "fmt"

func work() {}

func main() {
	go work
	defer fmt.Println
	fmt.Println("x")
}
