// := declares only inside functions: at the top level it is a syntax error.
package main

import "fmt"

workers := 4

func main() {
	fmt.Println(workers)
}
