// Errors: errors.New sentinels, fmt.Errorf with %w, errors.Is, errors.As, errors.Unwrap, custom types.
package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Code  int
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("query %q failed with code %d", e.Query, e.Code)
}

func find(key string) error {
	if key == "missing" {
		return fmt.Errorf("find %s: %w", key, ErrNotFound)
	}
	if key == "broken" {
		return fmt.Errorf("layer two: %w", &QueryError{Query: key, Code: 500})
	}
	return nil
}

func main() {
	err := find("missing")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), err == ErrNotFound)
	fmt.Println(errors.Unwrap(err) == ErrNotFound, errors.Unwrap(ErrNotFound))

	err = find("broken")
	var qe *QueryError
	if errors.As(err, &qe) {
		fmt.Println("as QueryError:", qe.Code, qe.Query)
	}
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound))

	wrapped := fmt.Errorf("outer: %w", fmt.Errorf("middle: %w", ErrNotFound))
	fmt.Println(wrapped, errors.Is(wrapped, ErrNotFound))
	flat := fmt.Errorf("flat: %v", ErrNotFound)
	fmt.Println(flat, errors.Is(flat, ErrNotFound))
	fmt.Println(find("ok") == nil, find("ok"))
	fmt.Printf("%v|%s|%q\n", ErrNotFound, ErrNotFound, ErrNotFound)
}
