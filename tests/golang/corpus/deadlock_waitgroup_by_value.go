// The classic pool bug: a WaitGroup passed by value. Each worker's Done is on its own
// copy, so main's Wait never returns: a deadlock, as in Go.
package main

import (
	"fmt"
	"sync"
)

func worker(id int, results chan<- int, wg sync.WaitGroup) {
	defer wg.Done()
	results <- id * id
}

func main() {
	var wg sync.WaitGroup
	results := make(chan int, 2)
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go worker(i, results, wg)
	}
	fmt.Println(<-results + <-results)
	wg.Wait()
	fmt.Println("done")
}
