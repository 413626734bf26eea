// Structs and arrays are values (assignment copies), pointers share; == on structs compares fields.
package main

import "fmt"

type Config struct {
	Name    string
	Workers int
	Limits  [2]int
	Tags    []string
}

func bump(c Config) Config { c.Workers++; return c }
func bumpPtr(c *Config)    { c.Workers++ }

func main() {
	a := Config{Name: "a", Workers: 1, Limits: [2]int{1, 2}, Tags: []string{"x"}}
	b := a
	b.Name = "b"
	b.Limits[0] = 99
	b.Tags[0] = "shared"
	fmt.Printf("%+v\n%+v\n", a, b)
	c := bump(a)
	fmt.Println(a.Workers, c.Workers)
	bumpPtr(&a)
	fmt.Println(a.Workers)
	p := &a
	q := p
	q.Name = "via q"
	fmt.Println(a.Name, p == q)
	type point struct{ X, Y int }
	fmt.Println(point{1, 2} == point{1, 2}, point{1, 2} == point{2, 1})
	var np *Config
	fmt.Println(np == nil, np)
	pts := []point{{1, 2}, {3, 4}}
	for _, pt := range pts {
		pt.X = 100
	}
	for i := range pts {
		pts[i].Y = 0
	}
	fmt.Println(pts)
}
