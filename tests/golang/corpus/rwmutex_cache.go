// sync.RWMutex: many readers share the lock, writers take it alone.
package main

import (
	"fmt"
	"sync"
)

type cache struct {
	mu   sync.RWMutex
	data map[string]int
}

func (c *cache) get(k string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func (c *cache) set(k string, v int) {
	c.mu.Lock()
	c.data[k] = v
	c.mu.Unlock()
}

func main() {
	c := &cache{data: map[string]int{}}
	var wg sync.WaitGroup
	keys := []string{"a", "b", "c", "d"}
	for i, k := range keys {
		wg.Add(1)
		go func(k string, v int) {
			defer wg.Done()
			c.set(k, v)
		}(k, i*10)
	}
	wg.Wait()
	var hits sync.WaitGroup
	var mu sync.Mutex
	found := 0
	for i := 0; i < 20; i++ {
		hits.Add(1)
		go func(i int) {
			defer hits.Done()
			if _, ok := c.get(keys[i%len(keys)]); ok {
				mu.Lock()
				found++
				mu.Unlock()
			}
		}(i)
	}
	hits.Wait()
	fmt.Println(c.data, found)
	_, ok := c.get("zzz")
	fmt.Println("zzz present:", ok)
}
