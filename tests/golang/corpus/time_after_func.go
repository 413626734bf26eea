// time.AfterFunc runs a function in its own goroutine later; Stop cancels one that has not run.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	fired := []string{}
	record := func(name string) func() {
		return func() {
			mu.Lock()
			fired = append(fired, name)
			mu.Unlock()
		}
	}
	time.AfterFunc(10*time.Millisecond, record("first"))
	time.AfterFunc(60*time.Millisecond, record("second"))
	cancelled := time.AfterFunc(30*time.Millisecond, record("cancelled"))
	fmt.Println("stop:", cancelled.Stop())
	time.Sleep(120 * time.Millisecond)
	mu.Lock()
	fmt.Println(fired)
	mu.Unlock()
}
