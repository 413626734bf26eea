// Unlocking an unlocked mutex is a fatal error, not a panic: recover cannot stop it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	defer func() {
		fmt.Println("recover sees", recover())
	}()
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	fmt.Println("unlocked once")
	mu.Unlock()
}
