// sync.Once as Go's: every caller of Do returns only after the first f has returned; f
// that panics still counts as done; Do inside its own f deadlocks.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var once sync.Once
	var wg sync.WaitGroup
	start := time.Now()
	setup := func() {
		time.Sleep(50 * time.Millisecond)
		fmt.Println("setup done")
	}
	early := 0
	var mu sync.Mutex
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(setup)
			if time.Since(start) < 50*time.Millisecond {
				mu.Lock()
				early++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("returned before setup finished:", early)

	var o2 sync.Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		o2.Do(func() { panic("boom") })
	}()
	o2.Do(func() { fmt.Println("never printed") })
	fmt.Println("after the panic, Do is done")

	var o3 sync.Once
	o3.Do(func() {
		o3.Do(func() {})
	})
}
