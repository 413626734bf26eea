// panic with an int, and with a named int type: Go prints main.Code(3) for the latter.
package main

import "fmt"

type Code int

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		panic(Code(3))
	}()
	panic(42)
}
