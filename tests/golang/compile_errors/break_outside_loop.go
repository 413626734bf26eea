// break and continue outside a loop, and an unknown label.
package main

import "fmt"

func main() {
	x := 1
	if x > 0 {
		break
	}
	continue
	for {
		break missing
	}
	fmt.Println(x)
}
