// An integer literal far beyond any type (and beyond 128 bits) is refused, not wrapped.
package main

import "fmt"

func main() {
	x := 123456789012345678901234567890123456789012345678901234567890
	fmt.Println(x)
}
