// Arguments and returns of the wrong type.
package main

import (
	"fmt"
	"time"
)

func wait(d time.Duration) {}

func name() string {
	return 42
}

func main() {
	n := 3
	wait(n)
	time.Sleep("1s")
	ch := make(chan string)
	ch <- n
	fmt.Println(name())
}
