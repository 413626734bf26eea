// if and for conditions must be booleans.
package main

import "fmt"

func main() {
	n := 3
	if n {
		fmt.Println("n")
	}
	for n {
		n--
	}
	s := "x"
	if s {
	}
}
