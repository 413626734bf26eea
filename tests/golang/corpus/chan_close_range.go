// Closing a channel ends a range loop over it once the buffered values are drained.
package main

import "fmt"

func produce(n int, out chan<- int) {
	for i := 1; i <= n; i++ {
		out <- i
	}
	close(out)
}

func main() {
	nums := make(chan int, 4)
	go produce(10, nums)
	sum, count := 0, 0
	for v := range nums {
		sum += v
		count++
	}
	fmt.Println("count", count, "sum", sum)
}
