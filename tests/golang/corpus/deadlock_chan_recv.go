// A worker forgets to close its channel: main's range never ends once the worker has returned.
package main

import "fmt"

func produce(out chan<- int) {
	for i := 0; i < 3; i++ {
		out <- i
	}
}

func main() {
	ch := make(chan int)
	go produce(ch)
	for v := range ch {
		fmt.Println("got", v)
	}
}
