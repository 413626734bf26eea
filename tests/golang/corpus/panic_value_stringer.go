// panic with a fmt.Stringer prints its String() method's text; a named string type prints main.State("...").
package main

import "fmt"

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type State string

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
		panic(State("stuck"))
	}()
	panic(Point{1, 2})
}
