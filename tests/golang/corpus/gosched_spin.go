// runtime.Gosched yields the processor: a polite spin-wait on an atomic flag set by another goroutine.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

func main() {
	var ready atomic.Bool
	var result atomic.Int64
	go func() {
		sum := int64(0)
		for i := int64(1); i <= 1000; i++ {
			sum += i
		}
		result.Store(sum)
		ready.Store(true)
	}()
	for !ready.Load() {
		runtime.Gosched()
	}
	fmt.Println("result:", result.Load())
}
