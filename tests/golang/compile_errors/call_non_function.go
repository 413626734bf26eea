// Calling something that is not a function.
package main

import "fmt"

func main() {
	workers := 4
	total := workers(2)
	name := "go"
	fmt.Println(total, name())
}
