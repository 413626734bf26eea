// time.NewTicker: count ticks until a deadline, then Stop the ticker.
package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(20 * time.Millisecond)
	defer ticker.Stop()
	ticks := 0
	for range ticker.C {
		ticks++
		if ticks == 5 {
			break
		}
	}
	fmt.Println("ticks:", ticks)
	ticker.Stop()
	select {
	case <-ticker.C:
		fmt.Println("tick after stop")
	case <-time.After(60 * time.Millisecond):
		fmt.Println("quiet after stop")
	}
}
