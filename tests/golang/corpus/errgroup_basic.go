// errgroup.Group: Go starts tasks, Wait waits for all of them and returns nil when none failed.
package main

import (
	"fmt"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	results := make([]int, 5)
	for i := range results {
		i := i
		g.Go(func() error {
			results[i] = (i + 1) * 100
			return nil
		})
	}
	err := g.Wait()
	fmt.Println("err:", err)
	fmt.Println(results)
}
