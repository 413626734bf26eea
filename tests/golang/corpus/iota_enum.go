// Constants with iota, typed and untyped constants, and an enum with a String method.
package main

import (
	"fmt"
	"time"
)

type State int

const (
	Idle State = iota
	Running
	Blocked
	Done
)

func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Running:
		return "running"
	case Blocked:
		return "blocked"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const numWorkers = 4
const jobDelay = 250 * time.Millisecond
const big = 1 << 40

func main() {
	fmt.Println(Idle, Running, Blocked, Done)
	fmt.Printf("%v %d %T\n", Blocked, Blocked, Blocked)
	fmt.Println(KB, MB, GB)
	fmt.Println(numWorkers*jobDelay, jobDelay/numWorkers)
	fmt.Println(big/KB, float64(big)/3)
	states := map[State]int{Running: 2, Idle: 1}
	fmt.Println(states)
}
