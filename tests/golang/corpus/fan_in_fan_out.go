// Fan-out to several workers reading one channel, fan-in of their outputs through merge.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			out <- n * n
		}
	}()
	return out
}

func merge(cs ...<-chan int) <-chan int {
	var wg sync.WaitGroup
	out := make(chan int, 4)
	wg.Add(len(cs))
	for _, c := range cs {
		go func(c <-chan int) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	in := make(chan int)
	go func() {
		defer close(in)
		for i := 1; i <= 12; i++ {
			in <- i
		}
	}()
	c1, c2, c3 := square(in), square(in), square(in)
	var got []int
	for v := range merge(c1, c2, c3) {
		got = append(got, v)
	}
	sort.Ints(got)
	fmt.Println(len(got), got)
}
