// nil has no type of its own and is no int.
package main

import "fmt"

func main() {
	x := nil
	var n int = nil
	var err error = nil
	fmt.Println(x, n, err)
}
