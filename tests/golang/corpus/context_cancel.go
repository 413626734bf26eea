// context.WithCancel: cancel stops every worker watching ctx.Done; Err says why.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

func worker(ctx context.Context, id int, stopped chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			stopped <- id
			return
		case <-time.After(5 * time.Millisecond):
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	fmt.Println("before:", ctx.Err())
	stopped := make(chan int, 3)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(ctx, i, stopped, &wg)
	}
	time.Sleep(30 * time.Millisecond)
	cancel()
	wg.Wait()
	close(stopped)
	sum := 0
	for id := range stopped {
		sum += id
	}
	fmt.Println("stopped ids sum:", sum)
	fmt.Println("after:", ctx.Err(), errors.Is(ctx.Err(), context.Canceled))
	cancel()
	fmt.Println("cancel twice is fine:", ctx.Err())
}
