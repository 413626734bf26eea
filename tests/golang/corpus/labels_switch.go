// Labeled break and continue, switch without a condition, switch with several values per case.
package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	default:
		return "odd"
	}
}

func main() {
	for _, n := range []int{-2, 0, 3, 8} {
		fmt.Println(n, classify(n))
	}
	switch day := 6; day {
	case 0, 6:
		fmt.Println("weekend")
	case 1, 2, 3, 4, 5:
		fmt.Println("weekday")
	}
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
	count := 0
loop:
	for {
		select {
		default:
			count++
			if count == 3 {
				break loop
			}
		}
	}
	fmt.Println("count", count)
}
