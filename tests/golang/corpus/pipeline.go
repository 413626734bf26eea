// A three-stage pipeline: generate, square, sum; each stage closes its output when done.
package main

import "fmt"

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func main() {
	for v := range sq(sq(gen(1, 2, 3))) {
		fmt.Println(v)
	}
	total := 0
	for v := range sq(gen(1, 2, 3, 4, 5)) {
		total += v
	}
	fmt.Println("sum of squares:", total)
}
