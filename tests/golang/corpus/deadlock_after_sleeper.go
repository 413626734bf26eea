// While a goroutine sleeps there is no deadlock; once it has finished, main's receive is one.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			time.Sleep(10 * time.Millisecond)
			fmt.Println("tick", i)
		}
	}()
	fmt.Println("waiting")
	<-ch
}
