// errgroup: Wait returns the first error returned, not the last, and still waits for every task.
package main

import (
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	var finished atomic.Int32
	delays := []int{60, 10, 40, 90}
	for i, d := range delays {
		i, d := i, d
		g.Go(func() error {
			time.Sleep(time.Duration(d) * time.Millisecond)
			finished.Add(1)
			if i == 0 {
				return nil
			}
			return fmt.Errorf("task %d failed after %dms", i, d)
		})
	}
	err := g.Wait()
	fmt.Println("first error:", err)
	fmt.Println("finished:", finished.Load())
	var g2 errgroup.Group
	g2.Go(func() error { return errors.New("only one") })
	fmt.Println(g2.Wait())
}
