// panic with a named string type: Go prints main.State("stuck"), quotes included.
package main

type State string

func main() {
	var s State = "stuck"
	panic(s)
}
