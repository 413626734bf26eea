// Binary operations on operands of different types.
package main

import (
	"fmt"
	"time"
)

func main() {
	n := 3
	s := "items"
	var f float64 = 1.5
	var d time.Duration = 2
	fmt.Println(n + s)
	fmt.Println(n * f)
	fmt.Println(d * n)
	fmt.Println(s == n)
}
