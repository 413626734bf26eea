// An index out of range panics with the index and the length; deferred calls run first.
package main

import "fmt"

func main() {
	defer fmt.Println("deferred print runs before the crash report")
	nums := []int{1, 2, 3}
	for i := 0; i <= 5; i++ {
		fmt.Println(nums[i])
	}
}
