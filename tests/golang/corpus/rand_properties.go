// math/rand: values depend on the seed, so only their properties are printed.
package main

import (
	"fmt"
	"math/rand"
	"sort"
)

func main() {
	inRange := true
	for i := 0; i < 100; i++ {
		n := rand.Intn(10)
		if n < 0 || n >= 10 {
			inRange = false
		}
		f := rand.Float64()
		if f < 0 || f >= 1 {
			inRange = false
		}
		if rand.Int63() < 0 {
			inRange = false
		}
	}
	fmt.Println("all in range:", inRange)
	p := rand.Perm(6)
	sort.Ints(p)
	fmt.Println("perm sorted:", p)
	words := []string{"d", "a", "c", "b"}
	rand.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	sort.Strings(words)
	fmt.Println("shuffled then sorted:", words)
}
