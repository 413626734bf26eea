// Returning too many or too few values.
package main

func one() int {
	return 1, nil
}

func two() (int, error) {
	return 1
}

func none() {
	return 5
}

func main() {
	one()
	two()
	none()
}
