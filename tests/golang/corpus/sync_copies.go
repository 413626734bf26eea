// Copies of sync values are values of their own, with the state at the copy (go vet
// warns of each; Go runs them): a value receiver's mutex, a WaitGroup, a locked Mutex.
package main

import (
	"fmt"
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  int
}

// A value receiver copies the counter, mutex and all: the increment is lost.
func (c counter) incValue() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *counter) inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func main() {
	var c counter
	c.inc()
	c.incValue()
	fmt.Println(c.n)

	var wg sync.WaitGroup
	wg.Add(2)
	copied := wg
	wg.Done()
	wg.Done()
	wg.Wait()
	fmt.Println("original released")

	var mu sync.Mutex
	mu.Lock()
	locked := mu // a copy of a locked mutex is locked
	fmt.Println(locked.TryLock(), mu.TryLock())
	mu.Unlock()
	fmt.Println(mu.TryLock(), locked.TryLock())

	done := make(chan bool)
	go func() {
		copied.Wait() // its counter is still 2
		done <- true
	}()
	<-done
}
