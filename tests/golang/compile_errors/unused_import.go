// An import that is never used is an error.
package main

import (
	"fmt"
	"strings"
	"time"
)

func main() {
	fmt.Println(strings.Repeat("-", 3))
}
