// errgroup.TryGo starts a task only when the limit has room, and reports whether it did.
package main

import (
	"fmt"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	g.SetLimit(1)
	release := make(chan struct{})
	fmt.Println("first:", g.TryGo(func() error {
		<-release
		return nil
	}))
	fmt.Println("second while full:", g.TryGo(func() error { return nil }))
	close(release)
	fmt.Println("wait:", g.Wait())
	fmt.Println("third after wait:", g.TryGo(func() error { return fmt.Errorf("third") }))
	fmt.Println("wait:", g.Wait())
}
