// A constant of the wrong type in a variable declaration, and in an assignment.
package main

import "fmt"

func main() {
	var name string = 5
	var n int = "five"
	var f float64
	f = "x"
	var ok bool = 1
	fmt.Println(name, n, f, ok)
}
