// A struct stored in a map is not addressable: its fields cannot be assigned.
package main

import "fmt"

type stat struct{ n int }

func main() {
	m := map[string]stat{"a": {1}}
	m["a"].n = 2
	m["a"].n++
	fmt.Println(m)
}
