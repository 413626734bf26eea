// panic with a value of a named basic type: Go prints the type with the value, main.Code(3).
package main

import "fmt"

type Code int

func check(c Code) {
	if c != 0 {
		panic(c)
	}
}

func main() {
	check(0)
	fmt.Println("code 0 is fine")
	check(3)
}
