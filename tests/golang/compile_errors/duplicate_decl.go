// Declaring the same name twice in one scope, and := with no new variables.
package main

import "fmt"

func helper() {}

func helper() {}

type T struct{}

var T = 3

func main() {
	x := 1
	var x int
	y := 2
	y := 3
	fmt.Println(x, y)
}
