// select {} blocks forever: once the workers are done it is a deadlock.
package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("worker done")
	}()
	select {}
}
