// A type that lacks one of the interface's methods does not implement it.
package main

import "fmt"

type Shape interface {
	Area() float64
	Name() string
}

type Square struct{ S float64 }

func (s Square) Area() float64 { return s.S * s.S }

func main() {
	var sh Shape = Square{2}
	fmt.Println(sh.Area())
}
