// Receiving from a closed channel: buffered values first, then the zero value with ok == false.
package main

import "fmt"

type point struct{ X, Y int }

func main() {
	ch := make(chan int, 2)
	ch <- 7
	ch <- 8
	close(ch)
	for i := 0; i < 4; i++ {
		v, ok := <-ch
		fmt.Println(v, ok)
	}
	ps := make(chan point)
	close(ps)
	p, ok := <-ps
	fmt.Printf("%+v %t\n", p, ok)
	s := make(chan string)
	close(s)
	fmt.Printf("%q\n", <-s)
	e := make(chan error)
	close(e)
	fmt.Println(<-e)
}
