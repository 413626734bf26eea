// Add(3) but only two Done calls: Wait blocks forever ([semacquire]).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 0; i < 2; i++ {
		go func(i int) {
			defer wg.Done()
			fmt.Println("worker finished")
		}(i)
	}
	wg.Wait()
	fmt.Println("never printed")
}
