// panic with a value of your own error type prints its Error() method's text.
package main

type ValidationError struct {
	Field string
}

func (e ValidationError) Error() string { return "invalid field " + e.Field }

func validate(name string) {
	if name == "" {
		panic(ValidationError{Field: "name"})
	}
}

func main() {
	validate("ok")
	validate("")
}
