package main

func main() {
	x := 1
	x := 2
	var m map[string]int
	v, ok := m["a"], 1
	m.foo()
	var p *int
	p.x = 1
	y := nil
	_ = 1 / 0
}
