// sort.Ints, sort.Strings, sort.Slice and a few math functions, with float formatting.
package main

import (
	"fmt"
	"math"
	"sort"
)

type person struct {
	Name string
	Age  int
}

func main() {
	nums := []int{5, 2, 8, -1, 2}
	sort.Ints(nums)
	fmt.Println(nums)
	names := []string{"pear", "apple", "fig"}
	sort.Strings(names)
	fmt.Println(names)
	people := []person{{"al", 30}, {"bo", 25}, {"cy", 35}}
	sort.Slice(people, func(i, j int) bool { return people[i].Age > people[j].Age })
	fmt.Println(people)
	fmt.Println(math.Sqrt(2), math.Sqrt(16))
	fmt.Println(math.Max(3, 7.5), math.Min(-1, 2))
	fmt.Printf("%.3f %f %v\n", math.Pi, 2.5, 1e21)
	fmt.Println(0.1+0.2, 1.0, 3.0/2, float64(7)/3)
	const tenth float64 = 0.1 // typed: rounded to float64 before the addition
	fmt.Println(tenth+0.2, float32(0.1)+0.2, 1e300*1e300/1e300)
	fmt.Println(7/2, -7/2, 7%3, -7%3)
	fmt.Println(math.MaxInt64, math.MinInt64)
	var f float64 = 100
	fmt.Println(f, f/3)
}
