// A deferred function that recovers and panics again: Go prints "[recovered]" after the first value.
package main

import "fmt"

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("cleanup after:", r)
			panic(fmt.Sprint("re-panic: ", r))
		}
	}()
	panic("first failure")
}
