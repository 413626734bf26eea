// Worker pool that forgets close(jobs): workers wait for more jobs and wg.Wait never returns.
package main

import (
	"fmt"
	"sync"
)

func main() {
	jobs := make(chan int, 5)
	var mu sync.Mutex
	sum := 0
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				mu.Lock()
				sum += j
				mu.Unlock()
			}
		}()
	}
	for j := 1; j <= 5; j++ {
		jobs <- j
	}
	wg.Wait()
	fmt.Println(sum)
}
