// A function with results must end in a terminating statement.
package main

import "fmt"

func sign(n int) int {
	if n > 0 {
		return 1
	} else if n < 0 {
		return -1
	}
}

func loop() string {
	for i := 0; i < 3; i++ {
		return "x"
	}
}

func forever() int {
	for {
	}
}

func main() {
	fmt.Println(sign(1), loop(), forever())
}
