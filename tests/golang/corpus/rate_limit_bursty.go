// A bursty limiter: a buffered channel of tokens allows three at once, then one per tick.
package main

import (
	"fmt"
	"time"
)

func main() {
	tokens := make(chan time.Time, 3)
	for i := 0; i < 3; i++ {
		tokens <- time.Now()
	}
	go func() {
		for t := range time.Tick(30 * time.Millisecond) {
			tokens <- t
		}
	}()
	start := time.Now()
	fast := 0
	for req := 1; req <= 5; req++ {
		<-tokens
		if time.Since(start) < 20*time.Millisecond {
			fast++
		}
	}
	fmt.Println("served at once:", fast)
	fmt.Println("rest waited:", time.Since(start) >= 50*time.Millisecond)
}
