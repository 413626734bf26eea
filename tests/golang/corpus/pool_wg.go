// Worker pool with a WaitGroup and a mutex-protected result map; main prints it sorted.
package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	words := []string{"go", "chan", "select", "mutex", "wait", "group", "once"}
	jobs := make(chan string)
	var mu sync.Mutex
	lengths := map[string]int{}
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for word := range jobs {
				mu.Lock()
				lengths[strings.ToUpper(word)] = len(word)
				mu.Unlock()
			}
		}()
	}
	for _, word := range words {
		jobs <- word
	}
	close(jobs)
	wg.Wait()
	fmt.Println(lengths)
}
