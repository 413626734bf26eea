// Receiving from a send-only channel, or ranging over one, is a compile error.
package main

import "fmt"

func produce(out chan<- int) {
	v := <-out
	fmt.Println(v)
	for x := range out {
		fmt.Println(x)
	}
}

func main() {
	produce(make(chan int))
}
