// Integer division by zero panics at run time: "runtime error: integer divide by zero".
package main

import "fmt"

func average(sum, count int) int {
	return sum / count
}

func main() {
	fmt.Println(average(10, 2))
	fmt.Println(average(10, 0))
}
