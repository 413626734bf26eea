// Sending on a receive-only channel is a compile error.
package main

func consume(in <-chan int) {
	in <- 1
}

func main() {
	ch := make(chan int)
	go consume(ch)
	var r <-chan int = ch
	r <- 2
}
