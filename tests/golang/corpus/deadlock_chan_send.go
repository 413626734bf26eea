// main sends on an unbuffered channel nobody receives from: all goroutines are asleep.
package main

import "fmt"

func main() {
	results := make(chan int)
	fmt.Println("sending")
	results <- 1
	fmt.Println("never printed")
}
