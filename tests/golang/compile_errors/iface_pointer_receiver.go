// A method with a pointer receiver is not in the value type's method set.
package main

import "fmt"

type Counter interface {
	Inc()
}

type C struct{ n int }

func (c *C) Inc() { c.n++ }

func use(c Counter) { c.Inc() }

func main() {
	var c C
	use(c)
	var e error = C{}
	fmt.Println(c, e)
}
