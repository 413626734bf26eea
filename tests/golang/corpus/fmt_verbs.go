// fmt verbs of the subset: %v %+v %d %s %q %f %.Nf %t %T %x %c, Print, Sprint, Sprintln.
package main

import "fmt"

type pair struct {
	K string
	V int
}

type ptrHolder struct {
	P    *pair
	Tags []string
	M    map[string]bool
}

func main() {
	p := pair{"a", 1}
	fmt.Printf("%v|%+v|%T\n", p, p, p)
	fmt.Printf("%d|%x|%c|%q\n", 255, 255, 'G', 'G')
	fmt.Printf("%s|%q|%x\n", "go", "tab\there", "hi")
	fmt.Printf("%f|%.2f|%.0f|%v\n", 3.14159, 2.675, 2.5, 1.0/3)
	fmt.Printf("%t|%v|%T|%T|%T\n", true, false, 1.5, "s", []int{})
	fmt.Printf("%v|%d|%v\n", []int{1, 2}, []int{3, 4}, [2]bool{true})
	h := ptrHolder{Tags: []string{"x"}, M: map[string]bool{"on": true}}
	fmt.Printf("%+v\n", h)
	fmt.Printf("%v %v\n", &p, nil)
	fmt.Printf("%T %T %T\n", &p, map[string]int{}, make(chan int))
	fmt.Print("a", "b", 1, 2, "c\n")
	fmt.Print(1, 2, "\n")
	s := fmt.Sprint("x", 3, 4, "y")
	ln := fmt.Sprintln("x", 3, 4, "y")
	fmt.Printf("%q %q\n", s, ln)
	fmt.Println(fmt.Sprintf("%d%%", 50))
	var e error
	fmt.Println(e, []string(nil), map[int]int(nil))
	fmt.Printf("%v %d\n", int8(-5), uint(7))
	fmt.Printf("%x %x\n", -255, int64(1)<<40)
	fmt.Println(1e6, 1e-7, 123456789.0, 2.0e20, float64(1<<53))
	fmt.Println('a', byte('b'), rune(99), string(rune(100)))
}
