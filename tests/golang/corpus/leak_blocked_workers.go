// main returns while workers are still blocked: the program just ends, the goroutines leak.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	results := make(chan int)
	for i := 0; i < 4; i++ {
		go func(n int) {
			results <- n * n
		}(i)
	}
	first := <-results
	fmt.Println("first result is a square:", first == 0 || first == 1 || first == 4 || first == 9)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
