package main

import (
	"fmt"
	"sync"
	"time"
)

const numWorkers = 3
const numJobs = 10
const work = 200 * time.Millisecond

type result struct {
	job    int
	worker int
}

func worker(id int, jobs <-chan int, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(work)
		results <- result{job: j, worker: id}
	}
}

func main() {
	jobs := make(chan int, numJobs)
	results := make(chan result, numJobs)
	var wg sync.WaitGroup
	for w := 1; w <= numWorkers; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := 0; j < numJobs; j++ {
		jobs <- j
	}
	close(jobs)
	go func() {
		wg.Wait()
		close(results)
	}()
	total := 0
	for r := range results {
		total += r.job
	}
	fmt.Println("total", total)
}
