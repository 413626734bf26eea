// Constants must fit their type.
package main

import "fmt"

func main() {
	var b byte = 300
	var i int8 = -129
	var u uint = -1
	fmt.Println(b, i, u)
}
