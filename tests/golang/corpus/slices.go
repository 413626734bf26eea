// Slices: append, copy, slicing shares the array, len and cap, nil vs empty, 2-D slices.
package main

import "fmt"

func main() {
	var s []int
	fmt.Println(s == nil, len(s), s)
	for i := 0; i < 5; i++ {
		s = append(s, i*i)
	}
	fmt.Println(s, len(s))
	t := s[1:3]
	t[0] = 100
	fmt.Println(s, t, len(t))
	c := make([]int, 2)
	n := copy(c, s)
	fmt.Println(n, c)
	s = append(s[:1], s[2:]...)
	fmt.Println(s)
	grid := make([][]string, 3)
	for i := range grid {
		grid[i] = make([]string, 3)
		for j := range grid[i] {
			if (i+j)%2 == 0 {
				grid[i][j] = "x"
			} else {
				grid[i][j] = "o"
			}
		}
	}
	fmt.Println(grid)
	arr := [4]int{1, 2, 3}
	b := arr
	b[0] = 9
	fmt.Println(arr, b, len(arr))
	sl := arr[:]
	sl[3] = 7
	fmt.Println(arr)
	words := []string{"a", "b"}
	words = append(words, []string{"c", "d"}...)
	fmt.Printf("%v %q %d\n", words, words, len(words))
	bs := []byte("hey")
	fmt.Println(bs, string(bs))
	empty := []int{}
	fmt.Println(empty == nil, len(empty))
}
