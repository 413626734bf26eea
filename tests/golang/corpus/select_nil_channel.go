// A nil channel is never ready: setting a finished input to nil turns its select case off.
package main

import "fmt"

func source(vals []int) <-chan int {
	ch := make(chan int)
	go func() {
		for _, v := range vals {
			ch <- v
		}
		close(ch)
	}()
	return ch
}

func main() {
	a := source([]int{1, 2, 3})
	b := source([]int{10, 20})
	sum, count := 0, 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			sum += v
			count++
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			sum += v
			count++
		}
	}
	fmt.Println("merged", count, "values, sum", sum)
}
