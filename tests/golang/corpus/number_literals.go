// Number literals as Go writes them: digit separators, every base, and floats.
package main

import "fmt"

const million = 1_000_000

func main() {
	fmt.Println(million, 0x_FF, 0b1010_1010, 0o7_7, 0_17, 017)
	fmt.Println(1_000.5, 1e3, 0x1p4, .5)
	jobs := make(chan int, 1_0)
	fmt.Println(cap(jobs))
}
