// panic with an error value prints its Error() text, wrapped or not.
package main

import (
	"errors"
	"fmt"
)

var errDisk = errors.New("disk full")

func main() {
	panic(fmt.Errorf("saving report: %w", errDisk))
}
