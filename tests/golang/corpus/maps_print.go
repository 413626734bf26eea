// Maps: fmt prints them sorted by key; lookups, comma-ok, delete, len, and sorted iteration.
package main

import (
	"fmt"
	"sort"
)

func main() {
	ages := map[string]int{"zoe": 31, "adam": 25, "mia": 19}
	ages["bob"] = 40
	fmt.Println(ages, len(ages))
	delete(ages, "mia")
	v, ok := ages["mia"]
	fmt.Println(v, ok, ages["nobody"])
	keys := make([]string, 0, len(ages))
	for k := range ages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, ages[k])
	}
	byLen := map[int][]string{}
	for _, w := range []string{"go", "is", "fun", "and", "fast"} {
		byLen[len(w)] = append(byLen[len(w)], w)
	}
	fmt.Println(byLen)
	set := map[rune]bool{'c': true, 'a': true, 'b': false}
	fmt.Println(set)
	var nilMap map[string]int
	fmt.Println(nilMap == nil, len(nilMap), nilMap["x"], nilMap)
	sum := 0
	for _, a := range ages {
		sum += a
	}
	fmt.Println("sum", sum)
	fmt.Printf("%v %d\n", map[bool]int{true: 1, false: 0}, map[string]int{"b": 2, "a": 1})
}
