// Sends on a closed channel panic in the sender, where recover sees them: a sender
// blocked when the channel closes, a select blocked on a send case, and a select whose
// send case finds the channel closed at once.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	sendDone := make(chan interface{})
	selectDone := make(chan interface{})
	go func() {
		defer func() { sendDone <- recover() }()
		ch <- 1
	}()
	<-time.After(5 * time.Millisecond)
	go func() {
		defer func() { selectDone <- recover() }()
		select {
		case ch <- 2:
		case <-time.After(time.Second):
		}
	}()
	time.Sleep(10 * time.Millisecond)
	close(ch) // wakes both: they recover in either order, main prints in this one
	fmt.Println("blocked send:", <-sendDone)
	fmt.Println("blocked select:", <-selectDone)
	func() {
		defer func() { fmt.Println("select at once:", recover()) }()
		select {
		case ch <- 3:
		default:
		}
	}()
	func() {
		defer func() {
			err := recover().(error)
			fmt.Println("is a runtime.Error:", err.Error())
		}()
		ch <- 4
	}()
	fmt.Println("end")
}
