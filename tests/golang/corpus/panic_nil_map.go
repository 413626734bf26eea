// Writing to a nil map panics: "assignment to entry in nil map" (reading is fine).
package main

import "fmt"

type registry struct {
	names map[string]int
}

func main() {
	var r registry
	fmt.Println("read from nil map:", r.names["x"])
	r.names["x"] = 1
}
