// A panic inside a deferred call during another panic: both are printed, no [recovered].
package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("second defer runs")
		panic("panic in defer")
	}()
	defer fmt.Println("first defer runs")
	panic("original")
}
