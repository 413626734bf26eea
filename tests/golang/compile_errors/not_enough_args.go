// Calling a function with too few arguments, and a method with none.
package main

import (
	"fmt"
	"sync"
)

func worker(id int, jobs <-chan int, results chan<- int) {}

func main() {
	jobs := make(chan int)
	worker(1, jobs)
	var wg sync.WaitGroup
	wg.Add()
	fmt.Println("x")
}
