// sync.Mutex protects a counter shared by 50 goroutines doing 100 increments each.
package main

import (
	"fmt"
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[key]++
}

func main() {
	c := counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				if id%2 == 0 {
					c.inc("even")
				} else {
					c.inc("odd")
				}
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(c.n)
}
