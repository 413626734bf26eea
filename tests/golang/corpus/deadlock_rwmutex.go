// A writer waiting for a reader that never unlocks deadlocks, as does a later reader.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	mu.RLock()
	fmt.Println("read lock held")
	mu.Lock()
	fmt.Println("never printed")
}
