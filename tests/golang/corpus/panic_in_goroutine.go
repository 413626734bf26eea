// A panic in any goroutine ends the whole program, even while main is waiting.
package main

import (
	"fmt"
	"sync"
)

func process(items []string, i int) string {
	return items[i]
}

func main() {
	items := []string{"a", "b"}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		fmt.Println(process(items, 1))
		fmt.Println(process(items, 2))
		wg.Done()
	}()
	wg.Wait()
	fmt.Println("not reached")
}
