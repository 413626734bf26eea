// A rate limiter with time.Tick: one request per tick, so five requests take at least four periods.
package main

import (
	"fmt"
	"time"
)

func main() {
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i
	}
	close(requests)
	limiter := time.Tick(20 * time.Millisecond)
	start := time.Now()
	for req := range requests {
		<-limiter
		fmt.Println("request", req)
	}
	fmt.Println("took at least 80ms:", time.Since(start) >= 80*time.Millisecond)
}
