// Variables declared inside a function must be used (assigning is not using).
package main

import "fmt"

func main() {
	count := 0
	results := make(chan int)
	var total int
	total = 5
	fmt.Println(results)
	for i, v := range []int{1} {
		fmt.Println(v)
	}
}
