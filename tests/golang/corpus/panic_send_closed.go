// Sending on a closed channel panics: "send on closed channel", exit code 2.
package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	close(ch)
	fmt.Println("closed the channel")
	ch <- 1
	fmt.Println("not reached")
}
