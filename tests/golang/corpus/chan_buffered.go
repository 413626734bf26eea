// Buffered channels: sends do not block until the buffer is full; len and cap report it.
package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	fmt.Println(len(ch), cap(ch))
	ch <- "a"
	ch <- "b"
	fmt.Println(len(ch), cap(ch))
	ch <- "c"
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch, <-ch)
	ch <- "d"
	fmt.Println(len(ch))
	for len(ch) > 0 {
		fmt.Println(<-ch)
	}
}
