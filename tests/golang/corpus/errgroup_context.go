// errgroup.WithContext: the first error cancels the group's context, so the other tasks stop early.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

var errBad = errors.New("bad input")

func main() {
	g, ctx := errgroup.WithContext(context.Background())
	var cancelled, completed atomic.Int32
	for i := 0; i < 5; i++ {
		i := i
		g.Go(func() error {
			if i == 2 {
				time.Sleep(10 * time.Millisecond)
				return fmt.Errorf("task %d: %w", i, errBad)
			}
			select {
			case <-time.After(time.Second):
				completed.Add(1)
				return nil
			case <-ctx.Done():
				cancelled.Add(1)
				return ctx.Err()
			}
		})
	}
	err := g.Wait()
	fmt.Println("err:", err, errors.Is(err, errBad))
	fmt.Println("cancelled:", cancelled.Load(), "completed:", completed.Load())
	fmt.Println("ctx:", ctx.Err())
}
