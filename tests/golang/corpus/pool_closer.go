// Worker pool: workers read jobs, a closer goroutine closes results after wg.Wait, main ranges.
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

const numWorkers = 3
const numJobs = 9

func worker(id int, jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(time.Duration(j%3+1) * time.Millisecond)
		results <- j * j
	}
}

func main() {
	jobs := make(chan int, numJobs)
	results := make(chan int)
	var wg sync.WaitGroup
	for w := 1; w <= numWorkers; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)
	go func() {
		wg.Wait()
		close(results)
	}()
	var all []int
	for r := range results {
		all = append(all, r)
	}
	sort.Ints(all)
	fmt.Println(len(all), all)
}
