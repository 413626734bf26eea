// recover in a deferred function stops a panic and turns it into an error; deferred calls still run.
package main

import (
	"errors"
	"fmt"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func mustPositive(n int) int {
	if n < 0 {
		panic(fmt.Sprintf("negative: %d", n))
	}
	return n
}

func try(f func()) (msg string) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			msg = "error " + e.Error()
			return
		}
		msg = fmt.Sprint("value ", r)
	}()
	f()
	return "no panic"
}

func main() {
	fmt.Println(safeDiv(10, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(try(func() { mustPositive(-3) }))
	fmt.Println(try(func() { panic(errors.New("custom")) }))
	fmt.Println(try(func() {
		var m map[string]int
		m["a"] = 1
	}))
	fmt.Println(try(func() {
		s := []int{1, 2, 3}
		i := 5
		_ = s[i]
	}))
	fmt.Println(try(func() {}))
	fmt.Println(recover())
	fmt.Println("still running")
}
