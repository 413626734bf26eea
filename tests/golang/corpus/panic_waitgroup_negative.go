// Calling Done more often than Add panics: "sync: negative WaitGroup counter".
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	fmt.Println("balanced so far")
	wg.Done()
}
