// Interfaces: dynamic dispatch, type assertions, fmt.Stringer, nil interfaces.
package main

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r Rect) String() string     { return fmt.Sprintf("Rect(%vx%v)", r.W, r.H) }

func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }

func main() {
	shapes := []Shape{Rect{3, 4}, Circle{1}, Rect{W: 2, H: 2.5}}
	total := 0.0
	for _, s := range shapes {
		fmt.Printf("%v area=%.2f perimeter=%.3f\n", s, s.Area(), s.Perimeter())
		total += s.Area()
	}
	fmt.Printf("total %.4f\n", total)
	if r, ok := shapes[0].(Rect); ok {
		fmt.Println("first is a rect of width", r.W)
	}
	_, isCircle := shapes[0].(Circle)
	fmt.Println("first is a circle:", isCircle)
	var s Shape
	fmt.Println(s == nil, s)
	var st fmt.Stringer = Rect{1, 1}
	fmt.Println(st.String())
	fmt.Printf("%T %T\n", shapes[1], st)
}
