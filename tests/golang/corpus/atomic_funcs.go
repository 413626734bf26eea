// sync/atomic functions on int32, int64, uint32 and uint64.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits int64
	var small int32
	var flags uint32
	var big uint64
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&hits, 2)
			atomic.AddInt32(&small, 1)
			atomic.AddUint64(&big, 3)
			atomic.CompareAndSwapUint32(&flags, 0, 1)
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&hits), atomic.LoadInt32(&small), atomic.LoadUint32(&flags), atomic.LoadUint64(&big))
	atomic.StoreInt64(&hits, 5)
	fmt.Println(atomic.CompareAndSwapInt64(&hits, 4, 9), atomic.LoadInt64(&hits))
	fmt.Println(atomic.CompareAndSwapInt64(&hits, 5, 9), atomic.LoadInt64(&hits))
	atomic.StoreUint32(&flags, 7)
	atomic.StoreInt32(&small, -1)
	fmt.Println(flags, small)
}
