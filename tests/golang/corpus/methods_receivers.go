// Value receivers work on a copy, pointer receivers change the original; method values bind it.
package main

import "fmt"

type Account struct {
	Owner   string
	Balance int
}

func (a Account) Describe() string { return fmt.Sprintf("%s has %d", a.Owner, a.Balance) }
func (a Account) TryDeposit(n int) { a.Balance += n }
func (a *Account) Deposit(n int)   { a.Balance += n }

type Temp float64

func (t Temp) Fahrenheit() Temp { return t*9/5 + 32 }

func main() {
	acc := Account{Owner: "ann", Balance: 10}
	acc.TryDeposit(5)
	fmt.Println(acc.Describe())
	acc.Deposit(5)
	fmt.Println(acc.Describe())
	p := &acc
	p.Deposit(1)
	fmt.Println(p.Describe(), acc.Balance)
	dep := acc.Deposit
	dep(100)
	desc := acc.Describe
	acc.Deposit(1000)
	fmt.Println(acc.Balance, desc())
	fmt.Println(Temp(100).Fahrenheit())
	fmt.Printf("%v %+v\n", acc, *p)
}
