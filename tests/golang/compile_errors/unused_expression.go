// An expression statement that computes a value and drops it is an error.
package main

func main() {
	x := 1
	x == 1
	x + 2
	ch := make(chan int)
	len(ch)
}
