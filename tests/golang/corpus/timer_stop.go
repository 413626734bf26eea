// time.NewTimer: Stop before it fires returns true and nothing is sent; after firing it returns false.
package main

import (
	"fmt"
	"time"
)

func main() {
	t1 := time.NewTimer(100 * time.Millisecond)
	fmt.Println("stopped early:", t1.Stop())
	t2 := time.NewTimer(10 * time.Millisecond)
	<-t2.C
	fmt.Println("fired")
	fmt.Println("stop after firing:", t2.Stop())
	select {
	case <-t1.C:
		fmt.Println("t1 fired (wrong)")
	case <-time.After(150 * time.Millisecond):
		fmt.Println("t1 never fired")
	}
}
