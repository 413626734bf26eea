// Generators: a goroutine yields values on a channel until the consumer closes done.
package main

import "fmt"

func fib(done <-chan struct{}) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		a, b := 0, 1
		for {
			select {
			case out <- a:
				a, b = b, a+b
			case <-done:
				return
			}
		}
	}()
	return out
}

func main() {
	done := make(chan struct{})
	f := fib(done)
	var first []int
	for i := 0; i < 10; i++ {
		first = append(first, <-f)
	}
	close(done)
	for range f {
	}
	fmt.Println(first)
}
