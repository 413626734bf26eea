// time.Duration prints like Go does: 1.5s, 250µs, 2m0s, 1h30m0s, 0s.
package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{
		1500 * time.Millisecond,
		250 * time.Microsecond,
		2 * time.Minute,
		90 * time.Minute,
		0,
		1,
		time.Second / 3,
		-3 * time.Second,
		36 * time.Hour,
		1234567 * time.Nanosecond,
	}
	for _, d := range ds {
		fmt.Println(d)
	}
	fmt.Printf("%v %s %d\n", time.Second, 2*time.Millisecond, time.Millisecond)
	fmt.Println(time.Duration(2500)*time.Millisecond, time.Hour+time.Minute, time.Millisecond*1001)
	fmt.Println(5*time.Second > time.Minute, time.Duration(3)*time.Second)
}
