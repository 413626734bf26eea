// A select whose channels nobody will ever use deadlocks, as does a worker stuck on a send.
package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan string)
	go func() {
		a <- 1
		a <- 2
	}()
	fmt.Println(<-a)
	select {
	case v := <-b:
		fmt.Println(v)
	case a <- 3:
		fmt.Println("sent")
	}
}
