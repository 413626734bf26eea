// The number of variables must match the number of values.
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
