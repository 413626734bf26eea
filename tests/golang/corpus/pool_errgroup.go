// Worker pool with errgroup.SetLimit: bounded tasks, results collected under a mutex, sorted.
package main

import (
	"fmt"
	"sort"
	"strconv"
	"sync"

	"golang.org/x/sync/errgroup"
)

func main() {
	inputs := []string{"4", "8", "15", "16", "23", "42"}
	var g errgroup.Group
	g.SetLimit(3)
	var mu sync.Mutex
	var out []int
	for _, in := range inputs {
		in := in
		g.Go(func() error {
			n, err := strconv.Atoi(in)
			if err != nil {
				return err
			}
			mu.Lock()
			out = append(out, n*2)
			mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		fmt.Println("error:", err)
		return
	}
	sort.Ints(out)
	fmt.Println(out)
	var bad errgroup.Group
	bad.SetLimit(2)
	for _, in := range []string{"1", "x", "3"} {
		in := in
		bad.Go(func() error {
			_, err := strconv.Atoi(in)
			return err
		})
	}
	fmt.Println("error:", bad.Wait())
}
