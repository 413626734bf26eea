// context.WithTimeout and WithDeadline: Done closes at the deadline, Err is DeadlineExceeded.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func slowOp(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Millisecond)
	defer cancel()
	fmt.Println("fast:", slowOp(ctx, 5*time.Millisecond))
	err := slowOp(ctx, time.Second)
	fmt.Println("slow:", err)
	fmt.Println(errors.Is(err, context.DeadlineExceeded), err == context.DeadlineExceeded)

	dctx, dcancel := context.WithDeadline(context.TODO(), time.Now().Add(20*time.Millisecond))
	defer dcancel()
	<-dctx.Done()
	fmt.Println("deadline:", dctx.Err())

	pctx, pcancel := context.WithCancel(context.Background())
	child, ccancel := context.WithTimeout(pctx, time.Hour)
	defer ccancel()
	pcancel()
	<-child.Done()
	fmt.Println("child of cancelled parent:", child.Err())
}
