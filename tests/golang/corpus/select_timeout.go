// select with time.After: a slow answer loses to the timeout, a fast one wins.
package main

import (
	"fmt"
	"time"
)

func answer(delay time.Duration, v string) <-chan string {
	ch := make(chan string, 1)
	go func() {
		time.Sleep(delay)
		ch <- v
	}()
	return ch
}

func ask(delay time.Duration) {
	select {
	case v := <-answer(delay, "reply"):
		fmt.Println("got", v)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("timeout after", 50*time.Millisecond)
	}
}

func main() {
	ask(5 * time.Millisecond)
	ask(300 * time.Millisecond)
}
