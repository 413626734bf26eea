// A semaphore channel bounds concurrency: at most three jobs hold a token at once.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	sem := make(chan struct{}, 3)
	var mu sync.Mutex
	var wg sync.WaitGroup
	active, peak, total := 0, 0, 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(n int) {
			defer wg.Done()
			defer func() { <-sem }()
			mu.Lock()
			active++
			if active > peak {
				peak = active
			}
			mu.Unlock()
			time.Sleep(15 * time.Millisecond)
			mu.Lock()
			active--
			total += n
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println("peak:", peak, "total:", total)
}
