// Methods and fields that the type does not have.
package main

import (
	"fmt"
	"sync"
)

type job struct {
	id int
}

func main() {
	j := job{id: 1}
	fmt.Println(j.name)
	j.Run()
	var wg sync.WaitGroup
	wg.Close()
	ch := make(chan int)
	fmt.Println(ch.Len())
}
