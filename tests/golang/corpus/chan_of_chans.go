// Requests carry their own reply channel: a server goroutine answers each on it.
package main

import "fmt"

type request struct {
	n     int
	reply chan int
}

func server(reqs <-chan request) {
	for req := range reqs {
		req.reply <- req.n * req.n
	}
}

func main() {
	reqs := make(chan request)
	go server(reqs)
	total := 0
	for i := 1; i <= 4; i++ {
		req := request{n: i, reply: make(chan int)}
		reqs <- req
		v := <-req.reply
		fmt.Println(i, "->", v)
		total += v
	}
	close(reqs)
	fmt.Println("total", total)
	chans := make(chan chan string, 1)
	inner := make(chan string, 1)
	chans <- inner
	(<-chans) <- "through two channels"
	fmt.Println(<-inner)
}
