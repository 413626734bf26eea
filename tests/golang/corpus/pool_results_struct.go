// Pool whose results carry a struct and an error; main sorts by job id before printing.
package main

import (
	"errors"
	"fmt"
	"sort"
	"sync"
)

type result struct {
	Job int
	Out int
	Err error
}

var errOdd = errors.New("odd job")

func work(j int) (int, error) {
	if j%2 == 1 {
		return 0, fmt.Errorf("job %d: %w", j, errOdd)
	}
	return j * 10, nil
}

func main() {
	jobs := make(chan int)
	results := make(chan result, 2)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				out, err := work(j)
				results <- result{Job: j, Out: out, Err: err}
			}
		}()
	}
	go func() {
		for j := 1; j <= 6; j++ {
			jobs <- j
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	var all []result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(a, b int) bool { return all[a].Job < all[b].Job })
	failed := 0
	for _, r := range all {
		if errors.Is(r.Err, errOdd) {
			failed++
		}
		fmt.Printf("%+v\n", r)
	}
	fmt.Println("failed:", failed)
}
