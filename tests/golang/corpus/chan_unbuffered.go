// Unbuffered channels: each send waits for its receiver, so ping and pong alternate.
package main

import "fmt"

func player(name string, in <-chan int, out chan<- int, done chan<- bool) {
	for n := range in {
		fmt.Println(name, n)
		if n >= 5 {
			done <- true
			return
		}
		out <- n + 1
	}
}

func main() {
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan bool)
	go player("ping", ping, pong, done)
	go player("pong", pong, ping, done)
	ping <- 0
	<-done
	fmt.Println("game over")
}
