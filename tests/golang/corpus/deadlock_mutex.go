// Locking a mutex twice from the same goroutine deadlocks: Go's mutex is not reentrant.
package main

import (
	"fmt"
	"sync"
)

type store struct {
	mu   sync.Mutex
	data map[string]int
}

func (s *store) Get(k string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.data[k]
}

func (s *store) Incr(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data[k] = s.Get(k) + 1
}

func main() {
	s := &store{data: map[string]int{"a": 1}}
	fmt.Println(s.Get("a"))
	s.Incr("a")
	fmt.Println("never printed")
}
