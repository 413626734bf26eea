// A variable whose initialiser is wrong is not reported as unused as well; one whose
// initialiser is right is. A field of a struct a function returns is a plain value.
package main

type stat struct{ n int }

func get() stat { return stat{} }

func two() (int, int) { return 1, 2 }

func main() {
	var a string = 5
	var b = undefinedX
	k := undefinedY
	var h int = nil
	var d, e int = two()
	get().n = 3
	get().n++
}
