// Receiving from a nil channel blocks forever: a channel that was declared but never made.
package main

import "fmt"

type pipeline struct {
	out chan int
}

func main() {
	var p pipeline
	go func() {
		fmt.Println("producer would send to a made channel")
	}()
	fmt.Println(<-p.out)
}
