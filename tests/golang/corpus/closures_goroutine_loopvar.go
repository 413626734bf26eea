// Goroutines started in a loop share its variable in Go 1.19: started after the loop ends, all see 3.
package main

import (
	"fmt"
	"sync"
)

func main() {
	start := make(chan struct{})
	var mu sync.Mutex
	var wg sync.WaitGroup
	seen := map[int]int{}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			mu.Lock()
			seen[i]++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	fmt.Println("values seen:", seen)

	seen = map[int]int{}
	start = make(chan struct{})
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			<-start
			mu.Lock()
			seen[n]++
			mu.Unlock()
		}(i)
	}
	close(start)
	wg.Wait()
	fmt.Println("passed as arguments:", seen)
}
