// A request that times out leaves its sender blocked on an unbuffered channel forever.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func fetch(delay time.Duration) (string, bool) {
	ch := make(chan string)
	go func() {
		time.Sleep(delay)
		ch <- "data"
	}()
	select {
	case v := <-ch:
		return v, true
	case <-time.After(20 * time.Millisecond):
		return "", false
	}
}

func main() {
	for _, d := range []time.Duration{time.Millisecond, 60 * time.Millisecond, 80 * time.Millisecond} {
		v, ok := fetch(d)
		fmt.Printf("%v: %q %t\n", d, v, ok)
	}
	time.Sleep(150 * time.Millisecond)
	fmt.Println("stuck senders:", runtime.NumGoroutine()-1)
}
