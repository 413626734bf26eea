// A syntax error: else on its own line after the closing brace.
package main

import "fmt"

func main() {
	x := 2
	if x > 1 {
		fmt.Println("big")
	}
	else {
		fmt.Println("small")
	}
}
