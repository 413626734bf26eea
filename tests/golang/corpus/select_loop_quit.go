// A select loop over data and a quit channel: the producer's values all arrive before quit.
package main

import "fmt"

func main() {
	data := make(chan int)
	quit := make(chan struct{})
	go func() {
		for i := 1; i <= 5; i++ {
			data <- i
		}
		close(quit)
	}()
	sum, n := 0, 0
	for {
		select {
		case v := <-data:
			sum += v
			n++
		case <-quit:
			fmt.Println("received", n, "values, sum", sum)
			return
		}
	}
}
