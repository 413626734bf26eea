package main

import (
	"fmt"
	"os"
	"strconv"
)

type Shape interface {
	Area() float64
}

type Rect struct{ w, h float64 }

func (r Rect) Area() float64 { return r.w * r.h }

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

func (c Counter) String() string { return "counter " + strconv.Itoa(c.n) }

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func classify(x interface{}) string {
	switch v := x.(type) {
	case int:
		return "int " + strconv.Itoa(v)
	case string, bool:
		return fmt.Sprint("other ", v)
	case nil:
		return "nil"
	default:
		return "?"
	}
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func mustPositive(n int) int {
	if n > 0 {
		return n
	}
	panic("not positive")
}

func loop() int {
	for {
		return 1
	}
}

func main() {
	var s Shape = Rect{2, 3}
	fmt.Println(s.Area())
	var c Counter
	c.Inc()
	fmt.Println(c)
	q, r := divmod(7, 2)
	x, y := 1, 2
	x, y = y, x
	x += 3
	y <<= 1
	y--
	const big = 1 << 40
	var f float64 = big
	m := map[string][]int{"a": {1, 2}}
	m["b"] = append(m["b"], 3)
	if v, ok := m["a"]; ok && len(v) > 1 {
		fmt.Println(v[1:], f)
	} else if len(m) == 0 {
		fmt.Println("empty")
	} else {
		fmt.Println("other")
	}
	arr := [...]string{"x", "y", "z"}
	for i, v := range arr {
		if i == 1 {
			continue
		}
		fmt.Println(i, v)
	}
	for k := range m {
		_ = k
	}
	for i := range "héllo" {
		_ = i
	}
	ch := make(chan int, 1)
	done := make(chan struct{})
	ch <- 1
	select {
	case v, ok := <-ch:
		fmt.Println(v, ok)
	case ch <- 2:
	case <-done:
	default:
	}
outer:
	for i := 0; i < 3; i++ {
		switch {
		case i == 0:
			continue outer
		case i == 1:
			fallthrough
		case i == 2:
			break outer
		}
	}
	switch Blue {
	case Red, Green:
		fmt.Println("rg")
	case Blue:
		fmt.Println("b")
	}
	defer func() {
		if rec := recover(); rec != nil {
			fmt.Println("recovered:", rec)
		}
	}()
	p := &Counter{}
	p.Inc()
	var iface fmt.Stringer = p
	fmt.Println(classify(q), classify("s"), classify(nil), r, x, y, iface.String(), loop())
	b := []byte("abc")
	b[0] = 'z'
	fmt.Printf("%s %d %v\n", string(b), mustPositive(len(b)), float64(x)/2)
	if len(os.Args) > 5 {
		os.Exit(3)
	}
	type local struct{ a int }
	l := local{a: 1}
	l.a++
	fmt.Println(l)
}
