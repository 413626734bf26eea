// atomic.Int64 and friends (Go 1.19): methods instead of functions.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type stats struct {
	started  atomic.Int64
	finished atomic.Int32
	bytes    atomic.Uint64
	ready    atomic.Bool
}

func main() {
	var s stats
	var wg sync.WaitGroup
	for i := 1; i <= 10; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			s.started.Add(1)
			s.bytes.Add(uint64(n))
			s.finished.Add(1)
		}(i)
	}
	wg.Wait()
	s.ready.Store(true)
	fmt.Println(s.started.Load(), s.finished.Load(), s.bytes.Load(), s.ready.Load())
	var x atomic.Int64
	x.Store(10)
	fmt.Println(x.CompareAndSwap(10, 20), x.CompareAndSwap(10, 30), x.Load())
}
