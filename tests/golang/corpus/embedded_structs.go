// Embedded structs: promoted fields and methods, and how %v and %+v print them.
package main

import "fmt"

type Base struct {
	ID   int
	Name string
}

func (b Base) Label() string    { return fmt.Sprintf("#%d %s", b.ID, b.Name) }
func (b *Base) Rename(n string) { b.Name = n }

type Job struct {
	Base
	Priority int
}

type Labeler interface{ Label() string }

func main() {
	j := Job{Base: Base{ID: 7, Name: "resize"}, Priority: 2}
	fmt.Println(j.Name, j.ID, j.Label())
	j.Rename("crop")
	fmt.Println(j.Label())
	fmt.Printf("%v\n%+v\n", j, j)
	var l Labeler = j
	fmt.Println(l.Label())
	jp := &Job{Priority: 1}
	jp.ID = 9
	fmt.Printf("%+v\n", *jp)
}
