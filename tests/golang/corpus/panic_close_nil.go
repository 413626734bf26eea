// Closing a nil channel panics: "close of nil channel".
package main

import "fmt"

type server struct {
	quit chan bool
}

func main() {
	s := server{}
	fmt.Println("quit is nil:", s.quit == nil)
	close(s.quit)
}
