// sync.Once: the function runs exactly once however many goroutines call Do.
package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
	loads  int
)

func load() {
	loads++
	config = map[string]string{"mode": "fast", "level": "3"}
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(load)
		}()
	}
	wg.Wait()
	once.Do(load)
	fmt.Println("loads:", loads, config)
}
