// errgroup.SetLimit bounds how many tasks run at once; Go blocks until a slot is free.
package main

import (
	"fmt"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	g.SetLimit(2)
	var running, peak, done atomic.Int64
	for i := 0; i < 6; i++ {
		g.Go(func() error {
			now := running.Add(1)
			for {
				old := peak.Load()
				if now <= old || peak.CompareAndSwap(old, now) {
					break
				}
			}
			time.Sleep(20 * time.Millisecond)
			running.Add(-1)
			done.Add(1)
			return nil
		})
	}
	fmt.Println(g.Wait(), "done:", done.Load(), "peak:", peak.Load())
}
