// Names that were never declared, including a misspelt package function.
package main

import "fmt"

func main() {
	fmt.Println(undefinedThing)
	x := workerCount + 1
	fmt.Printn(x)
	undefinedFunc()
}
