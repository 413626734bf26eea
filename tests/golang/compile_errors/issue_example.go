package main

import "fmt"

func main() {
	x := 1
	var s string = 5
	var r <-chan int
	r <- 1
	if 1 {
	}
	undefinedThing()
}

func f() int {
}
