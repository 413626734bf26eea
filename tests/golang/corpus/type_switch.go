// Type switches over interface{} values, including nil, errors and your own types.
package main

import (
	"errors"
	"fmt"
)

type Celsius float64

func describe(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", x+1)
	case string:
		return "string of length " + fmt.Sprint(len(x))
	case bool:
		if x {
			return "true bool"
		}
		return "false bool"
	case []int:
		return fmt.Sprintf("slice of %d ints", len(x))
	case error:
		return "error: " + x.Error()
	case Celsius:
		return fmt.Sprintf("%.1f degrees", float64(x))
	case fmt.Stringer:
		return "stringer " + x.String()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	values := []interface{}{42, "hello", true, nil, []int{1, 2}, errors.New("oops"), Celsius(21.5), 3.5, map[string]int{}}
	for _, v := range values {
		fmt.Println(describe(v))
	}
}
