// strings and strconv: Repeat, Join, Split, Contains, ToUpper, Itoa, Atoi and its errors.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	fmt.Println(strings.Repeat("ab", 3))
	parts := strings.Split("a,b,,c", ",")
	fmt.Println(len(parts), parts)
	fmt.Printf("%q\n", parts)
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"))
	fmt.Println(strings.Contains("goroutine", "rout"), strings.Contains("chan", "x"))
	fmt.Println(strings.ToUpper("select {}"))
	fmt.Println(strconv.Itoa(-45) + "!")
	n, err := strconv.Atoi("123")
	fmt.Println(n+1, err)
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	_, err = strconv.Atoi("")
	fmt.Println(err)
	s := "héllo"
	fmt.Println(len(s), []rune(s)[1] == 'é')
	for i, r := range "aé" {
		fmt.Println(i, r, string(r))
	}
	fmt.Println(s[0], s[1:3] == "é", string(s[0]))
	var sb []string
	for i := 0; i < 3; i++ {
		sb = append(sb, strconv.Itoa(i))
	}
	fmt.Println(strings.Join(sb, ""))
}
