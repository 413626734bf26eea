// Dereferencing a nil pointer panics: "invalid memory address or nil pointer dereference".
package main

import "fmt"

type node struct {
	val  int
	next *node
}

func main() {
	list := &node{val: 1, next: &node{val: 2}}
	for n := list; ; n = n.next {
		fmt.Println(n.val)
	}
}
